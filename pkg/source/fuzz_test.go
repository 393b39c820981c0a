package source

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func FuzzParseSourceMap(f *testing.F) {
	for _, seed := range []string{
		`{"version":3,"sources":["webpack:///./a.ts",null],"sourcesContent":["x\u0073",null],"names":["n"],"mappings":"AAAAA,CAAC;AACA"}`,
		")]}'\n" + `{"version":3,"sources":[],"mappings":""}`,
		`{"version":3,"sections":[{"offset":{"line":1,"column":2},"map":{"version":3,"sourceRoot":"../r","sources":["b"],"mappings":"AAAA"}}]}`,
		`{"version":3,"sections":[{"offset":{"line":0,"column":0},"url":"x.map"}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
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

// FuzzWalkArchive feeds arbitrary bytes to the archive readers as a zip,
// a tar.gz and a tar: no panic, and nothing delivered beyond the limits.
func FuzzWalkArchive(f *testing.F) {
	f.Add(zipBytes(f, entry{"a.js", []byte("alpha\n")}, entry{"../b.js", []byte("bravo\n")}))
	f.Add(tarBytes(f, true, entry{"a.js", []byte("alpha\n")}, entry{"in.zip", zipBytes(f, entry{"c.js", []byte("c\n")})}))
	f.Add(tarBytes(f, false, entry{"/abs.txt", []byte("abs\n")}))
	full := zipBytes(f, entry{"a.js", bytes.Repeat([]byte("a"), 3000)}, entry{"b.js", []byte("b\n")})
	f.Add(full[:len(full)/2])
	opts := ArtifactOptions{MaxDepth: 2, MaxEntryBytes: 1 << 20, MaxTotalBytes: 4 << 20, MaxEntries: 100}.withDefaults()
	f.Fuzz(func(t *testing.T, data []byte) {
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
