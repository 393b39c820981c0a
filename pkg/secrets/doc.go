// Package secrets finds credentials in text: gitleaks' default rules, used as
// a library, plus launchgate's own rules for connection strings with a
// password, secrets behind public env prefixes, Supabase service-role
// keys and AWS secret access keys, alone or with their access key ID as
// one pair. It drops values that are meant to be public (Stripe publishable
// keys, Firebase web config, Supabase anon keys, Sentry DSNs) and obvious
// placeholders, ranks what remains by kind, and never hands the value out:
// every Secret carries only a redacted form and a fingerprint anchor.
//
// Decisions that shape the package:
//
//   - The gitleaks configuration is built once per Engine from gitleaks'
//     embedded default config, read through a private viper instance, and
//     our rules and allowlists are merged in by hand. gitleaks' own
//     "[extend] useDefault" keeps a package-level depth counter that never
//     resets, so a third load in one process silently yields one rule.
//   - gitleaks' rules run through the package's own matcher rather than
//     gitleaks' Detector. The Detector runs every rule whose keyword occurs
//     anywhere in a fragment over the whole fragment (and the expression of
//     a rule that matches twice); on minified bundles, where "key" and
//     "token" occur everywhere, that is most of the scan. The matcher runs
//     a rule's expression only in regions around its keywords, when every
//     match must hold one within a bounded reach, and skips it when a text
//     every match contains is absent. It keeps the Detector's judgement of
//     each match (secret group, entropy, allowlists, generic rules giving
//     way to specific ones), and matcher_test.go holds it to the Detector's
//     results rule by rule, on the fixtures and under fuzzing. One matcher
//     serves every Scan; it holds no state that a scan changes.
//   - An AWS access key ID and the secret access key near it are one
//     finding, made after matching from the ID gitleaks' rule found and
//     the values around it (awspair.go), not by one expression over both:
//     the two come in either order, in a dozen formats, with other values
//     between them, and each is also a finding alone.
//   - Severity is the engine's, below the rule's default as well as above
//     it (weigh.go). A rule that finds a value by its name or its command
//     (the generic API key, curl credentials, bare JWTs, connection
//     strings) cannot tell an example from a credential by the value, so
//     the place decides: documentation and commented-out lines make it
//     info; seed and migration data, example code and development, test
//     or CI configuration, a name that says no credential (a bare key, an
//     ID) or a value shaped like an identifier make it low; a connection
//     string is ranked by who can reach its host and whether its password
//     is a default. A key in a provider's own format is judged by its
//     format wherever it is pasted, docs and comments included.
//   - Key material that is not a PEM block is found by structure, not by
//     a pattern (keymaterial.go): a JSON Web Key with its private member
//     and a cleartext Tink keyset by parsing the object around "kty" or
//     "primaryKeyId" (a bounded, tolerant walk that reads JSON, object
//     literals, YAML's flow style and JSON escaped inside a string), a
//     Java key store or a PKCS #12 file by its first bytes. Each runs only
//     when a substring search finds what it needs, and a file is one
//     finding however many rules see it (a PFX named .p12).
//   - A fragment is scanned whole. gitleaks' file readers cut files into
//     chunks, and a secret that straddles a chunk boundary in a single-line
//     bundle is lost.
//   - gitleaks' recursive decoding (base64, hex, percent) is off: on
//     frontend bundles it decodes every inline image and font and scans the
//     result again, for little gain; Kubernetes Secret manifests are covered
//     by gitleaks' kubernetes-secret-yaml rule instead.
//   - Columns are 1-based byte offsets into the line, and EndColumn is
//     exclusive, as in SARIF regions. On a 2 MB single-line bundle the column
//     is what locates a secret, and byte offsets are what editors and
//     GitHub's code scanning accept for minified files.
//   - gitleaks logs through a package-level zerolog logger; New turns zerolog
//     off process-wide, since launchgate logs through log/slog only.
//
// The regular-expression engine is chosen at build time by gitleaks: Go's
// regexp by default, go-re2 (RE2 compiled to WebAssembly, run by wazero)
// with the gore2regex build tag. The package works and is tested with both,
// but launchgate builds with -tags gore2regex: BenchmarkScan measured it
// about 10x faster on a generated 2 MB minified bundle (1.63 s to 0.17 s per
// scan) and 13x on 1,000 generated source files of 11 MB (3.7 s to 0.28 s),
// at the price of a slower New (37 ms to 128 ms, once per process). Go's
// regexp spends most of that time in case-insensitive patterns
// (generic-api-key, snyk, new-relic, jwt) run over the whole bundle.
package secrets
