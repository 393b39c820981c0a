package probeexposure

import (
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// evidence is what the pass looked at, for the scorecard's secrets and
// config rows: what was asked, what answered, what was served. It names
// paths, never what a body held.
type evidence struct {
	// filesAsked and filesAnswered count the well-known paths; served
	// are those that served what their name promises.
	filesAsked, filesAnswered int
	filesServed               []string
	// home is the page scripts are followed from; homeStatus its status
	// (0 when it did not answer).
	home       string
	homeStatus int
	// scripts counts the same-origin scripts served; maps the source
	// maps they named; mapsWithSources those carrying sourcesContent;
	// secretsIn the page and scripts that carried a secret.
	scripts, maps, mapsWithSources, secretsIn int
	// stackRoutes counts the spec routes asked with an unknown ID that
	// answered, bodies the malformed bodies sent that answered.
	stackRoutes, bodies int
	// adminAsked are the admin paths that answered; adminShown those
	// that showed a page to anonymous callers.
	adminAsked, adminShown []string
	// listings are /robots.txt and /sitemap.xml when they list admin or
	// internal paths.
	listings []string
}

// record tells the tally what the pass verified.
func (r *run) record(t *check.Tally) {
	e := &r.ev
	origin := r.lt.Client.Origin()
	fetched := fmt.Sprintf("%d well-known paths fetched from %s (/.env, /.git/config, …)", e.filesAnswered, origin)
	if e.filesAnswered < e.filesAsked {
		fetched = fmt.Sprintf("%d of %d well-known paths answered on %s (/.env, /.git/config, …)", e.filesAnswered, e.filesAsked, origin)
	}
	t.Record("secrets", "%s: %s", fetched, servedCount(e.filesServed))
	switch {
	case e.homeStatus == 0:
		t.Unverified("secrets", "source maps not looked for: %s did not answer", e.home)
	case e.homeStatus >= 300:
		t.Unverified("secrets", "source maps not looked for: %s answered %d", e.home, e.homeStatus)
	case e.scripts == 0:
		t.Record("secrets", "source maps looked for: %s links no same-origin script", e.home)
	default:
		t.Record("secrets", "source maps looked for in %s served by %s: %d referenced, %d with the original sources",
			plural(e.scripts, "script"), e.home, e.maps, e.mapsWithSources)
	}
	if e.homeStatus > 0 && e.homeStatus < 300 {
		t.Record("secrets", "secrets looked for in %s and %s: %s", e.home, plural(e.scripts, "script"), foundIn(e.secretsIn))
	}

	if e.stackRoutes == 0 && e.bodies == 0 {
		t.Record("config", "stack-trace probes: no GET spec route with one path parameter answered an unknown ID")
	} else {
		what := fmt.Sprintf("stack-trace probes on %s (an unknown ID)", plural(e.stackRoutes, "spec route"))
		if e.bodies > 0 {
			what += " and 1 malformed body"
			if e.bodies > 1 {
				what = fmt.Sprintf("%s and %d malformed bodies", what[:len(what)-len(" and 1 malformed body")], e.bodies)
			}
		}
		t.Record("config", "%s: %s", what, stackCount(len(r.stacks)))
	}
	if len(e.adminAsked) > 0 {
		shown := "none shows a page"
		if len(e.adminShown) > 0 {
			shown = fmt.Sprintf("shown on %d (%s)", len(e.adminShown), strings.Join(e.adminShown, ", "))
		}
		t.Record("config", "admin pages asked anonymously (%s): %s", strings.Join(e.adminAsked, ", "), shown)
	}
	if len(e.listings) == 0 {
		t.Record("config", "admin or internal paths listed in /robots.txt or /sitemap.xml: none")
	} else {
		t.Record("config", "admin or internal paths listed in %s", strings.Join(e.listings, " and "))
	}
}

func servedCount(served []string) string {
	if len(served) == 0 {
		return "none served"
	}
	return fmt.Sprintf("%d served (%s)", len(served), strings.Join(served, ", "))
}

func foundIn(n int) string {
	if n == 0 {
		return "none found"
	}
	return fmt.Sprintf("found in %d", n)
}

func stackCount(n int) string {
	switch n {
	case 0:
		return "no stack trace"
	case 1:
		return "1 stack trace"
	}
	return fmt.Sprintf("%d kinds of stack trace", n)
}
