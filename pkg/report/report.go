// Package report writes a scan's findings in the formats launchgate offers:
// text for people, JSON for scripts, SARIF for code scanning, a markdown
// launch-readiness scorecard for job summaries and pull-request comments,
// and a self-contained HTML page to hand to a buyer's security reviewer.
// No other package knows how any of these formats look.
package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Reporter writes a Result in one format.
type Reporter interface {
	Write(w io.Writer, r *Result) error
}

// formats lists the accepted names in the order help texts show them.
var formats = [...]string{"text", "json", "sarif", "markdown", "html"}

// Formats returns the format names New accepts, as a fresh slice the caller
// may change.
func Formats() []string { return slices.Clone(formats[:]) }

// New returns the reporter for format (text, json, sarif, markdown or html). The
// text reporter it returns writes no colour; see NewText.
func New(format string) (Reporter, error) {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "text":
		return NewText(false), nil
	case "json":
		return JSONReporter{}, nil
	case "sarif":
		return SARIFReporter{}, nil
	case "markdown":
		return MarkdownReporter{}, nil
	case "html":
		return HTMLReporter{}, nil
	}
	return nil, fmt.Errorf("unknown format %q: want text, json, sarif, markdown or html", format)
}

// NewText returns the text reporter; color turns on ANSI colours, which the
// caller enables only when writing to a terminal.
func NewText(color bool) Reporter { return TextReporter{Color: color} }
