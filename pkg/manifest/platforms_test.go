package manifest

import (
	"fmt"
	"strings"
	"testing"
)

func TestExtractPlatforms(t *testing.T) {
	runExtract(t, []extractCase{
		{
			name: "render", path: "render.yaml", kind: KindRender, prod: true,
			data: "services:\n  - type: web\n    envVars:\n      - key: A\n        value: x\n      - key: B\n        sync: false\n      - key: C\n        generateValue: true\n      - value: nokey\nenvVarGroups:\n  - name: g\n    envVars:\n      - key: G\n        value: 1\n",
			vars: []string{
				"4 A=x envVars literal prod",
				"6 B= envVars prod",
				"8 C= envVars prod",
				"14 G=1 envVars literal prod",
			},
			problems: []string{"10 envVars entry without a key"},
		},
		{
			name: "app engine", path: "service/app.yaml", kind: KindAppEngine, prod: true,
			data: "runtime: python312\nenv_variables:\n  A: \"1\"\n  B: ${REF}\nbuild_env_variables:\n  GOOGLE_NODE_RUN_SCRIPTS: build\n",
			vars: []string{
				"3 A=1 env_variables literal prod",
				"4 B=${REF} env_variables prod",
				"6 GOOGLE_NODE_RUN_SCRIPTS=build build_env_variables literal prod",
			},
		},
		{
			name: "vercel", path: "vercel.json", kind: KindVercel, prod: true,
			data: "{\n  \"env\": {\n    \"A\": \"x\",\n    \"S\": \"@secret-name\",\n    \"N\": 5, \"B\": true, \"O\": {\"nested\": 1}\n  },\n  \"build\": {\"env\": {\"BA\": \"y\"}},\n  \"functions\": {\"env\": {\"NO\": \"z\"}},\n  \"rewrites\": [{\"env\": {\"NO\": 1}}]\n}\n",
			vars: []string{
				"3 A=x env literal prod",
				"4 S=@secret-name env prod",
				"5 N=5 env literal prod",
				"5 B=true env literal prod",
				"7 BA=y build.env literal prod",
			},
		},
		{
			name: "vercel malformed", path: "vercel.json", kind: KindVercel, prod: true,
			data:     "{\n  \"env\": {\n    \"A\": \"x\",\n  }\n}\n",
			vars:     []string{"3 A=x env literal prod"},
			problems: []string{"4 invalid JSON: invalid character '}'"},
		},
		{
			name: "vercel truncated and trailing data", path: "vercel.json", kind: KindVercel, prod: true,
			data:     "{\"env\": {\"A\": \"x\"}} {}",
			vars:     []string{"1 A=x env literal prod"},
			problems: []string{"1 invalid JSON: more than one value"},
		},
		{
			name: "netlify contexts", path: "netlify.toml", kind: KindNetlify, prod: true,
			data: "[build]\n  command = \"x\"\n  environment = { A = \"1\" }\n[context.production]\n  environment.B = \"2\"\n[context.deploy-preview.environment]\n  C = \"3\"\n[context.branch-deploy.environment]\n  \"D.E\" = 4\n[[plugins]]\n  package = \"p\"\n  [plugins.inputs]\n    environment = \"no\"\n",
			vars: []string{
				"3 A=1 build.environment literal prod",
				"5 B=2 context.production.environment literal prod",
				"7 C=3 context.deploy-preview.environment literal",
				"9 D.E=4 context.branch-deploy.environment literal",
			},
		},
		{
			name: "fly env and build args", path: "fly.toml", kind: KindFly, prod: true,
			data: "app = 'x'\n[env]\n  PORT = 8080\n  LIST = [1, 2]\n  'QUOTED KEY' = '''multi\nline'''\n[build.args]\n  V = \"1\"\n",
			vars: []string{
				"3 PORT=8080 env literal prod",
				"5 QUOTED KEY=multi\nline env literal prod",
				"8 V=1 build.args literal prod",
			},
			problems: []string{"4 env: LIST must be a string, number or boolean"},
		},
		{
			name: "toml syntax error", path: "fly.toml", kind: KindFly, prod: true,
			data:     "[env]\n  A = \"1\"\n  B = \n",
			vars:     []string{"2 A=1 env literal prod"},
			problems: []string{"3 invalid TOML"},
		},
		{
			name: "toml duplicate key", path: "netlify.toml", kind: KindNetlify, prod: true,
			data:     "[build.environment]\n  A = \"1\"\n  A = \"2\"\n",
			vars:     []string{"2 A=1 build.environment literal prod", "3 A=2 build.environment literal prod"},
			problems: []string{"3 invalid TOML: key build.environment.A is defined twice (first on line 2)"},
		},
	})
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		path, data, want string
	}{
		{"Dockerfile", "", KindDockerfile},
		{"svc/api.Dockerfile", "", KindDockerfile},
		{"Containerfile", "", KindDockerfile},
		{"Dockerfile.want", "", ""},
		{".dockerignore", "", ""},
		{"Procfile", "", KindProcfile},
		{".github/workflows/deploy.yml", "", KindWorkflow},
		{"docs/.github/workflows/x.yaml", "", KindWorkflow},
		{"docker-compose.prod.yml", "", KindCompose},
		{"compose.yaml", "", KindCompose},
		{"composer.json", "", ""},
		{"vercel.json", "", KindVercel},
		{"netlify.toml", "", KindNetlify},
		{"fly.staging.toml", "", KindFly},
		{"render.yaml", "", KindRender},
		{"app.yaml", "runtime: go122\n", KindAppEngine},
		{"app.yaml", "apiVersion: v1\nkind: Service\n", KindKubernetes},
		{"k8s/svc.yml", "apiVersion: v1\nkind: Service\n", KindKubernetes},
		{"charts/x/templates/d.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: {{ .Release.Name }}}\n", ""},
		{"openapi.yaml", "openapi: 3.0.3\n", ""},
		{"k8s/kustomization.yaml", "resources: [a.yaml]\n", KindKubernetes},
		{"package.json", "{}", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := KindOf(tt.path, []byte(tt.data)); got != tt.want {
				t.Errorf("KindOf(%q) = %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

// TestMergeBomb holds the YAML reader to its budget: anchors merged into
// each other ten times over would expand to 10^8 entries.
func TestMergeBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 {k: v, k2: v}\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "a%d: &a%d\n  <<: [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("services:\n  s:\n    environment:\n      <<: *a8\n      X: y\n")
	src, ok := Extract("docker-compose.yml", []byte(b.String()))
	if !ok {
		t.Fatal("not a compose file")
	}
	if len(src.Problems) != 1 || !strings.Contains(src.Problems[0].Message, "too many entries") {
		t.Errorf("problems = %v, want the merge budget", src.Problems)
	}
}
