package params

import (
	"strings"
	"testing"
)

// FuzzHarvest feeds junk list bodies: Harvest never panics, keeps to max
// values per field, and every value is usable in a path; Match over the
// result never gives a value that was not harvested.
func FuzzHarvest(f *testing.F) {
	f.Add([]byte(`[{"id":"inv_a1","customer":{"id":"c"}}]`), 3, "invoiceId")
	f.Add([]byte(`{"data":[{"uuid":1}],"links":[]}`), 1, "uuid")
	f.Add([]byte(`{"a":{"b":{"c":{"d":[{"id":1}]}}}}`), 2, "id")
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]`), 5, "x")
	f.Add([]byte("\xff\xfe{\"id\":"), 5, "{id}")
	f.Fuzz(func(t *testing.T, body []byte, max int, param string) {
		max = max % 50
		got := Harvest(body, max)
		seen := map[string]bool{}
		for field, values := range got {
			if len(values) > max || len(values) == 0 {
				t.Fatalf("%s: %d values for max %d", field, len(values), max)
			}
			for _, v := range values {
				if !usable(v) || len(v) > maxValueLen {
					t.Fatalf("%s: unusable value", field)
				}
				seen[v] = true
			}
		}
		for _, v := range Match(param, got, "/"+param+"s") {
			if !seen[v] {
				t.Fatal("Match gave a value that was not harvested")
			}
		}
	})
}

// FuzzFill feeds junk templates and values: Fill never panics, and a
// filled value never adds a path segment or a query.
func FuzzFill(f *testing.F) {
	f.Add("/a/{x}/b", "v/../w?q#f")
	f.Add("{", "}")
	f.Add("/{x}{x}{", "..")
	f.Fuzz(func(t *testing.T, template, value string) {
		path, _ := Fill(template, nil, func(string) (string, Source, bool) { return value, SourceConfig, true })
		if strings.Count(path, "/") != strings.Count(template, "/") {
			t.Fatalf("the filled path has another number of segments")
		}
		if strings.Count(path, "?") > strings.Count(template, "?") || strings.Count(path, "#") > strings.Count(template, "#") {
			t.Fatalf("a value added a query or fragment")
		}
	})
}
