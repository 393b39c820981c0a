// Package source decides what a static scan reads: the files of a checkout
// (Tree), the build output a deploy ships (WalkArtifacts, including archives
// opened in memory), and the original sources a source map carries
// (ParseSourceMap).
//
// What the checks read is text: UTF-16 files are decoded to UTF-8 (Text)
// with their lines intact, and binary files are searched only through
// their printable strings (PrintableRuns).
//
// Everything here treats its input as hostile. Symlinks are never followed
// out of a folder being read, archive members are never written to disk,
// and every read is bounded by a size limit, so a symlink loop, a zip bomb
// or a path-traversal entry costs a Problem or a note, never a crash.
package source
