package probe_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/checks"
	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/probe"
	"github.com/launchgate/launchgate/pkg/probe/portaltest"
)

// benchOps is the size of the generated spec the benchmark probes.
const benchOps = 500

// portalDirVar names the folder a portal child process writes its
// address and environment to; set only in that child.
const portalDirVar = "LAUNCHGATE_BENCH_PORTAL_DIR"

// BenchmarkProbeGenerated runs the whole probe — the probeauth check with
// the real catalog, unlimited rate, writes allowed so that every operation
// is probed — over a generated spec of 500 operations against the
// loopback portal over HTTPS. It reports requests per run, wall time per
// request, and CPU time per request (user plus system, getrusage).
//
// With portal=child the portal runs in a child process (this test binary
// re-run as TestGeneratedPortalProcess): cpu-ns/req is launchgate's own
// cost and server-cpu-ns/req the portal's, from the child's rusage when it
// exits (its start-up, a CA and a key, included). With portal=in-process
// the portal shares the process and cpu-ns/req counts both.
func BenchmarkProbeGenerated(b *testing.B) {
	b.Run("portal=child", func(b *testing.B) {
		child := startPortalChild(b)
		total := benchProbe(b, child.url, child.env)
		usage, err := child.stop()
		if err != nil {
			b.Fatalf("portal child: %v", err)
		}
		// The child's log keeps at most its first 65536 requests.
		if child.requests != min(total, 1<<16) {
			b.Fatalf("the portal answered %d requests, the probe counted %d", child.requests, total)
		}
		b.ReportMetric(float64(cpuNanos(usage))/float64(total), "server-cpu-ns/req")
	})
	b.Run("portal=in-process", func(b *testing.B) {
		p, _ := portaltest.StartGenerated(b, benchOps)
		benchProbe(b, p.URL, envMap(p.Env()))
	})
}

