package manifest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// varLine renders a variable as "LINE KEY=VALUE scope [literal] [prod]"
// so a table lists what it expects compactly.
func varLine(v Var) string {
	s := fmt.Sprintf("%d %s=%s %s", v.Line, v.Key, v.Value, v.Scope)
	if v.Literal {
		s += " literal"
	}
	if v.Production {
		s += " prod"
	}
	return s
}

func problemLines(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%d %s", p.Line, p.Message))
	}
	return out
}

// testdataFile reads a file of testdata/manifest.
func testdataFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "manifest", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

type extractCase struct {
	name, path, data string
	kind             string
	prod             bool
	vars             []string
	// problems are substrings of the expected problems, "LINE text".
	problems []string
}

func runExtract(t *testing.T, tests []extractCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, ok := Extract(tt.path, []byte(tt.data))
			if !ok {
				t.Fatalf("Extract(%q) = false", tt.path)
			}
			if src.Kind != tt.kind || src.File != tt.path {
				t.Errorf("kind, file = %q, %q; want %q, %q", src.Kind, src.File, tt.kind, tt.path)
			}
			if src.Production != tt.prod {
				t.Errorf("Production = %v, want %v", src.Production, tt.prod)
			}
			var got []string
			for _, v := range src.Vars {
				got = append(got, varLine(v))
			}
			if !slices.Equal(got, tt.vars) {
				t.Errorf("vars:\n got  %q\n want %q", got, tt.vars)
			}
			gotP := problemLines(src.Problems)
			if len(gotP) != len(tt.problems) {
				t.Fatalf("problems = %q, want %d matching %q", gotP, len(tt.problems), tt.problems)
			}
			for i, want := range tt.problems {
				if !strings.HasPrefix(gotP[i], want) && !strings.Contains(gotP[i], want) {
					t.Errorf("problem %d = %q, want it to contain %q", i, gotP[i], want)
				}
			}
		})
	}
}

func TestExtractDockerfile(t *testing.T) {
	runExtract(t, []extractCase{
		{
			name: "empty names", path: "Dockerfile", kind: KindDockerfile, prod: true,
			data:     "ENV \"\" 0\nENV A=1 \"\"=2\nARG \"\"\n",
			vars:     []string{"2 A=1 ENV literal prod"},
			problems: []string{"1 ENV: a variable name is empty", "2 ENV: a variable name is missing before =", "3 ARG: a variable name is missing before ="},
		},
		{
			name: "env forms, quotes, continuation, heredoc", path: "Dockerfile", kind: KindDockerfile, prod: true,
			data: testdataFile(t, "Dockerfile.edge"),
			vars: []string{
				"5 A=1 ENV literal prod",
				"6 B=single $NOT_A_REF ENV literal prod",
				`7 C=double "quoted" $HOME ENV literal prod`,
				"8 lower=case ENV literal prod",
				"9 LEGACY=two words ENV literal prod",
				"10 X=1 ARG literal prod",
				"10 Y= ARG prod",
				"11 ESC=a b ENV literal prod",
			},
		},
		{
			name: "bom, crlf, backtick escape, comment in continuation", path: "win/Dockerfile.windows", kind: KindDockerfile, prod: true,
			data: testdataFile(t, "Dockerfile.windows"),
			vars: []string{
				"3 API_TOKEN=abc123 ENV literal prod",
				"5 REGION=eu west ENV literal prod",
				`7 PATH=C:\tools ENV literal prod`,
				"11 BUILD_SECRET= ARG prod",
			},
		},
		{
			name: "references are not literal", path: "api.Dockerfile", kind: KindDockerfile, prod: true,
			data: "ARG TOKEN\nENV TOKEN=$TOKEN URL=${BASE}/v1 MIX=https://${HOST}/x ESCAPED=\\$HOME\n",
			vars: []string{
				"1 TOKEN= ARG prod",
				"2 TOKEN=$TOKEN ENV prod",
				"2 URL=${BASE}/v1 ENV literal prod",
				"2 MIX=https://${HOST}/x ENV literal prod",
				"2 ESCAPED=$HOME ENV literal prod",
			},
		},
		{
			name: "development dockerfile", path: "Dockerfile.dev", kind: KindDockerfile, prod: false,
			data: "ENV DEBUG=1\n",
			vars: []string{"1 DEBUG=1 ENV literal"},
		},
		{
			name: "malformed instructions", path: "Dockerfile", kind: KindDockerfile, prod: true,
			data: "FROM x\nENV\nENV ONLYKEY\nENV A=\"open\nENV =v\nARG B='x\nENV OK=1 \\",
			vars: []string{"7 OK=1 ENV literal prod"},
			problems: []string{
				"2 ENV needs at least one argument",
				"3 ENV ONLYKEY has no value",
				"4 ENV: unterminated double quote",
				"5 ENV: a variable name is missing",
				"6 ARG: unterminated single quote",
			},
		},
	})
}

