package debug

import (
	"bytes"
	"context"
	"path"
	"regexp"
	"slices"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/prodfile"
)

// rulePprof is the rule whose findings depend on the rest of the tree: a
// blank import of net/http/pprof registers its handlers on
// http.DefaultServeMux, which is only reachable where a server serves it.
const rulePprof = "debug/pprof-imported"

// Ways a Go program serves http.DefaultServeMux. The registration is
// process-wide, so any file of the tree may be the one that serves it.
var (
	// serveNil is a package-level serve function given a nil handler;
	// group 1 is the address argument when the call has one.
	serveNil = regexp.MustCompile(`\bhttp\.(?:ListenAndServe(?:TLS)?\(\s*([^,]*)|Serve(?:TLS)?\([^,]*),.*\bnil\s*\)`)
	// defaultMux is the mux named outright, mounted or served.
	defaultMux = regexp.MustCompile(`\bhttp\.DefaultServeMux\b`)
	// serverLiteral is an http.Server literal; one without a Handler
	// serves the default mux.
	serverLiteral = regexp.MustCompile(`\bhttp\.Server\{([^{}]*)\}`)
	handlerField  = regexp.MustCompile(`\bHandler\s*:`)
	// loopback is an address argument only the host itself can reach.
	loopback = regexp.MustCompile(`^"(?:localhost|127\.0\.0\.1|\[::1\])[:"]`)
	// debugGuard is an if on the line before that turns the serving on
	// only when asked for: a debug flag or an environment variable.
	debugGuard = regexp.MustCompile(`^\s*(?:\}\s*else\s+)?if\b.*(?i:debug|getenv|lookupenv|pprof|profil)`)
)

// withReachablePprof drops the debug/pprof-imported reports of Go
// programs that never serve http.DefaultServeMux where others can reach
// it: no Go file of the importing file's module (its nearest folder with
// a go.mod, the whole of fs when there is none; tests aside) serves the
// default mux, serves it only on a loopback address, or mounts it only
// behind a debug switch, so the profiles the import registers are out of
// reach. Other reports pass unchanged.
func withReachablePprof(ctx context.Context, fs files, reports []check.Report) ([]check.Report, error) {
	isPprof := func(r check.Report) bool { return r.Rule == rulePprof }
	if !slices.ContainsFunc(reports, isPprof) {
		return reports, nil
	}
	names := fs.Files()
	modules := map[string]bool{}
	for _, name := range names {
		if path.Base(name) == "go.mod" {
			modules[path.Dir(name)] = true
		}
	}
	served := map[string]bool{} // module folder → serves the default mux
	for _, r := range reports {
		if !isPprof(r) {
			continue
		}
		mod := moduleOf(r.File, modules)
		if _, ok := served[mod]; ok {
			continue
		}
		s, err := servesDefaultMux(ctx, fs, names, mod, modules)
		if err != nil {
			return nil, err
		}
		served[mod] = s
	}
	return slices.DeleteFunc(reports, func(r check.Report) bool {
		return isPprof(r) && !served[moduleOf(r.File, modules)]
	}), nil
}

// moduleOf is the folder of the Go module name belongs to: the nearest
// folder above it of modules, or "" (the root) when none is.
func moduleOf(name string, modules map[string]bool) string {
	for dir := path.Dir(name); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if modules[dir] {
			return dir
		}
	}
	return ""
}

// servesDefaultMux reports whether a Go file of names in the module at
// mod that is not a test serves http.DefaultServeMux outside a debug
// switch on an address that is not loopback. A file that cannot be read
// counts as serving it, so the finding stays.
func servesDefaultMux(ctx context.Context, fs files, names []string, mod string, modules map[string]bool) (bool, error) {
	for _, name := range names {
		if path.Ext(name) != ".go" || prodfile.IsTest(name) || moduleOf(name, modules) != mod {
			continue
		}
		if err := ctx.Err(); err != nil {
			return false, err
		}
		data, err := fs.Read(name)
		if err != nil {
			return true, nil
		}
		if fileServesDefaultMux(data) {
			return true, nil
		}
	}
	return false, nil
}

// fileServesDefaultMux reports whether data, Go source, serves
// http.DefaultServeMux reachably.
func fileServesDefaultMux(data []byte) bool {
	if !bytes.Contains(data, []byte("http.")) {
		return false
	}
	for _, m := range serverLiteral.FindAllSubmatch(data, -1) {
		if !handlerField.Match(m[1]) {
			return true
		}
	}
	var prev []byte
	for line := range bytes.Lines(data) {
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) == 0 {
			continue
		}
		if !bytes.HasPrefix(trimmed, []byte("//")) && !debugGuard.Match(prev) && servesLine(trimmed) {
			return true
		}
		prev = line
	}
	return false
}

// servesLine reports whether one line of Go source serves or mounts the
// default mux on an address that is not loopback.
func servesLine(line []byte) bool {
	if defaultMux.Match(line) {
		return true
	}
	m := serveNil.FindSubmatch(line)
	return m != nil && !loopback.Match(bytes.TrimSpace(m[1]))
}
