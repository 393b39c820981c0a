package secrets

import "github.com/launchgate/launchgate/pkg/finding"

// Fragment is one piece of text to scan: a whole file, an archive entry, a
// source map's embedded source or a line added in a diff.
type Fragment struct {
	// Path is the slash path used in reports and by path allowlists, such as
	// "dist/app.js", "dist/app.zip!static/main.js" or "src/config.ts".
	Path string
	// Content is the text to scan, whole: it is never cut into chunks.
	Content string
	// Binary marks Content as the printable strings of a binary file
	// rather than the file itself.
	Binary bool
	// Raw is, for a Binary fragment, the file's own bytes, when the reader
	// kept them: key stores are recognised by their first bytes, which are
	// not printable. Without them a binary file's format is not judged.
	Raw []byte
	// StartLine is the line number of Content's first line in Path: 1 when
	// Content is the whole file, N for a line added in a diff. Zero counts
	// as 1.
	StartLine int
}

// Secret is one credential found in a Fragment. No field holds the value or
// any part of it beyond the public marker in Redacted.
type Secret struct {
	// RuleID is "secret/<gitleaks rule id>" or one of launchgate's own, such
	// as "secret/connection-string-password".
	RuleID string
	// Title names the kind of secret ("Stripe access token").
	Title    string
	Severity finding.Severity
	// Line and Column locate the first byte of the value in Path; both are
	// 1-based and Column counts bytes.
	Line, Column int
	// EndLine and EndColumn locate the byte just past the value (EndColumn is
	// exclusive, as in SARIF); EndLine differs from Line for values that span
	// lines, such as private key blocks.
	EndLine, EndColumn int
	// Redacted shows the value's public marker, if its kind has one, and its
	// length: "sk_live_…(redacted, 32 chars)".
	Redacted string
	// Key anchors the fingerprint: the rule, a 16-bit truncated SHA-256 of the
	// value (rotating the secret changes it with high probability, yet it is
	// far too short to test guesses against) and the surrounding line with the
	// value replaced by a placeholder. It survives line moves.
	Key string
	// Message says what was found and where, and to rotate it first.
	Message string
	// Marker is the provider's public prefix the value starts with
	// ("ghp_", "AKIA"), as Redacted shows it; "" for a value in no
	// provider's own format.
	Marker string
	// WholeFile marks a secret that is the file itself (a key store, found
	// by its first bytes or its .p12 name), not a value inside it.
	WholeFile bool
	// Public marks a value that looks like a secret but is meant to be public
	// (a Stripe publishable key, a Supabase anon key); such values are
	// reported only when Options.ReportPublic is set.
	Public bool
	// pairAt is where, in the fragment's content, the other value of a
	// finding made of two is: the access key ID of an AWS key pair. Spans
	// returns it with the value, so a message quoting the pair loses both.
	pairAt span
}
