package source

import (
	"bytes"
	"unicode/utf8"
)

// sniffLen is how much of a file IsBinary looks at, the same window git
// uses to decide whether to diff a file as text.
const sniffLen = 8 << 10

// IsBinary reports whether data looks like a binary file rather than text.
// It looks at the first 8 KB only: a NUL byte there means binary, as it does
// for git; otherwise the sample is binary when more than 30% of it is bytes
// that are not valid UTF-8 or are control characters other than the usual
// whitespace. The threshold is high on purpose: Latin-1 or Windows-1252
// text has a few invalid bytes per line and must still be scanned, while
// images, fonts and compressed data are nearly all noise. UTF-16 text is
// binary by this test, for its NUL bytes; Text tells it apart and decodes
// it.
func IsBinary(data []byte) bool {
	sample := data
	if len(sample) > sniffLen {
		sample = sample[:sniffLen]
	}
	if len(sample) == 0 {
		return false
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	noise := 0
	for i := 0; i < len(sample); {
		// Printable ASCII, nearly all of source code, is skipped a byte
		// per comparison, since every file of the tree is sniffed.
		for i < len(sample) && sample[i]-0x20 < 0x7f-0x20 {
			i++
		}
		if i == len(sample) {
			break
		}
		c := sample[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && !textControl(c) || c == 0x7f {
				noise++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size <= 1 {
			// A rune cut by the end of the sample is not noise.
			if len(sample) < len(data) && len(sample)-i < utf8.UTFMax && !utf8.FullRune(sample[i:]) {
				break
			}
			noise++
			size = 1
		}
		i += size
	}
	return noise*10 > len(sample)*3
}

// textControl reports the control characters that plain text uses: tab,
// newline, vertical tab, form feed, carriage return and escape (ANSI
// colours in logs).
func textControl(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', 0x1b:
		return true
	}
	return false
}
