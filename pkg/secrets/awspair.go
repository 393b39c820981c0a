package secrets

import (
	"regexp"
	"slices"
	"strings"

	"github.com/zricethezav/gitleaks/v8/config"
	glregexp "github.com/zricethezav/gitleaks/v8/regexp"
)

// An AWS access key is two values. The access key ID (AKIA…, ASIA… for
// temporary credentials) has a marker, and gitleaks' aws-access-token rule
// finds it; AWS does not treat it as secret (it is in every presigned URL
// and CloudTrail record). The secret access key is 40 characters of
// base64 with no marker, so it is found by the name it is written under,
// and, next to an ID, by its place: the value after the ID in a call
// (NewStaticCredentials("AKIA…", "…")) or a CSV row.
//
// Written together they are one working credential, and one finding at the
// secret key: the secret is what must be rotated, and it is on the secret's
// line that the other rules that see the same value report (the generic
// key rule, the env and manifest rules), so the report processor that folds
// findings on one line folds those into this one.

const (
	// ruleAWSPair is an access key ID with its secret access key nearby.
	ruleAWSPair = "aws-access-key-pair"
	// ruleAWSSecretKey is a secret access key named as one, with no ID
	// nearby.
	ruleAWSSecretKey = "aws-secret-access-key"
	// awsIDRule is gitleaks' rule for access key IDs.
	awsIDRule = "aws-access-token"
)

// How far apart an ID and its secret key may be: at most pairBytes between
// the two values and at most pairLines lines. Credentials files, env files,
// Terraform and SDK calls write the two on neighbouring lines, JSON output
// and bundles within a few dozen bytes; a value further away is more likely
// another key's.
const (
	pairBytes = 512
	pairLines = 4
)

// nameReach bounds how many bytes before a value its name and operator
// start (a 64-byte name, quotes, 32 blanks either side of the operator)
// and how far the value and the byte after it extend; the pairing scan
// reads that much beyond pairBytes so a value near the limit is read whole.
const nameReach = 192

// awsSecretEntropy is the least entropy of a secret access key: 30 random
// bytes in base64 measure above 4 bits per character, placeholder-like
// values ("AAAA…", "abcabc…") below.
const awsSecretEntropy = 4

const (
	// awsSecretName names a secret access key in every format it is written
	// in: aws_secret_access_key (credentials files, boto3), AWS_SECRET_ACCESS_KEY
	// (env files, shells), secretAccessKey and SecretAccessKey (JS/TS SDK
	// objects, JSON from the AWS CLI, Go), aws_secret_key and awsSecret,
	// optionally with a short suffix (AWS_SECRET_ACCESS_KEY_PROD).
	awsSecretName = `(?:secret[_.-]?access[_.-]?key|aws[_.-]?secret(?:[_.-]?(?:access[_.-]?)?key)?)[\w.-]{0,16}`
	// awsSecretAssign is what follows a name: a closing quote (escaped inside
	// a JS string too), an operator (=, :, :=, =>, ",", the ">" of an XML
	// element, the || or ?? of a default) or only blanks (aws configure set
	// NAME VALUE, Dockerfile ENV NAME VALUE), an opening quote, then the
	// 40 characters in group 1 and one that cannot continue them (a longer
	// or padded base64 string is something else).
	awsSecretAssign = awsQuote + `(?:[ \t]{0,32}(?:=>|:=|[=:,>]|\|\||\?\?)[ \t]{0,32}|[ \t]{1,32})` + awsQuote +
		`([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`
	// awsQuote is an optional quote, escaped or not.
	awsQuote = `\\?["'` + "`" + `]?`
)

// awsNearRe finds, in the text around an access key ID, every value that
// may be its secret key: group 1 is the name (or the ID itself, for a
// value that follows it), group 2 the value.
var awsNearRe = regexp.MustCompile(`(?i)([A-Za-z0-9_.-]{1,64})` + awsSecretAssign)

