package debug

import (
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestPprofReachable holds debug/pprof-imported to programs that serve
// the default mux where others reach it, wherever in the tree that is.
func TestPprofReachable(t *testing.T) {
	const imports = "package main\n\nimport _ \"net/http/pprof\"\n"
	tests := []struct {
		name  string
		files checktest.MemFiles
		want  bool
	}{
		{"served with a nil handler in another package", checktest.MemFiles{
			"internal/debug/debug.go": imports,
			"cmd/api/main.go":         "package main\n\nfunc main() { log.Fatal(http.ListenAndServe(addr, nil)) }\n",
		}, true},
		{"served with TLS and a nil handler", checktest.MemFiles{
			"main.go": imports + "\nfunc main() { http.ListenAndServeTLS(\":443\", cert, key, nil) }\n",
		}, true},
		{"served through a listener", checktest.MemFiles{
			"main.go": imports + "\nfunc main() { http.Serve(l, nil) }\n",
		}, true},
		{"server literal over several lines without a handler", checktest.MemFiles{
			"main.go": imports + "\nvar srv = &http.Server{\n\tAddr:         \":8080\",\n\tReadTimeout:  time.Second,\n}\n",
		}, true},
		{"guard further up does not cover the serving line", checktest.MemFiles{
			"main.go": imports + "\nfunc main() {\n\tif os.Getenv(\"DEBUG\") == \"1\" {\n\t\tlog.Print(\"debug\")\n\t}\n\thttp.ListenAndServe(\":8080\", nil)\n}\n",
		}, true},
		{"only a router of its own", checktest.MemFiles{
			"main.go": imports + "\nfunc main() { http.ListenAndServe(\":8080\", router) }\n",
		}, false},
		{"default mux on loopback", checktest.MemFiles{
			"main.go": imports + "\nfunc main() { http.ListenAndServe(\"127.0.0.1:6060\", nil) }\n",
		}, false},
		{"default mux only in a test", checktest.MemFiles{
			"main.go":      imports,
			"main_test.go": "package main\n\nfunc TestX(t *testing.T) { http.ListenAndServe(\":8080\", nil) }\n",
		}, false},
		{"default mux in a comment", checktest.MemFiles{
			"main.go": imports + "\n// http.ListenAndServe(\":8080\", nil)\n",
		}, false},
		{"default mux behind a profiling flag", checktest.MemFiles{
			"main.go": imports + "\nfunc main() {\n\tif *profile {\n\t\tgo http.ListenAndServe(*profileAddr, nil)\n\t}\n}\n",
		}, false},
	}
	rs := loadRules(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, r := range run(t, tt.files, rs) {
				if r.Rule == rulePprof {
					got = true
				}
			}
			if got != tt.want {
				t.Errorf("reported %s = %v, want %v", rulePprof, got, tt.want)
			}
		})
	}
}

// TestPprofOtherProgram keeps another Go module of the tree out of the
// judgement: its server runs in another process, with its own default mux.
func TestPprofOtherProgram(t *testing.T) {
	rs := loadRules(t)
	files := checktest.MemFiles{
		"services/community/go.mod":           "module community\n",
		"services/community/router/routes.go": "package router\n\nimport _ \"net/http/pprof\"\n\nvar srv = &http.Server{Addr: addr, Handler: r}\n",
		"services/gateway/go.mod":             "module gateway\n",
		"services/gateway/main.go":            "package main\n\nfunc main() { http.ListenAndServeTLS(addr, crt, key, nil) }\n",
	}
	for _, r := range run(t, files, rs) {
		if r.Rule == rulePprof {
			t.Errorf("reported %s at %s:%d for another module's server", r.Rule, r.File, r.Line)
		}
	}
	files["services/community/main.go"] = "package main\n\nfunc main() { http.ListenAndServe(\":8080\", nil) }\n"
	if !slices.ContainsFunc(run(t, files, rs), func(r check.Report) bool { return r.Rule == rulePprof }) {
		t.Errorf("no %s when the importing module serves the default mux", rulePprof)
	}
}
