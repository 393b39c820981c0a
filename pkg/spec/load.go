package spec

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sort"

	"go.yaml.in/yaml/v4"
)

// Options tune Load.
type Options struct {
	// MaxBytes is the largest file Load reads; 0 means DefaultMaxBytes.
	// The files a document's $refs pull in may add up to twice as much.
	MaxBytes int64
}

// Load reads the OpenAPI document file (relative to the scan root, read
// through read) and every file its $refs name, into the model.
//
// Whatever is wrong with the document comes back as Problems, located at
// the line the fault is on. When the strict loader refuses the document
// the model is still read from the raw YAML, as far as it goes, and marked
// Partial. The Document is nil only when the file itself cannot be read
// (missing, outside the root, over the size limit), and then a Problem
// says why. Load never panics, and its time and memory are bounded by
// Options.MaxBytes.
func Load(ctx context.Context, file string, read ReadFunc, opts Options) (*Document, []Problem) {
	src := newSources(ctx, read, opts.MaxBytes)
	name, err := cleanRel(file)
	if err != nil {
		return nil, []Problem{{Loc: Location{File: file}, Message: fmt.Sprintf("cannot read the document: %v", err)}}
	}
	data, err := src.readFile(name)
	if err != nil {
		return nil, []Problem{{Loc: Location{File: name}, Message: readFailure(err)}}
	}
	ps := &problems{}
	var doc *Document
	switch {
	case len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))) == 0:
		ps.add(Location{File: name, Line: 1}, "", "empty file: not an OpenAPI document")
		doc = &Document{File: name, Partial: true}
	case sniffKey(data) == "swagger":
		doc = loadSwagger(ctx, src, ps, name, data, nil)
	default:
		doc = load3(ctx, src, ps, name, data)
	}
	sort.SliceStable(ps.list, func(i, j int) bool {
		a, b := ps.list[i].Loc, ps.list[j].Loc
		return a.File < b.File || a.File == b.File && a.Line < b.Line
	})
	return doc, ps.list
}

// readFailure words why the document itself could not be read.
func readFailure(err error) string {
	switch {
	case errors.Is(err, ErrTooLarge):
		return fmt.Sprintf("document not loaded: %v; if the document is meant to be that large, raise limits.max_spec_bytes in .launchgate.yml", err)
	case errors.Is(err, fs.ErrNotExist):
		return "document not found"
	}
	return fmt.Sprintf("cannot read the document: %v", err)
}

// load3 loads a 3.x document: kin-openapi's single parse on the happy path,
// the raw YAML tree when it refuses.
func load3(ctx context.Context, src *sources, ps *problems, file string, data []byte) *Document {
	t, err := loadStrict3(ctx, src, file, data)
	if err == nil && t != nil && t.OpenAPI != "" && t.Origin != nil {
		kb := newKinBuilder(file)
		doc := kb.build(t)
		if len(kb.dangling) > 0 {
			explainDangling(ctx, src, ps, file, data, kb.dangling)
		}
		return doc
	}
	top, ok := parseRaw(ps, file, data)
	if !ok {
		return &Document{File: file, Partial: true}
	}
	if !isOpenAPI(top) {
		ps.add(Location{File: file, Line: 1}, "", "not an OpenAPI document: no openapi or swagger field")
		return &Document{File: file, Partial: true}
	}
	if _, v := entry(top, "swagger"); v != nil {
		return loadSwagger(ctx, src, ps, file, data, top)
	}
	doc := newRawBuilder(ctx, src, ps, file, top).build()
	switch {
	case err != nil:
		doc.Partial = true
		if !ps.covers(err.Error()) {
			ps.prepend(strictProblem(err, src, file, top))
		}
	case duplicateKeys(file, top, ps):
		// kin-openapi fell back to JSON, which keeps the last of duplicate
		// keys; a reviewer cannot tell which one a server would honour.
		doc.Partial = true
	case t != nil && t.OpenAPI == "":
		k, _ := entry(top, "openapi")
		ps.add(nodeLoc(file, k, nil), "", "the openapi field is empty: it must name the version, such as 3.1.0")
		doc.Partial = true
	default:
		doc.Partial = len(ps.list) > 0
	}
	return doc
}

