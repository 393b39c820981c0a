package cors

import (
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// TestCredentialsAcrossDistance holds, for each CORS library, the pairing
// of an allow-all setting with credentials in the same settings module,
// block or call, whether the two are next to each other or far apart,
// and the quiet of development and test settings modules.
func TestCredentialsAcrossDistance(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                []string
	}{
		{
			name:    "django legacy name with credentials far below",
			file:    "portal/settings.py",
			content: "CORS_ORIGIN_ALLOW_ALL = True\n" + filler(20) + "CORS_ALLOW_CREDENTIALS = True\n",
			want:    []string{"portal/settings.py:1 cors/wildcard-with-credentials"},
		},
		{
			name:    "django allow all without credentials stays low",
			file:    "portal/settings.py",
			content: "CORS_ALLOW_ALL_ORIGINS = True\n" + filler(20),
			want:    []string{"portal/settings.py:1 cors/allow-all-origins"},
		},
		{
			name:    "django development settings module stays quiet",
			file:    "portal/settings/dev.py",
			content: "CORS_ALLOW_ALL_ORIGINS = True\n" + filler(20) + "CORS_ALLOW_CREDENTIALS = True\n",
		},
		{
			name:    "django test settings module stays quiet",
			file:    "portal/settings_test.py",
			content: "CORS_ALLOW_ALL_ORIGINS = True\n" + filler(20) + "CORS_ALLOW_CREDENTIALS = True\n",
		},
		{
			name:    "flask-cors call split over lines",
			file:    "portal/__init__.py",
			content: "CORS(\n    app,\n    origins=\"*\",\n    supports_credentials=True,\n)\n",
			want:    []string{"portal/__init__.py:4 cors/wildcard-with-credentials"},
		},
		{
			name:    "flask-cors config with credentials far below",
			file:    "portal/config.py",
			content: "CORS_ORIGINS = \"*\"\n" + filler(20) + "CORS_SUPPORTS_CREDENTIALS = True\n",
			want:    []string{"portal/config.py:1 cors/wildcard-with-credentials"},
		},
		{
			name:    "flask-cors config without credentials stays low",
			file:    "portal/config.py",
			content: "CORS_ORIGINS = \"*\"\n" + filler(20) + "CORS_SUPPORTS_CREDENTIALS = False\n",
			want:    []string{"portal/config.py:1 cors/allow-all-origins"},
		},
		{
			name:    "laravel credentials far below",
			file:    "config/cors.php",
			content: "<?php\nreturn [\n    'paths' => ['api/*'],\n    'allowed_origins' => ['*'],\n" + strings.Repeat("    'x' => [],\n", 20) + "    'supports_credentials' => true,\n];\n",
			want:    []string{"config/cors.php:4 cors/wildcard-with-credentials"},
		},
		{
			name:    "rack-cors block",
			file:    "config/initializers/cors.rb",
			content: "Rails.application.config.middleware.insert_before 0, Rack::Cors do\n  allow do\n    origins '*'\n    resource '*',\n      headers: :any,\n      methods: [:get, :post],\n      credentials: true\n  end\nend\n",
			want:    []string{"config/initializers/cors.rb:7 cors/wildcard-with-credentials"},
		},
		{
			name:    "rack-cors block without credentials stays low",
			file:    "config/initializers/cors.rb",
			content: "Rails.application.config.middleware.insert_before 0, Rack::Cors do\n  allow do\n    origins '*'\n    resource '*', headers: :any, methods: [:get]\n  end\nend\n",
			want:    []string{"config/initializers/cors.rb:3 cors/allow-all-origins"},
		},
		{
			name:    "spring registry chain",
			file:    "src/main/java/com/acme/WebConfig.java",
			content: "registry.addMapping(\"/api/**\")\n    .allowedOrigins(\"*\")\n    .allowedMethods(\"GET\", \"POST\")\n    .allowedHeaders(\"*\")\n    .allowCredentials(true);\n",
			want:    []string{"src/main/java/com/acme/WebConfig.java:5 cors/wildcard-with-credentials"},
		},
		{
			name:    "spring registry chain without credentials stays low",
			file:    "src/main/java/com/acme/WebConfig.java",
			content: "registry.addMapping(\"/api/**\")\n    .allowedOriginPatterns(\"*\")\n    .allowedMethods(\"GET\");\n",
			want:    []string{"src/main/java/com/acme/WebConfig.java:2 cors/allow-all-origins"},
		},
	}
	c, err := New(checktest.Catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checktest.Compare(t, where(runFiles(t, c, map[string]string{tt.file: tt.content}, nil)), tt.want)
		})
	}
}
