package openapi

import "slices"

// Rule IDs this check emits. They are contract: reports, baselines and
// ignores refer to them.
const (
	ruleInvalidDocument        = "openapi/invalid-document"
	ruleOperationWithoutAuth   = "openapi/operation-without-auth"
	ruleSecurityDisabled       = "openapi/security-disabled"
	ruleUndefinedScheme        = "openapi/undefined-security-scheme"
	ruleNoSecuritySchemes      = "openapi/no-security-schemes"
	ruleHTTPBasicAuth          = "openapi/http-basic-auth"
	ruleAPIKeyInQuery          = "openapi/api-key-in-query"
	ruleOAuth2InsecureFlow     = "openapi/oauth2-insecure-flow"
	ruleInsecureServerURL      = "openapi/insecure-server-url"
	ruleCredentialsInURL       = "openapi/credentials-in-url"
	ruleObjectWithoutOwnership = "openapi/object-without-ownership-check"
	ruleAdminWithoutRole       = "openapi/admin-without-role"
	ruleMissingAuthErrors      = "openapi/missing-auth-error-responses"
	ruleSensitiveNoRateLimit   = "openapi/sensitive-operation-without-rate-limit"
	ruleAuthWeakened           = "openapi/auth-weakened"
	rulePublicWithoutReason    = "openapi/public-route-without-reason"
	ruleHealthMissing          = "openapi/health-endpoint-missing"
	ruleAuthAsParameter        = "openapi/auth-as-parameter"
	ruleOwnerIDInRequestBody   = "openapi/owner-id-in-request-body"
)

// ruleFunc checks one loaded document and reports through rc.
type ruleFunc func(rc *ruleContext)

// namedRule ties a catalog rule to the function that implements it; the
// function name is what rules/openapi.yaml writes in `function:`.
type namedRule struct {
	id       string
	function string
	fn       ruleFunc
}

// ruleTable lists the per-document rules in the order they run. It is
// rebuilt on each call so that no table is shared mutable state.
func ruleTable() []namedRule {
	return []namedRule{
		{ruleNoSecuritySchemes, "noSecuritySchemes", noSecuritySchemes},
		{ruleOperationWithoutAuth, "operationWithoutAuth", operationWithoutAuth},
		{ruleSecurityDisabled, "securityDisabled", securityDisabled},
		{ruleAuthAsParameter, "authAsParameter", authAsParameter},
		{ruleUndefinedScheme, "undefinedSecurityScheme", undefinedSecurityScheme},
		{rulePublicWithoutReason, "publicRouteWithoutReason", publicRouteWithoutReason},
		{ruleHTTPBasicAuth, "httpBasicAuth", httpBasicAuth},
		{ruleAPIKeyInQuery, "apiKeyInQuery", apiKeyInQuery},
		{ruleOAuth2InsecureFlow, "oauth2InsecureFlow", oauth2InsecureFlow},
		{ruleInsecureServerURL, "insecureServerURL", insecureServerURL},
		{ruleCredentialsInURL, "credentialsInURL", credentialsInURL},
		{ruleObjectWithoutOwnership, "objectWithoutOwnershipCheck", objectWithoutOwnershipCheck},
		{ruleOwnerIDInRequestBody, "ownerIDInRequestBody", ownerIDInRequestBody},
		{ruleAdminWithoutRole, "adminWithoutRole", adminWithoutRole},
		{ruleMissingAuthErrors, "missingAuthErrorResponses", missingAuthErrorResponses},
		{ruleSensitiveNoRateLimit, "sensitiveOperationWithoutRateLimit", sensitiveOperationWithoutRateLimit},
		{ruleHealthMissing, "healthEndpointMissing", healthEndpointMissing},
	}
}

// RuleIDs returns every rule ID the check can emit, sorted.
func RuleIDs() []string {
	ids := []string{ruleInvalidDocument, ruleAuthWeakened}
	for _, r := range ruleTable() {
		ids = append(ids, r.id)
	}
	slices.Sort(ids)
	return ids
}
