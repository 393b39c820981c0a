// Package params fills the path parameters of an operation with concrete
// values a live probe can send: values the configuration names for the
// identity's tenant, the spec's examples and defaults, and IDs harvested
// from the identity's own list responses. It never invents an ID: an
// operation whose parameters have no value is not probed.
package params

import (
	"net/url"
	"slices"
	"strings"
)

// Source is where a parameter's value came from.
type Source string

// The sources, in the order a lookup tries them.
const (
	SourceConfig    Source = "config"
	SourceExample   Source = "spec example"
	SourceHarvested Source = "harvested"
)

// Fill writes template with each {placeholder} replaced by the
// path-escaped value lookup gives for it, and lists the placeholders it
// has no value for, each once, in the order written. A placeholder is
// looked up by its declared spelling among names when one matches it
// exactly or but for case ({invoiceID} declared as invoiceId). A value that
// is empty, "." or ".." could change which path is requested, so it
// counts as missing. A template without placeholders returns itself.
func Fill(template string, names []string, lookup func(name string) (value string, src Source, ok bool)) (path string, missing []string) {
	var b strings.Builder
	rest := template
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			b.WriteString(rest)
			break
		}
		name, ok := placeholder(rest[open+1:])
		if !ok {
			b.WriteString(rest[:open+1])
			rest = rest[open+1:]
			continue
		}
		b.WriteString(rest[:open])
		rest = rest[open+1+len(name)+1:]
		key := declared(name, names)
		value, _, found := lookup(key)
		if !found || !usable(value) {
			if !slices.Contains(missing, key) {
				missing = append(missing, key)
			}
			b.WriteString("{" + name + "}")
			continue
		}
		b.WriteString(url.PathEscape(value))
	}
	return b.String(), missing
}

// placeholder reads the name of a placeholder whose '{' has been read:
// everything up to the next '}', when that is not empty and holds no
// '{' or '/'.
func placeholder(s string) (string, bool) {
	end := strings.IndexByte(s, '}')
	if end <= 0 {
		return "", false
	}
	name := s[:end]
	if strings.ContainsAny(name, "{/") {
		return "", false
	}
	return name, true
}

// declared is the spelling of name among names: an exact match, else one
// equal but for case, else name itself.
func declared(name string, names []string) string {
	for _, n := range names {
		if n == name {
			return n
		}
	}
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return n
		}
	}
	return name
}

// usable reports whether v can stand in a path segment without naming
// another path.
func usable(v string) bool {
	return v != "" && v != "." && v != ".."
}
