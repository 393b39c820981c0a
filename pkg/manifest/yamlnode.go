package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v4"
)

// maxMerged bounds the entries merge keys may produce in one file: a
// handful of anchors merged into each other can otherwise expand
// exponentially (the "billion laughs").
const maxMerged = 100_000

// maxAliasDepth bounds how far aliases and merge keys are followed, so a
// file whose anchors refer to each other cannot make the walk loop.
const maxAliasDepth = 16

// yamlReader reads YAML manifests into node trees and collects their
// problems into the Source.
type yamlReader struct {
	src *Source
	// checked are the mappings already checked for duplicate keys, so a
	// mapping reached through several aliases is reported once.
	checked map[*yaml.Node]bool
	// merged counts the entries merge keys have produced so far;
	// overBudget says the count passed maxMerged and was reported.
	merged     int
	overBudget bool
}

func newYAMLReader(src *Source) *yamlReader {
	return &yamlReader{src: src, checked: map[*yaml.Node]bool{}}
}

// documents parses every document of data (--- separated) and returns the
// root node of each non-empty one. A parse error ends the stream: the
// documents before it are returned and the error becomes a Problem.
func (r *yamlReader) documents(data []byte) []*yaml.Node {
	var out []*yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			r.src.problem(yamlProblem(err))
			return out
		}
		if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
			doc = *doc.Content[0]
		}
		if doc.Kind == 0 || doc.Kind == yaml.ScalarNode && doc.ShortTag() == "!!null" {
			continue
		}
		out = append(out, &doc)
	}
}

// yamlProblem turns a YAML parse error into a line and a one-line message.
func yamlProblem(err error) (int, string) {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		msg := le.Message
		if msg == "" {
			msg = "invalid YAML"
		}
		return le.Mark.Line, "invalid YAML: " + oneLine(msg)
	}
	return 0, "invalid YAML: " + oneLine(err.Error())
}

// oneLine collapses white space so a message stays on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// resolve follows aliases to the node they name.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < maxAliasDepth; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// pair is one key and value of a mapping.
type pair struct {
	key, value *yaml.Node
}

// pairs returns the entries of mapping n, with merge keys (<<: *base)
// expanded the way YAML 1.1 tools do: merged entries first, each dropped
// when the mapping sets its key itself. It is nil for anything else.
func (r *yamlReader) pairs(n *yaml.Node) []pair {
	return r.pairsDepth(resolve(n), 0)
}

func (r *yamlReader) pairsDepth(n *yaml.Node, depth int) []pair {
	if n == nil || n.Kind != yaml.MappingNode || depth > maxAliasDepth || r.merged > maxMerged {
		return nil
	}
	r.checkDuplicates(n)
	var merged, own []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.ShortTag() == "!!merge" {
			v = resolve(v)
			if v == nil {
				continue
			}
			if v.Kind == yaml.SequenceNode {
				for _, m := range v.Content {
					merged = append(merged, r.pairsDepth(resolve(m), depth+1)...)
				}
			} else {
				merged = append(merged, r.pairsDepth(v, depth+1)...)
			}
			continue
		}
		own = append(own, pair{k, v})
	}
	if len(merged) == 0 {
		return own
	}
	if r.merged += len(merged); r.merged > maxMerged {
		if !r.overBudget {
			r.overBudget = true
			r.src.problem(n.Line, "merge keys (<<) expand to too many entries; the rest of the file was not read")
		}
		return own
	}
	set := map[string]bool{}
	for _, p := range own {
		set[p.key.Value] = true
	}
	var out []pair
	for _, p := range merged {
		if !set[p.key.Value] {
			set[p.key.Value] = true
			out = append(out, p)
		}
	}
	return append(out, own...)
}

// checkDuplicates reports keys a mapping sets twice, which Compose and
// kubectl reject.
func (r *yamlReader) checkDuplicates(n *yaml.Node) {
	if r.checked[n] {
		return
	}
	r.checked[n] = true
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.Value == "<<" {
			continue
		}
		if first, ok := seen[k.Value]; ok {
			r.src.problem(k.Line, fmt.Sprintf("key %q is defined twice (first on line %d)", clip(k.Value, 60), first))
			continue
		}
		seen[k.Value] = k.Line
	}
}

// get returns the value of key in mapping n, or nil.
func (r *yamlReader) get(n *yaml.Node, key string) *yaml.Node {
	var found *yaml.Node
	for _, p := range r.pairs(n) {
		if p.key.Value == key {
			found = resolve(p.value)
		}
	}
	return found
}

// scalar returns the text of a scalar node; ok is false for anything
// else, and for null, which in an environment means "pass through".
func scalar(n *yaml.Node) (string, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		return "", false
	}
	return n.Value, true
}

// text returns a scalar's text, or "".
func text(n *yaml.Node) string {
	s, _ := scalar(n)
	return s
}

// items returns the entries of a sequence node, aliases resolved.
func items(n *yaml.Node) []*yaml.Node {
	n = resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		if c = resolve(c); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// clip shortens s to n bytes for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}
