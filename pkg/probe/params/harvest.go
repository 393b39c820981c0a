package params

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds of a harvest: a list response is read on its first maxListBody
// bytes, its first maxItems items, and the list is looked for at most
// maxListDepth objects down.
const (
	maxListBody  = 4 << 20
	maxItems     = 200
	maxListDepth = 2
	maxValueLen  = 256
)

// Harvest collects the id-like fields of the items of a JSON list
// response (a top-level array, or an object holding the list in one array
// field, data, items, results, …, possibly one object further down):
// id, uuid, slug, <name>Id and <name>_id, each by field name, and those of
// the objects an item holds one level down as "<field>.<name>"
// (customer.id). Values are strings and integers, in item order, each
// once, at most max per field. Junk gives an empty map.
func Harvest(listBody []byte, max int) map[string][]string {
	out := map[string][]string{}
	if max <= 0 {
		return out
	}
	if len(listBody) > maxListBody {
		return out
	}
	dec := json.NewDecoder(bytes.NewReader(listBody))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return out
	}
	items := findList(v, 0)
	for i, it := range items {
		if i >= maxItems {
			break
		}
		obj, ok := it.(map[string]any)
		if !ok {
			continue
		}
		collect(out, "", obj, max)
		for _, k := range sortedKeys(obj) {
			if inner, ok := obj[k].(map[string]any); ok {
				collect(out, k+".", inner, max)
			}
		}
	}
	return out
}

// findList is the list a response carries: v itself when it is an array,
// else its one array field (or, among several, the first of listFields),
// else the list of its one object field, depth objects down at most.
func findList(v any, depth int) []any {
	// The names an API wraps its list in, tried when the object holds
	// more than one array.
	listFields := []string{"data", "items", "results", "records", "entries", "rows", "objects", "list", "content", "nodes", "edges"}
	switch x := v.(type) {
	case []any:
		return x
	case map[string]any:
		if depth > maxListDepth {
			return nil
		}
		var arrays, objects []string
		for _, k := range sortedKeys(x) {
			switch x[k].(type) {
			case []any:
				arrays = append(arrays, k)
			case map[string]any:
				objects = append(objects, k)
			}
		}
		if len(arrays) == 1 {
			return x[arrays[0]].([]any)
		}
		for _, name := range listFields {
			if slices.Contains(arrays, name) {
				return x[name].([]any)
			}
		}
		if len(arrays) == 0 && len(objects) == 1 {
			return findList(x[objects[0]], depth+1)
		}
	}
	return nil
}

// collect adds obj's id-like fields, named prefix+field.
func collect(out map[string][]string, prefix string, obj map[string]any, max int) {
	for _, k := range sortedKeys(obj) {
		if !idLike(k) {
			continue
		}
		v, ok := idValue(obj[k])
		if !ok {
			continue
		}
		name := prefix + k
		if len(out[name]) < max && !slices.Contains(out[name], v) {
			out[name] = append(out[name], v)
		}
	}
}

// idLike reports whether a field name names an identifier: id, uuid,
// slug, or a name ending in Id, ID, Uuid (camel case after a lower-case
// letter or digit) or _id, -id, _uuid — so paid and valid are not.
func idLike(k string) bool {
	switch strings.ToLower(k) {
	case "id", "uuid", "slug", "_id":
		return true
	}
	lower := strings.ToLower(k)
	for _, suf := range []string{"_id", "-id", "_uuid", "-uuid", "_slug"} {
		if strings.HasSuffix(lower, suf) && len(k) > len(suf) {
			return true
		}
	}
	for _, suf := range []string{"Id", "ID", "Uuid", "UUID"} {
		if rest, ok := strings.CutSuffix(k, suf); ok && rest != "" {
			r, _ := utf8.DecodeLastRuneInString(rest)
			return unicode.IsLower(r) || unicode.IsDigit(r)
		}
	}
	return false
}

// idValue is v as an ID: a short printable string, or an integer.
func idValue(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		if !usable(x) || len(x) > maxValueLen || !utf8.ValidString(x) || strings.ContainsFunc(x, unicode.IsControl) {
			return "", false
		}
		return x, true
	case json.Number:
		s := x.String()
		if strings.ContainsAny(s, ".eE") || len(s) > 40 {
			return "", false
		}
		return s, true
	}
	return "", false
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
