package main

import (
	"bufio"
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestDocumentIsValidWithNOperations loads the document of every small
// count, and one larger, with kin-openapi: it must validate, resolve every
// $ref and hold exactly the asked-for number of operations.
func TestDocumentIsValidWithNOperations(t *testing.T) {
	for _, n := range []int{1, 2, 3, 4, 5, 6, 9, 10, 11, 50, 137} {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		writeSpec(w, n)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		doc, err := openapi3.NewLoader().LoadFromData(b.Bytes())
		if err != nil {
			t.Fatalf("ops=%d: load: %v", n, err)
		}
		if err := doc.Validate(context.Background()); err != nil {
			t.Fatalf("ops=%d: validate: %v", n, err)
		}
		got, public, bodies := 0, 0, 0
		for _, item := range doc.Paths.Map() {
			for _, op := range item.Operations() {
				got++
				if op.Security != nil && len(*op.Security) == 0 {
					public++
				}
				if op.RequestBody != nil {
					bodies++
				}
			}
		}
		if got != n {
			t.Errorf("ops=%d: the document holds %d operations", n, got)
		}
		if n >= 50 && (public == 0 || bodies == 0) {
			t.Errorf("ops=%d: %d public operations and %d request bodies; want some of each", n, public, bodies)
		}
		if n < 50 && public != 0 {
			t.Errorf("ops=%d: %d public operations before the tenth resource", n, public)
		}
	}
}

// TestSameCountSameBytes: the benchmark compares runs on documents written
// at different times.
func TestSameCountSameBytes(t *testing.T) {
	dir := t.TempDir()
	var outs [2]string
	for i := range outs {
		var stdout, stderr bytes.Buffer
		p := filepath.Join(dir, "a.yaml")
		if code := run([]string{"-ops", "23", "-out", p}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		var b bytes.Buffer
		if code := run([]string{"-ops", "23", "-out", "-"}, &b, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		outs[i] = b.String()
	}
	if outs[0] != outs[1] || !strings.HasPrefix(outs[0], "openapi: 3.0.3\n") {
		t.Error("two runs with the same -ops wrote different documents")
	}
}

// TestBadArguments: a count out of range or no output is a usage error,
// and an unwritable output is an error, not an empty success.
func TestBadArguments(t *testing.T) {
	for _, args := range [][]string{
		{"-ops", "0", "-out", "-"},
		{"-ops", "-3", "-out", "-"},
		{"-ops", "2000000", "-out", "-"},
		{"-ops", "10"},
		{"-ops", "ten", "-out", "-"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 || stdout.Len() != 0 {
			t.Errorf("%q: exit %d with %d bytes written; want 2 and nothing", args, code, stdout.Len())
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-ops", "10", "-out", filepath.Join(t.TempDir(), "no", "such", "dir.yaml")}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "genspec:") {
		t.Errorf("unwritable output: exit %d, stderr %q; want 1 and a reason", code, stderr.String())
	}
}
