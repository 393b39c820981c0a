package spec

import (
	"bytes"
	"path"
	"strings"
)

// sniffBytes is how much of a file discovery reads first. The version key
// sits at the top of most documents; generated ones with sorted keys put it
// near the end (Stripe's is on line 40,015), so a file whose head says
// nothing is read whole.
const sniffBytes = 8 << 10

// IsSpec reports whether data looks like an OpenAPI document: a top-level
// openapi or swagger key, in YAML block style or in JSON (or YAML flow
// style), anywhere in data.
func IsSpec(data []byte) bool {
	return sniffKey(data) != ""
}

// sniffKey returns "openapi" or "swagger" when data has that key at the top
// level, and "" otherwise.
func sniffKey(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if first := firstSignificant(data); first == '{' {
		return sniffFlow(data)
	}
	return sniffBlock(data)
}

// firstSignificant returns the first byte that is not blank or part of a
// comment line, or 0.
func firstSignificant(data []byte) byte {
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		t := bytes.TrimLeft(line, " \t\r")
		if len(t) == 0 || t[0] == '#' || bytes.HasPrefix(t, []byte("%")) || bytes.Equal(bytes.TrimSpace(t), []byte("---")) {
			continue
		}
		return t[0]
	}
	return 0
}

// sniffBlock finds the key on an unindented line: in block YAML only
// top-level keys start in column one (block scalars are indented).
func sniffBlock(data []byte) string {
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		if k := versionKey(line); k != "" {
			return k
		}
	}
	return ""
}

// versionKey matches `openapi:` / `swagger:` (optionally quoted) at the start
// of line and returns the key.
func versionKey(line []byte) string {
	for _, k := range [...]string{"openapi", "swagger"} {
		rest, ok := bytes.CutPrefix(line, []byte(k))
		if !ok {
			for _, q := range [...]string{`"`, `'`} {
				if r, ok2 := bytes.CutPrefix(line, []byte(q+k+q)); ok2 {
					rest, ok = r, true
				}
			}
		}
		if !ok {
			continue
		}
		rest = bytes.TrimLeft(rest, " \t")
		if len(rest) > 0 && rest[0] == ':' && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t' || rest[1] == '\r' || rest[1] == '"' || rest[1] == '\'') {
			return k
		}
	}
	return ""
}

// sniffFlow scans a JSON (or YAML flow) object for a key at depth one. It
// tracks strings and nesting only; anything malformed just ends the scan.
func sniffFlow(data []byte) string {
	depth := 0
	expectKey := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case '{':
			depth++
			expectKey = depth == 1
		case '[':
			depth++
			expectKey = false
		case '}', ']':
			depth--
			expectKey = false
			if depth <= 0 {
				return ""
			}
		case ',':
			expectKey = depth == 1
		case '"', '\'':
			end := stringEnd(data, i)
			if end < 0 {
				return ""
			}
			if expectKey {
				if k := flowKey(data[i+1:end], data[end+1:]); k != "" {
					return k
				}
			}
			expectKey = false
			i = end
		case ' ', '\t', '\r', '\n':
		default:
			if expectKey && depth == 1 {
				j := i
				for j < len(data) && data[j] != ':' && data[j] != ',' && data[j] != '}' && data[j] != '\n' {
					j++
				}
				if k := flowKey(bytes.TrimSpace(data[i:j]), data[j:]); k != "" {
					return k
				}
				i = j - 1
			}
			expectKey = false
		}
	}
	return ""
}

// stringEnd returns the index of the quote closing the string opened at
// data[start], or -1.
func stringEnd(data []byte, start int) int {
	q := data[start]
	for j := start + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			return j
		}
	}
	return -1
}

// flowKey returns key when it names a version field and after (what follows
// it) starts with a colon.
func flowKey(key, after []byte) string {
	after = bytes.TrimLeft(after, " \t\r\n")
	if len(after) == 0 || after[0] != ':' {
		return ""
	}
	switch string(key) {
	case "openapi", "swagger":
		return string(key)
	}
	return ""
}

// formatOf names the format a file is written in, for messages: "JSON" for
// a .json file or one that opens with { or [ (unless it is named .yaml or
// .yml), "YAML" otherwise. Both are read by the YAML parser, JSON being
// YAML's flow style, so its errors would otherwise call a JSON file YAML.
func formatOf(name string, data []byte) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".json":
		return "JSON"
	case ".yaml", ".yml":
		return "YAML"
	}
	switch firstSignificant(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) {
	case '{', '[':
		return "JSON"
	}
	return "YAML"
}
