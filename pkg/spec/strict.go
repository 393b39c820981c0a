package spec

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// newKinLoader is kin-openapi's loader with positions on and every file
// read through src.
func newKinLoader(ctx context.Context, src *sources) *openapi3.Loader {
	l := openapi3.NewLoader()
	l.IncludeOrigin = true
	l.IsExternalRefsAllowed = true
	l.ReadFromURIFunc = src.kinReader
	l.Context = ctx
	return l
}

// loadStrict3 loads a 3.x document with kin-openapi. A panic inside the
// library is turned into an error: a document under review must never
// take the gate down.
func loadStrict3(ctx context.Context, src *sources, file string, data []byte) (t *openapi3.T, err error) {
	defer func() {
		if r := recover(); r != nil {
			t, err = nil, fmt.Errorf("the OpenAPI parser failed on this document: %v", r)
		}
	}()
	return newKinLoader(ctx, src).LoadFromDataWithPath(data, &url.URL{Path: file})
}

// checkStrict2 runs a 2.0 document through kin-openapi's decoder and its
// conversion to 3.0, which resolves the $refs: what either refuses is a
// problem with the document.
func checkStrict2(ctx context.Context, src *sources, file string, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the OpenAPI parser failed on this document: %v", r)
		}
	}()
	var d2 openapi2.T
	if err := openapi2.UnmarshalFromData(data, &d2); err != nil {
		return err
	}
	_, err = openapi2conv.ToV3WithLoader(&d2, newKinLoader(ctx, src), &url.URL{Path: file})
	return err
}

// strictProblem turns the strict loader's error into a Problem: at the line
// the error names, else at the $ref it quotes, else at the first line.
func strictProblem(err error, src *sources, file string, top *yaml.Node) Problem {
	text := err.Error()
	loc := Location{File: file}
	msg := cleanParserError(text, src.format(file))
	if name, cause := failedRead(src, err); cause != nil {
		ref := name
		if l, r, ok := findRef(src, file, top, quotedStrings(text)); ok {
			loc, ref = l, r
		} else if l, r, ok := findRef(src, file, top, []string{name}); ok {
			loc, ref = l, r
		}
		msg = readProblem(ref, name, cause)
	} else if line, col := errorPosition(text); line > 0 {
		loc.Line, loc.Column = line, col
		if strings.Contains(text, "failed to unmarshal data") && src.lastRead != "" {
			loc.File = src.lastRead
			msg = cleanParserError(text, src.format(src.lastRead)) + " (in " + src.lastRead + ")"
		}
	} else if l, _, ok := findRef(src, file, top, quotedStrings(text)); ok {
		loc = l
	} else if l, ok := findScalar(file, top, quotedStrings(text)); ok {
		loc = l
	}
	if loc.Line == 0 {
		loc.Line = 1
	}
	return Problem{Loc: loc, Message: msg}
}

// failedRead finds the file whose read failure err carries.
func failedRead(src *sources, err error) (string, error) {
	if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, ErrOutsideRoot) && !errors.Is(err, errRemote) && !errors.Is(err, ErrTooLarge) {
		return "", nil
	}
	text := err.Error()
	for name, cause := range src.failed {
		if strings.Contains(text, cause.Error()) {
			return name, cause
		}
	}
	return "", nil
}

// findRef finds a $ref whose value is one of refs, in the root document
// first and then in the files the fallback read, and returns where it is
// written. A ref naming a file is also matched by its resolved path.
func findRef(src *sources, file string, top *yaml.Node, refs []string) (Location, string, bool) {
	if len(refs) == 0 {
		return Location{}, "", false
	}
	search := func(f string, root *yaml.Node) (loc Location, ref string, ok bool) {
		refsIn(root, func(k, v *yaml.Node) bool {
			for _, r := range refs {
				doc, _, _ := strings.Cut(v.Value, "#")
				if v.Value == r || (doc != "" && joinRef(f, doc) == r) {
					loc, ref, ok = Location{File: f, Line: k.Line, Column: k.Column}, v.Value, true
					return false
				}
			}
			return true
		})
		return loc, ref, ok
	}
	if top != nil {
		if l, r, ok := search(file, top); ok {
			return l, r, true
		}
	}
	names := make([]string, 0, len(src.trees))
	for f := range src.trees {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		if root := src.trees[f]; root != nil && f != file {
			if l, r, ok := search(f, root); ok {
				return l, r, true
			}
		}
	}
	return Location{}, "", false
}

// findScalar finds the first scalar in the root document whose text is one
// of values: an error quoting a value it refused usually means that one.
func findScalar(file string, top *yaml.Node, values []string) (Location, bool) {
	if top == nil || len(values) == 0 {
		return Location{}, false
	}
	stack := []*yaml.Node{top}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.ScalarNode {
			for _, v := range values {
				if n.Value == v {
					return Location{File: file, Line: n.Line, Column: n.Column}, true
				}
			}
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return Location{}, false
}
