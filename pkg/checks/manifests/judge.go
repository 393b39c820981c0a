package manifests

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/envvalue"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/manifest"
)

// The rule IDs of rules/manifest.yaml.
const (
	ruleDockerfile = "env/secret-in-dockerfile"
	ruleManifest   = "env/literal-secret-in-manifest"
	ruleConfigMap  = "env/secret-in-configmap"
	ruleKubeSecret = "env/kubernetes-secret-committed"
	ruleWorkflow   = "env/workflow-literal-secret"
	ruleUnreadable = "env/unreadable-manifest"
)

// varRule is one rule over a manifest's variables: whether it fires on a
// variable, and what it says (never the value).
type varRule struct {
	id      string
	fires   func(src *manifest.Source, v *manifest.Var) bool
	message func(src *manifest.Source, v *manifest.Var) string
}

// varRules are the rules judged variable by variable; a variable fires at
// most one, the first that fires.
var varRules = []varRule{
	{ruleDockerfile, secretInDockerfile, dockerfileMessage},
	{ruleConfigMap, secretInConfigMap, func(_ *manifest.Source, v *manifest.Var) string {
		return fmt.Sprintf("ConfigMap key `%s` holds a secret written into the manifest", name(v.Key))
	}},
	{ruleKubeSecret, kubernetesSecretCommitted, func(_ *manifest.Source, v *manifest.Var) string {
		return fmt.Sprintf("Secret key `%s` is committed with its value", name(v.Key))
	}},
	{ruleWorkflow, workflowLiteralSecret, func(_ *manifest.Source, v *manifest.Var) string {
		return fmt.Sprintf("`%s` in the %s is a literal secret; reference it as ${{ secrets.%s }}", name(v.Key), v.Scope, name(v.Key))
	}},
	{ruleManifest, literalSecretInManifest, manifestMessage},
}

// ruleIDs lists the rules the check emits.
func ruleIDs() []string {
	ids := []string{ruleUnreadable}
	for _, r := range varRules {
		ids = append(ids, r.id)
	}
	return ids
}

// judge applies every rule to one manifest.
func judge(src manifest.Source) []check.Report {
	var out []check.Report
	seen := map[string]int{}
	report := func(rule string, line int, anchor, msg, unreachable string, keyFile bool) {
		// The fingerprint rests on the rule, the file and what the finding
		// is about, not on the line, so it survives edits above; a repeat
		// gets its ordinal so dedupe keeps both.
		key := rule + "\x00" + src.File + "\x00" + anchor
		seen[key]++
		if n := seen[key]; n > 1 {
			key += "\x00" + strconv.Itoa(n)
		}
		r := check.Report{Rule: rule, File: src.File, Line: max(line, 1), Message: msg, Key: key}
		switch {
		case rule == ruleUnreadable:
		case src.Local != "":
			r.Message += localNote(&src)
			r.Capped, r.MaxSeverity = true, finding.Low
		case unreachable != "":
			r.Message += " (low: " + unreachable + ")"
			r.Capped, r.MaxSeverity = true, finding.Low
		case keyFile:
			r.Message += " (medium: " + envvalue.KeyFileNote + ")"
			r.Capped, r.MaxSeverity = true, finding.Medium
		}
		out = append(out, r)
	}
	for _, p := range src.Problems {
		report(ruleUnreadable, p.Line, p.Message, unreadableManifest(&src, p), "", false)
	}
	// A value written once and merged into several services (a Compose
	// anchor) is one finding, at the line where it is written.
	written := map[string]bool{}
	for i := range src.Vars {
		v := &src.Vars[i]
		for _, r := range varRules {
			if !r.fires(&src, v) {
				continue
			}
			at := fmt.Sprintf("%s\x00%d\x00%s\x00%s", r.id, v.Line, v.Scope, v.Key)
			if !written[at] {
				written[at] = true
				report(r.id, v.Line, v.Scope+"\x00"+v.Key, r.message(&src, v), v.Unreachable, envvalue.KeyFilePassword(v.Key))
			}
			break
		}
	}
	return out
}

// unreadableManifest says what the parser said, where. Parser messages
// name keys and characters, never values.
func unreadableManifest(src *manifest.Source, p manifest.Problem) string {
	return fmt.Sprintf("the %s manifest cannot be read: %s", src.Kind, p.Message)
}

