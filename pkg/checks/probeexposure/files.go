package probeexposure

import (
	"context"
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/check"
	"github.com/launchgate/launchgate/pkg/finding"
)

// class says how bad an exposed file is by what it holds.
type class int

const (
	// classOther is a console or metadata file: high.
	classOther class = iota
	// classSecret holds credentials or data (environment files, dumps,
	// heap dumps): critical.
	classSecret
	// classSource gives the source away (version-control metadata):
	// critical.
	classSource
)

// wellKnown is one path that must never be served, with what it is and
// the signature its content has when it really is that file.
type wellKnown struct {
	path string
	what string
	cls  class
	sig  func(body []byte) bool
}

// wellKnownFiles is the curated list the check asks for, one request
// each: files that leak credentials or source when a deployment copies
// its working directory, and the debug consoles frameworks ship. Each
// entry's signature is what the genuine file contains, so that a host
// answering every path with the same page is not mistaken for one.
func wellKnownFiles() []wellKnown {
	return []wellKnown{
		{"/.env", "an environment file", classSecret, envFile},
		{"/.env.production", "an environment file", classSecret, envFile},
		{"/.env.local", "an environment file", classSecret, envFile},
		{"/.git/config", "the Git repository's configuration", classSource, gitConfig},
		{"/.git/HEAD", "the Git repository's HEAD", classSource, gitHead},
		{"/.svn/entries", "the Subversion working copy's entries", classSource, svnEntries},
		{"/.DS_Store", "a macOS folder index (it lists the folder's files)", classOther, dsStore},
		{"/backup.sql", "a database dump", classSecret, sqlDump},
		{"/dump.sql", "a database dump", classSecret, sqlDump},
		{"/db.sql", "a database dump", classSecret, sqlDump},
		{"/.aws/credentials", "an AWS credentials file", classSecret, awsCredentials},
		{"/.npmrc", "an npm configuration with a registry token", classSecret, npmrc},
		{"/wp-config.php.bak", "a backup of WordPress's configuration", classSecret, wpConfig},
		{"/actuator/env", "Spring Boot Actuator's environment endpoint", classOther, actuatorEnv},
		{"/actuator/heapdump", "a Java heap dump (Spring Boot Actuator)", classSecret, heapDump},
		{"/debug/pprof/", "Go's pprof profiling index", classOther, pprofIndex},
		{"/phpinfo.php", "PHP's phpinfo() page", classOther, phpinfo},
		{"/server-status", "Apache's server-status page", classOther, serverStatus},
		{"/_profiler/", "the Symfony profiler", classOther, symfonyProfiler},
		{"/__debug__/", "the Django debug toolbar", classOther, djangoToolbar},
		{"/telescope", "Laravel Telescope", classOther, telescope},
		{"/horizon", "Laravel Horizon", classOther, horizon},
		{"/rails/info/properties", "Rails' info page", classOther, railsInfo},
		// A read: GraphQL servers answer queries sent with GET.
		{"/graphql?query=" + introspection, "GraphQL introspection, which hands anyone the whole schema", classOther, graphqlSchema},
		{"/api/graphql?query=" + introspection, "GraphQL introspection, which hands anyone the whole schema", classOther, graphqlSchema},
	}
}

// files asks for each well-known path and reports those served with
// their signature.
func (r *run) files(ctx context.Context) error {
	for _, f := range wellKnownFiles() {
		resp := r.get(ctx, f.path, nil)
		r.ev.filesAsked++
		if resp != nil {
			r.ev.filesAnswered++
		}
		if !r.served(resp) || !f.sig(resp.Body) {
			continue
		}
		bare, _, _ := strings.Cut(f.path, "?")
		r.ev.filesServed = append(r.ev.filesServed, bare)
		kinds, err := r.secretsIn(ctx, f.path, resp.Body)
		if err != nil {
			return err
		}
		r.reportFile(f.path, fmt.Sprintf("GET %s serves %s", f.path, f.what), f.cls, kinds)
	}
	return nil
}

// reportFile emits one exposed-file finding: critical when it carries a
// secret or the source, high otherwise. The secrets are named by kind.
func (r *run) reportFile(path, msg string, cls class, kinds []string) {
	bare, _, _ := strings.Cut(path, "?")
	r.reported[bare] = true
	rep := check.Report{Rule: ruleFile, URL: r.url(path), Key: ruleFile + " " + path}
	switch {
	case len(kinds) > 0:
		msg += "; it carries " + strings.Join(kinds, ", ") + " (rotate them)"
		rep.MinSeverity = finding.Critical
	case cls != classOther:
		rep.MinSeverity = finding.Critical
	}
	rep.Message = msg + "; remove it from what the server serves"
	r.emit(rep)
}
