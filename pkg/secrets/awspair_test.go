package secrets

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// base64Chars is the alphabet of AWS secret access keys.
const base64Chars = testkit.Alnum + "/+"

// awsKeyID makes an access key ID at test time, with the given marker.
func awsKeyID(t testing.TB, marker string) planted {
	t.Helper()
	r := testkit.Random(t, upperDigits, 16)
	return planted{"aws key id", marker + r, r}
}

// awsSecret makes a secret access key at test time, starting with prefix.
// Real keys are base64 of 30 random bytes, which has both letter cases; the
// rare draw without one is drawn again, so the test does not depend on
// luck.
func awsSecret(t testing.TB, prefix string) planted {
	t.Helper()
	for range 8 {
		v := prefix + testkit.Random(t, base64Chars, 40-len(prefix))
		if strings.ContainsAny(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && strings.ContainsAny(v, "abcdefghijklmnopqrstuvwxyz") {
			return planted{"aws secret key", v, v[len(prefix):]}
		}
	}
	t.Fatal("no secret key with both letter cases in 8 draws")
	return planted{}
}

// at describes a secret by rule, severity and where its value starts.
func at(s Secret) string {
	return fmt.Sprintf("%s/%s@%d:%d", s.RuleID, s.Severity, s.Line, s.Column)
}

// where returns "line:column" of the first occurrence of value in content.
func where(content, value string) string {
	i := strings.Index(content, value)
	if i < 0 {
		return "absent"
	}
	line := strings.Count(content[:i], "\n") + 1
	return fmt.Sprintf("%d:%d", line, i-strings.LastIndexByte(content[:i], '\n'))
}

func TestAWSKeyPair(t *testing.T) {
	e := newEngine(t, Options{})
	id, sk := awsKeyID(t, "AKIA"), awsSecret(t, "")
	i, s := id.value, sk.value
	tests := []struct{ name, path, content string }{
		{"env file", ".env", "AWS_ACCESS_KEY_ID=" + i + "\nAWS_SECRET_ACCESS_KEY=" + s + "\nAWS_REGION=eu-west-1\n"},
		{"secret before the ID", ".env.production", "AWS_SECRET_ACCESS_KEY=" + s + "\nAWS_ACCESS_KEY_ID=" + i + "\n"},
		{"shell exports", "deploy/env.sh", "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=\"" + i + "\"\nexport AWS_DEFAULT_REGION=us-east-1\nexport AWS_SECRET_ACCESS_KEY=\"" + s + "\"\n"},
		{"credentials file", ".aws/credentials", "[default]\naws_access_key_id = " + i + "\naws_secret_access_key = " + s + "\nregion = eu-west-1\n"},
		{"JSON from the AWS CLI", "deploy/key.json", "{\n    \"AccessKey\": {\n        \"UserName\": \"deploy\",\n        \"AccessKeyId\": \"" + i + "\",\n        \"Status\": \"Active\",\n        \"SecretAccessKey\": \"" + s + "\"\n    }\n}\n"},
		{"YAML", "config/storage.yml", "s3:\n  bucket: invoices\n  access_key_id: " + i + "\n  secret_access_key: " + s + "\n"},
		{"TypeScript SDK client", "src/storage.ts", "export const s3 = new S3Client({\n  region: \"eu-west-1\",\n  credentials: { accessKeyId: \"" + i + "\", secretAccessKey: \"" + s + "\" },\n});\n"},
		{"minified bundle", "dist/assets/index-4f2a.js", minifiedBundle(newGen(t), 4<<10) + `;var Zn=new S3Client({region:"eu-west-1",credentials:{accessKeyId:"` + i + `",secretAccessKey:"` + s + `"}});` + minifiedBundle(newGen(t), 4<<10)},
		{"JSON inside a JS string", "dist/config.js", `window.__CFG__=JSON.parse("{\"accessKeyId\":\"` + i + `\",\"secretAccessKey\":\"` + s + `\"}");`},
		{"Python boto3 call", "app/storage.py", "s3 = boto3.client(\n    \"s3\",\n    aws_access_key_id=\"" + i + "\",\n    aws_secret_access_key=\"" + s + "\",\n)\n"},
		{"Terraform provider", "infra/main.tf", "provider \"aws\" {\n  region     = \"us-east-1\"\n  access_key = \"" + i + "\"\n  secret_key = \"" + s + "\"\n}\n"},
		{"PHP SDK credentials", "config/filesystems.php", "'credentials' => [\n    'key' => '" + i + "',\n    'secret' => '" + s + "',\n],\n"},
		{"Go static credentials", "internal/s3.go", "creds := credentials.NewStaticCredentialsProvider(\"" + i + "\", \"" + s + "\", \"\")\n"},
		{"console CSV download", "keys/accessKeys.csv", "Access key ID,Secret access key\n" + i + "," + s + "\n"},
		{"aws configure set", "scripts/setup.sh", "aws configure set aws_access_key_id " + i + "\naws configure set aws_secret_access_key " + s + "\n"},
		{"Dockerfile", "Dockerfile", "FROM node:22\nENV AWS_ACCESS_KEY_ID=" + i + " \\\n    AWS_SECRET_ACCESS_KEY=" + s + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOne(t, e, tt.path, tt.content)
			want := "secret/aws-access-key-pair/critical@" + where(tt.content, s)
			if len(got) != 1 || at(got[0]) != want {
				var all []string
				for _, g := range got {
					all = append(all, at(g))
				}
				t.Fatalf("got %v, want exactly [%s]", all, want)
			}
			f := got[0]
			if f.EndLine != f.Line || f.EndColumn != f.Column+40 {
				t.Errorf("value ends at %d:%d, want %d:%d", f.EndLine, f.EndColumn, f.Line, f.Column+40)
			}
			for name, field := range map[string]string{"Redacted": f.Redacted, "Key": f.Key, "Message": f.Message, "Title": f.Title} {
				if l := leaks(field, []planted{id, sk}); l != "" {
					t.Errorf("%s leaks the %s", name, l)
				}
			}
			if f.Redacted != "…(redacted, 40 chars)" {
				t.Errorf("Redacted = %q, want the secret key's length only", f.Redacted)
			}
			for _, w := range []string{"AKIA…(redacted, 20 chars)", "(redacted, 40 chars)", "Rotate it first"} {
				if !strings.Contains(f.Message, w) {
					t.Errorf("message %q does not say %q", f.Message, w)
				}
			}
		})
	}
}

