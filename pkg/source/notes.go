package source

import (
	"fmt"
	"strings"
)

// noteKind is one kind of skipped entry; kinds are reported in this order.
type noteKind int

const (
	noteGit noteKind = iota
	noteTooLarge
	noteSymlink
	noteDependency
	noteBinary
	noteKinds
)

// noteExamples bounds how many names one note line quotes.
const noteExamples = 5

// notes counts skipped entries by kind and keeps a few names of each.
type notes struct {
	count    [noteKinds]int
	examples [noteKinds][]string
	seen     map[string]bool
}

func (n *notes) add(kind noteKind, name string) {
	n.count[kind]++
	if len(n.examples[kind]) < noteExamples {
		n.examples[kind] = append(n.examples[kind], name)
	}
}

// addOnce adds name unless it was added before, for folders that git mode
// meets once per file inside them.
func (n *notes) addOnce(kind noteKind, name string) {
	if n.seen == nil {
		n.seen = map[string]bool{}
	}
	key := fmt.Sprint(kind) + "\x00" + name
	if n.seen[key] {
		return
	}
	n.seen[key] = true
	n.add(kind, name)
}

func (n *notes) lines(maxBytes int64) []string {
	var out []string
	for kind := range noteKinds {
		c := n.count[kind]
		if c == 0 {
			continue
		}
		var head string
		switch kind {
		case noteGit:
			out = append(out, n.examples[kind][0])
			continue
		case noteTooLarge:
			head = fmt.Sprintf("skipped %d %s over %s", c, plural(c, "file", "files"), formatBytes(maxBytes))
		case noteSymlink:
			head = fmt.Sprintf("skipped %d %s (never followed)", c, plural(c, "symlink", "symlinks"))
		case noteDependency:
			head = fmt.Sprintf("skipped %d dependency %s (vendor and node_modules are not read unless asked)", c, plural(c, "folder", "folders"))
		case noteBinary:
			head = fmt.Sprintf("%d binary %s not read as text; provider-format keys were still searched in %s printable strings",
				c, plural(c, "file was", "files were"), plural(c, "its", "their"))
		}
		out = append(out, head+": "+exampleList(n.examples[kind], c))
	}
	return out
}

// exampleList quotes the kept names, each clipped, and says how many more
// there were.
func exampleList(names []string, total int) string {
	clipped := make([]string, len(names))
	for i, s := range names {
		clipped[i] = clipName(s)
	}
	s := strings.Join(clipped, ", ")
	if more := total - len(names); more > 0 {
		s += fmt.Sprintf(", … and %d more", more)
	}
	return s
}

// clipName keeps a hostile or generated name from flooding a message.
func clipName(s string) string {
	const maxName = 120
	if len(s) > maxName {
		return s[:maxName] + "…"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
