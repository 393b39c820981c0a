package manifest

import (
	"strings"

	"github.com/launchgate/launchgate/pkg/prodfile"

	"go.yaml.in/yaml/v4"
)

// readCompose reads each service's environment and build arguments.
func readCompose(src *Source, data []byte) {
	r := newYAMLReader(src)
	prod := fileProduction(src.File)
	src.Production = prod
	var services []composeService
	var owners []owned
	ingress := ""
	for _, doc := range r.documents(data) {
		if doc.Kind != yaml.MappingNode {
			src.problem(doc.Line, "a Compose file is a mapping with a services key")
			continue
		}
		// Uffizzi's extension names the one service its preview
		// environments expose; the ports of the others reach no one.
		if name := text(r.get(r.get(r.get(doc, "x-uffizzi"), "ingress"), "service")); name != "" {
			ingress = name
		}
		for _, svc := range r.pairs(r.get(doc, "services")) {
			service := resolve(svc.value)
			services = append(services, r.readService(svc.key.Value, service))
			from := len(src.Vars)
			r.envBlock(r.get(service, "environment"), "environment", prod)
			owners = append(owners, owned{service: len(services) - 1, from: from, to: len(src.Vars)})
			if build := r.get(service, "build"); build != nil && build.Kind == yaml.MappingNode {
				r.envBlock(r.get(build, "args"), "build.args", prod)
			}
		}
	}
	// A file production by name (prod, production) deploys production's
	// own credentials: committed, they are the finding wherever the
	// store listens.
	if !prodfile.ProductionByName(src.File) {
		markUnreachable(src.Vars, owners, services, ingress)
	}
	if prod {
		src.Local = composeLocal(src.File, services)
	}
}

// envBlock reads an environment written as a mapping (KEY: value) or as a
// list (- KEY=value), the two forms Compose, Kubernetes kustomize literals
// and others accept. A key without a value passes the variable through
// from where the tool runs, so it is not literal.
func (r *yamlReader) envBlock(n *yaml.Node, scope string, prod bool) {
	n = resolve(n)
	if n == nil {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		for _, p := range r.pairs(n) {
			value, ok := scalar(p.value)
			r.src.add(Var{Key: p.key.Value, Value: value, Line: p.key.Line,
				Literal: ok && literal(value), Scope: scope, Production: prod})
		}
	case yaml.SequenceNode:
		for _, item := range items(n) {
			entry, ok := scalar(item)
			if !ok {
				r.src.problem(item.Line, scope+": a list entry must be KEY=value")
				continue
			}
			key, value, hasValue := strings.Cut(entry, "=")
			r.src.add(Var{Key: strings.TrimSpace(key), Value: value, Line: item.Line,
				Literal: hasValue && literal(value), Scope: scope, Production: prod})
		}
	default:
		r.src.problem(n.Line, scope+" must be a mapping or a list of KEY=value")
	}
}
