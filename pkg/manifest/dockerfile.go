package manifest

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// escapeDirective is the parser directive that changes the escape
// character, `# escape=` followed by a backslash or a backtick (Windows
// images use the backtick).
var escapeDirective = regexp.MustCompile("^#[ \t]*(?i:escape)[ \t]*=[ \t]*([\\\\`])[ \t]*$")

// anyDirective is any parser directive; directives are only read before
// the first instruction, comment or blank line.
var anyDirective = regexp.MustCompile(`^#[ \t]*[A-Za-z]+[ \t]*=`)

// heredocStart finds the here-documents a RUN, COPY or ADD line opens:
// <<EOF, <<-EOF, <<"EOF", <<'EOF'.
var heredocStart = regexp.MustCompile(`<<(-?)(?:"([A-Za-z_][A-Za-z0-9_]*)"|'([A-Za-z_][A-Za-z0-9_]*)'|([A-Za-z_][A-Za-z0-9_]*))`)

// segment is where a piece of a logical line starts: its offset in the
// joined text and its physical line.
type segment struct {
	offset, line int
}

// logicalLine is an instruction joined from its continuation lines.
type logicalLine struct {
	text     string
	segments []segment
}

// lineAt returns the physical line of offset in the logical line.
func (l *logicalLine) lineAt(offset int) int {
	// The first segment after offset; the one before it holds offset.
	i := sort.Search(len(l.segments), func(i int) bool { return l.segments[i].offset > offset })
	return l.segments[max(i-1, 0)].line
}

// readDockerfile reads ENV and ARG instructions, and the build stage
// each is in.
func readDockerfile(src *Source, data []byte) {
	prod := fileProduction(src.File)
	src.Production = prod
	// stage counts the FROM lines read so far; stages[i] is the stage of
	// src.Vars[i].
	stage, stageName := 0, ""
	var stages []int
	add := func(v Var) {
		if stage > 0 {
			v.Stage = stageName
		}
		n := len(src.Vars)
		src.add(v)
		if len(src.Vars) > n {
			stages = append(stages, stage)
		}
	}
	defer func() {
		for i := range src.Vars {
			src.Vars[i].Builder = stages[i] < stage
		}
	}()
	for _, ll := range dockerLines(data) {
		keyword, rest, _ := strings.Cut(strings.TrimLeft(ll.text, " \t"), " ")
		if tab := strings.IndexByte(keyword, '\t'); tab >= 0 {
			keyword, rest = keyword[:tab], keyword[tab+1:]+" "+rest
		}
		keyword = strings.ToUpper(keyword)
		if keyword == "FROM" {
			stage++
			stageName = fromStageName(rest, stage)
			continue
		}
		if keyword != "ENV" && keyword != "ARG" {
			continue
		}
		base := len(ll.text) - len(rest)
		words, err := shellWords(rest, ll.escape)
		if err != "" {
			src.problem(ll.lineAt(base), keyword+": "+err)
			continue
		}
		if len(words) == 0 {
			src.problem(ll.segments[0].line, keyword+" needs at least one argument")
			continue
		}
		if keyword == "ENV" && !strings.Contains(words[0].raw, "=") {
			// The legacy form, ENV KEY value with spaces: one variable,
			// the rest of the line its value.
			var vals []string
			ref := false
			for _, w := range words[1:] {
				vals = append(vals, w.text)
				ref = ref || w.ref
			}
			if words[0].text == "" {
				// ENV "" value: Docker refuses a blank name, and a
				// variable without one would be nobody's finding.
				src.problem(ll.lineAt(base+words[0].start), "ENV: a variable name is empty")
				continue
			}
			if len(words) < 2 {
				src.problem(ll.lineAt(base+words[0].start), "ENV "+words[0].text+" has no value (write ENV KEY=value)")
				continue
			}
			value := strings.Join(vals, " ")
			add(Var{Key: words[0].text, Value: value, Line: ll.lineAt(base + words[0].start),
				Literal: literalValue(value, ref), Scope: "ENV", Production: prod})
			continue
		}
		for _, w := range words {
			key, value, hasValue := strings.Cut(w.text, "=")
			if key == "" {
				src.problem(ll.lineAt(base+w.start), keyword+": a variable name is missing before =")
				continue
			}
			if !hasValue && keyword == "ENV" {
				src.problem(ll.lineAt(base+w.start), "ENV "+key+" has no value (write "+key+"=value)")
				continue
			}
			add(Var{Key: key, Value: value, Line: ll.lineAt(base + w.start),
				Literal: hasValue && literalValue(value, w.ref), Scope: keyword, Production: prod})
		}
	}
}