func TestExtractProcfile(t *testing.T) {
	runExtract(t, []extractCase{
		{
			name: "leading assignments and env", path: "Procfile", kind: KindProcfile, prod: true,
			data: "# comment\nweb: NODE_ENV=production SECRET='a b' node server.js FOO=bar\r\nworker: env QUEUE=default bundle exec sidekiq\nrelease: ./migrate\n",
			vars: []string{
				"2 NODE_ENV=production command literal prod",
				"2 SECRET=a b command literal prod",
				"3 QUEUE=default command literal prod",
			},
		},
		{
			name: "reference and bad lines", path: "Procfile.dev", kind: KindProcfile, prod: false,
			data:     "web: PORT=$PORT node x.js\nnot a process line\nweb: A=\"open\n",
			vars:     []string{"1 PORT=$PORT command"},
			problems: []string{"2 not a Procfile entry", "3 command: unterminated double quote"},
		},
	})
}

func TestExtractCompose(t *testing.T) {
	runExtract(t, []extractCase{
		{
			name: "anchors, merge keys, both forms", path: "docker-compose.yml", kind: KindCompose, prod: true,
			data: testdataFile(t, "docker-compose.anchors.yml"),
			vars: []string{
				"5 SHARED_TOKEN=from-anchor environment literal prod",
				"7 REGION=eu environment literal prod",
				"12 LOG_LEVEL=debug environment literal prod",
				"13 PASSTHROUGH= environment prod",
				"14 DB_URL=postgres://app:${DB_PASSWORD}@db/app environment literal prod",
				"15 ONLY_REF=${API_KEY:-} environment prod",
				"16 ESCAPED=pa$$word environment literal prod",
				"21 NPM_TOKEN= build.args prod",
				"22 VERSION=1.2.3 build.args literal prod",
				"24 QUEUE=default environment literal prod",
				"25 EMPTY= environment prod",
			},
		},
		{
			name: "override file is not production", path: "docker-compose.override.yml", kind: KindCompose, prod: false,
			data: "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres\n",
			vars: []string{"4 POSTGRES_PASSWORD=postgres environment literal"},
		},
		{
			name: "duplicate key", path: "compose.prod.yaml", kind: KindCompose, prod: true,
			data:     "services:\n  api:\n    environment:\n      A: one\n      A: two\n",
			vars:     []string{"4 A=one environment literal prod", "5 A=two environment literal prod"},
			problems: []string{`5 key "A" is defined twice (first on line 4)`},
		},
		{
			name: "malformed yaml keeps nothing past the error", path: "docker-compose.yml", kind: KindCompose, prod: true,
			data:     "services:\n  api:\n    environment:\n\t  A: 1\n",
			problems: []string{"4 invalid YAML: "},
		},
		{
			name: "wrong shapes", path: "docker-compose.yml", kind: KindCompose, prod: true,
			data:     "services:\n  api:\n    environment: 5\n  web:\n    environment:\n      - {A: 1}\n---\n- list\n",
			problems: []string{"3 environment must be a mapping", "6 environment: a list entry must be KEY=value", "8 a Compose file is a mapping"},
		},
		{
			// Ten services reach one anchored environment and one anchored
			// list, directly, through merges of merges and through aliases
			// of aliases: each line written is one variable, each problem
			// on it one problem.
			name: "anchors reached through many aliases", path: "docker-compose.yml", kind: KindCompose, prod: true,
			data: "x-env: &env\n  TOKEN: abc\n  MODE: fast\n" +
				"x-list: &list\n  - KEY=v\n  - {bad: entry}\n" +
				"x-a: &a {<<: [*env, *env]}\nx-b: &b {<<: [*a, *a, *env]}\nx-n: &n 7\n" +
				"services:\n" +
				"  s1: {environment: *env}\n  s2: {environment: *env}\n  s3: {environment: *a}\n  s4: {environment: *b}\n" +
				"  s5: {environment: {<<: [*b, *a, *env]}}\n  s6: {environment: *list}\n  s7: {environment: *list}\n" +
				"  s8: {environment: *list}\n  s9: {environment: *n}\n  s10: {environment: *n}\n",
			vars: []string{
				"2 TOKEN=abc environment literal prod", "3 MODE=fast environment literal prod",
				"5 KEY=v environment literal prod",
			},
			problems: []string{"6 environment: a list entry must be KEY=value", "9 environment must be a mapping or a list"},
		},
		{
			name: "empty names are problems, not variables", path: "docker-compose.yml", kind: KindCompose, prod: true,
			data: "services:\n  a:\n    environment:\n      \"\": x\n      B: \"1\"\n  b:\n    environment:\n      - =y\n      - \" =z\"\n",
			vars: []string{"5 B=1 environment literal prod"},
			problems: []string{
				"4 environment: a variable name is empty", "8 environment: a variable name is empty",
				"9 environment: a variable name is empty",
			},
		},
	})
}

