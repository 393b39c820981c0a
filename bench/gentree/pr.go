package main

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// prAddedLines is the size of the pull request the pr data set models.
const prAddedLines = 5000

// prEdit is one file changed by the pull request, held as lines.
type prEdit struct {
	path  string
	lang  lang
	lines []string
	isNew bool
}

// genPR writes a git repository under dir: a base commit holding a mixed
// tree of about size bytes, and a head commit that adds or changes about
// 5,000 lines in about 60 files, moves two blocks between files (one of
// them holding a secret already on base) and adds new secrets. Tags base
// and head name the range. The manifest stays untracked.
func genPR(ctx context.Context, dir string, seed uint64, size int64) (*manifest, error) {
	specs := planTree(seed, size)
	old, total, err := writeFiles(ctx, dir, seed, specs)
	if err != nil {
		return nil, err
	}
	if err := gitInit(ctx, dir); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, ".git", "info", "exclude"), []byte("/"+manifestName+"\n"), 0o644); err != nil {
		return nil, err
	}
	if err := gitCommitAll(ctx, dir, "Portal monorepo", 0); err != nil {
		return nil, err
	}
	if _, err := git(ctx, dir, 0, "tag", "base"); err != nil {
		return nil, err
	}
	for i := range old {
		old[i].Expect = false
		old[i].Note = "already on base"
	}

	g := newGen(seed, 1<<32)
	p := &prPlan{dir: dir, g: g, edits: map[string]*prEdit{}}
	if err := p.pickCandidates(specs); err != nil {
		return nil, err
	}
	fresh, err := p.build(old)
	if err != nil {
		return nil, err
	}
	if err := p.write(); err != nil {
		return nil, err
	}
	if err := gitCommitAll(ctx, dir, "Add invoice exports and partner webhooks", 1); err != nil {
		return nil, err
	}
	if _, err := git(ctx, dir, 1, "tag", "head"); err != nil {
		return nil, err
	}
	added, err := addedLines(ctx, dir, "base", "head")
	if err != nil {
		return nil, err
	}
	secrets := append(old, fresh...)
	sort.Slice(secrets, func(i, j int) bool { return secrets[i].File < secrets[j].File })
	for i := range secrets {
		secrets[i].ID = fmt.Sprintf("%s-%d", secrets[i].Type, i+1)
	}
	m := &manifest{Kind: "pr", Seed: seed, Files: len(specs), Bytes: total, Secrets: secrets,
		Base: "base", Head: "head", AddedLines: added, ChangedFiles: len(p.edits)}
	return m, writeManifest(dir, m)
}

// prPlan builds the head commit's changes.
type prPlan struct {
	dir        string
	g          *gen
	candidates []string // code files on base without a planted secret
	edits      map[string]*prEdit
	added      int
}

func (p *prPlan) pickCandidates(specs []fileSpec) error {
	for _, s := range specs {
		if s.shape != shapeText || s.plant != "" || s.size > 60<<10 {
			continue
		}
		if l, ok := langOf(s.path); ok && l <= langJava {
			p.candidates = append(p.candidates, s.path)
		}
	}
	if len(p.candidates) < 80 {
		return fmt.Errorf("the base tree has %d code files; a pr data set needs at least 80 (raise -size)", len(p.candidates))
	}
	p.g.r.Shuffle(len(p.candidates), func(i, j int) { p.candidates[i], p.candidates[j] = p.candidates[j], p.candidates[i] })
	return nil
}

// take returns the next unused candidate, loaded, preferring language want
// when want is not negative.
func (p *prPlan) take(want lang) (*prEdit, error) {
	for i, c := range p.candidates {
		l, _ := langOf(c)
		if want >= 0 && l != want {
			continue
		}
		p.candidates = append(p.candidates[:i:i], p.candidates[i+1:]...)
		return p.load(c)
	}
	return nil, fmt.Errorf("no base file left to change for language %d", want)
}

