package cors

import (
	"fmt"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

func TestParseOrigin(t *testing.T) {
	tests := []struct {
		name, in, scheme string
		want             string // "" when not an origin
	}{
		{"plain https", "https://Portal.Example.com", "", "https://portal.example.com"},
		{"default port dropped", "https://portal.example.com:443/", "", "https://portal.example.com"},
		{"http default port", "http://a.example.com:80", "", "http://a.example.com"},
		{"other port kept", "https://a.example.com:8443", "", "https://a.example.com:8443"},
		{"wildcard host", "https://*.example.com", "", "https://*.example.com"},
		{"ipv6", "http://[::1]:3000", "", "http://[::1]:3000"},
		{"missing scheme with default", "portal.example.com", "https", "https://portal.example.com"},
		{"missing scheme without default", "portal.example.com", "", ""},
		{"path", "https://a.example.com/api", "", ""},
		{"wildcard alone", "*", "https", ""},
		{"other scheme", "ftp://a.example.com", "", ""},
		{"bad port", "https://a.example.com:x", "", ""},
		{"empty host", "https://", "", ""},
		{"user info", "https://u@a.example.com", "", ""},
		{"regexp", `^https://.*\.example\.com$`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, ok := parseOrigin(tt.in, tt.scheme)
			got := ""
			if ok {
				got = o.String()
			}
			if got != tt.want {
				t.Errorf("parseOrigin(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAllowList(t *testing.T) {
	a := parseAllowList([]string{"https://portal.example.com", "https://*.partners.example.com", "app.example.org", "not an origin"})
	tests := []struct {
		origin string
		want   bool
	}{
		{"https://portal.example.com", true},
		{"https://portal.example.com:443", true},
		{"http://portal.example.com", false},
		{"https://portal.example.com:8443", false},
		{"https://acme.partners.example.com", true},
		{"https://a.b.partners.example.com", true},
		{"https://*.partners.example.com", true},
		{"https://partners.example.com", false},
		{"https://evilpartners.example.com", false},
		{"https://*.example.com", false},
		{"https://app.example.org", true},
		{"https://staging.example.net", false},
	}
	for _, tt := range tests {
		t.Run(tt.origin, func(t *testing.T) {
			o, ok := parseOrigin(tt.origin, "")
			if !ok {
				t.Fatalf("%q does not parse", tt.origin)
			}
			if got := a.allows(o); got != tt.want {
				t.Errorf("allows(%q) = %v, want %v", tt.origin, got, tt.want)
			}
		})
	}
	if !parseAllowList([]string{"*"}).allows(origin{scheme: "https", host: "x.example"}) {
		t.Error(`"*" does not allow every origin`)
	}
}

func TestSettingLiterals(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string // line:column:text
	}{
		{"express list over lines", "app.use(cors({\n  origin: [\n    \"https://a.example\",\n    'https://b.example',\n  ],\n}));\nconst x = \"https://c.example\";\n",
			[]string{"3:5:https://a.example", "4:5:https://b.example"}},
		{"django list", "CORS_ALLOWED_ORIGINS = [\"https://a.example\"]  # prod\nOTHER = \"https://c.example\"\n", []string{"1:25:https://a.example"}},
		{"header value", `{ key: "Access-Control-Allow-Origin", value: "https://a.example" },`, []string{"1:46:https://a.example"}},
		{"rack-cors", `origins "https://a.example", 'https://b.example'`, []string{"1:9:https://a.example", "1:30:https://b.example"}},
		{"comment line", "// origin: \"https://a.example\"\n", nil},
		{"unterminated string", "origin: \"https://a.example\n\"x\"\n", nil},
		{"list ends after its lines", "origins = [\n\"https://a.example\"]\n\"https://c.example\"\n", []string{"2:1:https://a.example"}},
		{"crlf", "origin: [\r\n  \"https://a.example\"\r\n]\r\n", []string{"2:3:https://a.example"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range settingLiterals([]byte(tt.data)) {
				if strings.HasPrefix(l.text, "https://") {
					got = append(got, fmt.Sprintf("%d:%d:%s", l.line, l.column, l.text))
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("literals = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSubsume(t *testing.T) {
	in := `app.use(cors({ origin: "*", credentials: true }));
const a = 1;
const b = 2;
const c = 3;
const d = 4;
const e = 5;
const f = 6;
const g = 7;
const h = 8;
const i = 9;
app.use("/status", cors());
`
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range runFiles(t, c, map[string]string{"src/server.js": in}, nil) {
		got = append(got, fmt.Sprintf("%d %s", r.Line, r.Rule))
	}
	want := []string{"1 cors/wildcard-with-credentials", "11 cors/allow-all-origins"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reports = %q, want %q", got, want)
	}
}
