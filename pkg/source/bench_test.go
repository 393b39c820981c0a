package source

import (
	"context"
	"fmt"
	"testing"
)

// benchTree writes a checkout of 2,000 small source files and a
// node_modules folder the listing must skip.
func benchTree(b *testing.B) string {
	b.Helper()
	root := b.TempDir()
	src := noisyText(4 << 10)
	for i := range 2000 {
		writeFile(b, root, fmt.Sprintf("src/m%02d/f%04d.ts", i%40, i), src)
	}
	for i := range 2000 {
		writeFile(b, root, fmt.Sprintf("node_modules/p%02d/i%04d.js", i%40, i), src)
	}
	return root
}

func BenchmarkListTree(b *testing.B) {
	for _, mode := range []string{"folder", "git"} {
		b.Run(mode, func(b *testing.B) {
			root := benchTree(b)
			if mode == "git" {
				git(b, root, "init", "-q")
			}
			b.ResetTimer()
			for b.Loop() {
				tree, err := ListTree(context.Background(), root, TreeOptions{})
				if err != nil || len(tree.Files()) != 2000 {
					b.Fatalf("err = %v, %d files", err, len(tree.Files()))
				}
			}
		})
	}
}

func BenchmarkWalkArtifacts(b *testing.B) {
	root := b.TempDir()
	chunk := noisyText(64 << 10)
	var members []entry
	for i := range 200 {
		name := fmt.Sprintf("static/js/%03d.js", i)
		writeFile(b, root, "dist/"+name, chunk)
		members = append(members, entry{name, chunk})
	}
	writeFile(b, root, "release/site.zip", zipBytes(b, members...))
	writeFile(b, root, "release/site.tar.gz", tarBytes(b, true, members...))
	b.SetBytes(int64(3 * len(members) * len(chunk)))
	b.ResetTimer()
	for b.Loop() {
		n := 0
		_, err := WalkArtifacts(context.Background(), root, []string{"dist", "release"}, ArtifactOptions{}, func(Blob) error {
			n++
			return nil
		})
		if err != nil || n != 600 {
			b.Fatalf("err = %v, %d blobs", err, n)
		}
	}
}