// awsSecretRule is the own rule for a secret access key named as one. It
// is in gitleaks' form so that the keyword prefilter, allowlists and
// gitleaks:allow apply, and so that gitleaks' generic rule yields to it on
// the same value.
func awsSecretRule() config.Rule {
	return config.Rule{
		RuleID:      ruleAWSSecretKey,
		Description: "An AWS secret access key, written under a name that says so.",
		Regex:       glregexp.MustCompile(`(?i)` + awsSecretName + awsSecretAssign),
		SecretGroup: 1,
		Entropy:     awsSecretEntropy,
		Keywords:    awsSecretKeywords(),
	}
}

// awsSecretKeywords are the spellings of awsSecretName's fixed part. Every
// match holds one, so the matcher runs the rule only around them.
func awsSecretKeywords() []string {
	seps := []string{"", "_", ".", "-"}
	var out []string
	for _, a := range seps {
		for _, b := range seps {
			out = append(out, "secret"+a+"access"+b+"key")
		}
		out = append(out, "aws"+a+"secret")
	}
	return out
}

// awsExampleSecret begins the secret access key AWS's documentation uses
// (wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY). Copies of it with the tail
// changed to look real are still the example: no real key shares these 21
// characters with it.
const awsExampleSecret = "wJalrXUtnFEMI/K7MDENG"

// awsSecretLike reports whether v can be a real secret access key: not a
// placeholder or AWS's documented example, and shaped like 30 random bytes
// in base64.
func awsSecretLike(v string) bool {
	return !isPlaceholder(v) && !strings.HasPrefix(v, awsExampleSecret) && awsSecretShaped(v)
}

// awsSecretShaped reports whether v can be a secret access key: both
// letter cases, as base64 of random bytes has, which hex digests (git
// SHAs are 40 hex digits) and base32 strings lack, and random enough.
func awsSecretShaped(v string) bool {
	upper, lower, nonHex := false, false, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		upper = upper || 'A' <= c && c <= 'Z'
		lower = lower || 'a' <= c && c <= 'z'
		nonHex = nonHex || !strings.ContainsRune("0123456789abcdefABCDEF", rune(c))
	}
	return upper && lower && nonHex && shannonEntropy(v) > awsSecretEntropy
}

// pairableName reports whether a name next to an access key ID may hold
// its secret key: the names awsSecretName knows, and the ones SDKs and
// tools use beside an ID, which alone would say too little: Terraform's
// secret_key, Spring's aws.credentials.secret-key, the 'secret' of the PHP
// SDK's credentials array. JWT_SECRET or CLIENT_SECRET next to an ID name
// other secrets.
func pairableName(name string) bool {
	n := strings.ToLower(strings.NewReplacer("_", "", ".", "", "-", "").Replace(name))
	switch {
	case strings.Contains(n, "secretaccesskey"), strings.Contains(n, "awssecret"):
		return true
	case n == "secret", strings.HasSuffix(n, "secretkey"), strings.HasSuffix(n, "keysecret"),
		strings.HasSuffix(n, "accesssecret"), strings.HasSuffix(n, "credentialssecret"),
		strings.HasSuffix(n, "s3secret"):
		return true
	}
	return false
}

// gap is the number of bytes between two spans that do not overlap, or -1.
func gap(a, b span) int {
	switch {
	case b.start >= a.end:
		return b.start - a.end
	case a.start >= b.end:
		return a.start - b.end
	}
	return -1
}

// secretKeysNear returns the spans of content near the access key ID at id
// that may hold its secret key.
func secretKeysNear(content string, lines lineIndex, id span) []span {
	lo := max(0, id.start-pairBytes-nameReach)
	hi := min(len(content), id.end+pairBytes+nameReach)
	window := content[lo:hi]
	idLine, _ := lines.position(id.start)
	var out []span
	for _, m := range awsNearRe.FindAllStringSubmatchIndex(window, -1) {
		at := span{lo + m[4], lo + m[5]}
		// A value right after the ID has the ID where its name would be.
		positional := lo+m[3] == id.end
		if !positional && !pairableName(window[m[2]:m[3]]) {
			continue
		}
		if g := gap(id, at); g < 0 || g > pairBytes {
			continue
		}
		if l, _ := lines.position(at.start); max(l-idLine, idLine-l) > pairLines {
			continue
		}
		if awsSecretLike(content[at.start:at.end]) {
			out = append(out, at)
		}
	}
	return out
}

