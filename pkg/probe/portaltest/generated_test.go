package portaltest

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/spec"
)

// TestGenerated loads generated specs with the project's loader and
// replays each operation: 401 without a token, success with alice's token
// on acme's example object, 404 with bob's, and bob's lists hold only
// globex's objects. The same n gives the same spec.
func TestGenerated(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 500} {
		specData, h := Generated(n)
		again, _ := Generated(n)
		if !bytes.Equal(specData, again) {
			t.Fatalf("n=%d: two calls give different specs", n)
		}
		doc, problems := spec.Load(context.Background(), "gen.yaml", func(string) ([]byte, error) { return specData, nil }, spec.Options{})
		if len(problems) > 0 || doc == nil || doc.Partial {
			t.Fatalf("n=%d: the generated spec does not load cleanly: %v", n, problems)
		}
		if len(doc.Operations) != n {
			t.Fatalf("n=%d: %d operations", n, len(doc.Operations))
		}
		a := h.(*API)
		for _, op := range doc.Operations {
			if op.Effective(doc).Disabled() {
				t.Errorf("%s is not secured", op.Key())
			}
			resource := strings.Split(op.Path, "/")[2]
			path := strings.ReplaceAll(op.Path, "{"+resource+"Id}", resource+"_a1")
			if status, _ := send(t, a, op.Method, path, ""); status != http.StatusUnauthorized {
				t.Errorf("%s without a token: %d", op.Key(), status)
			}
			if status, _ := send(t, a, op.Method, path, "Bearer "+algNone(a.tokens["alice"])); status != http.StatusUnauthorized {
				t.Errorf("%s with alg none: %d", op.Key(), status)
			}
			status, body := send(t, a, op.Method, path, identity("bob").header(a))
			switch {
			case strings.Contains(op.Path, "{") && status != http.StatusNotFound:
				t.Errorf("%s as bob on acme's object: %d", op.Key(), status)
			case op.Method == "GET" && !strings.Contains(op.Path, "{") && strings.Contains(body, "_a1"):
				t.Errorf("%s as bob lists acme's object", op.Key())
			}
			if status, _ := send(t, a, op.Method, path, identity("alice").header(a)); status/100 != 2 {
				t.Errorf("%s as alice: %d", op.Key(), status)
			}
		}
	}
}

// TestGeneratedConfig checks the generated probe configuration is a valid
// .launchgate.yml naming each tenant's object of every resource.
func TestGeneratedConfig(t *testing.T) {
	cfg, err := config.Parse(".launchgate.yml", GeneratedConfig(12))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Probe.Identities) != 2 || cfg.Probe.Objects["acme"]["r002Id"] != "r002_a1" || cfg.Probe.Objects["globex"]["r001Id"] != "r001_b1" {
		t.Errorf("config %+v", cfg.Probe)
	}
	if _, ok := cfg.Probe.Objects["acme"]["r003Id"]; ok {
		t.Error("12 operations make three resources, r002 the last")
	}
	for _, n := range []int{0, 1, 2} {
		if _, err := config.Parse(".launchgate.yml", GeneratedConfig(n)); err != nil {
			t.Errorf("n=%d: %v", n, err)
		}
	}
}

// TestStartGenerated serves a generated API over HTTPS.
func TestStartGenerated(t *testing.T) {
	p, specData := StartGenerated(t, 10)
	if !bytes.Contains(specData, []byte("/api/r001/{r001Id}")) {
		t.Fatal("spec lacks the second resource")
	}
	req, _ := http.NewRequest("GET", p.URL+"/api/r001", nil)
	req.Header.Set("Authorization", "Bearer "+p.Tokens["alice"])
	resp, err := p.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /api/r001 as alice: %d", resp.StatusCode)
	}
}
