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
	// trustStore: a Java key store of trusted certificates only, no key.
	trustStore
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
		return "JKS format"
	case jceksStore:
		return "JCEKS format"
	case pkcs12Store:
		return "a PFX key store"
	}
	return ""
}

// Entry tags of the JKS and JCEKS formats.
const (
	jksPrivateKey  = 1
	jksTrustedCert = 2
	jceksSecretKey = 3
)

// maxStoreEntries is the most entries of a Java key store walked.
const maxStoreEntries = 4096

// trustStoreOnly reports whether data, a JKS or JCEKS store, holds
// trusted certificates only (a trust store such as cacerts), walking its
// entries: tag, alias, date, and a certificate or a key with its chain.
// A store it cannot walk to the end (truncated, or an entry it does not
// know) is not one: it may hold keys.
func trustStoreOnly(data []byte) bool {
	r := storeReader{b: data, pos: 8}
	count := r.u32()
	if r.bad || count == 0 || count > maxStoreEntries {
		return false
	}
	for range count {
		tag := r.u32()
		r.skip(int(r.u16())) // alias
		r.skip(8)            // creation date
		if r.bad || tag != jksTrustedCert {
			return false
		}
		r.cert()
	}
	return !r.bad
}

// storeReader reads the big-endian fields of a Java key store; any read
// past the end sets bad and reads zero.
type storeReader struct {
	b   []byte
	pos int
	bad bool
}

func (r *storeReader) take(n int) []byte {
	if r.bad || n < 0 || n > len(r.b)-r.pos {
		r.bad = true
		return nil
	}
	out := r.b[r.pos : r.pos+n]
	r.pos += n
	return out
}

func (r *storeReader) skip(n int) { r.take(n) }

func (r *storeReader) u16() uint16 {
	b := r.take(2)
	if b == nil {
		return 0
	}
	return uint16(b[0])<<8 | uint16(b[1])
}

func (r *storeReader) u32() uint32 {
	b := r.take(4)
	if b == nil {
		return 0
	}
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// cert skips a certificate: its type's name and its encoding.
func (r *storeReader) cert() {
	r.skip(int(r.u16()))
	n := r.u32()
	if n > uint32(len(r.b)) {
		r.bad = true
		return
	}
	r.skip(int(n))
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
