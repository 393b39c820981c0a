package monitors

import (
	"strings"
	"testing"
)

// The parsers read files of the checked project: whatever they are
// given, they return, without panicking, in time bounded by the input.

func FuzzGatus(f *testing.F) {
	f.Add([]byte("endpoints:\n  - name: a\n    url: https://x.example/health\n    interval: 1m\n    conditions: ['[STATUS] == 200']\n    alerts: [{type: slack, failure-threshold: 2}]\nalerting:\n  slack: {default-alert: {enabled: true}}\n"))
	f.Add([]byte("endpoints: [{url: x, conditions: [], interval: bogus}]"))
	f.Add([]byte("endpoints:\n- &a {url: u, conditions: []}\n- *a\n"))
	f.Add([]byte(": : :\n\t"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			t.Skip("inputs past 64 KiB add length, not new shapes: real Gatus files are a few KiB")
		}
		cfg, ok, err := parseGatus(data)
		if !ok && (err != nil || len(cfg.endpoints) > 0) {
			t.Fatalf("not Gatus, yet err %v and %d endpoints", err, len(cfg.endpoints))
		}
		for _, m := range gatusMonitors("f.yaml", cfg, cfg.providers) {
			if m.alerts() && m.alertAfter <= 0 {
				t.Fatalf("monitor alerts with no delay: %+v", m)
			}
		}
	})
}

func FuzzHCL(f *testing.F) {
	f.Add(`resource "uptimerobot_monitor" "a" {
  url = "https://x.example/health" # c
  interval = 60
  alert_contact { id = var.c }
  dynamic "alert_contact" { for_each = [1] }
  message = <<-EOT
    @slack-ops
  EOT
  list = [ "a", { b = 1 } ]
  s = "${var.x}/a \"q\""
}`)
	f.Add(`a "b" {`)
	f.Add(`/* open`)
	f.Add(strings.Repeat("a {", 40) + strings.Repeat("}", 40))
	f.Fuzz(func(t *testing.T, src string) {
		blocks, err := parseHCL(src)
		if err != nil && blocks != nil {
			t.Fatalf("error %v with blocks", err)
		}
		if _, err := terraformMonitors("m.tf", []byte(src)); err == nil {
			return
		}
	})
}

func FuzzCheckly(f *testing.F) {
	f.Add("checkly.config.ts", "export default defineConfig({ checks: { frequency: Frequency.EVERY_1M, alertChannels: [a] } })")
	f.Add("__checks__/a.check.ts", "const s = new SlackAlertChannel('s', {})\nnew ApiCheck('h', { frequency: 5, retryStrategy: RetryStrategyBuilder.linearStrategy({ maxRetries: 3 }), alertChannels: [s, new EmailAlertChannel('e', {})], request: { url: `${BASE}/health`, method: 'GET' } })")
	f.Add("__checks__/b.check.ts", "new ApiCheck('x', { request: { url: '/*', } , /* { */ name: \"}\" ")
	f.Add("x.check.js", "new UrlMonitor(`a${`b${'c'}`}`, {")
	f.Fuzz(func(t *testing.T, name, src string) {
		if len(src) > 1<<16 {
			t.Skip("inputs past 64 KiB add length, not new shapes")
		}
		cf := parseCheckly(name, src)
		for _, m := range checklyMonitors(map[string]checklyFile{name: cf}, []string{name}) {
			if m.alerts() && m.alertAfter <= 0 {
				t.Fatalf("monitor alerts with no delay: %+v", m)
			}
		}
		listItems(src)
		stringValue(src)
	})
}

func FuzzURLPath(f *testing.F) {
	for _, s := range []string{"https://a.example/health?x=1", "${A}/b", "{{ .X }}", "tcp://db:5432", "http://[::1", "#{x}/y/"} {
		f.Add(s, "/health/{id}")
	}
	f.Fuzz(func(t *testing.T, raw, tmpl string) {
		p, ok := urlPath(raw)
		if ok && !strings.HasPrefix(p, "/") {
			t.Fatalf("urlPath(%q) = %q, not a path", raw, p)
		}
		covers(tmpl, p)
	})
}
