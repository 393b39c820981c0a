package openapi

import (
	"encoding/json"
	"strings"

	"github.com/launchgate/launchgate/pkg/spec"
)

// extPublic declares an operation public in the spec itself; its value must
// be the reason, as a non-empty string.
const extPublic = "x-launchgate-public"

// publicExtension returns the reason an operation's x-launchgate-public
// gives, and whether the extension is present at all. `true` or an empty
// string is present without a reason.
func publicExtension(op *spec.Operation) (reason string, present bool) {
	v, ok := op.Extensions[extPublic]
	if !ok {
		return "", false
	}
	s, _ := extString(v)
	return strings.TrimSpace(s), true
}

// extString reads an extension value as a string, whichever way the loader
// decoded it.
func extString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.RawMessage:
		return rawString(x)
	case []byte:
		return rawString(x)
	}
	return "", false
}

func rawString(b []byte) (string, bool) {
	var s string
	if json.Unmarshal(b, &s) == nil {
		return s, true
	}
	return "", false
}

// extTruthy reads an extension as a flag: true, or a non-empty string other
// than "false".
func extTruthy(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case json.RawMessage:
		return rawTruthy(x)
	case []byte:
		return rawTruthy(x)
	case string:
		s := strings.TrimSpace(strings.ToLower(x))
		return s != "" && s != "false" && s != "no"
	}
	return false
}

func rawTruthy(b []byte) bool {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return false
	}
	return extTruthy(v)
}

// publicRouteWithoutReason reports x-launchgate-public without a reason. Such
// a declaration does not make the route public: a reviewer needs the why,
// and a bare `true` is too easy to paste onto the wrong route.
func publicRouteWithoutReason(rc *ruleContext) {
	for _, f := range rc.ops {
		reason, present := publicExtension(f.op)
		if !present || reason != "" {
			continue
		}
		rc.report(rc.opReport(rulePublicWithoutReason, f.op,
			f.op.Key()+" sets "+extPublic+" without a reason, so it is not treated as public; write the reason as the value, e.g. "+extPublic+": \"status page polled by the marketing site\""))
	}
}
