// Package cors is the CORS and session-cookie check: it reads the code and
// config of the checkout with the line rules of rules/cors.yaml and
// rules/cookie.yaml, run by the line engine of pkg/checks/debug, and
// compares the origins the code's CORS setup names with the config's
// cors.allowed_origins (cors/origin-not-allowed).
package cors

import (
	"context"
	"log/slog"
	"slices"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/checks/debug"
)

// Rule IDs the package treats specially.
const (
	ruleWildcardCreds = "cors/wildcard-with-credentials"
	ruleReflected     = "cors/reflected-origin-with-credentials"
	ruleAllowAll      = "cors/allow-all-origins"
	ruleNotAllowed    = "cors/origin-not-allowed"
)

// subsumeLines is how far apart, in lines, an allow-all finding may be
// from a wildcard-with-credentials finding in the same file and still be
// the same setup: the credentials rule's window.
const subsumeLines = catalog.MaxWindow

// files is what the origin pass reads: a source.Tree, or a map in tests.
type files = check.Files

// New returns the CORS and session-cookie check over the rules of cat in
// the cors and transport categories that have a line Match, plus
// cors/origin-not-allowed when cat has it.
func New(cat *catalog.Catalog) (*check.Check, error) {
	credsTitle := ruleWildcardCreds
	if r := cat.Rule(ruleWildcardCreds); r != nil {
		credsTitle = r.Title
	}
	lines, err := debug.NewLines(cat, debug.Spec{
		Name:       "cors",
		Categories: []string{"cors", "transport"},
		Refine: func(_ string, data []byte, reports []check.Report) []check.Report {
			return explainAllowAll(withFileCredentials(credsTitle, data, unhideExcerpts(subsume(reports))))
		},
		Evidence: recordEvidence,
	})
	if err != nil {
		return nil, err
	}
	ids := slices.Clone(lines.Rules)
	var globs []string
	if r := cat.Rule(ruleNotAllowed); r != nil {
		ids = append(ids, r.ID)
		slices.Sort(ids)
		// The origin pass reads what the CORS line rules read.
		if all := cat.Rule(ruleAllowAll); all != nil && all.Match != nil {
			globs = all.Match.Files
		}
	}
	return &check.Check{
		Name: "cors",
		Doc: `CORS and session cookies in code and config

Reads the code and configuration of the checkout with the line rules of
rules/cors.yaml and rules/cookie.yaml: any origin allowed with credentials,
the request Origin echoed with credentials, every origin allowed, origins
missing from cors.allowed_origins, and session cookies without Secure or
HttpOnly or with SameSite=None and no Secure.`,
		Areas:   []string{"cors", "transport"},
		Rules:   ids,
		Applies: func(t *check.Target) bool { return t.Tree != nil },
		Run: func(ctx context.Context, t *check.Target, emit func(check.Report)) error {
			var reports []check.Report
			if err := lines.Run(ctx, t, func(r check.Report) { reports = append(reports, r) }); err != nil {
				return err
			}
			// A diff scan reports what the changed lines add, so each
			// line keeps its own finding there.
			if t.Diff == nil {
				reports = collapse(reports)
			}
			for _, r := range reports {
				emit(r)
			}
			if t.Config == nil || len(t.Config.CORS.AllowedOrigins) == 0 || globs == nil {
				return nil
			}
			allow := parseAllowList(t.Config.CORS.AllowedOrigins)
			log := t.Logger
			if log == nil {
				log = slog.New(slog.DiscardHandler)
			}
			return scanOrigins(ctx, t.Tree, globs, allow, t.InDiff, log, emit)
		},
	}, nil
}

// subsume drops the allow-all findings of one file's reports that sit
// next to a wildcard-with-credentials finding: they describe the same
// setup, and the stronger finding says all there is to say.
func subsume(reports []check.Report) []check.Report {
	var strong []int
	for _, r := range reports {
		if r.Rule == ruleWildcardCreds {
			strong = append(strong, r.Line)
		}
	}
	if len(strong) == 0 {
		return reports
	}
	return slices.DeleteFunc(reports, func(r check.Report) bool {
		if r.Rule != ruleAllowAll {
			return false
		}
		return slices.ContainsFunc(strong, func(l int) bool {
			return abs(l-r.Line) <= subsumeLines
		})
	})
}

// allowAllWhy is what an allow-all finding adds to its message: why it
// is not a hole by itself.
const allowAllWhy = "; no credentials are allowed with it, so browsers send no cookies and other sites can read only what the API answers anyone"

// explainAllowAll says in each allow-all message why it is low.
func explainAllowAll(reports []check.Report) []check.Report {
	for i := range reports {
		if reports[i].Rule == ruleAllowAll {
			reports[i].Message += allowAllWhy
		}
	}
	return reports
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// scanOrigins reports the origins written in the CORS setup of the files
// globs name that allow does not hold, concurrently, in file order; it
// reads only the files reportable accepts.
func scanOrigins(ctx context.Context, fs files, globs []string, allow allowList, reportable func(string) bool, log *slog.Logger, emit func(check.Report)) error {
	var names []string
	for _, name := range fs.Files() {
		if readsOrigins(name, globs) && reportable(name) {
			names = append(names, name)
		}
	}
	return check.EachFile(ctx, fs, names, "cors check", log, func(name string, data []byte) []check.Report {
		return originReports(name, data, allow)
	}, emit)
}
