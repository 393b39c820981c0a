package openapi

import "strings"

// healthSegments are last path segments that name a health or readiness
// probe.
var healthSegments = map[string]bool{
	"health": true, "healthz": true, "healthcheck": true, "health-check": true, "_health": true,
	"livez": true, "readyz": true, "ready": true, "readiness": true, "liveness": true,
	"ping": true, "heartbeat": true, "alive": true,
}

// healthProbe reports a health probe under a health folder
// (/health/status, /healthz/live).
func healthProbe(folder, name string) bool {
	switch folder {
	case "health", "healthz", "healthcheck", "_health":
	default:
		return false
	}
	switch name {
	case "status", "live", "ready", "check", "startup", "db", "deep":
		return true
	}
	return false
}

// healthRoute reports whether a GET or HEAD operation on path is a health
// probe. "status" counts only near the root (/status, /v1/status), since
// deeper it is usually an object's status.
func healthRoute(method, path string) bool {
	if method != "GET" && method != "HEAD" {
		return false
	}
	segs := pathSegments(path)
	if len(segs) == 0 {
		return false
	}
	last := segs[len(segs)-1]
	if last.param {
		return false
	}
	name := strings.ToLower(last.text)
	if healthSegments[name] || ((name == "status" || name == "_status") && len(segs) <= 2) {
		return true
	}
	if len(segs) < 2 || segs[len(segs)-2].param {
		return false
	}
	return healthProbe(strings.ToLower(segs[len(segs)-2].text), name)
}

// healthEndpointMissing reports a document with operations but no health
// or readiness route: uptime monitoring and the live probe need one.
func healthEndpointMissing(rc *ruleContext) {
	if len(rc.ops) == 0 {
		return
	}
	for _, f := range rc.ops {
		if healthRoute(f.op.Method, f.op.Path) {
			rc.ev.health, rc.ev.healthDocs = f.op.Key(), 1
			return
		}
	}
	rc.report(rc.locReport(ruleHealthMissing, rc.rootLoc(), "document",
		"the API declares no health or readiness route (GET /health, /healthz, /readyz, …), so uptime monitoring and deploy checks have nothing to call"))
}

// HealthRoute reports whether a GET or HEAD operation on path is a health
// or readiness probe, as the static check recognises one; the live probe
// uses it to find the route to call.
func HealthRoute(method, path string) bool { return healthRoute(method, path) }
