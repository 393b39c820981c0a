//go:build unix

package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// The browser tests open the HTML report in a real headless Chromium, as
// the reviewer who receives it would: the page must lay out, log nothing
// to the console (it has no script, so any message is a CSP violation or
// an error), screenshot to a picture that is not blank, and print to PDF.
//
// They need Debian's chromium package. Without it they skip, unless
// LAUNCHGATE_BROWSER_TESTS=1 (CI sets it), when a missing browser fails.

// browserTimeout bounds each run of the browser.
const browserTimeout = 60 * time.Second

// chromium finds the browser, or skips or fails the test without one.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("LAUNCHGATE_BROWSER_TESTS") == "1" {
		t.Fatal("LAUNCHGATE_BROWSER_TESTS=1 but no chromium on PATH (apt-get install chromium)")
	}
	t.Skip("no chromium on PATH: install Debian's chromium package to open the HTML report in a browser (LAUNCHGATE_BROWSER_TESTS=1 makes this a failure)")
	return ""
}

// browser is one headless Chromium with its own profile under a test's
// temporary folder.
type browser struct {
	bin, dir string
}

// run runs the browser on page with extra flags and returns its stdout
// and stderr. The browser runs in its own process group, which is killed
// whole when the run outlasts browserTimeout.
func (b browser) run(t *testing.T, page string, flags ...string) (stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	defer cancel()
	profile, err := os.MkdirTemp(b.dir, "profile-")
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu",
		"--user-data-dir=" + profile,
		"--no-first-run", "--no-default-browser-check",
		"--enable-logging=stderr", "--v=0",
	}, flags...)
	args = append(args, "file://"+page)
	cmd := exec.CommandContext(ctx, b.bin, args...)
	cmd.Dir = b.dir
	cmd.Env = append(os.Environ(), "HOME="+b.dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("chromium %v did not finish within %s", flags, browserTimeout)
	}
	if err != nil && !errors.Is(err, exec.ErrWaitDelay) {
		t.Fatalf("chromium %v: %v\n%s", flags, err, errb.String())
	}
	return out.String(), errb.String()
}

// consoleLine is how Chromium's --enable-logging=stderr shows a message
// a page wrote to the console, whatever its level:
// `[…:INFO:CONSOLE:1] "message", source: file:///…/report.html (1)`
// (older versions write CONSOLE(1)). CSP violations and uncaught errors
// come out the same way.
var consoleLine = regexp.MustCompile(`:CONSOLE[:(]\d*\)?\] "(.*)", source: `)

