package secrets

import (
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
)

// severityByKind ranks gitleaks rule IDs (and ours) by what a leak of that
// kind lets an attacker do. Entries are prefixes of the rule ID; the longest
// matching prefix wins, and an ID no entry matches is high: most provider API
// keys give read and write access to one account.
var severityByKind = map[string]finding.Severity{
	// Cloud accounts: the whole infrastructure.
	"aws-":                    finding.Critical,
	"alibaba-":                finding.Critical,
	"azure-":                  finding.Critical,
	"digitalocean-pat":        finding.Critical,
	"digitalocean-access":     finding.Critical,
	"gcp-service-account":     finding.Critical,
	"yandex-aws-access-token": finding.Critical,
	// Keys that sign or decrypt anything.
	"private-key":    finding.Critical,
	"age-secret-key": finding.Critical,
	"pkcs12-file":    finding.Critical,
	"java-keystore":  finding.Critical,
	"jwk-private":    finding.Critical,
	"tink-keyset":    finding.Critical,
	// Payment providers: money moves.
	"stripe-":                finding.Critical,
	"square-":                finding.Critical,
	"paypal-":                finding.Critical,
	"braintree-":             finding.Critical,
	"adyen-":                 finding.Critical,
	"flutterwave-secret-key": finding.Critical,
	"flutterwave-encryption": finding.Critical,
	"plaid-secret-key":       finding.Critical,
	"plaid-api-token":        finding.Critical,
	"gocardless-":            finding.Critical,
	"coinbase-":              finding.Critical,
	"kraken-":                finding.Critical,
	"kucoin-secret-key":      finding.Critical,
	"bittrex-secret-key":     finding.Critical,
	// Source code and CI: write access to the product itself.
	"github-pat":              finding.Critical,
	"github-fine-grained-pat": finding.Critical,
	"github-oauth":            finding.Critical,
	"github-app-token":        finding.Critical,
	"github-refresh-token":    finding.Critical,
	"gitlab-pat":              finding.Critical,
	"gitlab-runner-":          finding.Critical,
	"npm-access-token":        finding.Critical,
	"pypi-upload-token":       finding.Critical,
	"rubygems-api-token":      finding.Critical,
	"hashicorp-tf-":           finding.Critical,
	"vault-":                  finding.Critical,
	// Messaging that reaches customers or staff in the company's name.
	"slack-bot-token":  finding.Critical,
	"slack-user-token": finding.Critical,
	"slack-app-token":  finding.Critical,
	"slack-legacy":     finding.Critical,
	"twilio-":          finding.Critical,
	"sendgrid-":        finding.Critical,
	"mailgun-private":  finding.Critical,
	"sendinblue-":      finding.Critical,
	// Databases.
	"planetscale-password":       finding.Critical,
	"connection-string-password": finding.Critical,
	"supabase-service-role-key":  finding.Critical,
	"public-env-secret":          finding.Critical,
	// Low confidence: a pattern with no provider marker, or an identifier
	// that is only half of a credential.
	"generic-api-key":       finding.Medium,
	"jwt":                   finding.Medium,
	"jwt-base64":            finding.Medium,
	"sidekiq-sensitive-url": finding.High,
}

// lowConfidenceSuffixes mark rule IDs that find an identifier, not a secret:
// a client ID or an access ID is half of a credential pair.
var lowConfidenceSuffixes = []string{"-client-id", "-access-id", "-api-id", "-user-api-id"}

// severityOf ranks a gitleaks or launchgate rule ID (without "secret/").
func severityOf(id string) finding.Severity {
	best, bestLen := finding.High, -1
	for prefix, sev := range severityByKind {
		if strings.HasPrefix(id, prefix) && len(prefix) > bestLen {
			best, bestLen = sev, len(prefix)
		}
	}
	if bestLen < 0 {
		for _, s := range lowConfidenceSuffixes {
			if strings.HasSuffix(id, s) {
				return finding.Medium
			}
		}
	}
	return best
}

// severityOfValue adjusts a rule's severity for what the value says about
// itself: a Stripe test-mode key cannot move real money.
func severityOfValue(id, value string, sev finding.Severity) finding.Severity {
	if id == "stripe-access-token" && (strings.HasPrefix(value, "sk_test_") || strings.HasPrefix(value, "rk_test_")) {
		return finding.High
	}
	return sev
}
