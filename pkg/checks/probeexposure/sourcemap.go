package probeexposure

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// Bounds of the source-map step.
const (
	maxScripts = 5
	maxMaps    = 5
)

var (
	// scriptSrc is a <script src=…> of a page.
	scriptSrc = regexp.MustCompile(`(?i)<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)`)
	// mappingURL is the last line comment a bundler writes.
	mappingURL = regexp.MustCompile(`(?m)^\s*//[#@]\s*sourceMappingURL\s*=\s*(\S+)\s*$`)
)

// sourceMap is what the check reads of a source map.
type sourceMap struct {
	Version        int       `json:"version"`
	Sources        []string  `json:"sources"`
	SourcesContent []*string `json:"sourcesContent"`
}

// sourceMaps fetches the home page, the same-origin scripts it loads and
// the source maps they name, and reports maps that carry the original
// sources, and secrets in any of them.
func (r *run) sourceMaps(ctx context.Context) error {
	home := "/"
	if r.lt.Base != nil && r.lt.Base.Path != "" {
		home = r.lt.Base.Path
	}
	page := r.get(ctx, home, nil)
	r.ev.home = home
	if page != nil {
		r.ev.homeStatus = page.Status
	}
	if page == nil || page.Status >= 300 {
		return nil
	}
	if err := r.secretsServed(ctx, home, page.Body); err != nil {
		return err
	}
	maps := 0
	for i, src := range r.scripts(home, page.Body) {
		if i >= maxScripts {
			break
		}
		js := r.get(ctx, src, nil)
		if js == nil || js.Status >= 300 {
			continue
		}
		r.ev.scripts++
		if err := r.secretsServed(ctx, src, js.Body); err != nil {
			return err
		}
		ref := js.Header.Get("SourceMap")
		if ref == "" {
			ref = js.Header.Get("X-SourceMap")
		}
		if ref == "" {
			if m := mappingURL.FindAllSubmatch(js.Body, -1); len(m) > 0 {
				ref = string(m[len(m)-1][1])
			}
		}
		if ref == "" || maps >= maxMaps {
			continue
		}
		maps++
		r.ev.maps++
		if err := r.sourceMap(ctx, src, ref); err != nil {
			return err
		}
	}
	return nil
}

// scripts are the same-origin paths of the page's script elements, each
// once, in page order.
func (r *run) scripts(pagePath string, body []byte) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range scriptSrc.FindAllSubmatch(body[:min(len(body), 512<<10)], 64) {
		if p, ok := r.sameOrigin(pagePath, string(m[1])); ok && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// sameOrigin resolves ref against the page at from and returns its path
// and query when it stays on the target's origin.
func (r *run) sameOrigin(from, ref string) (string, bool) {
	origin, err := url.Parse(r.lt.Client.Origin())
	if err != nil {
		return "", false
	}
	base := origin.ResolveReference(&url.URL{Path: from})
	u, err := base.Parse(ref)
	if err != nil || u.Scheme != origin.Scheme || u.Host != origin.Host {
		return "", false
	}
	return u.RequestURI(), true
}

// sourceMap reads the map ref names (a data: URL inline, a same-origin
// URL fetched) for the script at script.
func (r *run) sourceMap(ctx context.Context, script, ref string) error {
	var body []byte
	where := script
	if data, ok := strings.CutPrefix(ref, "data:"); ok {
		meta, payload, _ := strings.Cut(data, ",")
		if !strings.HasSuffix(meta, ";base64") {
			return nil
		}
		b, err := base64.StdEncoding.DecodeString(payload)
		if err != nil {
			return nil
		}
		body = b
	} else {
		p, ok := r.sameOrigin(script, ref)
		if !ok {
			return nil
		}
		resp := r.get(ctx, p, nil)
		if !r.served(resp) {
			return nil
		}
		body, where = resp.Body, p
	}
	var m sourceMap
	if json.Unmarshal(body, &m) != nil || m.Version == 0 {
		return nil
	}
	files := 0
	var kinds []string
	seen := map[string]bool{}
	for i, c := range m.SourcesContent {
		if c == nil || *c == "" {
			continue
		}
		files++
		name := where
		if i < len(m.Sources) {
			name = where + "!" + m.Sources[i]
		}
		found, err := r.secretsIn(ctx, name, []byte(*c))
		if err != nil {
			return err
		}
		for _, k := range found {
			if !seen[k] {
				seen[k] = true
				kinds = append(kinds, k)
			}
		}
	}
	if files == 0 {
		return nil
	}
	r.ev.mapsWithSources++
	msg := "the source map of " + script + " (" + where + ") carries the original sources (sourcesContent, " + plural(files, "file") + ")"
	r.reportFile(where, msg, classSource, kinds)
	return nil
}

// secretsServed reports the secrets in a page or script the target
// serves to everyone.
func (r *run) secretsServed(ctx context.Context, path string, body []byte) error {
	kinds, err := r.secretsIn(ctx, path, body)
	if err != nil || len(kinds) == 0 {
		return err
	}
	r.ev.secretsIn++
	r.reportFile(path, "GET "+path+" is served to everyone", classSecret, kinds)
	return nil
}

// plural is "1 file" or "3 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
