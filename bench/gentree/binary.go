package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
)

// pngLike returns a well-formed PNG container of about size bytes whose
// image data is random, which is what compressed pixels look like to a
// scanner.
func pngLike(g *gen, size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 64)
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(g.between(16, 2048)))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(g.between(16, 2048)))
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	pngChunk(&b, "IHDR", ihdr)
	data := make([]byte, max(size-b.Len()-24, 16))
	for i := range data {
		data[i] = byte(g.r.Uint32())
	}
	pngChunk(&b, "IDAT", data)
	pngChunk(&b, "IEND", nil)
	return b.Bytes()
}

func pngChunk(b *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	b.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	b.WriteString(typ)
	b.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	b.Write(n[:])
}

// lockfile returns an npm package-lock.json of about size bytes: many
// entries with registry URLs and sha512 integrity hashes, the high-entropy
// strings that lock files are full of.
func lockfile(g *gen, size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 512)
	fmt.Fprintf(&b, "{\n  \"name\": %q,\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n", g.pick(apps))
	for b.Len() < size {
		name := g.pick(nouns) + "-" + g.pick(verbs)
		if g.chance(0.2) {
			name = "@" + g.pick(nouns) + "/" + name
		}
		ver := fmt.Sprintf("%d.%d.%d", g.intn(12), g.intn(30), g.intn(40))
		base := name
		if i := bytes.IndexByte([]byte(name), '/'); i >= 0 {
			base = name[i+1:]
		}
		fmt.Fprintf(&b, "    \"node_modules/%s\": {\n      \"version\": %q,\n      \"resolved\": \"https://registry.npmjs.org/%s/-/%s-%s.tgz\",\n      \"integrity\": \"sha512-%s==\",\n      \"dev\": %t\n    },\n",
			name, ver, name, base, ver, g.chars(86, base64Std), g.chance(0.5))
	}
	b.WriteString("    \"\": {\n      \"version\": \"0.0.0\"\n    }\n  }\n}\n")
	return b.Bytes()
}
