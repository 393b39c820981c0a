package monitors

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// checklyFrequency is Checkly's default check frequency.
const checklyFrequency = 10 * time.Minute

// checklyDefaults are the settings a check inherits from its group or
// the project's checkly.config: unset fields are empty.
type checklyDefaults struct {
	frequency time.Duration
	// channels is nil when unset, empty when set to [].
	channels []string
	retries  int
	retrySet bool
}

// checklyFile is what one Checkly file defines.
type checklyFile struct {
	checks []checklyCheck
	// channels maps a variable to the kind of alert channel it holds.
	channels map[string]string
	// groups maps a variable to its CheckGroup's settings.
	groups map[string]checklyDefaults
	// project holds the checks: defaults of a checkly.config file.
	project *checklyDefaults
}

// checklyCheck is one check or monitor construct.
type checklyCheck struct {
	kind, id, url string
	line          int
	settings      checklyDefaults
	group         string
}

var (
	checklyConstruct = regexp.MustCompile(`\bnew\s+(ApiCheck|BrowserCheck|MultiStepCheck|UrlMonitor|HeartbeatMonitor|TcpMonitor|CheckGroup|CheckGroupV2)\s*\(`)
	checklyChannel   = regexp.MustCompile(`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*new\s+(Email|Slack|Webhook|Sms|Opsgenie|Pagerduty|Msteams|Phone|Telegram)AlertChannel\s*\(`)
	checklyFreq      = regexp.MustCompile(`^Frequency\.EVERY_(\d+)([SMH])$`)
	checklyRetries   = regexp.MustCompile(`maxRetries\s*:\s*(\d+)`)
	checklyGroupVar  = regexp.MustCompile(`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*$`)
	checklyInline    = regexp.MustCompile(`^new\s+(\w+)AlertChannel\b`)
)

// isChecklyConfig reports checkly.config.ts, .js or .mjs.
func isChecklyConfig(name string) bool {
	switch path.Base(name) {
	case "checkly.config.ts", "checkly.config.js", "checkly.config.mjs", "checkly.config.cjs":
		return true
	}
	return false
}

// maybeCheckly reports a file the Checkly CLI would read: its config, a
// *.check.ts|js|mjs file, or a script under __checks__ (checks, their
// *.spec.ts Playwright code, and the shared alert channels they import).
func maybeCheckly(name string) bool {
	if isChecklyConfig(name) {
		return true
	}
	base := path.Base(name)
	for _, ext := range []string{".ts", ".js", ".mjs"} {
		if strings.HasSuffix(base, ".check"+ext) {
			return true
		}
		if strings.HasSuffix(base, ext) && strings.Contains("/"+name, "/__checks__/") {
			return true
		}
	}
	return false
}

// parseCheckly reads the checks, alert channels, groups and project
// defaults a Checkly file constructs.
func parseCheckly(name, src string) checklyFile {
	f := checklyFile{channels: map[string]string{}, groups: map[string]checklyDefaults{}}
	for _, m := range checklyChannel.FindAllStringSubmatch(src, -1) {
		f.channels[m[1]] = strings.ToLower(m[2])
	}
	if isChecklyConfig(name) {
		if i := strings.Index(src, "defineConfig("); i >= 0 {
			if open := strings.IndexByte(src[i:], '{'); open >= 0 {
				if checks, ok := objectProps(src, i+open)["checks"]; ok && strings.HasPrefix(checks.text, "{") {
					d := checklySettings(objectProps(src, checks.at), f.channels)
					f.project = &d
				}
			}
		}
	}
	for _, loc := range checklyConstruct.FindAllStringSubmatchIndex(src, -1) {
		kind := src[loc[2]:loc[3]]
		open := loc[1] - 1
		close := matchClose(src, open)
		if close < 0 {
			continue
		}
		args := src[open:close]
		brace := strings.IndexByte(args, '{')
		if brace < 0 {
			continue
		}
		props := objectProps(src, open+brace)
		id := ""
		if first := strings.TrimSpace(args[1:brace]); first != "" {
			id, _ = stringValue(strings.TrimSuffix(strings.TrimSpace(first), ","))
		}
		settings := checklySettings(props, f.channels)
		if strings.HasPrefix(kind, "CheckGroup") {
			if v := checklyGroupVar.FindStringSubmatch(src[:loc[0]]); v != nil {
				f.groups[v[1]] = settings
			}
			continue
		}
		if a := props["activated"]; a.text == "false" {
			continue
		}
		c := checklyCheck{kind: kind, id: id, line: lineAt(src, loc[0]), settings: settings, group: props["group"].text}
		if req, ok := props["request"]; ok && strings.HasPrefix(req.text, "{") {
			c.url = jsURL(objectProps(src, req.at)["url"].text)
		}
		f.checks = append(f.checks, c)
	}
	return f
}

