package envcheck

import (
	"bufio"
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/finding"
)

// configRequired is a key the config's env.required lists, and where.
type configRequired struct {
	key  string
	file string // tree path of the config, or ""
	url  string // file:// URL of a config outside the tree
	name string // how messages call the config
	line int
}

// requiredKeys reads env.required from the config, with the line of each
// key in the config file when it can be found.
func requiredKeys(in inputs) []configRequired {
	if len(in.cfg.Env.Required) == 0 {
		return nil
	}
	file, u, name := "", "", ".launchgate.yml"
	var data []byte
	if in.cfg.File != "" {
		name = in.cfg.File
		if rel, ok := inside(in.root, in.cfg.File); ok {
			file, name = rel, rel
		} else {
			u = (&url.URL{Scheme: "file", Path: filepath.ToSlash(in.cfg.File)}).String()
		}
		data, _ = os.ReadFile(in.cfg.File)
	}
	var out []configRequired
	for _, k := range in.cfg.Env.Required {
		out = append(out, configRequired{key: k, file: file, url: u, name: name, line: keyLine(data, k)})
	}
	return out
}

// keyLine is the line of the config that lists key under env.required, or
// 0. A list item ("- KEY") or a flow sequence ("[A, KEY]") counts.
func keyLine(data []byte, key string) int {
	if len(data) == 0 {
		return 0
	}
	re := regexp.MustCompile(`(?:^\s*-\s*|[\[,]\s*)["']?` + regexp.QuoteMeta(key) + `["']?\s*(?:[,\]#]|$)`)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if re.MatchString(sc.Text()) {
			return n
		}
	}
	return 0
}

// missingReports reports the keys src must set and does not: those the
// example env file of its stack lists, as one report per example (at the
// line of the first missing key, naming them all), and those the config
// requires, one report per key at its line in the config. A key is
// reported once per source.
func missingReports(src *prodSource, ex *example, req []configRequired, emit func(check.Report)) {
	reported := map[string]bool{}
	if src.exampleKeys && ex != nil {
		var missing []string
		for _, k := range ex.order {
			if src.keys[k] || reported[k] {
				continue
			}
			reported[k] = true
			missing = append(missing, k)
		}
		if len(missing) > 0 {
			emit(exampleMissing(src, ex, missing))
		}
	}
	if !src.configKeys {
		return
	}
	for _, r := range req {
		if src.keys[r.key] || reported[r.key] {
			continue
		}
		reported[r.key] = true
		rep := check.Report{
			Rule:    ruleMissing,
			Line:    r.line,
			Message: fmt.Sprintf("%s is required by env.required in %s but %s does not set it", r.key, r.name, src.name),
			Key:     ruleMissing + "\x00" + src.name + "\x00" + r.key,
		}
		place(&rep, r.file, r.url)
		src.cap(&rep)
		emit(rep)
	}
}

// exampleMissing is the one report of the keys of ex that src does not
// set. A source that sets fewer than half of the example's keys is an
// override of an environment set elsewhere (a .env.production of public
// defaults, with the secrets in the platform): what it lacks comes from
// there, so the report is low and says so.
func exampleMissing(src *prodSource, ex *example, missing []string) check.Report {
	n := len(ex.order)
	var msg string
	if len(missing) == 1 {
		msg = fmt.Sprintf("%s is listed in %s but %s does not set it", missing[0], ex.file, src.name)
	} else {
		msg = fmt.Sprintf("%d keys listed in %s are not set by %s: %s", len(missing), ex.file, src.name, listKeys(missing))
	}
	r := check.Report{
		Rule:    ruleMissing,
		File:    ex.file,
		Line:    ex.lines[missing[0]],
		Message: msg,
		Key:     ruleMissing + "\x00" + src.name + "\x00" + ex.file,
	}
	if set := n - len(missing); set*2 < n {
		r.Message += fmt.Sprintf(" (low: %s sets only %d of the %d keys, so it reads as an override of an environment set elsewhere)", src.name, set, n)
		r.Capped, r.MaxSeverity = true, finding.Low
		return r
	}
	src.cap(&r)
	return r
}
