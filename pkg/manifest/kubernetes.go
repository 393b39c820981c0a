package manifest

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// containerLists are the pod-spec keys that hold containers, wherever a
// workload (Deployment, CronJob, a Knative Service or Argo Rollout) nests
// its pod template.
var containerLists = map[string]bool{"containers": true, "initContainers": true, "ephemeralContainers": true}

// maxWalkDepth bounds the search for containers in one object.
const maxWalkDepth = 64

// readKubernetes reads container env values, ConfigMap and Secret data
// and kustomize generator literals from every object in the file.
func readKubernetes(src *Source, data []byte) {
	r := newYAMLReader(src)
	prod := kubernetesProduction(src.File)
	src.Production = prod
	for _, doc := range r.documents(data) {
		r.kubeObject(doc, prod, 0)
	}
}

// kubeObject reads one object; a List is read item by item.
func (r *yamlReader) kubeObject(obj *yaml.Node, prod bool, depth int) {
	if obj == nil || obj.Kind != yaml.MappingNode || depth > maxAliasDepth {
		return
	}
	switch text(r.get(obj, "kind")) {
	case "List":
		for _, item := range items(r.get(obj, "items")) {
			r.kubeObject(item, prod, depth+1)
		}
	case "ConfigMap":
		r.kubeData(r.get(obj, "data"), "configmap", false, prod)
		r.kubeData(r.get(obj, "binaryData"), "configmap", true, prod)
	case "Secret":
		if text(r.get(obj, "apiVersion")) != "v1" {
			return
		}
		r.kubeData(r.get(obj, "data"), "secret", true, prod)
		r.kubeData(r.get(obj, "stringData"), "secret", false, prod)
	case "Kustomization":
		for _, g := range items(r.get(obj, "configMapGenerator")) {
			r.envBlock(r.get(g, "literals"), "configmap", prod)
		}
		for _, g := range items(r.get(obj, "secretGenerator")) {
			r.envBlock(r.get(g, "literals"), "secret", prod)
		}
	default:
		r.findContainers(obj, prod, 0)
	}
}

// kubeData reads the data of a ConfigMap or Secret. Base64 values are
// decoded, so the judgement of a placeholder sees what the pod sees.
func (r *yamlReader) kubeData(n *yaml.Node, scope string, b64 bool, prod bool) {
	for _, p := range r.pairs(n) {
		value, ok := scalar(p.value)
		if b64 && ok {
			if dec, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(value), "")); err == nil && utf8.Valid(dec) {
				value = string(dec)
			}
		}
		r.src.add(Var{Key: p.key.Value, Value: value, Line: p.key.Line,
			Literal: ok && value != "", Scope: scope, Production: prod})
	}
}

// findContainers walks an object for container lists and reads each
// container's env.
func (r *yamlReader) findContainers(n *yaml.Node, prod bool, depth int) {
	if n == nil || depth > maxWalkDepth {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if containerLists[k.Value] && v.Kind == yaml.SequenceNode {
				for _, c := range items(v) {
					r.containerEnv(c, prod)
				}
				continue
			}
			r.findContainers(v, prod, depth+1)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			r.findContainers(c, prod, depth+1)
		}
	}
}

// containerEnv reads a container's env list: a value is literal, a
// valueFrom (secretKeyRef, configMapKeyRef, fieldRef) is not.
func (r *yamlReader) containerEnv(c *yaml.Node, prod bool) {
	env := r.get(c, "env")
	if env == nil {
		return
	}
	if env.Kind != yaml.SequenceNode {
		r.src.problem(env.Line, "container env must be a list of name/value entries")
		return
	}
	for _, e := range items(env) {
		nameNode := r.get(e, "name")
		name, ok := scalar(nameNode)
		if !ok || name == "" {
			r.src.problem(e.Line, "container env entry without a name")
			continue
		}
		line := nameNode.Line
		if r.get(e, "valueFrom") != nil {
			r.src.add(Var{Key: name, Line: line, Scope: "env", Production: prod})
			continue
		}
		value, _ := scalar(r.get(e, "value"))
		r.src.add(Var{Key: name, Value: value, Line: line,
			Literal: literal(value), Scope: "env", Production: prod})
	}
}
