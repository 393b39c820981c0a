package debug

import (
	"strings"
	"testing"
)

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		want    []string // nil: no prefilter
	}{
		{"plain", `debug=True`, []string{"debug=true"}},
		{"longest of a concat", `\bFLASK_DEBUG\s*=\s*1`, []string{"flask_debug"}},
		{"alternation", `foo|bar`, []string{"foo", "bar"}},
		{"alternation with an unknown branch", `foo|\d+`, nil},
		{"optional literal", `(?:abc)?x`, []string{"x"}},
		{"plus keeps its literal", `(?:abc)+`, []string{"abc"}},
		{"star drops its literal", `(?:abc)*`, nil},
		{"fold case", `(?i)true`, []string{"true"}},
		{"fold case with s (the long s turns the prefilter off)", `(?i)yes`, []string{"yes"}},
		{"non-ASCII", `héllo`, nil},
		{"newline", "a\nb", nil},
		{"newline beside a class", "a\n[bc]", nil},
		{"newline class joins the literal", "ab[\\n]cd", nil},
		{"literal beside a class", `ab\scd`, []string{"ab"}},
		{"anything", `.*`, nil},
		{"cross product of a run", `\b(?:jwt|jsonwebtoken)\.(?:sign|verify)\(`, []string{"jwt.sign(", "jwt.verify(", "jsonwebtoken.sign(", "jsonwebtoken.verify("}},
		{"small class in a run", `["']key["']\s*=>`, []string{`"key"`, `"key'`, `'key"`, `'key'`}},
		{"a class alone is no prefilter", `[ab]\d+`, nil},
		{"an optional part beside a literal", `(?:abc)?x`, []string{"x"}},
		{"strings that hold another are implied", `secret_key|'secret_key'|\.secret_key`, []string{"secret_key"}},
		{"a run past its bound starts again", `(?:ab|cd|ef|gh|ij)(?:kl|mn|op|qr|st)(?:uv|wx)\d`, []string{"kluv", "klwx", "mnuv", "mnwx", "opuv", "opwx", "qruv", "qrwx", "stuv", "stwx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := requiredLiterals(tt.pattern)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || (got == nil) != (tt.want == nil) {
				t.Errorf("requiredLiterals(%q) = %q, want %q", tt.pattern, got, tt.want)
			}
		})
	}
}

func TestEveryRuleHasAPrefilter(t *testing.T) {
	// Not needed for correctness, but a rule without one runs its
	// expression on every line of every file it reads.
	for _, r := range loadRules(t) {
		if r.literals == nil {
			t.Errorf("%s: no required literal found in its pattern", r.id)
		}
	}
}
