package probeexposure

import (
	"bytes"
	"regexp"
)

// looksHTML reports whether body starts like an HTML page: no genuine
// dotfile, dump or key file does.
func looksHTML(body []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body"))
}

// envLine is one NAME=value assignment of an environment file.
var envLine = regexp.MustCompile(`(?m)^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=\S`)

// envFile: at least two NAME=value lines, not an HTML page.
func envFile(body []byte) bool {
	return !looksHTML(body) && len(envLine.FindAllIndex(body[:min(len(body), 64<<10)], 2)) == 2
}

// gitConfig: a [core] section.
func gitConfig(body []byte) bool {
	return !looksHTML(body) && bytes.Contains(body, []byte("[core]"))
}

// gitHeadRef is what .git/HEAD holds: a ref or a detached commit.
var gitHeadRef = regexp.MustCompile(`^(?:ref: refs/\S+|[0-9a-f]{40}|[0-9a-f]{64})\s*$`)

func gitHead(body []byte) bool {
	return len(body) < 512 && gitHeadRef.Match(bytes.TrimSpace(body))
}

// svnEntries: the format number (8 to 12) on the first line, then the
// working copy's entries; or the XML form of old versions.
var svnFormat = regexp.MustCompile(`^(?:8|9|10|11|12)\n\n?dir\n`)

func svnEntries(body []byte) bool {
	return svnFormat.Match(body) || bytes.Contains(body[:min(len(body), 1024)], []byte("<wc-entries"))
}

// dsStore: the Bud1 magic.
func dsStore(body []byte) bool {
	return bytes.HasPrefix(body, []byte("\x00\x00\x00\x01Bud1"))
}

// sqlStatement is a table definition or a row of a dump.
var sqlStatement = regexp.MustCompile(`(?im)^\s*(?:CREATE TABLE|INSERT INTO|COPY \S+ \(.*\) FROM stdin)`)

// sqlDump: a dump tool's header or a table definition or insert, not an
// HTML page.
func sqlDump(body []byte) bool {
	return !looksHTML(body) && sqlStatement.Match(body[:min(len(body), 256<<10)])
}

// awsCredentials: a profile section with an access key ID.
func awsCredentials(body []byte) bool {
	return !looksHTML(body) && bytes.Contains(body, []byte("[")) && bytes.Contains(bytes.ToLower(body), []byte("aws_access_key_id"))
}

// npmrc: a registry auth token line.
func npmrc(body []byte) bool {
	return !looksHTML(body) && bytes.Contains(body, []byte(":_authToken="))
}

// wpConfig: WordPress's database settings in PHP source.
func wpConfig(body []byte) bool {
	return bytes.Contains(body, []byte("<?php")) && bytes.Contains(body, []byte("DB_PASSWORD"))
}

// actuatorEnv: the environment endpoint's JSON.
func actuatorEnv(body []byte) bool {
	return bytes.Contains(body, []byte(`"propertySources"`)) && bytes.Contains(body, []byte(`"activeProfiles"`))
}

// heapDump: the HPROF header.
func heapDump(body []byte) bool {
	return bytes.HasPrefix(body, []byte("JAVA PROFILE 1.0"))
}

// pprofIndex: net/http/pprof's index page.
func pprofIndex(body []byte) bool {
	return bytes.Contains(body, []byte("Types of profiles available")) || bytes.Contains(body, []byte("goroutine?debug=1"))
}

// phpinfo: phpinfo()'s page.
func phpinfo(body []byte) bool {
	return bytes.Contains(body, []byte("phpinfo()")) && bytes.Contains(body, []byte("PHP Version"))
}

// serverStatus: mod_status's page.
func serverStatus(body []byte) bool {
	return bytes.Contains(body, []byte("Apache Server Status"))
}

// symfonyProfiler: the profiler's search page.
func symfonyProfiler(body []byte) bool {
	return bytes.Contains(body, []byte("Symfony Profiler"))
}

// djangoToolbar: the debug toolbar's markup.
func djangoToolbar(body []byte) bool {
	return bytes.Contains(body, []byte("djDebug")) || bytes.Contains(body, []byte("djdt"))
}

// telescope: Telescope's dashboard boots window.Telescope.
func telescope(body []byte) bool {
	return bytes.Contains(body, []byte("window.Telescope"))
}

// horizon: Horizon's dashboard boots window.Horizon.
func horizon(body []byte) bool {
	return bytes.Contains(body, []byte("window.Horizon"))
}

// railsInfo: the properties table of Rails' info page.
func railsInfo(body []byte) bool {
	return bytes.Contains(body, []byte("Rails version")) && bytes.Contains(body, []byte("Ruby version"))
}

// introspection is the smallest introspection query, path-escaped:
// {__schema{queryType{name}}}.
const introspection = "%7B__schema%7BqueryType%7Bname%7D%7D%7D"

// graphqlSchema: a GraphQL answer to the introspection query, with the
// schema's query type in its data.
func graphqlSchema(body []byte) bool {
	return bytes.Contains(body, []byte(`"data"`)) && bytes.Contains(body, []byte(`"__schema"`)) && bytes.Contains(body, []byte(`"queryType"`))
}
