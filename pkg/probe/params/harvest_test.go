package params

import (
	"reflect"
	"strings"
	"testing"
)

// TestHarvest states what is collected from list responses of the usual
// shapes, and that everything else gives nothing.
func TestHarvest(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		max        int
		want       map[string][]string
	}{
		{"top-level array", `[{"id":"inv_a1","amount":10,"customerId":"cus_1"},{"id":"inv_a2","customerId":"cus_1"}]`, 5,
			map[string][]string{"id": {"inv_a1", "inv_a2"}, "customerId": {"cus_1"}}},
		{"data wrapper", `{"data":[{"uuid":"0b6f…","project_id":7}],"total":1}`, 5,
			map[string][]string{"uuid": {"0b6f…"}, "project_id": {"7"}}},
		{"one of several arrays", `{"errors":[],"results":[{"slug":"acme-q1"}],"links":[{"id":"not-an-item"}]}`, 5,
			map[string][]string{"slug": {"acme-q1"}}},
		{"one object down", `{"page":{"items":[{"id":1}]}}`, 5, map[string][]string{"id": {"1"}}},
		{"nested object", `[{"id":"u1","tenant":{"id":"acme","name":"Acme"}}]`, 5, map[string][]string{"id": {"u1"}, "tenant.id": {"acme"}}},
		{"at most max", `[{"id":1},{"id":2},{"id":3},{"id":2}]`, 2, map[string][]string{"id": {"1", "2"}}},
		{"not ids", `[{"paid":"yes","valid":"1","name":"x","identity":"y","id":1.5,"ownerId":true,"userID":null,"teamId":{"a":1}}]`, 5, map[string][]string{}},
		{"unusable strings", `[{"id":""},{"id":".."},{"id":"a\u0000b"},{"id":"` + strings.Repeat("x", 300) + `"}]`, 5, map[string][]string{}},
		{"scalar items", `["inv_a1","inv_a2"]`, 5, map[string][]string{}},
		{"not a list", `{"id":"me","name":"alice"}`, 5, map[string][]string{}},
		{"several arrays, none known", `{"a":[{"id":1}],"b":[{"id":2}]}`, 5, map[string][]string{}},
		{"junk", "\x00\xff{", 5, map[string][]string{}},
		{"empty", ``, 5, map[string][]string{}},
		{"zero max", `[{"id":1}]`, 0, map[string][]string{}},
		{"big integer kept exact", `[{"id":12345678901234567890}]`, 5, map[string][]string{"id": {"12345678901234567890"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Harvest([]byte(tc.body), tc.max); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Harvest = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestHarvestBounds: only the first items are read, and a body over the
// size bound gives nothing.
func TestHarvestBounds(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i < maxItems+50; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"id":` + strings.Repeat("1", 1+i%3) + `,"n` + string(rune('a'+i%26)) + `Id":"v"}`)
	}
	b.WriteString("]")
	if got := Harvest([]byte(b.String()), 1000); len(got["id"]) != 3 {
		t.Errorf("ids %v", got["id"])
	}
	big := append([]byte(`[{"id":"a"},"`), make([]byte, maxListBody)...)
	if got := Harvest(big, 5); len(got) != 0 {
		t.Error("an oversized body was read")
	}
	late := `[` + strings.Repeat(`{"x":1},`, maxItems) + `{"id":"late"}]`
	if got := Harvest([]byte(late), 5); len(got) != 0 {
		t.Errorf("an item past the bound was read: %v", got)
	}
}

// TestIDLike states which field names are read as identifiers.
func TestIDLike(t *testing.T) {
	for name, want := range map[string]bool{
		"id": true, "ID": true, "uuid": true, "slug": true, "_id": true,
		"invoiceId": true, "invoiceID": true, "invoice_id": true, "invoice-id": true, "orgUuid": true, "org_uuid": true, "v2Id": true,
		"paid": false, "valid": false, "Id2": false, "identity": false, "name": false, "Id": true, "_Id": true,
	} {
		if got := idLike(name); got != want {
			t.Errorf("idLike(%q) = %v, want %v", name, got, want)
		}
	}
}
