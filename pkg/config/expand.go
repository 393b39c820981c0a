package config

import (
	"fmt"
	"regexp"
	"sort"
)

// envRef is one ${NAME} in a probe value.
var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// ExpandIdentities returns the probe's identities with every ${NAME} in
// their headers replaced by the environment's value (lookup, usually
// os.LookupEnv). An unset or empty variable is an error naming the
// identity, the header and the variable, never a value. The values
// returned are credentials: callers hand them to the redactor before
// anything is printed.
func (p Probe) ExpandIdentities(lookup func(string) (string, bool)) ([]Identity, error) {
	out := make([]Identity, 0, len(p.Identities))
	seen := map[string]bool{}
	for i, id := range p.Identities {
		if id.Name == "" {
			return nil, fmt.Errorf("probe.identities[%d] has no name", i)
		}
		if seen[id.Name] {
			return nil, fmt.Errorf("probe.identities: %q is named twice", id.Name)
		}
		seen[id.Name] = true
		exp := id
		exp.Headers = make(map[string]string, len(id.Headers))
		names := make([]string, 0, len(id.Headers))
		for h := range id.Headers {
			names = append(names, h)
		}
		sort.Strings(names)
		for _, h := range names {
			var missing string
			v := envRef.ReplaceAllStringFunc(id.Headers[h], func(ref string) string {
				name := envRef.FindStringSubmatch(ref)[1]
				val, ok := lookup(name)
				if (!ok || val == "") && missing == "" {
					missing = name
				}
				return val
			})
			if missing != "" {
				return nil, fmt.Errorf("probe identity %q: header %s needs ${%s}, which is not set in the environment", id.Name, h, missing)
			}
			exp.Headers[h] = v
		}
		out = append(out, exp)
	}
	return out, nil
}

// HeaderValues returns every header value of ids, for the redactor.
func HeaderValues(ids []Identity) []string {
	var out []string
	for _, id := range ids {
		for _, v := range id.Headers {
			out = append(out, v)
		}
	}
	return out
}
