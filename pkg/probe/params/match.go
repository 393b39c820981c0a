package params

import (
	"slices"
	"strings"
)

// Match lists the harvested values that fit the path parameter param of
// an operation under collection (the list's path, /invoices, or its last
// segment): first a field of the same name, then one spelled the same but
// for case, _ and - (invoice_id for invoiceId), then the id of a nested
// object of that name (invoice.id), then — when the parameter names the
// collection's items ({invoiceId} or {id} under /invoices) — the items'
// own id, uuid or slug. A parameter that names something else gets
// nothing from the items' ids: {projectId} under /invoices is not an
// invoice's id.
func Match(param string, harvested map[string][]string, collection string) []string {
	var out []string
	add := func(field string) {
		for _, v := range harvested[field] {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	add(param)
	want := fold(param)
	base, kind := splitParam(want)
	for _, field := range sortedFields(harvested) {
		if field != param && fold(field) == want {
			add(field)
		}
	}
	if base != "" {
		for _, field := range sortedFields(harvested) {
			if fold(field) == base+"."+kind {
				add(field)
			}
		}
	}
	if base == "" || namesItems(base, lastSegment(collection)) {
		for _, field := range ownFields(kind) {
			add(field)
		}
	}
	return out
}

// fold spells a name for comparison: lower case, without _ and -.
func fold(s string) string {
	s = strings.ToLower(s)
	return strings.NewReplacer("_", "", "-", "").Replace(s)
}

// splitParam splits a folded parameter name into what it identifies and
// the kind of identifier: invoiceid is (invoice, id), uuid is ("", uuid);
// a name with no such ending is itself with kind id.
func splitParam(p string) (base, kind string) {
	for _, k := range []string{"uuid", "slug", "id"} {
		if b, ok := strings.CutSuffix(p, k); ok {
			return b, k
		}
	}
	return p, "id"
}

// ownFields are the item fields that carry the kind of identifier asked
// for, the closest first.
func ownFields(kind string) []string {
	switch kind {
	case "uuid":
		return []string{"uuid", "id"}
	case "slug":
		return []string{"slug"}
	}
	return []string{"id", "uuid"}
}

// lastSegment is the last segment of a path that is not a placeholder.
func lastSegment(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i := len(segs) - 1; i >= 0; i-- {
		if s := segs[i]; s != "" && !strings.HasPrefix(s, "{") {
			return s
		}
	}
	return ""
}

// namesItems reports whether base (folded) names the items of the
// collection segment: invoice for invoices, category for categories.
func namesItems(base, segment string) bool {
	seg := fold(segment)
	if seg == "" {
		return false
	}
	return base == seg || base == singular(seg)
}

// singular is an English plural's singular, for collection names.
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "xes"), strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "shes"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss"):
		return s[:len(s)-1]
	}
	return s
}

func sortedFields(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
