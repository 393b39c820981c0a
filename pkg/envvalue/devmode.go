package envvalue

import "strings"

// environmentKeys name the variable frameworks read to pick their mode.
var environmentKeys = map[string]bool{
	"NODE_ENV": true, "APP_ENV": true, "RAILS_ENV": true, "RACK_ENV": true,
	"FLASK_ENV": true, "DJANGO_ENV": true, "ASPNETCORE_ENVIRONMENT": true,
	"DOTNET_ENVIRONMENT": true, "GO_ENV": true, "ENVIRONMENT": true,
	"MIX_ENV": true,
}

// productionValues are the modes that mean production.
var productionValues = map[string]bool{"production": true, "prod": true, "prd": true, "live": true}

// debugKeys switch on debug output, error pages with stack traces or
// interactive debuggers.
var debugKeys = map[string]bool{
	"DEBUG": true, "FLASK_DEBUG": true, "APP_DEBUG": true, "DJANGO_DEBUG": true,
	"RAILS_DEBUG": true,
}

// trueValues are how env files say yes.
var trueValues = map[string]bool{"true": true, "1": true, "yes": true, "on": true, "y": true}

// DevMode reports whether key and value switch the application out of
// production mode: NODE_ENV, APP_ENV, RAILS_ENV, RACK_ENV, FLASK_ENV,
// DJANGO_ENV, ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT, GO_ENV, MIX_ENV or
// ENVIRONMENT set to something other than production/prod, or DEBUG,
// FLASK_DEBUG, APP_DEBUG, DJANGO_DEBUG or RAILS_DEBUG set to true/1/yes/on.
// Empty values and references decide nothing.
func DevMode(key, value string) bool {
	k := strings.ToUpper(strings.TrimSpace(key))
	v := strings.ToLower(strings.TrimSpace(value))
	if Reference(v) {
		return false
	}
	if environmentKeys[k] {
		return !productionValues[v]
	}
	return debugKeys[k] && trueValues[v]
}

// localValues are the modes that mean a developer's machine or a test
// run.
var localValues = map[string]bool{
	"local": true, "development": true, "dev": true, "develop": true,
	"test": true, "testing": true,
}

// LocalMode reports, for a key frameworks read to pick their mode
// (NODE_ENV, APP_ENV, RAILS_ENV and the others DevMode names), whether
// value names a developer's machine or a test run (local, development,
// dev, test, testing): local says so, decided says key is such a key with
// a value (not empty, not a reference). Any other key decides nothing.
func LocalMode(key, value string) (local, decided bool) {
	k := strings.ToUpper(strings.TrimSpace(key))
	v := strings.ToLower(strings.TrimSpace(value))
	if !environmentKeys[k] || Reference(v) {
		return false, false
	}
	return localValues[v], true
}
