package monitors

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Provider defaults where a Terraform resource leaves a setting out.
const (
	uptimeRobotInterval    = 300 * time.Second
	betterStackFrequency   = 180 * time.Second
	datadogTickInterval    = 300 * time.Second
	datadogRetryIntervalMS = 300
)

// maybeTerraform reports a Terraform file that defines a monitor resource.
func maybeTerraform(name string, data []byte) bool {
	if !strings.HasSuffix(name, ".tf") {
		return false
	}
	s := string(data)
	for _, r := range []string{"uptimerobot_monitor", "betteruptime_monitor", "betterstack_uptime_monitor", "datadog_synthetics_test"} {
		if strings.Contains(s, `"`+r+`"`) {
			return true
		}
	}
	return false
}

// terraformMonitors reads the monitor resources of a Terraform file.
func terraformMonitors(file string, data []byte) ([]*monitor, error) {
	blocks, err := parseHCL(string(data))
	if err != nil {
		return nil, err
	}
	var out []*monitor
	for _, b := range blocks {
		if b.typ != "resource" || len(b.labels) != 2 {
			continue
		}
		var m *monitor
		switch b.labels[0] {
		case "uptimerobot_monitor":
			m = uptimeRobot(b)
		case "betteruptime_monitor", "betterstack_uptime_monitor":
			m = betterStack(b)
		case "datadog_synthetics_test":
			m = datadog(b)
		}
		if m == nil {
			continue
		}
		m.file, m.line = file, b.line
		m.name = b.labels[0] + "." + b.labels[1]
		m.path, m.hasPath = urlPath(m.url)
		out = append(out, m)
	}
	return out, nil
}

// seconds reads a literal number of seconds; def when absent or not a
// literal (a variable whose value the file does not hold).
func seconds(b *block, key string, def time.Duration) time.Duration {
	if n, ok := number(b, key); ok && n > 0 {
		return time.Duration(n * float64(time.Second))
	}
	return def
}

// number reads a literal number attribute.
func number(b *block, key string) (float64, bool) {
	a, ok := b.attrs[key]
	if !ok || !a.literal {
		return 0, false
	}
	n, err := strconv.ParseFloat(a.value, 64)
	return n, err == nil
}

// flag reads a literal bool attribute; set is false when it is absent.
func flag(b *block, key string) (v, set bool) {
	a, ok := b.attrs[key]
	if !ok || !a.literal || (a.value != "true" && a.value != "false") {
		return false, false
	}
	return a.value == "true", true
}

func uptimeRobot(b *block) *monitor {
	m := &monitor{provider: "UptimeRobot", url: b.attrs["url"].value}
	every := seconds(b, "interval", uptimeRobotInterval)
	if n := len(b.child("alert_contact")); n > 0 {
		m.channels = []string{"alert contacts"}
		m.alertAfter, m.arithmetic = every, "checked every "+dur(every)+", alerting on the first failure"
	}
	return m
}

func betterStack(b *block) *monitor {
	m := &monitor{provider: "Better Stack", url: b.attrs["url"].value}
	if v, set := flag(b, "paused"); set && v {
		return nil
	}
	for _, k := range []string{"email", "sms", "call", "push", "critical_alert"} {
		if v, _ := flag(b, k); v {
			m.channels = append(m.channels, strings.ReplaceAll(k, "_", " "))
		}
	}
	if _, ok := b.attrs["policy_id"]; ok {
		m.channels = append(m.channels, "escalation policy")
	}
	if len(m.channels) == 0 {
		// Unset, Better Stack emails the on-call person; only channels
		// all turned off alert no one.
		anySet := false
		for _, k := range []string{"email", "sms", "call", "push"} {
			if _, set := flag(b, k); set {
				anySet = true
			}
		}
		if !anySet {
			m.channels = []string{"email (Better Stack's default)"}
		}
	}
	if len(m.channels) > 0 {
		every := seconds(b, "check_frequency", betterStackFrequency)
		confirm := seconds(b, "confirmation_period", 0)
		m.alertAfter = every + confirm
		m.arithmetic = fmt.Sprintf("every %s + %s confirmation = %s", dur(every), dur(confirm), dur(m.alertAfter))
	}
	return m
}

// datadogHandle finds the notification handles of a monitor message.
var datadogHandle = regexp.MustCompile(`@(slack|pagerduty|opsgenie|webhook|teams|victorops|oncall|servicenow|jira)-[\w.-]+|@[\w.+-]+@[\w-]+\.[\w.-]+`)

func datadog(b *block) *monitor {
	m := &monitor{provider: "Datadog"}
	if st := b.attrs["status"]; st.literal && st.value == "paused" {
		return nil
	}
	for _, r := range b.child("request_definition") {
		if u := r.attrs["url"].value; u != "" {
			m.url = u
		}
	}
	if m.url == "" {
		// A browser test starts at its locations' URL.
		if r := b.attrs["request_definition"]; r.value != "" {
			m.url = r.value
		}
	}
	for _, h := range datadogHandle.FindAllString(b.attrs["message"].value, -1) {
		kind, _, _ := strings.Cut(strings.TrimPrefix(h, "@"), "-")
		if strings.Contains(h[1:], "@") {
			kind = "email"
		}
		m.channels = append(m.channels, kind)
	}
	m.channels = unique(m.channels)
	if !m.alerts() {
		return m
	}
	tick, minFail, retries, retryGap := datadogTickInterval, time.Duration(0), 0, time.Duration(datadogRetryIntervalMS)*time.Millisecond
	for _, o := range b.child("options_list") {
		tick = seconds(o, "tick_interval", tick)
		minFail = seconds(o, "min_failure_duration", minFail)
		for _, r := range o.child("retry") {
			if n, ok := number(r, "count"); ok && n > 0 {
				retries = int(n)
			}
			if n, ok := number(r, "interval"); ok && n > 0 {
				retryGap = time.Duration(n * float64(time.Millisecond))
			}
		}
	}
	base := max(tick, minFail)
	m.alertAfter = base + time.Duration(retries)*retryGap
	m.arithmetic = fmt.Sprintf("max(every %s, %s failing) + %d retries × %s = %s", dur(tick), dur(minFail), retries, dur(retryGap), dur(m.alertAfter))
	return m
}
