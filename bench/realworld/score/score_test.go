package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const report = `{"findings": [
 {"rule_id": "openapi/operation-without-auth", "severity": "high", "file": "api.yaml", "line": 10},
 {"rule_id": "openapi/operation-without-auth", "severity": "high", "file": "api.yaml", "line": 10},
 {"rule_id": "secret/generic-api-key", "severity": "medium", "file": "seed.php", "line": 3},
 {"rule_id": "env/weak-secret", "severity": "critical", "file": "compose.yml", "line": 7},
 {"rule_id": "env/local-url", "severity": "medium", "file": ".env", "line": 2},
 {"rule_id": "cors/allow-all-origins", "severity": "low", "file": "cors.php", "line": 1},
 {"rule_id": "debug/flask-debug-run", "severity": "high", "file": "app.py", "line": 4, "suppressed": true}
]}`

const labelRows = "# comment\n" +
	"TRUE\topenapi/operation-without-auth\tapi.yaml:10\tlists invoices without auth\n" +
	"FALSE\tsecret/generic-api-key\tseed.php:3\tgateway type key\n" +
	"FALSE\tenv/weak-secret\tcompose.yml:7\tlocal compose\n" +
	"MISSED\t-\t.env:2\tlocalhost callback\n" +
	"MISSED\topenapi/object-without-ownership-check\tapi.yaml:40\tGET /invoices/{id}\n"

func TestScoreCountsVerdictsBySeverity(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"repos.tsv":          "# corpus\nname\trepository\ncorp\to/r\n",
		"labels/corp.tsv":    labelRows,
		"results/corp.json":  report,
		"results/corp.time":  "Command exited with non-zero status 1\n2.50 102400\n",
		"results/corp.rc":    "1\n",
		"results/other.json": report,
	})
	var out, errs bytes.Buffer
	code := run([]string{"-repos", filepath.Join(dir, "repos.tsv"), "-labels", filepath.Join(dir, "labels"), "-results", filepath.Join(dir, "results")}, &out, &errs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	var row []string
	for _, line := range strings.Split(out.String(), "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == "corp" {
			row = f
		}
	}
	// blocking: two TRUE (one place, two findings) and one FALSE; medium+
	// adds the FALSE generic key and an unlabelled local URL; the low and
	// the suppressed finding are not counted. One MISSED row is now found.
	want := []string{"corp", "3", "2", "1", "0", "67%", "5", "2", "2", "1", "50%", "2", "1", "2.50", "100", "1"}
	if strings.Join(row, " ") != strings.Join(want, " ") {
		t.Fatalf("row\n got %q\nwant %q\n%s", row, want, out.String())
	}
	if strings.Contains(out.String(), "other") {
		t.Errorf("a result not in repos.tsv was scored:\n%s", out.String())
	}
}

func TestTriageListsEachUnlabelledPlaceOnce(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"repos.tsv":         "corp\to/r\n",
		"labels/corp.tsv":   "TRUE\topenapi/operation-without-auth\tapi.yaml:10\treason\n",
		"results/corp.json": report,
	})
	var out, errs bytes.Buffer
	if code := run([]string{"-triage", "-repos", filepath.Join(dir, "repos.tsv"), "-labels", filepath.Join(dir, "labels"), "-results", filepath.Join(dir, "results")}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	want := "corp\t?\tsecret/generic-api-key\tseed.php:3\tmedium: \n" +
		"corp\t?\tenv/weak-secret\tcompose.yml:7\tcritical: \n" +
		"corp\t?\tenv/local-url\t.env:2\tmedium: \n"
	if out.String() != want {
		t.Fatalf("triage\n got %q\nwant %q", out.String(), want)
	}
}

func TestLabelErrors(t *testing.T) {
	for _, tt := range []struct{ rows, want string }{
		{"TRUE\trule\tfile:1\n", "want verdict, rule, file:line and a reason"},
		{"MAYBE\trule\tfile:1\treason\n", `verdict "MAYBE"`},
		{"TRUE\t-\tfile:1\treason\n", "only for MISSED"},
		{"TRUE\trule\tfile\treason\n", "not file:line"},
		{"TRUE\trule\tfile:-1\treason\n", "not file:line"},
		{"TRUE\trule\t:3\treason\n", "or :0 for the repository"},
		{"TRUE\trule\tf:1\ta\nFALSE\trule\tf:1\tb\n", "labelled both TRUE and FALSE"},
	} {
		dir := writeFiles(t, map[string]string{"l.tsv": tt.rows})
		_, err := readLabels(filepath.Join(dir, "l.tsv"))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want one containing %q", tt.rows, err, tt.want)
		}
	}
}

// ":0" labels a finding about the repository as a whole.
func TestLabelOfTheRepository(t *testing.T) {
	dir := writeFiles(t, map[string]string{"l.tsv": "TRUE\tmonitoring/not-configured\t:0\tno monitor in the checkout\n"})
	ls, err := readLabels(filepath.Join(dir, "l.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if v := ls.judged[place{rule: "monitoring/not-configured", file: "", line: 0}]; v != verdictTrue || len(ls.judged) != 1 {
		t.Errorf("labels = %+v, want one TRUE at no file, line 0", ls)
	}
}
