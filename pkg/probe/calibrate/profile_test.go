package calibrate

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func sample(status int, contentType, body string) Sample {
	h := http.Header{}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	return Sample{Status: status, Header: h, Body: []byte(body)}
}

// spaIndex is a single-page app's index.html, different on every request
// by its CSP nonce, build hash and render time.
func spaIndex(nonce string, t int) string {
	return fmt.Sprintf(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Acme Portal</title>
<meta name="csrf-token" content="%s">
<script nonce="%s" src="/assets/index-%x.js"></script>
</head><body><div id="root"></div><!-- rendered %d --></body></html>`, nonce, nonce, t*7919, t)
}

func wafPage(ref string) string {
	return `<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY>
<H1>Access Denied</H1>You don't have permission to access this server.<P>
Reference&#32;&#35;` + ref + `</BODY></HTML>`
}

// TestMatches states, for realistic calibration answers, which later
// responses are taken for the catch-all and which are real answers.
func TestMatches(t *testing.T) {
	jsonType := "application/json; charset=utf-8"
	jsonAPI := []Sample{
		sample(404, jsonType, `{"error":"not found","request_id":"req_8f3a9c2e"}`),
		sample(404, "application/json", `{"error":"not found","request_id":"req_11aa22bb"}`),
	}
	spa := []Sample{
		sample(200, "text/html; charset=utf-8", spaIndex("r4nd0mN0nceAAAAbbbb==", 1)),
		sample(200, "text/html; charset=utf-8", spaIndex("Zq81kLmN0pQrStUvWx==", 2)),
	}
	softJSON := []Sample{
		sample(200, jsonType, `{"data":null,"error":{"code":"NOT_FOUND","message":"no such invoice"}}`),
	}
	for _, tc := range []struct {
		name    string
		profile []Sample
		s       Sample
		want    bool
	}{
		{"json 404 with another request id", jsonAPI, sample(404, jsonType, `{"error":"not found","request_id":"req_0000ffff"}`), true},
		{"real object is not the json 404", jsonAPI, sample(200, jsonType, `{"id":"inv_a1","amount":1200,"tenant":"acme"}`), false},
		{"another 4xx with other keys", jsonAPI, sample(403, jsonType, `{"message":"forbidden"}`), false},
		{"same keys as html", jsonAPI, sample(404, "text/html", `{"error":"not found","request_id":"x"}`), false},
		{"spa index with a fresh nonce", spa, sample(200, "text/html; charset=utf-8", spaIndex("C5d6E7f8G9h0I1j2K3l4==", 99)), true},
		{"spa served to a token", spa, sample(200, "text/html", spaIndex("AAAAAAAAAAAAAAAAAAAA1", 3)), true},
		{"json under the spa", spa, sample(200, "application/json", `{"id":"inv_a1"}`), false},
		{"another html page", spa, sample(200, "text/html", "<html><head><title>Invoice inv_a1</title></head><body>"+strings.Repeat("row ", 80)+"</body></html>"), false},
		{"same title, twice the length", spa, sample(200, "text/html; charset=utf-8", strings.Replace(spaIndex("x1", 1), `<div id="root"></div>`, strings.Repeat("<p>invoice line</p>", 40), 1)), false},
		{"soft 404 again", softJSON, sample(200, jsonType, `{"data":null,"error":{"code":"NOT_FOUND","message":"no such project"}}`), true},
		{"real object under the soft 404", softJSON, sample(200, jsonType, `{"data":{"id":"inv_a1","amount":1200},"error":null}`), false},
		{"data filled, no error", softJSON, sample(200, jsonType, `{"data":"inv_a1","error":{"code":"","message":""}}`), false},
		{"waf page with another reference", []Sample{sample(403, "text/html", wafPage("18.2f3c4d5e.1700000000.9a8b7c6d"))}, sample(403, "text/html", wafPage("18.77aa0f1e.1700000123.01dd22ee")), true},
		{"waf page is not a json 403", []Sample{sample(403, "text/html", wafPage("18.2f3c4d5e.1700000000.9a8b7c6d"))}, sample(403, jsonType, `{"error":"forbidden"}`), false},
		{"empty list catch-all", []Sample{sample(200, jsonType, `[]`)}, sample(200, jsonType, ` [ ] `), true},
		{"list with items is not the empty list", []Sample{sample(200, jsonType, `[]`)}, sample(200, jsonType, `[{"id":"inv_a1"}]`), false},
		{"list of ids is not the empty list", []Sample{sample(200, jsonType, `[]`)}, sample(200, jsonType, `["inv_a1","inv_a2"]`), false},
		{"wrapped list with items", []Sample{sample(200, jsonType, `{"items":[],"total":0}`)}, sample(200, jsonType, `{"items":[{"id":"inv_a1"}],"total":1}`), false},
		{"wrapped empty list", []Sample{sample(200, jsonType, `{"items":[],"total":0}`)}, sample(200, jsonType, `{"total":0,"items":[]}`), true},
		{"empty 200", []Sample{sample(200, "", "")}, sample(204, "", "\n"), true},
		{"body under an empty 200", []Sample{sample(200, "", "")}, sample(200, "", "secret"), false},
		{"plain text with a timestamp", []Sample{sample(404, "text/plain", "Cannot GET /api/launchgate-probe-9f2c41d07e/x at 2026-03-01T12:00:00Z")},
			sample(404, "text/plain", "Cannot GET /api/invoices/launchgate-probe-0a1b2c3d at 2026-03-01T12:00:07Z"), true},
		{"plain text that says something else", []Sample{sample(404, "text/plain", "Cannot GET /api/launchgate-probe-9f2c41d07e/x")}, sample(404, "text/plain", "Gone"), false},
		{"invalid json is compared as bytes", []Sample{sample(500, jsonType, `{"error": oops 1}`)}, sample(500, jsonType, `{"error": oops 2}`), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Build(tc.profile).Matches(tc.s); got != tc.want {
				t.Errorf("Matches = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestCatchAll: only a profile whose every sample is a 2xx is a catch-all.
func TestCatchAll(t *testing.T) {
	for _, tc := range []struct {
		name    string
		samples []Sample
		want    bool
	}{
		{"spa", []Sample{sample(200, "text/html", "<html>"), sample(200, "text/html", "<html>")}, true},
		{"one 404", []Sample{sample(200, "text/html", "<html>"), sample(404, "text/html", "<html>")}, false},
		{"json 404", []Sample{sample(404, "application/json", "{}")}, false},
		{"none", nil, false},
	} {
		if got := Build(tc.samples).CatchAll(); got != tc.want {
			t.Errorf("%s: CatchAll = %v, want %v", tc.name, got, tc.want)
		}
	}
	var p *Profile
	if p.CatchAll() || p.Matches(sample(200, "", "")) {
		t.Error("a nil profile claims something")
	}
}

// TestString words profiles without any body text.
func TestString(t *testing.T) {
	for _, tc := range []struct {
		name    string
		samples []Sample
		want    string
	}{
		{"json 404", []Sample{sample(404, "application/json; charset=utf-8", `{"error":"s3cr3t-value"}`), sample(404, "application/json", `{"error":"x"}`)}, "unknown paths: 404 application/json {error}"},
		{"spa", []Sample{sample(200, "text/html", spaIndex("n0nce", 1))}, fmt.Sprintf("unknown paths: 200 text/html %d B", len(spaIndex("n0nce", 1)))},
		{"big page", []Sample{sample(200, "text/html", strings.Repeat("<p>", 1000))}, "unknown paths: 200 text/html 2.9 kB"},
		{"list", []Sample{sample(200, "application/json", `[{"id":"a","name":"b"}]`), sample(200, "application/json", `[]`)}, "unknown paths: 200 application/json [{id,name}]; 200 application/json []"},
		{"keys that are data", []Sample{sample(200, "application/json", `{"alice@example.com":1,"a1b2c3d4":2,"ok":true}`)}, "unknown paths: 200 application/json {ok,…}"},
		{"empty", []Sample{sample(401, "", "")}, "unknown paths: 401 no content type empty"},
		{"none", nil, "unknown paths: not calibrated"},
	} {
		got := Build(tc.samples).String()
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		for _, secret := range []string{"s3cr3t", "n0nce", "alice", "Acme Portal"} {
			if strings.Contains(got, secret) {
				t.Errorf("%s: the summary holds body text", tc.name)
			}
		}
	}
}

// TestNormalize states what is blanked as volatile and what is kept.
func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"at 2026-03-01T12:00:00Z":                    "at #-#-#T#:#:#Z",
		"id 550e8400-e29b-41d4-a716-446655440000 ok": "id # ok",
		"ref 18.2f3c4d5e.1700000000":                 "ref #.#.#",
		`nonce="r4nd0mN0nceAAAAbbbb=="`:              `nonce="#=="`,
		"Not Found":                                  "Not Found",
		"deadbeef face":                              "deadbeef face",
		"user12345":                                  "user#",
	} {
		if got := string(normalize([]byte(in))); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}
