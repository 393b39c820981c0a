// Package checktest runs a check over fixture files in tests and holds it
// to the findings the fixtures expect. It is imported only by tests.
//
// A fixture states its expectations next to the line they are about, with
// a comment at the end of the line: `# want "debug/x"`, `// want "a" "b"`
// or `; want "x"`, which a block comment's closer `*/` or `-->` may follow.
// Formats without comments have a sibling NAME.want file of "LINE RULE"
// lines, which may hold blank lines and "#" comments.
package checktest
