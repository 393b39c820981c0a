package source

import (
	"archive/tar"
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// spaces reads as an endless run of spaces: a bomb that sniffs as text, so
// only the limits stop it.
type spaces struct{}

func (spaces) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

const bombBytes = 1 << 30

// writeZipBomb writes, streaming, a zip whose one member inflates to 1 GiB
// of spaces from about 1 MB.
func writeZipBomb(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	w, err := zw.Create("bomb.js")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(w, io.LimitReader(spaces{}, bombBytes)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// writeTarGzBomb writes a tar.gz whose one member is 1 GiB of zeros.
func writeTarGzBomb(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, _ := gzip.NewWriterLevel(f, gzip.BestSpeed)
	tw := tar.NewWriter(gz)
	if err := tw.WriteHeader(&tar.Header{Name: "bomb.js", Typeflag: tar.TypeReg, Size: bombBytes, Mode: 0o644}); err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(tw, io.LimitReader(zeros{}, bombBytes)); err != nil {
		t.Fatal(err)
	}
	tw.WriteHeader(&tar.Header{Name: "after.js", Typeflag: tar.TypeReg, Size: 3, Mode: 0o644})
	tw.Write([]byte("ok\n"))
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestWalkArtifactsBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("generating two 1 GiB compression bombs takes a few seconds; skipped with -short")
	}
	root := t.TempDir()
	writeZipBomb(t, filepath.Join(root, "bomb.zip"))
	writeTarGzBomb(t, filepath.Join(root, "bomb.tar.gz"))
	// The limits are on bytes read, never on the compression ratio: each
	// case ends at MaxEntryBytes or MaxTotalBytes, having delivered at most
	// what fits them.
	tests := []struct {
		name    string
		file    string
		opts    ArtifactOptions
		at      string
		message string
	}{
		{"zip refused by declared size", "bomb.zip", ArtifactOptions{}, "bomb.zip!bomb.js", "over the 64 MiB limit"},
		{"zip cut off by the total budget", "bomb.zip", ArtifactOptions{MaxEntryBytes: 2 << 30, MaxTotalBytes: 32 << 20}, "bomb.zip!bomb.js", "more than 32 MiB decompressed from bomb.zip in total"},
		{"tar.gz member over the entry limit, skipped within the budget", "bomb.tar.gz", ArtifactOptions{}, "bomb.tar.gz!bomb.js", "over the 64 MiB limit; not read"},
		{"tar.gz skip of a member stopped by the total budget", "bomb.tar.gz", ArtifactOptions{}, "bomb.tar.gz!bomb.js", "more than 1 GiB decompressed from bomb.tar.gz in total"},
		{"tar.gz stopped by the total budget", "bomb.tar.gz", ArtifactOptions{MaxEntryBytes: 2 << 30, MaxTotalBytes: 32 << 20}, "bomb.tar.gz!bomb.js", "more than 32 MiB decompressed from bomb.tar.gz in total"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			res := walk(t, root, []string{tc.file}, tc.opts)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if _, ok := res.problemAt(tc.at, tc.message); !ok {
				t.Errorf("no problem at %s containing %q: %+v", tc.at, tc.message, res.problems)
			}
			delivered := 0
			for _, b := range res.blobs {
				delivered += len(b)
			}
			if budget := tc.opts.withDefaults().MaxTotalBytes; int64(delivered) > budget {
				t.Errorf("delivered %d bytes, over the %d-byte budget", delivered, budget)
			}
			// The bytes are counted as they stream past, never held: a
			// walk that kept what it inflated would allocate the GiB.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 200<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
		})
	}
}

// TestWalkArtifactsLargeFolder reads a generated 200 MB build folder and
// checks that the heap stays bounded: files are read one at a time and
// dropped.
func TestWalkArtifactsLargeFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 200 MB folder; skipped with -short")
	}
	root := t.TempDir()
	chunk := noisyText(1 << 20)
	const files = 200
	for i := range files {
		name := filepath.Join(root, "dist", "chunks", string(rune('a'+i%26)), "part"+string(rune('a'+i/26))+".js")
		if i%10 == 0 {
			name = filepath.Join(root, "dist", "img", string(rune('a'+i%26))+string(rune('a'+i/26))+".bin")
			writeFile(t, filepath.Dir(name), filepath.Base(name), append([]byte{0}, chunk...))
			continue
		}
		writeFile(t, filepath.Dir(name), filepath.Base(name), chunk)
	}
	var peak uint64
	var ms runtime.MemStats
	blobs := 0
	start := time.Now()
	problems, err := WalkArtifacts(t.Context(), root, []string{"dist"}, ArtifactOptions{}, func(b Blob) error {
		blobs++
		if len(b.Data) != len(chunk) {
			t.Errorf("%s: %d bytes", b.Path, len(b.Data))
		}
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapAlloc)
		return nil
	})
	elapsed := time.Since(start)
	if err != nil || len(problems) != 0 {
		t.Fatalf("err = %v, problems = %+v", err, problems)
	}
	if blobs != files-files/10 {
		t.Errorf("%d text blobs, want %d (binary files skipped)", blobs, files-files/10)
	}
	if peak > 300<<20 {
		t.Errorf("peak heap %d MiB", peak>>20)
	}
	t.Logf("200 MB folder: %v, peak heap %d MiB", elapsed, peak>>20)
}
