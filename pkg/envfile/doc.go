// Package envfile reads dotenv files (.env, .env.production, *.env) the way
// the common loaders do: motdotla/dotenv with dotenv-expand (Node),
// python-dotenv, vlucas/phpdotenv (Laravel), joho/godotenv and the dotenv
// gem (Rails). Where they agree it follows them; where they disagree it
// picks the reading that most of them share and says so below.
//
//   - A UTF-8 byte order mark at the start is dropped, and CRLF and lone CR
//     end lines like LF (all of them, after decoding).
//   - "export KEY=value" is KEY=value (all of them).
//   - Keys are letters, digits, "_", "." and "-", not starting with a digit
//     (dotenv's \w.- set). "KEY: value" is read as KEY=value, as dotenv and
//     godotenv do; python-dotenv and phpdotenv reject it.
//   - Lines starting with "#" are comments. After an unquoted value, "#"
//     starts a comment only after white space: "KEY=a#b" is "a#b"
//     (python-dotenv, phpdotenv, godotenv, the dotenv gem); Node's dotenv
//     alone cuts it to "a". Unquoted values are trimmed.
//   - 'single' quotes are literal but for \' and \\ (python-dotenv);
//     "double" quotes decode \n, \r, \t, \", \\ and \$; `backticks` are
//     literal (Node's dotenv; the others read them as text). Quoted values
//     may span lines; the entry's line is the key's.
//   - A quote that is never closed is reported, and the value is the rest
//     of its line, quote included, which is what Node's dotenv reads.
//   - A key set twice keeps its last value (all of them); the first is
//     reported, since which one a reader uses depends on load order across
//     files.
//   - ${VAR}, ${VAR:-default} and $VAR in unquoted and double-quoted values
//     mark the entry Interpolated and are kept as written: expansion needs
//     the environment of the machine the app runs on. Single quotes never
//     interpolate.
//   - A line without "=" is reported and skipped (python-dotenv reads it as
//     an unset key, phpdotenv fails the file, Node skips it).
//
// Bytes that are not UTF-8 pass through unchanged. Parse never fails: what
// it cannot read becomes a Problem with its line.
package envfile
