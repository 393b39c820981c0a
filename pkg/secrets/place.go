package secrets

import (
	"path"
	"strings"

	"github.com/launchgate/launchgate/pkg/prodfile"
)

// place is what a fragment's path says about the values in it. Only the
// rules that find a value by its name or its command (a generic API key, a
// curl credential, a connection string) are judged by it: a key in a
// provider's own format is a finding wherever it is pasted.
type place struct {
	// docs: documentation (Markdown, MDX, reStructuredText, AsciiDoc, or a
	// doc, docs, documentation, help, wiki or manual folder), where values
	// are examples.
	docs bool
	// example: an example or sample folder, code written to be copied.
	example bool
	// data: seed, migration, fixture, mock, factory or translation data,
	// where random-looking values are record IDs and type keys.
	data bool
	// dev: configuration for development, tests, examples or CI, which a
	// production deployment does not read (.env.ci, config/development.js,
	// a CI workflow that deploys nothing).
	dev bool
}

// docExts are the extensions of documentation sources.
var docExts = map[string]bool{
	".md": true, ".markdown": true, ".mdx": true, ".rst": true, ".adoc": true, ".asciidoc": true,
}

// docDirs are folders of documentation and help pages.
var docDirs = map[string]bool{"doc": true, "docs": true, "documentation": true, "help": true, "wiki": true, "manual": true}

// exampleDirs are folders of example code.
var exampleDirs = map[string]bool{"example": true, "examples": true, "sample": true, "samples": true}

// dataDirs are folders of seed, migration, fixture and translation data.
var dataDirs = map[string]bool{
	"seeders": true, "seeds": true, "seed": true, "migrations": true, "migrate": true,
	"factories": true, "fixtures": true, "__fixtures__": true, "mocks": true, "__mocks__": true,
	"stubs": true, "lang": true, "langs": true, "locale": true, "locales": true, "i18n": true,
	"l10n": true, "translations": true,
}

// dataWords in a file's name mark it as data of the same kinds: the words
// of "UserSeeder.php", "TemplateMock.php" or "20240101_migration.sql".
var dataWords = map[string]bool{
	"seed": true, "seeder": true, "seeds": true, "migration": true, "fixture": true,
	"fixtures": true, "mock": true, "mocks": true, "stub": true,
}

// dataExts are translation catalogues.
var dataExts = map[string]bool{".po": true, ".pot": true, ".xlf": true, ".xliff": true}

// ciFiles are CI configuration files outside .github/workflows.
var ciFiles = map[string]bool{
	".gitlab-ci.yml": true, ".travis.yml": true, "bitbucket-pipelines.yml": true,
	"azure-pipelines.yml": true, "jenkinsfile": true, ".drone.yml": true,
	"codecov.yml": true, ".codecov.yml": true, "appveyor.yml": true, ".appveyor.yml": true,
}

// ciDirs hold CI configuration.
var ciDirs = []string{".github/workflows/", ".circleci/", ".buildkite/", ".gitlab/ci/"}

// placeOf reads what a fragment's path says. An archive member or the
// original source inside a source map ("dist/app.zip!docs/setup.md") is
// judged by its own path.
func placeOf(p string) place {
	p = strings.ReplaceAll(p, "\\", "/")
	if i := strings.LastIndexByte(p, '!'); i >= 0 {
		p = p[i+1:]
	}
	if _, rest, ok := strings.Cut(p, ":///"); ok {
		p = rest // webpack:///./src/a.ts
	}
	p = strings.TrimPrefix(strings.TrimPrefix(p, "./"), "/")
	dir, base := path.Split(p)
	dirs := strings.Split(strings.ToLower(strings.Trim(dir, "/")), "/")
	lower := strings.ToLower(base)
	ext := path.Ext(lower)
	var pl place
	pl.docs = docExts[ext] || anyIn(dirs, docDirs)
	pl.example = anyIn(dirs, exampleDirs)
	pl.data = anyIn(dirs, dataDirs) || dataExts[ext] || anyWord(splitWords(strings.TrimSuffix(base, path.Ext(base))), dataWords)
	// A name that says prod is production's wherever it is kept
	// (ci/prod.env).
	prod := anyWord(splitWords(base), map[string]bool{"prod": true, "production": true})
	pl.dev = !prod && (prodfile.IsDevelopment(p) || (ciConfig(p, lower) && !prodfile.IsProduction(p)))
	return pl
}

// ciConfig reports whether p, with base name lower, configures CI.
func ciConfig(p, lower string) bool {
	if ciFiles[lower] {
		return true
	}
	for _, d := range ciDirs {
		if strings.HasPrefix(p, d) || strings.Contains(p, "/"+d) {
			return true
		}
	}
	return false
}

func anyIn(dirs []string, set map[string]bool) bool {
	for _, d := range dirs {
		if set[d] {
			return true
		}
	}
	return false
}

func anyWord(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// splitWords splits an identifier or a file name into lower-case words at
// separators (_ - . space $ and the like) and at camel-case humps:
// "PaymentLibrariesSeeder" and "payment_libraries-seeder" are both
// payment, libraries, seeder; "APIKey" is api, key.
func splitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !isWordRune(r):
			flush()
			continue
		case isUpper(r) && len(cur) > 0:
			prevLower := !isUpper(rs[i-1]) && isWordRune(rs[i-1])
			nextLower := i+1 < len(rs) && isLower(rs[i+1])
			if prevLower || (isUpper(rs[i-1]) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

func isUpper(r rune) bool { return 'A' <= r && r <= 'Z' }
func isLower(r rune) bool { return 'a' <= r && r <= 'z' }
func isWordRune(r rune) bool {
	return isUpper(r) || isLower(r) || ('0' <= r && r <= '9')
}
