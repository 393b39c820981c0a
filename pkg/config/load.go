package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"
)

// MaxFileSize bounds the config file: a real one is a few kilobytes, and a
// bound keeps a hostile or mistaken file from exhausting memory.
const MaxFileSize = 1 << 20

// Load reads and checks the config file at path. The file must exist: a
// missing default file is LoadDefault's business, a missing file the user
// named is an error.
func Load(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Msg: fmt.Sprintf("cannot read the config file: %v", unwrapPath(err)), Err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &Error{File: path, Msg: fmt.Sprintf("cannot read the config file: %v", unwrapPath(err)), Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, &Error{File: path, Msg: fmt.Sprintf("config file is larger than %d bytes", MaxFileSize)}
	}
	return Parse(path, data)
}

// LoadDefault reads FileName in root, or returns Default when there is no
// such file.
func LoadDefault(root string) (*Config, error) {
	path := filepath.Join(root, FileName)
	cfg, err := Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	return cfg, err
}

// unwrapPath drops the path an *fs.PathError repeats, since Error names
// the file already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse reads a config file's content; name is used in errors and kept in
// Config.File. An empty file, or one with only comments, is the default
// configuration.
func Parse(name string, data []byte) (*Config, error) {
	if len(data) > MaxFileSize {
		return nil, &Error{File: name, Msg: fmt.Sprintf("config file is larger than %d bytes", MaxFileSize)}
	}
	doc, err := parseDocument(name, data)
	if err != nil {
		return nil, err
	}
	cfg := Default()
	cfg.File = name
	if doc == nil {
		return cfg, nil
	}
	if err := checkAliases(name, doc); err != nil {
		return nil, err
	}
	sh := newShape(name)
	if err := sh.check(doc, reflect.TypeFor[Config](), ""); err != nil {
		return nil, err
	}
	if err := sh.err(); err != nil {
		return nil, err
	}
	cfg.Version = 0
	if err := doc.Load(cfg, yaml.WithKnownFields()); err != nil {
		return nil, yamlError(name, err)
	}
	cfg.File = name
	cfg.lines = sh.lines
	if _, set := sh.lines["version"]; !set {
		cfg.Version = Version
	}
	finish(cfg, sh.lines)
	if err := cfg.check(sh.lines); err != nil {
		return nil, err
	}
	return cfg, nil
}

// parseDocument returns the one document's root node, or nil for a file
// without content.
func parseDocument(name string, data []byte) (*yaml.Node, error) {
	l, err := yaml.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, yamlError(name, err)
	}
	var doc yaml.Node
	if err := l.Load(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, yamlError(name, err)
	}
	var extra yaml.Node
	if err := l.Load(&extra); !errors.Is(err, io.EOF) {
		line := 0
		if err == nil {
			line = extra.Line
		}
		return nil, &Error{File: name, Line: line, Msg: "the config file must hold one YAML document, not several"}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, nil
		}
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		return nil, nil
	}
	return root, nil
}

// yamlError turns an error of the yaml package into a one-line Error at
// its line.
func yamlError(name string, err error) error {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		msg := le.Message
		if msg == "" {
			msg = "invalid YAML"
		}
		return &Error{File: name, Line: le.Mark.Line, Msg: oneLine(msg), Err: err}
	}
	return &Error{File: name, Msg: oneLine(err.Error()), Err: err}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// finish fills what the file does not say directly: where routes,
// ignores and the monitoring declaration were written, and expiry as the end of the day named.
func finish(cfg *Config, lines map[string]int) {
	for i := range cfg.PublicRoutes {
		cfg.PublicRoutes[i].Line = lineOf(lines, fmt.Sprintf("public_routes[%d]", i))
	}
	cfg.Monitoring.Line = lines["monitoring"]
	for i := range cfg.Ignores {
		ig := &cfg.Ignores[i]
		ig.File = cfg.File
		ig.Line = lineOf(lines, fmt.Sprintf("ignores[%d]", i))
		if !ig.Expires.IsZero() {
			y, m, d := ig.Expires.UTC().Date()
			ig.Expires = time.Date(y, m, d, 23, 59, 59, int(time.Second-time.Nanosecond), time.UTC)
		}
	}
}

// lineOf finds the line of path, or of the nearest enclosing value that
// has one (an aliased value's parts are not recorded again).
func lineOf(lines map[string]int, path string) int {
	for path != "" {
		if l, ok := lines[path]; ok && l > 0 {
			return l
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return lines[""]
}
