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
// example env file of its folder lists, and those the config requires.
// A key is reported once per source, where it is required: at its line in
// the example, else in the config.
func missingReports(src *prodSource, ex *example, req []configRequired, emit func(check.Report)) {
	reported := map[string]bool{}
	if src.exampleKeys && ex != nil {
		for _, k := range ex.order {
			if src.keys[k] || reported[k] {
				continue
			}
			reported[k] = true
			emit(check.Report{
				Rule:    ruleMissing,
				File:    ex.file,
				Line:    ex.lines[k],
				Message: fmt.Sprintf("%s is listed in %s but %s does not set it", k, ex.file, src.name),
				Key:     ruleMissing + "\x00" + src.name + "\x00" + k,
			})
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
		emit(rep)
	}
}
