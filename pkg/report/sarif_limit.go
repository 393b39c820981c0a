package report

import (
	"cmp"
	"compress/gzip"
	"fmt"
	"slices"

	"github.com/launchgate/launchgate/pkg/finding"
)

// rankForUpload orders the indices of fs in members by what to keep
// first when an upload is over the limits: findings that still block or
// warn before suppressed ones, then the most severe, then report order.
func rankForUpload(fs []finding.Finding, members []int) []int {
	idx := slices.Clone(members)
	slices.SortStableFunc(idx, func(a, b int) int {
		fa, fb := &fs[a], &fs[b]
		if fa.Suppressed != fb.Suppressed {
			if fa.Suppressed {
				return 1
			}
			return -1
		}
		return cmp.Compare(fb.Severity, fa.Severity)
	})
	return idx
}

// keepInOrder returns the chosen findings in their original report order.
func keepInOrder(fs []finding.Finding, chosen []int) []*finding.Finding {
	sorted := slices.Clone(chosen)
	slices.Sort(sorted)
	out := make([]*finding.Finding, len(sorted))
	for i, j := range sorted {
		out[i] = &fs[j]
	}
	return out
}

// gzipSize is how large data is once gzipped. It compresses at the fastest
// level, which compresses less than an uploader's default level does, so
// the estimate errs on the safe side.
func gzipSize(data []byte) (int, error) {
	var c countingWriter
	zw, err := gzip.NewWriterLevel(&c, gzip.BestSpeed)
	if err != nil {
		return 0, fmt.Errorf("measuring SARIF size: %w", err)
	}
	if _, err := zw.Write(data); err != nil {
		return 0, fmt.Errorf("measuring SARIF size: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("measuring SARIF size: %w", err)
	}
	return c.n, nil
}

// countingWriter counts the bytes written to it.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}
