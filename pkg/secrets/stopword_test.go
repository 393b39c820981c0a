package secrets

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/zricethezav/gitleaks/v8/config"
)

// genericStopWords returns the allowlist of gitleaks' generic rule that
// holds its stop words.
func genericStopWords(t testing.TB, e *Engine) *config.Allowlist {
	t.Helper()
	for _, a := range e.cfg.Rules[ruleGenericKey].Allowlists {
		if len(a.StopWords) > 0 {
			return a
		}
	}
	t.Fatal("gitleaks' generic rule has no stop words; the rule changed")
	return nil
}

// sessionLine is the line testkit.LeakTree plants a session secret on.
func sessionLine(value string) string {
	return "const session = require('express-session');\napp.use(session({ secret: \"" + value + "\", cookie: { secure: false } }));\n"
}

// foundGeneric reports whether ss holds a generic-api-key finding.
func foundGeneric(ss []Secret) bool {
	return slices.ContainsFunc(ss, func(s Secret) bool { return s.RuleID == "secret/"+ruleGenericKey })
}

// Random keys that spell a stop word by chance, in broken case or as a
// word whose removal leaves them random, are keys. Each is written as its
// pieces, the accident on its own, so no line of this file holds a key.
func TestStopWordByAccidentFires(t *testing.T) {
	e := newEngine(t, Options{})
	stops := genericStopWords(t, e)
	g := newGen(t)
	cases := []struct{ name, value string }{
		{"send in broken case", "0bX04xMfUuiyU1i" + "SEnD" + "Z4rro7119"},
		{"spec in broken case", "RJEV4OdCfwJ0bU" + "SpEC" + "OW8EoX3860"},
		{"view inside a run of capitals", "ShrmmsN" + "VIEW" + "ArSqxo2FvquIG6754"},
		{"soap glued to lower case", "2Fo3fJfB" + "Soap" + "jplgrtwa71e15474"},
		{"jade across a case change", "gJ" + "aDe" + "l6H5igs8mycnDfRMZJa3703"},
		{"a Title word, random around it", g.alnum(10) + "3View" + g.alnum(10) + "4821"},
		{"a word between separators", g.alnum(14) + "-build-" + g.alnum(12) + "77"},
		{"hex spelling dead", g.from("0123456789abcdef", 30) + "dead" + g.from("0123456789abcdef", 30)},
		{"base64url spelling mock", g.from(alnum+"-_", 20) + "MoCk" + g.from(alnum, 19) + "5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !gitleaksStopWord(stops, c.value) {
				t.Fatal("the value holds no stop word; the case tests nothing")
			}
			if got := scanOne(t, e, "server/session.js", sessionLine(c.value)); !foundGeneric(got) {
				t.Errorf("no generic-api-key finding (got %v)", ruleIDs(got))
			}
		})
	}
}

// leakSeed seeds the values TestSeededSessionSecretsAreFound plants: 2,000
// of testkit.LeakTree's shape, 24 random letters and digits then 4 digits.
const leakSeed1, leakSeed2 = 20240611, 1

// Every random session secret is found: judged as gitleaks judges stop
// words, 8 of these 2,000 are not. session-secret-literal leaves a value
// that looks generated (envvalue.Generated) to the secret rules, so such
// a miss was a miss of both.
func TestSeededSessionSecretsAreFound(t *testing.T) {
	e := newEngine(t, Options{})
	before := newEngine(t, Options{})
	before.matcher = strictMatcher(before)
	g := &gen{rand.New(rand.NewPCG(leakSeed1, leakSeed2))}
	missed, missedBefore := 0, 0
	for i := range 2000 {
		v := g.alnum(24) + g.from("0123456789", 4)
		if !foundGeneric(scanOne(t, e, "server/session.js", sessionLine(v))) {
			missed++
			t.Errorf("value %d of seed %d,%d: no generic-api-key finding", i, leakSeed1, leakSeed2)
		}
		if !foundGeneric(scanOne(t, before, "server/session.js", sessionLine(v))) {
			missedBefore++
		}
	}
	t.Logf("missed %d of 2000; judging stop words as gitleaks does, %d", missed, missedBefore)
	if missedBefore == 0 {
		t.Error("gitleaks' stop words miss none of these values: the test no longer tests the accident")
	}
}

// Placeholders, test values and typed phrases that hold a stop word as a
// word stay quiet, as they are under gitleaks' judgement.
func TestStopWordAsWordStaysQuiet(t *testing.T) {
	e := newEngine(t, Options{})
	before := newEngine(t, Options{})
	before.matcher = strictMatcher(before)
	stops := genericStopWords(t, e)
	cases := []struct {
		value string
		// byStopWord is true when only a stop word keeps the value quiet:
		// the value looks varied enough otherwise.
		byStopWord bool
	}{
		{"your-api-key-here", false},
		{"test_secret_123", false},
		{"sk_test_example", false},
		{"changeme", false},
		{"dummy-token", false},
		{"EXAMPLE_KEY_VALUE", false},
		{"xxxxxxxxxxxx", false},
		{"myTestKey", false},
		{"test_key", false},
		{"EXAMPLE-KEY", false},
		{"dummysecret", false},
		{"docker-compose-secret-v2", false},
		{"laravel_app_key_v1", false},
		{"unit-run-signing-key-for-the-ci-suite-0001", true},
		{"portal-view-builder-2024", true},
		{"ruby-builder-token-01", true},
		{"staging_session_secret_2024", true},
		{"react-dashboard-admin-2023", true},
		{"my-super-secret-session-key-2024", true},
		{"mySessionSecretForStaging2024", true},
		{"SessionSecretStaging2024", true},
		{"TestingSecretKey123", true},
		{"portalSessionSigningKeyForStaging2024", true},
		{"hackathon2019secretkey", true},
		{"keyboard-cat-secret-2024", true},
		{"admin_password_12345", true},
		{"docker_registry_token_2023", true},
		{"supersecretsessionkey2024", true},
		{"mlkem768Ciphertext", true},
	}
	for _, c := range cases {
		t.Run(c.value, func(t *testing.T) {
			if c.byStopWord && !stopWordAllows(stops, c.value) {
				t.Error("the generic rule's stop words do not allow it")
			}
			for _, content := range []string{sessionLine(c.value), "const api_key = \"" + c.value + "\";\n"} {
				if got := scanOne(t, e, "src/server.js", content); len(got) > 0 {
					t.Errorf("found %v in %q", ruleIDs(got), strings.SplitN(content, "(", 2)[0])
				}
				if got := scanOne(t, before, "src/server.js", content); len(got) > 0 {
					t.Errorf("gitleaks' judgement finds %v: the case is not quiet today", ruleIDs(got))
				}
			}
		})
	}
}

