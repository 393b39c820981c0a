package probeexposure

import (
	"regexp"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
)

// loopback is the origin of a test site.
var loopback = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+`)

// TestEvidence checks the lines the pass records for the scorecard on
// loopback sites that expose what it looks for and on ones that do not:
// the same facts, counted, whichever way the row goes.
func TestEvidence(t *testing.T) {
	cases := []struct {
		site            string
		secrets, config []string
	}{
		{"exposed", []string{
			"25 well-known paths fetched from ORIGIN (/.env, /.git/config, …): 2 served (/.env, /.git/config)",
			"source maps looked for in 1 script served by /: 1 referenced, 1 with the original sources",
			"secrets looked for in / and 1 script: none found",
		}, nil},
		{"quiet", []string{
			"25 well-known paths fetched from ORIGIN (/.env, /.git/config, …): none served",
			"source maps looked for in 1 script served by /: 1 referenced, 0 with the original sources",
			"secrets looked for in / and 1 script: none found",
		}, nil},
		{"secret-in-js", []string{
			"25 well-known paths fetched from ORIGIN (/.env, /.git/config, …): none served",
			"source maps looked for in 1 script served by /: 0 referenced, 0 with the original sources",
			"secrets looked for in / and 1 script: found in 1",
		}, nil},
		{"panic", nil, []string{
			"stack-trace probes on 1 spec route (an unknown ID): 1 stack trace",
			"admin pages asked anonymously (/admin, /wp-admin/, /api/admin/stats): none shows a page",
			"admin or internal paths listed in /robots.txt or /sitemap.xml: none",
		}},
		{"quiet-error", nil, []string{
			"stack-trace probes on 1 spec route (an unknown ID): no stack trace",
			"admin pages asked anonymously (/admin, /wp-admin/, /api/admin/stats): none shows a page",
			"admin or internal paths listed in /robots.txt or /sitemap.xml: none",
		}},
		{"admin", nil, []string{
			"stack-trace probes on 1 spec route (an unknown ID): no stack trace",
			"admin pages asked anonymously (/admin, /wp-admin/, /api/admin/stats): shown on 1 (/admin)",
			"admin or internal paths listed in /robots.txt and /sitemap.xml",
		}},
		{"quiet-admin", nil, []string{
			"stack-trace probes on 1 spec route (an unknown ID): no stack trace",
			"admin pages asked anonymously (/admin, /wp-admin/, /api/admin/stats): none shows a page",
			"admin or internal paths listed in /robots.txt or /sitemap.xml: none",
		}},
	}
	for _, c := range cases {
		t.Run(c.site, func(t *testing.T) {
			tally := &check.Tally{}
			probeSiteTally(t, c.site, itemsSpec, false, tally)
			got := tally.Lines()
			for area, want := range map[string][]string{"secrets": c.secrets, "config": c.config} {
				if want == nil {
					continue
				}
				var lines []string
				for _, l := range got[area] {
					lines = append(lines, loopback.ReplaceAllString(l, "ORIGIN"))
				}
				if strings.Join(lines, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s lines:\n%s\nwant:\n%s", area, strings.Join(lines, "\n"), strings.Join(want, "\n"))
				}
			}
			for _, ls := range got {
				for _, l := range ls {
					if strings.Contains(l, "alice-token") || strings.Contains(l, plantedToken()[4:20]) {
						t.Errorf("a line carries a credential or a planted secret")
					}
				}
			}
		})
	}
}
