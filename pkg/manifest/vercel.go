package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// vercelEnvPaths are the objects of vercel.json that set variables: the
// runtime env and the build env.
var vercelEnvPaths = map[string]string{"env": "env", "build\x00env": "build.env"}

// maxJSONDepth bounds nesting, so a hostile file cannot grow the path
// stack without limit.
const maxJSONDepth = 256

// jsonFrame is an object or array the token walk is inside.
type jsonFrame struct {
	object bool
	// key is the object key whose value comes next; wantKey says a key
	// comes next instead.
	key     string
	wantKey bool
}

// readVercel reads vercel.json's env and build.env. A value starting with
// @ names a Vercel secret and is not literal.
func readVercel(src *Source, data []byte) {
	prod := fileProduction(src.File)
	src.Production = prod
	lines := newLineIndex(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []jsonFrame
	keyLine := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if len(stack) > 0 {
				src.problem(lines.line(len(data)), "invalid JSON: unexpected end of file")
			}
			return
		}
		if err != nil {
			src.problem(jsonProblem(err, lines, dec.InputOffset()))
			return
		}
		top := len(stack) - 1
		if top >= 0 && stack[top].object && stack[top].wantKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:top]
				afterValue(stack)
				if !oneValue(src, dec, stack, lines) {
					return
				}
				continue
			}
			stack[top].key, _ = tok.(string)
			stack[top].wantKey = false
			keyLine = lines.line(int(dec.InputOffset()) - 1)
			continue
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if len(stack) >= maxJSONDepth {
					src.problem(lines.line(int(dec.InputOffset())), "JSON nested too deeply")
					return
				}
				stack = append(stack, jsonFrame{object: t == '{', wantKey: t == '{'})
			default:
				stack = stack[:len(stack)-1]
				afterValue(stack)
				if !oneValue(src, dec, stack, lines) {
					return
				}
			}
		default:
			if scope, ok := vercelScope(stack); ok {
				value := scalarJSON(t)
				src.add(Var{Key: stack[len(stack)-1].key, Value: value, Line: keyLine,
					Literal: literal(value) && !strings.HasPrefix(value, "@"), Scope: scope, Production: prod})
			}
			afterValue(stack)
		}
	}
}

// oneValue reports whether the file may go on: when the top-level value
// has just closed, nothing but white space may follow.
func oneValue(src *Source, dec *json.Decoder, stack []jsonFrame, lines lineIndex) bool {
	if len(stack) == 0 && dec.More() {
		src.problem(lines.line(int(dec.InputOffset())), "invalid JSON: more than one value in the file")
		return false
	}
	return true
}

// afterValue marks that the innermost object's value has been read.
func afterValue(stack []jsonFrame) {
	if n := len(stack); n > 0 && stack[n-1].object {
		stack[n-1].wantKey = true
	}
}

// vercelScope reports whether the walk is at a value directly inside one
// of vercelEnvPaths, and that path's scope.
func vercelScope(stack []jsonFrame) (string, bool) {
	if len(stack) < 2 || len(stack) > 3 || !stack[len(stack)-1].object {
		return "", false
	}
	var keys []string
	for _, f := range stack[:len(stack)-1] {
		if !f.object {
			return "", false
		}
		keys = append(keys, f.key)
	}
	scope, ok := vercelEnvPaths[strings.Join(keys, "\x00")]
	return scope, ok
}

// scalarJSON renders a scalar token as env text.
func scalarJSON(tok json.Token) string {
	switch t := tok.(type) {
	case string:
		return t
	case json.Number:
		return t.String()
	case bool:
		return fmt.Sprint(t)
	}
	return ""
}

// jsonProblem turns a JSON decoding error into a line and a message.
func jsonProblem(err error, lines lineIndex, offset int64) (int, string) {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		offset = se.Offset
	}
	return lines.line(max(int(offset)-1, 0)), "invalid JSON: " + oneLine(strings.TrimPrefix(err.Error(), "json: "))
}
