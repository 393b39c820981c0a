package manifest

import (
	"regexp"
	"strings"
)

// procType is a Procfile line: a process type, a colon, the command.
var procType = regexp.MustCompile(`^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*)$`)

// envName is a shell variable name.
var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// readProcfile reads the assignments that start a Procfile command:
// `web: NODE_ENV=production node server.js`, also after `env`.
func readProcfile(src *Source, data []byte) {
	prod := fileProduction(src.File)
	src.Production = prod
	for i, line := range splitLines(data) {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		m := procType.FindStringSubmatchIndex(line)
		if m == nil {
			src.problem(i+1, "not a Procfile entry (want `type: command`)")
			continue
		}
		cmd := line[m[4]:m[5]]
		words, problem := shellWords(cmd, '\\')
		if problem != "" {
			src.problem(i+1, "command: "+problem)
			continue
		}
		if len(words) > 0 && words[0].text == "env" {
			words = words[1:]
		}
		for _, w := range words {
			key, value, ok := strings.Cut(w.text, "=")
			if !ok || !envName.MatchString(key) || strings.Contains(w.raw[:len(key)], "'") {
				break
			}
			src.add(Var{Key: key, Value: value, Line: i + 1,
				Literal: literalValue(value, w.ref), Scope: "command", Production: prod})
		}
	}
}
