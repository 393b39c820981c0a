package portaltest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// (13) An ID no tenant has: the vulnerable twin answers the panic's
// stack, the hardened twin the JSON 404 it gives another tenant's object.
func TestUnknownProjectCrashes(t *testing.T) {
	v, h := NewAPI(Vulnerable), NewAPI(Hardened)
	status, body := send(t, v, "GET", "/api/projects/prj_none", identity("alice").header(v))
	if status != http.StatusInternalServerError || !strings.Contains(body, "goroutine 118 [running]:") {
		t.Errorf("vulnerable: %d %q, want 500 with a goroutine stack", status, body)
	}
	// Another tenant's project is refused as before, on both twins.
	for _, a := range []*API{v, h} {
		if status, _ := send(t, a, "GET", "/api/projects/prj_a1", identity("bob").header(a)); status != http.StatusNotFound {
			t.Errorf("%s: bob on prj_a1 answered %d, want 404", a.twin, status)
		}
	}
	if status, body := send(t, h, "GET", "/api/projects/prj_none", identity("alice").header(h)); status != http.StatusNotFound || strings.Contains(body, "goroutine") {
		t.Errorf("hardened: %d %q, want the JSON 404", status, body)
	}
}

// (14) Failed sign-ins: the vulnerable twin answers 401 to every one, the
// hardened twin 429 with a Retry-After from the sixth from one address.
func TestSignInThrottle(t *testing.T) {
	for _, tc := range []struct {
		twin      Twin
		throttled int // the attempt answered 429; 0 for none
	}{{Vulnerable, 0}, {Hardened, loginFailures + 1}} {
		a := NewAPI(tc.twin)
		got := 0
		for i := 1; i <= 20 && got == 0; i++ {
			req := httptest.NewRequest("POST", "/api/login", strings.NewReader(`{"email":"x@invalid.test","password":"wrong"}`))
			rec := httptest.NewRecorder()
			a.ServeHTTP(rec, req)
			switch rec.Code {
			case http.StatusTooManyRequests:
				got = i
				if rec.Header().Get("Retry-After") == "" {
					t.Errorf("%s: 429 without Retry-After", tc.twin)
				}
			case http.StatusUnauthorized:
			default:
				t.Fatalf("%s: attempt %d answered %d", tc.twin, i, rec.Code)
			}
		}
		if got != tc.throttled {
			t.Errorf("%s: throttled at attempt %d, want %d", tc.twin, got, tc.throttled)
		}
	}
}

// (15) The vulnerable health route tells its version and database host;
// the hardened one only its status.
func TestHealthBody(t *testing.T) {
	v, h := NewAPI(Vulnerable), NewAPI(Hardened)
	if _, body := send(t, v, "GET", "/health", ""); !strings.Contains(body, `"version"`) || !strings.Contains(body, "db.internal") {
		t.Errorf("vulnerable: %s", body)
	}
	if _, body := send(t, h, "GET", "/health", ""); strings.TrimSpace(body) != `{"status":"ok"}` {
		t.Errorf("hardened: %s, want only the status", body)
	}
}

// (16) The vulnerable twin takes at least slowListDelay to list globex's
// invoices. Only the lower bound is asserted: a busy machine is slower,
// never faster.
func TestSlowList(t *testing.T) {
	v := NewAPI(Vulnerable)
	start := time.Now()
	if status, _ := send(t, v, "GET", "/api/invoices", identity("bob").header(v)); status != http.StatusOK {
		t.Fatalf("bob's list: %d", status)
	}
	if d := time.Since(start); d < slowListDelay {
		t.Errorf("bob's list took %s, want at least %s", d, slowListDelay)
	}
}
