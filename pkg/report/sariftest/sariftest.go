// Package sariftest checks SARIF in tests: against the SARIF 2.1.0 schema
// that sits beside the repository, and against GitHub's upload rules.
package sariftest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const schemaRel = "shared/sarif/sarif-schema-2.1.0.json"

// Schema compiles the SARIF 2.1.0 schema that sits next to the
// repository root. It fails rather than skips when the file is missing:
// CI always has it, and a skipped validation would hide broken output.
func Schema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		path := filepath.Join(dir, schemaRel)
		if _, err := os.Stat(path); err == nil {
			c := jsonschema.NewCompiler()
			sch, err := c.Compile(path)
			if err != nil {
				t.Fatalf("compiling %s: %v", path, err)
			}
			return sch
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("%s not found in any parent of the package directory", schemaRel)
		}
		dir = parent
	}
}

// Doc is the part of a SARIF log the GitHub checks below read.
type Doc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []Rule `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		AutomationDetails *struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		Invocations []struct {
			ToolExecutionNotifications []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []Result `json:"results"`
	} `json:"runs"`
}

// Rule is one rule of a run's driver as Doc decodes it.
type Rule struct {
	ID         string         `json:"id"`
	Name       string         `json:"name"`
	Properties map[string]any `json:"properties"`
}

// Result is one SARIF result as Doc decodes it.
type Result struct {
	RuleID    string `json:"ruleId"`
	RuleIndex *int   `json:"ruleIndex"`
	Level     string `json:"level"`
	Message   struct {
		Text string `json:"text"`
	} `json:"message"`
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Region struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
			} `json:"region"`
		} `json:"physicalLocation"`
	} `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification"`
	} `json:"suppressions"`
	Properties map[string]any `json:"properties"`
}

// Check validates data against the schema and GitHub's upload rules
// and returns it decoded; it must hold exactly one run.
func Check(t testing.TB, sch *jsonschema.Schema, data []byte) *Doc {
	t.Helper()
	doc := CheckRuns(t, sch, data)
	if len(doc.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(doc.Runs))
	}
	return doc
}

// GitHub's limits on one SARIF upload.
const (
	maxRuns          = 20
	maxResultsPerRun = 25_000
)

// CheckRuns validates data, which may hold several runs, against the
// schema and GitHub's upload rules: at most 20 runs and 25,000 results a
// run, and, with more than one run, a distinct automationDetails.id for
// each (code scanning rejects two runs of one tool and category).
func CheckRuns(t testing.TB, sch *jsonschema.Schema, data []byte) *Doc {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF fails the 2.1.0 schema: %v", err)
	}
	var doc Doc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) == 0 || len(doc.Runs) > maxRuns {
		t.Fatalf("got %d runs, want 1 to %d", len(doc.Runs), maxRuns)
	}
	ids := map[string]bool{}
	for r := range doc.Runs {
		run := &doc.Runs[r]
		if len(doc.Runs) > 1 {
			if run.AutomationDetails == nil || run.AutomationDetails.ID == "" {
				t.Errorf("run %d of %d has no automationDetails.id", r, len(doc.Runs))
			} else if ids[run.AutomationDetails.ID] {
				t.Errorf("run %d repeats automationDetails.id %q", r, run.AutomationDetails.ID)
			} else {
				ids[run.AutomationDetails.ID] = true
			}
		}
		if len(run.Results) > maxResultsPerRun {
			t.Errorf("run %d has %d results, over %d", r, len(run.Results), maxResultsPerRun)
		}
		checkRun(t, run.Tool.Driver.Rules, run.Results)
	}
	return &doc
}

// checkRun checks one run's rules and results.
func checkRun(t testing.TB, rules []Rule, results []Result) {
	t.Helper()
	for _, rule := range rules {
		score, ok := rule.Properties["security-severity"].(string)
		if !ok {
			t.Errorf("rule %s: security-severity is %v, want a numeric string", rule.ID, rule.Properties["security-severity"])
		} else if _, err := strconv.ParseFloat(score, 64); err != nil {
			t.Errorf("rule %s: security-severity %q is not a number", rule.ID, score)
		}
		tags, _ := rule.Properties["tags"].([]any)
		hasSecurity := false
		for _, tag := range tags {
			hasSecurity = hasSecurity || tag == "security"
		}
		if !hasSecurity {
			t.Errorf("rule %s: tags %v lack \"security\"", rule.ID, tags)
		}
	}
	for i, res := range results {
		if res.RuleIndex == nil || *res.RuleIndex < 0 || *res.RuleIndex >= len(rules) {
			t.Fatalf("result %d: ruleIndex %v out of range", i, res.RuleIndex)
		}
		if got := rules[*res.RuleIndex].ID; got != res.RuleID {
			t.Errorf("result %d: ruleIndex points at %s, ruleId is %s", i, got, res.RuleID)
		}
		if len(res.Locations) == 0 {
			t.Errorf("result %d: no location", i)
		}
		for _, loc := range res.Locations {
			if strings.Contains(loc.PhysicalLocation.ArtifactLocation.URI, `\`) {
				t.Errorf("result %d: uri %q has a backslash", i, loc.PhysicalLocation.ArtifactLocation.URI)
			}
			if loc.PhysicalLocation.Region.StartLine < 1 {
				t.Errorf("result %d: startLine %d < 1", i, loc.PhysicalLocation.Region.StartLine)
			}
		}
		if res.PartialFingerprints["primaryLocationLineHash"] == "" {
			t.Errorf("result %d: no primaryLocationLineHash", i)
		}
	}
}
