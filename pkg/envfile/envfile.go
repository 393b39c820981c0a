package envfile

import (
	"bytes"
	"fmt"
	"strings"
)

// File is a parsed dotenv file.
type File struct {
	// Entries are the keys in the order they first appear, each with the
	// last value it is given.
	Entries []Entry
	// Problems are the lines the parser could not read as written.
	Problems []Problem
}

// Entry is one KEY=value assignment.
type Entry struct {
	Key, Value string
	// Line is the 1-based line of the key.
	Line int
	// Export is true for "export KEY=value".
	Export bool
	// Quoted is true when the value was in quotes.
	Quoted bool
	// Interpolated is true when the value refers to other variables
	// (${VAR}, $VAR) that a loader would expand; Value keeps them as
	// written.
	Interpolated bool
}

// Problem is a line the parser could not read as written.
type Problem struct {
	Line    int
	Message string
}

// maxProblems bounds the problems kept for one file, so that a binary or
// wholly foreign file yields a few lines of report, not thousands.
const maxProblems = 20

// Get returns the entry for key, if the file sets it.
func (f *File) Get(key string) (Entry, bool) {
	for _, e := range f.Entries {
		if e.Key == key {
			return e, true
		}
	}
	return Entry{}, false
}

// Parse reads data as a dotenv file. It never fails; lines it cannot read
// are Problems.
func Parse(data []byte) File {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	p := parser{src: normalizeNewlines(data), line: 1, index: map[string]int{}}
	for !p.done() {
		p.statement()
	}
	if p.dropped > 0 {
		p.f.Problems = append(p.f.Problems, Problem{Line: p.lastProblemLine, Message: fmt.Sprintf("%d more problems not listed", p.dropped)})
	}
	return p.f
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(b []byte) string {
	if !bytes.Contains(b, []byte("\r")) {
		return string(b)
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

type parser struct {
	src   string
	pos   int
	line  int
	f     File
	index map[string]int // key → position in f.Entries

	dropped         int
	lastProblemLine int
}

func (p *parser) done() bool { return p.pos >= len(p.src) }

func (p *parser) problem(line int, format string, args ...any) {
	if len(p.f.Problems) >= maxProblems {
		p.dropped++
		p.lastProblemLine = line
		return
	}
	p.f.Problems = append(p.f.Problems, Problem{Line: line, Message: fmt.Sprintf(format, args...)})
}

// restOfLine returns the text up to the next newline and moves past it.
func (p *parser) restOfLine() string {
	end := strings.IndexByte(p.src[p.pos:], '\n')
	var s string
	if end < 0 {
		s, p.pos = p.src[p.pos:], len(p.src)
	} else {
		s, p.pos = p.src[p.pos:p.pos+end], p.pos+end+1
	}
	p.line++
	return s
}

// statement reads one line, or one assignment whose quoted value spans
// several.
func (p *parser) statement() {
	start := p.line
	rest := p.src[p.pos:]
	trimmed := strings.TrimLeft(rest, " \t")
	if trimmed == "" || trimmed[0] == '\n' || trimmed[0] == '#' {
		p.restOfLine()
		return
	}
	p.pos += len(rest) - len(trimmed)

	export := false
	if after, ok := strings.CutPrefix(trimmed, "export"); ok && after != "" && (after[0] == ' ' || after[0] == '\t') {
		export = true
		n := len(trimmed) - len(strings.TrimLeft(after, " \t"))
		p.pos += n
	}

	keyLen := keyLength(p.src[p.pos:])
	key := p.src[p.pos : p.pos+keyLen]
	p.pos += keyLen
	after := p.src[p.pos:]
	sep := strings.TrimLeft(after, " \t")
	switch {
	case keyLen == 0:
		line := p.restOfLine()
		p.problem(start, "not KEY=value: the line starts with %s", describe(line))
		return
	case strings.HasPrefix(sep, "="):
		p.pos += len(after) - len(sep) + 1
	case strings.HasPrefix(sep, ":") && len(sep) > 1 && (sep[1] == ' ' || sep[1] == '\t'):
		p.pos += len(after) - len(sep) + 1
	case sep == "" || sep[0] == '\n' || sep[0] == '#':
		p.restOfLine()
		if export {
			// "export KEY" marks an existing variable for export in a
			// shell; loaders skip it.
			return
		}
		// The word may be a pasted secret rather than a key: it is not
		// quoted.
		p.problem(start, "a word without \"=\" or a value; loaders skip or reject the line")
		return
	default:
		p.restOfLine()
		p.problem(start, "not KEY=value: the first word is followed by %s where \"=\" belongs", describe(sep))
		return
	}
	e := Entry{Key: key, Line: start, Export: export}
	p.value(&e)
	p.add(e)
}

// add records e; a key set before keeps its first position and takes the
// new value.
func (p *parser) add(e Entry) {
	if i, ok := p.index[e.Key]; ok {
		prev := p.f.Entries[i]
		p.problem(prev.Line, "%s is set again on line %d; loaders use the last value", e.Key, e.Line)
		p.f.Entries[i] = e
		return
	}
	p.index[e.Key] = len(p.f.Entries)
	p.f.Entries = append(p.f.Entries, e)
}

// keyLength is the length of the key at the start of s: a letter or "_",
// then letters, digits, "_", "." and "-".
func keyLength(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
		case i > 0 && (c >= '0' && c <= '9' || c == '.' || c == '-'):
		default:
			return i
		}
	}
	return len(s)
}

// describe names the start of a line for a message without quoting a
// value: only its first character class is named.
func describe(s string) string {
	s = strings.TrimLeft(s, " \t")
	if s == "" || s[0] == '\n' {
		return "nothing"
	}
	c := s[0]
	switch {
	case c >= '0' && c <= '9':
		return "a digit"
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		return "a letter"
	case c < 0x20 || c == 0x7f:
		return fmt.Sprintf("control character 0x%02x", c)
	case c >= 0x80:
		return "a non-ASCII character"
	}
	return fmt.Sprintf("%q", string(c))
}
