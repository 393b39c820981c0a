package source

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 in the given byte order, with or without
// a byte order mark, as Windows tools write .env, .ps1 and .reg files.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestText(t *testing.T) {
	env := "# production\r\nAPI_URL=https://api.example.com\r\nTOKEN=" + token + "\r\nNAME=Café ✓ 🚀\r\n"
	tests := []struct {
		name   string
		data   []byte
		want   string
		binary bool
	}{
		{"utf-16 le with bom", utf16Bytes(env, false, true), env, false},
		{"utf-16 be with bom", utf16Bytes(env, true, true), env, false},
		{"utf-16 le without bom", utf16Bytes(env, false, false), env, false},
		{"utf-16 be without bom", utf16Bytes(env, true, false), env, false},
		{"utf-8 as it is", []byte(env), env, false},
		{"latin-1 as it is", []byte("caf\xe9\n"), "caf\xe9\n", false},
		{"unpaired surrogate and odd byte", append(utf16Bytes("a\n", false, true), 0x00, 0xd8, 'b', 0, 'c'), "a\n\uFFFDb\uFFFD", false},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), "", true},
		{"zeros", make([]byte, 64), "", true},
		{"utf-32 is not read", []byte("\xff\xfe\x00\x00a\x00\x00\x00b\x00\x00\x00"), "", true},
		{"uint16 table", bytes.Repeat([]byte{1, 0, 2, 0, 3, 0, 200, 1}, 64), "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Text(tc.data)
			if ok == tc.binary {
				t.Fatalf("text = %v, want %v", ok, !tc.binary)
			}
			if !tc.binary && string(got) != tc.want {
				t.Errorf("Text = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestUTF16Read reads a UTF-16 env file from the tree and from build
// output, bare and in a zip: every reader gets it as UTF-8, with the lines
// of the file.
func TestUTF16Read(t *testing.T) {
	env := "# deploy\r\nTOKEN=" + token + "\r\n"
	data := utf16Bytes(env, false, true)
	root := t.TempDir()
	writeFile(t, root, "config/.env.production", data)
	writeFile(t, root, "dist/settings.ps1", data)
	writeFile(t, root, "release/site.zip", zipBytes(t, entry{"setup.reg", utf16Bytes(env, true, false)}))
	tree, err := ListTree(context.Background(), root, TreeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := tree.Read("config/.env.production")
	if err != nil || string(got) != env {
		t.Errorf("Tree.Read = %q, %v; want %q", got, err, env)
	}
	if lines := strings.Split(string(got), "\n"); len(lines) != 3 || !strings.HasPrefix(lines[1], "TOKEN=") {
		t.Errorf("lines moved: %q", lines)
	}
	for _, n := range tree.Notes() {
		if strings.Contains(n, "binary") && strings.Contains(n, ".env") {
			t.Errorf("a UTF-16 file counted as binary: %q", n)
		}
	}
	res := walk(t, root, []string{"dist", "release"}, ArtifactOptions{})
	for _, p := range []string{"dist/settings.ps1", "release/site.zip!setup.reg"} {
		if res.blobs[p] != env {
			t.Errorf("blob %s = %q, want %q", p, res.blobs[p], env)
		}
	}
}
