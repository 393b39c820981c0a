package portaltest

import (
	"net/http"
	"slices"
	"strings"
	"sync"
)

// Logged is one request the portal answered. It never holds a credential:
// Identity says whose they were.
type Logged struct {
	Method string
	Path   string
	// Identity is the name of the identity whose valid token was sent,
	// "none" when the request carried no Authorization header, and
	// "other" for any other credentials (forged, tampered, expired,
	// Basic).
	Identity string
	Status   int
}

// maxLogged bounds the log; a run that sends more keeps the first ones.
const maxLogged = 1 << 16

// requestLog is the portal's request log.
type requestLog struct {
	mu   sync.Mutex
	list []Logged
}

func (l *requestLog) add(e Logged) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.list) < maxLogged {
		l.list = append(l.list, e)
	}
}

func (l *requestLog) entries() []Logged {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.list)
}

// caller names whose credentials r carries, for the log.
func (a *API) caller(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "none"
	}
	scheme, cred, _ := strings.Cut(h, " ")
	if name, ok := a.byToken[strings.TrimSpace(cred)]; ok && strings.EqualFold(scheme, "Bearer") {
		return name
	}
	return "other"
}

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}
