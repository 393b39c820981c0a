package cors

import (
	"path"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
)

// maxNamed bounds the other files a collapsed finding names.
const maxNamed = 3

// collapse makes each allow-all setup one finding: the reports of
// cors/allow-all-origins in one file become the first of them, naming the
// other lines, and the same setup copied into several files of one folder
// (`@CrossOrigin` on every controller, `cors()` in every router) becomes
// the report of the first file, naming the others. One decision, one
// thing to fix. The other rules' reports pass unchanged, in their order.
func collapse(reports []check.Report) []check.Report {
	type group struct {
		lines []int    // the file's later lines
		files []string // the folder's other files with the same setup
	}
	type setup struct{ dir, message string }
	var out []check.Report
	groups := map[int]*group{} // index in out → what it stands for
	byFile := map[string]int{}
	bySetup := map[setup]int{}
	for _, r := range reports {
		if r.Rule != ruleAllowAll {
			out = append(out, r)
			continue
		}
		if i, ok := byFile[r.File]; ok {
			if out[i].File == r.File {
				groups[i].lines = append(groups[i].lines, r.Line)
			}
			continue
		}
		s := setup{path.Dir(r.File), r.Message}
		if i, ok := bySetup[s]; ok {
			groups[i].files = append(groups[i].files, path.Base(r.File))
			byFile[r.File] = i
			continue
		}
		bySetup[s] = len(out)
		byFile[r.File] = len(out)
		groups[len(out)] = &group{}
		out = append(out, r)
	}
	for i, g := range groups {
		if len(g.lines) > 0 {
			out[i].Message += " (also on " + lineList(g.lines) + ")"
		}
		if len(g.files) > 0 {
			out[i].Message += " (the same in " + fileList(g.files) + " of this folder)"
		}
	}
	return out
}

// lineList says "line 9" or "lines 9, 12 and 15".
func lineList(lines []int) string {
	s := make([]string, len(lines))
	for i, l := range lines {
		s[i] = strconv.Itoa(l)
	}
	if len(s) == 1 {
		return "line " + s[0]
	}
	return "lines " + strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// fileList says "1 more file: b.java" or "5 more files: b.java, c.java,
// d.java and 2 others", naming at most maxNamed.
func fileList(names []string) string {
	n := len(names)
	head := strconv.Itoa(n) + " more file"
	if n > 1 {
		head += "s"
	}
	if n <= maxNamed {
		if n == 1 {
			return head + ": " + names[0]
		}
		return head + ": " + strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
	rest := " others"
	if n-maxNamed == 1 {
		rest = " other"
	}
	return head + ": " + strings.Join(names[:maxNamed], ", ") + " and " + strconv.Itoa(n-maxNamed) + rest
}
