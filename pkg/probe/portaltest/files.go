package portaltest

import (
	"os"
	"path/filepath"
	"runtime"
)

// Dir returns the absolute path of testdata/probe/portal, the folder of
// the portal's openapi.yaml, .launchgate.yml and expected.txt, found from
// this package's source file so tests of any package can name it.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return filepath.Join("testdata", "probe", "portal")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata", "probe", "portal")
}

// LoadExpected reads and parses Dir()'s expected.txt.
func LoadExpected() (Expected, error) {
	data, err := os.ReadFile(filepath.Join(Dir(), "expected.txt"))
	if err != nil {
		return nil, err
	}
	return ParseExpected(data)
}
