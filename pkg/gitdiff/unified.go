package gitdiff

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// maxLineKept bounds how much of one diff line is held in memory. Only
// headers are ever looked at beyond their first byte, and no real path is
// this long; an added line of a minified bundle may be megabytes and is
// skipped past, not stored.
const maxLineKept = 64 << 10

// maxLineNumber keeps hunk arithmetic far from integer overflow.
const maxLineNumber = 1 << 30

// ParseUnified reads a unified diff as git writes it (with a/ and b/
// prefixes) and returns the lines it adds. It streams, so memory grows with
// the number of added ranges, not with the size of the diff or of its
// longest line. A malformed hunk is an error naming the diff line.
func ParseUnified(r io.Reader) (Added, error) {
	c, err := ParseChanges(r)
	return c.Added, err
}

// ParseChanges reads a unified diff like ParseUnified and also returns
// where it removed lines.
func ParseChanges(r io.Reader) (Changes, error) {
	p := &parser{out: Added{}, removed: map[string][]int{}}
	lr := &lineReader{br: bufio.NewReaderSize(r, 64<<10)}
	for {
		line, err := lr.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Changes{}, fmt.Errorf("reading diff: %w", err)
		}
		if err := p.line(line); err != nil {
			return Changes{}, fmt.Errorf("diff line %d: %w", lr.n, err)
		}
	}
	if p.oldLeft > 0 || p.newLeft > 0 {
		return Changes{}, fmt.Errorf("diff line %d: diff ends inside a hunk (%d old and %d new lines missing)", lr.n, p.oldLeft, p.newLeft)
	}
	p.out.normalize()
	for f, at := range p.removed {
		slices.Sort(at)
		p.removed[f] = slices.Compact(at)
	}
	return Changes{Added: p.out, Removed: p.removed}, nil
}

// parser follows one file section at a time. file is the head-side path of
// the current section, "" while unknown or when the file was deleted.
type parser struct {
	out Added
	// removed holds, per file, the head lines before which lines were
	// removed.
	removed map[string][]int
	file    string
	deleted bool
	// oldLeft and newLeft count the lines the current hunk still owes; a
	// hunk is over when both are zero. Counting, rather than looking at
	// line prefixes, is what keeps an added line reading "+++ x" or
	// "diff --git" inside a hunk from being taken for a header.
	oldLeft, newLeft int
	newLine          int
}

func (p *parser) line(line []byte) error {
	if p.oldLeft > 0 || p.newLeft > 0 {
		return p.hunkLine(line)
	}
	s := string(line)
	switch {
	case strings.HasPrefix(s, "diff --git "):
		p.deleted = false
		p.file = gitHeaderName(s[len("diff --git "):])
	case strings.HasPrefix(s, "deleted file mode"):
		p.deleted = true
	case strings.HasPrefix(s, "rename to "), strings.HasPrefix(s, "copy to "):
		_, rest, _ := strings.Cut(s, " to ")
		name, err := headerPath(rest)
		if err != nil {
			return err
		}
		p.file = name
	case strings.HasPrefix(s, "+++ "):
		name, err := headerPath(s[len("+++ "):])
		if err != nil {
			return err
		}
		if name == "/dev/null" {
			p.deleted, p.file = true, ""
			break
		}
		p.deleted, p.file = false, strings.TrimPrefix(name, "b/")
	case strings.HasPrefix(s, "Binary files ") && strings.HasSuffix(s, " differ"):
		if p.file == "" && !p.deleted {
			p.file = binaryLineName(s)
		}
		if p.file != "" && !p.deleted {
			p.out.touch(p.file)
		}
	case strings.HasPrefix(s, "@@@"):
		return errors.New("combined diffs of merges are not supported; compare two commits")
	case strings.HasPrefix(s, "@@ "):
		return p.hunkHeader(s)
	}
	// Everything else between hunks (index, mode, similarity, "---",
	// "\ No newline at end of file") says nothing about added lines.
	return nil
}

func (p *parser) hunkLine(line []byte) error {
	kind := byte(' ')
	if len(line) > 0 {
		kind = line[0]
	}
	switch kind {
	case '+':
		if p.newLeft == 0 {
			return errors.New("hunk adds more lines than its header says")
		}
		if p.file != "" && !p.deleted {
			p.out.add(p.file, p.newLine)
		}
		p.newLine++
		p.newLeft--
	case '-':
		if p.oldLeft == 0 {
			return errors.New("hunk removes more lines than its header says")
		}
		if p.file != "" && !p.deleted {
			if at := p.removed[p.file]; len(at) == 0 || at[len(at)-1] != p.newLine {
				p.removed[p.file] = append(at, p.newLine)
			}
		}
		p.oldLeft--
	case ' ':
		// An empty line is a context line whose space an editor trimmed.
		if p.oldLeft == 0 || p.newLeft == 0 {
			return errors.New("hunk has more context lines than its header says")
		}
		p.newLine++
		p.oldLeft--
		p.newLeft--
	case '\\':
		// "\ No newline at end of file" belongs to the line before it.
	default:
		return fmt.Errorf("unexpected line in hunk starting with %q", kind)
	}
	return nil
}

