// Package envvalue classifies environment variable names and values: which
// keys name secrets, which values are references to a secret store rather
// than the secret, and which values are placeholders, weak secrets, local or
// plain-http URLs or development switches. The env and manifest checks share
// it so that a dotenv file, a process environment and a deploy manifest are
// judged by the same words.
//
// Every function looks at a value and answers yes or no; none returns or
// logs the value, so callers can build messages that never carry it.
package envvalue
