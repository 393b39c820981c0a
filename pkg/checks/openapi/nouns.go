package openapi

// The word lists below judge what a route serves from the words of its
// literal path segments, singular and lowercase (see routeWords). They are
// switches so that no table is shared mutable state.

// isPrivateWord reports words naming records that belong to one customer,
// user or tenant: reading or changing someone else's is the breach a
// reviewer tests first.
func isPrivateWord(w string) bool {
	switch w {
	case "invoice", "bill", "billing", "payment", "payout", "charge", "refund", "transaction",
		"order", "quote", "estimate", "credit", "card", "bank", "wallet", "balance", "tax", "salary",
		"payroll", "expense", "receipt", "contract", "subscription", "statement", "ledger", "loan",
		"claim", "account", "user", "member", "customer", "client", "contact", "employee", "patient",
		"owner", "subscriber", "address", "location", "vehicle", "report", "document", "file",
		"attachment", "upload", "video", "photo", "picture", "message", "conversation", "chat", "email",
		"note", "ticket", "secret", "credential", "password", "session", "device", "record",
		"prescription", "appointment", "booking", "reservation", "application", "submission", "audit",
		"backup", "export", "dashboard", "setting", "log", "analytic":
		return true
	}
	return false
}

// isPublicContentWord reports words naming content meant for every
// visitor: a catalogue, a blog, reference data. A read of it without authentication is by design.
func isPublicContentWord(w string) bool {
	switch w {
	case "article", "post", "blog", "tag", "category", "product", "page", "doc", "documentation",
		"faq", "catalog", "catalogue", "plan", "pricing", "country", "currency", "language", "locale",
		"timezone", "comment", "review", "public", "feed", "announcement", "changelog", "release",
		"help", "legal", "term", "privacy", "sitemap", "rss", "static", "asset":
		return true
	}
	return false
}

// isKeyWord reports words that end the names of path parameters that
// address one object of a collection by a key other than an ID: /users/{username},
// /books/{book_title}, /files/{filename}.
func isKeyWord(w string) bool {
	switch w {
	case "username", "name", "filename", "title", "key", "code", "email", "handle", "number", "login",
		"ref", "reference", "uid", "sku", "nickname", "serial":
		return true
	}
	return false
}

// isNonObjectParam reports path parameters (folded by normalName) that
// choose a variant of a route, not an object: /docs/{lang}, /reports/{format}.
func isNonObjectParam(w string) bool {
	switch w {
	case "lang", "language", "locale", "format", "type", "kind", "version", "provider", "status",
		"state", "date", "year", "month", "day", "period", "tab", "section", "action", "page", "size",
		"mode", "slug", "path", "ext", "extension":
		return true
	}
	return false
}

// isTenantNoun reports nouns that name a tenant or owner scope when a
// path parameter is called after them: /organization/{organization}/projects,
// /workspaces/{workspace_slug}/issues.
func isTenantNoun(w string) bool {
	switch w {
	case "tenant", "org", "organization", "organisation", "account", "workspace", "company", "team",
		"customer":
		return true
	}
	return false
}

// isRelationAction reports literal segments after an object that act on
// the caller's own relation to it (/profiles/{username}/follow), not on the
// object: there is nothing of another customer's to reach.
func isRelationAction(w string) bool {
	switch w {
	case "follow", "unfollow", "favorite", "favourite", "unfavorite", "like", "unlike", "star",
		"unstar", "vote", "upvote", "downvote", "bookmark", "subscribe", "unsubscribe", "block",
		"unblock", "mute", "unmute", "react", "reaction":
		return true
	}
	return false
}

// isSignInProvider reports identity providers whose name as a path
// segment after /auth starts or finishes a social sign-in (/auth/github/callback).
func isSignInProvider(w string) bool {
	switch w {
	case "google", "github", "gitlab", "microsoft", "azure", "apple", "facebook", "okta", "slack",
		"discord", "twitter", "linkedin", "keycloak", "auth0":
		return true
	}
	return false
}
