package secrets

import "strings"

// formTextNames end the names of the props and attributes whose text a
// form shows to every user who opens it: an input's placeholder, its
// hint or helper text. A key written there shows the format a field
// expects.
var formTextNames = []string{"placeholder", "placeholdertext", "helpertext", "hinttext"}

// formText reports whether the value at start is assigned to a form
// field's placeholder or hint: `placeholder: "…"`, `placeholder="…"`,
// `placeholderText={"…"}`, `:placeholder="'…'"`.
func formText(content string, start int) bool {
	for n := 0; n < maxOperator && start > 0 && strings.IndexByte(" \t'\"`{(", content[start-1]) >= 0; n++ {
		start--
	}
	name := strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(nameBefore(content, start)))
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	for _, n := range formTextNames {
		if name == n {
			return true
		}
	}
	return false
}
