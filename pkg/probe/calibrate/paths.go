package calibrate

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"
)

// maxCollections bounds the collections Paths asks an unknown ID of.
const maxCollections = 3

// Paths lists the calibration requests' paths: two paths that cannot
// exist under the API prefix (one segment and two segments deep), then
// each of the first few collections with an unknown ID in place of an
// object's. The segments look random, so that no route can answer them
// by name, and are derived from seed, so that a run can be repeated.
func Paths(apiPrefix string, collections []string, seed uint64) []string {
	prefix := strings.TrimRight(apiPrefix, "/")
	out := []string{
		prefix + "/" + segment(seed, 0),
		prefix + "/" + segment(seed, 1) + "/" + segment(seed, 2),
	}
	for i, c := range collections {
		if i >= maxCollections {
			break
		}
		out = append(out, strings.TrimRight(c, "/")+"/"+segment(seed, uint64(3+i)))
	}
	return out
}

// segment is the n-th unknown segment of the run seeded with seed:
// launchgate-probe- and twelve hex digits.
func segment(seed, n uint64) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], seed)
	binary.BigEndian.PutUint64(b[8:], n)
	sum := sha256.Sum256(b[:])
	return "launchgate-probe-" + hex.EncodeToString(sum[:6])
}