func TestAWSKeyPairKinds(t *testing.T) {
	e := newEngine(t, Options{})
	for _, marker := range []string{"AKIA", "ASIA", "ABIA", "ACCA"} {
		id, sk := awsKeyID(t, marker), awsSecret(t, "")
		content := "AWS_ACCESS_KEY_ID=" + id.value + "\nAWS_SECRET_ACCESS_KEY=" + sk.value + "\n"
		got := scanOne(t, e, ".env", content)
		if len(got) != 1 || got[0].RuleID != "secret/aws-access-key-pair" || !strings.Contains(got[0].Message, marker+"…") {
			t.Errorf("%s key: got %v", marker, ruleIDs(got))
		}
	}
}

func TestAWSSecretKeyAlone(t *testing.T) {
	e := newEngine(t, Options{})
	id, sk := awsKeyID(t, "AKIA"), awsSecret(t, "")
	far := strings.Repeat("LOG_LEVEL=info\n", pairLines+1)
	tests := []struct {
		name, path, content string
		want                []string // rule/severity@line:column, in order
	}{
		{"env file", ".env.production", "AWS_SECRET_ACCESS_KEY=" + sk.value + "\n",
			[]string{"secret/aws-secret-access-key/critical@1:23"}},
		{"JS object", "src/aws.js", "module.exports = { secretAccessKey: '" + sk.value + "' };\n",
			[]string{"secret/aws-secret-access-key/critical@1:38"}},
		{"Go struct", "internal/cfg.go", "var c = aws.Credentials{SecretAccessKey: \"" + sk.value + "\"}\n",
			[]string{"secret/aws-secret-access-key/critical@1:43"}},
		{"suffixed name", "ci/prod.env", "AWS_SECRET_ACCESS_KEY_PROD=" + sk.value + "\n",
			[]string{"secret/aws-secret-access-key/critical@1:28"}},
		{"XML element", "conf/s3.xml", "<SecretAccessKey>" + sk.value + "</SecretAccessKey>\n",
			[]string{"secret/aws-secret-access-key/critical@1:18"}},
		{"ID alone keeps gitleaks' rule", ".env", "AWS_ACCESS_KEY_ID=" + id.value + "\n",
			[]string{"secret/aws-access-token/critical@1:19"}},
		{"too far apart to be a pair", ".env", "AWS_ACCESS_KEY_ID=" + id.value + "\n" + far + "AWS_SECRET_ACCESS_KEY=" + sk.value + "\n",
			[]string{"secret/aws-access-token/critical@1:19", fmt.Sprintf("secret/aws-secret-access-key/critical@%d:23", pairLines+3)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanOne(t, e, tt.path, tt.content)
			var ats []string
			for _, g := range got {
				ats = append(ats, at(g))
				if l := leaks(g.Redacted+g.Key+g.Message, []planted{id, sk}); l != "" {
					t.Errorf("%s leaks the %s", g.RuleID, l)
				}
			}
			if strings.Join(ats, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %v, want %v", ats, tt.want)
			}
		})
	}
}