// hunkHeader reads "@@ -a[,b] +c[,d] @@ ...".
func (p *parser) hunkHeader(s string) error {
	rest, ok := strings.CutPrefix(s, "@@ -")
	if !ok {
		return fmt.Errorf("malformed hunk header %q", clip(s))
	}
	old, rest, ok := strings.Cut(rest, " +")
	if !ok {
		return fmt.Errorf("malformed hunk header %q", clip(s))
	}
	nw, _, ok := strings.Cut(rest, " @@")
	if !ok {
		return fmt.Errorf("malformed hunk header %q", clip(s))
	}
	_, oldCount, err := hunkRange(old)
	if err != nil {
		return fmt.Errorf("hunk header %q: %w", clip(s), err)
	}
	start, newCount, err := hunkRange(nw)
	if err != nil {
		return fmt.Errorf("hunk header %q: %w", clip(s), err)
	}
	if newCount > 0 && start < 1 {
		return fmt.Errorf("hunk header %q: new lines start at line %d", clip(s), start)
	}
	p.oldLeft, p.newLeft, p.newLine = oldCount, newCount, start
	if newCount == 0 {
		// A hunk that only removes names the head line it follows.
		p.newLine = start + 1
	}
	return nil
}

// hunkRange reads "start[,count]"; a missing count means one line.
func hunkRange(s string) (start, count int, err error) {
	first, second, hasCount := strings.Cut(s, ",")
	start, err = lineNumber(first)
	if err != nil {
		return 0, 0, err
	}
	count = 1
	if hasCount {
		if count, err = lineNumber(second); err != nil {
			return 0, 0, err
		}
	}
	if start+count > maxLineNumber {
		return 0, 0, fmt.Errorf("line numbers beyond %d", maxLineNumber)
	}
	return start, count, nil
}

func lineNumber(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > maxLineNumber || s == "" || s[0] == '+' {
		return 0, fmt.Errorf("bad line number %q", clip(s))
	}
	return n, nil
}

// headerPath reads the path of a "+++", "rename to" or "copy to" line:
// quoted when git had to escape it, otherwise up to a tab, which git adds
// after names that contain a space.
func headerPath(s string) (string, error) {
	if strings.HasPrefix(s, `"`) {
		name, _, err := unquoteC(s)
		if err != nil {
			return "", fmt.Errorf("quoted path %q: %w", clip(s), err)
		}
		return name, nil
	}
	name, _, _ := strings.Cut(s, "\t")
	return name, nil
}

// gitHeaderName takes the b/ name from "a/NAME b/NAME". Unquoted names may
// hold spaces, which makes the split ambiguous unless both sides are equal;
// when they differ the section is a rename or copy, whose "rename to" line
// comes next and is exact. It returns "" when it cannot tell.
func gitHeaderName(s string) string {
	if strings.HasPrefix(s, `"`) {
		_, rest, err := unquoteC(s)
		if err != nil || !strings.HasPrefix(rest, " ") {
			return ""
		}
		name, err := headerPath(rest[1:])
		if err != nil {
			return ""
		}
		return strings.TrimPrefix(name, "b/")
	}
	if n := len(s) - len("a/ b/"); n > 0 && n%2 == 0 {
		n /= 2
		if strings.HasPrefix(s, "a/") && s[2+n:5+n] == " b/" && s[2:2+n] == s[5+n:] {
			return s[5+n:]
		}
	}
	if strings.HasSuffix(s, `"`) {
		if i := strings.LastIndex(s, ` "b/`); i >= 0 {
			if name, _, err := unquoteC(s[i+1:]); err == nil {
				return strings.TrimPrefix(name, "b/")
			}
		}
		return ""
	}
	if strings.Count(s, " b/") == 1 {
		_, name, _ := strings.Cut(s, " b/")
		return name
	}
	return ""
}

// binaryLineName takes the new name from "Binary files A and B differ",
// used only when no header named the file.
func binaryLineName(s string) string {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "Binary files "), " differ")
	var name string
	if strings.HasSuffix(s, `"`) {
		i := strings.LastIndex(s, ` and "`)
		if i < 0 {
			return ""
		}
		n, _, err := unquoteC(s[i+len(" and "):])
		if err != nil {
			return ""
		}
		name = n
	} else {
		i := strings.LastIndex(s, " and ")
		if i < 0 {
			return ""
		}
		name = s[i+len(" and "):]
	}
	if name == "/dev/null" {
		return ""
	}
	return strings.TrimPrefix(name, "b/")
}

// clip shortens untrusted text quoted in an error message.
func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}
