package source

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets bound their inputs because Go's fuzzing engine
// minimises every input that reaches new code, with a step that is
// quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime): an input the mutator has grown to kilobytes stalls
// a run for that minute. Each bound says what still fits.
const (
	// maxFuzzSourceMap holds a map with sources, contents, names and
	// mappings, or index maps nested one deeper than maxSectionDepth.
	maxFuzzSourceMap = 256
	// maxFuzzArchive is the smallest plain tar that carries content, a
	// header block and a data block; a zip of several entries, a tar.gz
	// with a zip inside and a cut archive fit too. Size limits are tested
	// in bomb_test.go and limits_test.go.
	maxFuzzArchive = 1024
	// maxFuzzText holds a hundred UTF-16 units, BOM, surrogate pairs, CR
	// and LF among them.
	maxFuzzText = 256
)

func FuzzParseSourceMap(f *testing.F) {
	for _, seed := range []string{
		`{"version":3,"sources":["webpack:///./a.ts",null],"sourcesContent":["x\u0073",null],"names":["n"],"mappings":"AAAAA,CAAC;AACA"}`,
		")]}'\n" + `{"version":3,"sources":[],"mappings":""}`,
		`{"version":3,"sections":[{"offset":{"line":1,"column":2},"map":{"version":3,"sourceRoot":"../r","sources":["b"],"mappings":"AAAA"}}]}`,
		`{"version":3,"sections":[{"offset":{"line":0,"column":0},"url":"x.map"}]}`,
		nestedIndexMap(maxSectionDepth),
		nestedIndexMap(maxSectionDepth + 1),
	} {
		if len(seed) > maxFuzzSourceMap {
			f.Fatalf("seed of %d bytes, over the %d the target tries: %q", len(seed), maxFuzzSourceMap, seed)
		}
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzSourceMap {
			return
		}
		m, err := ParseSourceMap(data)
		if err != nil {
			return
		}
		if len(m.SourcesContent) != len(m.Sources) {
			t.Fatalf("%d contents for %d sources", len(m.SourcesContent), len(m.Sources))
		}
		for _, s := range m.Sources {
			p := OriginalPath(m.SourceRoot, s)
			if strings.HasPrefix(p, "/") || p == ".." || strings.HasPrefix(p, "../") || strings.Contains(p, "/../") {
				t.Fatalf("OriginalPath(%q, %q) = %q leaves the project", m.SourceRoot, s, p)
			}
		}
	})
}

// nestedIndexMap is an index map whose sections nest depth maps deep.
func nestedIndexMap(depth int) string {
	m := `{"version":3,"sources":["a"],"mappings":"AAAA"}`
	for range depth {
		m = `{"version":3,"sections":[{"map":` + m + `}]}`
	}
	return m
}

// FuzzWalkArchive feeds arbitrary bytes to the archive readers as a zip,
// a tar.gz and a tar: no panic, and nothing delivered beyond the limits.
func FuzzWalkArchive(f *testing.F) {
	full := zipBytes(f, entry{"a.js", bytes.Repeat([]byte("a"), 3000)}, entry{"b.js", []byte("b\n")})
	// A plain tar without the two zero blocks that end it: its entry is
	// read all the same.
	plain := tarBytes(f, false, entry{"/abs.txt", []byte("abs\n")})
	for _, seed := range [][]byte{
		zipBytes(f, entry{"a.js", []byte("alpha\n")}, entry{"../b.js", []byte("bravo\n")}),
		tarBytes(f, true, entry{"a.js", []byte("alpha\n")}, entry{"in.zip", zipBytes(f, entry{"c.js", []byte("c\n")})}),
		plain[:min(len(plain), maxFuzzArchive)],
		full[:len(full)/2],
	} {
		if len(seed) > maxFuzzArchive {
			f.Fatalf("seed of %d bytes, over the %d the target tries", len(seed), maxFuzzArchive)
		}
		f.Add(seed)
	}
	opts := ArtifactOptions{MaxDepth: 2, MaxEntryBytes: 1 << 20, MaxTotalBytes: 4 << 20, MaxEntries: 100, SearchBinary: true}.withDefaults()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzArchive {
			return
		}
		for _, tc := range []struct {
			name string
			kind archiveKind
		}{{"f.zip", zipArchive}, {"f.tar.gz", tgzArchive}, {"f.tar", tarArchive}} {
			var total int64
			w := &walker{ctx: context.Background(), opts: opts, fn: func(b Blob) error {
				total += int64(len(b.Data))
				if int64(len(b.Data)) > opts.MaxEntryBytes {
					t.Fatalf("%s: %d bytes over the entry limit", b.Path, len(b.Data))
				}
				if !strings.HasPrefix(b.Path, tc.name+"!") {
					t.Fatalf("blob path %q outside the archive", b.Path)
				}
				for _, seg := range strings.Split(strings.ReplaceAll(b.Path, "!", "/"), "/") {
					if seg == ".." || seg == "" {
						t.Fatalf("blob path %q not sanitized", b.Path)
					}
				}
				return nil
			}}
			b := &budget{left: opts.MaxTotalBytes}
			if err := w.archive(tc.name, tc.kind, bytes.NewReader(data), int64(len(data)), 1, b); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			// The budget counts decompressed bytes; a plain tar is read as
			// it is, bounded by the input.
			if total > opts.MaxTotalBytes+int64(len(data)) {
				t.Fatalf("%s: delivered %d bytes", tc.name, total)
			}
		}
	})
}

// FuzzText decodes arbitrary bytes as Text does: no panic, valid UTF-8
// out of UTF-16, and as many line breaks as the file has.
func FuzzText(f *testing.F) {
	for _, seed := range [][]byte{
		utf16Bytes("A=1\r\nB=2\n", false, true),
		utf16Bytes("A=1\nB=\u00e9\n", true, false),
		[]byte("\xff\xfe\x00\xd8\n\x00"),
		[]byte("plain\ntext\n"),
	} {
		if len(seed) > maxFuzzText {
			f.Fatalf("seed of %d bytes, over the %d the target tries: %q", len(seed), maxFuzzText, seed)
		}
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzText {
			return
		}
		text, ok := Text(data)
		kind := classify(data)
		if !ok || (kind != utf16LE && kind != utf16BE) {
			return
		}
		if !utf8.Valid(text) {
			t.Fatalf("decoded text is not UTF-8: %q", text)
		}
		breaks := 0
		for i := 0; i+1 < len(data); i += 2 {
			lo, hi := data[i], data[i+1]
			if kind == utf16BE {
				lo, hi = hi, lo
			}
			if lo == '\n' && hi == 0 {
				breaks++
			}
		}
		if got := bytes.Count(text, []byte{'\n'}); got != breaks {
			t.Fatalf("%d line breaks decoded from %d", got, breaks)
		}
	})
}
