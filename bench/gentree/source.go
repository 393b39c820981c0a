package main

import (
	"fmt"
	"strings"
)

// Code generators: each block is a declaration a real service would have,
// with routes, headers, log messages and config keys as string literals.

func goHeader(g *gen, t *textFile) {
	t.add("// Package "+g.pick(nouns)+" "+g.sentence(6, 14)+".", "package "+g.pick(nouns), "",
		"import (", "\t\"context\"", "\t\"errors\"", "\t\"fmt\"", "\t\"log/slog\"", "\t\"net/http\"",
		"\t\"time\"", ")", "")
}

func goBlock(g *gen, t *textFile) {
	switch g.intn(4) {
	case 0:
		name := g.pascal()
		t.add("// "+name+" "+g.sentence(5, 12)+".", "type "+name+" struct {")
		for range g.between(3, 9) {
			f := g.pascal()
			t.add(fmt.Sprintf("\t%s %s `json:\"%s,omitempty\"`", f, g.pick([]string{"string", "int64", "bool", "time.Time", "[]string", "*" + g.pascal()}), lowerFirst(f)))
		}
		t.add("}", "")
	case 1:
		t.add("const (")
		for range g.between(2, 6) {
			t.add(fmt.Sprintf("\t%s = %q", g.camel(), g.pick([]string{g.route(), "X-" + title(g.pick(nouns)) + "-" + title(g.pick(nouns)), g.snake(), g.url()})))
		}
		t.add(fmt.Sprintf("\t%sTimeout = %d * time.Second", g.camel(), g.between(1, 120)), ")", "")
	default:
		recv, name := g.pascal(), g.pascal()
		t.add(fmt.Sprintf("// %s %s.", name, g.sentence(6, 16)),
			fmt.Sprintf("func (s *%s) %s(ctx context.Context, %s string) (*%s, error) {", recv, name, g.camel(), g.pascal()))
		for range g.between(1, 4) {
			v := g.camel()
			t.add(fmt.Sprintf("\t%s, err := s.%s.%s(ctx, %q)", v, g.camel(), g.pascal(), g.route()),
				"\tif err != nil {",
				fmt.Sprintf("\t\treturn nil, fmt.Errorf(\"%s: %%w\", err)", g.sentence(2, 5)),
				"\t}",
				fmt.Sprintf("\tslog.InfoContext(ctx, %q, %q, %s)", g.sentence(2, 6), g.snake(), v))
		}
		t.add(fmt.Sprintf("\treq, err := http.NewRequestWithContext(ctx, http.MethodGet, %q, nil)", g.url()),
			"\tif err != nil {", "\t\treturn nil, err", "\t}",
			fmt.Sprintf("\treq.Header.Set(%q, s.%s)", g.pick([]string{"Authorization", "X-Api-Key", "X-Tenant-Id", "X-Request-Id"}), g.camel()),
			fmt.Sprintf("\tif s.%s == nil {", g.camel()),
			fmt.Sprintf("\t\treturn nil, errors.New(%q)", g.sentence(3, 7)),
			"\t}", "\treturn nil, nil", "}", "")
	}
}

func tsHeader(g *gen, t *textFile) {
	t.add(fmt.Sprintf("import { %s, %s } from \"../lib/%s\";", g.camel(), g.camel(), g.pick(nouns)),
		fmt.Sprintf("import type { %s } from \"../types/%s\";", g.pascal(), g.pick(nouns)), "")
}

func tsBlock(g *gen, t *textFile) {
	switch g.intn(4) {
	case 0:
		t.add(fmt.Sprintf("export interface %s {", g.pascal()))
		for range g.between(3, 10) {
			t.add(fmt.Sprintf("  %s%s: %s;", g.camel(), g.pick([]string{"", "?"}), g.pick([]string{"string", "number", "boolean", "string[]", g.pascal()})))
		}
		t.add("}", "")
	case 1:
		name := g.pascal()
		t.add(fmt.Sprintf("export function %s({ %s, %s }: %sProps) {", name, g.camel(), g.camel(), name),
			fmt.Sprintf("  const [%s, set%s] = useState<%s[]>([]);", g.camel(), g.pascal(), g.pascal()),
			"  return (",
			fmt.Sprintf("    <div className=\"%s-%s\">", g.pick(nouns), g.pick(adjectives)),
			fmt.Sprintf("      <h2>{t(\"%s.%s\")}</h2>", g.pick(nouns), g.camel()),
			fmt.Sprintf("      <p>%s</p>", g.sentence(4, 12)),
			"    </div>", "  );", "}", "")
	case 2:
		t.add(fmt.Sprintf("export const %s = {", g.camel()))
		for range g.between(2, 8) {
			t.add(fmt.Sprintf("  %s: %q,", g.camel(), g.pick([]string{g.route(), g.url(), g.sentence(2, 5), g.snake()})))
		}
		t.add("} as const;", "")
	default:
		t.add(fmt.Sprintf("export async function %s(%s: string, token: string): Promise<%s> {", g.camel(), g.camel(), g.pascal()),
			fmt.Sprintf("  const res = await fetch(`%s?page=${%s}`, {", g.route(), g.camel()),
			"    headers: { Authorization: `Bearer ${token}`, \"Content-Type\": \"application/json\" },",
			"  });",
			"  if (!res.ok) {",
			fmt.Sprintf("    throw new Error(\"%s: \" + res.status);", g.sentence(3, 7)),
			"  }", "  return res.json();", "}", "")
	}
}

