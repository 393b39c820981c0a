// Package finding holds the one finding model every check emits and every
// reporter writes.
package finding

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
)

// Finding is one problem a check found, at a place in a file or at a URL.
type Finding struct {
	RuleID   string   `json:"rule_id"`
	Category string   `json:"category"`
	Severity Severity `json:"severity"`
	Title    string   `json:"title"`
	Message  string   `json:"message"`
	// File is relative to the scanned root, with / separators; empty for
	// live findings, which carry URL instead.
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	URL    string `json:"url"`
	// Fingerprint identifies the finding across commits: it is derived from
	// the rule, the file and Key, never from the line number.
	Fingerprint string `json:"fingerprint"`
	Suppressed  bool   `json:"suppressed"`
	// Suppression says why a suppressed finding does not block.
	Suppression string `json:"suppression,omitempty"`
	// Analysis names the code-scanning analysis the finding is uploaded
	// under, such as "launchgate/probe": set when one report joins the
	// findings of several commands or jobs, each of which is a SARIF run
	// of its own; empty for a report of one command.
	Analysis string `json:"analysis,omitempty"`

	// EndLine closes the block the finding is about (an operation, say);
	// the diff filter keeps a finding when any line of the block was added.
	EndLine int `json:"-"`
	// OfChange marks a finding that is about the --diff range by itself (a
	// route whose auth got weaker), so the diff filter always keeps it.
	OfChange bool `json:"-"`
	// AnchorFile and AnchorLine are where code scanning shows a finding
	// that has no file of its own (a live finding about a URL): the
	// configuration line that set up what was probed. Reports other than
	// SARIF keep the URL as the place.
	AnchorFile string `json:"-"`
	AnchorLine int    `json:"-"`
	// Key is the logical anchor the fingerprint is made from, such as
	// "GET /invoices/{id}" or a scheme name. Checks set it; it must not
	// contain a secret.
	Key string `json:"-"`
}

// Blocks reports whether f blocks at threshold.
func (f *Finding) Blocks(threshold Severity) bool {
	return !f.Suppressed && threshold != Never && f.Severity >= threshold
}

// Fingerprint derives a stable identifier from what a finding is about,
// not from where it currently sits in the file.
func Fingerprint(ruleID, file, url, key string) string {
	h := sha256.New()
	for _, s := range []string{ruleID, file, url, key} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// SetFingerprint fills Fingerprint from the finding's own fields.
func (f *Finding) SetFingerprint() {
	key := f.Key
	if key == "" {
		key = f.Message
	}
	f.Fingerprint = Fingerprint(f.RuleID, f.File, f.URL, key)
}

// Compare orders findings by file, line, column, rule and then message, the
// order every report uses.
func Compare(a, b *Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.URL, b.URL),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Message, b.Message),
	)
}
