package action_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/launchgate/launchgate/pkg/action"
)

// These tests hold action.yml, the entrypoint, the README and the workflow
// files to one another: an input added in one place and forgotten in another
// is caught here rather than by a user whose setting is silently ignored.

// repoRoot is where action.yml lives, seen from this package's folder.
const repoRoot = "../.."

type actionMetadata struct {
	Inputs  map[string]actionInput  `yaml:"inputs"`
	Outputs map[string]actionOutput `yaml:"outputs"`
	Runs    struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionInput struct {
	Description string `yaml:"description"`
	Required    bool   `yaml:"required"`
}

type actionOutput struct {
	Description string `yaml:"description"`
	Value       string `yaml:"value"`
}

type actionStep struct {
	ID    string            `yaml:"id"`
	Name  string            `yaml:"name"`
	Uses  string            `yaml:"uses"`
	Run   string            `yaml:"run"`
	Shell string            `yaml:"shell"`
	Env   map[string]string `yaml:"env"`
}

func loadAction(t *testing.T) actionMetadata {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatalf("read action.yml: %v", err)
	}
	var meta actionMetadata
	if err := yaml.Unmarshal(data, &meta); err != nil {
		t.Fatalf("parse action.yml: %v", err)
	}
	if meta.Runs.Using != "composite" {
		t.Fatalf("action.yml runs.using = %q, want composite", meta.Runs.Using)
	}
	if len(meta.Inputs) == 0 || len(meta.Outputs) == 0 {
		t.Fatalf("action.yml has %d inputs and %d outputs; want both", len(meta.Inputs), len(meta.Outputs))
	}
	return meta
}

// entrypointStep is the one step that hands INPUT_* to `launchgate action`.
func entrypointStep(t *testing.T, meta actionMetadata) actionStep {
	t.Helper()
	var found []actionStep
	for _, s := range meta.Runs.Steps {
		for k := range s.Env {
			if strings.HasPrefix(k, "INPUT_") {
				found = append(found, s)
				break
			}
		}
	}
	if len(found) != 1 {
		t.Fatalf("action.yml has %d steps with INPUT_* env; want exactly one", len(found))
	}
	step := found[0]
	if !regexp.MustCompile(`(?m)^\s*"\$\w+"\s+action\s*$`).MatchString(step.Run) {
		t.Fatalf("step %q does not run `launchgate action`:\n%s", step.ID, step.Run)
	}
	return step
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// missingFrom returns the names in want that are not in have.
func missingFrom(want, have []string) []string {
	var out []string
	for _, w := range want {
		if !slices.Contains(have, w) {
			out = append(out, w)
		}
	}
	return out
}

func TestActionInputsMatchEntrypoint(t *testing.T) {
	meta := loadAction(t)
	declared := sortedKeys(meta.Inputs)
	read := slices.Sorted(slices.Values(action.InputNames()))
	if m := missingFrom(declared, read); len(m) > 0 {
		t.Errorf("action.yml declares inputs the entrypoint does not read: %v", m)
	}
	if m := missingFrom(read, declared); len(m) > 0 {
		t.Errorf("the entrypoint reads inputs action.yml does not declare: %v", m)
	}
	for _, name := range declared {
		if strings.TrimSpace(meta.Inputs[name].Description) == "" {
			t.Errorf("input %q has no description", name)
		}
		if name != strings.ToLower(name) || strings.Contains(name, "_") {
			t.Errorf("input %q is not kebab-case", name)
		}
	}
}

func TestActionPassesEveryInputToEntrypoint(t *testing.T) {
	meta := loadAction(t)
	step := entrypointStep(t, meta)
	for _, name := range sortedKeys(meta.Inputs) {
		t.Run(name, func(t *testing.T) {
			key := "INPUT_" + strings.ToUpper(name)
			got, ok := step.Env[key]
			if !ok {
				t.Fatalf("step %q env has no %s", step.ID, key)
			}
			if want := "${{ inputs." + name + " }}"; got != want {
				t.Errorf("%s = %q, want %q", key, got, want)
			}
		})
	}
	for key := range step.Env {
		if !strings.HasPrefix(key, "INPUT_") {
			continue
		}
		name := strings.ToLower(strings.TrimPrefix(key, "INPUT_"))
		if _, ok := meta.Inputs[name]; !ok {
			t.Errorf("step %q sets %s but action.yml has no input %q", step.ID, key, name)
		}
	}
}

func TestActionOutputsComeFromEntrypoint(t *testing.T) {
	meta := loadAction(t)
	step := entrypointStep(t, meta)
	if step.ID == "" {
		t.Fatal("the entrypoint step has no id, so its outputs cannot be referenced")
	}
	for _, name := range sortedKeys(meta.Outputs) {
		want := "${{ steps." + step.ID + ".outputs." + name + " }}"
		if got := meta.Outputs[name].Value; got != want {
			t.Errorf("output %q value = %q, want %q", name, got, want)
		}
		if strings.TrimSpace(meta.Outputs[name].Description) == "" {
			t.Errorf("output %q has no description", name)
		}
	}
}

func TestActionRunStepsUseBash(t *testing.T) {
	meta := loadAction(t)
	runs := 0
	for i, s := range meta.Runs.Steps {
		if s.Run == "" {
			continue
		}
		runs++
		// bash is the one shell present on Linux, macOS and Windows runners.
		if s.Shell != "bash" {
			t.Errorf("step %d (%s) has shell %q, want bash", i, s.Name, s.Shell)
		}
	}
	if runs == 0 {
		t.Error("action.yml has no run steps")
	}
}

// readmeActionTables returns the backquoted first cells of the tables under
// "### Inputs" and "### Outputs" in README.md's "## GitHub Action" section.
func readmeActionTables(t *testing.T) (inputs, outputs []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatalf("read README.md: %v", err)
	}
	cell := regexp.MustCompile("^\\|\\s*`([^`]+)`\\s*\\|")
	inSection, found := false, false
	var table *[]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			inSection = strings.TrimSpace(line) == "## GitHub Action"
			found = found || inSection
			table = nil
		case !inSection:
		case strings.HasPrefix(line, "### "):
			switch strings.TrimSpace(strings.TrimPrefix(line, "### ")) {
			case "Inputs":
				table = &inputs
			case "Outputs":
				table = &outputs
			default:
				table = nil
			}
		case table != nil:
			if m := cell.FindStringSubmatch(line); m != nil {
				*table = append(*table, m[1])
			}
		}
	}
	if !found {
		t.Fatal(`README.md has no "## GitHub Action" section`)
	}
	return inputs, outputs
}

