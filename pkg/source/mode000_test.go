package source

import (
	"path/filepath"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// unreadableFile writes a file of mode 000 at name under root, and skips
// the test when the process can read it all the same.
func unreadableFile(t *testing.T, root, name string, data []byte) {
	t.Helper()
	writeFile(t, root, name, data)
	testkit.MakeUnreadable(t, filepath.Join(root, filepath.FromSlash(name)))
}

// unreadableFolder makes the folder name under root, holding a file, mode
// 000.
func unreadableFolder(t *testing.T, root, name string) {
	t.Helper()
	writeFile(t, root, name+"/inside.env", []byte("TOKEN=x\n"))
	testkit.MakeUnreadable(t, filepath.Join(root, filepath.FromSlash(name)))
}
