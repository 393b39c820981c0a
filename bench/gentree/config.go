package main

import (
	"fmt"
	"strings"
)

// Config and document generators: Kubernetes manifests, CI workflows, app
// settings, JSON fixtures and Markdown docs.

func yamlBlock(g *gen, t *textFile) {
	switch g.intn(3) {
	case 0:
		name := g.pick(services) + "-" + g.pick(nouns)
		t.add("---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: "+name,
			"  labels:", "    app: "+name, "spec:", fmt.Sprintf("  replicas: %d", g.between(1, 6)),
			"  template:", "    spec:", "      containers:", "        - name: "+name,
			fmt.Sprintf("          image: registry.acme-portal.example/%s:%d.%d.%d", name, g.intn(4), g.intn(20), g.intn(50)),
			"          env:")
		for range g.between(2, 8) {
			t.add("            - name: "+g.screaming(), fmt.Sprintf("              value: %q", g.pick([]string{g.url(), g.snake(), "true", "info"})))
		}
		t.add("          resources:", "            limits:", fmt.Sprintf("              memory: %dMi", 128*g.between(1, 8)))
	case 1:
		t.add("---", "name: "+g.sentence(2, 4), "on:", "  pull_request:", "    branches: [main]", "jobs:",
			"  "+g.snake()+":", "    runs-on: ubuntu-latest", "    steps:", "      - uses: actions/checkout@v4")
		for range g.between(2, 5) {
			t.add("      - name: "+g.sentence(2, 5), fmt.Sprintf("        run: make %s", g.pick(verbs)))
		}
		t.add("        env:", "          "+g.screaming()+": ${{ secrets."+g.screaming()+" }}")
	default:
		t.add(g.snake() + ":")
		for range g.between(2, 6) {
			t.add("  " + g.snake() + ":")
			for range g.between(1, 5) {
				t.add(fmt.Sprintf("    %s: %s", g.snake(), g.pick([]string{g.url(), g.snake(), "true", "false", fmt.Sprint(g.intn(1000)), "\"" + g.sentence(2, 6) + "\""})))
			}
		}
	}
}

func jsonHeader(_ *gen, t *textFile) { t.add("{") }

func jsonBlock(g *gen, t *textFile) {
	t.add(fmt.Sprintf("  %q: [", g.camel()))
	n := g.between(2, 12)
	for i := range n {
		fields := make([]string, 0, 6)
		fields = append(fields, fmt.Sprintf("%q: %q", "id", g.pick(nouns)+"_"+g.chars(8, lowerAlnum)))
		for range g.between(2, 5) {
			fields = append(fields, fmt.Sprintf("%q: %q", g.camel(), g.pick([]string{g.sentence(2, 5), g.route(), g.snake()})))
		}
		fields = append(fields, fmt.Sprintf("%q: %d", g.camel(), g.intn(100000)))
		sep := ","
		if i == n-1 {
			sep = ""
		}
		t.add("    {" + strings.Join(fields, ", ") + "}" + sep)
	}
	t.add("  ],")
}

func jsonFooter(g *gen, t *textFile) {
	t.add(fmt.Sprintf("  %q: %d", "schemaVersion", g.between(1, 9)), "}")
}

func mdHeader(g *gen, t *textFile) {
	t.add("# "+title(g.sentence(2, 5)), "", title(g.sentence(10, 30))+".", "")
}

func mdBlock(g *gen, t *textFile) {
	t.add("## "+title(g.sentence(2, 5)), "")
	switch g.intn(3) {
	case 0:
		t.add("```sh", fmt.Sprintf("curl -H \"Authorization: Bearer $TOKEN\" %s", g.url()), "```", "")
	case 1:
		t.add("| field | type | notes |", "|---|---|---|")
		for range g.between(2, 6) {
			t.add(fmt.Sprintf("| `%s` | %s | %s |", g.camel(), g.pick([]string{"string", "integer", "boolean"}), g.sentence(3, 8)))
		}
		t.add("")
	}
	for range g.between(1, 3) {
		t.add(title(g.sentence(12, 40))+".", "")
	}
}
