package monitors

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/launchgate/launchgate/pkg/check"
)

// found is what the checkout's monitor files hold.
type found struct {
	monitors []*monitor
	// files lists, per file that defines monitors, their provider.
	files []foundFile
	// broken are monitor files that could not be read, with why.
	broken []string
}

type foundFile struct {
	name, provider string
	count          int
}

// parsed is what one file yielded.
type parsed struct {
	kind    kind
	gatus   gatusConfig
	checkly checklyFile
	tf      []*monitor
	err     error
}

// readMonitors reads every candidate file of the tree.
func readMonitors(ctx context.Context, in inputs, emit func(check.Report)) (found, error) {
	var names []string
	for _, f := range in.files.Files() {
		if kindByName(f) != kindNone {
			names = append(names, f)
		}
	}
	index := make(map[string]int, len(names))
	for i, n := range names {
		index[n] = i
	}
	results := make([]parsed, len(names))
	err := check.EachFile(ctx, in.files, names, "monitors check", in.log, func(name string, data []byte) []check.Report {
		results[index[name]] = parseFile(name, data)
		return nil
	}, emit)
	if err != nil {
		return found{}, err
	}
	var f found
	providers := map[string]gatusAlert{}
	checkly := map[string]checklyFile{}
	var checklyOrder []string
	for i, r := range results {
		switch {
		case r.err != nil:
			f.broken = append(f.broken, fmt.Sprintf("%s could not be read (%v)", names[i], r.err))
		case r.kind == kindGatus:
			for k, v := range r.gatus.providers {
				providers[k] = v
			}
		case r.kind == kindCheckly:
			checkly[names[i]] = r.checkly
			checklyOrder = append(checklyOrder, names[i])
		}
	}
	var all []*monitor
	for i, r := range results {
		switch {
		case r.err != nil:
		case r.kind == kindGatus:
			all = append(all, gatusMonitors(names[i], r.gatus, providers)...)
		case r.kind == kindTerraform:
			all = append(all, r.tf...)
		}
	}
	all = append(all, checklyMonitors(checkly, checklyOrder)...)
	slices.SortStableFunc(all, func(a, b *monitor) int {
		if a.file != b.file {
			return index[a.file] - index[b.file]
		}
		return a.line - b.line
	})
	f.monitors = all
	for _, m := range all {
		if n := len(f.files); n > 0 && f.files[n-1].name == m.file {
			f.files[n-1].count++
			continue
		}
		f.files = append(f.files, foundFile{name: m.file, provider: m.provider, count: 1})
	}
	return f, nil
}

// parseFile reads one candidate; a file that turns out to hold no
// monitors is kindNone.
func parseFile(name string, data []byte) parsed {
	switch kindByName(name) {
	case kindGatus:
		if !maybeGatus(name, data) {
			return parsed{}
		}
		cfg, ok, err := parseGatus(data)
		if !ok {
			return parsed{}
		}
		return parsed{kind: kindGatus, gatus: cfg, err: err}
	case kindCheckly:
		if !bytes.Contains(data, []byte("checkly")) && !bytes.Contains(data, []byte("Check(")) {
			return parsed{}
		}
		return parsed{kind: kindCheckly, checkly: parseCheckly(name, string(data))}
	case kindTerraform:
		if !maybeTerraform(name, data) {
			return parsed{}
		}
		ms, err := terraformMonitors(name, data)
		return parsed{kind: kindTerraform, tf: ms, err: err}
	}
	return parsed{}
}
