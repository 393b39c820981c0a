package mailprovider

import (
	"slices"
	"strings"
	"testing"
)

func TestInferEachProvider(t *testing.T) {
	tests := []struct {
		name      string
		spf, mx   []string
		provider  string
		selectors []string
		reason    string
	}{
		{"google spf", []string{"_spf.google.com"}, nil, "Google Workspace", []string{"google"}, "SPF includes _spf.google.com"},
		{"google mx", nil, []string{"ALT1.ASPMX.L.GOOGLE.COM."}, "Google Workspace", []string{"google"}, "MX is alt1.aspmx.l.google.com"},
		{"googlemail mx", nil, []string{"alt2.aspmx.googlemail.com"}, "Google Workspace", []string{"google"}, "MX is alt2.aspmx.googlemail.com"},
		{"microsoft", []string{"spf.protection.outlook.com"}, []string{"example-com.mail.protection.outlook.com"}, "Microsoft 365",
			[]string{"selector1", "selector2"}, "SPF includes spf.protection.outlook.com; MX is example-com.mail.protection.outlook.com"},
		{"sendgrid", []string{"u123.wl.sendgrid.net"}, nil, "SendGrid", []string{"s1", "s2", "smtpapi"}, "SPF includes u123.wl.sendgrid.net"},
		{"mailchimp", []string{"servers.mcsv.net"}, nil, "Mailchimp / Mandrill", []string{"k1", "k2", "k3", "mte1", "mte2"}, "SPF includes servers.mcsv.net"},
		{"mandrill", []string{"spf.mandrillapp.com"}, nil, "Mailchimp / Mandrill", []string{"k1", "k2", "k3", "mte1", "mte2"}, "SPF includes spf.mandrillapp.com"},
		{"mailgun", []string{"mailgun.org"}, nil, "Mailgun", []string{"mx", "k1", "smtp", "mailo", "krs"}, "SPF includes mailgun.org"},
		{"zoho eu", []string{"zoho.eu"}, nil, "Zoho Mail", []string{"zmail", "zoho"}, "SPF includes zoho.eu"},
		{"proton", nil, []string{"mail.protonmail.ch"}, "Proton Mail", []string{"protonmail", "protonmail2", "protonmail3"}, "MX is mail.protonmail.ch"},
		{"fastmail", []string{"spf.messagingengine.com"}, nil, "Fastmail", []string{"fm1", "fm2", "fm3"}, "SPF includes spf.messagingengine.com"},
		{"brevo", []string{"spf.brevo.com"}, nil, "Brevo (Sendinblue)", []string{"mail", "brevo1", "brevo2"}, "SPF includes spf.brevo.com"},
		{"sendinblue", []string{"spf.sendinblue.com"}, nil, "Brevo (Sendinblue)", []string{"mail", "brevo1", "brevo2"}, "SPF includes spf.sendinblue.com"},
		{"mailjet", []string{"spf.mailjet.com"}, nil, "Mailjet", []string{"mailjet"}, "SPF includes spf.mailjet.com"},
		{"pardot", []string{"aspmx.pardot.com"}, nil, "Salesforce Account Engagement (Pardot)", []string{"200608"}, "SPF includes aspmx.pardot.com"},
		{"zendesk", []string{"mail.zendesk.com"}, nil, "Zendesk", []string{"zendesk1", "zendesk2"}, "SPF includes mail.zendesk.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Infer(tt.spf, tt.mx)
			if len(got) != 1 {
				t.Fatalf("Infer = %+v, want one guess", got)
			}
			g := got[0]
			if g.Provider != tt.provider || !g.Guessable || !slices.Equal(g.Selectors, tt.selectors) || g.Reason != tt.reason {
				t.Errorf("Infer = %+v, want %s %q reason %q", g, tt.provider, tt.selectors, tt.reason)
			}
		})
	}
}

func TestInferUnguessable(t *testing.T) {
	tests := []struct {
		include, provider, hint string
	}{
		{"spf.mtasv.net", "Postmark", "20210112pm"},
		{"amazonses.com", "Amazon SES", "random"},
		{"1234567.spf01.hubspotemail.net", "HubSpot", "hs1-"},
		{"_spf.salesforce.com", "Salesforce", "chosen"},
	}
	for _, tt := range tests {
		got := Infer([]string{tt.include}, nil)
		if len(got) != 1 || got[0].Provider != tt.provider || got[0].Guessable || len(got[0].Selectors) != 0 {
			t.Errorf("Infer(%q) = %+v, want one unguessable %s guess", tt.include, got, tt.provider)
			continue
		}
		if !strings.HasPrefix(got[0].Reason, "SPF includes "+tt.include+"; ") || !strings.Contains(got[0].Reason, tt.hint) {
			t.Errorf("Infer(%q) reason %q does not say what revealed it and why", tt.include, got[0].Reason)
		}
	}
}

