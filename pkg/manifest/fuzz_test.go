package manifest

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// fuzzPaths are the file names FuzzExtract reads its input under, one per
// kind.
var fuzzPaths = []string{
	"Dockerfile", "Procfile", "docker-compose.yml", "k8s/app.yaml",
	".github/workflows/deploy.yml", "render.yaml", "app.yaml", "vercel.json",
	"netlify.toml", "fly.toml", "config/production.yml", "config/production.json",
	"config/prod.toml", "application-prod.properties", "prod.tfvars", "docker-entrypoint.sh",
	"app/settings/production.py", "config/environments/production.rb", "config/runtime.exs",
}

// checkSource holds every extraction to what a consumer relies on: lines
// inside the file, keys present and named, problems with a message, and
// none of them twice.
func checkSource(t *testing.T, src Source, data []byte) {
	t.Helper()
	lines := bytes.Count(data, []byte("\n")) + 1
	if len(distinct(slices.Clone(src.Vars))) != len(src.Vars) || len(distinct(slices.Clone(src.Problems))) != len(src.Problems) {
		t.Fatalf("a variable or problem repeats, so it would be reported twice: %+v %+v", src.Vars, src.Problems)
	}
	for _, v := range src.Vars {
		if v.Line < 1 || v.Line > lines {
			t.Fatalf("var %q at line %d of a %d-line file", v.Key, v.Line, lines)
		}
		if v.Scope == "" {
			t.Fatalf("var %q without a scope", v.Key)
		}
		if strings.TrimSpace(v.Key) == "" {
			t.Fatalf("var without a name: %+v", v)
		}
		if v.Production && !src.Production {
			t.Fatalf("var %q is production in a source that is not", v.Key)
		}
	}
	for _, p := range src.Problems {
		if p.Line < 0 || p.Line > lines || p.Message == "" {
			t.Fatalf("problem %+v in a %d-line file", p, lines)
		}
	}
}

func FuzzExtract(f *testing.F) {
	seeds := []string{
		"FROM a\nENV A=1 B=\"x y\" \\\n C=$D\nARG E\n",
		"web: A=1 node x\n",
		"x: &a {K: v}\nservices:\n  s:\n    environment:\n      <<: *a\n      L: [1]\n",
		"apiVersion: v1\nkind: Secret\ndata:\n  a: YQ==\n---\napiVersion: v1\nkind: List\nitems: [{kind: ConfigMap, data: {b: c}}]\n",
		"jobs:\n  deploy:\n    environment: production\n    env: {A: b}\n    steps: [{env: {C: d}}]\n",
		"services:\n  - envVars: [{key: A, value: b}]\n",
		"env_variables: {A: b}\n",
		"{\"env\": {\"A\": \"b\", \"N\": 1}, \"build\": {\"env\": {\"C\": [1]}}}",
		"[env]\nA = \"b\"\n[context.production.environment]\nB = 1\n",
		"a: &a [*a]\n",
		"[[env]]\n[env.x]\n",
		"db:\n  url: postgres://localhost\n  list: [{name: A, value: b}, c]\n",
		"{\n  // c\n  \"a\": {\"b\": \"c\",}, /* d */ \"e\": [1,]\n}\n",
		"a.b=c\\\n  d\nx : y\n! z\nk v\n",
		"a = \"b\" # c\nobj = {\n  k = 1\n}\nl = [\n  \"x\",\n]\nh = <<EOF\nq\nEOF\n",
		"export A=\"${A:-b}\" # c\n: \"${B:=c}\"\nC=${C-d}\n",
		"A = os.environ.get('A', 'b')\nB = 'c' # d\nC = True\n",
		"config.a.b = { host: 'x', port: 1 }\nconfig.c = ENV.fetch('C') { 'd' }\n",
		"config :a, B,\n  url: [host: \"x\", p: [q: 1]],\n  k: System.get_env(\"K\") || \"v\"\nif config_env() == :dev do\n  config :a, x: 1\nend\n",
	}
	for i, s := range seeds {
		f.Add(uint8(i), []byte(s))
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		path := fuzzPaths[int(which)%len(fuzzPaths)]
		src, ok := Extract(path, data)
		if !ok {
			// app.yaml and k8s paths are kinds by content; the rest by name.
			if path != "app.yaml" && path != "k8s/app.yaml" {
				t.Fatalf("Extract(%q) = false", path)
			}
			return
		}
		checkSource(t, src, withoutBOM(data))
	})
}

func FuzzDockerfile(f *testing.F) {
	for _, s := range []string{
		"ENV A=1\n", "ENV A \"b c\"\n", "# escape=`\nENV A=1 `\n B=2\n",
		"RUN <<EOF\nENV X=1\nEOF\nENV Y=2\n", "ENV A='x\n", "ARG A B=c\n", "ENV A=b\\\n\n# c\n  C=d",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src, ok := Extract("Dockerfile", data)
		if !ok {
			t.Fatal("a Dockerfile is always a manifest")
		}
		checkSource(t, src, withoutBOM(data))
		for _, v := range src.Vars {
			if v.Key == "" || v.Scope != "ENV" && v.Scope != "ARG" {
				t.Fatalf("var %+v", v)
			}
		}
	})
}

func FuzzShellWords(f *testing.F) {
	for _, s := range []string{`A=1 B="x y" C='z'`, `A=\"`, `"a\$b" $c ${d}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words, problem := shellWords(s, '\\')
		if problem != "" && words != nil {
			t.Fatalf("words and a problem for %q", s)
		}
		for _, w := range words {
			if w.start < 0 || w.start+len(w.raw) > len(s) || s[w.start:w.start+len(w.raw)] != w.raw {
				t.Fatalf("word %+v does not sit in %q", w, s)
			}
			if len(w.text) > len(w.raw) {
				t.Fatalf("word %+v grew when unquoted", w)
			}
		}
	})
}

func FuzzProcfile(f *testing.F) {
	for _, s := range []string{"web: A=1 B='c d' node x\n", "worker: env A=1 x\n# c\n", "bad\n", "web: A=\"x\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src, ok := Extract("Procfile", data)
		if !ok {
			t.Fatal("a Procfile is always a manifest")
		}
		checkSource(t, src, withoutBOM(data))
		for _, v := range src.Vars {
			if !envName.MatchString(v.Key) {
				t.Fatalf("Procfile var with key %q", v.Key)
			}
		}
	})
}
