package secrets

import (
	"sort"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// candidate is a gitleaks finding on its way to becoming a Secret. It holds
// the value, which never leaves the package.
type candidate struct {
	rule  string
	value string // the secret as the rule captured it
	match string // the rule's whole match
	// at is where value sits in the content; for the public-env rule it is
	// moved from the variable's name to its value.
	at span
	// matchStart is where the whole match starts.
	matchStart int
	pathOnly   bool // a rule that fires on the file name alone
	severity   finding.Severity
	// why says why severity is lower than the rule's: the value is in
	// documentation, points at a local host, is an identifier.
	why    string
	public bool
	drop   bool
	// shown is the value Redacted describes: for a public variable holding
	// a known kind of secret, that secret.
	shown string
	// For the public-env rule: the variable, and the kind of secret found in
	// its value.
	envName, innerKind string
	// For the connection-string rule.
	scheme, host string
	// bare marks a value with no public marker of its own (an AWS secret
	// access key): its redacted form is its length only, even when its
	// random characters happen to begin like a marker ("AKIA", "eyJ").
	bare bool
	// For the AWS pair rule: the access key ID and where it is; pairAt is
	// also kept by a public-env candidate that takes a pair in.
	pairID string
	pairAt span
	// what describes, for the key-material rules, what was found: "an RSA
	// private key (its private exponent d)", "a Java key store in the JCEKS
	// format". It never quotes the content.
	what string
	// store is what the first bytes of a file found by its name (a .p12)
	// say it holds.
	store storeKind
}

// settleEnv moves a public-env candidate, whose match starts at mstart,
// from the variable's name to its value.
func (c *candidate) settleEnv(mstart int) {
	if c.rule != rulePublicEnv {
		return
	}
	if name, v, ok := publicEnvAssign(c.match); ok {
		c.envName = name
		c.at = span{mstart + v.start, mstart + v.end}
		c.value = c.match[v.start:v.end]
		c.shown = c.value
	}
}

// lineIndex holds the byte offset of every line start in a content.
type lineIndex []int

func newLineIndex(content string) lineIndex {
	idx := lineIndex{0}
	for i := 0; ; {
		j := strings.IndexByte(content[i:], '\n')
		if j < 0 {
			return idx
		}
		i += j + 1
		idx = append(idx, i)
	}
}

// start returns the offset of 0-based line n, clamped to the last line.
func (l lineIndex) start(n int) int {
	return l[min(max(n, 0), len(l)-1)]
}

// position returns the 0-based line and 1-based byte column of offset.
func (l lineIndex) position(offset int) (line, col int) {
	line = sort.Search(len(l), func(i int) bool { return l[i] > offset }) - 1
	return line, offset - l[line] + 1
}
