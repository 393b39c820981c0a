package manifest

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/launchgate/launchgate/pkg/prodfile"
)

// The kinds of manifest, as Source.Kind names them.
const (
	KindDockerfile = "dockerfile"
	KindCompose    = "compose"
	KindKubernetes = "kubernetes"
	KindVercel     = "vercel"
	KindNetlify    = "netlify"
	KindFly        = "fly"
	KindRender     = "render"
	KindAppEngine  = "appengine"
	KindProcfile   = "procfile"
	KindWorkflow   = "workflow"
	KindSettings   = "settings"
	KindEntrypoint = "entrypoint"
)

// kubeHeader finds the two top-level keys every Kubernetes object has.
var (
	kubeAPIVersion = regexp.MustCompile(`(?m)^apiVersion:[ \t]*\S`)
	kubeKind       = regexp.MustCompile(`(?m)^kind:[ \t]*\S`)
)

// KindOf names the kind of manifest at path with content data, or returns
// "" for a file that is none. Most kinds are known by name; a YAML file is
// a Kubernetes manifest when it has top-level apiVersion and kind keys and
// is not a template (Helm charts' {{ }} are not YAML until rendered).
func KindOf(p string, data []byte) string {
	dir, base := path.Split(p)
	lower := strings.ToLower(base)
	ext := path.Ext(lower)
	yamlExt := ext == ".yml" || ext == ".yaml"
	switch {
	case strings.HasSuffix(lower, ".want"):
		// Expectation sidecars of the fixtures sit next to what they
		// describe and are not manifests themselves.
		return ""
	case lower == "dockerfile" || lower == "containerfile" ||
		strings.HasPrefix(lower, "dockerfile.") || strings.HasPrefix(lower, "containerfile.") ||
		strings.HasSuffix(lower, ".dockerfile") || strings.HasSuffix(lower, ".containerfile"):
		return KindDockerfile
	case lower == "procfile" || strings.HasPrefix(lower, "procfile."):
		return KindProcfile
	case yamlExt && strings.HasSuffix(dir, ".github/workflows/"):
		return KindWorkflow
	case yamlExt && composeName(strings.TrimSuffix(lower, ext)):
		return KindCompose
	case lower == "vercel.json":
		return KindVercel
	case lower == "netlify.toml":
		return KindNetlify
	case lower == "fly.toml" || strings.HasPrefix(lower, "fly.") && ext == ".toml":
		return KindFly
	case lower == "render.yaml" || lower == "render.yml":
		return KindRender
	case yamlExt && kubernetesData(data):
		return KindKubernetes
	case lower == "kustomization.yaml" || lower == "kustomization.yml":
		return KindKubernetes
	case lower == "app.yaml" || lower == "app.yml":
		return KindAppEngine
	case prodfile.SettingsFile(p):
		return KindSettings
	case entrypointName(lower):
		return KindEntrypoint
	}
	return ""
}

// composeName reports whether stem (a file name without its extension)
// names a Compose file: docker-compose, compose, docker-compose.prod,
// compose-production.
func composeName(stem string) bool {
	for _, kind := range []string{"docker-compose", "compose"} {
		if rest, ok := strings.CutPrefix(stem, kind); ok && (rest == "" || rest[0] == '.' || rest[0] == '-') {
			return true
		}
	}
	return false
}

// kubernetesData reports whether data looks like Kubernetes objects.
func kubernetesData(data []byte) bool {
	data = withoutBOM(data)
	return kubeAPIVersion.Match(data) && kubeKind.Match(data) && !bytes.Contains(data, []byte("{{"))
}