// loadSwagger reads a 2.0 document from its node tree, which has the
// positions kin-openapi's 2.0 decoder does not keep, and lets kin-openapi
// judge whether it is valid.
func loadSwagger(ctx context.Context, src *sources, ps *problems, file string, data []byte, top *yaml.Node) *Document {
	if top == nil {
		var ok bool
		if top, ok = parseRaw(ps, file, data); !ok {
			return &Document{File: file, Partial: true}
		}
	}
	doc := newRawBuilder(ctx, src, ps, file, top).build()
	if err := checkStrict2(ctx, src, file, data); err != nil {
		if !ps.covers(err.Error()) {
			ps.prepend(strictProblem(err, src, file, top))
		}
	}
	duplicateKeys(file, top, ps)
	if len(ps.list) > 0 {
		doc.Partial = true
	}
	return doc
}

// isOpenAPI reports whether top is a mapping with a version field.
func isOpenAPI(top *yaml.Node) bool {
	top = deref(top)
	if top == nil || top.Kind != yaml.MappingNode {
		return false
	}
	k1, _ := entry(top, "openapi")
	k2, _ := entry(top, "swagger")
	return k1 != nil || k2 != nil
}

// explainDangling words the $refs kin-openapi accepted but left without a
// value, using the fallback resolver to tell a cycle from a dead pointer.
func explainDangling(ctx context.Context, src *sources, ps *problems, file string, data []byte, refs []danglingRef) {
	top, _, _, err := parseLenient(data)
	if err != nil {
		return
	}
	b := newRawBuilder(ctx, src, ps, file, top)
	for _, d := range refs {
		if d.path != "" {
			k, v := entry(value(top, "paths"), d.path)
			if k == nil {
				continue
			}
			if _, ok := b.resolve(target{file: file, key: k, node: v}); ok {
				_, ref := refOf(v)
				ps.add(nodeLoc(file, k, nil), ref, "path item $ref %q does not resolve to anything", ref)
			}
			continue
		}
		n := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Value: "$ref", Line: d.at.Line, Column: d.at.Column},
			{Kind: yaml.ScalarNode, Value: d.ref, Line: d.at.Line},
		}}
		if _, ok := b.resolve(target{file: d.at.File, node: n}); ok {
			ps.add(d.at, d.ref, "$ref %q does not resolve to anything", d.ref)
		}
	}
}

// duplicateKeys reports the first key written twice in one mapping.
func duplicateKeys(file string, top *yaml.Node, ps *problems) bool {
	found := false
	stack := []*yaml.Node{top}
	for len(stack) > 0 && !found {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		if n.Kind == yaml.MappingNode {
			seen := make(map[string]int, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if first, ok := seen[k.Value]; ok && k.Kind == yaml.ScalarNode {
					ps.add(Location{File: file, Line: k.Line, Column: k.Column}, "",
						"duplicate key %q (first written at line %d): parsers disagree on which one counts", k.Value, first)
					found = true
					break
				}
				seen[k.Value] = k.Line
			}
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return found
}

// parseRaw parses data leniently into a node tree, reporting a parse error
// or a control character it had to blank out. It reports false when
// nothing could be read.
func parseRaw(ps *problems, file string, data []byte) (*yaml.Node, bool) {
	top, blankLine, blankCol, err := parseLenient(data)
	if err != nil {
		line, col := errorPosition(err.Error())
		ps.add(Location{File: file, Line: max(line, 1), Column: col}, "", "%s", cleanParserError(err.Error(), formatOf(file, data)))
		return nil, false
	}
	if blankLine > 0 {
		ps.add(Location{File: file, Line: blankLine, Column: blankCol}, errControl,
			"control character in the document (not allowed in YAML or in JSON strings): it was read as a space")
	}
	return top, true
}
