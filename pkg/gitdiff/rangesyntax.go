package gitdiff

import (
	"fmt"
	"strings"
	"unicode"
)

// splitRange reads a range as a user writes it: "BASE..HEAD", "BASE...HEAD"
// (mergeBase set) or "BASE" alone, meaning "BASE..HEAD". White space around
// the whole range is dropped.
//
// git reads an empty side as HEAD, so "..HEAD", which is what
// "${BASE}..HEAD" becomes with BASE unset, compares HEAD with itself: no
// lines added, no findings, a pass. A gate must not pass by accident, so an
// empty side is an error here, as is anything else no revision looks like.
func splitRange(spec string) (left, right string, mergeBase bool, err error) {
	s := strings.TrimSpace(spec)
	if s == "" {
		return "", "", false, fmt.Errorf("%q: empty git range (an unset variable?); want BASE..HEAD, BASE...HEAD or BASE", spec)
	}
	i := strings.Index(s, "..")
	if i < 0 {
		if err := checkSide(spec, "base", s); err != nil {
			return "", "", false, err
		}
		return s, "HEAD", false, nil
	}
	left, right = s[:i], s[i+2:]
	if strings.HasPrefix(right, ".") {
		right, mergeBase = right[1:], true
	}
	if strings.Contains(right, "..") || strings.HasPrefix(right, ".") {
		return "", "", false, fmt.Errorf("%q is not a git range: it has more than one .. or ...; want BASE..HEAD, BASE...HEAD or BASE", spec)
	}
	dots := ".."
	if mergeBase {
		dots = "..."
	}
	switch {
	case left == "" && right == "":
		return "", "", false, fmt.Errorf("%q: both sides of the range are empty (unset variables such as ${BASE} and ${HEAD}?); want BASE%sHEAD", spec, dots)
	case left == "":
		return "", "", false, fmt.Errorf("%q: the base side of the range is empty (an unset variable such as ${BASE}?); want BASE%sHEAD", spec, dots)
	case right == "":
		return "", "", false, fmt.Errorf("%q: the head side of the range is empty (an unset variable such as ${HEAD}?); want BASE%sHEAD, or BASE alone to compare with HEAD", spec, dots)
	}
	if err := checkSide(spec, "base", left); err != nil {
		return "", "", false, err
	}
	if err := checkSide(spec, "head", right); err != nil {
		return "", "", false, err
	}
	return left, right, mergeBase, nil
}

// checkSide refuses a side of the range that git would misread: one that
// starts with "-" is an option to git, and white space or a control
// character is never part of a revision a CI job means (a variable holding
// two words, a stray newline).
func checkSide(spec, which, rev string) error {
	if strings.HasPrefix(rev, "-") {
		return fmt.Errorf("%q: the %s side %q starts with \"-\", which git would take as an option, not a revision", spec, which, rev)
	}
	for _, c := range rev {
		switch {
		case unicode.IsSpace(c):
			return fmt.Errorf("%q: the %s side %q contains white space, which no revision does (a variable holding more than one word?)", spec, which, rev)
		case unicode.IsControl(c):
			return fmt.Errorf("%q: the %s side %q contains a control character", spec, which, rev)
		}
	}
	return nil
}
