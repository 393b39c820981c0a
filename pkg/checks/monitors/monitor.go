package monitors

import (
	"fmt"
	"strings"
	"time"
)

// maxAlertDelay is the longest an outage may last before a monitor
// alerts: the seed checklist's "within 1 to 5 minutes".
const maxAlertDelay = 5 * time.Minute

// monitor is one uptime check read from a monitors-as-code file.
type monitor struct {
	// provider names the format ("Gatus", "Checkly", "UptimeRobot").
	provider string
	file     string
	line     int
	// name is the monitor's own name (a Gatus endpoint name, a Checkly
	// logical ID, a Terraform resource address).
	name string
	// url is the URL as written; path is its path, and hasPath says the
	// URL is an http(s) one whose path could be read.
	url     string
	path    string
	hasPath bool
	// alertAfter is how long an outage lasts before the monitor alerts,
	// and arithmetic says how it was reckoned ("every 2m × 3 failures =
	// 6m"); zero when the monitor alerts no one.
	alertAfter time.Duration
	arithmetic string
	// channels name where alerts go ("slack", "pagerduty"); empty means
	// the monitor alerts no one.
	channels []string
}

// label is how messages name the monitor.
func (m *monitor) label() string {
	if m.name != "" {
		return fmt.Sprintf("%s monitor %q", m.provider, m.name)
	}
	return m.provider + " monitor of " + m.url
}

// alerts reports whether an outage the monitor sees reaches anyone.
func (m *monitor) alerts() bool { return len(m.channels) > 0 }

// dur writes d the short way the arithmetic uses: 90s, 3m, 1h30m.
func dur(d time.Duration) string {
	s := d.Round(time.Second).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// times writes "every 2m × 3 failures = 6m" for an interval and a count.
func times(every time.Duration, n int, what string) (time.Duration, string) {
	total := every * time.Duration(n)
	if n == 1 {
		return total, fmt.Sprintf("every %s × 1 %s = %s", dur(every), what, dur(total))
	}
	return total, fmt.Sprintf("every %s × %d %ss = %s", dur(every), n, what, dur(total))
}

// unique returns names without repeats, in first-seen order.
func unique(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
