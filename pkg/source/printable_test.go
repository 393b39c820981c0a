package source

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
)

func TestPrintableRuns(t *testing.T) {
	data := []byte("\x7fELF\x02\x01\x00short\x00" + token + "\x00\x01\x02\tab\tcd\tef\xff12345678\n" + "end-of-file-run")
	want := token + "\n\tab\tcd\tef\n12345678\nend-of-file-run\n"
	if got := string(PrintableRuns(data)); got != want {
		t.Errorf("PrintableRuns = %q, want %q", got, want)
	}
	if got := PrintableRuns(nil); len(got) != 0 {
		t.Errorf("PrintableRuns(nil) = %q", got)
	}
}

// binaryWithKey is a binary file that carries a key in plain ASCII, as a
// compiled program does.
func binaryWithKey() []byte {
	var b bytes.Buffer
	b.WriteString("\x7fELF\x02\x01\x01\x00")
	b.Write(bytes.Repeat([]byte{0, 1, 2, 0xfe}, 3000))
	b.WriteString("\x00" + token + "\x00")
	b.Write(bytes.Repeat([]byte{0xff, 0, 3}, 1000))
	return b.Bytes()
}

// TestBinaryNote lists a tree holding binary files: a note counts them and
// says their strings were searched, and Read still returns their bytes.
func TestBinaryNote(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "bin/tool", binaryWithKey())
	writeFile(t, root, "img/logo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	writeFile(t, root, "src/app.js", []byte("const a = 1\n"))
	tree, err := ListTree(context.Background(), root, TreeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"bin/tool", "img/logo.png", "src/app.js"}; !slices.Equal(tree.Files(), want) {
		t.Errorf("Files() = %q, want %q", tree.Files(), want)
	}
	checkNotes(t, tree.Notes(), []string{"2 binary files were not read as text; provider-format keys were still searched in their printable strings: bin/tool, img/logo.png"})
	data, err := tree.Read("bin/tool")
	if err != nil || !bytes.Equal(data, binaryWithKey()) {
		t.Errorf("Read(bin/tool) = %d bytes, %v", len(data), err)
	}
}

// TestWalkArtifactsSearchBinary delivers binary files and members as
// their printable strings when asked, and skips them otherwise.
func TestWalkArtifactsSearchBinary(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "dist/app.wasm", binaryWithKey())
	writeFile(t, root, "dist/site.zip", zipBytes(t, entry{"lib/native.so", binaryWithKey()}))
	writeFile(t, root, "dist/huge.bin", append(binaryWithKey(), make([]byte, 1<<20)...))
	var got []Blob
	_, err := WalkArtifacts(context.Background(), root, []string{"dist"}, ArtifactOptions{SearchBinary: true, MaxEntryBytes: 1 << 20}, func(b Blob) error {
		got = append(got, b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, b := range got {
		paths = append(paths, b.Path)
		if !b.Binary || !strings.Contains(string(b.Data), token+"\n") {
			t.Errorf("%s: binary %v, strings %q", b.Path, b.Binary, b.Data)
		}
	}
	// huge.bin is over MaxEntryBytes: a binary that large is not searched.
	if want := []string{"dist/app.wasm", "dist/site.zip!lib/native.so"}; !slices.Equal(paths, want) {
		t.Errorf("blobs %q, want %q", paths, want)
	}
	if res := walk(t, root, []string{"dist"}, ArtifactOptions{}); len(res.blobs) != 0 {
		t.Errorf("without SearchBinary: blobs %q", res.order)
	}
}
