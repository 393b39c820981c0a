package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// minified returns one line of bundler output of about size bytes: webpack
// style module tables with short names, object literals holding routes,
// headers and messages, and no newline anywhere.
func minified(g *gen, size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 256)
	fmt.Fprintf(&b, "(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[%d],{", g.intn(999))
	for b.Len() < size {
		fmt.Fprintf(&b, "%d:function(e,t,n){\"use strict\";", g.intn(99999))
		for range g.between(2, 8) {
			minifiedStatement(g, &b)
		}
		b.WriteString("},")
	}
	b.WriteString("}]);")
	return b.Bytes()
}

func minifiedStatement(g *gen, b *bytes.Buffer) {
	v := func() string {
		return g.chars(1, "abcdefghijklmnopqrstuvwxyz") + g.chars(g.intn(2), "abcdefghijklmnopqrstuvwxyz0123456789")
	}
	switch g.intn(5) {
	case 0:
		fmt.Fprintf(b, "var %s=n(%d),%s=n.n(%s);", v(), g.intn(99999), v(), v())
	case 1:
		fmt.Fprintf(b, "const %s={%s:%q,%s:%q,%s:%d,%s:!%d};", v(), g.camel(), g.route(), g.camel(), g.url(), g.camel(), g.intn(1000), g.camel(), g.intn(2))
	case 2:
		fmt.Fprintf(b, "function %s(%s,%s){return %s.%s?(0,%s.jsx)(\"div\",{className:%q,children:%s.%s}):null}", v(), v(), v(), v(), g.camel(), v(), g.pick(nouns)+"-"+g.pick(adjectives), v(), g.camel())
	case 3:
		fmt.Fprintf(b, "async function %s(%s){let %s=await fetch(%q,{headers:{Authorization:\"Bearer \"+%s}});if(!%s.ok)throw Error(%q);return %s.json()}", v(), v(), v(), g.route(), v(), v(), g.sentence(2, 6), v())
	default:
		fmt.Fprintf(b, "%s.exports={%s:%q,%s:%q};", v(), g.camel(), g.sentence(3, 8), g.camel(), g.snake())
	}
}

// sourceMap is the version 3 source map layout bundlers emit.
type sourceMap struct {
	Version        int      `json:"version"`
	File           string   `json:"file"`
	Mappings       string   `json:"mappings"`
	Sources        []string `json:"sources"`
	SourcesContent []string `json:"sourcesContent"`
	Names          []string `json:"names"`
}

// mapSource is one original file inside a source map.
type mapSource struct {
	path    string
	content string
}

// encodeSourceMap renders a map the way bundlers do: one line, HTML
// characters left as they are.
func encodeSourceMap(g *gen, file string, srcs []mapSource, mappingsSize int) ([]byte, error) {
	m := sourceMap{Version: 3, File: file, Mappings: mappings(g, mappingsSize)}
	for _, s := range srcs {
		m.Sources = append(m.Sources, s.path)
		m.SourcesContent = append(m.SourcesContent, s.content)
	}
	for range 40 {
		m.Names = append(m.Names, g.camel())
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("encoding source map %s: %w", file, err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// mappings returns VLQ-shaped segments: base64 letters in groups of four
// to six, split by commas and semicolons.
func mappings(g *gen, size int) string {
	var b strings.Builder
	b.Grow(size + 8)
	for b.Len() < size {
		b.WriteString(g.chars(g.between(4, 6), base64Std[:62]))
		if g.chance(0.1) {
			b.WriteByte(';')
		} else {
			b.WriteByte(',')
		}
	}
	return b.String()
}
