package secretscan

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/secrets"
	"github.com/launchgate/launchgate/pkg/testkit"
	"github.com/launchgate/launchgate/rules"
)

// runOn runs the check over one artifact file written with content.
func runOn(t *testing.T, eng *secrets.Engine, name, content string) []check.Report {
	t.Helper()
	root := t.TempDir()
	testkit.WriteFiles(t, root, map[string]string{name: content})
	p := filepath.Join(root, filepath.FromSlash(name))
	target := &check.Target{Root: root, Artifacts: []string{p}, Config: config.Default(), Logger: slog.New(slog.DiscardHandler)}
	var got []check.Report
	if err := New(func() (*secrets.Engine, error) { return eng, nil }, nil).Run(context.Background(), target, func(r check.Report) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestArtifactRuleExamples(t *testing.T) {
	cat, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := secrets.New(secrets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{ruleSourceMap, ruleUnreadable} {
		r := cat.Rule(id)
		if r == nil {
			t.Fatalf("%s is not in the catalog", id)
		}
		for _, ex := range r.Examples {
			t.Run(id+"/"+ex.Name, func(t *testing.T) {
				fired := false
				for _, rep := range runOn(t, eng, ex.File, ex.Input) {
					fired = fired || rep.Rule == id
				}
				if fired != ex.Match {
					t.Errorf("fired = %v, want %v", fired, ex.Match)
				}
			})
		}
	}
}

func TestSkipped(t *testing.T) {
	tests := []struct {
		name            string
		fixtures, locks bool
		want            bool
	}{
		{"src/app.ts", false, false, false},
		{"package-lock.json", false, false, true},
		{"web/yarn.lock", false, false, true},
		{"web/yarn.lock", false, true, false},
		{"internal/testdata/keys.pem", false, false, true},
		{"internal/testdata/keys.pem", true, false, false},
		{"src/__mocks__/stripe.ts", false, false, true},
		{"test/fixtures/env", false, false, true},
		{"fixtures.go", false, false, false},
		{"pkg/pay/stripe_test.go", false, false, true},
		{"src/api.test.ts", false, false, true},
		{"src/api.test.ts", true, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := &check.Target{Config: &config.Config{Secrets: config.Secrets{ScanFixtures: tt.fixtures, ScanLockFiles: tt.locks}}}
			if got := skipped(target, tt.name); got != tt.want {
				t.Errorf("skipped(%q) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

func TestDependenciesAndLockFiles(t *testing.T) {
	eng, err := secrets.New(secrets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	key := "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc"
	testkit.WriteFiles(t, root, map[string]string{
		"build/node_modules/sdk/index.js": `module.exports = "` + key + `";`,
		"build/yarn.lock":                 "token \"" + key + "\"\n",
	})
	for _, include := range []bool{false, true} {
		cfg := &config.Config{Secrets: config.Secrets{ScanDependencies: include, ScanLockFiles: include}}
		target := &check.Target{Root: root, Artifacts: []string{filepath.Join(root, "build")}, Config: cfg, Logger: slog.New(slog.DiscardHandler)}
		var got []check.Report
		if err := New(func() (*secrets.Engine, error) { return eng, nil }, nil).Run(context.Background(), target, func(r check.Report) { got = append(got, r) }); err != nil {
			t.Fatal(err)
		}
		files := map[string]bool{}
		for _, r := range got {
			files[r.File] = true
		}
		if files["build/node_modules/sdk/index.js"] != include || files["build/yarn.lock"] != include {
			t.Errorf("scan_dependencies and scan_lock_files %v: reports in %v", include, files)
		}
	}
}

func TestArtifactPrefixes(t *testing.T) {
	root := filepath.FromSlash("/repo")
	target := &check.Target{Root: root, Artifacts: []string{filepath.Join(root, "dist"), filepath.Join(root, "build", "site.zip"), filepath.FromSlash("/elsewhere/out")}}
	in := artifactPrefixes(target)
	for name, want := range map[string]bool{
		"dist/app.js":        true,
		"dist":               true,
		"distribution/x.js":  false,
		"build/site.zip":     true,
		"build/other.zip":    false,
		"src/app.ts":         false,
		"elsewhere/out/x.js": false,
	} {
		if got := in(name); got != want {
			t.Errorf("in artifacts(%q) = %v, want %v", name, got, want)
		}
	}
	all := artifactPrefixes(&check.Target{Root: root, Artifacts: []string{root}})
	if !all("src/app.ts") {
		t.Error("an artifact that is the root itself covers every file")
	}
}

func TestSourceMapSkipsThirdPartySources(t *testing.T) {
	eng, err := secrets.New(secrets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	key := "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc"
	m := `{"version":3,"sources":["webpack:///./node_modules/sdk/index.js","webpack:///./src/pay.ts"],` +
		`"sourcesContent":["module.exports=\"` + key + `\";","export const k = \"` + key + `\";"],"mappings":"AAAA"}`
	files := map[string]bool{}
	for _, r := range runOn(t, eng, "dist/app.js.map", m) {
		if r.Rule == "secret/stripe-access-token" {
			files[r.File] = true
		}
	}
	if !files["dist/app.js.map!src/pay.ts"] || len(files) != 1 {
		t.Errorf("want the project's source only, got %v", files)
	}
}
