package portaltest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseExpected reads sections, findings and comments, and names the
// line of each malformed one.
func TestParseExpected(t *testing.T) {
	e, err := ParseExpected([]byte("# head\n[vulnerable]\nprobe/a GET /x critical  # note\n\n[ vulnerable   allow-writes ]\nprobe/b PUT /x/{id} high\n" +
		"[vulnerable allow-writes hygiene]\nprobe/c POST /login low\n[hardened]\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := e.For(Vulnerable, "allow-writes")
	if len(got) != 2 || got[0].String() != "probe/a GET /x" || got[1].String() != "probe/b PUT /x/{id}" || got[1].Line != 6 || got[1].Severity != "high" {
		t.Errorf("For(vulnerable, allow-writes) = %+v", got)
	}
	all := e.For(Vulnerable, "hygiene", "allow-writes")
	if len(all) != 3 || all[2].String() != "probe/c POST /login" || len(Blocking(all)) != 2 {
		t.Errorf("For(vulnerable, hygiene, allow-writes) = %+v: want the section of both conditions last, one of three below high", all)
	}
	if got := e.For(Vulnerable, "hygiene"); len(got) != 1 {
		t.Errorf("For(vulnerable, hygiene) = %+v: a section of two conditions needs both", got)
	}
	if _, ok := e["hardened"]; !ok || len(e.For(Hardened)) != 0 {
		t.Errorf("hardened: %+v", e["hardened"])
	}
	bad := []struct{ name, text, want string }{
		{"finding before section", "probe/a GET /x high\n", "expected.txt:1: finding before"},
		{"two fields", "[v]\nprobe/a GET\n", "expected.txt:2: want RULE METHOD /path SEVERITY"},
		{"no severity", "[v]\nprobe/a GET /x\n", "expected.txt:2: want RULE METHOD /path SEVERITY"},
		{"unknown severity", "[v]\nprobe/a GET /x severe\n", `expected.txt:2: unknown severity "severe"`},
		{"lower-case method", "[v]\nprobe/a get /x high\n", "expected.txt:2:"},
		{"relative path", "[v]\nprobe/a GET x high\n", "expected.txt:2:"},
		{"rule without category", "[v]\nrule GET /x high\n", "expected.txt:2:"},
		{"unclosed header", "[v\n", "expected.txt:1: a section header"},
		{"empty header", "[ ]\n", "expected.txt:1: a section header"},
		{"duplicate section", "[v]\n[v]\n", "expected.txt:2: section [v] written twice"},
		{"huge line", "[v]\n" + strings.Repeat("x", maxExpectedLine+1) + "\n", "expected.txt:"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseExpected([]byte(tt.text)); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzParseExpected feeds arbitrary text to ParseExpected: it never
// panics, and every finding it returns has a rule, a method and a path.
func FuzzParseExpected(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join(portalDir, "expected.txt")); err == nil {
		f.Add(data)
	}
	f.Add([]byte("[v]\nprobe/a GET /x high\n"))
	f.Add([]byte("[\n]\n#\n\xff\xfe[v]\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := ParseExpected(data)
		if err != nil {
			return
		}
		for _, list := range e {
			for _, x := range list {
				if x.Rule == "" || x.Method == "" || !strings.HasPrefix(x.Path, "/") || x.Severity == "" || x.Line < 1 {
					t.Fatalf("malformed expectation %+v", x)
				}
			}
		}
	})
}
