package source

import (
	"encoding/json"
	"strings"
	"testing"
)

// fakeKey is built at run time so no scanner mistakes this file for a leak.
var fakeKey = "sk_" + "live_" + strings.Repeat("T3st", 6)

func TestParseSourceMap(t *testing.T) {
	// JSON escapes hide the key from a scan of the raw map: \" around it
	// and \u0073 for its first letter.
	escaped := `const k = \"` + `\u0073` + fakeKey[1:] + `\";\nexport default k;\n`
	plain := `{"version":3,"file":"main.js","sourceRoot":"","sources":["webpack:///./src/key.ts",null,"src/b.ts"],` +
		`"sourcesContent":["` + escaped + `",null],"names":[],"mappings":"AAAA,SAAS;AACT"}`
	tests := []struct {
		name        string
		data        string
		wantSources []string
		wantContent []string // "<nil>" for a missing entry
		wantErr     string
	}{
		{
			name:        "escapes decoded, null entries kept",
			data:        plain,
			wantSources: []string{"webpack:///./src/key.ts", "", "src/b.ts"},
			wantContent: []string{"const k = \"" + fakeKey + "\";\nexport default k;\n", "<nil>", "<nil>"},
		},
		{
			name:        "XSSI prefix and BOM",
			data:        "\xef\xbb\xbf)]}'\n" + plain,
			wantSources: []string{"webpack:///./src/key.ts", "", "src/b.ts"},
			wantContent: []string{"const k = \"" + fakeKey + "\";\nexport default k;\n", "<nil>", "<nil>"},
		},
		{
			name: "index map flattened",
			data: `{"version":3,"file":"app.js","sections":[` +
				`{"offset":{"line":0,"column":0},"map":{"version":3,"sources":["a.ts"],"sourcesContent":["let a"],"names":["a"],"mappings":"AAAAA"}},` +
				`{"offset":{"line":10,"column":5},"map":{"version":3,"sourceRoot":"lib/","sources":["b.ts"],"sourcesContent":["let b"],"names":["b"],"mappings":"AAAAA,CAAC"}}]}`,
			wantSources: []string{"a.ts", "lib/b.ts"},
			wantContent: []string{"let a", "let b"},
		},
		{name: "malformed JSON", data: `{"version":3,"sources":[`, wantErr: "source map"},
		{name: "not version 3", data: `{"version":2,"sources":[],"mappings":""}`, wantErr: "version 2"},
		{name: "not an object", data: `[1,2,3]`, wantErr: "source map"},
		{name: "bad mappings in a section", data: `{"version":3,"sections":[{"offset":{"line":0,"column":0},"map":{"version":3,"sources":[],"mappings":"!!"}}]}`, wantErr: "bad character"},
		{name: "index maps nested too deep", data: nestedSections(6), wantErr: "too deep"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseSourceMap([]byte(tc.data))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(m.Sources, "|") != strings.Join(tc.wantSources, "|") {
				t.Errorf("Sources = %q, want %q", m.Sources, tc.wantSources)
			}
			if len(m.SourcesContent) != len(tc.wantContent) {
				t.Fatalf("SourcesContent has %d entries, want %d", len(m.SourcesContent), len(tc.wantContent))
			}
			for i, want := range tc.wantContent {
				got := "<nil>"
				if c := m.SourcesContent[i]; c != nil {
					got = *c
				}
				if got != want {
					t.Errorf("SourcesContent[%d] = %q, want %q", i, got, want)
				}
			}
		})
	}
}

