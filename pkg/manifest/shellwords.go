package manifest

import "github.com/launchgate/launchgate/pkg/envvalue"

// word is one shell word of a Dockerfile ENV or ARG line.
type word struct {
	// raw is the word as written, text with quotes and escapes removed.
	raw, text string
	// start is the byte offset of the word in the line.
	start int
	// ref says the word expands a variable ($VAR, ${VAR}) outside single
	// quotes.
	ref bool
}

// shellWords splits s into words as the Dockerfile frontend does for ENV
// and ARG: white space separates, single quotes keep everything, double
// quotes keep all but escapes of ", $ and the escape character, and the
// escape character outside quotes takes the next character literally. It
// returns a message instead for an unterminated quote.
func shellWords(s string, escape byte) ([]word, string) {
	var words []word
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return words, ""
		}
		w := word{start: i}
		var text []byte
		for i < len(s) && s[i] != ' ' && s[i] != '\t' {
			c := s[i]
			switch {
			case c == escape:
				if i+1 < len(s) {
					text = append(text, s[i+1])
					i++
				}
				i++
			case c == '\'':
				end := indexFrom(s, i+1, '\'')
				if end < 0 {
					return nil, "unterminated single quote"
				}
				text = append(text, s[i+1:end]...)
				i = end + 1
			case c == '"':
				i++
				closed := false
				for i < len(s) {
					d := s[i]
					if d == '"' {
						closed = true
						i++
						break
					}
					if d == escape && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '$' || s[i+1] == escape || s[i+1] == '`') {
						text = append(text, s[i+1])
						i += 2
						continue
					}
					if d == '$' && expands(s, i) {
						w.ref = true
					}
					text = append(text, d)
					i++
				}
				if !closed {
					return nil, "unterminated double quote"
				}
			default:
				if c == '$' && expands(s, i) {
					w.ref = true
				}
				text = append(text, c)
				i++
			}
		}
		w.raw = s[w.start:i]
		w.text = string(text)
		words = append(words, w)
	}
}

// expands reports whether the $ at s[i] starts a variable expansion.
func expands(s string, i int) bool {
	if i+1 >= len(s) {
		return false
	}
	c := s[i+1]
	return c == '{' || c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// indexFrom returns the index of c in s at or after from, or -1.
func indexFrom(s string, from int, c byte) int {
	for i := from; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// isReference reports whether value only refers to values kept elsewhere
// (${VAR}, ${{ secrets.X }}, $(VAR), a secret-store path), as pkg/envvalue
// judges for every check.
func isReference(value string) bool { return envvalue.Reference(value) }

// literal reports whether a value read from a structured manifest is
// written in the file rather than referring elsewhere.
func literal(value string) bool { return value != "" && !isReference(value) }
