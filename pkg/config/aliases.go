package config

import (
	"fmt"

	"go.yaml.in/yaml/v4"
)

// maxAliasedNodes bounds how many values aliases may add to a file once
// expanded. A real config uses a handful of anchors; the yaml package has
// its own ratio check, but it trips only after building much of the
// expansion, so this refuses such a file before any of it is built.
const maxAliasedNodes = 100_000

// aliasBudget counts the values a document expands to and stops at the
// first alias that takes it over maxAliasedNodes.
type aliasBudget struct {
	file  string
	sizes map[*yaml.Node]int
	// open are the nodes being sized: an alias to one of them is an alias
	// inside its own anchor (a: &a [*a]), which expands forever.
	open  map[*yaml.Node]bool
	extra int
}

func checkAliases(file string, root *yaml.Node) error {
	b := &aliasBudget{file: file, sizes: map[*yaml.Node]int{}, open: map[*yaml.Node]bool{}}
	_, err := b.size(root)
	return err
}

// size returns how many nodes n stands for once aliases are expanded.
func (b *aliasBudget) size(n *yaml.Node) (int, error) {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return 1, nil
		}
		if b.open[n.Alias] {
			return 0, &Error{File: b.file, Line: n.Line, Msg: fmt.Sprintf("alias *%s is inside its own anchor, so it never ends", n.Value)}
		}
		s, ok := b.sizes[n.Alias]
		if !ok {
			// The anchor is usually sized where it was defined; an alias
			// that comes before its anchor in the walk is sized here.
			var err error
			if s, err = b.size(n.Alias); err != nil {
				return 0, err
			}
		}
		b.extra += s
		if b.extra > maxAliasedNodes {
			return 0, &Error{File: b.file, Line: n.Line, Msg: fmt.Sprintf("aliases expand the file to more than %d extra values", maxAliasedNodes)}
		}
		return s, nil
	}
	b.open[n] = true
	defer delete(b.open, n)
	total := 1
	for _, c := range n.Content {
		s, err := b.size(c)
		if err != nil {
			return 0, err
		}
		total += s
	}
	b.sizes[n] = total
	return total, nil
}
