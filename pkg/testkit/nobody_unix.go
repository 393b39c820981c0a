//go:build unix

package testkit

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// asNobodyEnv marks the child process RunAsNobody starts, naming the test
// it runs.
const asNobodyEnv = "LAUNCHGATE_TEST_AS_NOBODY"

// nobody is the user and group the child runs as.
const nobody = 65534

// RunAsNobody makes a test of unreadable files mean something. Root ignores
// mode bits, so a file of mode 000 is readable to a test run as root; then
// the test binary is copied where any user may run it and the test is run
// again in it as uid and gid 65534, and RunAsNobody returns false in the
// parent, which has nothing more to do. It returns true where the test body
// should run: in that child, or in a test process that is not root, where
// mode bits already hold. The test's files must be made in the child (with
// t.TempDir), so that user can reach them. Top-level tests only.
func RunAsNobody(t *testing.T) bool {
	t.Helper()
	if os.Getenv(asNobodyEnv) == t.Name() || os.Geteuid() != 0 {
		return true
	}
	if strings.Contains(t.Name(), "/") {
		t.Fatalf("RunAsNobody runs top-level tests only, not %s", t.Name())
	}
	// A folder every user can enter, for the binary and for the child's
	// temporary files; t.TempDir's parent is closed to other users.
	dir, err := os.MkdirTemp("", "asnobody")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(tmp, 0o777|os.ModeSticky); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, filepath.Base(os.Args[0]))
	copyExecutable(t, os.Args[0], bin)
	cmd := exec.Command(bin, "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.v", "-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), asNobodyEnv+"="+t.Name(), "TMPDIR="+tmp, "HOME="+tmp)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil && cmd.ProcessState == nil:
		t.Skipf("cannot start the test as uid %d to make mode bits hold (%v); a root test process would read a file of mode 000", nobody, err)
	case bytes.Contains(out, []byte("--- SKIP: "+t.Name())):
		t.Skipf("skipped as uid %d:\n%s", nobody, out)
	case err != nil:
		t.Fatalf("as uid %d: %v\n%s", nobody, err, out)
	case !bytes.Contains(out, []byte("--- PASS: "+t.Name())):
		t.Fatalf("as uid %d the test did not run:\n%s", nobody, out)
	}
	t.Logf("ran as uid %d:\n%s", nobody, out)
	return false
}

// copyExecutable copies the file at from to a new executable at to.
func copyExecutable(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// MakeUnreadable sets the file or folder at p to mode 000, restores it when
// the test ends (so t.TempDir can remove it), and skips the test when the
// process can read it all the same.
func MakeUnreadable(t *testing.T, p string) {
	t.Helper()
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(p, 0o755) })
	if f, err := os.Open(p); err == nil {
		f.Close()
		t.Skip("a file of mode 000 is readable here (the file system or a capability ignores mode bits)")
	}
}
