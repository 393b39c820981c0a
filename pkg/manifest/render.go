package manifest

import "go.yaml.in/yaml/v4"

// readRender reads render.yaml: each service's and environment group's
// envVars. A value is literal; fromDatabase, fromService, fromGroup,
// generateValue and `sync: false` (set in the dashboard) are not.
func readRender(src *Source, data []byte) {
	r := newYAMLReader(src)
	prod := fileProduction(src.File)
	src.Production = prod
	for _, doc := range r.documents(data) {
		if doc.Kind != yaml.MappingNode {
			src.problem(doc.Line, "render.yaml is a mapping with a services key")
			continue
		}
		var lists []*yaml.Node
		for _, svc := range items(r.get(doc, "services")) {
			lists = append(lists, r.get(svc, "envVars"))
		}
		for _, g := range items(r.get(doc, "envVarGroups")) {
			lists = append(lists, r.get(g, "envVars"))
		}
		for _, list := range lists {
			for _, e := range items(list) {
				keyNode := r.get(e, "key")
				key, ok := scalar(keyNode)
				if !ok || key == "" {
					src.problem(e.Line, "envVars entry without a key")
					continue
				}
				valueNode := r.get(e, "value")
				value, hasValue := scalar(valueNode)
				src.add(Var{Key: key, Value: value, Line: keyNode.Line,
					Literal: hasValue && literal(value), Scope: "envVars", Production: prod})
			}
		}
	}
}
