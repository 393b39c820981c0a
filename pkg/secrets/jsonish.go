package secrets

import "strings"

// Bounds of the JSON-like parser: no key object or keyset needs more.
const (
	// maxObjectBytes is the most bytes one parsed value may span.
	maxObjectBytes = 256 << 10
	// maxDepth is the deepest nesting followed.
	maxDepth = 32
	// maxNodes is the most values one parse builds.
	maxNodes = 20000
	// maxBackScan is how far before a member name its object's opening
	// brace is looked for.
	maxBackScan = 8 << 10
)

// nodeKind is the kind of a parsed value.
type nodeKind int

const (
	scalarNode nodeKind = iota // a number, a literal, an identifier
	stringNode
	objectNode
	arrayNode
)

// node is one value of a JSON-like text. Strings are kept raw (no escape
// is decoded); at is where a string's content lies in the text, quotes
// excluded.
type node struct {
	kind    nodeKind
	at      span
	members []member
	items   []*node
	end     int // the offset just past the value
}

// member is one name and value of an object.
type member struct {
	name string
	val  *node
}

// get returns the value of the first member named name, or nil.
func (n *node) get(name string) *node {
	if n == nil || n.kind != objectNode {
		return nil
	}
	for _, m := range n.members {
		if m.name == name {
			return m.val
		}
	}
	return nil
}

// str returns the raw content of a string value, and false for any other.
func (n *node) str(text string) (string, bool) {
	if n == nil || n.kind != stringNode {
		return "", false
	}
	return text[n.at.start:n.at.end], true
}

// jsonish parses JSON and the object literals of JavaScript and YAML's
// flow style: names quoted with either quote or bare, strings in either
// quote, trailing commas, and any other token as an opaque scalar. With
// escaped set it reads JSON written inside a string literal, where every
// quote is \" and a line break may be the two characters \n. It fails, and
// returns nil, rather than guess; every loop is bounded by the text, the
// depth and the node budget.
type jsonish struct {
	text    string
	pos     int
	limit   int
	escaped bool
	nodes   int
}

// parseAt parses the value starting at offset start of text.
func parseAt(text string, start int, escaped bool) *node {
	p := &jsonish{text: text, pos: start, limit: min(len(text), start+maxObjectBytes), escaped: escaped}
	return p.value(0)
}

func (p *jsonish) value(depth int) *node {
	p.space()
	if p.pos >= p.limit || depth > maxDepth || p.nodes >= maxNodes {
		return nil
	}
	p.nodes++
	switch c := p.text[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case p.quoteAt() != "":
		return p.string()
	case c == '}' || c == ']' || c == ',' || c == ':':
		return nil
	}
	return p.scalar()
}

// object parses {name: value, …} from the opening brace.
func (p *jsonish) object(depth int) *node {
	n := &node{kind: objectNode}
	p.pos++
	for {
		p.space()
		if p.pos >= p.limit {
			return nil
		}
		if p.text[p.pos] == '}' {
			p.pos++
			n.end = p.pos
			return n
		}
		name, ok := p.name()
		if !ok {
			return nil
		}
		p.space()
		if p.pos >= p.limit || p.text[p.pos] != ':' {
			return nil
		}
		p.pos++
		v := p.value(depth + 1)
		if v == nil {
			return nil
		}
		n.members = append(n.members, member{name, v})
		if !p.separator('}') {
			return nil
		}
	}
}

// array parses [value, …] from the opening bracket.
func (p *jsonish) array(depth int) *node {
	n := &node{kind: arrayNode}
	p.pos++
	for {
		p.space()
		if p.pos >= p.limit {
			return nil
		}
		if p.text[p.pos] == ']' {
			p.pos++
			n.end = p.pos
			return n
		}
		v := p.value(depth + 1)
		if v == nil {
			return nil
		}
		n.items = append(n.items, v)
		if !p.separator(']') {
			return nil
		}
	}
}

// separator consumes the comma after a member or item, or sees the
// closing bracket, which the caller consumes.
func (p *jsonish) separator(closing byte) bool {
	p.space()
	if p.pos >= p.limit {
		return false
	}
	switch p.text[p.pos] {
	case ',':
		p.pos++
		return true
	case closing:
		return true
	}
	return false
}

// name parses a member name: a string or a bare identifier.
func (p *jsonish) name() (string, bool) {
	if p.quoteAt() != "" {
		s := p.string()
		if s == nil {
			return "", false
		}
		return p.text[s.at.start:s.at.end], true
	}
	start := p.pos
	for p.pos < p.limit && identByte(p.text[p.pos]) {
		p.pos++
	}
	return p.text[start:p.pos], p.pos > start
}

