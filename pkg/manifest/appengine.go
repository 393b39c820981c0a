package manifest

import "go.yaml.in/yaml/v4"

// readAppEngine reads an App Engine app.yaml: env_variables, which the
// runtime sets, and build_env_variables, which the buildpacks see.
func readAppEngine(src *Source, data []byte) {
	r := newYAMLReader(src)
	prod := fileProduction(src.File)
	src.Production = prod
	for _, doc := range r.documents(data) {
		if doc.Kind != yaml.MappingNode {
			src.problem(doc.Line, "app.yaml is a mapping of settings")
			continue
		}
		r.envMap(r.get(doc, "env_variables"), "env_variables", prod)
		r.envMap(r.get(doc, "build_env_variables"), "build_env_variables", prod)
	}
}
