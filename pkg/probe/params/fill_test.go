package params

import (
	"slices"
	"testing"
)

func table(values map[string]string) func(string) (string, Source, bool) {
	return func(name string) (string, Source, bool) {
		v, ok := values[name]
		return v, SourceConfig, ok
	}
}

// TestFill states the paths written and the parameters reported missing.
func TestFill(t *testing.T) {
	values := map[string]string{"invoiceId": "inv_a1", "projectId": "prj 1/2", "empty": "", "up": "..", "dot": ".", "n": "42"}
	for _, tc := range []struct {
		name, template string
		names          []string
		want           string
		missing        []string
	}{
		{"no params", "/api/invoices", nil, "/api/invoices", nil},
		{"one", "/api/invoices/{invoiceId}", []string{"invoiceId"}, "/api/invoices/inv_a1", nil},
		{"escaped", "/api/projects/{projectId}/invoices/{invoiceId}", nil, "/api/projects/prj%201%2F2/invoices/inv_a1", nil},
		{"declared spelling", "/api/invoices/{invoiceID}", []string{"invoiceId"}, "/api/invoices/inv_a1", nil},
		{"missing once, in order", "/a/{x}/b/{invoiceId}/c/{y}/{x}", nil, "/a/{x}/b/inv_a1/c/{y}/{x}", []string{"x", "y"}},
		{"empty value", "/a/{empty}", nil, "/a/{empty}", []string{"empty"}},
		{"dot-dot value", "/a/{up}/b", nil, "/a/{up}/b", []string{"up"}},
		{"dot value", "/a/{dot}", nil, "/a/{dot}", []string{"dot"}},
		{"within a segment", "/reports/{n}.csv", nil, "/reports/42.csv", nil},
		{"unclosed", "/a/{invoiceId", nil, "/a/{invoiceId", nil},
		{"empty braces", "/a/{}/{n}", nil, "/a/{}/42", nil},
		{"nested brace", "/a/{{n}}", nil, "/a/{42}", nil},
		{"slash inside", "/a/{n/b}", nil, "/a/{n/b}", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, missing := Fill(tc.template, tc.names, table(values))
			if got != tc.want || !slices.Equal(missing, tc.missing) {
				t.Errorf("Fill = %q, %q; want %q, %q", got, missing, tc.want, tc.missing)
			}
		})
	}
}
