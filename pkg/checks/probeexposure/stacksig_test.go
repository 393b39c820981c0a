package probeexposure

import "testing"

// stackFixtures are error bodies: want names the signature that must
// fire, "" none.
var stackFixtures = []struct {
	name, body, want string
}{
	{"go panic", "panic: runtime error: index out of range\n\ngoroutine 17 [running]:\nmain.handler(...)\n\t/app/main.go:42 +0x1d\n", "a Go panic"},
	{"python", "Traceback (most recent call last):\n  File \"/app/views.py\", line 12, in get\n    return rows[0]\nIndexError: list index out of range\n", "a Python traceback"},
	{"java", "java.lang.NumberFormatException: For input string: \"x\"\n\tat java.lang.Long.parseLong(Long.java:589)\n\tat com.example.InvoiceController.get(InvoiceController.java:31)\n", "a Java exception"},
	{"dotnet", "System.FormatException: Input string was not in a correct format.\n   at System.Number.ThrowOverflowOrFormatException(ParsingStatus status)\n   at System.Int32.Parse(String s)\n", "a .NET exception"},
	{"node", "TypeError: Cannot read properties of undefined (reading 'id')\n    at getInvoice (/srv/app/routes/invoices.js:18:22)\n    at Layer.handle (/srv/app/node_modules/express/lib/router/layer.js:95:5)\n", "a Node.js stack"},
	{"node in json", `{"error":"TypeError: x is undefined\n    at get (/srv/app/a.js:1:2)\n    at run (/srv/app/b.js:3:4)"}`, "a Node.js stack"},
	{"werkzeug", "<title>IndexError // Werkzeug Debugger</title>", "the Werkzeug debugger"},
	{"django", "<h1>ValueError at /api/x</h1><th>Django Version:</th><td>4.2</td> ... Traceback", "Django's debug page"},
	{"rails", "<title>Action Controller: Exception caught</title>", "Rails' exception page"},
	{"whoops", `<div class="whoops-container">`, "Laravel's error page (Whoops / Ignition)"},
	{"php", "#0 /var/www/app/Invoice.php(12): find()\n#1 /var/www/index.php(3): run()\n", "a PHP stack"},
	// Quiet twins: errors that say what went wrong without a trace.
	{"json error", `{"error":"not_found","message":"no such invoice"}`, ""},
	{"html 404", "<html><title>404 Not Found</title><body>Not found</body></html>", ""},
	{"one java-like line", "see docs at com.example.Help(Help.java:1)", ""},
	{"prose about tracebacks", "We log the Traceback (most recent call last) server-side and show this page instead.", ""},
	{"go doc text", "a goroutine is running", ""},
}

func TestStackTrace(t *testing.T) {
	for _, f := range stackFixtures {
		if got := stackTrace([]byte(f.body)); got != f.want {
			t.Errorf("%s: got %q, want %q", f.name, got, f.want)
		}
	}
}

// TestFileSignatures checks each well-known file's signature on its
// genuine content and on a catch-all HTML page.
func TestFileSignatures(t *testing.T) {
	genuine := map[string]string{
		"/.env":                  "APP_ENV=production\nDB_HOST=db\n",
		"/.git/config":           "[core]\n\trepositoryformatversion = 0\n",
		"/.git/HEAD":             "ref: refs/heads/main\n",
		"/.svn/entries":          "12\n\ndir\n",
		"/.DS_Store":             "\x00\x00\x00\x01Bud1\x00\x00",
		"/dump.sql":              "-- MySQL dump 10.13\nCREATE TABLE `users` (\n",
		"/.aws/credentials":      "[default]\naws_access_key_id = x\n",
		"/.npmrc":                "//registry.npmjs.org/:_authToken=x\n",
		"/wp-config.php.bak":     "<?php define('DB_PASSWORD', 'x');",
		"/actuator/env":          `{"activeProfiles":[],"propertySources":[]}`,
		"/actuator/heapdump":     "JAVA PROFILE 1.0.2\x00",
		"/debug/pprof/":          "<p>Types of profiles available:</p>",
		"/phpinfo.php":           "<title>PHP 8.2 - phpinfo()</title><h1>PHP Version 8.2</h1>",
		"/server-status":         "<h1>Apache Server Status for host</h1>",
		"/_profiler/":            "<title>Symfony Profiler</title>",
		"/__debug__/":            `<div id="djDebug">`,
		"/telescope":             "<script>window.Telescope = {}</script>",
		"/horizon":               "<script>window.Horizon = {}</script>",
		"/rails/info/properties": "<td>Rails version</td><td>7.1</td><td>Ruby version</td>",
	}
	spa := []byte("<!doctype html><html><head><title>App</title></head><body><div id=root></div></body></html>")
	checked := 0
	for _, f := range wellKnownFiles() {
		if f.sig(spa) {
			t.Errorf("%s: the signature matches a single-page app's index", f.path)
		}
		body, ok := genuine[f.path]
		if !ok {
			continue
		}
		checked++
		if !f.sig([]byte(body)) {
			t.Errorf("%s: the signature misses the genuine file", f.path)
		}
	}
	if checked < 19 {
		t.Errorf("only %d signatures checked", checked)
	}
}