// fromStageName is the name of the stage a FROM line's arguments (after
// the keyword) start: its AS name, else "stage N".
func fromStageName(args string, n int) string {
	f := strings.Fields(args)
	for i := 0; i+1 < len(f); i++ {
		if strings.EqualFold(f[i], "AS") {
			return f[i+1]
		}
	}
	return fmt.Sprintf("stage %d", n)
}

// literalValue reports whether a Dockerfile value is written in the file:
// not empty and not only references to build arguments or other ENV.
func literalValue(value string, ref bool) bool {
	if value == "" {
		return false
	}
	if !ref {
		return true
	}
	return !isReference(value)
}

// dockerLines splits a Dockerfile into instructions: comments and blank
// lines dropped, continuation lines joined, here-document bodies skipped.
func dockerLines(data []byte) []dockerLine {
	var out []dockerLine
	escape := byte('\\')
	directives := true
	lines := splitLines(data)
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t")
		trimmed := strings.TrimLeft(line, " \t")
		if directives {
			if m := escapeDirective.FindStringSubmatch(trimmed); m != nil {
				escape = m[1][0]
				continue
			}
			if anyDirective.MatchString(trimmed) {
				continue
			}
			directives = false
		}
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		ll := dockerLine{escape: escape}
		ll.segments = []segment{{0, i + 1}}
		var b strings.Builder
		for {
			cont := len(line) > 0 && line[len(line)-1] == escape
			if cont {
				line = line[:len(line)-1]
			}
			b.WriteString(line)
			if !cont {
				break
			}
			// Comment and blank lines inside a continued instruction are
			// dropped, as BuildKit does.
			for i+1 < len(lines) {
				next := strings.TrimLeft(lines[i+1], " \t")
				if next != "" && next[0] != '#' {
					break
				}
				i++
			}
			if i+1 >= len(lines) {
				break
			}
			i++
			line = strings.TrimRight(lines[i], " \t")
			ll.segments = append(ll.segments, segment{b.Len(), i + 1})
		}
		ll.text = b.String()
		out = append(out, ll)
		i = skipHeredocs(ll.text, lines, i)
	}
	return out
}

// dockerLine is a logical Dockerfile line and the escape character in
// force.
type dockerLine struct {
	logicalLine
	escape byte
}

// skipHeredocs returns the index of the last line of the here-documents
// the instruction text opens after line i, or i when it opens none.
func skipHeredocs(text string, lines []string, i int) int {
	keyword, _, _ := strings.Cut(strings.TrimLeft(text, " \t"), " ")
	switch strings.ToUpper(keyword) {
	case "RUN", "COPY", "ADD":
	default:
		return i
	}
	for _, m := range heredocStart.FindAllStringSubmatch(text, -1) {
		word := m[2] + m[3] + m[4]
		for i+1 < len(lines) {
			i++
			body := strings.TrimRight(lines[i], "\r")
			if m[1] == "-" {
				body = strings.TrimLeft(body, "\t")
			}
			if body == word {
				break
			}
		}
	}
	return i
}

// splitLines splits data at LF, dropping a CR before it.
func splitLines(data []byte) []string {
	if len(data) == 0 {
		return nil
	}
	data = bytes.TrimSuffix(data, []byte("\n"))
	parts := strings.Split(string(data), "\n")
	for i, p := range parts {
		parts[i] = strings.TrimSuffix(p, "\r")
	}
	return parts
}
