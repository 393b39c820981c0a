package report

import (
	"strings"
	"unicode"
)

// helpBlock is one block of a rule's fix text, which the catalog keeps as
// markdown: a paragraph, a code sample or a list. The HTML report shows
// the few constructs rule help uses and leaves any other markup as text;
// the template escapes every piece, so no block can carry markup of its
// own.
type helpBlock struct {
	// Kind is "p", "pre", "ul" or "ol".
	Kind string
	// Spans is a paragraph's text.
	Spans []helpSpan
	// Code is a code sample's lines, joined by newlines.
	Code string
	// Items are a list's entries.
	Items [][]helpSpan
}

// helpSpan is a run of text, shown as code when Code is set (markdown's
// `backticks`).
type helpSpan struct {
	Text string
	Code bool
}

// Bounds on how much of a rule's help the report shows; the catalog's
// help is a few paragraphs, so these only guard against a runaway text.
const (
	maxHelpBlocks = 40
	maxHelpRunes  = 4000
)

// helpBlocks splits markdown help into blocks: fenced code samples,
// bullet or numbered lists, and paragraphs separated by blank lines.
func helpBlocks(help string) []helpBlock {
	help = truncate(strings.ToValidUTF8(help, "\uFFFD"), maxHelpRunes)
	var (
		blocks []helpBlock
		para   []string
		list   *helpBlock
		code   []string
		fenced bool
	)
	flush := func() {
		if len(para) > 0 {
			blocks = append(blocks, helpBlock{Kind: "p", Spans: helpSpans(strings.Join(para, " "))})
			para = nil
		}
		if list != nil {
			blocks = append(blocks, *list)
			list = nil
		}
	}
	for _, raw := range strings.Split(help, "\n") {
		line := strings.TrimRight(raw, " \t\r")
		trimmed := strings.TrimSpace(line)
		if fenced {
			if strings.HasPrefix(trimmed, "```") {
				blocks = append(blocks, helpBlock{Kind: "pre", Code: strings.Join(code, "\n")})
				code, fenced = nil, false
				continue
			}
			code = append(code, codeLine(line))
			continue
		}
		switch kind, item, ok := listItem(trimmed); {
		case strings.HasPrefix(trimmed, "```"):
			flush()
			fenced = true
		case trimmed == "":
			flush()
		case ok:
			if len(para) > 0 || (list != nil && list.Kind != kind) {
				flush()
			}
			if list == nil {
				list = &helpBlock{Kind: kind}
			}
			list.Items = append(list.Items, helpSpans(item))
		case list != nil && line != trimmed:
			// An indented line goes on with the list item above it.
			last := &list.Items[len(list.Items)-1]
			*last = append(*last, helpSpans(" "+trimmed)...)
		default:
			if list != nil {
				flush()
			}
			para = append(para, trimmed)
		}
	}
	if fenced {
		blocks = append(blocks, helpBlock{Kind: "pre", Code: strings.Join(code, "\n")})
	}
	flush()
	if len(blocks) > maxHelpBlocks {
		blocks = blocks[:maxHelpBlocks]
	}
	return blocks
}

// listItem reports whether line is a list entry ("- x", "* x", "2. x"),
// what kind of list it belongs to and its text.
func listItem(line string) (kind, text string, ok bool) {
	if rest, found := strings.CutPrefix(line, "- "); found {
		return "ul", rest, true
	}
	if rest, found := strings.CutPrefix(line, "* "); found {
		return "ul", rest, true
	}
	digits := strings.IndexFunc(line, func(r rune) bool { return !unicode.IsDigit(r) })
	if digits > 0 && digits <= 3 && strings.HasPrefix(line[digits:], ". ") {
		return "ol", line[digits+2:], true
	}
	return "", "", false
}

// helpSpans splits one line of text at its backticks into plain and code
// runs; an unmatched backtick stays as it is.
func helpSpans(s string) []helpSpan {
	s = oneLine(s)
	var spans []helpSpan
	for {
		open := strings.IndexByte(s, '`')
		if open < 0 {
			break
		}
		end := strings.IndexByte(s[open+1:], '`')
		if end < 0 {
			break
		}
		if open > 0 {
			spans = append(spans, helpSpan{Text: s[:open]})
		}
		if end > 0 {
			spans = append(spans, helpSpan{Text: s[open+1 : open+1+end], Code: true})
		}
		s = s[open+1+end+1:]
	}
	if s != "" {
		spans = append(spans, helpSpan{Text: s})
	}
	return spans
}

// codeLine is one line of a code sample with its indentation kept and
// control or bidirectional characters replaced, as oneLine does for
// text.
func codeLine(l string) string {
	body := strings.TrimLeft(l, " ")
	return strings.Repeat(" ", len(l)-len(body)) + oneLine(strings.ReplaceAll(body, "\t", "    "))
}
