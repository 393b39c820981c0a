package testkit

import (
	"crypto/rand"
	"math/big"
	"strings"
	"testing"
)

// Alnum is the ASCII letters and digits, the alphabet most key formats
// draw their random part from.
const Alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// Random makes a fresh string of n characters from alphabet. Fake secrets
// are made at test time so that no committed file holds anything a scanner
// would take for a real key.
func Random(t testing.TB, alphabet string, n int) string {
	t.Helper()
	var b strings.Builder
	for range n {
		i, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteByte(alphabet[i.Int64()])
	}
	return b.String()
}
