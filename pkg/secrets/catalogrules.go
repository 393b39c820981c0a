package secrets

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/zricethezav/gitleaks/v8/config"

	"github.com/launchgate/launchgate/pkg/catalog"
)

// secretOWASP is where leaked credentials sit in the OWASP API Security
// Top 10 (2023).
const secretOWASP = "API8:2023 Security Misconfiguration"

// examplePath is the file generated examples are checked under: neutral,
// not a fixture, not a lock file.
const examplePath = "src/settings.txt"

// CatalogRules describes every gitleaks rule the engine runs, one
// catalog.Rule each, with ID "secret/<gitleaks rule id>". launchgate's own
// rules are not included: rules/secret.yaml describes them. It reads
// gitleaks' configuration without compiling a pattern, so the catalog costs
// a scan nothing of the engine's start-up; Engine.Examples makes examples
// on demand.
func CatalogRules() ([]*catalog.Rule, error) {
	vc, err := defaultViperConfig()
	if err != nil {
		return nil, err
	}
	var out []*catalog.Rule
	for _, r := range vc.Rules {
		if publicRules[r.ID] || ownRuleIDs[r.ID] {
			continue
		}
		out = append(out, catalogRule(r.ID, r.Description))
	}
	slices.SortFunc(out, func(a, b *catalog.Rule) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

func catalogRule(id, description string) *catalog.Rule {
	title := titleOf(id)
	cwe := []string{"CWE-798", "CWE-540"}
	if id == "private-key" || id == "age-secret-key" || id == "pkcs12-file" {
		cwe = []string{"CWE-798", "CWE-321"}
	}
	return &catalog.Rule{
		ID:       "secret/" + id,
		Title:    title,
		Severity: severityOf(id),
		Area:     "secrets",
		CWE:      cwe,
		OWASP:    []string{secretOWASP},
		Description: fmt.Sprintf("%s Detected by gitleaks' `%s` rule; the value is never shown, only its public prefix and length.%s",
			strings.TrimSpace(description), id, weighNote(id)),
		Help: helpFor(title),
	}
}

// checksummedRules find GitHub's tokens with a checksum (ghtoken.go).
var checksummedRules = map[string]bool{"github-pat": true, "github-oauth": true, "github-app-token": true, "github-refresh-token": true}

// weighNote says, for a rule whose severity depends on where the value is
// written, how (weigh.go decides it).
func weighNote(id string) string {
	switch {
	case id == ruleGenericKey:
		return " The value has no provider's format, so it is more than low only when it looks like a credential in its context: its name says secret, token, password or API key (not a bare `key`, a type key or an ID), the value is shaped like a generated key (not a UUID, a number or words), and the file is not seed, migration, fixture, mock or translation data nor development, test, example or CI configuration. In documentation and on commented-out lines it is info; published development keys (the Azure Storage emulator's, for one) and keys providers issue for browsers (PostHog `phc_`, Segment write keys, Algolia search-only keys) are not reported."
	case contextualRules[id]:
		note := " The value has no provider's format, so where it is written decides its severity: info in documentation and on commented-out lines, low in seed data, example code and development, test or CI configuration, or when the value is words or an identifier rather than a credential."
		if strings.HasPrefix(id, "jwt") {
			note += " A token whose `exp` claim has passed is low."
		}
		return note
	case id == rulePKCS12:
		return " The file's first bytes decide: a PFX (a DER sequence with version 3 and a PKCS #7 content type) is critical under any name, `.keystore` and `.jks` included, and is reported once; a `.p12` or `.pfx` file that holds another format is high, a Git LFS pointer low, an empty file nothing, and a Java key store named `.p12` is `secret/java-keystore`. A store whose name says debug, and one in an example or sample folder, is low. Test fixtures are not scanned unless `secrets: {scan_fixtures: true}`."
	case id == rulePrivateKey:
		return " In an example or sample folder it is low: most likely an example certificate's key. Test fixtures are not scanned unless `secrets: {scan_fixtures: true}`."
	case checksummedRules[id]:
		return " In documentation or a comment, a token whose checksum does not hold (GitHub never issued it) is info; one with a valid checksum is reported wherever it is pasted."
	}
	return ""
}

// helpFor is the fix for a leaked credential of kind title.
func helpFor(title string) string {
	return fmt.Sprintf(`Rotate first, then remove:

1. Revoke the %s at the provider and issue a new one. Anyone who could read
   the repository, the build output or the deployed bundle may already have
   copied it, so deleting the line alone fixes nothing.
2. Remove it from the code and load it at run time instead: from an
   environment variable set by the deployment, or from a secret manager
   (GitHub Actions secrets, AWS Secrets Manager, GCP Secret Manager, Vault,
   Doppler). Never give it a public prefix such as NEXT_PUBLIC_ or VITE_.
3. If it was pushed, consider rewriting history (git filter-repo) once it is
   rotated, and keep it out for good with a pre-commit secret scan.

If the value is not a secret (a test fixture, a documented example), mark
the line with `+"`launchgate:ignore %s <reason>`"+` or add the path to the
ignores in .launchgate.yml.`, title, "secret/<rule>")
}

// Examples generates, for the gitleaks rule behind a generated catalog rule
// ("secret/<id>"), a text the rule fires on and one it stays quiet on,
// keeping only those the engine confirms. It returns nil for other IDs.
func (e *Engine) Examples(id string) []catalog.Example {
	r, ok := e.cfg.Rules[strings.TrimPrefix(id, "secret/")]
	if !ok || !strings.HasPrefix(id, "secret/") {
		return nil
	}
	return e.examples(r)
}

// expression is the text of r's expression, or "" for a rule on file
// names alone: gitleaks' rules keep theirs in e.patterns.
func (e *Engine) expression(r config.Rule) string {
	if r.Regex != nil {
		return r.Regex.String()
	}
	return e.patterns[r.RuleID]
}

// examples generates a text the rule fires on and one it stays quiet on, and
// keeps only those the engine confirms.
func (e *Engine) examples(r config.Rule) []catalog.Example {
	ctx := context.Background()
	id := "secret/" + r.RuleID
	expr := e.expression(r)
	fires := func(path, input string) (Secret, bool) {
		found, err := e.Scan(ctx, Fragment{Path: path, Content: input, StartLine: 1})
		if err != nil {
			return Secret{}, false
		}
		for _, s := range found {
			if s.RuleID == id {
				return s, true
			}
		}
		return Secret{}, false
	}
	for seed := uint64(1); seed <= exampleAttempts; seed++ {
		path := examplePath
		if r.Path != nil {
			p, ok := sample(r.Path.String(), seed)
			if !ok {
				continue
			}
			path = strings.TrimPrefix(p, "/")
		}
		// A rule on file names reads no content, but an empty file holds
		// no key: the file is a stand-in.
		input := pathOnlyStandIn
		if expr != "" {
			in, ok := sample(expr, seed)
			if !ok {
				continue
			}
			input = withKeyword(in, r.Keywords)
		}
		s, ok := fires(path, input)
		if !ok {
			continue
		}
		out := []catalog.Example{{Name: "generated " + strings.ToLower(s.Title), Match: true, File: path, Input: input}}
		// The quiet case: the same text with a placeholder where the value
		// was, or, for a rule on file names, another file name.
		quiet, quietPath := input, examplePath
		if expr != "" {
			quiet = input[:s.Column-1] + strings.Repeat("x", s.EndColumn-s.Column) + input[s.EndColumn-1:]
			quietPath = path
		}
		if _, loud := fires(quietPath, quiet); !loud && (quiet != input || quietPath != path) {
			out = append(out, catalog.Example{Name: "placeholder instead of the value", Match: false, File: quietPath, Input: quiet})
		}
		return out
	}
	return nil
}

// pathOnlyStandIn is the content of the files generated examples of a
// rule on file names are checked with.
const pathOnlyStandIn = "a stand-in for the file its name names\n"

// withKeyword puts the rule's first keyword in front of a generated text
// that lacks all of them: gitleaks runs a rule only on text holding one.
func withKeyword(text string, keywords []string) string {
	if len(keywords) == 0 {
		return text
	}
	lower := strings.ToLower(text)
	for _, k := range keywords {
		if strings.Contains(lower, k) {
			return text
		}
	}
	return keywords[0] + ": " + text
}
