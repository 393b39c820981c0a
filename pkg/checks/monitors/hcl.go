package monitors

import (
	"fmt"
	"strings"
)

// block is one HCL block: `type "label" … { attributes and blocks }`.
type block struct {
	typ    string
	labels []string
	line   int
	attrs  map[string]attr
	blocks []*block
}

// attr is one attribute. A quoted string, a heredoc, a number or a bool
// has its text in value and literal set; any other expression (var.x,
// a function call, a list) keeps its source text with literal false.
type attr struct {
	value   string
	literal bool
	line    int
}

// child returns the nested blocks of type typ, written as blocks or as
// `dynamic "typ"` blocks.
func (b *block) child(typ string) []*block {
	var out []*block
	for _, c := range b.blocks {
		if c.typ == typ || c.typ == "dynamic" && len(c.labels) == 1 && c.labels[0] == typ {
			out = append(out, c)
		}
	}
	return out
}

// hclLimit bounds nesting, so a hostile file cannot recurse deeply.
const hclLimit = 32

// parseHCL reads the blocks of a Terraform file, as far as the attribute
// forms monitors use go: quoted strings, heredocs, numbers, bools, nested
// blocks, and other expressions kept as text. It is not a full HCL
// parser: it reads what it needs and says where it lost its way.
func parseHCL(src string) ([]*block, error) {
	p := &hclParser{s: src, line: 1}
	_, blocks, err := p.body(0, false)
	return blocks, err
}

type hclParser struct {
	s    string
	i    int
	line int
}

func (p *hclParser) errf(format string, args ...any) error {
	return fmt.Errorf("line %d: %s", p.line, fmt.Sprintf(format, args...))
}

// body reads attributes and blocks until EOF (top) or the closing brace
// of a nested body.
func (p *hclParser) body(depth int, nested bool) (map[string]attr, []*block, error) {
	if depth > hclLimit {
		return nil, nil, p.errf("blocks nested too deeply")
	}
	attrs := map[string]attr{}
	var blocks []*block
	for {
		p.space(true)
		if p.i >= len(p.s) {
			if nested {
				return nil, nil, p.errf("a block is not closed")
			}
			return attrs, blocks, nil
		}
		c := p.s[p.i]
		if c == '}' {
			if !nested {
				return nil, nil, p.errf("unexpected }")
			}
			p.i++
			return attrs, blocks, nil
		}
		line := p.line
		name := p.ident()
		if name == "" {
			return nil, nil, p.errf("unexpected %q", string(c))
		}
		p.space(false)
		if p.i < len(p.s) && p.s[p.i] == '=' && !strings.HasPrefix(p.s[p.i:], "==") {
			p.i++
			p.space(false)
			a, err := p.value()
			if err != nil {
				return nil, nil, err
			}
			a.line = line
			attrs[name] = a
			continue
		}
		b := &block{typ: name, line: line}
		if err := p.labels(b); err != nil {
			return nil, nil, err
		}
		var err error
		if b.attrs, b.blocks, err = p.body(depth+1, true); err != nil {
			return nil, nil, err
		}
		blocks = append(blocks, b)
	}
}

// labels reads a block's labels up to and including its opening brace.
func (p *hclParser) labels(b *block) error {
	for {
		p.space(false)
		if p.i >= len(p.s) {
			return p.errf("block %s has no body", b.typ)
		}
		if p.s[p.i] == '{' {
			p.i++
			return nil
		}
		if p.s[p.i] == '"' {
			l, err := p.quoted()
			if err != nil {
				return err
			}
			b.labels = append(b.labels, l)
			continue
		}
		if l := p.ident(); l != "" {
			b.labels = append(b.labels, l)
			continue
		}
		return p.errf("unexpected %q after block %s", string(p.s[p.i]), b.typ)
	}
}

// ident reads an identifier (letters, digits, _ and -).
func (p *hclParser) ident() string {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			p.i++
			continue
		}
		break
	}
	return p.s[start:p.i]
}

