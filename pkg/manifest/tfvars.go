package manifest

import (
	"strings"
)

// readTFVars reads a Terraform variables file (prod.tfvars): name = value
// lines, with object values ({ … }) walked as dotted paths and list
// values, heredocs and comments (#, //, /* */) skipped. Only string,
// number and boolean literals are settings; an expression (var.x,
// a function call) is not a value written in the file.
func readTFVars(src *Source, data []byte) {
	var stack []string
	listDepth := 0
	heredoc := ""
	inComment := false
	for i, raw := range strings.Split(string(data), "\n") {
		line := i + 1
		text := strings.TrimSpace(strings.TrimSuffix(raw, "\r"))
		switch {
		case heredoc != "":
			if text == heredoc {
				heredoc = ""
			}
			continue
		case inComment:
			if strings.Contains(text, "*/") {
				inComment = false
			}
			continue
		case strings.HasPrefix(text, "/*"):
			inComment = !strings.Contains(text[2:], "*/")
			continue
		case text == "" || text[0] == '#' || strings.HasPrefix(text, "//"):
			continue
		}
		if listDepth > 0 {
			listDepth += strings.Count(text, "[") - strings.Count(text, "]")
			continue
		}
		if text == "}" || text == "}," {
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		name, value, ok := tfAssignment(text)
		if !ok {
			continue
		}
		full := strings.Join(append(append([]string(nil), stack...), name), ".")
		switch {
		case value == "{":
			if len(stack) < maxSettingsDepth {
				stack = append(stack, name)
			}
		case strings.HasPrefix(value, "["):
			listDepth = strings.Count(value, "[") - strings.Count(value, "]")
		case strings.HasPrefix(value, "<<"):
			heredoc = strings.TrimSpace(strings.TrimLeft(value[2:], "-~"))
		default:
			if s, ok := tfLiteral(value); ok {
				src.addSetting(full, s, line)
			}
		}
	}
}

// tfAssignment splits `name = value` (or `name: value` inside an object),
// dropping a trailing comment and comma.
func tfAssignment(text string) (name, value string, ok bool) {
	i := strings.IndexAny(text, "=:")
	if i <= 0 {
		return "", "", false
	}
	name = strings.Trim(strings.TrimSpace(text[:i]), `"`)
	if name == "" || strings.ContainsAny(name, " \t{}[]()") {
		return "", "", false
	}
	value = strings.TrimSuffix(strings.TrimSpace(text[i+1:]), ",")
	return name, value, true
}

// tfLiteral returns the value of a string, number or boolean literal and
// whether value is one. A string's trailing comment is dropped; an
// interpolation inside it (${var.x}) stays for envvalue to judge.
func tfLiteral(value string) (string, bool) {
	if strings.HasPrefix(value, `"`) {
		for i := 1; i < len(value); i++ {
			switch value[i] {
			case '\\':
				i++
			case '"':
				return value[1:i], true
			}
		}
		return "", false
	}
	if j := strings.IndexAny(value, "#/"); j >= 0 {
		value = strings.TrimSpace(value[:j])
	}
	switch value {
	case "true", "false":
		return value, true
	}
	if value != "" && strings.Trim(value, "0123456789.-") == "" {
		return value, true
	}
	return "", false
}
