package manifest

import (
	"bytes"
	"path"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/launchgate/launchgate/pkg/envvalue"
)

// settingsScope is the Scope of every variable a settings file sets.
const settingsScope = "settings"

// maxSettingsDepth bounds how deep a settings file is walked; real ones
// nest a few levels.
const maxSettingsDepth = 32

// maxSettingsVars bounds the settings read from one file.
const maxSettingsVars = 20_000

// readSettings reads a framework config file for production
// (prodfile.SettingsFile): every scalar setting at any depth becomes a
// variable whose Key is the environment-variable form of its path
// (database.url becomes DATABASE_URL, see envvalue.SettingKey) and whose
// Name is the path as written, at the line of its key. The whole file
// configures production.
func readSettings(src *Source, data []byte) {
	src.Production = true
	switch strings.ToLower(path.Ext(src.File)) {
	case ".yml", ".yaml":
		readSettingsYAML(src, data)
	case ".json":
		readSettingsYAML(src, jsonWithoutComments(data))
	case ".toml":
		readTOML(src, data)
	case ".properties":
		readProperties(src, data)
	case ".tfvars":
		readTFVars(src, data)
	case ".py":
		readPythonSettings(src, data)
	case ".rb":
		readRubySettings(src, data)
	case ".exs":
		readElixirSettings(src, data)
	}
}

// addSetting records the setting at the dotted path p.
func (s *Source) addSetting(p, value string, line int) {
	if len(s.Vars) >= maxSettingsVars {
		return
	}
	s.add(Var{Key: envvalue.SettingKey(p), Name: p, Value: value, Line: line,
		Literal: literal(value), Scope: settingsScope, Production: true})
}

// readSettingsYAML walks every document of a YAML or JSON settings file
// (JSON is read as the YAML it is, which gives each key its line).
func readSettingsYAML(src *Source, data []byte) {
	r := newYAMLReader(src)
	for _, doc := range r.documents(data) {
		r.settings(doc, "", 0)
	}
}

// settings walks node n at path p.
func (r *yamlReader) settings(n *yaml.Node, p string, depth int) {
	n = resolve(n)
	if n == nil || depth > maxSettingsDepth {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		// An entry of the Kubernetes-style list Helm values use for a
		// container's environment ({name: X, value: y}) sets X.
		if name, value, line, ok := r.nameValue(n); ok {
			r.src.addSetting(name, value, line)
			return
		}
		for _, kv := range r.pairs(n) {
			k, ok := scalar(kv.key)
			if !ok || k == "" {
				continue
			}
			child := k
			if p != "" {
				child = p + "." + k
			}
			if v := resolve(kv.value); v != nil && v.Kind == yaml.ScalarNode {
				if s, ok := scalar(v); ok {
					r.src.addSetting(child, s, kv.key.Line)
				}
				continue
			}
			r.settings(kv.value, child, depth+1)
		}
	case yaml.SequenceNode:
		// Lists of scalars (hosts, origins, scopes) are not one setting
		// each; lists of mappings are walked, each item under its index.
		for i, item := range items(n) {
			if item.Kind == yaml.MappingNode {
				r.settings(item, p+"."+strconv.Itoa(i), depth+1)
			}
		}
	}
}

// nameValue reports whether mapping n is a {name: X, value: y} entry
// and returns X, y and the line of the value.
func (r *yamlReader) nameValue(n *yaml.Node) (name, value string, line int, ok bool) {
	ps := r.pairs(n)
	if len(ps) != 2 {
		return "", "", 0, false
	}
	for _, kv := range ps {
		s, isScalar := scalar(kv.value)
		if !isScalar {
			return "", "", 0, false
		}
		switch kv.key.Value {
		case "name":
			name = s
		case "value":
			value, line = s, kv.key.Line
		default:
			return "", "", 0, false
		}
	}
	return name, value, line, name != ""
}

// jsonWithoutComments blanks the // and /* */ comments and the trailing
// commas that .NET's appsettings.json and other JSONC files allow, byte
// for byte with spaces, so what is left parses as YAML with every line
// where it was.
func jsonWithoutComments(data []byte) []byte {
	out := append([]byte(nil), data...)
	inString := false
	for i := 0; i < len(out); i++ {
		c := out[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '/' && i+1 < len(out) && out[i+1] == '/':
			for ; i < len(out) && out[i] != '\n'; i++ {
				out[i] = ' '
			}
		case c == '/' && i+1 < len(out) && out[i+1] == '*':
			out[i], out[i+1] = ' ', ' '
			for i += 2; i < len(out) && !(out[i] == '*' && i+1 < len(out) && out[i+1] == '/'); i++ {
				if out[i] != '\n' {
					out[i] = ' '
				}
			}
			if i+1 < len(out) {
				out[i], out[i+1] = ' ', ' '
				i++
			}
		case c == ',':
			if j := nextSignificant(out, i+1); j < len(out) && (out[j] == '}' || out[j] == ']') {
				out[i] = ' '
			}
		}
	}
	return out
}

// nextSignificant returns the index of the first byte from i on that is
// not white space, skipping comments still to be blanked.
func nextSignificant(b []byte, i int) int {
	for i < len(b) {
		switch {
		case b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n':
			i++
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				i++
			}
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '*':
			end := bytes.Index(b[i+2:], []byte("*/"))
			if end < 0 {
				return len(b)
			}
			i += end + 4
		default:
			return i
		}
	}
	return i
}