func jsHeader(g *gen, t *textFile) {
	t.add("\"use strict\";", "",
		fmt.Sprintf("const %s = require(\"%s\");", g.camel(), g.pick(nouns)),
		fmt.Sprintf("const { %s } = require(\"./%s\");", g.camel(), g.pick(nouns)), "")
}

func jsBlock(g *gen, t *textFile) {
	if g.chance(0.5) {
		t.add(fmt.Sprintf("function %s(%s, %s) {", g.camel(), g.camel(), g.camel()),
			fmt.Sprintf("  if (!%s) return null;", g.camel()),
			fmt.Sprintf("  const %s = %s.%s(%q);", g.camel(), g.camel(), g.camel(), g.route()),
			fmt.Sprintf("  console.log(%q, %s);", g.sentence(2, 6), g.camel()),
			fmt.Sprintf("  return { %s: %s, %s: %q };", g.camel(), g.camel(), g.camel(), g.snake()),
			"}", "")
		return
	}
	t.add(fmt.Sprintf("module.exports.%s = {", g.camel()))
	for range g.between(2, 6) {
		t.add(fmt.Sprintf("  %s: %q,", g.camel(), g.pick([]string{g.url(), g.sentence(2, 5), g.snake()})))
	}
	t.add("};", "")
}

func pyHeader(g *gen, t *textFile) {
	t.add(fmt.Sprintf("\"\"\"%s.\"\"\"", title(g.sentence(5, 12))), "",
		"import logging", "import os", "from dataclasses import dataclass",
		fmt.Sprintf("from .%s import %s", g.pick(nouns), g.pascal()), "",
		"log = logging.getLogger(__name__)", "")
}

func pyBlock(g *gen, t *textFile) {
	switch g.intn(3) {
	case 0:
		t.add("@dataclass", fmt.Sprintf("class %s:", g.pascal()), fmt.Sprintf("    \"\"\"%s.\"\"\"", title(g.sentence(4, 10))), "")
		for range g.between(2, 7) {
			t.add(fmt.Sprintf("    %s: %s = %s", g.snake(), g.pick([]string{"str", "int", "bool"}), g.pick([]string{"\"\"", "0", "False", "None"})))
		}
		t.add("", "")
	case 1:
		for range g.between(2, 5) {
			t.add(fmt.Sprintf("%s = os.environ.get(%q, %q)", g.screaming(), g.screaming(), g.pick([]string{g.url(), g.snake(), "30"})))
		}
		t.add("", "")
	default:
		t.add(fmt.Sprintf("def %s(%s, %s=None):", g.snake(), g.snake(), g.snake()),
			fmt.Sprintf("    \"\"\"%s.\"\"\"", title(g.sentence(4, 12))),
			fmt.Sprintf("    %s = {%q: %s, %q: %q}", g.snake(), g.snake(), g.snake(), g.snake(), g.route()),
			fmt.Sprintf("    if not %s:", g.snake()),
			fmt.Sprintf("        log.warning(%q, %s)", g.sentence(2, 6)+" %s", g.snake()),
			"        return None",
			fmt.Sprintf("    return f\"%s/{%s}\"", g.url(), g.snake()), "", "")
	}
}

func javaHeader(g *gen, t *textFile) {
	t.add("package com.acme.portal."+g.pick(nouns)+";", "",
		"import java.util.List;", "import java.util.Optional;",
		"import org.springframework.web.bind.annotation.*;", "",
		"@RestController",
		fmt.Sprintf("@RequestMapping(%q)", g.route()),
		fmt.Sprintf("public class %sController {", g.pascal()), "",
		fmt.Sprintf("    private final %sService %s;", g.pascal(), g.camel()), "")
}

func javaBlock(g *gen, t *textFile) {
	if g.chance(0.25) {
		t.add(fmt.Sprintf("    private static final String %s = %q;", g.screaming(), g.pick([]string{g.route(), g.url(), g.snake()})), "")
		return
	}
	t.add(fmt.Sprintf("    @%s(%q)", g.pick([]string{"GetMapping", "PostMapping", "PutMapping", "DeleteMapping"}), g.route()),
		fmt.Sprintf("    public Optional<%s> %s(@PathVariable String %s, @RequestHeader(%q) String %s) {", g.pascal(), g.camel(), g.camel(), g.pick([]string{"Authorization", "X-Api-Key", "X-Tenant-Id"}), g.camel()),
		fmt.Sprintf("        List<%s> %s = %s.%s(%s);", g.pascal(), g.camel(), g.camel(), g.camel(), g.camel()),
		fmt.Sprintf("        if (%s.isEmpty()) {", g.camel()),
		fmt.Sprintf("            throw new IllegalStateException(%q);", g.sentence(3, 8)),
		"        }",
		fmt.Sprintf("        return Optional.of(%s.get(0));", g.camel()),
		"    }", "")
}

func javaFooter(_ *gen, t *textFile) { t.add("}") }

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
