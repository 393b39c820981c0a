package probeexposure

import (
	"bytes"
	"regexp"
)

// stackSignature is one kind of stack trace or framework debug page,
// recognised in an error response's body.
type stackSignature struct {
	what  string
	match func(body []byte) bool
}

// maxStackScan bounds how much of a body the signatures read.
const maxStackScan = 256 << 10

var (
	goPanic      = regexp.MustCompile(`goroutine \d+ \[running\]:`)
	javaFrame    = regexp.MustCompile(`(?m)^\s*at [\w$./]+\.[\w$<>]+\([\w$]+\.(?:java|kt|scala):\d+\)`)
	dotnetFrame  = regexp.MustCompile(`(?m)^\s+at System\.[\w.` + "`" + `]+\(|(?m)^\s+at [\w.]+\(.*\) in .+:line \d+`)
	nodeFrame    = regexp.MustCompile(`(?m)^\s+at (?:\S+ )?\(?(?:/|[A-Za-z]:\\|file://|node:)[^\s()"]*:\d+:\d+\)?`)
	pythonFrame  = regexp.MustCompile(`File "[^"]+", line \d+`)
	phpFrame     = regexp.MustCompile(`(?m)^#\d+ /\S+\.php\(\d+\): `)
	errorMessage = regexp.MustCompile(`\b\w*(?:Error|Exception)\b`)
)

// stackSignatures are the stack traces and debug pages the check knows,
// the framework pages first since they also hold a trace.
func stackSignatures() []stackSignature {
	return []stackSignature{
		{"the Werkzeug debugger", func(b []byte) bool {
			return bytes.Contains(b, []byte("Werkzeug Debugger")) || bytes.Contains(b, []byte("__debugger__"))
		}},
		{"Django's debug page", func(b []byte) bool {
			return bytes.Contains(b, []byte("Django Version:")) && bytes.Contains(b, []byte("Traceback"))
		}},
		{"Rails' exception page", func(b []byte) bool {
			return bytes.Contains(b, []byte("Action Controller: Exception caught"))
		}},
		{"Laravel's error page (Whoops / Ignition)", func(b []byte) bool {
			return bytes.Contains(b, []byte("Whoops\\Run")) || bytes.Contains(b, []byte("whoops-container")) ||
				bytes.Contains(b, []byte("window.ignite")) || bytes.Contains(b, []byte("Ignition")) && bytes.Contains(b, []byte("laravel"))
		}},
		{"a Go panic", goPanic.Match},
		{"a Python traceback", func(b []byte) bool {
			return bytes.Contains(b, []byte("Traceback (most recent call last)")) && pythonFrame.Match(b)
		}},
		{"a Java exception", func(b []byte) bool {
			return len(javaFrame.FindAllIndex(b, 2)) == 2
		}},
		{"a .NET exception", func(b []byte) bool {
			return len(dotnetFrame.FindAllIndex(b, 2)) == 2
		}},
		{"a Node.js stack", func(b []byte) bool {
			return errorMessage.Match(b) && len(nodeFrame.FindAllIndex(b, 2)) == 2
		}},
		{"a PHP stack", func(b []byte) bool {
			return len(phpFrame.FindAllIndex(b, 2)) == 2
		}},
	}
}

// stackTrace names the stack trace or debug page body carries, or "".
func stackTrace(body []byte) string {
	b := body[:min(len(body), maxStackScan)]
	// JSON error bodies escape their newlines; frames are matched by line.
	if bytes.Contains(b, []byte(`\n`)) {
		b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte(`\n`), []byte("\n")), []byte(`\t`), []byte("\t"))
	}
	for _, s := range stackSignatures() {
		if s.match(b) {
			return s.what
		}
	}
	return ""
}
