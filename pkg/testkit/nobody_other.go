//go:build !unix

package testkit

import "testing"

// RunAsNobody skips the test: mode bits do not make a file unreadable
// here.
func RunAsNobody(t *testing.T) bool {
	t.Skip("mode bits do not make a file unreadable on this system")
	return false
}

// MakeUnreadable skips the test, as RunAsNobody does.
func MakeUnreadable(t *testing.T, p string) {
	t.Skip("mode bits do not make a file unreadable on this system")
}
