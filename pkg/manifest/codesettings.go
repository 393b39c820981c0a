package manifest

import (
	"regexp"
	"strings"

	"github.com/launchgate/launchgate/pkg/envvalue"
)

// Settings written as code are read line by line: the assignments that
// set a literal, and the environment lookups that fall back to one.
// Anything computed (a function of other settings, a list, a dict) is not
// a value written in the file and is left alone.

var (
	// pyAssign is a module-level Django setting: NAME = value.
	pyAssign = regexp.MustCompile(`^([A-Z][A-Z0-9_]*)\s*(?::\s*[A-Za-z_.\[\]]+\s*)?=\s*(.+)$`)
	// pyEnvDefault is an environment lookup with a default:
	// os.environ.get("X", "d"), os.getenv("X", "d"), env("X", default="d"),
	// env.str("X", default="d"), config("X", default="d").
	pyEnvDefault = regexp.MustCompile(`^(?:os\.environ\.get|os\.getenv|env(?:\.[a-z]+)?|config)\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*,\s*(?:default\s*=\s*)?(?P<def>.+?)\s*(?:,\s*cast\s*=\s*\w+\s*)?\)\s*(?:#.*)?$`)

	// rbAssign is a Rails environment setting: config.a.b = value.
	rbAssign = regexp.MustCompile(`^\s*config\.([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)\s*=\s*(.+)$`)
	// rbEnvDefault is ENV.fetch("X", "d"), ENV.fetch("X") { "d" } or
	// ENV["X"] || "d".
	rbEnvDefault = regexp.MustCompile(`^(?:ENV\.fetch\(\s*["'][A-Za-z_][A-Za-z0-9_]*["']\s*(?:,\s*(?P<def>.+?)\s*\)|\)\s*\{\s*(?P<def>.+?)\s*\})|ENV\[\s*["'][A-Za-z_][A-Za-z0-9_]*["']\s*\]\s*\|\|\s*(?P<def>.+?))\s*(?:#.*)?$`)
	// rbHashPair is one key: value of a hash literal written on one line.
	rbHashPair = regexp.MustCompile(`(?:^|[{,]\s*)([a-z_][a-z0-9_]*):\s*("[^"]*"|'[^']*'|\d+|true|false)`)

	// exEnvDefault is System.get_env("X", "d") or System.get_env("X") || "d".
	exEnvDefault = regexp.MustCompile(`^System\.get_env\(\s*"[A-Za-z_][A-Za-z0-9_]*"\s*(?:,\s*(?P<def>.+?)\s*\)|\)\s*\|\|\s*(?P<def>.+?))\s*(?:#.*)?$`)
	// exConfig opens a config call: config :app, Module, or config :app,.
	exConfig = regexp.MustCompile(`^\s*config\s+:([a-z_][a-z0-9_]*)\s*,\s*(?:([A-Z][A-Za-z0-9_.]*)\s*,)?(.*)$`)
	// exPair is one key: value of a keyword list.
	exPair = regexp.MustCompile(`([a-z_][a-z0-9_]*):\s*("(?:[^"\\]|\\.)*"|\[|true\b|false\b|\d+\b|:[a-z_]+|System\.get_env\([^)]*\)(?:\s*\|\|\s*"[^"]*")?)`)
	// exDevBlock opens a block for another environment than production.
	exDevBlock = regexp.MustCompile(`^\s*if\s+config_env\(\)\s*(?:==\s*:(?:dev|test)|in\s*\[[^\]]*\]|!=\s*:prod)\s+do\s*$`)
)

// readPythonSettings reads a Django production settings module.
func readPythonSettings(src *Source, data []byte) {
	for i, line := range splitLines(data) {
		m := pyAssign.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		src.addCodeSetting(m[1], i+1, m[2], pyEnvDefault)
	}
}

// readRubySettings reads config/environments/production.rb.
func readRubySettings(src *Source, data []byte) {
	for i, line := range splitLines(data) {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		m := rbAssign.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		value := strings.TrimSpace(m[2])
		if strings.HasPrefix(value, "{") {
			for _, p := range rbHashPair.FindAllStringSubmatch(value, -1) {
				if s, ok := codeLiteral(p[2]); ok {
					src.addSetting(m[1]+"."+p[1], s, i+1)
				}
			}
			continue
		}
		src.addCodeSetting(m[1], i+1, value, rbEnvDefault)
	}
}

