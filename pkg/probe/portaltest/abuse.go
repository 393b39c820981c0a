package portaltest

import (
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// The error-handling, sign-in, speed and health plants of the vulnerable
// twin, (13) to (16) in expected.txt, and what the hardened twin does
// instead.

// crashTrace is what the vulnerable twin's recovery handler writes when
// a lookup of an object that does not exist dereferences nil: the panic
// and its goroutine's stack, as a Go server with debug output left on
// answers.
const crashTrace = "panic: runtime error: invalid memory address or nil pointer dereference\n" +
	"[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6b1f2a]\n\n" +
	"goroutine 118 [running]:\n" +
	"portal/internal/projects.(*Store).Get(0x0, {0xc0001a2f40, 0x12})\n" +
	"\t/srv/portal/internal/projects/store.go:57 +0x2a\n" +
	"portal/internal/api.(*Server).getProject(0xc000132000, {0x8f1c20, 0xc0002a4000}, 0xc0002b6000)\n" +
	"\t/srv/portal/internal/api/projects.go:31 +0x9c\n"

// crashOnUnknown is serve, except that (13) an ID no tenant has answers
// 500 with crashTrace. Another tenant's object still goes to serve.
func (a *API) crashOnUnknown(kind, param string, serve func(http.ResponseWriter, *http.Request, *principal)) func(http.ResponseWriter, *http.Request, *principal) {
	return func(w http.ResponseWriter, r *http.Request, p *principal) {
		if _, ok := a.data.find(kind, r.PathValue(param)); ok {
			serve(w, r, p)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(crashTrace))
	}
}

// Sign-in throttling of the hardened twin: after loginFailures failed
// sign-ins from one address within loginWindow, it answers 429.
const (
	loginFailures = 5
	loginWindow   = time.Minute
)

// throttle counts failed sign-ins by client address.
type throttle struct {
	mu       sync.Mutex
	failures map[string][]time.Time
}

// fail records a failed sign-in from addr at now and reports whether
// addr is over the limit, and for how long.
func (t *throttle) fail(addr string, now time.Time) (time.Duration, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.failures == nil {
		t.failures = map[string][]time.Time{}
	}
	kept := t.failures[addr][:0]
	for _, at := range t.failures[addr] {
		if now.Sub(at) < loginWindow {
			kept = append(kept, at)
		}
	}
	kept = append(kept, now)
	t.failures[addr] = kept
	if len(kept) <= loginFailures {
		return 0, false
	}
	return loginWindow - now.Sub(kept[0]), true
}

// login is the sign-in route. The portal signs no one in by password
// (its tests use issued tokens), so every attempt fails: (14) the
// vulnerable twin answers 401 to every one, the hardened twin 429 with a
// Retry-After once one address failed more than loginFailures times.
func (a *API) login(w http.ResponseWriter, r *http.Request, _ *principal) {
	if _, err := readBody(w, r); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": "invalid JSON body"})
		return
	}
	if a.twin != Vulnerable {
		addr, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			addr = r.RemoteAddr
		}
		if wait, over := a.signIns.fail(addr, a.now()); over {
			w.Header().Set("Retry-After", strconv.Itoa(max(1, int(wait.Seconds()))))
			writeJSON(w, http.StatusTooManyRequests, map[string]any{"error": "too many sign-in attempts"})
			return
		}
	}
	writeJSON(w, http.StatusUnauthorized, map[string]any{"error": "invalid email or password"})
}

// slowListDelay is how long (16) the vulnerable twin takes to list one
// tenant's invoices: over the 100 ms budget of the portal's
// .launchgate.yml.
const slowListDelay = 120 * time.Millisecond

// slowFor is serve, delayed by slowListDelay for callers of tenant.
func slowFor(tenant string, serve func(http.ResponseWriter, *http.Request, *principal)) func(http.ResponseWriter, *http.Request, *principal) {
	return func(w http.ResponseWriter, r *http.Request, p *principal) {
		if p != nil && p.Tenant == tenant {
			select {
			case <-time.After(slowListDelay):
			case <-r.Context().Done():
				return
			}
		}
		serve(w, r, p)
	}
}

// health answers the load balancer; (15) the vulnerable twin tells
// anonymous callers its version and where its database runs.
func (a *API) health(w http.ResponseWriter, _ *http.Request, _ *principal) {
	body := map[string]any{"status": "ok"}
	if a.twin == Vulnerable {
		body["version"] = "2.14.3"
		body["database"] = map[string]any{"status": "ok", "host": "db.internal:5432"}
	}
	writeJSON(w, http.StatusOK, body)
}
