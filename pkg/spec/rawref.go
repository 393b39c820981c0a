package spec

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// maxRefHops bounds a chain of $refs to $refs; real documents use one or two.
const maxRefHops = 32

// target is where a chain of $refs ends: the node, the key heading it (nil
// for a whole file or a sequence item) and the file it is written in.
type target struct {
	file string
	key  *yaml.Node
	node *yaml.Node
}

// loc is where the target is written.
func (t target) loc() Location { return nodeLoc(t.file, t.key, t.node) }

// refOf returns the $ref of a reference object, or "".
func refOf(n *yaml.Node) (key *yaml.Node, ref string) {
	k, v := entry(n, "$ref")
	if k == nil || v == nil || v.Kind != yaml.ScalarNode {
		return nil, ""
	}
	return k, v.Value
}

// resolve follows node through its $refs (local, or in other files read
// through the ReadFunc) and reports a missing file, a dangling pointer or a
// cycle at the first $ref of the chain.
func (b *rawBuilder) resolve(t target) (target, bool) {
	k, ref := refOf(t.node)
	if ref == "" {
		return t, t.node != nil
	}
	first := nodeLoc(t.file, k, nil)
	firstRef := ref
	seen := map[string]bool{}
	var chain []string
	for hop := 0; ; hop++ {
		if !b.spend(1) {
			return target{}, false
		}
		docPart, frag, _ := strings.Cut(ref, "#")
		file := t.file
		if docPart != "" {
			if u, err := url.Parse(docPart); err != nil || u.Scheme != "" || u.Host != "" {
				b.probs.add(first, firstRef, "$ref %q: remote references are not followed", ref)
				return target{}, false
			}
			if strings.HasPrefix(docPart, "/") {
				b.probs.add(first, firstRef, "$ref %q: refusing to read outside the scan root", ref)
				return target{}, false
			}
			file = joinRef(t.file, docPart)
			if _, err := cleanRel(file); err != nil {
				b.probs.add(first, firstRef, "$ref %q: refusing to read outside the scan root", ref)
				return target{}, false
			}
		}
		id := file + "#" + frag
		chain = append(chain, id)
		if seen[id] {
			b.probs.add(first, firstRef, "$ref cycle: %s", strings.Join(chain, " -> "))
			return target{}, false
		}
		seen[id] = true
		if hop >= maxRefHops {
			b.probs.add(first, firstRef, "$ref %q: more than %d references in a row", firstRef, maxRefHops)
			return target{}, false
		}
		root := b.root(file, first, firstRef)
		if root == nil {
			return target{}, false
		}
		key, node, ok := pointer(root, frag)
		if !ok {
			b.probs.add(first, firstRef, "$ref %q: %s does not exist in %s", firstRef, "#"+frag, file)
			return target{}, false
		}
		t = target{file: file, key: key, node: node}
		_, next := refOf(node)
		if next == "" {
			return t, true
		}
		ref = next
	}
}

// root returns the parsed tree of file: the document being loaded or one a
// $ref names.
func (b *rawBuilder) root(file string, from Location, ref string) *yaml.Node {
	if file == b.file {
		return b.top
	}
	return b.src.tree(file, b.probs, from, ref)
}

// pointer walks a JSON pointer fragment ("/components/parameters/P") from
// root. It returns the key heading the node when the last step was a
// mapping key.
func pointer(root *yaml.Node, frag string) (key, node *yaml.Node, ok bool) {
	node = deref(root)
	if frag == "" {
		return nil, node, node != nil
	}
	if !strings.HasPrefix(frag, "/") {
		return nil, nil, false
	}
	for _, tok := range strings.Split(frag[1:], "/") {
		if u, err := url.PathUnescape(tok); err == nil {
			tok = u
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch {
		case node == nil:
			return nil, nil, false
		case node.Kind == yaml.MappingNode:
			key, node = entry(node, tok)
		case node.Kind == yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(node.Content) {
				return nil, nil, false
			}
			key, node = nil, deref(node.Content[i])
		default:
			return nil, nil, false
		}
	}
	return key, node, node != nil
}

// refsIn calls fn for every $ref written in root, in document order, until
// fn returns false. It is how an error naming a $ref finds its line. It
// does not follow aliases, so it visits each written node once.
func refsIn(root *yaml.Node, fn func(key, val *yaml.Node) bool) {
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == "$ref" && n.Content[i+1].Kind == yaml.ScalarNode {
					if !fn(n.Content[i], n.Content[i+1]) {
						return
					}
				}
			}
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
}

// joinRef resolves the file part of a $ref against the file it is written in.
func joinRef(from, docPart string) string {
	if u, err := url.PathUnescape(docPart); err == nil {
		docPart = u
	}
	return path.Join(path.Dir(from), docPart)
}
