package spec

import (
	"errors"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// parseNode parses data into a node tree and returns its top node, nil for
// an empty document. Aliases are left as alias nodes: nothing is expanded
// here, so an alias bomb costs no more than its text.
func parseNode(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil, nil
		}
		return doc.Content[0], nil
	}
	if doc.Kind == 0 {
		return nil, nil
	}
	return &doc, nil
}

// errControl is how go-yaml words its refusal of control characters.
const errControl = "control characters are not allowed"

// isControlError reports whether err is go-yaml refusing a character it does
// not allow in a document.
func isControlError(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, errControl) || strings.Contains(s, "invalid leading UTF-8 octet") ||
		strings.Contains(s, "invalid trailing UTF-8 octet") || strings.Contains(s, "incomplete UTF-8 octet")
}

// blankControls replaces the characters YAML refuses (C0 and C1 controls
// other than tab, newline and carriage return, DEL, non-characters and
// invalid UTF-8) with spaces of the same byte length, so every line and
// column stays where it was. It returns the first replaced position (1-based).
func blankControls(data []byte) (out []byte, line, col int) {
	l, c := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if !yamlAllowed(r, size, i) {
			if out == nil {
				out = append([]byte(nil), data...)
				line, col = l, c
			}
			for j := i; j < i+size; j++ {
				out[j] = ' '
			}
		}
		if r == '\n' {
			l, c = l+1, 1
		} else {
			c++
		}
		i += size
	}
	if out == nil {
		return data, 0, 0
	}
	return out, line, col
}

// yamlAllowed follows the YAML 1.2 printable set. A byte order mark is kept
// only at the start of the stream.
func yamlAllowed(r rune, size, at int) bool {
	switch {
	case r == utf8.RuneError && size <= 1:
		return false
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20 || r == 0x7f:
		return false
	case r >= 0x80 && r < 0xa0 && r != 0x85:
		return false
	case r == 0xfeff:
		return at == 0
	case r == 0xfffe || r == 0xffff:
		return false
	}
	return true
}

// parseLenient parses data, blanking control characters when that is what
// stops the parser. blankedAt is the first blanked position, zero when the
// text parsed as it was.
func parseLenient(data []byte) (root *yaml.Node, blankedLine, blankedCol int, err error) {
	root, err = parseNode(data)
	if err == nil || !isControlError(err) {
		return root, 0, 0, err
	}
	clean, line, col := blankControls(data)
	if line == 0 {
		return nil, 0, 0, err
	}
	root, err = parseNode(clean)
	return root, line, col, err
}

// deref follows an alias to the node it stands for.
func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

// entry returns the key and value nodes of key in mapping n.
func entry(n *yaml.Node, key string) (k, v *yaml.Node) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key && n.Content[i].Kind == yaml.ScalarNode {
			return n.Content[i], deref(n.Content[i+1])
		}
	}
	return nil, nil
}

// value returns the value node of key in mapping n.
func value(n *yaml.Node, key string) *yaml.Node {
	_, v := entry(n, key)
	return v
}

// str returns the scalar text of key in mapping n.
func str(n *yaml.Node, key string) string {
	if v := value(n, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// scalars returns the scalar items of a sequence.
func scalars(n *yaml.Node) []string {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, it := range n.Content {
		if it = deref(it); it != nil && it.Kind == yaml.ScalarNode {
			out = append(out, it.Value)
		}
	}
	return out
}

// isNull reports whether n is absent or an explicit null.
func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// nodeLoc is where the element headed by key (or, with no key, written as
// node) sits in file, spanning node's block.
func nodeLoc(file string, key, node *yaml.Node) Location {
	head := key
	if head == nil {
		head = node
		// A sequence item is located at its own first key, as kin-openapi
		// does, so both loaders agree on the line.
		if n := deref(node); n != nil && n.Kind == yaml.MappingNode && len(n.Content) > 0 {
			head = n.Content[0]
		}
	}
	if head == nil {
		return Location{File: file}
	}
	loc := Location{File: file, Line: head.Line, Column: head.Column}
	if end := endLine(node); end > loc.Line {
		loc.EndLine = end
	} else if loc.Line > 0 {
		loc.EndLine = loc.Line
	}
	return loc
}

// endLine is the last line node's text reaches, found by following its
// last child down.
func endLine(n *yaml.Node) int {
	last := 0
	for depth := 0; n != nil && depth < 10000; depth++ {
		if n.Line > last {
			last = n.Line
		}
		if n.Kind == yaml.ScalarNode && (n.Style&(yaml.LiteralStyle|yaml.FoldedStyle)) != 0 {
			last += strings.Count(strings.TrimRight(n.Value, "\n"), "\n") + 1
		}
		if len(n.Content) == 0 || n.Kind == yaml.AliasNode {
			break
		}
		n = n.Content[len(n.Content)-1]
	}
	return last
}

// errBudget stops a walk of a document whose aliases expand past what any
// real specification needs.
var errBudget = errors.New("document too large or too deeply aliased to read")
