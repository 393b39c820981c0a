package probeexposure

import (
	"testing"
)

const writesSpec = `openapi: 3.0.3
info: {title: items, version: "1"}
paths:
  /api/items:
    post:
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {"201": {description: created}}
`

// With --allow-writes, a JSON body cut short goes to the spec's writes,
// without credentials; a server that parses it before it authenticates
// and answers with the parser's stack is reported. Without the flag, no
// write is sent at all.
func TestMalformedBody(t *testing.T) {
	reps, _ := probeSiteWith(t, "body-parser", writesSpec, true)
	fired := false
	for _, r := range reps {
		fired = fired || r.Rule == ruleStack
	}
	if !fired {
		t.Errorf("no %s for a parser stack answered to bad JSON: %+v", ruleStack, reps)
	}
	reps, _ = probeSiteWith(t, "body-parser", writesSpec, false)
	for _, r := range reps {
		if r.Rule == ruleStack {
			t.Errorf("without --allow-writes the bad body was sent: %+v", r)
		}
	}
}