func TestFlattenedMappings(t *testing.T) {
	data := `{"version":3,"sections":[` +
		`{"offset":{"line":0,"column":0},"map":{"version":3,"sources":["a.ts"],"names":["x"],"mappings":"AAAAA,EAAC;AACA"}},` +
		`{"offset":{"line":2,"column":4},"map":{"version":3,"sources":["b.ts"],"names":["y"],"mappings":"AAAAA;EACA"}}]}`
	m, err := ParseSourceMap([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	segs, err := decodeMappings(m.Mappings)
	if err != nil {
		t.Fatalf("flattened mappings %q do not decode: %v", m.Mappings, err)
	}
	want := []segment{
		{genLine: 0, genCol: 0, src: 0, srcLine: 0, srcCol: 0, name: 0, fields: 5},
		{genLine: 0, genCol: 2, src: 0, srcLine: 0, srcCol: 1, name: 0, fields: 4},
		{genLine: 1, genCol: 0, src: 0, srcLine: 1, srcCol: 1, name: 0, fields: 4},
		{genLine: 2, genCol: 4, src: 1, srcLine: 0, srcCol: 0, name: 1, fields: 5},
		{genLine: 3, genCol: 2, src: 1, srcLine: 1, srcCol: 0, name: 0, fields: 4},
	}
	if len(segs) != len(want) {
		t.Fatalf("segments = %+v", segs)
	}
	for i := range want {
		if segs[i] != want[i] {
			t.Errorf("segment %d = %+v, want %+v", i, segs[i], want[i])
		}
	}
}

func TestVLQRoundTrip(t *testing.T) {
	for _, v := range []int{0, 1, -1, 15, 16, -16, 1000, -123456, maxMappingValue - 1} {
		var b strings.Builder
		writeVLQ(&b, v)
		got, err := decodeVLQs(b.String())
		if err != nil || len(got) != 1 || got[0] != v {
			t.Errorf("%d -> %q -> %v, %v", v, b.String(), got, err)
		}
	}
}

func TestIsSourceMap(t *testing.T) {
	tests := []struct {
		name, path, data string
		want             bool
	}{
		{"named .map", "dist/main.js.map", `{"version":3}`, true},
		{"named .map with XSSI", "main.css.map", ")]}'\n{\"version\":3}", true},
		{"named .map but not JSON", "world.map", "tileset=1\n", false},
		{"any name, map keys", "dist/sm.json", `{"version":3,"sources":[],"mappings":"AAAA"}`, true},
		{"index map", "x", `{"version":3,"sections":[]}`, true},
		{"JSON without mappings", "package.json", `{"version":"1.0.0","name":"x"}`, false},
		{"javascript", "main.js", `var version = 3, mappings = 1;`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsSourceMap(tc.path, []byte(tc.data)); got != tc.want {
				t.Errorf("IsSourceMap = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestOriginalPath(t *testing.T) {
	tests := []struct {
		name, root, source, want string
	}{
		{"webpack empty namespace", "", "webpack:///./src/x.ts", "src/x.ts"},
		{"webpack namespace", "", "webpack://app/src/x.ts", "src/x.ts"},
		{"webpack namespace and dot", "", "webpack://app/./src/x.ts", "src/x.ts"},
		{"webpack loader query", "", "webpack:///./src/x.vue?4a2b", "src/x.vue"},
		{"webpack bootstrap", "", "webpack:///webpack/bootstrap", "webpack/bootstrap"},
		{"relative climbs no higher than the project", "", "../src/x.ts", "src/x.ts"},
		{"sourceRoot joined", "src/", "lib/x.ts", "src/lib/x.ts"},
		{"sourceRoot without slash", "src", "x.ts", "src/x.ts"},
		{"sourceRoot with scheme", "webpack:///", "../src/x.ts", "src/x.ts"},
		{"absolute source ignores sourceRoot", "src", "/abs/x.ts", "abs/x.ts"},
		{"file URL", "", "file:///home/ci/app/src/x.ts", "home/ci/app/src/x.ts"},
		{"https URL", "", "https://cdn.example.com/assets/x.js", "assets/x.js"},
		{"windows path", "", `C:\build\src\x.ts`, "build/src/x.ts"},
		{"vite scheme", "", "vite:/src/main.ts", "src/main.ts"},
		{"empty", "", "", ""},
		{"only dots", "", "../..", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := OriginalPath(tc.root, tc.source); got != tc.want {
				t.Errorf("OriginalPath(%q, %q) = %q, want %q", tc.root, tc.source, got, tc.want)
			}
		})
	}
}

// nestedSections builds an index map nested depth levels deep.
func nestedSections(depth int) string {
	inner := `{"version":3,"sources":[],"mappings":""}`
	for range depth {
		b, _ := json.Marshal(json.RawMessage(inner))
		inner = `{"version":3,"sections":[{"offset":{"line":0,"column":0},"map":` + string(b) + `}]}`
	}
	return inner
}
