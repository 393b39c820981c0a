package spf

import (
	"fmt"
	"io"
	"strings"
)

// Tree is one record of the lookup tree: the evaluated domain's record at
// the root, an include's or redirect's target below.
type Tree struct {
	// Domain is the domain the record was fetched from.
	Domain string
	// Via is the term that led here ("include:_spf.example.net",
	// "redirect=example.net"), empty at the root.
	Via string
	// Record is the SPF record text, empty when none could be used.
	Record string
	// Lookups counts the DNS-querying terms of this record alone; Total
	// adds those of every record under it.
	Lookups int
	Total   int
	// Void is set when fetching this record's TXT returned nothing.
	Void bool
	// VoidTerms are the a, mx and exists terms of this record whose lookup
	// returned nothing.
	VoidTerms []string
	// Notes say what the walk skipped and why: terms after all, a redirect
	// ignored because all is present, terms with macros left unexpanded.
	Notes []string
	// Err says why the record could not be fetched or used.
	Err error
	// Children are the include and redirect targets, in record order.
	Children []*Tree
}

// Format writes the tree as the text report prints it: one line per
// record with its total lookups, children indented by two spaces, and the
// record's void terms, notes and error on lines under it.
func (t *Tree) Format(w io.Writer) error {
	return t.format(w, 0)
}

// String returns what Format writes.
func (t *Tree) String() string {
	var b strings.Builder
	_ = t.Format(&b)
	return b.String()
}

func (t *Tree) format(w io.Writer, depth int) error {
	if t == nil {
		return nil
	}
	indent := strings.Repeat("  ", depth)
	name := t.Domain
	if t.Via != "" {
		name = t.Via
	}
	record := t.Record
	if record == "" {
		record = "(no record)"
	}
	unit := "lookups"
	if t.Total == 1 {
		unit = "lookup"
	}
	if _, err := fmt.Fprintf(w, "%s%s  %s   [%d %s]\n", indent, safe(name), safe(record), t.Total, unit); err != nil {
		return fmt.Errorf("write SPF tree: %w", err)
	}
	var details []string
	if t.Void {
		details = append(details, "void: "+safe(t.Domain)+" has no TXT records")
	}
	for _, v := range t.VoidTerms {
		details = append(details, "void: "+safe(v)+" returned nothing")
	}
	for _, n := range t.Notes {
		details = append(details, "note: "+safe(n))
	}
	if t.Err != nil {
		details = append(details, "error: "+safe(t.Err.Error()))
	}
	for _, d := range details {
		if _, err := fmt.Fprintf(w, "%s    %s\n", indent, d); err != nil {
			return fmt.Errorf("write SPF tree: %w", err)
		}
	}
	for _, c := range t.Children {
		if err := c.format(w, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// safe escapes bytes outside printable ASCII, since record text comes from
// DNS and must not reach a terminal raw.
func safe(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			var b strings.Builder
			for j := 0; j < len(s); j++ {
				if c := s[j]; c < 0x20 || c > 0x7e {
					fmt.Fprintf(&b, `\x%02x`, c)
				} else {
					b.WriteByte(c)
				}
			}
			return b.String()
		}
	}
	return s
}
