package manifest

import (
	"go.yaml.in/yaml/v4"
)

// readWorkflow reads a GitHub Actions workflow's env maps: the workflow's,
// each job's, each step's, and those of job and service containers.
// Production is decided per job (see jobDeploys); the workflow's own env
// is production when the file is a deploy workflow by name or one of its
// jobs deploys.
func readWorkflow(src *Source, data []byte) {
	r := newYAMLReader(src)
	fileProd := fileProduction(src.File)
	src.Production = fileProd
	for _, doc := range r.documents(data) {
		if doc.Kind != yaml.MappingNode {
			src.problem(doc.Line, "a workflow is a mapping with a jobs key")
			continue
		}
		jobs := r.pairs(r.get(doc, "jobs"))
		workflowProd := fileProd
		deploys := make([]bool, len(jobs))
		for i, j := range jobs {
			deploys[i] = jobDeploys(j.key.Value, text(r.get(j.value, "name")), environmentName(r, j.value))
			workflowProd = workflowProd || deploys[i]
		}
		src.Production = src.Production || workflowProd
		r.envMap(r.get(doc, "env"), "workflow env", workflowProd)
		for i, j := range jobs {
			job := resolve(j.value)
			r.envMap(r.get(job, "env"), "job env", deploys[i])
			r.envMap(r.get(r.get(job, "container"), "env"), "container env", deploys[i])
			for _, svc := range r.pairs(r.get(job, "services")) {
				r.envMap(r.get(svc.value, "env"), "service env", false)
			}
			for _, step := range items(r.get(job, "steps")) {
				r.envMap(r.get(step, "env"), "step env", deploys[i])
			}
		}
	}
}

// environmentName is a job's GitHub environment: `environment: name` or
// `environment: {name: ...}`.
func environmentName(r *yamlReader, job *yaml.Node) string {
	env := r.get(job, "environment")
	if env != nil && env.Kind == yaml.MappingNode {
		return text(r.get(env, "name"))
	}
	return text(env)
}

// envMap reads a workflow env mapping. A string env (`env: ${{ fromJSON(...) }}`)
// is an expression and sets nothing literal.
func (r *yamlReader) envMap(n *yaml.Node, scope string, prod bool) {
	n = resolve(n)
	if n == nil || n.Kind == yaml.ScalarNode {
		return
	}
	if n.Kind != yaml.MappingNode {
		r.src.problem(n.Line, scope+" must be a mapping of names to values")
		return
	}
	r.envBlock(n, scope, prod)
}