// checklySettings reads frequency, alertChannels, retryStrategy and
// muted from a construct's or config's properties.
func checklySettings(props map[string]jsProp, channels map[string]string) checklyDefaults {
	var d checklyDefaults
	if fr, ok := props["frequency"]; ok {
		d.frequency = checklyFrequencyOf(fr.text)
	}
	if ac, ok := props["alertChannels"]; ok {
		d.channels = []string{}
		for _, it := range listItems(ac.text) {
			d.channels = append(d.channels, channelKind(it, channels))
		}
	}
	if m := props["muted"]; m.text == "true" {
		d.channels = []string{}
	}
	if rs, ok := props["retryStrategy"]; ok {
		d.retrySet = true
		switch {
		case strings.Contains(rs.text, "noRetries"):
		case checklyRetries.MatchString(rs.text):
			d.retries, _ = strconv.Atoi(checklyRetries.FindStringSubmatch(rs.text)[1])
		default:
			d.retries = 2 // Checkly's default maxRetries
		}
	}
	return d
}

// checklyFrequencyOf reads Frequency.EVERY_5M or a number of minutes; 0
// when the value is an expression the file does not resolve.
func checklyFrequencyOf(text string) time.Duration {
	if m := checklyFreq.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		unit := map[string]time.Duration{"S": time.Second, "M": time.Minute, "H": time.Hour}[m[2]]
		return time.Duration(n) * unit
	}
	if n, err := strconv.ParseFloat(text, 64); err == nil && n > 0 && n < 1e6 {
		return time.Duration(n * float64(time.Minute))
	}
	return 0
}

// channelKind names an alertChannels item: the kind of a channel the
// file constructs, or the item as written (an imported channel, an
// AlertChannel.fromId(…) of one made in the UI).
func channelKind(item string, channels map[string]string) string {
	if k, ok := channels[item]; ok {
		return k
	}
	if m := checklyInline.FindStringSubmatch(item); m != nil {
		return strings.ToLower(m[1])
	}
	if strings.HasPrefix(item, "AlertChannel.fromId") {
		return "an existing alert channel"
	}
	return trim(item)
}

// jsURL reads the URL a request's url property holds: a string, or the
// literal path a concatenation ends in (BASE_URL + '/health').
func jsURL(text string) string {
	if s, ok := stringValue(text); ok {
		return s
	}
	if i := strings.LastIndexAny(text, `'"`+"`"); i > 0 {
		j := strings.LastIndexAny(text[:i], `'"`+"`")
		if j >= 0 && strings.HasPrefix(text[j+1:i], "/") {
			return "${}" + text[j+1:i]
		}
	}
	return text
}

// checklyMonitors turns the checks of every Checkly file into monitors,
// applying group and project defaults.
func checklyMonitors(files map[string]checklyFile, order []string) []*monitor {
	project := checklyDefaults{}
	channels := map[string]string{}
	groups := map[string]checklyDefaults{}
	for _, name := range order {
		f := files[name]
		if f.project != nil {
			project = *f.project
		}
		for k, v := range f.channels {
			channels[k] = v
		}
		for k, v := range f.groups {
			groups[k] = v
		}
	}
	var out []*monitor
	for _, name := range order {
		for _, c := range files[name].checks {
			s := c.settings
			g := groups[c.group]
			for _, d := range []checklyDefaults{g, project} {
				if s.frequency == 0 {
					s.frequency = d.frequency
				}
				if s.channels == nil {
					s.channels = d.channels
				}
				if !s.retrySet {
					s.retries, s.retrySet = d.retries, d.retrySet
				}
			}
			if s.frequency == 0 {
				s.frequency = checklyFrequency
			}
			m := &monitor{provider: "Checkly", file: name, line: c.line, name: c.id, url: c.url}
			m.path, m.hasPath = urlPath(c.url)
			if c.kind == "HeartbeatMonitor" {
				m.hasPath = false
			}
			for _, ch := range s.channels {
				if k, ok := channels[ch]; ok {
					ch = k
				}
				m.channels = append(m.channels, ch)
			}
			m.channels = unique(m.channels)
			if m.alerts() {
				if s.retrySet && s.retries > 0 {
					m.alertAfter = s.frequency * time.Duration(1+s.retries)
					m.arithmetic = fmt.Sprintf("every %s × (1 + %d retries) = %s", dur(s.frequency), s.retries, dur(m.alertAfter))
				} else {
					m.alertAfter, m.arithmetic = times(s.frequency, 1, "failure")
				}
			}
			out = append(out, m)
		}
	}
	return out
}