func TestInferQuiet(t *testing.T) {
	quiet := [][2][]string{
		{nil, nil},
		{{"spf.example.com", "_spf.acme.io"}, {"mx.example.com"}},
		{{"evilsendgrid.net", "sendgrid.net.attacker.com", "google.com", "outlook.com"}, nil},
		{nil, {"aspmx.l.google.com.attacker.com", "protection.outlook.com"}},
		{{"", " ", "."}, {""}},
	}
	for _, in := range quiet {
		if got := Infer(in[0], in[1]); len(got) != 0 {
			t.Errorf("Infer(%q, %q) = %+v, want no guess", in[0], in[1], got)
		}
	}
}

func TestInferSeveralAndBounds(t *testing.T) {
	got := Infer([]string{"sendgrid.net", "_spf.google.com", "mailgun.org"}, []string{"aspmx.l.google.com"})
	var names []string
	for _, g := range got {
		names = append(names, g.Provider)
	}
	if want := []string{"Google Workspace", "SendGrid", "Mailgun"}; !slices.Equal(names, want) {
		t.Errorf("providers = %q, want %q", names, want)
	}
	if got[0].Reason != "SPF includes _spf.google.com; MX is aspmx.l.google.com" {
		t.Errorf("reason = %q", got[0].Reason)
	}

	filler := make([]string, maxNames)
	for i := range filler {
		filler[i] = "spf.example.com"
	}
	if got := Infer(append(filler, "_spf.google.com"), nil); len(got) != 0 {
		t.Errorf("a name past the first %d was examined: %+v", maxNames, got)
	}
	if got := Infer(append(filler[:maxNames-1], "_spf.google.com"), nil); len(got) != 1 {
		t.Errorf("the %dth name was not examined", maxNames)
	}
	long := strings.Repeat("a", 300) + ".sendgrid.net"
	if got := Infer([]string{long}, nil); len(got) != 1 || len(got[0].Reason) > 120 {
		t.Errorf("long name: %+v", got)
	}
}

func TestInferReturnsCopies(t *testing.T) {
	g := Infer([]string{"_spf.google.com"}, nil)
	g[0].Selectors[0] = "changed"
	if again := Infer([]string{"_spf.google.com"}, nil); again[0].Selectors[0] != "google" {
		t.Errorf("Infer shares its table: %q", again[0].Selectors)
	}
}

func TestSelectors(t *testing.T) {
	got := Selectors(Infer([]string{"servers.mcsv.net", "mailgun.org", "sendgrid.net"}, nil))
	var names []string
	for _, s := range got {
		names = append(names, s.Name)
	}
	want := []string{"s1", "s2", "smtpapi", "k1", "k2", "k3", "mte1", "mte2", "mx", "smtp", "mailo", "krs"}
	if !slices.Equal(names, want) {
		t.Errorf("Selectors = %q, want %q", names, want)
	}
	for _, s := range got {
		wantReasons := 1
		if s.Name == "k1" {
			wantReasons = 2
		}
		if len(s.Reasons) != wantReasons {
			t.Errorf("selector %s has reasons %q, want %d", s.Name, s.Reasons, wantReasons)
		}
	}
	if k1 := got[3]; k1.Reasons[0] != "Mailchimp / Mandrill: SPF includes servers.mcsv.net" || k1.Reasons[1] != "Mailgun: SPF includes mailgun.org" {
		t.Errorf("k1 reasons = %q", k1.Reasons)
	}
	if Selectors(nil) != nil {
		t.Error("Selectors(nil) is not empty")
	}
}

func TestCommon(t *testing.T) {
	c := Common()
	if !slices.Equal(c, []string{"default", "selector1", "s1", "k1", "dkim", "mail"}) {
		t.Errorf("Common = %q", c)
	}
	c[0] = "changed"
	if Common()[0] != "default" {
		t.Error("Common shares its slice")
	}
}
