package cors

import (
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// filler is n lines of unrelated settings, to put two settings further
// apart than a line window sees.
func filler(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("SETTING_")
		b.WriteByte(byte('A' + i))
		b.WriteString(" = 1\n")
	}
	return b.String()
}

// TestFileWideCredentials holds the pairing of an allow-all setting with
// a switch that allows credentials for the whole settings file, wherever
// in it the two are.
func TestFileWideCredentials(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                []string
		message             string // a fragment of the first report's message
	}{
		{
			name:    "django switch far above",
			file:    "portal/settings.py",
			content: "CORS_ALLOW_CREDENTIALS = True\n" + filler(12) + "CORS_ALLOW_ALL_ORIGINS = True\n",
			want:    []string{"portal/settings.py:14 cors/wildcard-with-credentials"},
			message: "`CORS_ALLOW_CREDENTIALS = True` on line 1",
		},
		{
			name:    "flask-cors config far below",
			file:    "portal/config.py",
			content: "CORS_ORIGIN_ALLOW_ALL = True\n" + filler(12) + "app.config[\"CORS_SUPPORTS_CREDENTIALS\"] = True\n",
			want:    []string{"portal/config.py:1 cors/wildcard-with-credentials"},
		},
		{
			name:    "laravel switch far below",
			file:    "config/cors.php",
			content: "<?php\nreturn [\n    'allowed_origins' => ['*'],\n" + strings.Repeat("    'x' => [],\n", 10) + "    'supports_credentials' => TRUE,\n];\n",
			want:    []string{"config/cors.php:3 cors/wildcard-with-credentials"},
		},
		{
			name:    "laravel default without credentials",
			file:    "config/cors.php",
			content: "<?php\nreturn [\n    'allowed_origins' => ['*'],\n" + strings.Repeat("    'x' => [],\n", 10) + "    'supports_credentials' => false,\n];\n",
			want:    []string{"config/cors.php:3 cors/allow-all-origins"},
		},
		{
			name:    "switch turned off again",
			file:    "portal/settings.py",
			content: "CORS_ALLOW_ALL_ORIGINS = True\n" + filler(12) + "CORS_ALLOW_CREDENTIALS = True\nCORS_ALLOW_CREDENTIALS = False\n",
			want:    []string{"portal/settings.py:1 cors/allow-all-origins"},
		},
		{
			name:    "switch in a comment",
			file:    "portal/settings.py",
			content: "CORS_ALLOW_ALL_ORIGINS = True\n" + filler(12) + "# CORS_ALLOW_CREDENTIALS = True\n",
			want:    []string{"portal/settings.py:1 cors/allow-all-origins"},
		},
		{
			name:    "javascript credentials are per call, not per file",
			file:    "src/server.js",
			content: "app.use(\"/public\", cors());\n" + strings.Repeat("const a = 1;\n", 12) + "app.use(\"/api\", cors({ origin: allowed, credentials: true }));\n",
			want:    []string{"src/server.js:1 cors/allow-all-origins"},
		},
	}
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reports := runFiles(t, c, map[string]string{tt.file: tt.content}, nil)
			checktest.Compare(t, where(reports), tt.want)
			if tt.message != "" && !strings.Contains(messageOf(reports), tt.message) {
				t.Errorf("message %q lacks %q", messageOf(reports), tt.message)
			}
		})
	}
}
