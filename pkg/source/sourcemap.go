package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// maxSourceMapBytes bounds the maps ParseSourceMap accepts; real maps of
// even very large apps stay far below it.
const maxSourceMapBytes = 256 << 20

// maxSectionDepth bounds index maps nested in index maps; the format
// allows none, so anything deeper is hostile.
const maxSectionDepth = 4

// SourceMap is a decoded source map (revision 3), flattened when it was an
// index map with sections.
type SourceMap struct {
	File string
	// SourceRoot prefixes every entry of Sources; see OriginalPath. A
	// flattened index map has it folded into Sources and left empty.
	SourceRoot string
	// Sources are the original file names; a null entry reads as "".
	Sources []string
	// SourcesContent holds, index for index with Sources, each original
	// file's text, JSON escapes decoded; nil where the map leaves it out.
	// It always has the length of Sources.
	SourcesContent []*string
	Names          []string
	// Mappings is the VLQ mapping string.
	Mappings string
}

// rawSourceMap is the JSON shape of a map or of one section's map.
type rawSourceMap struct {
	Version        int       `json:"version"`
	File           string    `json:"file"`
	SourceRoot     string    `json:"sourceRoot"`
	Sources        []*string `json:"sources"`
	SourcesContent []*string `json:"sourcesContent"`
	Names          []string  `json:"names"`
	Mappings       string    `json:"mappings"`
	Sections       []struct {
		Offset struct {
			Line   int `json:"line"`
			Column int `json:"column"`
		} `json:"offset"`
		Map json.RawMessage `json:"map"`
		URL string          `json:"url"`
	} `json:"sections"`
}

// ParseSourceMap decodes a source map. It accepts the `)]}'` prefix some
// servers add against cross-site script inclusion and a byte-order mark,
// flattens an index map's sections into one map, and fails on anything
// that is not a version 3 map.
func ParseSourceMap(data []byte) (*SourceMap, error) {
	if len(data) > maxSourceMapBytes {
		return nil, fmt.Errorf("source map of %d bytes is over the %s limit", len(data), formatBytes(maxSourceMapBytes))
	}
	data = stripMapPrefix(data)
	return parseMap(data, 0)
}

func parseMap(data []byte, depth int) (*SourceMap, error) {
	var raw rawSourceMap
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("source map: %w", err)
	}
	if raw.Version != 3 {
		return nil, fmt.Errorf("source map: version %d, want 3", raw.Version)
	}
	if raw.Sections != nil {
		if depth >= maxSectionDepth {
			return nil, errors.New("source map: index maps nested too deep")
		}
		return flattenSections(&raw, depth)
	}
	m := &SourceMap{
		File:       raw.File,
		SourceRoot: raw.SourceRoot,
		Sources:    make([]string, len(raw.Sources)),
		Names:      raw.Names,
		Mappings:   raw.Mappings,
	}
	for i, s := range raw.Sources {
		if s != nil {
			m.Sources[i] = *s
		}
	}
	m.SourcesContent = make([]*string, len(m.Sources))
	copy(m.SourcesContent, raw.SourcesContent)
	return m, nil
}

// flattenSections joins the sections of an index map: sources and names
// are concatenated and each section's mappings shifted by its offset and
// by the sources and names before it.
func flattenSections(raw *rawSourceMap, depth int) (*SourceMap, error) {
	out := &SourceMap{File: raw.File}
	var segs []segment
	for i, sec := range raw.Sections {
		if len(sec.Map) == 0 {
			// A section by URL points at another file, which is not here.
			continue
		}
		m, err := parseMap(sec.Map, depth+1)
		if err != nil {
			return nil, fmt.Errorf("section %d: %w", i, err)
		}
		if sec.Offset.Line < 0 || sec.Offset.Column < 0 {
			return nil, fmt.Errorf("source map: section %d: negative offset", i)
		}
		sub, err := decodeMappings(m.Mappings)
		if err != nil {
			return nil, fmt.Errorf("source map: section %d: %w", i, err)
		}
		for _, s := range sub {
			if s.genLine == 0 {
				s.genCol += sec.Offset.Column
			}
			s.genLine += sec.Offset.Line
			if s.fields >= 4 {
				s.src += len(out.Sources)
			}
			if s.fields == 5 {
				s.name += len(out.Names)
			}
			segs = append(segs, s)
		}
		for _, src := range m.Sources {
			out.Sources = append(out.Sources, joinSourceRoot(m.SourceRoot, src))
		}
		out.SourcesContent = append(out.SourcesContent, m.SourcesContent...)
		out.Names = append(out.Names, m.Names...)
	}
	slices.SortStableFunc(segs, func(a, b segment) int {
		if a.genLine != b.genLine {
			return a.genLine - b.genLine
		}
		return a.genCol - b.genCol
	})
	out.Mappings = encodeMappings(segs)
	return out, nil
}

// stripMapPrefix drops a byte-order mark, leading space and the XSSI
// guard line.
func stripMapPrefix(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	if rest, ok := bytes.CutPrefix(data, []byte(")]}'")); ok {
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[i+1:]
		}
		data = bytes.TrimLeft(rest, " \t\r\n")
	}
	return data
}

// IsSourceMap reports whether a file is a source map: named *.map and
// holding a JSON object, or holding a JSON object with "version" and
// "mappings" (or "sections") keys whatever its name.
func IsSourceMap(path string, data []byte) bool {
	body := stripMapPrefix(data)
	if len(body) == 0 || body[0] != '{' {
		return false
	}
	if strings.HasSuffix(strings.ToLower(path), ".map") {
		return true
	}
	return bytes.Contains(body, []byte(`"version"`)) &&
		(bytes.Contains(body, []byte(`"mappings"`)) || bytes.Contains(body, []byte(`"sections"`)))
}
