package source

import (
	"fmt"
	"path"
	"strings"
)

// memberName turns an archive member's stored name into a safe relative
// slash path. escapes is set when the stored name is absolute, carries a
// drive letter or climbs with "..": an extractor that trusts it writes
// outside its target folder, which in a deploy artifact is suspicious.
func memberName(raw string) (name string, escapes bool) {
	s := strings.ReplaceAll(raw, `\`, "/")
	if len(s) >= 2 && s[1] == ':' && isLetter(s[0]) {
		s, escapes = s[2:], true
	}
	if strings.HasPrefix(s, "/") {
		escapes = true
	}
	for _, seg := range strings.Split(s, "/") {
		if seg == ".." {
			escapes = true
		}
	}
	name = escapeName(strings.TrimPrefix(path.Clean("/"+s), "/"))
	if name == "" {
		name = "_"
	}
	return name, escapes
}

// escapeName percent-encodes the bytes that would make a display path
// ambiguous or break a report line: "!" separates archive levels, "%"
// starts an escape, and control characters have no business in a name.
func escapeName(s string) string {
	if !strings.ContainsFunc(s, needsEscape) {
		return s
	}
	var b strings.Builder
	for i := range len(s) {
		c := s[i]
		if needsEscape(rune(c)) {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func needsEscape(r rune) bool { return r == '!' || r == '%' || r < 0x20 || r == 0x7f }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// archiveKind is how an archive is opened.
type archiveKind int

const (
	notArchive archiveKind = iota
	zipArchive
	tarArchive
	tgzArchive
)

// archiveKindOf decides by name, as a deploy tool would; the last member
// of a nested display path is what counts.
func archiveKindOf(name string) archiveKind {
	if i := strings.LastIndexByte(name, '!'); i >= 0 {
		name = name[i+1:]
	}
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".zip"), strings.HasSuffix(lower, ".jar"), strings.HasSuffix(lower, ".war"):
		return zipArchive
	case strings.HasSuffix(lower, ".tar"):
		return tarArchive
	case strings.HasSuffix(lower, ".tar.gz"), strings.HasSuffix(lower, ".tgz"):
		return tgzArchive
	}
	return notArchive
}
