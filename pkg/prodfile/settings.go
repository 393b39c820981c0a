package prodfile

import (
	"path"
	"strings"
)

// settingsExts are the formats of the framework config files
// SettingsFile names.
var settingsExts = map[string]bool{
	".yml": true, ".yaml": true, ".json": true, ".toml": true,
	".properties": true, ".tfvars": true,
}

// codeSettings are the code files frameworks load as a production
// environment's settings: Django's settings modules, Rails'
// environment file, Phoenix's prod and runtime configs.
func codeSettings(dirs []string, lower string) bool {
	parent := ""
	if len(dirs) > 0 {
		parent = strings.ToLower(dirs[len(dirs)-1])
	}
	switch path.Ext(lower) {
	case ".py":
		return parent == "settings" || strings.HasPrefix(lower, "settings")
	case ".rb":
		return parent == "environments" && (lower == "production.rb" || lower == "prod.rb")
	case ".exs":
		return parent == "config" && (lower == "prod.exs" || lower == "runtime.exs")
	}
	return false
}

// settingsStems begin the names of config files that, in a folder named
// prod or production, hold that environment's settings: Helm values,
// Terraform variables, .NET appsettings, generic config and settings
// files.
var settingsStems = []string{"values", "terraform", "appsettings", "config", "settings", "application", "secrets", "env"}

// SettingsFile reports whether name, a slash path relative to the scanned
// root, is a framework config file holding production's settings, which
// the env rules read as they read a production env file:
//
//   - a YAML, JSON, TOML, .properties or .tfvars file whose own name has
//     the word prod or production (config/production.json,
//     config/prod.toml, application-prod.yml, appsettings.Production.json,
//     values-production.yaml, prod.tfvars);
//
//   - such a file named values*, terraform*, appsettings*, config*,
//     settings*, application*, secrets* or env* in a folder named prod or
//     production (environments/prod/terraform.tfvars);
//
//   - the code frameworks load as production settings: a Django
//     settings module with the word prod or production
//     (settings/production.py, settings_prod.py), Rails'
//     config/environments/production.rb, Phoenix's config/prod.exs and
//     config/runtime.exs;
//
// and never a test, development or example file (IsProduction's first
// rule). A plain values.yaml, application.yml or config/default.json is
// the defaults every environment starts from, and is not read as
// production.
func SettingsFile(name string) bool {
	dirs, base := split(name)
	if base == "" {
		return false
	}
	lower := strings.ToLower(base)
	if codeSettings(dirs, lower) {
		// runtime.exs has no production word: Phoenix loads it in every
		// environment, and production is what it is written for.
		return lower == "runtime.exs" && !IsDevelopment(name) || ProductionByName(name)
	}
	if !settingsExts[strings.ToLower(path.Ext(base))] || !ProductionByName(name) {
		return false
	}
	if hasAny(nameWords(base), prodWords) {
		return true
	}
	for _, s := range settingsStems {
		if strings.HasPrefix(lower, s) {
			return len(dirs) > 0
		}
	}
	return false
}
