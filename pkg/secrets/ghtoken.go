package secrets

import (
	"hash/crc32"
	"strings"
)

// gitHubPrefixes are the markers of GitHub's tokens since April 2021,
// whose last six characters are a checksum of the random part before
// them: a CRC32 in base62.
var gitHubPrefixes = []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}

// base62 is the alphabet of the checksum's digits.
const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// gitHubChecksum reports, for a token with a GitHub marker, whether its
// checksum holds. ok is false for any other value: only a token GitHub
// could have issued has a valid one, so a made-up example in a README
// ("ghp_1a2b3c…") shows itself.
func gitHubChecksum(value string) (valid, ok bool) {
	prefix := ""
	for _, p := range gitHubPrefixes {
		if strings.HasPrefix(value, p) {
			prefix = p
		}
	}
	if prefix == "" || len(value) != len(prefix)+36 {
		return false, false
	}
	body, sum := value[len(prefix):len(value)-6], value[len(value)-6:]
	var n uint64
	for i := 0; i < len(sum); i++ {
		d := strings.IndexByte(base62, sum[i])
		if d < 0 {
			return false, true
		}
		n = n*62 + uint64(d)
	}
	return n == uint64(crc32.ChecksumIEEE([]byte(body))), true
}