// pairAWSKeys makes each access key ID and the secret key nearest to it
// one candidate of the pair rule, at the secret key, and drops what else
// was found on either value: the ID's own finding, the named secret key's,
// gitleaks' generic one. Each ID and each secret key joins one pair at
// most, the closest first, so a credentials file with several profiles
// pairs each ID with its own secret. A public-env candidate is left to
// foldPublicEnv, which takes the pair in as the kind it holds.
func (e *Engine) pairAWSKeys(f Fragment, lines lineIndex, cands []*candidate) []*candidate {
	var ids []*candidate
	for _, c := range cands {
		if c.rule == awsIDRule && !c.drop && !c.pathOnly && !c.public {
			ids = append(ids, c)
		}
	}
	if len(ids) == 0 {
		return cands
	}
	type option struct {
		id  *candidate
		at  span
		gap int
	}
	var options []option
	for _, id := range ids {
		for _, at := range secretKeysNear(f.Content, lines, id.at) {
			options = append(options, option{id, at, gap(id.at, at)})
		}
	}
	slices.SortStableFunc(options, func(a, b option) int {
		if a.gap != b.gap {
			return a.gap - b.gap
		}
		return a.at.start - b.at.start
	})
	// The named-key rule's own candidates become pairs in place.
	named := map[span]*candidate{}
	for _, c := range cands {
		if c.rule == ruleAWSSecretKey && !c.drop {
			named[c.at] = c
		}
	}
	pairedID := map[*candidate]bool{}
	pairedAt := map[span]bool{}
	var taken []span
	for _, o := range options {
		if pairedID[o.id] || pairedAt[o.at] {
			continue
		}
		value := f.Content[o.at.start:o.at.end]
		if !e.pairable(f, lines, value, o.at) {
			continue
		}
		pairedID[o.id], pairedAt[o.at] = true, true
		taken = append(taken, o.id.at, o.at)
		pair := named[o.at]
		if pair == nil {
			pair = &candidate{value: value, match: value, matchStart: o.at.start, at: o.at}
			cands = append(cands, pair)
		}
		pair.rule, pair.severity, pair.shown, pair.bare = ruleAWSPair, severityOf(ruleAWSPair), value, true
		pair.pairID, pair.pairAt = o.id.value, o.id.at
	}
	dropOverlapping(cands, taken)
	return cands
}

// dropOverlapping drops the candidates that overlap one of the values a
// pair took, but for the pairs themselves and public-env candidates.
func dropOverlapping(cands []*candidate, taken []span) {
	if len(taken) == 0 {
		return
	}
	// Merged into disjoint spans in order, the values taken are sorted by
	// their ends too, and one search finds the one a candidate may overlap.
	slices.SortFunc(taken, func(a, b span) int { return a.start - b.start })
	merged := taken[:1]
	for _, t := range taken[1:] {
		if last := &merged[len(merged)-1]; t.start < last.end {
			last.end = max(last.end, t.end)
			continue
		}
		merged = append(merged, t)
	}
	for _, c := range cands {
		if c.rule == ruleAWSPair || c.pathOnly || c.rule == rulePublicEnv {
			continue
		}
		i, _ := slices.BinarySearchFunc(merged, c.at.start, func(t span, start int) int {
			if t.end <= start {
				return -1
			}
			return 1
		})
		if i < len(merged) && merged[i].start < c.at.end {
			c.drop = true
		}
	}
}

// pairable reports whether a value the pairing scan found near an ID is
// kept: judged as the named-key rule's own matches are (allowlisted values,
// gitleaks:allow on its line).
func (e *Engine) pairable(f Fragment, lines lineIndex, value string, at span) bool {
	if findingAllowed(f.Path, value, value, "", e.cfg.Allowlists, stopWordAllows) {
		return false
	}
	for _, re := range e.allowValues {
		if re.MatchString(value) {
			return false
		}
	}
	return !strings.Contains(f.Content, gitleaksAllow) || !onAllowedLine(f.Content, lines, at.start)
}
