package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestGeneratorsAreDeterministic(t *testing.T) {
	tests := []struct {
		kind string
		size int64
	}{
		{"tree", 2 << 20},
		{"build", 3 << 20},
		{"pr", 6 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			a, _ := generate(t, tt.kind, tt.size, 7)
			b, _ := generate(t, tt.kind, tt.size, 7)
			c, _ := generate(t, tt.kind, tt.size, 8)
			da, db, dc := digest(t, a), digest(t, b), digest(t, c)
			if len(da) != len(db) {
				t.Fatalf("same seed wrote %d and %d files", len(da), len(db))
			}
			for p, h := range da {
				if db[p] != h {
					t.Errorf("same seed, different bytes in %s", p)
				}
			}
			if sameDigests(da, dc) {
				t.Error("seeds 7 and 8 wrote identical data sets")
			}
			if tt.kind != "build" {
				ha, hb := gitOut(t, a, "rev-parse", "HEAD"), gitOut(t, b, "rev-parse", "HEAD")
				if ha != hb {
					t.Errorf("same seed, different commits: %s vs %s", strings.TrimSpace(ha), strings.TrimSpace(hb))
				}
			}
		})
	}
}

func sameDigests(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for p, h := range a {
		if b[p] != h {
			return false
		}
	}
	return true
}

// TestPlantedSecretsAreWhereTheManifestSays reads each planted value back
// at its file, line and column (and inside the source map entry it names)
// and checks it against the manifest's hash.
func TestPlantedSecretsAreWhereTheManifestSays(t *testing.T) {
	tests := []struct {
		kind      string
		size      int64
		wantTypes map[string]int
	}{
		{"tree", 8 << 20, map[string]int{kindAWS: 2, kindStripe: 1, kindGitHub: 1, kindSlack: 1, kindPostgres: 2, kindPEM: 1}},
		{"build", 8 << 20, map[string]int{kindAWS: 1, kindStripe: 1}},
		{"pr", 6 << 20, map[string]int{kindAWS: 3, kindStripe: 2, kindGitHub: 2, kindSlack: 2, kindPostgres: 2, kindPEM: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			dir, m := generate(t, tt.kind, tt.size, 1)
			got := map[string]int{}
			for _, p := range m.Secrets {
				got[p.Type]++
				content, err := os.ReadFile(filepath.Join(dir, p.File))
				if err != nil {
					t.Fatalf("%s: %v", p.ID, err)
				}
				v := valueAt(content, p.Line, p.Column, p.Type)
				if v == "" || sha(v) != p.SHA256 {
					t.Errorf("%s: no %s with the manifest's hash at %s:%d:%d", p.ID, p.Type, p.File, p.Line, p.Column)
				}
				if p.Source != "" {
					checkMapSource(t, content, p)
				}
				if tt.kind == "pr" {
					checkRange(t, dir, p, v)
				}
			}
			for k, n := range tt.wantTypes {
				if got[k] != n {
					t.Errorf("%d planted %s, want %d", got[k], k, n)
				}
			}
			// The pr manifest is ignored on purpose, so a --diff scan of
			// the range never reads it.
			want := map[string]string{"tree": "", "pr": "!! " + manifestName + "\n"}
			if w, ok := want[tt.kind]; ok {
				if st := gitOut(t, dir, "status", "--porcelain", "--ignored"); st != w {
					t.Errorf("files outside git, which a tracked-files scan and a folder scan would see differently:\n%s", st)
				}
			}
		})
	}
}

// checkMapSource finds p's value at SourceLine of the sourcesContent entry
// named by p.Source.
func checkMapSource(t *testing.T, mapFile []byte, p planted) {
	t.Helper()
	var sm sourceMap
	if err := json.Unmarshal(mapFile, &sm); err != nil {
		t.Fatalf("%s: %s is not JSON: %v", p.ID, p.File, err)
	}
	for i, s := range sm.Sources {
		if !strings.HasSuffix(s, "/"+p.Source) {
			continue
		}
		lines := strings.Split(sm.SourcesContent[i], "\n")
		if p.SourceLine < 1 || p.SourceLine > len(lines) {
			t.Fatalf("%s: source line %d outside %s", p.ID, p.SourceLine, s)
		}
		v := strings.TrimPrefix(valuePatterns[p.Type].String(), "^")
		if m := regexpFind(v, lines[p.SourceLine-1]); m == "" || sha(m) != p.SHA256 {
			t.Errorf("%s: %s:%d does not hold the planted value", p.ID, p.Source, p.SourceLine)
		}
		return
	}
	t.Errorf("%s: no source %s in %s", p.ID, p.Source, p.File)
}

