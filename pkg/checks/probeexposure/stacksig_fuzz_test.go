package probeexposure

import "testing"

// FuzzStackTrace feeds arbitrary bodies to the signatures: they must not
// panic, and a body they name must still be named with text around it.
func FuzzStackTrace(f *testing.F) {
	for _, s := range stackFixtures {
		f.Add([]byte(s.body))
	}
	f.Add([]byte("\x00\xff\xfe not utf-8 \\n\\n at "))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, body []byte) {
		what := stackTrace(body)
		if what == "" || len(body) > maxStackScan-16 {
			return
		}
		if got := stackTrace(append(append([]byte("<pre>\n"), body...), "\n</pre>"...)); got == "" {
			t.Errorf("a trace named %q is lost inside <pre>", what)
		}
	})
}
