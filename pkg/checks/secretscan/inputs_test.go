package secretscan

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/secrets"
	"github.com/launchgate/launchgate/pkg/source"
	"github.com/launchgate/launchgate/pkg/testkit"
	"github.com/launchgate/launchgate/rules"
)

// engine builds the secrets engine once per test binary run.
func engine(t *testing.T) *secrets.Engine {
	t.Helper()
	eng, err := secrets.New(secrets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

// runTarget runs the check over root: its tree, and the artifacts named
// relative to it.
func runTarget(t *testing.T, eng *secrets.Engine, root string, artifacts ...string) []check.Report {
	t.Helper()
	tree, err := source.ListTree(context.Background(), root, source.TreeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	target := &check.Target{Root: root, Tree: tree, Config: config.Default(), Logger: slog.New(slog.DiscardHandler)}
	for _, a := range artifacts {
		target.Artifacts = append(target.Artifacts, filepath.Join(root, filepath.FromSlash(a)))
	}
	var got []check.Report
	if err := New(func() (*secrets.Engine, error) { return eng, nil }, nil).Run(context.Background(), target, func(r check.Report) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	return got
}

// byRule keeps the reports of rule.
func byRule(reports []check.Report, rule string) []check.Report {
	var out []check.Report
	for _, r := range reports {
		if r.Rule == rule {
			out = append(out, r)
		}
	}
	return out
}

// secretRules keeps the reports of secrets, not of what could not be read.
func secretRules(reports []check.Report) []check.Report {
	var out []check.Report
	for _, r := range reports {
		if strings.HasPrefix(r.Rule, "secret/") && r.Rule != ruleUnreadable && r.Rule != ruleUnreadableFile {
			out = append(out, r)
		}
	}
	return out
}

func targz(t *testing.T, files ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, f := range files {
		if err := tw.WriteHeader(&tar.Header{Name: f[0], Mode: 0o644, Size: int64(len(f[1])), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(f[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zipOf(t *testing.T, files ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestUnreadableRulesBlock holds both rules about what could not be read
// at high: at the default --fail-on high a scan that could not check
// something fails rather than passes by accident.
func TestUnreadableRulesBlock(t *testing.T) {
	cat, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{ruleUnreadable, ruleUnreadableFile} {
		if r := cat.Rule(id); r == nil || r.Severity < finding.High {
			t.Errorf("%s: %+v, want severity high", id, r)
		}
	}
}

// TestCompressibleArchiveSecretFound scans a .tar.gz of 2 MB of zeros
// followed by a config file holding a token, and a 1.6 MB tarball of
// repetitive JavaScript: the token is found and neither archive is
// reported as unreadable, however well they compress.
func TestCompressibleArchiveSecretFound(t *testing.T) {
	eng := engine(t)
	key := testkit.Plant(t, "github token", "ghp_", 36)
	var js strings.Builder
	for i := 0; js.Len() < 1600<<10; i++ {
		fmt.Fprintf(&js, "export const row%d = () => render('row', %d);\n", i%10, i%10)
	}
	root := t.TempDir()
	testkit.WriteFiles(t, root, map[string]string{
		"release/site.tar.gz":   string(targz(t, [2]string{"blank.bin", string(make([]byte, 2<<20))}, [2]string{"config.js", "export const token = \"" + key.Value + "\";\n"})),
		"release/bundle.tar.gz": string(targz(t, [2]string{"app.js", js.String()})),
		"release/site.zip":      string(zipOf(t, [2]string{"blank.bin", string(make([]byte, 2<<20))}, [2]string{"config.js", "token: " + key.Value + "\n"})),
	})
	got := runTarget(t, eng, root, "release")
	if bad := byRule(got, ruleUnreadable); len(bad) > 0 {
		t.Errorf("ordinary archives reported as unreadable: %+v", bad)
	}
	files := map[string]bool{}
	for _, r := range secretRules(got) {
		files[r.File] = true
	}
	for _, want := range []string{"release/site.tar.gz!config.js", "release/site.zip!config.js"} {
		if !files[want] {
			t.Errorf("the token in %s was missed; secrets found in %v", want, files)
		}
	}
}

// TestArchiveProblemsOnePerArchive scans a zip holding 4,096 archives
// nested deeper than 3 levels, and one whose members climb out with ../:
// one finding per archive and kind, with the count, the first example,
// and for the zip slip a message that says the content was scanned.
func TestArchiveProblemsOnePerArchive(t *testing.T) {
	eng := engine(t)
	var deep [][2]string
	for i := range 4096 {
		deep = append(deep, [2]string{fmt.Sprintf("d%04d.zip", i), ""})
	}
	nested := zipOf(t, [2]string{"l2.zip", string(zipOf(t, [2]string{"l3.zip", string(zipOf(t, deep...))}))})
	key := testkit.Plant(t, "github token", "ghp_", 36)
	slip := zipOf(t,
		[2]string{"../../etc/cron.d/job", "* * * * * root true\n"},
		[2]string{"../../../home/app/.env", "GITHUB_TOKEN=" + key.Value + "\n"},
	)
	root := t.TempDir()
	testkit.WriteFiles(t, root, map[string]string{"dist/nested.zip": string(nested), "dist/slip.zip": string(slip)})
	got := byRule(runTarget(t, eng, root, "dist"), ruleUnreadable)
	if len(got) != 2 {
		t.Fatalf("%d findings, want one per archive; the first: %+v", len(got), got[:min(len(got), 3)])
	}
	deepR, slipR := got[0], got[1]
	if deepR.File != "dist/nested.zip" || !strings.HasPrefix(deepR.Message, "4096 nested archives deeper than 3 levels were not opened; first: dist/nested.zip!l2.zip!l3.zip!d0000.zip") {
		t.Errorf("depth finding = %+v", deepR)
	}
	if slipR.File != "dist/slip.zip" || !strings.Contains(slipR.Message, "2 members are named to leave the archive folder (path traversal, zip slip)") ||
		!strings.Contains(slipR.Message, "scanned") || strings.Contains(slipR.Message, "not checked") {
		t.Errorf("zip slip finding = %+v", slipR)
	}
	if !slices.ContainsFunc(secretRules(runTarget(t, eng, root, "dist")), func(r check.Report) bool { return r.File == "dist/slip.zip!home/app/.env" }) {
		t.Error("the token in the zip-slip member, scanned under its cleaned name, was not found")
	}
}

// utf16LE encodes s as UTF-16 LE with a byte order mark, as Windows
// PowerShell's Out-File writes it.
func utf16LE(s string) string {
	var b []byte
	for _, u := range append([]uint16{0xfeff}, utf16.Encode([]rune(s))...) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// TestUTF16SecretsFound scans a UTF-16 .env in the tree and a UTF-16
// PowerShell script in build output: the tokens are found on their lines.
func TestUTF16SecretsFound(t *testing.T) {
	eng := engine(t)
	key := testkit.Plant(t, "github token", "ghp_", 36)
	root := t.TempDir()
	content := "# deploy settings\r\nAPP_ENV=production\r\nGITHUB_TOKEN=" + key.Value + "\r\n"
	testkit.WriteFiles(t, root, map[string]string{
		"deploy/prod.env":  utf16LE(content),
		"dist/setup.ps1":   utf16LE(content),
		"release/site.zip": string(zipOf(t, [2]string{"setup.reg", utf16LE(content)})),
	})
	found := map[string]int{}
	for _, r := range secretRules(runTarget(t, eng, root, "dist", "release")) {
		found[r.File] = r.Line
	}
	for _, want := range []string{"deploy/prod.env", "dist/setup.ps1", "release/site.zip!setup.reg"} {
		if found[want] != 3 {
			t.Errorf("%s: token at line %d, want 3 (found %v)", want, found[want], found)
		}
	}
}

// TestBinarySecretsFound scans binary files in the tree and in build
// output that carry a provider-format key in plain ASCII: the key is found,
// reported for the whole file, while a generic key-like value beside it is
// not.
func TestBinarySecretsFound(t *testing.T) {
	eng := engine(t)
	key := testkit.Plant(t, "github token", "ghp_", 36)
	generic := testkit.Plant(t, "generic value", "", 32)
	var bin bytes.Buffer
	bin.WriteString("\x7fELF\x02\x01\x01\x00")
	bin.Write(bytes.Repeat([]byte{0, 1, 2, 0xfe}, 2000))
	bin.WriteString("\x00" + key.Value + "\x00api_secret=" + generic.Value + "\x00")
	bin.Write(bytes.Repeat([]byte{0xff, 0, 3}, 500))
	root := t.TempDir()
	testkit.WriteFiles(t, root, map[string]string{
		"bin/deploy-tool":  bin.String(),
		"dist/app.wasm":    bin.String(),
		"release/site.zip": string(zipOf(t, [2]string{"lib/native.so", bin.String()})),
	})
	got := secretRules(runTarget(t, eng, root, "dist", "release"))
	found := map[string]check.Report{}
	for _, r := range got {
		if r.Rule == "secret/generic-api-key" {
			t.Errorf("generic rule reported in a binary: %+v", r)
		}
		found[r.File] = r
	}
	for _, want := range []string{"bin/deploy-tool", "dist/app.wasm", "release/site.zip!lib/native.so"} {
		r, ok := found[want]
		if !ok {
			t.Errorf("the key in binary %s was missed: %+v", want, got)
			continue
		}
		if r.Line != 0 || !strings.HasPrefix(r.Message, binaryPrefix) {
			t.Errorf("%s: %+v, want a whole-file report saying it is a binary", want, r)
		}
		if leaks := testkit.Leaks(r.Message, []testkit.Planted{key, generic}); len(leaks) > 0 {
			t.Errorf("%s: message shows %v", want, leaks)
		}
	}
}

// TestUnreadableFileExamples runs the examples of secret/unreadable-file
// through the check over a real tree: an example that must match is written
// with mode 000 and read as a user that mode bits apply to. It is reported
// once, naming the file, whichever way the tree was listed; and a file of
// mode 000 inside --artifacts is an unreadable artifact, not reported twice.
func TestUnreadableFileExamples(t *testing.T) {
	if !testkit.RunAsNobody(t) {
		return
	}
	cat, err := catalog.Load(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	eng := engine(t)
	r := cat.Rule(ruleUnreadableFile)
	if r == nil {
		t.Fatalf("%s is not in the catalog", ruleUnreadableFile)
	}
	for _, ex := range r.Examples {
		for _, mode := range []string{"folder", "git"} {
			t.Run(ex.Name+"/"+mode, func(t *testing.T) {
				root := t.TempDir()
				testkit.WriteFiles(t, root, map[string]string{ex.File: ex.Input, "src/app.js": "export const a = 1;\n"})
				if mode == "git" {
					testkit.InitRepo(t, root)
				}
				if ex.Match {
					testkit.MakeUnreadable(t, filepath.Join(root, filepath.FromSlash(ex.File)))
				}
				got := byRule(runTarget(t, eng, root), ruleUnreadableFile)
				switch {
				case ex.Match && (len(got) != 1 || got[0].File != ex.File || !strings.Contains(got[0].Message, "permission denied")):
					t.Errorf("reports %+v, want one for %s", got, ex.File)
				case !ex.Match && len(got) > 0:
					t.Errorf("reports %+v, want none", got)
				}
			})
		}
	}
	t.Run("inside artifacts", func(t *testing.T) {
		root := t.TempDir()
		testkit.WriteFiles(t, root, map[string]string{"dist/app.js": "x\n", "dist/config.js": "y\n"})
		testkit.MakeUnreadable(t, filepath.Join(root, "dist", "config.js"))
		got := runTarget(t, eng, root, "dist")
		if files := byRule(got, ruleUnreadableFile); len(files) > 0 {
			t.Errorf("reported as a tree file too: %+v", files)
		}
		arts := byRule(got, ruleUnreadable)
		if len(arts) != 1 || arts[0].File != "dist/config.js" || !strings.Contains(arts[0].Message, "permission denied") {
			t.Errorf("unreadable artifacts %+v, want dist/config.js", arts)
		}
	})
	t.Run("unreadable folder", func(t *testing.T) {
		root := t.TempDir()
		testkit.WriteFiles(t, root, map[string]string{"secrets/prod.env": "A=b\n", "src/app.js": "x\n"})
		testkit.MakeUnreadable(t, filepath.Join(root, "secrets"))
		got := byRule(runTarget(t, eng, root), ruleUnreadableFile)
		if len(got) != 1 || got[0].File != "secrets" || !strings.Contains(got[0].Message, "folder") {
			t.Errorf("reports %+v, want one for the folder", got)
		}
	})
}
