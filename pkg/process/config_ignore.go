package process

import (
	"fmt"
	"time"

	"github.com/launchgate/launchgate/pkg/config"
	"github.com/launchgate/launchgate/pkg/finding"
)

// Ignores suppresses the findings the config file's ignores cover. Build
// it with ConfigIgnore.
type Ignores struct {
	active []config.Ignore
	notes  []string
}

// ConfigIgnore suppresses findings an ignore of the config file covers:
// its rule (a rule ID or "category/*") matches, and so do its path glob
// and its fingerprint, whichever it gives (both, when it gives both). An
// ignore that expired before now does not apply and becomes a note.
func ConfigIgnore(ignores []config.Ignore, now time.Time) *Ignores {
	p := &Ignores{}
	for _, ig := range ignores {
		if !ig.Expires.IsZero() && now.After(ig.Expires) {
			p.notes = append(p.notes, fmt.Sprintf("%s: ignore of %s expired on %s; it no longer applies",
				where(ig), ig.Rule, ig.Expires.UTC().Format(time.DateOnly)))
			continue
		}
		p.active = append(p.active, ig)
	}
	return p
}

func where(ig config.Ignore) string {
	file := ig.File
	if file == "" {
		file = config.FileName
	}
	if ig.Line > 0 {
		return fmt.Sprintf("%s:%d", file, ig.Line)
	}
	return file
}

// Name implements Processor.
func (*Ignores) Name() string { return "config-ignore" }

// Notes says which ignores expired.
func (p *Ignores) Notes() []string { return p.notes }

// Process implements Processor.
func (p *Ignores) Process(fs []finding.Finding) ([]finding.Finding, error) {
	for i := range fs {
		f := &fs[i]
		if f.Suppressed {
			continue
		}
		for _, ig := range p.active {
			if covers(ig, f) {
				f.Suppressed = true
				f.Suppression = "config: " + ig.Reason
				break
			}
		}
	}
	return fs, nil
}

// covers reports whether ig applies to f. An ignore with neither a path
// nor a fingerprint covers nothing: config refuses those, and an ignore
// that silenced a whole rule everywhere by accident would be worse.
func covers(ig config.Ignore, f *finding.Finding) bool {
	if !matchRule(ig.Rule, f.RuleID) || (ig.Path == "" && ig.Fingerprint == "") {
		return false
	}
	if ig.Path != "" && (f.File == "" || !config.MatchPath(ig.Path, f.File)) {
		return false
	}
	if ig.Fingerprint != "" && ig.Fingerprint != f.Fingerprint {
		return false
	}
	return true
}
