package openapi

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/config"
)

// A fixture states its expected findings the way analysistest does: a
// comment `# want "RULE" ...` at the end of the line the finding must be
// reported at, one quoted rule (a regexp matched against the whole rule ID)
// per finding. `"RULE@SEVERITY"` also wants the finding's severity, for
// rules whose severity depends on the route. JSON has no comments, so
// NAME.json has a sibling NAME.json.want with `LINE RULE` rows.

// fixture is one scenario: a root folder, the specs to check in it, and
// the config read from its .launchgate.yml when there is one.
type fixture struct {
	name  string
	root  string
	specs []string
	cfg   *config.Config
	// files hold the fixture's wants, relative to root.
	files []string
}

// expectation is one wanted finding.
type expectation struct {
	file string
	line int
	rule *regexp.Regexp
	text string
	// severity, when set, is the severity the finding must have.
	severity string
}

var wantComment = regexp.MustCompile(`#\s*want\s+(.*)$`)
var wantToken = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

// fixtures lists testdata/openapi: each top-level spec file is a fixture
// of its own; each folder is a fixture whose root spec is openapi.yaml or
// openapi.json, with the folder's .launchgate.yml.
func fixtures(t *testing.T, dir string) []fixture {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []fixture
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() {
			if ext := filepath.Ext(name); ext == ".yaml" || ext == ".yml" || ext == ".json" {
				out = append(out, fixture{name: name, root: dir, specs: []string{name}, cfg: config.Default(), files: []string{name}})
			}
			continue
		}
		out = append(out, folderFixture(t, filepath.Join(dir, name)))
	}
	return out
}

func folderFixture(t *testing.T, dir string) fixture {
	t.Helper()
	f := fixture{name: filepath.Base(dir), root: dir, cfg: config.Default()}
	for _, root := range []string{"openapi.yaml", "openapi.json"} {
		if _, err := os.Stat(filepath.Join(dir, root)); err == nil {
			f.specs = append(f.specs, root)
		}
	}
	if len(f.specs) == 0 {
		t.Fatalf("%s: no openapi.yaml or openapi.json", dir)
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		f.files = append(f.files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if cfgFile := filepath.Join(dir, config.FileName); fileExists(cfgFile) {
		cfg, err := config.Load(cfgFile)
		if err != nil {
			t.Fatalf("%s: %v", cfgFile, err)
		}
		f.cfg = cfg
	}
	return f
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// expectations reads the wants of every file of f.
func expectations(t *testing.T, f fixture) []expectation {
	t.Helper()
	var out []expectation
	for _, name := range f.files {
		if strings.HasSuffix(name, ".want") {
			continue
		}
		path := filepath.Join(f.root, filepath.FromSlash(name))
		if strings.HasSuffix(name, ".json") {
			out = append(out, wantFile(t, path+".want", name)...)
			continue
		}
		out = append(out, wantComments(t, path, name)...)
	}
	return out
}

func wantComments(t *testing.T, path, name string) []expectation {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []expectation
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		m := wantComment.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		toks := wantToken.FindAllStringSubmatch(m[1], -1)
		if len(toks) == 0 {
			t.Fatalf("%s:%d: # want needs one or more quoted rule IDs", name, line)
		}
		for _, tok := range toks {
			rule, severity, _ := strings.Cut(tok[1], "@")
			out = append(out, expectation{file: name, line: line, rule: anchored(t, rule), text: tok[1], severity: severity})
		}
	}
	return out
}

func wantFile(t *testing.T, path, name string) []expectation {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []expectation
	for i, row := range strings.Split(string(data), "\n") {
		row = strings.TrimSpace(row)
		if row == "" || strings.HasPrefix(row, "#") {
			continue
		}
		fields := strings.Fields(row)
		line, err := strconv.Atoi(fields[0])
		if len(fields) != 2 || err != nil {
			t.Fatalf("%s:%d: want LINE RULE", path, i+1)
		}
		out = append(out, expectation{file: name, line: line, rule: anchored(t, fields[1]), text: fields[1]})
	}
	return out
}

func anchored(t *testing.T, expr string) *regexp.Regexp {
	t.Helper()
	re, err := regexp.Compile("^(?:" + expr + ")$")
	if err != nil {
		t.Fatalf("want %q: %v", expr, err)
	}
	return re
}

// runFixture runs the check over f and returns its reports.
func runFixture(t *testing.T, f fixture) []check.Report {
	t.Helper()
	target := &check.Target{Root: f.root, Specs: f.specs, Config: f.cfg}
	var got []check.Report
	if err := New().Run(context.Background(), target, func(r check.Report) { got = append(got, r) }); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return got
}

// matchExpectations fails t for every report no want covers and every want
// no report meets, consuming one want per report.
func matchExpectations(t *testing.T, got []check.Report, wants []expectation) {
	t.Helper()
	c := loadCatalog(t)
	used := make([]bool, len(wants))
	for _, r := range got {
		i := -1
		for j, w := range wants {
			if !used[j] && w.file == r.File && w.line == r.Line && w.rule.MatchString(r.Rule) {
				i = j
				break
			}
		}
		if i < 0 {
			t.Errorf("%s:%d: unexpected %s: %s", r.File, r.Line, r.Rule, r.Message)
			continue
		}
		used[i] = true
		checkReportShape(t, r)
		if s := severityOf(c, r).String(); wants[i].severity != "" && s != wants[i].severity {
			t.Errorf("%s:%d: %s is %s, want %s: %s", r.File, r.Line, r.Rule, s, wants[i].severity, r.Message)
		}
	}
	for i, w := range wants {
		if !used[i] {
			t.Errorf("%s:%d: no finding matched %q", w.file, w.line, w.text)
		}
	}
}

// checkReportShape holds every report to what reporters rely on.
func checkReportShape(t *testing.T, r check.Report) {
	t.Helper()
	where := fmt.Sprintf("%s:%d: %s", r.File, r.Line, r.Rule)
	switch {
	case r.Message == "":
		t.Errorf("%s: empty message", where)
	case r.Key == "":
		t.Errorf("%s: empty key", where)
	case r.EndLine != 0 && r.EndLine < r.Line:
		t.Errorf("%s: EndLine %d before Line", where, r.EndLine)
	}
}

func TestFixtures(t *testing.T) {
	for _, f := range fixtures(t, filepath.Join("..", "..", "..", "testdata", "openapi")) {
		t.Run(f.name, func(t *testing.T) {
			matchExpectations(t, runFixture(t, f), expectations(t, f))
		})
	}
}
