package cli

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/testkit"
)

// awsPair makes an AWS access key ID and secret access key at test time.
// A secret key drawn with one letter case only, which base64 of random
// bytes all but never is, is drawn again.
func awsPair(t *testing.T) (id, secret testkit.Planted) {
	t.Helper()
	r := testkit.Random(t, upper, 16)
	id = testkit.Planted{Kind: "aws key id", Value: "AKIA" + r, Random: r}
	for range 8 {
		s := testkit.Random(t, testkit.Alnum+"/+", 40)
		if strings.ToUpper(s) != s && strings.ToLower(s) != s {
			return id, testkit.Planted{Kind: "aws secret key", Value: s, Random: s}
		}
	}
	t.Fatal("no secret key with both letter cases in 8 draws")
	return
}

// A key pair written in each of the places it is found in is one critical
// finding at the secret key, whatever else would have seen either value:
// gitleaks' ID rule, its generic rule, the manifest check.
func TestAWSKeyPairEndToEnd(t *testing.T) {
	var plants []testkit.Planted
	pair := func() (string, string) {
		id, sk := awsPair(t)
		plants = append(plants, id, sk)
		return id.Value, sk.Value
	}
	files := map[string]string{}
	i, s := pair()
	files[".env.production"] = "AWS_ACCESS_KEY_ID=" + i + "\nAWS_SECRET_ACCESS_KEY=" + s + "\nAWS_REGION=eu-west-1\n"
	i, s = pair()
	files[".aws/credentials"] = "[default]\naws_access_key_id = " + i + "\naws_secret_access_key = " + s + "\n"
	i, s = pair()
	files["config/key.json"] = "{\n  \"AccessKey\": {\n    \"AccessKeyId\": \"" + i + "\",\n    \"SecretAccessKey\": \"" + s + "\"\n  }\n}\n"
	i, s = pair()
	files["docker-compose.yml"] = "services:\n  api:\n    image: acme/api:1.4\n    environment:\n      AWS_ACCESS_KEY_ID: " + i + "\n      AWS_SECRET_ACCESS_KEY: " + s + "\n"
	i, s = pair()
	files["server/storage.go"] = "package server\n\nvar creds = credentials.NewStaticCredentialsProvider(\"" + i + "\", \"" + s + "\", \"\")\n"
	i, s = pair()
	files["server/upload.py"] = "import boto3\n\ns3 = boto3.client(\"s3\", aws_access_key_id=\"" + i + "\", aws_secret_access_key=\"" + s + "\")\n"
	i, s = pair()
	files["web/src/s3.ts"] = "export const s3 = new S3Client({\n  credentials: { accessKeyId: \"" + i + "\", secretAccessKey: \"" + s + "\" },\n});\n"
	i, s = pair()
	files["dist/assets/index.js"] = strings.Repeat("var a=1;", 20000) + `var c={accessKeyId:"` + i + `",secretAccessKey:"` + s + `"};`
	_, lone := awsPair(t)
	plants = append(plants, lone)
	files["scripts/ci.env"] = "AWS_SECRET_ACCESS_KEY=" + lone.Value + "\n"
	dir := writeTree(t, files)

	r := run(t, dir, "scan", "--artifacts", "dist", "--format", "json")
	if r.code != ExitBlocking {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	var rep struct {
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Severity string
			File     string
			Line     int
			Message  string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		if !strings.HasPrefix(f.RuleID, "secret/") && f.RuleID != "env/literal-secret-in-manifest" {
			continue
		}
		got = append(got, f.RuleID+"@"+f.File+":"+strconv.Itoa(f.Line))
		if f.Severity != "critical" || !strings.Contains(f.Message, "Rotate it first") {
			t.Errorf("%s at %s:%d is %s, message %q; want critical, saying to rotate first", f.RuleID, f.File, f.Line, f.Severity, f.Message)
		}
	}
	want := []string{
		"secret/aws-access-key-pair@.env.production:2",
		"secret/aws-access-key-pair@config/key.json:4",
		"secret/aws-access-key-pair@.aws/credentials:3",
		"secret/aws-access-key-pair@dist/assets/index.js:1",
		"secret/aws-access-key-pair@docker-compose.yml:6",
		"secret/aws-secret-access-key@scripts/ci.env:1",
		"secret/aws-access-key-pair@server/storage.go:3",
		"secret/aws-access-key-pair@server/upload.py:3",
		"secret/aws-access-key-pair@web/src/s3.ts:2",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("secret findings\n got  %v\n want %v", got, want)
	}
	for _, format := range []string{"text", "json", "sarif", "markdown"} {
		out := run(t, dir, "scan", "--artifacts", "dist", "--format", format, "--verbose")
		if l := leaks(plants, out.stdout+out.stderr); len(l) > 0 {
			t.Errorf("%s output shows %v", format, l)
		}
	}
	for _, id := range []string{"secret/aws-access-key-pair", "secret/aws-secret-access-key"} {
		if e := run(t, dir, "explain", id); e.code != ExitOK || !strings.Contains(e.stdout, "Rotate first") {
			t.Errorf("explain %s: exit %d\n%s%s", id, e.code, e.stdout, e.stderr)
		}
	}
}
