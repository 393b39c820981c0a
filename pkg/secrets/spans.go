package secrets

import (
	"context"

	"github.com/launchgate/launchgate/pkg/redact"
)

// spanPath is the path text given to Spans is scanned as: no extension
// and no folder, so no path allowlist or fixture rule applies to it.
const spanPath = "launchgate-output"

// Spans returns where in text the engine finds secret values, as byte
// ranges. It is the engine's part in redacting what launchgate prints: a
// message that quotes code is searched with the same rules as the code.
// Values meant to be public (publishable keys) are not returned.
func (e *Engine) Spans(text string) []redact.Span {
	found, err := e.Scan(context.Background(), Fragment{Path: spanPath, Content: text, StartLine: 1})
	if err != nil || len(found) == 0 {
		return nil
	}
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	offset := func(line, column int) int {
		if line < 1 || line > len(starts) {
			return -1
		}
		return starts[line-1] + column - 1
	}
	out := make([]redact.Span, 0, len(found))
	for _, s := range found {
		endLine := s.EndLine
		if endLine == 0 {
			endLine = s.Line
		}
		start, end := offset(s.Line, s.Column), offset(endLine, s.EndColumn)
		if start < 0 || end > len(text) || start >= end {
			continue
		}
		out = append(out, redact.Span{Start: start, End: end})
		if s.pairAt.end > s.pairAt.start {
			out = append(out, redact.Span{Start: s.pairAt.start, End: s.pairAt.end})
		}
	}
	return out
}
