package secrets

import (
	"strings"
)

// ownTitles name launchgate's own rules, as rules/secret.yaml does.
var ownTitles = map[string]string{
	ruleConnString:   "Password in a connection string or URL",
	rulePublicEnv:    "Secret in a public env variable",
	ruleServiceRole:  "Supabase service-role key",
	ruleAWSPair:      "AWS access key pair",
	ruleAWSSecretKey: "AWS secret access key",
	ruleJWK:          "Private JSON Web Key",
	ruleTink:         "Tink keyset in cleartext",
	ruleJavaKeyStore: "Java key store",
}

// titleWords spell the words of gitleaks rule IDs the way their owners do.
var titleWords = map[string]string{
	"1password": "1Password", "api": "API", "aws": "AWS", "gcp": "GCP", "jwt": "JWT",
	"pat": "PAT", "id": "ID", "ci": "CI", "cicd": "CI/CD", "url": "URL", "oauth": "OAuth",
	"github": "GitHub", "gitlab": "GitLab", "npm": "npm", "pypi": "PyPI", "sql": "SQL",
	"ad": "AD", "ca": "CA", "tf": "Terraform", "yaml": "YAML", "scim": "SCIM",
	"openai": "OpenAI", "digitalocean": "DigitalOcean", "hubspot": "HubSpot",
	"sendgrid": "SendGrid", "mailchimp": "Mailchimp", "new": "New", "relic": "Relic",
	"pkcs12": "PKCS#12", "ptt": "pipeline trigger token", "rrt": "runner registration token",
	"rubygems": "RubyGems", "clickhouse": "ClickHouse", "cloudflare": "Cloudflare",
	"huggingface": "Hugging Face", "linkedin": "LinkedIn", "planetscale": "PlanetScale",
	"launchdarkly": "LaunchDarkly", "sendinblue": "Sendinblue", "settlemint": "SettleMint",
	"nytimes": "New York Times", "freshbooks": "FreshBooks", "droneci": "Drone CI",
	"travisci": "Travis CI", "gocardless": "GoCardless", "messagebird": "MessageBird",
	"easypost": "EasyPost", "sourcegraph": "Sourcegraph", "flyio": "Fly.io",
	"frameio": "Frame.io", "privateai": "Private AI", "rapidapi": "RapidAPI",
	"readme": "ReadMe", "intra42": "Intra 42", "maxmind": "MaxMind", "sumologic": "Sumo Logic",
	"octopus": "Octopus", "v2": "v2", "pub": "public", "personnal": "personal",
	"curl": "curl", "ops": "ops", "kubernetes": "Kubernetes", "nuget": "NuGet",
}

// titleOf names the kind of secret a rule finds: "stripe-access-token"
// becomes "Stripe access token".
func titleOf(rule string) string {
	if t, ok := ownTitles[rule]; ok {
		return t
	}
	words := strings.Split(rule, "-")
	for i, w := range words {
		switch t, ok := titleWords[w]; {
		case ok:
			words[i] = t
		case i == 0 && w != "":
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}
