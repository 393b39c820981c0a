package scan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/config"
)

// TestSpecURL: a URL given as a spec is refused with what to do instead,
// not reported as a missing file under a folder called "http:".
func TestSpecURL(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "openapi.yaml"), []byte("openapi: 3.0.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	for _, name := range []string{
		"http://127.0.0.1:8080/openapi.json", "https://api.example.com/openapi.yaml", "HTTP://x/y", "file:///etc/openapi.yaml",
	} {
		_, err := specs(context.Background(), root, cfg, Options{Specs: []string{name}, WorkDir: root})
		if err == nil {
			t.Fatalf("--spec %s: no error", name)
		}
		want := "--spec " + name + ": URLs are not fetched, launchgate reads only local files; download the document and pass its path"
		if err.Error() != want {
			t.Errorf("--spec %s:\n got %q\nwant %q", name, err, want)
		}
	}
	// Paths, including ones with a colon, are still paths.
	for _, name := range []string{"openapi.yaml", filepath.Join(root, "openapi.yaml")} {
		if _, err := specs(context.Background(), root, cfg, Options{Specs: []string{name}, WorkDir: root}); err != nil {
			t.Errorf("--spec %s: %v", name, err)
		}
	}
	for _, name := range []string{"C://api.yaml", "a:b.yaml", "dir/x://y.yaml"} {
		_, err := specs(context.Background(), root, cfg, Options{Specs: []string{name}, WorkDir: root})
		if err == nil || strings.Contains(err.Error(), "URLs are not fetched") {
			t.Errorf("--spec %s: %v, want a missing-file error", name, err)
		}
	}
}