func TestExtractKubernetes(t *testing.T) {
	runExtract(t, []extractCase{
		{
			name: "list, cronjob, sealed secret, secret", path: "deploy/multi.yaml", kind: KindKubernetes, prod: true,
			data: testdataFile(t, "multi.yaml"),
			vars: []string{
				"9 MODE=fast configmap literal prod",
				"22 STEP=migrate env literal prod",
				"27 FROM_FIELD= env prod",
				"30 DEPENDENT=$(STEP)-run env literal prod",
				"42 notbase64=!!! secret literal prod",
				"44 plain=text secret literal prod",
			},
		},
		{
			name: "any yaml with apiVersion and kind; dev overlay", path: "infra/overlays/dev/patch.yaml", kind: KindKubernetes, prod: false,
			data: "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      env:\n        - name: X\n          value: \"1\"\n",
			vars: []string{"7 X=1 env literal"},
		},
		{
			name: "bad env entries", path: "k8s/pod.yaml", kind: KindKubernetes, prod: true,
			data:     "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      env: {X: 1}\n    - name: b\n      env:\n        - value: x\n",
			problems: []string{"6 container env must be a list", "9 container env entry without a name"},
		},
		{
			name: "second document malformed", path: "k8s/app.yaml", kind: KindKubernetes, prod: true,
			data:     "apiVersion: v1\nkind: ConfigMap\ndata:\n  A: b\n---\napiVersion: v1\nkind: ConfigMap\ndata: [\n",
			vars:     []string{"4 A=b configmap literal prod"},
			problems: []string{"9 invalid YAML"},
		},
	})
}

func TestExtractWorkflow(t *testing.T) {
	runExtract(t, []extractCase{
		{
			name: "levels and jobs", path: ".github/workflows/ci.yml", kind: KindWorkflow, prod: true,
			data: `on: push
env:
  TOP: x
jobs:
  test:
    runs-on: ubuntu-latest
    env:
      NODE_ENV: test
    services:
      db:
        env:
          POSTGRES_PASSWORD: postgres
    steps:
      - run: npm test
        env:
          TOKEN: ${{ secrets.TOKEN }}
  ship:
    environment: {name: production, url: https://x}
    container:
      image: node
      env:
        C: "1"
    steps:
      - run: ./deploy
        env:
          BEARER: Bearer ${{ secrets.T }}
  deploy-staging:
    steps: [{run: x, env: {S: y}}]
  matrix:
    env: ${{ fromJSON(needs.x.outputs.env) }}
`,
			vars: []string{
				"3 TOP=x workflow env literal prod",
				"8 NODE_ENV=test job env literal",
				"12 POSTGRES_PASSWORD=postgres service env literal",
				"16 TOKEN=${{ secrets.TOKEN }} step env",
				"22 C=1 container env literal prod",
				"26 BEARER=Bearer ${{ secrets.T }} step env literal prod",
				"28 S=y step env literal",
			},
		},
		{
			name: "not a deploy workflow", path: ".github/workflows/lint.yaml", kind: KindWorkflow, prod: false,
			data: "on: push\njobs:\n  lint:\n    env: {A: b}\n    steps: []\n",
			vars: []string{"4 A=b job env literal"},
		},
		{
			name: "malformed", path: ".github/workflows/deploy.yml", kind: KindWorkflow, prod: true,
			data:     "on: push\njobs:\n  deploy:\n    env:\n      A: 'open\n",
			problems: []string{"invalid YAML"},
		},
	})
}
