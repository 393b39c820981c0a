package prodfile

import "testing"

func TestIsProduction(t *testing.T) {
	tests := []struct {
		name string
		path string
		want bool
	}{
		// Production configuration, by name.
		{"node config production", "config/production.json", true},
		{"rails production environment", "config/environments/production.rb", true},
		{"django production settings", "mysite/settings/production.py", true},
		{"django settings_prod", "mysite/settings_prod.py", true},
		{"spring prod profile properties", "src/main/resources/application-prod.properties", true},
		{"spring production profile yaml", "src/main/resources/application-production.yml", true},
		{"aspnet production appsettings", "Api/appsettings.Production.json", true},
		{"env production", ".env.production", true},
		{"env prod", "web/.env.prod", true},
		{"prod infix", "nginx.prod.conf", true},
		{"production infix", "config.production.yaml", true},
		{"php ini production", "docker/php.ini-production", true},
		// Container builds.
		{"dockerfile", "Dockerfile", true},
		{"dockerfile lowercase in a folder", "services/api/dockerfile", true},
		{"named dockerfile suffix", "api.Dockerfile", true},
		{"named dockerfile prefix", "Dockerfile.api", true},
		{"containerfile", "Containerfile", true},
		{"dockerfile dev", "Dockerfile.dev", false},
		{"dockerfile test", "Dockerfile.test", false},
		{"dockerfile local", "Dockerfile.local", false},
		{"dev dockerfile suffix", "dev.Dockerfile", false},
		{"devcontainer dockerfile", ".devcontainer/Dockerfile", false},
		// Compose.
		{"docker compose", "docker-compose.yml", true},
		{"docker compose yaml", "docker-compose.yaml", true},
		{"compose yaml", "compose.yaml", true},
		{"compose prod", "docker-compose.prod.yml", true},
		{"compose production dash", "docker-compose-production.yml", true},
		{"compose override", "docker-compose.override.yml", false},
		{"compose dev", "docker-compose.dev.yml", false},
		{"compose test", "docker-compose.test.yml", false},
		{"composer json is not compose", "composer.json", false},
		// Deploy manifests and platform files.
		{"k8s manifest", "k8s/deployment.yaml", true},
		{"nested kubernetes", "infra/kubernetes/api/deployment.yml", true},
		{"deploy folder", "deploy/values.yaml", true},
		{"helm values", "helm/api/values.yaml", true},
		{"helm values prod", "helm/api/values-prod.yaml", true},
		{"helm values dev", "helm/api/values-dev.yaml", false},
		{"charts template", "charts/api/templates/deployment.yaml", true},
		{"manifests", "manifests/api.yaml", true},
		{"kustomize production overlay", "infra/overlays/production/patch.yaml", true},
		{"kustomize dev overlay in k8s", "k8s/overlays/dev/patch.yaml", false},
		{"fly", "fly.toml", true},
		{"render", "render.yaml", true},
		{"app engine", "app.yaml", true},
		{"vercel", "apps/web/vercel.json", true},
		{"netlify", "netlify.toml", true},
		{"procfile", "Procfile", true},
		{"deploy workflow", ".github/workflows/deploy.yml", true},
		{"release workflow", ".github/workflows/release-please.yml", true},
		{"prod workflow", ".github/workflows/promote-prod.yml", true},
		{"ci compose", "docker-compose.ci.yml", false},
		{"infra compose", "docker-compose.infra.yml", false},
		{"deps compose", "compose.deps.yaml", false},
		{"infra compose for prod", "docker-compose.infra.prod.yml", true},
		{"infra folder compose", "infra/docker-compose.yml", true},
		{"infra k8s manifest", "k8s/infra.yaml", true},
		{"testing folder compose", "docker/testing/compose.yml", false},
		{"production folder compose", "docker/production/compose.yml", true},
		{"ci folder", "ci/docker-compose.yml", false},
		{"playwright dockerfile", "frontend/Dockerfile.playwright", false},
		{"env travis", ".env.travis", false},
		{"env dusk", ".env.dusk.local", false},
		{"ci workflow", ".github/workflows/ci.yml", false},
		{"lint workflow", ".github/workflows/lint.yml", false},
		// Never production.
		{"env example", ".env.production.example", false},
		{"env sample", ".env.sample", false},
		{"settings example", "settings_prod.py.example", false},
		{"env development", ".env.development", false},
		{"env local", ".env.local", false},
		{"env production local", ".env.production.local", false},
		{"env test", ".env.test", false},
		{"plain env", ".env", false},
		{"test folder", "test/k8s/deployment.yaml", false},
		{"tests folder", "tests/Dockerfile", false},
		{"spec folder", "spec/fixtures/config/production.rb", false},
		{"jest folder", "src/__tests__/config.prod.js", false},
		{"test infix", "config.prod.test.js", false},
		{"spec infix", "config.prod.spec.ts", false},
		{"testdata", "testdata/debug/vulnerable/Dockerfile", false},
		{"fixtures", "fixtures/k8s/deployment.yaml", false},
		{"dev folder", "dev/docker-compose.yml", false},
		{"examples folder", "examples/fly.toml", false},
		{"ordinary source", "src/app.py", false},
		{"base settings", "mysite/settings.py", false},
		{"base application properties", "src/main/resources/application.properties", false},
		{"products are not prod", "src/products.yaml", false},
		{"empty", "", false},
		{"slash only", "/", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsProduction(tt.path); got != tt.want {
				t.Errorf("IsProduction(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func TestIsTest(t *testing.T) {
	tests := []struct {
		name string
		path string
		want bool
	}{
		{"go test", "pkg/api/server_test.go", true},
		{"pytest prefix", "app/test_views.py", true},
		{"pytest suffix", "app/views_test.py", true},
		{"django tests module", "app/tests.py", true},
		{"conftest", "conftest.py", true},
		{"jest test", "src/api.test.ts", true},
		{"jest spec", "src/api.spec.js", true},
		{"rspec", "app/models/user_spec.rb", true},
		{"java test class", "src/main/java/AppTest.java", true},
		{"java tests class", "src/main/java/AppTests.java", true},
		{"java integration test", "src/main/java/ApiIT.java", true},
		{"csharp test class", "Api/StartupTests.cs", true},
		{"maven test folder", "src/test/java/App.java", true},
		{"tests folder", "tests/app.py", true},
		{"jest folder", "src/__tests__/api.ts", true},
		{"mocks folder", "src/__mocks__/api.ts", true},
		{"spec folder", "spec/rails_helper.rb", true},
		{"testdata folder", "testdata/app.py", true},
		{"fixtures folder", "fixtures/app.py", true},
		{"e2e folder", "e2e/login.ts", true},
		{"env test", ".env.test", true},
		{"dockerfile test", "Dockerfile.test", true},
		{"app", "app.py", false},
		{"latest is not test", "latest.py", false},
		{"contest is not test", "contest.go", false},
		{"testutil is not a test", "internal/testutil.go", false},
		{"openapi spec yaml", "api/openapi.spec.yaml", false},
		{"audit class", "src/main/java/AUDIT.java", false},
		{"java class named Test alone", "src/main/java/Test.java", true},
		{"dockerfile", "Dockerfile", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsTest(tt.path); got != tt.want {
				t.Errorf("IsTest(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func TestIsDevelopment(t *testing.T) {
	tests := []struct {
		name string
		path string
		want bool
	}{
		{"django local settings", "portal/settings/local.py", true},
		{"dev config", "config/config.dev.js", true},
		{"examples folder", "examples/server.js", true},
		{"test file", "app/test_views.py", true},
		{"sole django settings", "portal/settings.py", false},
		{"production settings", "portal/settings/production.py", false},
		{"server entry", "src/server.js", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsDevelopment(tt.path); got != tt.want {
				t.Errorf("IsDevelopment(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func TestIsTestRun(t *testing.T) {
	tests := []struct {
		name string
		path string
		want bool
	}{
		{"env ci", ".env.ci", true},
		{"env travis", ".env.travis", true},
		{"env dusk example", ".env.dusk.example", true},
		{"env dusk local", ".env.dusk.local", true},
		{"env testing", ".env.testing", true},
		{"env test", ".env.test", true},
		{"env e2e", "apps/web/.env.e2e", true},
		{"testing folder", "docker/testing/compose.yml", true},
		{"circleci folder", ".circleci/config.yml", true},
		{"playwright dockerfile", "Dockerfile.playwright", true},
		{"plain env", ".env", false},
		{"env local", ".env.local", false},
		{"env production", ".env.production", false},
		{"env example", ".env.example", false},
		{"city is not ci", ".env.city", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsTestRun(tt.path); got != tt.want {
				t.Errorf("IsTestRun(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func TestProductionByName(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"docker-compose.prod.yml", true},
		{"docker/production/compose.yml", true},
		{"deploy/prod/values.yaml", true},
		{".env.production", true},
		{"docker-compose.yml", false},
		{"deploy/docker/docker-compose.yml", false},
		{"docker-compose.prod.test.yml", false},
		{".env.production.local", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := ProductionByName(tt.path); got != tt.want {
				t.Errorf("ProductionByName(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
	for dir, want := range map[string]bool{"deployments": true, "K8s": true, "helm": true, "docker": false, "community": false} {
		if got := IsDeployDir(dir); got != want {
			t.Errorf("IsDeployDir(%q) = %v, want %v", dir, got, want)
		}
	}
}

func TestSettingsFile(t *testing.T) {
	yes := []string{
		"config/production.json", "config/prod.toml", "config/production.yml",
		"src/main/resources/application-prod.yml", "application-prod.properties",
		"Api/appsettings.Production.json", "charts/api/values-production.yaml",
		"deploy/values.prod.yaml", "infra/prod.tfvars", "environments/prod/terraform.tfvars",
		"config/production.yaml", "portal/settings/production.py", "settings_prod.py",
		"config/environments/production.rb", "config/prod.exs", "config/runtime.exs",
	}
	no := []string{
		"config/default.json", "values.yaml", "application.yml", "config/development.json",
		"config/production.rb", ".env.production",
		"environments/prod/main.tf", "prod/package.json", "config/production.test.json",
		"test/config/production.json", "config/production.example.json", "environments/dev/terraform.tfvars",
		"prod", "config/prod.toml.want.txt", "portal/settings/base.py", "portal/settings/local.py",
		"config/environments/development.rb", "config/dev.exs", "app/models/production.rb",
		"production.py", "test/config/runtime.exs",
	}
	for _, n := range yes {
		if !SettingsFile(n) {
			t.Errorf("SettingsFile(%q) = false, want true", n)
		}
	}
	for _, n := range no {
		if SettingsFile(n) {
			t.Errorf("SettingsFile(%q) = true, want false", n)
		}
	}
}