// readElixirSettings reads config/prod.exs and config/runtime.exs: the
// keyword lists of config calls (url: [host: "…"] is url.host), nested
// lists one level deep, skipping blocks for the dev and test
// environments.
func readElixirSettings(src *Source, data []byte) {
	lines := splitLines(data)
	skip := 0 // depth of do…end inside a dev or test block
	var app string
	var nest []string
	for i, line := range lines {
		text := strings.TrimSpace(withoutComment(line))
		if text == "" {
			continue
		}
		if skip > 0 {
			skip += elixirDepth(text)
			continue
		}
		if exDevBlock.MatchString(line) {
			skip = 1
			continue
		}
		rest := text
		if m := exConfig.FindStringSubmatch(text); m != nil {
			app, nest = m[1], nil
			if m[2] != "" {
				app = m[2]
			}
			rest = m[3]
		} else if app == "" {
			continue
		}
		nest = src.elixirPairs(rest, app, nest, i+1)
		if !strings.HasSuffix(text, ",") && len(nest) == 0 {
			app = ""
		}
	}
}

// elixirPairs records the settings of one line of a keyword list,
// under app and the lists open before it (nest), and returns the lists
// still open after it: a key: [ opens one, a ] outside a string closes
// the last.
func (s *Source) elixirPairs(rest, app string, nest []string, line int) []string {
	pairs := exPair.FindAllStringSubmatchIndex(rest, -1)
	next := 0
	closeUpTo := func(end int) {
		for j := next; j < end; j++ {
			if rest[j] == ']' && len(nest) > 0 {
				nest = nest[:len(nest)-1]
			}
		}
	}
	for _, p := range pairs {
		closeUpTo(p[0])
		next = p[1]
		key, value := rest[p[2]:p[3]], rest[p[4]:p[5]]
		if value == "[" {
			if len(nest) < maxSettingsDepth {
				nest = append(nest, key)
			}
			continue
		}
		full := strings.Join(append(append([]string{app}, nest...), key), ".")
		s.addCodeSetting(full, line, value, exEnvDefault)
	}
	closeUpTo(len(rest))
	return nest
}

// withoutComment cuts a line of Elixir at a # outside a string.
func withoutComment(line string) string {
	in := false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\\' && in:
			i++
		case c == '"':
			in = !in
		case c == '#' && !in:
			return line[:i]
		}
	}
	return line
}

// elixirDepth is how a line changes the do…end depth.
func elixirDepth(text string) int {
	d := 0
	if strings.HasSuffix(text, " do") || text == "do" {
		d++
	}
	if text == "end" || strings.HasPrefix(text, "end ") {
		d--
	}
	return d
}

// addCodeSetting records the setting name, written at line as the code
// expression value: a literal, or an environment lookup (envDefault)
// whose default is one. Any other expression is not read.
func (s *Source) addCodeSetting(name string, line int, value string, envDefault *regexp.Regexp) {
	value = strings.TrimSpace(value)
	if lit, ok := codeLiteral(value); ok {
		s.addSetting(name, lit, line)
		return
	}
	m := envDefault.FindStringSubmatch(value)
	if m == nil {
		return
	}
	var def string
	for i, n := range envDefault.SubexpNames() {
		if n == "def" && m[i] != "" {
			def = m[i]
		}
	}
	lit, ok := codeLiteral(def)
	if !ok || lit == "" {
		return
	}
	s.add(Var{Key: envvalue.SettingKey(name), Name: name, Value: value, Default: lit, Line: line,
		Scope: settingsScope, Production: true})
}

// codeLiteral returns the value of a string, boolean, number or symbol
// literal of Python, Ruby or Elixir, and whether value is one; a trailing
// comment is dropped. Strings that interpolate (f"…", "#{…}") are not
// literals.
func codeLiteral(value string) (string, bool) {
	v := strings.TrimSpace(value)
	if strings.HasPrefix(v, "r") || strings.HasPrefix(v, "b") || strings.HasPrefix(v, "u") {
		if len(v) > 1 && (v[1] == '"' || v[1] == '\'') {
			v = v[1:]
		}
	}
	if v != "" && (v[0] == '"' || v[0] == '\'') {
		q := v[0]
		for i := 1; i < len(v); i++ {
			switch v[i] {
			case '\\':
				i++
			case q:
				s := v[1:i]
				if strings.Contains(s, "#{") {
					return "", false
				}
				return s, strings.TrimSpace(strings.TrimLeft(v[i+1:], " \t")) == "" || strings.HasPrefix(strings.TrimSpace(v[i+1:]), "#")
			}
		}
		return "", false
	}
	if j := strings.Index(v, "#"); j >= 0 {
		v = strings.TrimSpace(v[:j])
	}
	switch v {
	case "True", "true":
		return "true", true
	case "False", "false":
		return "false", true
	}
	if strings.HasPrefix(v, ":") && len(v) > 1 && strings.Trim(v[1:], "abcdefghijklmnopqrstuvwxyz_") == "" {
		return v[1:], true
	}
	if v != "" && strings.Trim(v, "0123456789.") == "" {
		return v, true
	}
	return "", false
}
