package config

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/redact"
)

var (
	timeType     = reflect.TypeFor[time.Time]()
	severityType = reflect.TypeFor[finding.Severity]()
	datePattern  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// dateLayout is how expiry dates are written.
const dateLayout = "2006-01-02"

// shape checks a YAML tree against the Go type it is about to be loaded
// into, walking the type by its yaml tags. It exists so that every
// structural mistake (an unknown key, a list where a string belongs) is
// reported with its line and in the user's words before the yaml package
// sees it, and so the keys the file accepts cannot drift from the struct.
type shape struct {
	file string
	// lines maps a value's path ("ignores[2].expires") to its line.
	lines map[string]int
	// seen holds aliased nodes already checked as a type: an alias is
	// checked once per type however often it is used, which keeps a file
	// full of aliases (a "billion laughs") linear.
	seen map[seenKey]bool
	// problems are the mistakes found so far. The walk goes on past each
	// one (skipping only the value that has the wrong shape), so a file
	// with three unknown keys gets all three reported in one run.
	problems problems
}

type seenKey struct {
	node *yaml.Node
	typ  reflect.Type
}

func newShape(file string) *shape {
	return &shape{file: file, lines: map[string]int{}, seen: map[seenKey]bool{}}
}

// errorf records a problem at n. It returns nil so that a check can
// record and stop looking at n in one statement, while the walk goes on
// with n's siblings.
func (s *shape) errorf(n *yaml.Node, format string, args ...any) error {
	s.problems.add(n.Line, format, args...)
	return nil
}

// err is every problem found, or nil.
func (s *shape) err() error {
	return s.problems.err(s.file)
}

// check walks n as a value of type t found at path.
func (s *shape) check(n *yaml.Node, t reflect.Type, path string) error {
	if _, ok := s.lines[path]; !ok {
		s.lines[path] = n.Line
	}
	// Mistakes in the value itself are reported where it is used, which
	// for an alias is not where its anchor is.
	at := n
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return s.errorf(n, "%s: alias to an unknown anchor", path)
		}
		k := seenKey{n.Alias, t}
		if s.seen[k] {
			return nil
		}
		s.seen[k] = true
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return nil
	}
	switch {
	case t == timeType:
		return s.checkDate(n, at, path)
	case t == severityType:
		if n.Kind != yaml.ScalarNode {
			return s.errorf(at, "%s: want a severity (critical, high, medium, low or info)", path)
		}
		if _, err := finding.ParseSeverity(n.Value, false); err != nil {
			return s.errorf(at, "%s: unknown severity %s: want critical, high, medium, low or info", path, redact.Quote(n.Value))
		}
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			return s.errorf(at, "%s: want a string, not %s", path, kindName(n))
		}
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
			return s.errorf(at, "%s: want a whole number", path)
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
			return s.errorf(at, "%s: want true or false", path)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return s.errorf(at, "%s: want a list, not %s", path, kindName(n))
		}
		for i, item := range n.Content {
			if err := s.check(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		return s.checkMap(n, at, t, path)
	case reflect.Struct:
		return s.checkStruct(n, at, t, path)
	default:
		// Only types the Config structs use reach here; a new field of
		// another kind needs a case above, and this says so in tests.
		return s.errorf(at, "%s: cannot read a value of Go type %s", path, t)
	}
	return nil
}

// checkDate accepts YYYY-MM-DD, quoted or not, and tags the node as a
// timestamp: unquoted dates already are, quoted ones would otherwise be
// strings the yaml package cannot load into a time.Time.
func (s *shape) checkDate(n, at *yaml.Node, path string) error {
	if n.Kind != yaml.ScalarNode || !datePattern.MatchString(n.Value) {
		return s.errorf(at, "%s: want a date written YYYY-MM-DD", path)
	}
	if _, err := time.Parse(dateLayout, n.Value); err != nil {
		return s.errorf(at, "%s: %s is not a calendar date", path, redact.Quote(n.Value))
	}
	n.Tag = "!!timestamp"
	return nil
}

func (s *shape) checkMap(n, at *yaml.Node, t reflect.Type, path string) error {
	if n.Kind != yaml.MappingNode {
		return s.errorf(at, "%s: want a mapping, not %s", path, kindName(n))
	}
	keys := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !s.checkKey(k, keys, path) {
			continue
		}
		if err := s.check(v, t.Elem(), path+"."+k.Value); err != nil {
			return err
		}
	}
	return nil
}

func (s *shape) checkStruct(n, at *yaml.Node, t reflect.Type, path string) error {
	if n.Kind != yaml.MappingNode {
		what := "settings"
		if path != "" {
			what = path
		}
		return s.errorf(at, "%s: want a mapping of keys, not %s", what, kindName(n))
	}
	fields := yamlFields(t)
	keys := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !s.checkKey(k, keys, path) {
			continue
		}
		f, ok := fields[k.Value]
		if !ok {
			names := make([]string, 0, len(fields))
			for name := range fields {
				names = append(names, name)
			}
			slices.Sort(names)
			where := ""
			if path != "" {
				where = " in " + path
			}
			s.errorf(k, "unknown key %s%s%s", redact.Quote(k.Value), where, didYouMean(k.Value, names))
			continue
		}
		sub := k.Value
		if path != "" {
			sub = path + "." + k.Value
		}
		if err := s.check(v, f.Type, sub); err != nil {
			return err
		}
	}
	return nil
}

// checkKey rejects keys that are not plain strings, repeated keys and
// merge keys, whose expansion the rest of the checks could not follow. It
// reports whether the value under k is worth checking.
func (s *shape) checkKey(k *yaml.Node, keys map[string]int, path string) bool {
	if k.Kind != yaml.ScalarNode {
		s.errorf(k, "%s: a key must be a string, not %s", orTop(path), kindName(k))
		return false
	}
	if k.Value == "<<" && k.ShortTag() == "!!merge" {
		s.errorf(k, "%s: merge keys (<<) are not supported; repeat the keys", orTop(path))
		return false
	}
	if first, dup := keys[k.Value]; dup {
		s.errorf(k, "%s: key %s is repeated (first at line %d)", orTop(path), redact.Quote(k.Value), first)
		return false
	}
	keys[k.Value] = k.Line
	return true
}

func orTop(path string) string {
	if path == "" {
		return "top level"
	}
	return path
}

// yamlFields maps the yaml keys of struct type t to its fields.
func yamlFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f
	}
	return out
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		return "a single value"
	default:
		return "an empty document"
	}
}
