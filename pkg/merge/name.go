package merge

import (
	"path/filepath"
	"strings"
)

// defaultStem is the file name the Action and the examples give a
// report; a report called so is named after its folder instead, which
// actions/download-artifact names after the artifact.
const defaultStem = "launchgate"

// DerivedName is the analysis of a report that records no category (a
// JSON report of `launchgate scan`, a SARIF run without
// automationDetails.id): the file's name without its .json and .sarif
// extensions ("reports/api.sarif" is "api"), or, when that is
// "launchgate", the name of its folder ("reports/api/launchgate.json" is
// "api"). Characters other than letters, digits, ".", "_" and "-" become
// "-".
func DerivedName(file string) string {
	clean := filepath.Clean(file)
	stem := stemOf(filepath.Base(clean))
	if strings.EqualFold(stem, defaultStem) || stem == "" {
		if dir := filepath.Base(filepath.Dir(clean)); dir != "." && dir != string(filepath.Separator) && dir != "" {
			stem = dir
		}
	}
	name := sanitizeName(stem)
	if name == "" {
		name = defaultStem
	}
	return name
}

// originKey says which files are the same report in two formats: the
// same path but for the .json or .sarif extension.
func originKey(file string) string {
	clean := filepath.Clean(file)
	return filepath.Join(filepath.Dir(clean), stemOf(filepath.Base(clean)))
}

// stemOf strips the extensions a report may have: "api.sarif.json" is
// "api".
func stemOf(base string) string {
	for {
		ext := filepath.Ext(base)
		switch strings.ToLower(ext) {
		case ".json", ".sarif":
			base = strings.TrimSuffix(base, ext)
			continue
		}
		return base
	}
}

// sanitizeName keeps a name to the characters that are safe in a SARIF
// automation ID and in the Action's comment marker (no "--").
func sanitizeName(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		ok := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' || r == '_'
		if !ok {
			if !dash {
				b.WriteByte('-')
			}
			dash = true
			continue
		}
		dash = false
		b.WriteRune(r)
		if b.Len() >= maxAnalysisLen/2 {
			break
		}
	}
	return strings.Trim(b.String(), "-._")
}
