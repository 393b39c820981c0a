package params

import (
	"slices"

	"github.com/launchgate/launchgate/pkg/spec"
)

// Lookup gives the value of a path parameter and where it came from.
type Lookup func(name string) (value string, src Source, ok bool)

// Sources is the lookup of an identity's path parameters, trying in order:
// objects, the configured probe.objects of the identity's tenant (by
// parameter name, exactly or but for case, _ and -); the operation's
// declared path parameter's example, then its default; then the first
// value Match takes from what was harvested from the identity's own list
// at collection.
func Sources(objects map[string]string, declared []spec.Parameter, harvested map[string][]string, collection string) Lookup {
	return func(name string) (string, Source, bool) {
		if v, ok := configured(objects, name); ok {
			return v, SourceConfig, true
		}
		for _, p := range declared {
			if p.In != "path" || p.Name != name {
				continue
			}
			for _, v := range []string{p.Example, p.Default} {
				if usable(v) {
					return v, SourceExample, true
				}
			}
		}
		if vs := Match(name, harvested, collection); len(vs) > 0 {
			return vs[0], SourceHarvested, true
		}
		return "", "", false
	}
}

// configured is the value objects gives name: its own entry, else the
// first (by sorted name) spelled the same but for case, _ and -.
func configured(objects map[string]string, name string) (string, bool) {
	if v, ok := objects[name]; ok && usable(v) {
		return v, true
	}
	keys := make([]string, 0, len(objects))
	for k := range objects {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if fold(k) == fold(name) && usable(objects[k]) {
			return objects[k], true
		}
	}
	return "", false
}