// benchProbe probes base b.N times, reports the metrics and returns the
// requests sent in all.
func benchProbe(b *testing.B, base string, env map[string]string) int {
	b.Helper()
	dir := b.TempDir()
	spec, _ := portaltest.Generated(benchOps)
	writeFile(b, filepath.Join(dir, "openapi.yaml"), spec)
	writeFile(b, filepath.Join(dir, ".launchgate.yml"), portaltest.GeneratedConfig(benchOps))
	reg, err := checks.Load()
	if err != nil {
		b.Fatal(err)
	}
	r := probe.Runner{Catalog: reg.Catalog, Checks: reg.Live, Redactor: reg.Redactor}
	opts := probe.Options{URL: base, Specs: []string{"openapi.yaml"}, WorkDir: dir, AllowWrites: true,
		MaxRequests: 1 << 20, Rate: 0, Timeout: 5 * time.Minute, Threshold: finding.High,
		Now: time.Now(), CertFile: env["SSL_CERT_FILE"], Version: "bench",
		LookupEnv: func(k string) (string, bool) { v, ok := env[k]; return v, ok }}
	total := 0
	b.ResetTimer()
	before := selfUsage(b)
	for range b.N {
		res, _, err := r.Run(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		n, probed := runCounts(b, res.Notes)
		if probed != benchOps {
			b.Fatalf("probed %d operations of %d: %v", probed, benchOps, res.Notes)
		}
		if s := res.Summary(); s.Blocking > 0 {
			b.Fatalf("%d findings at high or above on the hardened generated portal", s.Blocking)
		}
		total += n
	}
	after := selfUsage(b)
	b.StopTimer()
	b.ReportMetric(float64(total)/float64(b.N), "req/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(total), "ns/req")
	b.ReportMetric(float64(cpuNanos(after)-cpuNanos(before))/float64(total), "cpu-ns/req")
	return total
}

// summaryNote is the run's summary note: operations probed and requests.
var summaryNote = regexp.MustCompile(`^probed (\d+) operations of .* with (\d+) requests$`)

// runCounts reads requests sent and operations probed from the notes.
func runCounts(b *testing.B, notes []string) (requests, probed int) {
	b.Helper()
	for _, n := range notes {
		if m := summaryNote.FindStringSubmatch(n); m != nil {
			probed, _ = strconv.Atoi(m[1])
			requests, _ = strconv.Atoi(m[2])
			return requests, probed
		}
	}
	b.Fatalf("no summary note in %v", notes)
	return 0, 0
}

// selfUsage is the process's rusage (RUSAGE_SELF).
func selfUsage(b *testing.B) *syscall.Rusage {
	b.Helper()
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return &u
}

// cpuNanos is user plus system CPU time of u in nanoseconds.
func cpuNanos(u *syscall.Rusage) int64 {
	return u.Utime.Nano() + u.Stime.Nano()
}

func writeFile(b *testing.B, path string, data []byte) {
	b.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
}

// envMap splits NAME=value lines.
func envMap(lines []string) map[string]string {
	m := map[string]string{}
	for _, kv := range lines {
		if k, v, ok := strings.Cut(kv, "="); ok {
			m[k] = v
		}
	}
	return m
}

// portalChild is the generated portal served by a child process.
type portalChild struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   *bufio.Scanner
	url   string
	env   map[string]string
	// requests is how many requests the child answered, known once it
	// has stopped.
	requests int
}

// startPortalChild re-runs this test binary as the generated portal and
// waits for its URL and environment.
func startPortalChild(b *testing.B) *portalChild {
	b.Helper()
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	cmd := exec.Command(exe, "-test.run=^TestGeneratedPortalProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), portalDirVar+"="+dir)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	c := &portalChild{cmd: cmd, stdin: stdin, out: bufio.NewScanner(stdout)}
	b.Cleanup(func() { _, _ = c.stop() })
	if !c.expect("ready") {
		b.Fatal("the portal child did not start")
	}
	data, err := os.ReadFile(filepath.Join(dir, "env"))
	if err != nil {
		b.Fatal(err)
	}
	c.env = envMap(strings.Split(strings.TrimSpace(string(data)), "\n"))
	c.url = c.env["PORTAL_URL"]
	return c
}

// expect reads the child's output up to a line starting with prefix and
// returns whether one came.
func (c *portalChild) expect(prefix string) bool {
	for c.out.Scan() {
		if strings.HasPrefix(c.out.Text(), prefix) {
			return true
		}
	}
	return false
}

// stop closes the child's input, which ends it, reads the number of
// requests it answered and returns its rusage.
func (c *portalChild) stop() (*syscall.Rusage, error) {
	if c.cmd.ProcessState != nil {
		return c.cmd.ProcessState.SysUsage().(*syscall.Rusage), nil
	}
	c.stdin.Close()
	for c.out.Scan() {
		if n, ok := strings.CutPrefix(c.out.Text(), "requests "); ok {
			c.requests, _ = strconv.Atoi(n)
		}
	}
	err := c.cmd.Wait()
	if c.cmd.ProcessState == nil {
		return nil, err
	}
	u, ok := c.cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return nil, errors.New("no rusage")
	}
	return u, err
}

// TestGeneratedPortalProcess is the portal child of
// BenchmarkProbeGenerated: it serves the generated portal, writes its URL
// and environment to the folder named by LAUNCHGATE_BENCH_PORTAL_DIR,
// prints "ready", and serves until its standard input closes; then it
// prints how many requests it answered. Without that variable it is
// skipped.
func TestGeneratedPortalProcess(t *testing.T) {
	dir := os.Getenv(portalDirVar)
	if dir == "" {
		t.Skip("not a test of its own: the portal process BenchmarkProbeGenerated starts, run only with " + portalDirVar + " set")
	}
	p, _ := portaltest.StartGenerated(t, benchOps)
	env := append([]string{"PORTAL_URL=" + p.URL}, p.Env()...)
	if err := os.WriteFile(filepath.Join(dir, "env"), []byte(strings.Join(env, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
	fmt.Printf("requests %d\n", len(p.Requests()))
}
