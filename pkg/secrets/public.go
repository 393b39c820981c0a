package secrets

import (
	"slices"
	"strings"
)

// publicPrefixes mark values a provider issues for use in browsers and apps:
// Stripe publishable keys, Supabase publishable keys, Mapbox public tokens,
// Flutterwave public keys, New Relic browser keys, PostHog project keys
// (its personal keys, phx_, are secret).
var publicPrefixes = []string{"pk_live_", "pk_test_", "sb_publishable_", "pk.ey", "FLWPUBK", "NRJS-", "phc_"}

// publicRules are gitleaks rules whose whole purpose is a key its provider
// calls public; the engine does not run them.
var publicRules = map[string]bool{
	"flutterwave-public-key":      true,
	"lob-pub-api-key":             true,
	"mailgun-pub-key":             true,
	"new-relic-browser-api-token": true,
}

// firebaseContext words sit next to a Firebase web config's apiKey, which
// Google documents as safe to ship: it only identifies the project.
var firebaseContext = []string{"authdomain", "projectid", "messagingsenderid", "firebase"}

// contextWindow is how far around a value the public-value checks look.
const contextWindow = 400

// isPublic reports whether the value at content[start:end], found by rule,
// is meant to be public.
func isPublic(rule, value, content string, start, end int) bool {
	for _, p := range publicPrefixes {
		if strings.HasPrefix(value, p) {
			return true
		}
	}
	if role, ok := jwtRole(value); ok && role == "anon" {
		return true
	}
	if start < 0 || end > len(content) || start > end {
		return false
	}
	// A Sentry DSN's key sits before "@oNNN.ingest.sentry.io": it only lets
	// clients submit events.
	after := content[end:min(len(content), end+contextWindow)]
	if strings.HasPrefix(after, "@") {
		host, _, _ := strings.Cut(after[1:], "/")
		if strings.Contains(host, "sentry.io") || strings.Contains(host, ".ingest.") {
			return true
		}
	}
	if publicClientKey(nameBefore(content, start), content[max(0, start-contextWindow):min(len(content), end+contextWindow)]) {
		return true
	}
	if strings.HasPrefix(value, "AIza") {
		around := strings.ToLower(content[max(0, start-contextWindow):min(len(content), end+contextWindow)])
		for _, w := range firebaseContext {
			if strings.Contains(around, w) {
				return true
			}
		}
	}
	return false
}

// publicClientKey reports whether a key named name, with around the text
// about it, is one its provider issues for browsers by another name than
// a prefix: a Segment or RudderStack write key (analytics.js loads it in
// every page) or an Algolia search-only key. An Algolia admin or write
// key is not.
func publicClientKey(name, around string) bool {
	words := splitWords(name)
	has := func(w string) bool { return slices.Contains(words, w) }
	lower := strings.ToLower(name + " " + around)
	switch {
	case has("write") && (has("key") || has("writekey")) || has("writekey"):
		return strings.Contains(lower, "segment") || strings.Contains(lower, "rudder") || strings.Contains(lower, "analytics.load")
	case has("search") && !has("admin") && !has("write"):
		return strings.Contains(lower, "algolia")
	}
	return false
}