// space skips blanks and comments, and newlines too when lines is set.
func (p *hclParser) space(lines bool) {
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			p.i++
		case c == '\n':
			if !lines {
				return
			}
			p.line++
			p.i++
		case c == '#' || c == '/' && p.i+1 < len(p.s) && p.s[p.i+1] == '/':
			for p.i < len(p.s) && p.s[p.i] != '\n' {
				p.i++
			}
		case c == '/' && p.i+1 < len(p.s) && p.s[p.i+1] == '*':
			end := strings.Index(p.s[p.i+2:], "*/")
			if end < 0 {
				end = len(p.s) - p.i - 2
			}
			p.line += strings.Count(p.s[p.i:p.i+2+end], "\n")
			p.i = min(len(p.s), p.i+end+4)
		default:
			return
		}
	}
}

// value reads an attribute's value.
func (p *hclParser) value() (attr, error) {
	if p.i >= len(p.s) {
		return attr{}, p.errf("an attribute has no value")
	}
	switch {
	case p.s[p.i] == '"':
		s, err := p.quoted()
		return attr{value: s, literal: true}, err
	case strings.HasPrefix(p.s[p.i:], "<<"):
		return p.heredoc()
	}
	start := p.i
	depth := 0
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			if _, err := p.quoted(); err != nil {
				return attr{}, err
			}
			continue
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 {
				return p.expr(start), nil
			}
			depth--
		case c == '\n':
			if depth == 0 {
				return p.expr(start), nil
			}
			p.line++
		case c == '#' || c == '/' && p.i+1 < len(p.s) && (p.s[p.i+1] == '/' || p.s[p.i+1] == '*'):
			if depth == 0 {
				return p.expr(start), nil
			}
		}
		p.i++
	}
	if depth > 0 {
		return attr{}, p.errf("an expression is not closed")
	}
	return p.expr(start), nil
}

// expr is the source text from start, a literal when it is a number or
// a bool.
func (p *hclParser) expr(start int) attr {
	text := strings.TrimSpace(p.s[start:p.i])
	lit := text == "true" || text == "false" || isNumber(text)
	return attr{value: text, literal: lit}
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	dot := false
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && !dot && i > 0:
			dot = true
		case c == '-' && i == 0 && len(s) > 1:
		default:
			return false
		}
	}
	return true
}

// quoted reads a "…" string, keeping ${…} interpolations as written.
func (p *hclParser) quoted() (string, error) {
	var b strings.Builder
	p.i++ // the opening quote
	depth := 0
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '\n':
			return "", p.errf("a string is not closed on its line")
		case c == '\\' && p.i+1 < len(p.s):
			switch e := p.s[p.i+1]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte(e)
			}
			p.i += 2
			continue
		case c == '$' && strings.HasPrefix(p.s[p.i:], "${"):
			depth++
			b.WriteString("${")
			p.i += 2
			continue
		case c == '}' && depth > 0:
			depth--
		case c == '"' && depth == 0:
			p.i++
			return b.String(), nil
		}
		b.WriteByte(c)
		p.i++
	}
	return "", p.errf("a string is not closed")
}

// heredoc reads <<EOT … EOT or <<-EOT … EOT.
func (p *hclParser) heredoc() (attr, error) {
	p.i += 2
	if p.i < len(p.s) && p.s[p.i] == '-' {
		p.i++
	}
	tag := p.ident()
	if tag == "" {
		return attr{}, p.errf("a heredoc has no closing marker")
	}
	var b strings.Builder
	for {
		nl := strings.IndexByte(p.s[p.i:], '\n')
		if nl < 0 {
			return attr{}, p.errf("heredoc %s is not closed", tag)
		}
		p.i += nl + 1
		p.line++
		end := strings.IndexByte(p.s[p.i:], '\n')
		if end < 0 {
			end = len(p.s) - p.i
		}
		if strings.TrimSpace(p.s[p.i:p.i+end]) == tag {
			p.i += end
			return attr{value: b.String(), literal: true}, nil
		}
		b.WriteString(p.s[p.i : p.i+end])
		b.WriteByte('\n')
	}
}
