package monitors

import (
	"testing"
	"time"
)

func TestURLPathAndCovers(t *testing.T) {
	tests := []struct {
		url, tmpl string
		want      bool
	}{
		{"https://app.example.com/health", "/health", true},
		{"https://app.example.com/health/", "/health", true},
		{"https://app.example.com/health?full=1", "/health", true},
		{"https://app.example.com/", "/health", false},
		{"https://app.example.com", "/", true},
		{"https://app.example.com/", "/", true},
		{"${APP_URL}/api/invoices/inv_1", "/api/invoices/{id}", true},
		{"{{ .Env.HOST }}/api/invoices", "/api/invoices/{id}", false},
		{"https://app.example.com/api/invoices/", "/api/invoices/{id}", false},
		{"https://app.example.com/Health", "/health", false},
		{"tcp://db.example.com:5432", "/", false},
		{"icmp://app.example.com", "/", false},
	}
	for _, tt := range tests {
		p, ok := urlPath(tt.url)
		if got := ok && covers(tt.tmpl, p); got != tt.want {
			t.Errorf("%s covers %s = %v (path %q), want %v", tt.url, tt.tmpl, got, p, tt.want)
		}
	}
}

func TestHCL(t *testing.T) {
	src := `# monitors
resource "uptimerobot_monitor" "a" {
  url      = "https://x.example/health"
  interval = 60 // seconds
  tags     = [for t in var.tags : upper(t)]
  alert_contact {
    id = var.contact
  }
  notes = <<EOT
a { brace
EOT
}

resource "datadog_synthetics_test" "b" {
  message = "@slack-ops"
}
`
	blocks, err := parseHCL(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 2 || blocks[0].line != 2 || blocks[1].line != 14 {
		t.Fatalf("blocks = %+v", blocks)
	}
	a := blocks[0]
	if a.attrs["url"].value != "https://x.example/health" || a.attrs["interval"].value != "60" || !a.attrs["interval"].literal {
		t.Errorf("attrs = %+v", a.attrs)
	}
	if a.attrs["tags"].literal || len(a.child("alert_contact")) != 1 || a.attrs["notes"].value != "a { brace\n" {
		t.Errorf("attrs = %+v, blocks = %+v", a.attrs, a.blocks)
	}
	for _, bad := range []string{`resource "a" "b" {`, `x = "open`, `}`, `a = <<EOT` + "\nno end\n"} {
		if _, err := parseHCL(bad); err == nil {
			t.Errorf("parseHCL(%q) succeeded", bad)
		}
	}
}

func TestChecklySettings(t *testing.T) {
	src := `import { ApiCheck, Frequency, RetryStrategyBuilder, SlackAlertChannel } from 'checkly/constructs'
const slack = new SlackAlertChannel('s', { url: new URL('https://hooks.example/x') })
const group = new CheckGroup('g', { frequency: Frequency.EVERY_30S, alertChannels: [slack] })
new ApiCheck('a', { group, request: { url: 'https://x.example/a' } })
new ApiCheck('b', { group: group, frequency: 3, retryStrategy: RetryStrategyBuilder.fixedStrategy({ maxRetries: 2 }), request: { url: BASE + '/b' } })
new ApiCheck('c', { muted: true, alertChannels: [slack], request: { url: "https://x.example/c" } })
new ApiCheck('d', { activated: false, request: { url: 'https://x.example/d' } })
new HeartbeatMonitor('e', { period: 1 })
`
	f := parseCheckly("__checks__/x.check.ts", src)
	ms := checklyMonitors(map[string]checklyFile{"__checks__/x.check.ts": f}, []string{"__checks__/x.check.ts"})
	if len(ms) != 4 {
		t.Fatalf("got %d monitors, want 4 (a deactivated check is none)", len(ms))
	}
	// 'a' names its group by shorthand and takes its settings.
	if a := ms[0]; !a.alerts() || a.path != "/a" || a.alertAfter != 30*time.Second {
		t.Errorf("a = %+v", ms[0])
	}
	if b := ms[1]; b.path != "/b" || b.alertAfter != 9*time.Minute || b.arithmetic != "every 3m × (1 + 2 retries) = 9m" || b.channels[0] != "slack" {
		t.Errorf("b = %+v", b)
	}
	if ms[2].alerts() {
		t.Errorf("a muted check alerts: %+v", ms[2])
	}
	if ms[3].hasPath {
		t.Errorf("a heartbeat calls a path: %+v", ms[3])
	}
}
