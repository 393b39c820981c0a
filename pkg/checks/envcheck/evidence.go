package envcheck

import (
	"path"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// shownFiles is how many production env files the evidence names.
const shownFiles = 3

// recordSources says which production environments were checked and how
// many keys they set, or that the checkout has no production env file:
// either is what the config row rests on. No value is ever named.
func recordSources(t *check.Tally, sources []*prodSource) {
	var files []string
	fileKeys, manifests, manifestKeys := 0, 0, 0
	for _, s := range sources {
		switch s.kind {
		case treeFile, argFile:
			name := s.file
			if name == "" {
				// Outside the checkout: its name, not where it lives.
				name = "--env " + path.Base(strings.ReplaceAll(s.name, `\`, "/"))
			}
			files = append(files, name)
			fileKeys += len(s.keys)
		case processEnv:
			t.Record("config", "the process environment checked: %s", plural(len(s.keys), "key"))
		case manifestEnv:
			manifests++
			manifestKeys += len(s.keys)
		}
	}
	if len(files) == 0 {
		t.Record("config", "no production env file found (.env.production and the like, or --env)")
	} else {
		names := strings.Join(files[:min(len(files), shownFiles)], ", ")
		if rest := len(files) - shownFiles; rest > 0 {
			names += " and " + strconv.Itoa(rest) + " more"
		}
		t.Record("config", "%s checked (%s): %s", plural(len(files), "production env file"), names, plural(fileKeys, "key"))
	}
	if manifests > 0 {
		t.Record("config", "production environment of %s checked: %s", plural(manifests, "deploy manifest"), plural(manifestKeys, "key"))
	}
}

// plural counts noun: "1 key", "14 keys".
func plural(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}