func TestReadmeDocumentsActionInputsAndOutputs(t *testing.T) {
	meta := loadAction(t)
	docInputs, docOutputs := readmeActionTables(t)
	tests := []struct {
		name       string
		declared   []string
		documented []string
	}{
		{"inputs", sortedKeys(meta.Inputs), docInputs},
		{"outputs", sortedKeys(meta.Outputs), docOutputs},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if m := missingFrom(tc.declared, tc.documented); len(m) > 0 {
				t.Errorf("README.md's GitHub Action %s table lacks %v", tc.name, m)
			}
			if m := missingFrom(tc.documented, tc.declared); len(m) > 0 {
				t.Errorf("README.md documents %s action.yml does not have: %v", tc.name, m)
			}
		})
	}
}

var (
	shaRef     = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\s]+)?@[0-9a-f]{40}$`)
	versionTag = regexp.MustCompile(`^#\s*v\d+\.\d+\.\d+$`)
)

// pinProblem says what is wrong with a `uses:` value and its line comment,
// or returns "" for a reference that cannot move under the workflow.
func pinProblem(uses, comment string) string {
	switch {
	case strings.HasPrefix(uses, "./"):
		return ""
	case strings.HasPrefix(uses, "docker://"):
		if strings.Contains(uses, "@sha256:") {
			return ""
		}
		return "docker image not pinned by digest"
	case !shaRef.MatchString(uses):
		return "not pinned to a full 40-hex commit SHA"
	case !versionTag.MatchString(strings.TrimSpace(comment)):
		return "pinned, but without a `# vX.Y.Z` comment naming the release"
	}
	return ""
}

func TestPinProblem(t *testing.T) {
	tests := []struct {
		name, uses, comment string
		ok                  bool
	}{
		{"sha with version", "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "# v4.2.2", true},
		{"subpath action", "github/codeql-action/upload-sarif@ff0a06e83cb2de871e5a09832bc6a81e7276941f", "# v3.28.18", true},
		{"local action", "./", "", true},
		{"local subfolder", "./.github/actions/setup", "", true},
		{"docker digest", "docker://alpine@sha256:0123", "", true},
		{"major tag", "actions/checkout@v4", "", false},
		{"branch", "actions/checkout@main", "", false},
		{"short sha", "actions/checkout@11bd719", "# v4.2.2", false},
		{"uppercase sha", "actions/checkout@11BD71901BBE5B1630CEEA73D27597364C9AF683", "# v4.2.2", false},
		{"sha without comment", "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "", false},
		{"sha with major-only comment", "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "# v4", false},
		{"docker tag", "docker://alpine:3.20", "", false},
		{"no ref", "actions/checkout", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := pinProblem(tc.uses, tc.comment)
			if (got == "") != tc.ok {
				t.Errorf("pinProblem(%q, %q) = %q, want ok=%v", tc.uses, tc.comment, got, tc.ok)
			}
		})
	}
}

// usesNodes collects every `uses:` value in a YAML document with its line
// comment, wherever it sits (steps, reusable-workflow jobs, composite steps).
func usesNodes(n *yaml.Node, out *[]*yaml.Node) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k, v := n.Content[i], n.Content[i+1]; k.Value == "uses" && v.Kind == yaml.ScalarNode {
				*out = append(*out, v)
			}
		}
	}
	for _, c := range n.Content {
		usesNodes(c, out)
	}
}

func TestWorkflowActionsArePinned(t *testing.T) {
	files := []string{filepath.Join(repoRoot, "action.yml")}
	for _, pattern := range []string{".github/workflows/*.yml", "docs/workflows/*.yml"} {
		m, err := filepath.Glob(filepath.Join(repoRoot, pattern))
		if err != nil {
			t.Fatal(err)
		}
		if len(m) == 0 {
			t.Errorf("no files match %s", pattern)
		}
		files = append(files, m...)
	}
	for _, file := range files {
		rel, _ := filepath.Rel(repoRoot, file)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(data, &doc); err != nil {
				t.Fatalf("parse: %v", err)
			}
			var uses []*yaml.Node
			usesNodes(&doc, &uses)
			for _, u := range uses {
				if p := pinProblem(u.Value, u.LineComment); p != "" {
					t.Errorf("%s:%d: uses: %s — %s", filepath.ToSlash(rel), u.Line, u.Value, p)
				}
			}
		})
	}
}