func TestAWSKeysQuiet(t *testing.T) {
	e := newEngine(t, Options{})
	id, sk := awsKeyID(t, "AKIA"), awsSecret(t, "")
	blob := awsSecret(t, "").value
	sha := testkit.Random(t, "0123456789abcdef", 40)
	// Each case lists what must still be reported, besides gitleaks'
	// generic rule, which may or may not see a random value (it skips
	// values with stop words in them); neither AWS secret rule may fire.
	tests := []struct {
		name, path, content string
		want                []string
	}{
		{"documented example pair", ".env.production", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7" + "EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY\n", nil},
		{"documented example secret alone", "docs/setup.md", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY\n", nil},
		{"documented example secret with its tail changed", "k8s/configmap.yaml", "  AWS_SECRET_ACCESS_KEY: \"wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + testkit.Random(t, testkit.Alnum, 10) + "\"\n", nil},
		{"placeholder secret with a real ID", ".env", "AWS_ACCESS_KEY_ID=" + id.value + "\nAWS_SECRET_ACCESS_KEY=YourSecretAccessKeyHere/ReplaceMe/Before\n", []string{"secret/aws-access-token"}},
		{"reference", ".github/workflows/deploy.yml", "          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n", nil},
		{"env reference", "src/aws.ts", "const c = { secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };\n", nil},
		{"hex digest under the name", "config/app.yml", "aws_secret_key: " + sha + "\n", nil},
		{"one letter case under the name", "config/app.yml", "aws_secret_key: " + strings.ToUpper(blob) + "\n", nil},
		{"longer base64 under the name", ".env", "AWS_SECRET_ACCESS_KEY=" + blob + "AAAA\n", nil},
		{"padded base64 under the name", ".env", "AWS_SECRET_ACCESS_KEY=" + blob[:39] + "=\n", nil},
		{"git SHA next to an ID", "deploy/release.sh", "export AWS_ACCESS_KEY_ID=" + id.value + "\nexport RELEASE_SHA=" + sha + "\n", []string{"secret/aws-access-token"}},
		{"git SHA right after an ID", "ci/keys.csv", "key,commit\n" + id.value + "," + sha + "\n", []string{"secret/aws-access-token"}},
		{"unnamed base64 next to an ID", "dist/app.js", `var c={accessKeyId:"` + id.value + `",bucket:"invoices",etag:"` + blob + `"};`, []string{"secret/aws-access-token"}},
		{"unnamed base64 in a bundle", "dist/app.js", minifiedBundle(newGen(t), 2<<10) + `;var h="` + blob + `",i="` + sha + `";`, nil},
		{"other secret next to an ID", "src/config.ts", "export const awsKeyId = \"" + id.value + "\";\nexport const jwtSecret = \"" + blob + "\";\n", []string{"secret/aws-access-token"}},
		{"generic name without an ID", "infra/main.tf", "  secret_key = \"" + sk.value + "\"\n", nil},
		{"ID and secret in separate files are not joined", "src/a.ts", "const k = \"" + id.value + "\";\n", []string{"secret/aws-access-token"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range scanOne(t, e, tt.path, tt.content) {
				if s.RuleID != "secret/generic-api-key" {
					got = append(got, s.RuleID)
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAWSKeyPairProfiles(t *testing.T) {
	e := newEngine(t, Options{})
	var b strings.Builder
	var plants []planted
	var want []string
	for _, profile := range []string{"default", "p", "prod"} {
		id, sk := awsKeyID(t, "AKIA"), awsSecret(t, "")
		plants = append(plants, id, sk)
		fmt.Fprintf(&b, "[%s]\naws_access_key_id = %s\n", profile, id.value)
		want = append(want, fmt.Sprintf("secret/aws-access-key-pair/critical@%d:25", strings.Count(b.String(), "\n")+1))
		fmt.Fprintf(&b, "aws_secret_access_key = %s\n", sk.value)
	}
	got := scanOne(t, e, ".aws/credentials", b.String())
	var ats []string
	for _, s := range got {
		ats = append(ats, at(s))
		if l := leaks(s.Redacted+s.Key+s.Message, plants); l != "" {
			t.Errorf("%s leaks the %s", s.RuleID, l)
		}
	}
	if strings.Join(ats, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", ats, want)
	}
}

func TestAWSKeyPairAcrossWindows(t *testing.T) {
	e := newEngine(t, Options{})
	id, sk := awsKeyID(t, "AKIA"), awsSecret(t, "")
	bundle := minifiedBundle(newGen(t), 2<<20)
	// The ID ends just before the first window's own part does, the secret
	// key starts after it: each is found by a different window.
	prefix := `;var c={accessKeyId:"`
	cut := windowBytes - len(id.value) - len(prefix) - 1
	content := bundle[:cut] + prefix + id.value + `",secretAccessKey:"` + sk.value + `"};` + bundle[cut:]
	got := scanOne(t, e, "dist/main.js", content)
	want := "secret/aws-access-key-pair/critical@" + where(content, sk.value)
	if len(got) != 1 || at(got[0]) != want {
		t.Fatalf("got %v, want exactly [%s]", ruleIDs(got), want)
	}
}

func TestAWSKeyPairJudgement(t *testing.T) {
	id, sk := awsKeyID(t, "AKIA"), awsSecret(t, "")
	pair := "AWS_ACCESS_KEY_ID=" + id.value + "\nAWS_SECRET_ACCESS_KEY=" + sk.value + "\n"
	t.Run("gitleaks:allow on the secret's line", func(t *testing.T) {
		content := "AWS_ACCESS_KEY_ID=" + id.value + "\nAWS_SECRET_ACCESS_KEY=" + sk.value + " # gitleaks:allow\n"
		got := scanOne(t, newEngine(t, Options{}), "deploy/env.sh", content)
		if len(got) != 1 || got[0].RuleID != "secret/aws-access-token" {
			t.Errorf("got %v, want only the ID", ruleIDs(got))
		}
	})
	t.Run("allowlisted secret value", func(t *testing.T) {
		e := newEngine(t, Options{AllowValues: []string{"^" + strings.NewReplacer("+", `\+`).Replace(sk.value) + "$"}})
		got := scanOne(t, e, ".env", pair)
		if len(got) != 1 || got[0].RuleID != "secret/aws-access-token" {
			t.Errorf("got %v, want only the ID", ruleIDs(got))
		}
	})
	t.Run("in a diff run", func(t *testing.T) {
		got, err := newEngine(t, Options{}).Scan(context.Background(), Fragment{Path: ".env", Content: pair, StartLine: 30})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || at(got[0]) != "secret/aws-access-key-pair/critical@31:23" {
			t.Errorf("got %v", ruleIDs(got))
		}
	})
	t.Run("in a test fixture, like other provider keys", func(t *testing.T) {
		got := scanOne(t, newEngine(t, Options{}), "testdata/portal/.env", pair)
		if len(got) != 1 || got[0].RuleID != "secret/aws-access-key-pair" {
			t.Errorf("got %v, want the pair", ruleIDs(got))
		}
	})
	t.Run("public env variables", func(t *testing.T) {
		content := "NEXT_PUBLIC_AWS_ACCESS_KEY_ID=" + id.value + "\nNEXT_PUBLIC_AWS_SECRET_ACCESS_KEY=" + sk.value + "\n"
		got := scanOne(t, newEngine(t, Options{}), ".env.production", content)
		if len(got) != 1 || at(got[0]) != "secret/public-env-secret/critical@2:35" || !strings.Contains(got[0].Message, "an AWS access key pair") {
			t.Errorf("got %v, want one public-env finding naming the pair", ruleIDs(got))
		}
	})
	t.Run("a secret key that begins like a marker", func(t *testing.T) {
		e := newEngine(t, Options{})
		for _, prefix := range []string{"AKIA", "eyJ"} {
			s := awsSecret(t, prefix)
			for _, content := range []string{
				"AWS_SECRET_ACCESS_KEY=" + s.value + "\n",
				"AWS_ACCESS_KEY_ID=" + id.value + "\nAWS_SECRET_ACCESS_KEY=" + s.value + "\n",
			} {
				got := scanOne(t, e, ".env", content)
				if len(got) != 1 || got[0].Redacted != "…(redacted, 40 chars)" || strings.Contains(got[0].Message, prefix+"…(redacted, 40") {
					t.Errorf("%s…: got %+v, want the length only", prefix, got)
				}
			}
		}
	})
	t.Run("fingerprint anchor", func(t *testing.T) {
		e := newEngine(t, Options{})
		one := scanOne(t, e, "src/s3.ts", `const c = {accessKeyId: "`+id.value+`", secretAccessKey: "`+sk.value+`"};`)
		moved := scanOne(t, e, "src/s3.ts", "\n\n  const c = {accessKeyId: \""+id.value+"\",   secretAccessKey: \""+sk.value+"\"};")
		if len(one) != 1 || len(moved) != 1 || one[0].Key != moved[0].Key {
			t.Errorf("moving and reindenting the pair changed its anchor: %v %v", one, moved)
		}
		other := awsKeyID(t, "AKIA")
		rotated := scanOne(t, e, "src/s3.ts", `const c = {accessKeyId: "`+other.value+`", secretAccessKey: "`+awsSecret(t, "").value+`"};`)
		if len(rotated) != 1 || rotated[0].Key == one[0].Key {
			t.Errorf("a rotated pair kept its anchor")
		}
	})
}

// A message that quotes a pair loses both values when it is redacted.
func TestAWSKeyPairSpans(t *testing.T) {
	e := newEngine(t, Options{})
	id, sk := awsKeyID(t, "AKIA"), awsSecret(t, "")
	for _, text := range []string{
		`line 12: credentials: { accessKeyId: "` + id.value + `", secretAccessKey: "` + sk.value + `" }`,
		"NEXT_PUBLIC_AWS_ACCESS_KEY_ID=" + id.value + "\nNEXT_PUBLIC_AWS_SECRET_ACCESS_KEY=" + sk.value,
	} {
		var got []string
		for _, s := range e.Spans(text) {
			got = append(got, text[s.Start:s.End])
		}
		if !slices.Contains(got, id.value) || !slices.Contains(got, sk.value) {
			t.Errorf("Spans covers %d values, want the ID and the secret key", len(got))
		}
	}
}
