package secrets

import "strings"

// maxYAMLMapping is the most lines of one YAML mapping read around a
// "kty:" line.
const maxYAMLMapping = 400

// findYAMLJWKs returns a candidate for each private JWK written as a YAML
// block mapping ("kty: EC" on a line of its own, its members beside it at
// the same indentation, the first one possibly behind a list item's
// "- "). Flow mappings and JSON inside YAML are found by findJWKs.
func findYAMLJWKs(content string) []*candidate {
	lines := newLineIndex(content)
	var out []*candidate
	tries, covered := 0, -1
	for i := 0; tries < maxKeyObjects; {
		j := strings.Index(content[i:], "kty:")
		if j < 0 {
			break
		}
		at := i + j
		i = at + len("kty:")
		n, _ := lines.position(at)
		col, ok := yamlKeyColumn(content, lines, n)
		if !ok || lines.start(n)+col != at || n <= covered {
			// Not a key, or a second "kty" of a mapping already read.
			continue
		}
		tries++
		obj, last := yamlMapping(content, lines, n, col)
		covered = last
		if c := jwkCandidate(content, obj, false); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// yamlLine returns line n of content without its line break.
func yamlLine(content string, lines lineIndex, n int) string {
	start := lines.start(n)
	end := len(content)
	if n+1 < len(lines) {
		end = lines[n+1]
	}
	return strings.TrimRight(content[start:end], "\r\n")
}

// yamlKeyColumn returns the column (0-based byte offset) where the key of
// line n starts, past its indentation and a list item's "- ", and false
// for a line that holds no key.
func yamlKeyColumn(content string, lines lineIndex, n int) (int, bool) {
	l := yamlLine(content, lines, n)
	col := len(l) - len(strings.TrimLeft(l, " "))
	if strings.HasPrefix(l[col:], "- ") {
		col += 2
		col += len(l[col:]) - len(strings.TrimLeft(l[col:], " "))
	}
	rest := l[col:]
	k := strings.IndexByte(rest, ':')
	return col, k > 0 && !strings.ContainsAny(rest[:k], " \t\"'{}[],#")
}

// yamlMapping collects the members of the block mapping whose key at line
// n starts at column col: the lines around n with a key at that column,
// up to a line indented less or a new list item. It also returns the
// last line it read.
func yamlMapping(content string, lines lineIndex, n, col int) (*node, int) {
	obj := &node{kind: objectNode}
	add := func(m int) bool {
		l := yamlLine(content, lines, m)
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			return true
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		if indent > col {
			return true // a nested value's line
		}
		c, ok := yamlKeyColumn(content, lines, m)
		if !ok || c != col {
			return false
		}
		obj.members = append(obj.members, yamlMember(content, lines.start(m)+c, l[c:]))
		// A list item's first line opens the mapping.
		return indent == col
	}
	add(n)
	if first := yamlLine(content, lines, n); !strings.HasPrefix(strings.TrimLeft(first, " "), "- ") {
		for m := n - 1; m >= 0 && m > n-maxYAMLMapping && add(m); m-- {
		}
	}
	last := n
	for m := n + 1; m < len(lines) && m < n+maxYAMLMapping; m++ {
		l := yamlLine(content, lines, m)
		if strings.HasPrefix(strings.TrimLeft(l, " "), "- ") && len(l)-len(strings.TrimLeft(l, " "))+2 <= col {
			break // the next item of the list
		}
		if !add(m) {
			break
		}
		last = m
	}
	return obj, last
}

// yamlMember reads "key: value" (the text of a line from its key, which
// starts at offset off of content) as a member whose value is a string
// node spanning the value, quotes and a trailing comment excluded.
func yamlMember(content string, off int, text string) member {
	k := strings.IndexByte(text, ':')
	name := text[:k]
	v := text[k+1:]
	start := off + k + 1 + len(v) - len(strings.TrimLeft(v, " \t"))
	v = strings.TrimLeft(v, " \t")
	if h := strings.Index(v, " #"); h >= 0 {
		v = v[:h]
	}
	v = strings.TrimRight(v, " \t")
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		start++
		v = v[1 : len(v)-1]
	}
	if v == "" || strings.ContainsAny(v[:1], "|>{[&*!") {
		return member{name: name, val: &node{kind: scalarNode, at: span{start, start}}}
	}
	return member{name: name, val: &node{kind: stringNode, at: span{start, start + len(v)}, end: start + len(v)}}
}