// quoteAt returns the quote that opens a string at the current position,
// or "".
func (p *jsonish) quoteAt() string {
	rest := p.text[p.pos:p.limit]
	switch {
	case p.escaped && strings.HasPrefix(rest, `\"`):
		return `\"`
	case p.escaped:
		return ""
	case strings.HasPrefix(rest, `"`):
		return `"`
	case strings.HasPrefix(rest, `'`):
		return `'`
	}
	return ""
}

// string parses a quoted string. Outside escaped JSON a backslash escapes
// the next byte; inside, strings end at the next \", and key material
// holds no escapes.
func (p *jsonish) string() *node {
	q := p.quoteAt()
	start := p.pos + len(q)
	i := start
	for i < p.limit {
		switch {
		case strings.HasPrefix(p.text[i:p.limit], q):
			p.pos = i + len(q)
			return &node{kind: stringNode, at: span{start, i}, end: p.pos}
		case p.text[i] == '\n' && !p.escaped:
			return nil
		case p.text[i] == '\\' && !p.escaped:
			i += 2
		default:
			i++
		}
	}
	return nil
}

// scalar consumes an unquoted token up to the next separator.
func (p *jsonish) scalar() *node {
	start := p.pos
	for p.pos < p.limit && !strings.ContainsRune(",}]:\r\n", rune(p.text[p.pos])) {
		if p.escaped && p.text[p.pos] == '\\' {
			break
		}
		p.pos++
	}
	end := p.pos
	for end > start && (p.text[end-1] == ' ' || p.text[end-1] == '\t') {
		end--
	}
	if end == start {
		return nil
	}
	return &node{kind: scalarNode, at: span{start, end}, end: p.pos}
}

// space skips white space and JavaScript's comments, and in escaped JSON
// the escaped line breaks and tabs that pretty-printed JSON carries.
func (p *jsonish) space() {
	for p.pos < p.limit {
		rest := p.text[p.pos:p.limit]
		switch c := rest[0]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			p.pos++
		case p.escaped && c == '\\' && len(rest) > 1 && strings.IndexByte("nrt", rest[1]) >= 0:
			p.pos += 2
		case !p.escaped && strings.HasPrefix(rest, "//"):
			end := strings.IndexByte(rest, '\n')
			if end < 0 {
				end = len(rest)
			}
			p.pos += end
		case !p.escaped && strings.HasPrefix(rest, "/*"):
			end := strings.Index(rest[2:], "*/")
			if end < 0 {
				p.pos = p.limit
				return
			}
			p.pos += 2 + end + 2
		default:
			return
		}
	}
}

// identByte reports whether c may be part of a bare member name.
func identByte(c byte) bool {
	return c == '_' || c == '$' || c == '-' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// memberNames finds where a member named name is written in text (as
// "name", 'name', \"name\" or a bare name, followed by a colon) and
// returns, for each, the offset of its object's opening brace and whether
// the object is escaped JSON. An object is returned once, however many
// of the names it holds. At most limit names are looked at, found object
// or not, so a text made of the name costs at most limit back scans.
func memberNames(text, name string, limit int) (starts []int, escaped []bool) {
	seen := map[int]bool{}
	for i, tries := 0, 0; tries < limit; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			break
		}
		at := i + j
		i = at + len(name)
		esc, ok := memberAt(text, at, len(name))
		if !ok {
			continue
		}
		tries++
		open := openingBrace(text, at)
		if open < 0 || seen[open] {
			continue
		}
		seen[open] = true
		starts, escaped = append(starts, open), append(escaped, esc)
	}
	return starts, escaped
}

// memberAt reports whether the n bytes at offset at of text are a member
// name followed by a colon, and whether they are written in escaped JSON.
func memberAt(text string, at, n int) (escaped, ok bool) {
	before, after := text[:at], text[at+n:]
	quote := ""
	switch {
	case strings.HasSuffix(before, `\"`):
		quote, escaped = `\"`, true
	case strings.HasSuffix(before, `"`):
		quote = `"`
	case strings.HasSuffix(before, `'`):
		quote = `'`
	case before != "" && identByte(before[len(before)-1]):
		return false, false
	}
	if !strings.HasPrefix(after, quote) {
		return false, false
	}
	after = strings.TrimLeft(after[len(quote):], " \t")
	return escaped, strings.HasPrefix(after, ":")
}

// openingBrace returns the offset of the brace that opens the object
// around offset at, looking back at most maxBackScan bytes and stepping
// over the nested objects before it, or -1. Braces inside strings are not
// told apart: a wrong guess parses to an object that fails the caller's
// checks.
func openingBrace(text string, at int) int {
	depth := 0
	for i := at - 1; i >= 0 && i >= at-maxBackScan; i-- {
		switch text[i] {
		case '}':
			depth++
		case '{':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}
