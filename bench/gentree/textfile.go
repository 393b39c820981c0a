package main

import "strings"

// lang is a kind of text file the generators write.
type lang int

const (
	langGo lang = iota
	langTS
	langJS
	langPython
	langJava
	langYAML
	langJSON
	langMarkdown
)

// textFile is a text file being generated: its lines and the places between
// top-level blocks where a statement can be inserted and still read as code.
type textFile struct {
	lines []string
	cuts  []int
	size  int
}

func (t *textFile) add(lines ...string) {
	for _, l := range lines {
		t.lines = append(t.lines, l)
		t.size += len(l) + 1
	}
}

// cut marks the current end as a place between blocks.
func (t *textFile) cut() { t.cuts = append(t.cuts, len(t.lines)) }

// insert puts lines before index at and keeps later cuts pointing at the
// same blocks.
func (t *textFile) insert(at int, lines ...string) {
	tail := append([]string(nil), t.lines[at:]...)
	t.lines = append(append(t.lines[:at], lines...), tail...)
	for i, c := range t.cuts {
		if c >= at {
			t.cuts[i] = c + len(lines)
		}
	}
	for _, l := range lines {
		t.size += len(l) + 1
	}
}

// middleCut returns a cut near the middle of the file, or the end when the
// file has none.
func (t *textFile) middleCut(g *gen) int {
	if len(t.cuts) == 0 {
		return len(t.lines)
	}
	lo := len(t.cuts) / 4
	hi := max(lo, len(t.cuts)*3/4)
	return t.cuts[g.between(lo, hi)]
}

func (t *textFile) bytes() []byte {
	var b strings.Builder
	b.Grow(t.size)
	for _, l := range t.lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// writeText generates a file of about target bytes in language l.
func writeText(g *gen, l lang, target int) *textFile {
	return compose(g, l, func(t *textFile) bool { return t.size >= target })
}

// writeTextLines generates a whole file in language l of about n lines.
func writeTextLines(g *gen, l lang, n int) *textFile {
	return compose(g, l, func(t *textFile) bool { return len(t.lines) >= n })
}

func compose(g *gen, l lang, done func(*textFile) bool) *textFile {
	t := &textFile{}
	w := writers[l]
	w.header(g, t)
	t.cut()
	for !done(t) {
		w.block(g, t)
		t.cut()
	}
	w.footer(g, t)
	return t
}

// writeLines generates blocks in language l until about n lines are
// written, without header or footer, for insertion into an existing file.
func writeLines(g *gen, l lang, n int) []string {
	t := &textFile{}
	for len(t.lines) < n {
		writers[l].block(g, t)
	}
	return t.lines
}

// langWriter knows the shape of one language: what opens a file, one
// top-level block, and what closes it.
type langWriter struct {
	header, block, footer func(g *gen, t *textFile)
}

var writers = map[lang]langWriter{
	langGo:       {goHeader, goBlock, noop},
	langTS:       {tsHeader, tsBlock, noop},
	langJS:       {jsHeader, jsBlock, noop},
	langPython:   {pyHeader, pyBlock, noop},
	langJava:     {javaHeader, javaBlock, javaFooter},
	langYAML:     {noop, yamlBlock, noop},
	langJSON:     {jsonHeader, jsonBlock, jsonFooter},
	langMarkdown: {mdHeader, mdBlock, noop},
}

func noop(*gen, *textFile) {}

// langOf returns the language of a file name, and false for files that are
// not generated as text.
func langOf(name string) (lang, bool) {
	switch {
	case strings.HasSuffix(name, ".go"):
		return langGo, true
	case strings.HasSuffix(name, ".ts"), strings.HasSuffix(name, ".tsx"):
		return langTS, true
	case strings.HasSuffix(name, ".js"):
		return langJS, true
	case strings.HasSuffix(name, ".py"):
		return langPython, true
	case strings.HasSuffix(name, ".java"):
		return langJava, true
	case strings.HasSuffix(name, ".yaml"), strings.HasSuffix(name, ".yml"):
		return langYAML, true
	case strings.HasSuffix(name, ".json"):
		return langJSON, true
	case strings.HasSuffix(name, ".md"):
		return langMarkdown, true
	}
	return 0, false
}
