package merge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/launchgate/launchgate/pkg/catalog"
	"github.com/launchgate/launchgate/pkg/report"
)

// MaxReportSize bounds one input: a SARIF file at code scanning's limit
// of 25,000 results a run is some tens of megabytes.
const MaxReportSize = 256 << 20

// maxAnalysisLen bounds an analysis ID: a 100-character category and
// the command.
const maxAnalysisLen = 200

// Read reads the report at path; file names it in errors and in the
// analysis of a report without a category (see DerivedName). The
// catalog, which may be nil, gives SARIF results without a
// security-severity their rule's severity.
func Read(path, file string, cat *catalog.Catalog) (*Input, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", file, pathProblem(err))
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a folder; give the report files in it", file)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", file, pathProblem(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxReportSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %s", file, pathProblem(err))
	}
	return Parse(file, data, cat)
}

// Parse reads a report's content, telling a JSON report from SARIF by
// what it holds, not by its name.
func Parse(file string, data []byte, cat *catalog.Catalog) (*Input, error) {
	if len(data) > MaxReportSize {
		return nil, fmt.Errorf("%s: larger than %d MB", file, MaxReportSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: empty file, not a launchgate report", file)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("%s: not a JSON or SARIF report: %s", file, report.DecodeProblem(data, err))
	}
	var (
		in  *Input
		err error
	)
	switch {
	case top["runs"] != nil:
		in, err = parseSARIF(file, data, cat)
		if err != nil {
			return nil, fmt.Errorf("%s: SARIF: %s", file, report.DecodeProblem(data, err))
		}
	case top["findings"] != nil:
		in, err = parseJSON(file, data)
		if err != nil {
			return nil, fmt.Errorf("%s: JSON report: %s", file, report.DecodeProblem(data, err))
		}
	default:
		return nil, fmt.Errorf("%s: neither a launchgate JSON report (no \"findings\") nor SARIF (no \"runs\")", file)
	}
	return in, nil
}

// errOtherTool refuses reports that launchgate did not write: merge
// trusts their fingerprints, severities and analyses.
func errOtherTool(name string) error {
	if name == "" {
		return errors.New("names no tool; merge reads only launchgate's own reports")
	}
	return fmt.Errorf("written by %q, not %s; merge reads only launchgate's own reports", truncate(name, 60), report.ToolName)
}

// checkAnalysis accepts the analysis IDs launchgate writes: the
// characters a category may have, within a bound.
func checkAnalysis(id string) error {
	if id == "" || len(id) > maxAnalysisLen || strings.Contains(id, "--") {
		return fmt.Errorf("analysis %q is not a valid category", truncate(id, 60))
	}
	for _, r := range id {
		ok := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("._/:=@+-", r)
		if !ok {
			return fmt.Errorf("analysis %q is not a valid category", truncate(id, 60))
		}
	}
	return nil
}

// pathProblem says what is wrong with a path without repeating it.
func pathProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// truncate keeps a quoted value from the input short.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