func (p *prPlan) load(rel string) (*prEdit, error) {
	if e, ok := p.edits[rel]; ok {
		return e, nil
	}
	b, err := os.ReadFile(filepath.Join(p.dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	l, _ := langOf(rel)
	e := &prEdit{path: rel, lang: l, lines: strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")}
	p.edits[rel] = e
	return e, nil
}

// blankNearMiddle returns the index after a blank line near the middle of
// e, where a new block reads as a new declaration.
func (p *prPlan) blankNearMiddle(e *prEdit) int {
	for i := len(e.lines) / 2; i < len(e.lines); i++ {
		if e.lines[i] == "" {
			return i + 1
		}
	}
	return len(e.lines)
}

func (e *prEdit) insert(at int, lines []string) {
	tail := append([]string(nil), e.lines[at:]...)
	e.lines = append(append(e.lines[:at], lines...), tail...)
}

// build plans every change and returns the secrets the head commit adds.
func (p *prPlan) build(old []planted) ([]planted, error) {
	g := p.g
	// The two moves: a base secret with the block under it, and a plain
	// block of code. Neither is new code.
	for i := range old {
		if old[i].Type != kindAWS || path.Ext(old[i].File) != ".py" {
			continue
		}
		if err := p.move(&old[i], langPython); err != nil {
			return nil, err
		}
	}
	if err := p.move(nil, langGo); err != nil {
		return nil, err
	}
	var fresh []planted
	plant := func(e *prEdit, at int, kind string) {
		v := newSecret(g, kind)
		stmt := secretStatement(e.lang, kind, v)
		e.insert(at, []string{stmt, ""})
		p.added += 2
		fresh = append(fresh, planted{Type: kind, File: e.path, Line: at + 1, Column: strings.Index(stmt, v) + 1, Expect: true, SHA256: hashValue(v), Note: "added in head"})
	}
	// Twenty new files, two of them with a secret.
	newLangs := []lang{langGo, langTS, langPython, langJava, langYAML}
	for i := range 20 {
		l := newLangs[i%len(newLangs)]
		t := writeTextLines(g, l, g.between(100, 150))
		e := &prEdit{path: newPath(g, l, i), lang: l, lines: t.lines, isNew: true}
		p.edits[e.path] = e
		p.added += len(t.lines)
		switch i {
		case 2:
			plant(e, t.middleCut(g), kindAWS)
		case 4:
			plant(e, t.middleCut(g), kindSlack)
		}
	}
	// Blocks inserted into existing files until the pull request reaches
	// its size; every third file also gets an edited line.
	for n := 0; p.added < prAddedLines; n++ {
		e, err := p.take(-1)
		if err != nil {
			return nil, err
		}
		block := writeLines(g, e.lang, g.between(40, 90))
		at := p.blankNearMiddle(e)
		e.insert(at, append(block, ""))
		p.added += len(block) + 1
		below := at + len(block) + 1
		switch n {
		case 0:
			plant(e, at, kindStripe)
			below += 2
		case 1:
			plant(e, at, kindGitHub)
			below += 2
		}
		if n%3 == 0 {
			p.added += editLiteral(g, e, below)
		}
	}
	return fresh, nil
}

// move cuts a block from one base file into another. When s is not nil the
// block starts at that planted secret and s follows it to its new place.
func (p *prPlan) move(s *planted, l lang) error {
	var from *prEdit
	var start int
	var err error
	if s != nil {
		from, err = p.load(s.File)
		start = s.Line - 1
	} else {
		from, err = p.take(l)
		start = p.blankNearMiddle(from)
	}
	if err != nil {
		return err
	}
	end := min(start+6, len(from.lines))
	for end < len(from.lines) && (from.lines[end] != "" || end-start < 12) {
		end++
	}
	block := append([]string(nil), from.lines[start:end]...)
	from.lines = append(from.lines[:start], from.lines[end:]...)
	to, err := p.take(l)
	if err != nil {
		return err
	}
	at := p.blankNearMiddle(to)
	to.insert(at, append(block, ""))
	p.added += len(block) + 1
	if s != nil {
		s.Note = fmt.Sprintf("already on base at %s:%d; head moves the line to this file", s.File, s.Line)
		s.File, s.Line = to.path, at+1
	}
	return nil
}

// editLiteral rewrites the first string literal at or below line index at,
// in base code, the small edit a review sees most often, and returns the
// number of lines it changed.
func editLiteral(g *gen, e *prEdit, at int) int {
	for i := at; i < len(e.lines); i++ {
		l := e.lines[i]
		a := strings.IndexByte(l, '"')
		if a < 0 {
			continue
		}
		b := strings.IndexByte(l[a+1:], '"')
		if b < 0 || strings.Contains(l[a+1:a+1+b], "\\") {
			continue
		}
		e.lines[i] = l[:a+1] + g.sentence(2, 5) + l[a+1+b:]
		return 1
	}
	return 0
}

func newPath(g *gen, l lang, i int) string {
	switch l {
	case langGo:
		return fmt.Sprintf("services/%s/internal/exports/%s_%d.go", g.pick(services), g.snake(), i)
	case langTS:
		return fmt.Sprintf("web/portal/src/exports/%s%d.ts", g.pascal(), i)
	case langPython:
		return fmt.Sprintf("workers/webhooks/partner/%s_%d.py", g.snake(), i)
	case langJava:
		return fmt.Sprintf("billing/exports/src/main/java/com/acme/portal/exports/%s%dController.java", g.pascal(), i)
	}
	return fmt.Sprintf("deploy/k8s/webhooks/%s_%d.yaml", g.snake(), i)
}

func (p *prPlan) write() error {
	for _, e := range p.edits {
		full := filepath.Join(p.dir, filepath.FromSlash(e.path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(strings.Join(e.lines, "\n")+"\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// addedLines sums what `git diff --numstat` counts as added in a range.
func addedLines(ctx context.Context, dir, base, head string) (int, error) {
	out, err := git(ctx, dir, 1, "diff", "--numstat", base, head)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		n, err := strconv.Atoi(f[0])
		if err != nil {
			continue // binary files show "-"
		}
		total += n
	}
	return total, nil
}
