package source

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// textKind is how a file's bytes hold text, decided from its first bytes.
type textKind int

const (
	// plainText is UTF-8 or another ASCII-compatible encoding, read as is.
	plainText textKind = iota
	// utf16LE and utf16BE are UTF-16 text, common on Windows for .env,
	// .ps1, .reg and config files; they are decoded to UTF-8.
	utf16LE
	utf16BE
	// binaryData is not text: images, fonts, archives, executables.
	binaryData
)

// utf16Share is the share of code units that must be text-like for a
// sample without a byte order mark to count as UTF-16. Mostly-ASCII
// UTF-16 has a NUL in every other byte, which IsBinary takes for binary;
// real binary data rarely keeps that pattern with printable low bytes for
// 90% of 4 KB.
const utf16Share = 0.9

// classify decides what head, the first bytes of a file, holds.
func classify(head []byte) textKind {
	sample := head[:min(len(head), sniffLen)]
	// UTF-16 without a byte order mark has NUL bytes; most text has none,
	// and IndexByte finds that out fastest.
	hasNUL := bytes.IndexByte(sample, 0) >= 0
	switch {
	case len(sample) >= 2 && sample[0] == 0xff && sample[1] == 0xfe && !(len(sample) >= 4 && sample[2] == 0 && sample[3] == 0):
		// FF FE 00 00 is UTF-32's mark, which is not read.
		return utf16LE
	case len(sample) >= 2 && sample[0] == 0xfe && sample[1] == 0xff:
		return utf16BE
	case hasNUL && looksUTF16(sample, false):
		return utf16LE
	case hasNUL && looksUTF16(sample, true):
		return utf16BE
	case IsBinary(sample):
		return binaryData
	}
	return plainText
}

// looksUTF16 reports whether sample, without a byte order mark, is UTF-16
// of mostly Latin text in the given byte order: nearly every code unit has
// a zero high byte and a low byte that is printable or white space, and no
// code unit is NUL.
func looksUTF16(sample []byte, bigEndian bool) bool {
	units := len(sample) / 2
	if units < 2 {
		return false
	}
	latin := 0
	for i := 0; i+1 < len(sample); i += 2 {
		lo, hi := sample[i], sample[i+1]
		if bigEndian {
			lo, hi = hi, lo
		}
		if lo == 0 && hi == 0 {
			return false
		}
		if hi == 0 && (lo >= 0x20 && lo != 0x7f || textControl(lo)) {
			latin++
		}
	}
	return float64(latin) >= utf16Share*float64(units)
}

// decodeUTF16 turns UTF-16 data into UTF-8, dropping a leading byte order
// mark. Line breaks map one to one, so every line keeps its number; a
// column counts bytes of the decoded text rather than of the file. An
// unpaired surrogate or a dangling odd byte becomes U+FFFD.
func decodeUTF16(data []byte, bigEndian bool) []byte {
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(data[i])<<8 | uint16(data[i+1])
		}
		return uint16(data[i+1])<<8 | uint16(data[i])
	}
	i := 0
	if len(data) >= 2 && unit(0) == 0xfeff {
		i = 2
	}
	// Mostly-ASCII text shrinks to half; other text needs up to 1.5 times.
	out := make([]byte, 0, len(data)/2+16)
	for ; i+1 < len(data); i += 2 {
		r := rune(unit(i))
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
			if i+3 < len(data) {
				if pair := utf16.DecodeRune(rune(unit(i)), rune(unit(i+2))); pair != utf8.RuneError {
					r = pair
					i += 2
				}
			}
		}
		out = utf8.AppendRune(out, r)
	}
	if i < len(data) {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return out
}

// Text returns data as the UTF-8 text the checks read: UTF-16 (with or
// without a byte order mark) decoded, any other text as it is. ok is false
// for binary data, which has no text to read. Decoding keeps every line
// break, so line numbers stay those of the file.
func Text(data []byte) (text []byte, ok bool) {
	switch classify(data) {
	case utf16LE:
		return decodeUTF16(data, false), true
	case utf16BE:
		return decodeUTF16(data, true), true
	case binaryData:
		return data, false
	}
	return data, true
}
