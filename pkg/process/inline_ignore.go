package process

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// MaxInlineFileSize bounds the files searched for inline directives:
// anything larger is generated or bundled and has no hand-written
// comments worth a read.
const MaxInlineFileSize = 8 << 20

// Inline honours launchgate:ignore comments next to findings. Build it
// with InlineIgnore.
type Inline struct {
	root   string
	logger *slog.Logger
	notes  []string
}

// InlineIgnore suppresses a finding when its line, or the line directly
// above, has a comment "launchgate:ignore RULE reason", RULE being the
// finding's rule or its category written "openapi/*". A directive without
// a reason suppresses nothing and becomes a note. A secret finding is also
// suppressed by gitleaks' "gitleaks:allow" on its own line. Files are
// read under root, never outside it.
func InlineIgnore(root string, logger *slog.Logger) *Inline {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Inline{root: root, logger: logger}
}

// Name implements Processor.
func (*Inline) Name() string { return "inline-ignore" }

// Notes lists directives that did not apply and why.
func (p *Inline) Notes() []string { return p.notes }

// Process implements Processor.
func (p *Inline) Process(fs []finding.Finding) ([]finding.Finding, error) {
	byFile := map[string][]int{}
	for i := range fs {
		f := &fs[i]
		if f.File != "" && f.Line > 0 && !f.Suppressed {
			byFile[f.File] = append(byFile[f.File], i)
		}
	}
	if len(byFile) == 0 || p.root == "" {
		return fs, nil
	}
	root, err := os.OpenRoot(p.root)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", p.root, err)
	}
	defer root.Close()
	noted := map[string]bool{}
	for _, file := range slices.Sorted(maps.Keys(byFile)) {
		idx := byFile[file]
		want := map[int]bool{}
		for _, i := range idx {
			want[fs[i].Line] = true
			want[fs[i].Line-1] = true
		}
		lines, err := readLines(root, file, want)
		if err != nil {
			p.logger.Debug("inline ignores not read", "file", file, "err", err)
			continue
		}
		for _, i := range idx {
			p.apply(&fs[i], lines, noted)
		}
	}
	return fs, nil
}

// apply suppresses f if a directive on its line or the line above says so.
func (p *Inline) apply(f *finding.Finding, lines map[int]string, noted map[string]bool) {
	if f.Category == "secret" || strings.HasPrefix(f.RuleID, "secret/") {
		if hasGitleaksAllow(lines[f.Line]) {
			f.Suppressed = true
			f.Suppression = "inline: " + gitleaksMarker
			return
		}
	}
	for _, n := range []int{f.Line, f.Line - 1} {
		d, ok := parseDirective(lines[n])
		if !ok || (d.rule != "" && !matchRule(d.rule, f.RuleID)) {
			continue
		}
		if d.rule == "" || d.reason == "" {
			key := fmt.Sprintf("%s:%d", f.File, n)
			if !noted[key] {
				noted[key] = true
				msg := fmt.Sprintf("%s: %s needs a rule and a reason; it suppresses nothing", key, ignoreMarker)
				if d.rule != "" {
					msg = fmt.Sprintf("%s: %s %s has no reason; it suppresses nothing", key, ignoreMarker, d.rule)
				}
				p.notes = append(p.notes, msg)
			}
			continue
		}
		f.Suppressed = true
		f.Suppression = "inline: " + d.reason
		return
	}
}

// readLines returns the lines of file (1-based) that want names. Files over
// MaxInlineFileSize, and folders, are refused.
func readLines(root *os.Root, file string, want map[int]bool) (map[int]string, error) {
	name := filepath.FromSlash(file)
	fh, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", file)
	}
	if st.Size() > MaxInlineFileSize {
		return nil, fmt.Errorf("%s is larger than %d bytes", file, MaxInlineFileSize)
	}
	// One buffer of the file's size, and a byte more to see it grow,
	// rather than one grown by doubling.
	data := make([]byte, st.Size()+1)
	n, err := io.ReadFull(fh, data)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	if data = data[:n]; len(data) > MaxInlineFileSize {
		return nil, errors.New("file grew past the size limit while read")
	}
	last := 0
	for n := range want {
		last = max(last, n)
	}
	out := map[int]string{}
	for n := 1; n <= last && len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if want[n] {
			out[n] = strings.TrimSuffix(string(line), "\r")
		}
	}
	return out, nil
}
