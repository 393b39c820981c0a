package cors

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
	"github.com/launchgate/launchgate/pkg/testkit"
)

// controller is a Spring controller of the given name with a bare
// @CrossOrigin.
func controller(name string) string {
	return fmt.Sprintf("package com.acme.api;\n\n@CrossOrigin\n@RestController\npublic class %s {\n}\n", name)
}

// TestOneFindingPerSetup holds cors/allow-all-origins to one finding per
// setup: repeats in one file and copies across one folder collapse into
// the first, which names the others; other folders, other setups and the
// rules that block keep their own findings.
func TestOneFindingPerSetup(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		want    []string // "file:line rule"
		message []string // fragments the first report's message holds
	}{
		{
			name: "cors() on three routes of one router",
			files: map[string]string{"src/router.ts": `app.use("/api/v1/*", cors());
app.use("/api/v1/*", v1Limit);
app.use("/api/v2/*", cors());
app.use("/api/v2/*", v2Limit);
app.use("/api/v3/*", cors());
`},
			want:    []string{"src/router.ts:1 cors/allow-all-origins"},
			message: []string{"also on lines 3 and 5", "no credentials"},
		},
		{
			name: "@CrossOrigin on every controller of one folder",
			files: map[string]string{
				"src/main/java/com/acme/api/AuthController.java":    controller("AuthController"),
				"src/main/java/com/acme/api/InvoiceController.java": controller("InvoiceController"),
				"src/main/java/com/acme/api/ProfileController.java": controller("ProfileController"),
				"src/main/java/com/acme/api/UserController.java":    controller("UserController"),
				"src/main/java/com/acme/api/VehicleController.java": controller("VehicleController"),
			},
			want:    []string{"src/main/java/com/acme/api/AuthController.java:3 cors/allow-all-origins"},
			message: []string{"the same in 4 more files: InvoiceController.java, ProfileController.java, UserController.java and 1 other of this folder"},
		},
		{
			name: "the same annotation in two services",
			files: map[string]string{
				"billing/src/main/java/com/acme/BillingController.java":   controller("BillingController"),
				"identity/src/main/java/com/acme/IdentityController.java": controller("IdentityController"),
			},
			want: []string{
				"billing/src/main/java/com/acme/BillingController.java:3 cors/allow-all-origins",
				"identity/src/main/java/com/acme/IdentityController.java:3 cors/allow-all-origins",
			},
		},
		{
			name: "two different setups in one folder",
			files: map[string]string{
				"internal/http/cors.go":   "w.Header().Set(\"Access-Control-Allow-Origin\", \"*\")\n",
				"internal/http/server.go": "handler := cors.AllowAll().Handler(mux)\n",
			},
			want: []string{
				"internal/http/cors.go:1 cors/allow-all-origins",
				"internal/http/server.go:1 cors/allow-all-origins",
			},
		},
		{
			name: "a wildcard with credentials is never folded away",
			files: map[string]string{
				"src/a.js": "app.use(cors({ origin: true, credentials: true }));\n",
				"src/b.js": "app.use(cors({ origin: true, credentials: true }));\n",
			},
			want: []string{
				"src/a.js:1 cors/wildcard-with-credentials",
				"src/b.js:1 cors/wildcard-with-credentials",
			},
		},
	}
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reports := runFiles(t, c, tt.files, nil)
			checktest.Compare(t, where(reports), tt.want)
			for _, frag := range tt.message {
				if len(reports) == 0 || !strings.Contains(reports[0].Message, frag) {
					t.Errorf("message %q lacks %q", messageOf(reports), frag)
				}
			}
		})
	}
}

// TestDiffKeepsEveryLine holds a diff scan to one finding per line: the
// diff filter keeps only the lines a change adds, so a finding folded into
// another file's would be lost with it.
func TestDiffKeepsEveryLine(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	testkit.WriteFiles(t, root, map[string]string{
		"src/main/java/com/acme/api/AuthController.java":    controller("AuthController"),
		"src/main/java/com/acme/api/InvoiceController.java": controller("InvoiceController"),
		"src/router.ts": "app.use(\"/a\", cors());\napp.use(\"/b\", cors());\n",
	})
	tgt := target(t, root, nil)
	tgt.Diff = &check.Range{Base: "main", Head: "HEAD"}
	checktest.Compare(t, where(checktest.Reports(t, c, tgt)), []string{
		"src/main/java/com/acme/api/AuthController.java:3 cors/allow-all-origins",
		"src/main/java/com/acme/api/InvoiceController.java:3 cors/allow-all-origins",
		"src/router.ts:1 cors/allow-all-origins",
		"src/router.ts:2 cors/allow-all-origins",
	})
}

// TestCredentialsMessageQuotesTheSetting keeps the excerpt of the
// credentials rules readable: "credentials: `…`" reads to the redactor as
// a secret assigned to a name.
func TestCredentialsMessageQuotesTheSetting(t *testing.T) {
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	reports := runFiles(t, c, map[string]string{
		"src/server.js": "app.use(cors({ origin: true, credentials: true }));\n",
		"src/mw.js": `module.exports = (req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
  res.setHeader("Access-Control-Allow-Credentials", "true");
};
`,
	}, nil)
	if len(reports) != 2 {
		t.Fatalf("got %d reports, want 2: %v", len(reports), where(reports))
	}
	for _, r := range reports {
		if strings.Contains(r.Message, "credentials: `") || !strings.Contains(r.Message, "with credentials in `") {
			t.Errorf("%s: message %q", r.Rule, r.Message)
		}
	}
}

func where(reports []check.Report) []string {
	var out []string
	for _, r := range reports {
		out = append(out, fmt.Sprintf("%s:%d %s", r.File, r.Line, r.Rule))
	}
	slices.Sort(out)
	return out
}

func messageOf(reports []check.Report) string {
	if len(reports) == 0 {
		return ""
	}
	return reports[0].Message
}
