package secrets

import "context"

// Large contents are scanned in windows. gitleaks' per-match work (finding
// the line of a match, taking the whole line as context) is proportional
// to the line, and a minified bundle is one line of megabytes, so whole
// bundles cost far more per byte than source files. A window owns the
// matches that start in its own windowBytes and sees windowMargin bytes on
// either side, so any secret shorter than the margin (a 4096-bit PEM key
// is about 3.3 KB) is matched whole, with its keyword context, by exactly
// one window: nothing straddles a boundary as it does with chunked reads.
const (
	windowBytes  = 512 << 10
	windowMargin = 16 << 10
)

// detect runs gitleaks over f and returns the candidates with offsets in
// f.Content.
func (e *Engine) detect(ctx context.Context, f Fragment) []*candidate {
	content := f.Content
	if len(content) <= windowBytes+windowMargin {
		return e.detectView(ctx, f.Path, content, 0, 0, len(content))
	}
	var out []*candidate
	for start := 0; start < len(content) && ctx.Err() == nil; start += windowBytes {
		lo := max(start-windowMargin, 0)
		hi := min(start+windowBytes+windowMargin, len(content))
		out = append(out, e.detectView(ctx, f.Path, content[lo:hi], lo, start, min(start+windowBytes, len(content)))...)
	}
	return out
}

// detectView scans view, which starts at offset base of the content, and
// keeps the candidates that start in [own, ownEnd) of the content.
func (e *Engine) detectView(ctx context.Context, path, view string, base, own, ownEnd int) []*candidate {
	found := e.matcher.find(ctx, path, view)
	out := found[:0]
	for _, c := range found {
		if !c.pathOnly {
			c.at.start += base
			c.at.end += base
			if c.at.start < own || c.at.start >= ownEnd {
				continue
			}
		} else if own > 0 {
			// A rule on the file name fires once, in the first window.
			continue
		}
		out = append(out, c)
	}
	return out
}