// literalSecret reports whether v, in production, has a secret-named key
// and a value written in the file that is a value: not empty, not a
// reference, not a placeholder (env/placeholder-secret's) and not a
// setting: a yes/no switch (TOKEN_AUTH: "true"), a duration, a rate or a
// number (envvalue.Setting). The default of a reference
// (${SECRET_KEY:-…}) is written in the file too: production runs with it
// whenever the variable is unset.
func literalSecret(v *manifest.Var) bool {
	if !v.Production || !envvalue.SecretName(v.Key) {
		return false
	}
	return v.Literal && value(v.Key, v.Value) || v.Default != "" && value(v.Key, v.Default)
}

// value reports whether s, the value of key, could be a secret.
func value(key, s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || envvalue.Reference(s) || envvalue.Placeholder(s) || envvalue.Setting(key, s) {
		return false
	}
	switch strings.ToLower(s) {
	case "0", "1":
		return false
	}
	return true
}

// manifestMessage says where a literal secret of the other manifests is
// written.
func manifestMessage(src *manifest.Source, v *manifest.Var) string {
	what := "is a secret written into the manifest"
	if !v.Literal {
		what = "has a secret default written into the manifest, which production runs with whenever the variable is unset"
	}
	if src.Kind == manifest.KindSettings {
		return fmt.Sprintf("`%s` in the production settings file %s; read it from the environment or a secret store", name(v.Shown()), strings.Replace(what, "manifest", "file", 1))
	}
	return fmt.Sprintf("`%s` (%s %s) %s; set it in the platform's secret store", name(v.Shown()), src.Kind, v.Scope, what)
}

// dockerfileMessage says where a Dockerfile secret ends up: an ENV of the
// last stage is in every image built from the file; an ARG default of the
// last stage in the image's build history; anything of an earlier stage
// only in the Dockerfile and the build's own layers and cache.
func dockerfileMessage(_ *manifest.Source, v *manifest.Var) string {
	switch {
	case v.Builder && v.Stage == "":
		return fmt.Sprintf("%s `%s` before the first FROM has its secret value written out; it is in the Dockerfile, so in the repository, and in the build's cache, though not in the shipped image's environment", v.Scope, name(v.Key))
	case v.Builder:
		return fmt.Sprintf("%s `%s` in build stage `%s` of the Dockerfile has its secret value written out; it is in the Dockerfile, so in the repository, and in the builder stage's layers and cache, though not in the image the last stage ships", v.Scope, name(v.Key), name(v.Stage))
	case v.Scope == "ARG":
		return fmt.Sprintf("ARG `%s` in the Dockerfile has its secret default written out; it is in the repository, and the image's build history records it", name(v.Key))
	}
	return fmt.Sprintf("%s `%s` in the Dockerfile has its secret value written out; every image built from it keeps it", v.Scope, name(v.Key))
}

// localNote says why a finding of a manifest that runs only on a
// developer's machine is low.
func localNote(src *manifest.Source) string {
	return fmt.Sprintf(" (low: the %s file runs on a developer's machine only: %s)", src.Kind, src.Local)
}

// secretInDockerfile: an ENV or ARG with a secret name and a literal value.
func secretInDockerfile(src *manifest.Source, v *manifest.Var) bool {
	return src.Kind == manifest.KindDockerfile && literalSecret(v)
}

// secretInConfigMap: a ConfigMap key with a secret name and a literal value.
func secretInConfigMap(src *manifest.Source, v *manifest.Var) bool {
	return src.Kind == manifest.KindKubernetes && v.Scope == "configmap" && literalSecret(v)
}

// kubernetesSecretCommitted: any Secret key with a value, whatever its
// name; a Secret's data is secret by definition.
func kubernetesSecretCommitted(src *manifest.Source, v *manifest.Var) bool {
	return src.Kind == manifest.KindKubernetes && v.Scope == "secret" && v.Production && v.Literal && value(v.Key, v.Value)
}

// workflowLiteralSecret: a workflow, job, step or job-container env with a
// secret name and a literal value. Service containers run throwaway
// databases for tests and are not judged.
func workflowLiteralSecret(src *manifest.Source, v *manifest.Var) bool {
	return src.Kind == manifest.KindWorkflow && v.Scope != "service env" && literalSecret(v)
}

// literalSecretInManifest: the other manifests' literal secrets.
func literalSecretInManifest(src *manifest.Source, v *manifest.Var) bool {
	switch src.Kind {
	case manifest.KindDockerfile, manifest.KindWorkflow:
		return false
	case manifest.KindKubernetes:
		if v.Scope != "env" {
			return false
		}
	}
	return literalSecret(v)
}

// name clips a key for a message.
func name(key string) string {
	key = strings.ToValidUTF8(strings.Join(strings.Fields(key), " "), "\uFFFD")
	if len(key) > 80 {
		return strings.ToValidUTF8(key[:79], "") + "…"
	}
	return key
}