func TestStopWordsIn(t *testing.T) {
	cases := []struct {
		value, stop string
		// want is the word that holds stop, or "" when none does.
		want string
	}{
		{"myTestKey", "test", "Test"},
		{"test_key", "test", "test"},
		{"EXAMPLE-KEY", "example", "EXAMPLE"},
		{"dummysecret", "dummy", "dummysecret"},
		{"mlkem768Ciphertext", "text", "Ciphertext"},
		{"XMLView2", "view", "View"},
		{"Xview2", "view", "Xview"},
		{"xVIEW9", "view", "VIEW"},
		{"NVIEWAr", "view", "NVIEW"},
		{"HTTPServer", "http", "HTTP"},
		{"HTTPServer", "server", "Server"},
		{"md5sum", "md5", "md5"},
		{"front-end", "front-end", "front-end"},
		{"bot_x", "bot_", "bot"},
		{"robot_x", "bot_", "robot"},
		{"x.app.y", "app.", "app"},
		{"view", "view", "view"},
		{"iSEnDZ", "send", ""},
		{"USpECOW", "spec", ""},
		{"ViEw", "view", ""},
		{"gJaDel6", "jade", ""},
		{"plain", "view", ""},
	}
	for _, c := range cases {
		got := ""
		if sp := stopWordsIn([]string{c.stop}, c.value); len(sp) > 0 {
			got = c.value[sp[0].start:sp[0].end]
		}
		if got != c.want {
			t.Errorf("%q in %q: held by %q, want %q", c.stop, c.value, got, c.want)
		}
	}
}

func TestLooksGenerated(t *testing.T) {
	g := newGen(t)
	cases := []struct {
		name, value string
		want        bool
	}{
		{"base62", g.alnum(28), true},
		{"hex", g.from("0123456789abcdef", 40), true},
		{"base32", g.from(upperDigits, 32), true},
		{"base36", g.from("abcdefghijklmnopqrstuvwxyz0123456789", 32), true},
		{"kebab phrase with a number", "unit-run-signing-key-0001", false},
		{"camel words", "portalSessionSigningKeyForStaging2024", false},
		{"constant case", "PORTAL_SESSION_SECRET_2024", false},
		{"short", g.alnum(12), false},
		{"letters of one case", g.from("abcdefghijklmnopqrstuvwxyz", 30), false},
		{"digits", g.from("0123456789", 30), false},
		{"spaces", g.alnum(12) + " " + g.alnum(12), false},
	}
	for _, c := range cases {
		if got := looksGenerated(c.value); got != c.want {
			t.Errorf("%s: looksGenerated = %v, want %v", c.name, got, c.want)
		}
	}
}

// FuzzWordBounds splits arbitrary text into words: every piece between
// two bounds is one byte that is not a letter or digit, or letters and
// digits of one kind (digits, lower case, UPPER case or Title case), and
// the stop-word judgement never allows what gitleaks' would not.
func FuzzWordBounds(f *testing.F) {
	e := newEngine(f, Options{})
	stops := genericStopWords(f, e)
	for _, s := range []string{"", "myTestKey", "HTTPServer", "test_key-2", "0bX04xMfUuiyU1i" + "SEnDZ", "a.b/c", "\xff\x00Ab9", "VIEW", "Xview"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4<<10 {
			return
		}
		b := wordBounds(s)
		if len(b) != len(s)+1 || !b[0] || !b[len(s)] {
			t.Fatalf("bounds of %d bytes: %d, ends %v %v", len(s), len(b), b[0], b[len(b)-1])
		}
		start := 0
		for i := 1; i <= len(s); i++ {
			if !b[i] {
				continue
			}
			if w := s[start:i]; !oneWord(w) {
				t.Fatalf("piece %q of %q is not one word", w, s)
			}
			start = i
		}
		allowed := stopWordAllows(stops, s)
		if allowed && !gitleaksStopWord(stops, s) {
			t.Fatalf("allowed %q, which holds no stop word", s)
		}
		if !looksGenerated(s) && allowed != gitleaksStopWord(stops, s) {
			t.Fatalf("judged %q, which does not look generated, unlike gitleaks", s)
		}
	})
}

// oneWord reports whether w is a single separator byte or letters and
// digits of one kind.
func oneWord(w string) bool {
	if len(w) == 1 && !byteAlnum(w[0]) {
		return true
	}
	for _, kind := range []func(byte) bool{byteDigit, byteLower, byteUpper} {
		if strings.IndexFunc(w, func(r rune) bool { return r > 0x7f || !kind(byte(r)) }) < 0 {
			return true
		}
	}
	return len(w) > 1 && byteUpper(w[0]) && strings.IndexFunc(w[1:], func(r rune) bool { return r > 0x7f || !byteLower(byte(r)) }) < 0
}
