package secrets

import (
	"bytes"
	"path"
	"strings"
)

// storeKind is what a file's first bytes say it is, for the formats that
// hold private keys whole: Java key stores and PKCS #12 files.
type storeKind int

const (
	// unreadStore: the file's first bytes are not known (a run of lines a
	// diff adds, an archive member read as printable strings).
	unreadStore storeKind = iota
	// noStore: the bytes are in none of the formats.
	noStore
	// jksStore: a Java key store (magic 0xFEEDFEED).
	jksStore
	// jceksStore: a Java key store in the JCEKS format (magic 0xCECECECE).
	jceksStore
	// pkcs12Store: a PKCS #12 (PFX) file: a DER SEQUENCE holding version 3
	// and a PKCS #7 ContentInfo.
	pkcs12Store
	// lfsPointer: a Git LFS pointer, which stands for a file kept in LFS
	// storage.
	lfsPointer
	// emptyFile: nothing, or only white space.
	emptyFile
)

// lfsSpec opens every Git LFS pointer file.
const lfsSpec = "version https://git-lfs.github.com/spec/"

// pkcs7Data and pkcs7Signed are the DER encodings (tag, length, value) of
// the PKCS #7 data and signedData content types, one of which a PFX's
// authSafe carries.
var (
	pkcs7Data   = []byte{0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01}
	pkcs7Signed = []byte{0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02}
)

// sniffStore reads the first bytes of a file. It never reads past the
// first few dozen bytes.
func sniffStore(data []byte) storeKind {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return emptyFile
	case bytes.HasPrefix(data, []byte(lfsSpec)):
		return lfsPointer
	case len(data) >= 12 && bytes.HasPrefix(data, []byte{0xfe, 0xed, 0xfe, 0xed}) && javaStoreVersion(data[4:8], 1, 2):
		return jksStore
	case len(data) >= 12 && bytes.HasPrefix(data, []byte{0xce, 0xce, 0xce, 0xce}) && javaStoreVersion(data[4:8], 2, 2):
		return jceksStore
	case isPFX(data):
		return pkcs12Store
	}
	return noStore
}

// javaStoreVersion reports whether the big-endian 32-bit version v lies in
// [lo, hi]: the versions keytool writes.
func javaStoreVersion(v []byte, lo, hi byte) bool {
	return v[0] == 0 && v[1] == 0 && v[2] == 0 && v[3] >= lo && v[3] <= hi
}

// isPFX reports whether data opens as a PFX (RFC 7292): SEQUENCE {
// INTEGER 3, SEQUENCE { OID pkcs7-data or pkcs7-signedData, … } … }, in
// DER or in BER with indefinite lengths.
func isPFX(data []byte) bool {
	rest, ok := derHeader(data, 0x30)
	if !ok || !bytes.HasPrefix(rest, []byte{0x02, 0x01, 0x03}) {
		return false
	}
	rest, ok = derHeader(rest[3:], 0x30)
	return ok && (bytes.HasPrefix(rest, pkcs7Data) || bytes.HasPrefix(rest, pkcs7Signed))
}

// derHeader skips the tag and length of a constructed value with tag tag
// at the start of b and returns what follows them. A length of more than
// four bytes, or one past a gigabyte, is no key store's.
func derHeader(b []byte, tag byte) ([]byte, bool) {
	if len(b) < 2 || b[0] != tag {
		return nil, false
	}
	l := b[1]
	switch {
	case l <= 0x80:
		// A short length, or BER's indefinite one.
		return b[2:], true
	case l > 0x84:
		return nil, false
	}
	n := int(l & 0x7f)
	if len(b) < 2+n {
		return nil, false
	}
	size := 0
	for _, c := range b[2 : 2+n] {
		size = size<<8 | int(c)
	}
	if size > 1<<30 {
		return nil, false
	}
	return b[2+n:], true
}

// storeRule is the rule a recognised key store is reported under.
func (k storeKind) rule() string {
	switch k {
	case jksStore, jceksStore:
		return ruleJavaKeyStore
	case pkcs12Store:
		return rulePKCS12
	}
	return ""
}

// format names a recognised key store's format, for the message.
func (k storeKind) format() string {
	switch k {
	case jksStore:
		return "a Java key store in the JKS format"
	case jceksStore:
		return "a Java key store in the JCEKS format"
	case pkcs12Store:
		return "a PKCS #12 (PFX) key store"
	}
	return ""
}

// debugStoreWords in a key store's file name say it holds a debug signing
// key: Android's debug.keystore, which the SDK makes on every machine,
// signs only debuggable builds that no store accepts.
var debugStoreWords = map[string]bool{"debug": true}

// debugStore reports whether the file name of p says it is a debug store.
func debugStore(p string) bool {
	if i := strings.LastIndexByte(p, '!'); i >= 0 {
		p = p[i+1:]
	}
	return anyWord(splitWords(path.Base(p)), debugStoreWords)
}