// checkRange checks what the pr manifest claims about the range: a new
// secret is absent from base, an old one is present there.
func checkRange(t *testing.T, dir string, p planted, v string) {
	t.Helper()
	cmd := exec.Command("git", "grep", "-q", "-F", "-e", v, "base")
	cmd.Dir = dir
	onBase := cmd.Run() == nil
	if onBase == p.Expect {
		t.Errorf("%s (expect=%v): on base = %v", p.ID, p.Expect, onBase)
	}
}

func TestTreeShape(t *testing.T) {
	const target = 20 << 20
	dir, m := generate(t, "tree", target, 1)
	if r := float64(m.Bytes) / target; r < 0.95 || r > 1.25 {
		t.Errorf("tree is %d bytes, %.2f of the %d asked for", m.Bytes, r, target)
	}
	for _, ext := range []string{".go", ".ts", ".tsx", ".js", ".py", ".java", ".yaml", ".json", ".md", ".min.js", ".png", "package-lock.json"} {
		if len(filesWith(t, dir, ext)) == 0 {
			t.Errorf("no %s files", ext)
		}
	}
	small := map[string]bool{".gitignore": true, manifestName: true, "deploy/tls/portal-staging.key": true}
	for _, rel := range listFiles(t, dir) {
		info, err := os.Stat(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		if (info.Size() < 1<<10 && !small[rel]) || info.Size() > 2<<20+64<<10 {
			t.Errorf("%s is %d bytes, outside 1 KB to 2 MB", rel, info.Size())
		}
	}
	for _, rel := range filesWith(t, dir, ".min.js") {
		b, _ := os.ReadFile(filepath.Join(dir, rel))
		if bytes.Count(b, []byte("\n")) != 0 {
			t.Errorf("%s: a minified bundle has newlines", rel)
		}
	}
	for _, rel := range filesWith(t, dir, ".png") {
		b, _ := os.ReadFile(filepath.Join(dir, rel))
		if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
			t.Errorf("%s: no PNG signature", rel)
		}
	}
}

func TestBuildShape(t *testing.T) {
	const target = 20 << 20
	dir, m := generate(t, "build", target, 1)
	if r := float64(m.Bytes) / target; r < 0.95 || r > 1.35 {
		t.Errorf("build is %d bytes, %.2f of the %d asked for", m.Bytes, r, target)
	}
	if n := len(filesWith(t, dir, "/package.json")); n < 200 {
		t.Errorf("%d packages in node_modules, want at least 200 in 20 MB", n)
	}
	var bundles []string
	for _, rel := range filesWith(t, dir, ".js") {
		if strings.HasPrefix(rel, "dist/") || strings.HasPrefix(rel, ".next/") {
			bundles = append(bundles, rel)
		}
	}
	if len(bundles) < 2 {
		t.Fatalf("%d bundles, want several", len(bundles))
	}
	for _, rel := range bundles {
		b, _ := os.ReadFile(filepath.Join(dir, rel))
		if len(b) < 1<<20 || bytes.IndexByte(b, '\n') >= 0 {
			t.Errorf("%s: %d bytes; want a single line of at least 1 MB", rel, len(b))
		}
		mb, err := os.ReadFile(filepath.Join(dir, rel+".map"))
		if err != nil {
			t.Errorf("%s has no map: %v", rel, err)
			continue
		}
		var sm sourceMap
		if err := json.Unmarshal(mb, &sm); err != nil || sm.Version != 3 || len(sm.Sources) == 0 || len(sm.Sources) != len(sm.SourcesContent) {
			t.Errorf("%s.map: not a v3 map with sourcesContent (err %v)", rel, err)
		}
	}
}

func TestPRShape(t *testing.T) {
	dir, m := generate(t, "pr", 10<<20, 1)
	if m.AddedLines < 4800 || m.AddedLines > 5400 {
		t.Errorf("%d lines added, want about 5000", m.AddedLines)
	}
	if m.ChangedFiles < 50 || m.ChangedFiles > 70 {
		t.Errorf("%d files changed, want about 60", m.ChangedFiles)
	}
	n, err := addedLines(t.Context(), dir, "base", "head")
	if err != nil || n != m.AddedLines {
		t.Errorf("git counts %d added lines (err %v), manifest says %d", n, err, m.AddedLines)
	}
	if del := gitOut(t, dir, "diff", "--shortstat", "base", "head"); !strings.Contains(del, "deletion") {
		t.Errorf("no deleted lines, so nothing was moved: %s", del)
	}
	moved := 0
	for _, p := range m.Secrets {
		if strings.Contains(p.Note, "moves the line") {
			moved++
		}
	}
	if moved != 1 {
		t.Errorf("%d moved secrets, want 1", moved)
	}
}
