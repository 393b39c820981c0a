package cors

import (
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// shownOrigins is how many allowed origins the evidence names.
const shownOrigins = 3

// recordEvidence says how many files the CORS and cookie rules read, the
// origins the config allows, and in how many places a session cookie is
// set without Secure or HttpOnly: what the cors and transport rows rest
// on, whether they pass or fail.
func recordEvidence(t *check.Target, read map[string]int, reports []check.Report) {
	allowed := "no cors.allowed_origins in .launchgate.yml"
	if t.Config != nil && len(t.Config.CORS.AllowedOrigins) > 0 {
		origins := t.Config.CORS.AllowedOrigins
		allowed = strings.Join(origins[:min(len(origins), shownOrigins)], ", ")
		if rest := len(origins) - shownOrigins; rest > 0 {
			allowed += " and " + strconv.Itoa(rest) + " more"
		}
		allowed = "allowed origins: " + allowed + " (.launchgate.yml cors.allowed_origins)"
	}
	t.Tally.Record("cors", "CORS configuration looked for in %s; %s", fileCount(read["cors"]), allowed)

	places := map[string]bool{}
	for _, r := range reports {
		if strings.HasPrefix(r.Rule, "transport/") {
			places[r.File+":"+strconv.Itoa(r.Line)] = true
		}
	}
	t.Tally.Record("transport", "session cookie settings looked for in %s: %d %s a cookie without Secure or HttpOnly",
		fileCount(read["transport"]), len(places), pick(len(places), "place sets", "places set"))
}

// fileCount counts files: "1 file", "12 files".
func fileCount(n int) string {
	if n == 1 {
		return "1 file"
	}
	return strconv.Itoa(n) + " files"
}

// pick is one when n is 1 and many otherwise.
func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
