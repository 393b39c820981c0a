package params

import (
	"slices"
	"testing"

	"github.com/launchgate/launchgate/pkg/spec"
)

// TestMatch states which harvested values fit a parameter.
func TestMatch(t *testing.T) {
	invoices := map[string][]string{"id": {"inv_a1", "inv_a2"}, "uuid": {"u-1"}, "projectId": {"prj_a1"}, "customer.id": {"cus_1"}, "created_by_id": {"usr_1"}}
	for _, tc := range []struct {
		param, collection string
		want              []string
	}{
		{"invoiceId", "/api/invoices", []string{"inv_a1", "inv_a2", "u-1"}},
		{"invoice_id", "/api/invoices", []string{"inv_a1", "inv_a2", "u-1"}},
		{"invoiceID", "invoices", []string{"inv_a1", "inv_a2", "u-1"}},
		{"invoiceUuid", "/api/invoices", []string{"u-1", "inv_a1", "inv_a2"}},
		{"invoice", "/api/invoices", []string{"inv_a1", "inv_a2", "u-1"}},
		{"id", "/api/invoices", []string{"inv_a1", "inv_a2", "u-1"}},
		{"id", "", []string{"inv_a1", "inv_a2", "u-1"}},
		{"projectId", "/api/invoices", []string{"prj_a1"}},
		{"project_id", "/api/invoices", []string{"prj_a1"}},
		{"customerId", "/api/invoices", []string{"cus_1"}},
		{"createdById", "/api/invoices", []string{"usr_1"}},
		{"userId", "/api/invoices", nil},
		{"invoiceId", "/api/projects/{projectId}/invoices", []string{"inv_a1", "inv_a2", "u-1"}},
		{"projectId", "/api/projects/{projectId}/invoices", []string{"prj_a1"}},
		{"slug", "/api/invoices", nil},
		{"categoryId", "/categories", []string{"inv_a1", "inv_a2", "u-1"}},
		{"addressId", "/addresses", []string{"inv_a1", "inv_a2", "u-1"}},
		{"boxId", "/boxes", []string{"inv_a1", "inv_a2", "u-1"}},
		{"staffId", "/staff", []string{"inv_a1", "inv_a2", "u-1"}},
	} {
		if got := Match(tc.param, invoices, tc.collection); !slices.Equal(got, tc.want) {
			t.Errorf("Match(%q, %q) = %v, want %v", tc.param, tc.collection, got, tc.want)
		}
	}
	exact := map[string][]string{"invoiceId": {"exact"}, "invoice_id": {"folded"}, "id": {"own"}}
	if got := Match("invoiceId", exact, "/invoices"); !slices.Equal(got, []string{"exact", "folded", "own"}) {
		t.Errorf("exact field first: %v", got)
	}
	if got := Match("invoiceId", nil, "/invoices"); got != nil {
		t.Errorf("nothing harvested gives %v", got)
	}
}

// TestSources: configuration first, then the spec's example and default,
// then harvested values; nothing else.
func TestSources(t *testing.T) {
	declared := []spec.Parameter{
		{Name: "invoiceId", In: "path", Example: "inv_example"},
		{Name: "projectId", In: "path", Default: "prj_default"},
		{Name: "reportId", In: "query", Example: "not-a-path-value"},
		{Name: "up", In: "path", Example: ".."},
	}
	harvested := map[string][]string{"id": {"inv_h1"}, "reportId": {"rep_h1"}}
	objects := map[string]string{"tenant_id": "acme"}
	look := Sources(objects, declared, harvested, "/invoices")
	for _, tc := range []struct {
		name, value string
		src         Source
		ok          bool
	}{
		{"tenantId", "acme", SourceConfig, true},
		{"invoiceId", "inv_example", SourceExample, true},
		{"projectId", "prj_default", SourceExample, true},
		{"reportId", "rep_h1", SourceHarvested, true},
		{"up", "", "", false},
		{"userId", "", "", false},
	} {
		v, src, ok := look(tc.name)
		if v != tc.value || src != tc.src || ok != tc.ok {
			t.Errorf("%s: %q %q %v, want %q %q %v", tc.name, v, src, ok, tc.value, tc.src, tc.ok)
		}
	}
	withConfig := Sources(map[string]string{"invoiceId": "inv_a1"}, declared, harvested, "/invoices")
	if v, src, _ := withConfig("invoiceId"); v != "inv_a1" || src != SourceConfig {
		t.Errorf("configuration does not come first: %q %q", v, src)
	}
	noExample := Sources(nil, nil, harvested, "/invoices")
	if v, src, _ := noExample("invoiceId"); v != "inv_h1" || src != SourceHarvested {
		t.Errorf("harvested id not used: %q %q", v, src)
	}
	path, missing := Fill("/invoices/{invoiceId}/lines/{lineId}", nil, look)
	if path != "/invoices/inv_example/lines/{lineId}" || !slices.Equal(missing, []string{"lineId"}) {
		t.Errorf("Fill through Sources: %q %v", path, missing)
	}
}
