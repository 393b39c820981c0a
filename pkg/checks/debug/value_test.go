package debug

import (
	"regexp"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/catalog"
)

// TestJudgeSigningSecret names each case by what the literal is; a failure
// prints the case name, never the literal.
func TestJudgeSigningSecret(t *testing.T) {
	tests := []struct {
		name, value string
		fires       bool
		why         string // part of the reason when it fires
	}{
		{"placeholder word", "changeme", true, "placeholder"},
		{"whole-word placeholder", "secret", true, "placeholder"},
		{"documentation placeholder", "your-256-bit-secret", true, "placeholder"},
		{"short word", "random", true, "6 characters"},
		{"short random", "q8Xv2LmN7pR4sT9", true, "15 characters"},
		{"short Laravel key", "base64:c2hvcnRrZXk=", true, "32 bytes"},
		{"generated key under 32 bytes, the secret rules'", "q8Xv2LmN7pR4sT9wZ1yB6cD3fG5h", false, ""},
		{"long typed phrase", "this is the signing key of the portal app", true, "typed phrase"},
		{"camel-case words", "SomeRandomString", true, "16 characters"},
		{"long camel-case words", "ThisIsTheSigningKeyOfThePortalApp", true, "typed phrase"},
		{"long dashed phrase", "portal-production-signing-key-for-sessions", true, "typed phrase"},
		{"Django insecure key", "django-insecure-3k$7x!q2m@9v#p1z&w8r^t5y(u0o)i4e*l6n+b_c=d%f", true, "Django"},
		{"Django insecure key, upper case", "DJANGO-INSECURE-3K$7X!Q2M@9V#P1Z&W8R^T5Y(U0O)I4E*L6N", true, "Django"},
		{"long generated key", "3DhNfhZBJZGu2__fPPDLE-kaoNZ6ZjgCRUBFCFQY4jiwmoHpGtp5QsLab5aXbGbK", false, ""},
		{"long hex key", "94b5bf675326e2996f2fd57032d7dec0b9b0bb10047117b49af6cc45d9c40321", false, ""},
		{"generated Laravel key", "base64:mPoI5N0fcSLDx43SQNdqxB8+OdvGFXT6GgJAvrGD8Qg=", false, ""},
		{"empty", "", false, ""},
		{"blank", "   ", false, ""},
		{"interpolated variable", "${SESSION_SECRET}", false, ""},
		{"template", "{{ .Values.secret }}", false, ""},
		{"PEM key", "-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			why, fires := judgeSigningSecret(tt.value)
			if fires != tt.fires {
				t.Fatalf("fires = %v, want %v (reason %q)", fires, tt.fires, why)
			}
			if fires && !strings.Contains(why, tt.why) {
				t.Errorf("reason %q does not say %q", why, tt.why)
			}
			if strings.TrimSpace(tt.value) != "" && strings.Contains(why, strings.TrimSpace(tt.value)) {
				t.Errorf("the reason quotes the literal")
			}
		})
	}
}

func TestCamelWords(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"SomeRandomString", true},
		{"someRandomString", true},
		{"MySecretKey", true},
		{"Secret", false},
		{"secret", false},
		{"ABCdefGHI", false},
		{"kTqWzBnRvLpXsYmD", false},
		{"SomeRandomString1", false},
		{"Some_Random", false},
		{"SomeR", false},
		{"ThisIsIt", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := camelWords(tt.v); got != tt.want {
			t.Errorf("camelWords(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

func TestJudgeFor(t *testing.T) {
	if j, err := judgeFor(""); j != nil || err != nil {
		t.Errorf("no kind: judge %v, error %v", j != nil, err)
	}
	if j, err := judgeFor(catalog.ValueSigningSecret); j == nil || err != nil {
		t.Errorf("signing secret: judge %v, error %v", j != nil, err)
	}
	if _, err := judgeFor("password"); err == nil {
		t.Error("an unknown kind has a judge")
	}
}

func TestMaskValue(t *testing.T) {
	tests := []struct {
		match string
		span  [2]int
		want  string
	}{
		{`key = 'abc'`, [2]int{7, 10}, `key = '…'`},
		{`key = ''`, [2]int{7, 7}, `key = '…'`},
		{`'abc'`, [2]int{1, 99}, `'…`},
		{`abc`, [2]int{5, 2}, `ab…c`},
	}
	for _, tt := range tests {
		if got := string(maskValue([]byte(tt.match), tt.span)); got != tt.want {
			t.Errorf("maskValue(%q, %v) = %q, want %q", tt.match, tt.span, got, tt.want)
		}
	}
	m := []byte(`k = 'abc'`)
	maskValue(m[:len(m):len(m)], [2]int{5, 8})
	if string(m) != `k = 'abc'` {
		t.Error("maskValue wrote into the match")
	}
}

// TestValueRuleLine holds the one-line and windowed engines to a judged
// rule: a match whose literal is fine does not hide a weak one later on
// the line, a match whose value group took no part does not fire, and the
// hit says where the literal is in the match.
func TestValueRuleLine(t *testing.T) {
	const pattern = `(?:key\(\s*|nokey\(\)|(?m:^)secret:\s*)(?:'(?P<value>[^'\n]*)')?`
	for _, window := range []int{1, 3} {
		lr := &lineRule{id: "secret/x", judge: judgeSigningSecret, window: window}
		lr.pattern = regexp.MustCompile(pattern)
		lr.valueGroup = lr.pattern.SubexpIndex("value")
		tests := []struct {
			name, text string
			fires      bool
			value      string // the masked match when it fires
		}{
			{"weak after generated", "key('3DhNfhZBJZGu2__fPPDLE-kaoNZ6ZjgCRUBFCFQY4jiwmoHpGtp5Q') + key('dev')", true, "key('…'"},
			{"generated only", "key('3DhNfhZBJZGu2__fPPDLE-kaoNZ6ZjgCRUBFCFQY4jiwmoHpGtp5Q')", false, ""},
			{"value group absent", "nokey()", false, ""},
			{"weak", "secret: 'changeme'", true, "secret: '…'"},
		}
		for _, tt := range tests {
			var got []hit
			var masked []string
			scanLines([]byte("a\n"+tt.text+"\n"), []*lineRule{lr}, func(h hit) {
				got = append(got, h)
				masked = append(masked, string(maskValue(h.match, h.value)))
			})
			switch {
			case tt.fires && len(got) != 1:
				t.Errorf("window %d, %s: %d hits, want 1", window, tt.name, len(got))
			case !tt.fires && len(got) != 0:
				t.Errorf("window %d, %s: %d hits, want none", window, tt.name, len(got))
			case tt.fires && (got[0].line != 2 || got[0].reason == "" || masked[0] != tt.value):
				t.Errorf("window %d, %s: line %d, reason %q, masked match %q, want line 2, a reason and %q",
					window, tt.name, got[0].line, got[0].reason, masked[0], tt.value)
			}
		}
	}
}
