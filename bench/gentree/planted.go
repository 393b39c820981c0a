package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// manifestName is the file, at the root of every generated data set, that
// lists what was planted. It holds positions and hashes, never the values,
// so a scanner reading it finds nothing.
const manifestName = ".planted.json"

// manifest describes one generated data set.
type manifest struct {
	Kind    string    `json:"kind"`
	Seed    uint64    `json:"seed"`
	Files   int       `json:"files"`
	Bytes   int64     `json:"bytes"`
	Secrets []planted `json:"secrets"`

	// Base and Head name the git range of a pr data set; AddedLines is what
	// `git diff --numstat` counts in it, ChangedFiles how many files the
	// head commit touches.
	Base         string `json:"base,omitempty"`
	Head         string `json:"head,omitempty"`
	AddedLines   int    `json:"added_lines,omitempty"`
	ChangedFiles int    `json:"changed_files,omitempty"`
}

// planted is one fake secret and where a scanner should report it.
type planted struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	// File is relative to the data set root, with / separators; Line and
	// Column are 1-based, Column in bytes.
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	// Source and SourceLine give the original file inside a source map's
	// sourcesContent, for a secret a scanner may report there instead.
	Source     string `json:"source,omitempty"`
	SourceLine int    `json:"source_line,omitempty"`
	// Expect is false for a secret that a scan should stay quiet about,
	// such as one already on the base branch of a pr range.
	Expect bool   `json:"expect"`
	Note   string `json:"note,omitempty"`
	SHA256 string `json:"sha256"`
}

func hashValue(v string) string {
	sum := sha256.Sum256([]byte(v))
	return hex.EncodeToString(sum[:])
}

// plantInText inserts a statement holding a new secret of kind at a block
// boundary near the middle of t, where a real leak tends to hide among
// ordinary declarations, and returns its 0-based line, value and 1-based
// column.
func plantInText(g *gen, t *textFile, l lang, kind string) (at int, value string, column int) {
	value = newSecret(g, kind)
	stmt := secretStatement(l, kind, value)
	at = t.middleCut(g)
	t.insert(at, stmt)
	return at, value, strings.Index(stmt, value) + 1
}

func writeManifest(dir string, m *manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding %s: %w", manifestName, err)
	}
	if err := os.WriteFile(filepath.Join(dir, manifestName), append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", manifestName, err)
	}
	return nil
}

func readManifest(path string) (*manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &m, nil
}