// consoleMessages lists what a page logged to the console in a run's
// stderr.
func consoleMessages(stderr string) []string {
	var out []string
	for _, line := range strings.Split(stderr, "\n") {
		if m := consoleLine.FindStringSubmatch(line); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

// writeReportPage writes the HTML report of the fixed result into dir.
func writeReportPage(t *testing.T, dir string) string {
	t.Helper()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(writeHTML(t, HTMLReporter{}, fixedHTMLResult(t))), 0o644); err != nil {
		t.Fatal(err)
	}
	return page
}

func TestHTMLInBrowser(t *testing.T) {
	b := browser{bin: chromium(t), dir: t.TempDir()}
	page := writeReportPage(t, b.dir)

	t.Run("dom", func(t *testing.T) {
		dom, stderr := b.run(t, page, "--dump-dom")
		if msgs := consoleMessages(stderr); len(msgs) > 0 {
			t.Errorf("the page logged to the console:\n%s", strings.Join(msgs, "\n"))
		}
		doc, err := html.Parse(strings.NewReader(dom))
		if err != nil {
			t.Fatalf("the dumped DOM does not parse: %v", err)
		}
		if problems := unsafeMarkup(doc); len(problems) > 0 {
			t.Errorf("the rendered page has %v", problems)
		}
		golden(t, "report.dom.golden", []byte(domOutline(doc)))
	})

	t.Run("screenshot", func(t *testing.T) {
		shot := filepath.Join(b.dir, "report.png")
		_, stderr := b.run(t, page, "--screenshot="+shot, "--window-size=1280,2000", "--hide-scrollbars")
		if msgs := consoleMessages(stderr); len(msgs) > 0 {
			t.Errorf("the page logged to the console:\n%s", strings.Join(msgs, "\n"))
		}
		f, err := os.Open(shot)
		if err != nil {
			t.Fatalf("no screenshot: %v", err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatalf("the screenshot is not a PNG: %v", err)
		}
		if got := img.Bounds().Size(); got != image.Pt(1280, 2000) {
			t.Errorf("screenshot is %v, want 1280x2000", got)
		}
		if n := colours(img, 3); n < 3 {
			t.Errorf("the screenshot has %d colours: the page rendered blank", n)
		}
	})

	t.Run("pdf", func(t *testing.T) {
		pdf := filepath.Join(b.dir, "report.pdf")
		_, stderr := b.run(t, page, "--print-to-pdf="+pdf, "--no-pdf-header-footer")
		if msgs := consoleMessages(stderr); len(msgs) > 0 {
			t.Errorf("the page logged to the console:\n%s", strings.Join(msgs, "\n"))
		}
		data, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatalf("no PDF: %v", err)
		}
		if !bytes.HasPrefix(data, []byte("%PDF")) {
			t.Errorf("the PDF starts with %q, want %%PDF", data[:min(len(data), 8)])
		}
	})
}

// The console check means something only if this browser reports what a
// page logs: a page that breaks its own CSP must be caught.
func TestBrowserReportsConsoleErrors(t *testing.T) {
	b := browser{bin: chromium(t), dir: t.TempDir()}
	page := filepath.Join(b.dir, "bad.html")
	bad := `<!DOCTYPE html><html><head><meta charset="utf-8">` +
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
		`<title>bad</title></head><body><p>x</p><script>console.error("not run")</script></body></html>`
	if err := os.WriteFile(page, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr := b.run(t, page, "--dump-dom")
	msgs := consoleMessages(stderr)
	if len(msgs) == 0 || !strings.Contains(strings.Join(msgs, "\n"), "Content Security Policy") {
		t.Fatalf("a blocked inline script logged no CSP violation; chromium's stderr:\n%s", stderr)
	}
}

// colours counts the distinct colours of img, stopping at limit.
func colours(img image.Image, limit int) int {
	seen := map[[4]uint32]bool{}
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 3 {
		for x := r.Min.X; x < r.Max.X; x += 3 {
			cr, cg, cb, ca := img.At(x, y).RGBA()
			seen[[4]uint32{cr, cg, cb, ca}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// domOutline is the structure of a rendered page, independent of how a
// browser version serialises it: one line per element that has an id or
// a class or is a heading, indented under its outlined ancestors, with
// the text of headings, scorecard cells and labels.
func domOutline(doc *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode {
			if n.Data == "head" {
				return
			}
			id, class := attr(n, "id"), strings.Fields(attr(n, "class"))
			if id != "" || len(class) > 0 || outlinedText[n.Data] {
				b.WriteString(strings.Repeat("  ", depth) + n.Data)
				if id != "" {
					b.WriteString("#" + id)
				}
				for _, c := range class {
					b.WriteString("." + c)
				}
				if outlinedText[n.Data] || withText(class) {
					fmt.Fprintf(&b, " %q", strings.Join(strings.Fields(textOf(n)), " "))
				}
				b.WriteByte('\n')
				depth++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth)
		}
	}
	walk(doc, 0)
	return b.String()
}

// outlinedText are the elements whose text the outline shows.
var outlinedText = map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "th": true, "dt": true, "figcaption": true}

// withText reports whether an element of these classes has its text in
// the outline: the labels and the verdict.
func withText(class []string) bool {
	for _, c := range class {
		switch c {
		case "status-label", "row-summary", "sev-label", "block-label", "verdict-detail", "partial":
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}
