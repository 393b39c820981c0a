package calibrate

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strings"
)

// Bounds of what is read of a body: a calibration response is a small
// page, and a bigger one is judged on its first maxBody bytes.
const (
	maxBody     = 1 << 20
	maxTitle    = 64 << 10
	maxItems    = 20
	maxKeys     = 500
	maxKeyBytes = 128
	maxNesting  = 8
)

// kind is how a body's shape is compared.
type kind int

const (
	kindOther kind = iota
	kindEmpty
	kindJSON
	kindHTML
)

// shape is what a profile keeps of one response: never the body itself.
type shape struct {
	status int
	// mediaType is the Content-Type's media type, lower case, without
	// parameters.
	mediaType string
	kind      kind
	// keys is the sorted JSON key set, for kindJSON.
	keys []string
	// topKeys are the top-level keys (of the object, or of the items of
	// a top-level array) for the summary; array tells which.
	topKeys []string
	array   bool
	// title is the normalised HTML title, for kindHTML.
	title string
	size  int
	// sum is the hash of the normalised body.
	sum [sha256.Size]byte
}

// shapeOf reads s.
func shapeOf(s Sample) shape {
	body := s.Body
	if len(body) > maxBody {
		body = body[:maxBody]
	}
	sh := shape{status: s.Status, mediaType: mediaType(s.Header), size: len(s.Body), sum: sha256.Sum256(normalize(body))}
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) == 0:
		sh.kind = kindEmpty
	case isHTML(sh.mediaType, trimmed):
		sh.kind = kindHTML
		sh.title = title(body)
	default:
		if keys, top, array, ok := jsonKeys(trimmed); ok {
			sh.kind, sh.keys, sh.topKeys, sh.array = kindJSON, keys, top, array
		}
	}
	return sh
}

// mediaType is h's Content-Type without parameters, lower case; one that
// is not a media type at all is "invalid", so that the summary never
// carries header text.
func mediaType(h http.Header) string {
	ct := h.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(ct, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
	}
	if len(mt) > 100 || strings.ContainsFunc(mt, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$&^_.+-/", r))
	}) {
		return "invalid"
	}
	return mt
}

// isHTML reports whether the body is an HTML page: by its media type, or
// by how it starts when the type is missing or generic.
func isHTML(mt string, body []byte) bool {
	if mt == "text/html" || mt == "application/xhtml+xml" {
		return true
	}
	if mt != "" && mt != "text/plain" && mt != "application/octet-stream" {
		return false
	}
	head := bytes.ToLower(body[:min(len(body), 15)])
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// title is the normalised text of the page's first <title>, read in the
// first maxTitle bytes.
func title(body []byte) string {
	head := bytes.ToLower(body[:min(len(body), maxTitle)])
	start := bytes.Index(head, []byte("<title"))
	if start < 0 {
		return ""
	}
	open := bytes.IndexByte(head[start:], '>')
	if open < 0 {
		return ""
	}
	from := start + open + 1
	end := bytes.Index(head[from:], []byte("</title"))
	if end < 0 {
		return ""
	}
	text := body[from : from+end]
	return strings.Join(strings.Fields(string(normalize(text))), " ")
}

// jsonKeys reads the key set of a JSON document: the keys of the top
// object and of the objects one level down, each written with its value's
// type (a null where the real object would be is another shape), and an
// array written as the types of its items and their keys, so an empty list
// and a list of objects differ. top lists the top-level keys.
func jsonKeys(body []byte) (keys, top []string, array, ok bool) {
	if body[0] != '{' && body[0] != '[' {
		return nil, nil, false, false
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil, nil, false, false
	}
	w := &keyWalk{set: map[string]bool{}, top: map[string]bool{}}
	_, array = v.([]any)
	w.walk("", v, 0, 0)
	return sortedKeys(w.set), sortedKeys(w.top), array, true
}

// keyWalk collects the key set, bounded in items per array and keys in
// all.
type keyWalk struct {
	set, top map[string]bool
}

// walk adds the keys under v, written at prefix, v being at object level
// depth (0 for the top object) and nest values deep.
func (w *keyWalk) walk(prefix string, v any, depth, nest int) {
	if nest > maxNesting {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		if depth > 1 {
			return
		}
		for _, k := range slices.Sorted(maps.Keys(x)) {
			if len(w.set) >= maxKeys {
				return
			}
			if len(k) > maxKeyBytes {
				k = k[:maxKeyBytes]
			}
			if depth == 0 {
				w.top[k] = true
			}
			path := prefix + k
			w.set[path+":"+typeOf(x[k])] = true
			w.walk(path+".", x[k], depth+1, nest+1)
		}
	case []any:
		for i, it := range x {
			if i >= maxItems || len(w.set) >= maxKeys {
				return
			}
			w.set[prefix+"[]:"+typeOf(it)] = true
			w.walk(prefix+"[].", it, depth, nest+1)
		}
	}
}

// typeOf names a JSON value's type in a key set.
func typeOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "bool"
	}
	return "number"
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
