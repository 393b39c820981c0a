package manifest

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// readTOML reads netlify.toml ([build.environment],
// [context.NAME.environment]) and fly.toml ([env], [build.args]).
//
// The file is read twice: toml.Unmarshal decides whether it is valid TOML
// (it also rejects a key defined twice, which the grammar alone allows),
// and go-toml's parser walks the expressions with their byte ranges, which
// give each key its line. The decoded map has no positions; a line scan
// would have to re-implement TOML's strings and dotted keys.
func readTOML(src *Source, data []byte) {
	defer func() {
		// The parser's AST is documented as unstable; a malformed file
		// must still end as a Problem, never as a crash of the scan.
		if r := recover(); r != nil {
			src.problem(0, fmt.Sprintf("invalid TOML: %v", r))
		}
	}()
	w := tomlWalk{src: src, prod: fileProduction(src.File), seen: map[string]int{}}
	src.Production = w.prod
	w.p.Reset(data)
	var table []string
	for w.p.NextExpression() {
		e := w.p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			var line int
			table, line = w.keyParts(e.Key())
			if e.Kind == unstable.ArrayTable {
				// Entries of an array of tables are not the env
				// tables; a marker keeps their keys from matching.
				table = append(table, "[]")
			} else {
				w.once("table", table, line)
			}
		case unstable.KeyValue:
			w.keyValue(table, e)
		}
	}
	found := len(src.Problems)
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		// go-toml positions syntax errors but not every redefinition; the
		// walk above has already placed those on their line.
		if line, msg := tomlProblem(err); line > 0 || found == 0 {
			src.problem(line, msg)
		}
	}
}

// once records the table or key at path, reporting it when the file
// defines it a second time, which TOML forbids.
func (w *tomlWalk) once(what string, path []string, line int) {
	k := strings.Join(path, "\x00")
	if first, ok := w.seen[k]; ok {
		w.src.problem(line, fmt.Sprintf("invalid TOML: %s %s is defined twice (first on line %d)", what, clip(strings.Join(path, "."), 80), first))
		return
	}
	w.seen[k] = line
}

// tomlWalk reads the expressions of one TOML file.
type tomlWalk struct {
	src  *Source
	p    unstable.Parser
	prod bool
	// seen maps the tables and keys defined so far to their lines.
	seen map[string]int
}

// keyParts returns the parts of a dotted key and the line of its first
// part.
func (w *tomlWalk) keyParts(it unstable.Iterator) ([]string, int) {
	var parts []string
	line := 0
	for it.Next() {
		n := it.Node()
		if line == 0 {
			line = w.p.Shape(n.Raw).Start.Line
		}
		parts = append(parts, string(n.Data))
	}
	return parts, line
}

// keyValue reads one key = value under table, descending into inline
// tables.
func (w *tomlWalk) keyValue(table []string, kv *unstable.Node) {
	parts, line := w.keyParts(kv.Key())
	full := append(append([]string(nil), table...), parts...)
	v := kv.Value()
	if v.Kind != unstable.InlineTable {
		w.once("key", full, line)
	}
	if v.Kind == unstable.InlineTable {
		it := v.Children()
		for it.Next() {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				w.keyValue(full, c)
			}
		}
		return
	}
	if w.src.Kind == KindSettings {
		w.setting(full, v, line)
		return
	}
	if len(full) < 2 {
		return
	}
	scope, prod, ok := w.envTable(full[:len(full)-1])
	if !ok {
		return
	}
	var value string
	switch v.Kind {
	case unstable.String, unstable.Integer, unstable.Float, unstable.Bool,
		unstable.DateTime, unstable.LocalDate, unstable.LocalTime, unstable.LocalDateTime:
		value = string(v.Data)
	default:
		w.src.problem(line, scope+": "+full[len(full)-1]+" must be a string, number or boolean")
		return
	}
	w.src.add(Var{Key: full[len(full)-1], Value: value, Line: line,
		Literal: literal(value), Scope: scope, Production: prod})
}

// setting records one value of a settings file; arrays and other
// non-scalar values are not settings a rule judges.
func (w *tomlWalk) setting(full []string, v *unstable.Node, line int) {
	switch v.Kind {
	case unstable.String, unstable.Integer, unstable.Float, unstable.Bool:
		w.src.addSetting(strings.Join(full, "."), string(v.Data), line)
	}
}

// envTable reports whether the table at path sets variables for the
// file's kind, its scope, and whether it configures production.
func (w *tomlWalk) envTable(path []string) (scope string, prod bool, ok bool) {
	joined := strings.Join(path, ".")
	switch w.src.Kind {
	case KindNetlify:
		if joined == "build.environment" {
			return joined, w.prod, true
		}
		if len(path) == 3 && path[0] == "context" && path[2] == "environment" {
			// Only the production context deploys production; deploy
			// previews, branch deploys and named branches do not.
			return joined, w.prod && path[1] == "production", true
		}
	case KindFly:
		if joined == "env" || joined == "build.args" {
			return joined, w.prod, true
		}
	}
	return "", false, false
}

// tomlProblem turns a go-toml error into a line and a message.
func tomlProblem(err error) (int, string) {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, _ := de.Position()
		return line, "invalid TOML: " + oneLine(de.Error())
	}
	var pe *unstable.ParserError
	if errors.As(err, &pe) {
		return 0, "invalid TOML: " + oneLine(pe.Message)
	}
	return 0, "invalid TOML: " + oneLine(err.Error())
}
