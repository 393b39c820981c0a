package mailprovider

// provider describes one mail service: the SPF includes and MX hosts that
// reveal it (a name matches when it equals an entry or is a subdomain of
// it), and the DKIM selectors it signs with. When selectors cannot be
// guessed, unguessable says why.
type provider struct {
	name        string
	spf         []string
	mx          []string
	selectors   []string
	unguessable string
}

// providers is the constant table Infer consults, in the order guesses are
// returned. Sources, by name: each service's own DNS and DKIM setup guide
// (Google Workspace Admin Help, Microsoft 365 "DKIM for custom domains",
// SendGrid domain authentication, Mailchimp and Mandrill domain
// authentication, Mailgun domain verification, Postmark DKIM guide, Amazon
// SES Easy DKIM, Zoho Mail DKIM, Proton Mail custom domain, Fastmail custom
// domain, Brevo domain authentication, HubSpot email sending domains,
// Mailjet domain authentication, Salesforce DKIM keys and Account
// Engagement (Pardot) email authentication, Zendesk email authentication).
var providers = []provider{
	{
		name:      "Google Workspace",
		spf:       []string{"_spf.google.com"},
		mx:        []string{"aspmx.l.google.com", "googlemail.com", "smtp.google.com"},
		selectors: []string{"google"},
	},
	{
		name:      "Microsoft 365",
		spf:       []string{"spf.protection.outlook.com"},
		mx:        []string{"mail.protection.outlook.com"},
		selectors: []string{"selector1", "selector2"},
	},
	{
		name:      "SendGrid",
		spf:       []string{"sendgrid.net"},
		mx:        []string{"sendgrid.net"},
		selectors: []string{"s1", "s2", "smtpapi"},
	},
	{
		name:      "Mailchimp / Mandrill",
		spf:       []string{"servers.mcsv.net", "spf.mandrillapp.com"},
		selectors: []string{"k1", "k2", "k3", "mte1", "mte2"},
	},
	{
		name:      "Mailgun",
		spf:       []string{"mailgun.org"},
		mx:        []string{"mailgun.org"},
		selectors: []string{"mx", "k1", "smtp", "mailo", "krs"},
	},
	{
		name:        "Postmark",
		spf:         []string{"spf.mtasv.net"},
		mx:          []string{"inbound.postmarkapp.com"},
		unguessable: "Postmark selectors carry the date the key was made (like 20210112pm); pass the selector from the Postmark sender signature page",
	},
	{
		name:        "Amazon SES",
		spf:         []string{"amazonses.com"},
		unguessable: "Amazon SES Easy DKIM selectors are random tokens; pass the three selectors shown in the SES console",
	},
	{
		name:      "Zoho Mail",
		spf:       []string{"zoho.com", "zoho.eu", "zoho.in", "zoho.com.au", "zohomail.com"},
		mx:        []string{"zoho.com", "zoho.eu", "zoho.in", "zoho.com.au"},
		selectors: []string{"zmail", "zoho"},
	},
	{
		name:      "Proton Mail",
		spf:       []string{"_spf.protonmail.ch"},
		mx:        []string{"protonmail.ch"},
		selectors: []string{"protonmail", "protonmail2", "protonmail3"},
	},
	{
		name:      "Fastmail",
		spf:       []string{"spf.messagingengine.com"},
		mx:        []string{"messagingengine.com"},
		selectors: []string{"fm1", "fm2", "fm3"},
	},
	{
		name:      "Brevo (Sendinblue)",
		spf:       []string{"spf.sendinblue.com", "spf.brevo.com", "sendinblue.com", "brevo.com"},
		selectors: []string{"mail", "brevo1", "brevo2"},
	},
	{
		name:        "HubSpot",
		spf:         []string{"hubspotemail.net"},
		unguessable: "HubSpot selectors carry the account number (like hs1-1234567); pass them from the HubSpot domain settings",
	},
	{
		name:      "Mailjet",
		spf:       []string{"spf.mailjet.com"},
		selectors: []string{"mailjet"},
	},
	{
		name:        "Salesforce",
		spf:         []string{"_spf.salesforce.com"},
		unguessable: "Salesforce DKIM selectors are chosen when the key is created; pass them from the Salesforce DKIM Keys page",
	},
	{
		name:      "Salesforce Account Engagement (Pardot)",
		spf:       []string{"aspmx.pardot.com"},
		selectors: []string{"200608"},
	},
	{
		name:      "Zendesk",
		spf:       []string{"mail.zendesk.com"},
		selectors: []string{"zendesk1", "zendesk2"},
	},
}
