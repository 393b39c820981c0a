package secretscan

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/secrets"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// TestKeyMaterialQuiet holds the quiet half of testdata/secrets/keymaterial
// to what each file is for: the stores a name or a folder marks as debug
// or example are low, and no key-material rule reports anything else
// there (gitleaks' generic rule sees the encrypted keyset's ciphertext,
// at low, as before).
func TestKeyMaterialQuiet(t *testing.T) {
	root := filepath.Join("..", "..", "..", "testdata", "secrets", "keymaterial")
	tree := checktest.Tree(t, root)
	eng, err := secrets.New(secrets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	target := &check.Target{Root: tree.Root(), Tree: tree, Config: config.Default(), Logger: slog.New(slog.DiscardHandler)}
	var got []string
	for _, r := range checktest.Reports(t, New(func() (*secrets.Engine, error) { return eng, nil }, nil), target) {
		if strings.HasPrefix(r.File, "quiet/") && r.Rule != "secret/generic-api-key" {
			got = append(got, fmt.Sprintf("%s %s %s", r.File, r.Rule, r.MaxSeverity))
		}
	}
	slices.Sort(got)
	want := []string{
		"quiet/android/app/debug.keystore secret/java-keystore low",
		"quiet/certs/lfs.p12 secret/pkcs12-file low",
		"quiet/examples/tls/server.jks secret/java-keystore low",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("quiet fixtures:\n got %v\nwant %v", got, want)
	}
}

// TestKeyMaterialInArtifacts scans key material in build output: a private
// JWK in a bundle is found at its line, and an OpenSSH key or a key store
// inside an archive is found as archive members are (a key store by its
// name only, since an archive's binary members are read as their
// printable strings, and one without any is not delivered at all).
func TestKeyMaterialInArtifacts(t *testing.T) {
	eng, err := secrets.New(secrets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := strings.Repeat("Qm9yZWFsLWtleS1ub3Q", 2) + "xY7_k-Z"
	bundle := "var a=1;\nvar jwk={kty:\"EC\",crv:\"P-256\",x:\"" + d + "\",d:\"" + d[3:] + "Lq9\"};\n"
	reps := runOn(t, eng, "dist/app.js", bundle)
	if len(reps) != 1 || reps[0].Rule != "secret/jwk-private-key" || reps[0].Line != 2 || reps[0].MaxSeverity != finding.Critical {
		t.Errorf("JWK in a bundle: got %v", summary(reps))
	}

	body := strings.Repeat(strings.Repeat("Zk3q", 17)+"Ab\n", 6)
	key := "-----BEGIN OPENSSH " + "PRIVATE KEY-----\n" + body + "-----END OPENSSH " + "PRIVATE KEY-----\n"
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range map[string]string{
		"home/.ssh/id_ed25519": key,
		"certs/client.p12":     "\x30\x82\x0a\x31\x02\x01\x03\x30\x82\x09\xf7\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01\x00\x01\x02release signing key\x00\x03",
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	testkit.WriteFiles(t, root, map[string]string{"dist/backup.zip": buf.String()})
	target := &check.Target{Root: root, Artifacts: []string{filepath.Join(root, "dist")}, Config: config.Default(), Logger: slog.New(slog.DiscardHandler)}
	got := summary(checktest.Reports(t, New(func() (*secrets.Engine, error) { return eng, nil }, nil), target))
	want := []string{
		"dist/backup.zip!certs/client.p12:0 secret/pkcs12-file high",
		"dist/backup.zip!home/.ssh/id_ed25519:1 secret/private-key critical",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("archive:\n got %v\nwant %v", got, want)
	}
	for _, r := range checktest.Reports(t, New(func() (*secrets.Engine, error) { return eng, nil }, nil), target) {
		if strings.Contains(r.Message, body[:20]) {
			t.Errorf("%s carries the key", r.Rule)
		}
	}
}

// summary lists reports as "file:line rule severity", sorted.
func summary(reps []check.Report) []string {
	var out []string
	for _, r := range reps {
		out = append(out, fmt.Sprintf("%s:%d %s %s", r.File, r.Line, r.Rule, r.MaxSeverity))
	}
	slices.Sort(out)
	return out
}

// TestKeyStoreInDiff scans a range that commits a Java key store and an
// OpenSSH key inside a binary file: git shows no lines for either, so
// both are read whole from the work tree, and reported as the change's.
// A binary file the range leaves alone is not.
func TestKeyStoreInDiff(t *testing.T) {
	eng, err := secrets.New(secrets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	testkit.InitRepo(t, root)
	jks := "\xfe\xed\xfe\xed\x00\x00\x00\x02\x00\x00\x00\x01" + strings.Repeat("\x8a\x03\xf1\x00", 12)
	testkit.WriteFiles(t, root, map[string]string{"README.md": "app\n", "old/legacy.jks": jks})
	base := testkit.Commit(t, root, "base")
	body := strings.Repeat(strings.Repeat("Hq7v", 17)+"Zk\n", 6)
	testkit.WriteFiles(t, root, map[string]string{
		"android/app/release.jks": jks,
		"deploy/image.bin.gz":     "\x1f\x8b\x00\x00-----BEGIN OPENSSH " + "PRIVATE KEY-----\n" + body + "-----END OPENSSH " + "PRIVATE KEY-----\n\x00\x01",
		"README.md":               "app\nmore\n",
	})
	head := testkit.Commit(t, root, "head")
	target := &check.Target{
		Root: root, Tree: checktest.Tree(t, root), Config: config.Default(),
		Diff: &check.Range{Base: base, Head: head}, Logger: slog.New(slog.DiscardHandler),
	}
	var got []string
	for _, r := range checktest.Reports(t, New(func() (*secrets.Engine, error) { return eng, nil }, nil), target) {
		if !r.OfChange {
			t.Errorf("%s %s is not marked as the change's", r.File, r.Rule)
		}
		got = append(got, fmt.Sprintf("%s:%d %s %s", r.File, r.Line, r.Rule, r.MaxSeverity))
	}
	slices.Sort(got)
	want := []string{
		"android/app/release.jks:0 secret/java-keystore critical",
		"deploy/image.bin.gz:0 secret/private-key critical",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("diff:\n got %v\nwant %v", got, want)
	}
}
