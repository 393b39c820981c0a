package envvalue

import "strings"

// providerWords are words of a key that name a service the application
// calls out to: mail relays, messaging, payment, AI and cloud providers,
// notification and analytics services.
var providerWords = map[string]bool{
	"SMTP": true, "MAIL": true, "MAILER": true, "EMAIL": true, "SENDGRID": true,
	"MAILGUN": true, "MAILJET": true, "MANDRILL": true, "POSTMARK": true,
	"SPARKPOST": true, "SES": true, "RESEND": true, "BREVO": true,
	"SENDINBLUE": true, "TWILIO": true, "NEXMO": true, "VONAGE": true,
	"MESSAGEBIRD": true, "PLIVO": true, "STRIPE": true, "PAYPAL": true,
	"BRAINTREE": true, "PADDLE": true, "MOLLIE": true, "RAZORPAY": true,
	"OPENAI": true, "ANTHROPIC": true, "COHERE": true, "MISTRAL": true,
	"GROQ": true, "HUGGINGFACE": true, "REPLICATE": true, "GEMINI": true,
	"AWS": true, "S3": true, "GCS": true, "AZURE": true, "CLOUDINARY": true,
	"SLACK": true, "DISCORD": true, "TELEGRAM": true, "ALGOLIA": true,
	"PUSHER": true, "ABLY": true, "MAPBOX": true, "GOOGLE": true,
	"RECAPTCHA": true, "HCAPTCHA": true, "SENTRY": true, "DATADOG": true,
	"NEWRELIC": true, "SEGMENT": true, "MIXPANEL": true, "GITHUB": true,
	"GITLAB": true, "BITBUCKET": true,
}

// guardWords in a key say the secret protects the application itself,
// whichever provider the key names: it signs or encrypts what the
// application issues, or verifies what others send it
// (STRIPE_WEBHOOK_SECRET, GITHUB_WEBHOOK_SECRET).
var guardWords = []string{
	"WEBHOOK", "SIGNING", "SIGNATURE", "JWT", "SESSION", "COOKIE", "CSRF",
	"ENCRYPTION", "ENCRYPT", "HMAC", "NEXTAUTH", "KEY_BASE", "APP_KEY",
	"MASTER_KEY",
}

// Outbound reports whether key names a credential the application
// presents to another service to authenticate itself (SMTP_PASS,
// MAIL_PASSWORD, SENDGRID_API_KEY, TWILIO_AUTH_TOKEN, STRIPE_SECRET_KEY,
// OPENAI_API_KEY, AWS_SECRET_ACCESS_KEY): a placeholder there makes that
// integration fail and opens nothing. Secrets that protect the
// application (SECRET_KEY, APP_KEY, JWT_SECRET, SESSION_SECRET,
// NEXTAUTH_SECRET, *ENCRYPTION_KEY, *SIGNING*, WEBHOOK_SECRET) and
// database passwords are not outbound.
func Outbound(key string) bool {
	k := strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(strings.TrimSpace(key)))
	if !SecretName(k) {
		return false
	}
	if kind, ok := StorePassword(k); ok && kind != "" {
		return false
	}
	for _, w := range guardWords {
		if strings.Contains(k, w) {
			return false
		}
	}
	for _, w := range strings.Split(k, "_") {
		if providerWords[w] {
			return true
		}
	}
	return false
}
