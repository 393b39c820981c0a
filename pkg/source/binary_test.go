package source

import (
	"bytes"
	"strings"
	"testing"
)

func TestIsBinary(t *testing.T) {
	latin1 := bytes.Repeat([]byte("caf\xe9 cr\xe8me br\xfbl\xe9e, "), 400)
	cut := append(bytes.Repeat([]byte("a"), sniffLen-1), []byte("é and more text")...)
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"empty", nil, false},
		{"ascii source", []byte("package main\n\nfunc main() {}\n"), false},
		{"utf-8 text", []byte(strings.Repeat("héllo wörld ✓ ", 100)), false},
		{"latin-1 text", latin1, false},
		{"rune cut by the sample window", cut, false},
		{"ansi colours", []byte("\x1b[31merror\x1b[0m\n"), false},
		{"NUL byte", []byte("text\x00more"), true},
		{"NUL after the window is not seen", append(bytes.Repeat([]byte("a"), sniffLen), 0), false},
		{"png header", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), true},
		{"random high bytes", bytes.Repeat([]byte{0xff, 0xfe, 0x80, 0x81, 0x01, 0x02}, 100), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsBinary(tc.data); got != tc.want {
				t.Errorf("IsBinary = %v, want %v", got, tc.want)
			}
		})
	}
}
