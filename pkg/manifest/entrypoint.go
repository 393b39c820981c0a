package manifest

import (
	"path"
	"strings"

	"github.com/launchgate/launchgate/pkg/envvalue"
	"github.com/launchgate/launchgate/pkg/prodfile"
)

// entrypointScope is the Scope of the variables a start script sets.
const entrypointScope = "script"

// entrypointName reports whether a lowercased base name is a container's
// start script: docker-entrypoint.sh, entrypoint.sh, entrypoint, or any
// shell script with the word entrypoint.
func entrypointName(lower string) bool {
	ext := path.Ext(lower)
	if ext != "" && ext != ".sh" && ext != ".bash" {
		return false
	}
	return strings.Contains(strings.TrimSuffix(lower, ext), "entrypoint")
}

// readEntrypoint reads what a container's start script does to the
// environment the application then runs with: `export KEY=value`,
// `KEY="${KEY:-default}"` and `: "${KEY:=default}"`. The defaults are what
// production runs with whenever the platform does not set KEY. A plain
// `KEY=value` without export is a variable of the script, not of the
// application, and is not read. The script ships in the image, so it is
// production unless pkg/prodfile calls it development or test.
func readEntrypoint(src *Source, data []byte) {
	src.Production = !prodfile.IsDevelopment(src.File)
	for i, line := range splitLines(data) {
		text := strings.TrimSpace(line)
		if text == "" || text[0] == '#' {
			continue
		}
		exported := false
		if rest, ok := strings.CutPrefix(text, "export "); ok {
			text, exported = strings.TrimSpace(rest), true
		}
		if rest, ok := strings.CutPrefix(text, ": "); ok {
			// `: "${KEY:=default}"` assigns the default when KEY is unset.
			words, problem := shellWords(strings.TrimSpace(rest), '\\')
			if words = uncommented(words); problem == "" && len(words) == 1 {
				if name, _, ok := envvalue.Default(words[0].text); ok {
					src.add(Var{Key: name, Value: words[0].text, Line: i + 1,
						Scope: entrypointScope, Production: src.Production})
				}
			}
			continue
		}
		words, problem := shellWords(text, '\\')
		words = uncommented(words)
		if problem != "" || len(words) == 0 {
			continue
		}
		w := words[0]
		key, value, ok := strings.Cut(w.text, "=")
		if !ok || !envName.MatchString(key) {
			continue
		}
		_, _, hasDefault := envvalue.Default(value)
		if !hasDefault && (!exported || len(words) > 1) {
			// A plain assignment is the script's own variable; one
			// followed by a command (KEY=x cmd) is that command's.
			continue
		}
		src.add(Var{Key: key, Value: value, Line: i + 1, Literal: !hasDefault && literalValue(value, w.ref),
			Scope: entrypointScope, Production: src.Production})
	}
}

// uncommented drops the words from the first that starts a comment.
func uncommented(words []word) []word {
	for i, w := range words {
		if strings.HasPrefix(w.raw, "#") {
			return words[:i]
		}
	}
	return words
}
