package debug

// expr is what the line engine asks of a compiled expression: Go's
// regexp.Regexp and go-re2's Regexp both provide it.
type expr interface {
	FindIndex(b []byte) []int
	FindAllIndex(b []byte, n int) [][]int
	FindAllSubmatchIndex(b []byte, n int) [][]int
	SubexpIndex(name string) int
	Match(b []byte) bool
	String() string
}
