package openapi

import (
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/spec"
)

// sortedSchemes returns the defined schemes in name order, so reports come
// out the same on every run.
func sortedSchemes(doc *spec.Document) []*spec.SecurityScheme {
	names := make([]string, 0, len(doc.Schemes))
	for n, s := range doc.Schemes {
		if s != nil {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	out := make([]*spec.SecurityScheme, len(names))
	for i, n := range names {
		out[i] = doc.Schemes[n]
	}
	return out
}

// schemeName is the name a scheme is defined under.
func schemeName(doc *spec.Document, s *spec.SecurityScheme) string {
	if s.Name != "" {
		return s.Name
	}
	for n, v := range doc.Schemes {
		if v == s {
			return n
		}
	}
	return ""
}

// httpBasicAuth reports HTTP Basic and Digest schemes: the password
// travels with every request and cannot carry a scope. A scheme no
// requirement uses is low: the document still says the API takes
// passwords somewhere, though no operation asks for them.
func httpBasicAuth(rc *ruleContext) {
	for _, s := range sortedSchemes(rc.doc) {
		name := schemeName(rc.doc, s)
		kind := strings.ToLower(s.Scheme)
		if !strings.EqualFold(s.Type, "http") || (kind != "basic" && kind != "digest") {
			continue
		}
		rc.ev.basic++
		label := "Basic"
		if kind == "digest" {
			label = "Digest"
		}
		msg := "security scheme \"" + name + "\" is HTTP " + label + " auth: every request carries the user's password, which cannot be scoped, expired or revoked on its own; use bearer tokens or OAuth2"
		if !rc.used[name] {
			r := rc.locReport(ruleHTTPBasicAuth, s.Loc, "scheme:"+name,
				"security scheme \""+name+"\" is HTTP "+label+" auth, defined but not referenced by any operation or the root security: low, though the server may still accept passwords; remove the scheme if nothing takes them")
			rc.report(capAt(r, finding.Low))
			continue
		}
		rc.report(rc.locReport(ruleHTTPBasicAuth, s.Loc, "scheme:"+name, msg))
	}
}

// apiKeyInQuery reports used apiKey schemes sent in the query string, where
// proxies, server logs and browser history record them.
func apiKeyInQuery(rc *ruleContext) {
	for _, s := range sortedSchemes(rc.doc) {
		name := schemeName(rc.doc, s)
		if !strings.EqualFold(s.Type, "apiKey") || !strings.EqualFold(s.In, "query") || !rc.used[name] {
			continue
		}
		rc.ev.queryKeys++
		rc.report(rc.locReport(ruleAPIKeyInQuery, s.Loc, "scheme:"+name,
			"security scheme \""+name+"\" sends the API key in query parameter \""+s.ParamName+"\", where access logs, proxies and browser history record it; send it in a header"))
	}
}

// oauth2InsecureFlow reports OAuth2 implicit and password flows, and flow
// URLs that are not https.
func oauth2InsecureFlow(rc *ruleContext) {
	for _, s := range sortedSchemes(rc.doc) {
		if !strings.EqualFold(s.Type, "oauth2") {
			continue
		}
		name := schemeName(rc.doc, s)
		for _, fl := range s.Flows {
			loc := firstLoc(fl.Loc, s.Loc)
			key := "scheme:" + name + "/flow:" + fl.Kind
			switch fl.Kind {
			case "implicit":
				rc.report(rc.locReport(ruleOAuth2InsecureFlow, loc, key,
					"OAuth2 scheme \""+name+"\" offers the implicit flow, which returns access tokens in the redirect URL; use authorizationCode with PKCE"))
			case "password":
				rc.report(rc.locReport(ruleOAuth2InsecureFlow, loc, key,
					"OAuth2 scheme \""+name+"\" offers the password flow, which hands the user's password to the client; use authorizationCode with PKCE"))
			}
			for _, u := range []struct{ field, url string }{{"authorizationUrl", fl.AuthorizationURL}, {"tokenUrl", fl.TokenURL}} {
				if plainHTTP(u.url) {
					rc.report(rc.locReport(ruleOAuth2InsecureFlow, loc, key+"/"+u.field,
						"OAuth2 scheme \""+name+"\" "+fl.Kind+" flow has "+u.field+" "+u.url+" over plain http, so codes and tokens cross the network in clear text"))
				}
			}
		}
	}
}
