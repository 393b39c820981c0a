package manifest

import (
	"fmt"
	"strings"
	"testing"
)

// settingsOf extracts the settings file at path and returns its
// variables as "line name=value" (or "line name default=value").
func settingsOf(t *testing.T, path, data string) []string {
	t.Helper()
	src, ok := Extract(path, []byte(data))
	if !ok || src.Kind != KindSettings && src.Kind != KindEntrypoint {
		t.Fatalf("Extract(%q) = %q, %v; want a settings or entrypoint source", path, src.Kind, ok)
	}
	if len(src.Problems) > 0 {
		t.Fatalf("problems: %+v", src.Problems)
	}
	var out []string
	for _, v := range src.Vars {
		if !v.Production {
			t.Errorf("%s is not production", v.Shown())
		}
		switch {
		case v.Literal:
			out = append(out, fmt.Sprintf("%02d %s=%s", v.Line, v.Shown(), v.Value))
		case v.Default != "":
			out = append(out, fmt.Sprintf("%02d %s default=%s", v.Line, v.Shown(), v.Default))
		}
	}
	return out
}

func itoa(n int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + string(rune('0'+n/10%10)) + string(rune('0'+n%10)))
}

func TestSettingsFormats(t *testing.T) {
	tests := []struct {
		name, path, data string
		want             []string
	}{
		{"yaml at any depth, lists of scalars skipped, name/value entries",
			"config/production.yml",
			"server:\n  publicUrl: http://x.example\n  hosts: [a, b]\ndb:\n  url: postgres://localhost/db\nenv:\n  - name: API_TOKEN\n    value: abc\nservers:\n  - url: http://y.example\n",
			[]string{"02 server.publicUrl=http://x.example", "05 db.url=postgres://localhost/db", "08 API_TOKEN=abc", "10 servers.0.url=http://y.example"}},
		{"json with comments and trailing commas, lines kept",
			"Api/appsettings.Production.json",
			"{\n  // comment\n  \"Jwt\": {\n    \"Key\": \"secret\", /* inline */\n  },\n  \"Url\": \"http://a.example\",\n}\n",
			[]string{"04 Jwt.Key=secret", "06 Url=http://a.example"}},
		{"a comment marker inside a JSON string is text",
			"config/production.json",
			"{\"url\": \"http://a.example//x\", \"b\": \"/*\"}\n",
			[]string{"01 url=http://a.example//x", "01 b=/*"}},
		{"toml tables and dotted keys",
			"config/prod.toml",
			"debug = true\n[database]\nurl = \"mysql://127.0.0.1/app\"\nports = [1, 2]\n[a.b]\nc.d = 'e'\n",
			[]string{"01 debug=true", "03 database.url=mysql://127.0.0.1/app", "06 a.b.c.d=e"}},
		{"properties: separators, continuations, comments",
			"src/main/resources/application-prod.properties",
			"# c\n! c\na.b=c\nx : y\nk v\nlong=one\\\n  two\nesc\\=key=v\nempty=\n",
			[]string{"03 a.b=c", "04 x=y", "05 k=v", "06 long=onetwo", "08 esc=key=v"}},
		{"tfvars: objects, lists, heredocs and comments",
			"infra/prod.tfvars",
			"# c\nregion = \"eu\" # c\napp = {\n  url = \"http://a.example\"\n  n = 3\n}\nl = [\n  \"x = 1\",\n]\nh = <<EOF\nk = \"v\"\nEOF\n/* k = \"v\"\n*/\nexpr = var.x\non = true\n",
			[]string{"02 region=eu", "04 app.url=http://a.example", "05 app.n=3", "16 on=true"}},
		{"entrypoint: exports and defaults, not script variables",
			"docker-entrypoint.sh",
			"#!/bin/sh\nexport A=\"${A:-one}\" # c\n: \"${B:=two}\"\nC=${C-three}\nD=four\nexport E=five\nexport F=six cmd\nG=${G:?}\n",
			[]string{"02 A default=one", "03 B default=two", "04 C default=three", "06 E=five"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := settingsOf(t, tt.path, tt.data)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// Settings files that are not production by name are not read as such,
// and a development start script is not production.
func TestSettingsKinds(t *testing.T) {
	for _, p := range []string{"config/default.yml", "values.yaml", "application.properties", "terraform.tfvars"} {
		if k := KindOf(p, nil); k == KindSettings {
			t.Errorf("KindOf(%q) = settings", p)
		}
	}
	src, ok := Extract("docker/dev/entrypoint.sh", []byte("export DEBUG=true\n"))
	if !ok || src.Production {
		t.Errorf("a development start script: ok %v, production %v", ok, src.Production)
	}
	for _, p := range []string{"run.sh", "entrypoint.py"} {
		if k := KindOf(p, nil); k == KindEntrypoint {
			t.Errorf("KindOf(%q) = entrypoint", p)
		}
	}
}

// Hostile settings files end, with what they hold or a problem, and
// never take time in proportion to more than their size.
func TestSettingsHostile(t *testing.T) {
	inputs := map[string]string{
		"config/production.json":      strings.Repeat(", /* x */", 200_000),
		"config/production.yml":       strings.Repeat("a:\n ", 5000) + "b: c\n",
		"prod.tfvars":                 strings.Repeat("a = {\n", 100_000),
		"application-prod.properties": strings.Repeat("\\", 1<<20),
		"docker-entrypoint.sh":        strings.Repeat("export A=\"", 10_000),
	}
	for p, data := range inputs {
		src, ok := Extract(p, []byte(data))
		if !ok {
			t.Errorf("%s: not extracted", p)
			continue
		}
		checkSource(t, src, []byte(data))
	}
}

func TestCodeSettings(t *testing.T) {
	tests := []struct {
		name, path, data string
		want             []string
	}{
		{"django settings module",
			"portal/settings/production.py",
			"from .base import *\nDEBUG = False\nSITE_URL = 'http://portal.example.com'  # c\nSECRET_KEY = os.environ.get('SECRET_KEY', 'changeme')\nAPI_TOKEN = env('API_TOKEN', default=\"tok-123\")\nDB = os.environ['DB']\nDATABASES = {\n    'default': {'HOST': 'localhost'},\n}\nNAME = f'{X}'\n    INDENTED = 'x'\n",
			[]string{"02 DEBUG=false", "03 SITE_URL=http://portal.example.com", "04 SECRET_KEY default=changeme", "05 API_TOKEN default=tok-123"}},
		{"rails production environment",
			"config/environments/production.rb",
			"Rails.application.configure do\n  config.force_ssl = true\n  # config.hosts = 'x'\n  config.action_mailer.default_url_options = { host: 'localhost', port: 3000 }\n  config.log_level = :debug\n  config.x.api_key = ENV.fetch('API_KEY', 'dev-key')\n  config.x.token = ENV['TOKEN'] || 'tok'\n  config.x.other = ENV.fetch('OTHER')\nend\n",
			[]string{"02 force_ssl=true", "04 action_mailer.default_url_options.host=localhost", "04 action_mailer.default_url_options.port=3000", "05 log_level=debug", "06 x.api_key default=dev-key", "07 x.token default=tok"}},
		{"phoenix prod and runtime config",
			"config/runtime.exs",
			"import Config\nif config_env() == :dev do\n  config :portal, debug: true\nend\nconfig :portal, PortalWeb.Endpoint,\n  url: [host: \"localhost\", port: 443],\n  secret_key_base: System.get_env(\"SECRET_KEY_BASE\") || \"changeme\",\n  check_origin: false\nconfig :portal, token: \"abc\"\n",
			[]string{"06 PortalWeb.Endpoint.url.host=localhost", "06 PortalWeb.Endpoint.url.port=443", "07 PortalWeb.Endpoint.secret_key_base default=changeme", "08 PortalWeb.Endpoint.check_origin=false", "09 portal.token=abc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := settingsOf(t, tt.path, tt.data)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
