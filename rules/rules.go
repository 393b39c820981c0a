// Package rules embeds the rule catalog: one YAML file per category, read by
// pkg/catalog.
package rules

import "embed"

// FS holds every *.yaml file of the catalog.
//
//go:embed *.yaml
var FS embed.FS
