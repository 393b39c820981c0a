package checktest

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// wantComment is an expectation at the end of the line it is about; a
// block comment's closer may follow it.
var wantComment = regexp.MustCompile(`(?:#|//|;)\s*want((?:\s+"[^"]+")+)\s*(?:\*/|-->)?\s*$`)

var wantRule = regexp.MustCompile(`"([^"]+)"`)

// Select narrows what Wants collects. The zero value collects everything.
type Select struct {
	// Rule keeps the expectations of the rules it returns true for; nil
	// keeps all.
	Rule func(rule string) bool
	// SkipComments names the files whose want comments are not read, for
	// formats where a trailing "#" may be part of the value; their
	// expectations belong in a NAME.want file. Nil reads every file.
	SkipComments func(name string) bool
}

// Only keeps the expectations of rules.
func Only(rules []string) func(rule string) bool {
	return func(rule string) bool { return slices.Contains(rules, rule) }
}

// Wants collects the expectations of every file in files, as sorted
// "file:line rule" strings.
func Wants(t testing.TB, files Files, sel Select) []string {
	t.Helper()
	var want []string
	add := func(file string, line int, rule string) {
		if sel.Rule == nil || sel.Rule(rule) {
			want = append(want, fmt.Sprintf("%s:%d %s", file, line, rule))
		}
	}
	for _, name := range files.Files() {
		data, err := files.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		target, isWant := strings.CutSuffix(name, ".want")
		if !isWant && sel.SkipComments != nil && sel.SkipComments(name) {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if isWant {
				line = strings.TrimSpace(line)
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				num, rule, ok := strings.Cut(line, " ")
				ln, err := strconv.Atoi(num)
				if !ok || err != nil {
					t.Fatalf("%s:%d: want LINE RULE, got %q", name, n, line)
				}
				add(target, ln, strings.TrimSpace(rule))
				continue
			}
			m := wantComment.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, r := range wantRule.FindAllStringSubmatch(m[1], -1) {
				add(name, n, r[1])
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	slices.Sort(want)
	return want
}
