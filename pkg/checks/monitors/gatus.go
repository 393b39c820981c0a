package monitors

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"
)

// Gatus' defaults (https://github.com/TwiN/gatus#configuration).
const (
	gatusInterval  = 60 * time.Second
	gatusThreshold = 3
)

// gatusConfig is what one Gatus configuration file defines.
type gatusConfig struct {
	endpoints []gatusEndpoint
	// providers are the alerting providers configured (slack,
	// pagerduty, …) with their default alert.
	providers map[string]gatusAlert
}

// gatusEndpoint is one entry of endpoints:.
type gatusEndpoint struct {
	name, url string
	line      int
	interval  time.Duration
	alerts    []gatusAlert
}

// gatusAlert is one entry of an endpoint's alerts:, or a provider's
// default-alert. Unset fields are nil, so a provider's default can fill
// them.
type gatusAlert struct {
	kind      string
	enabled   *bool
	threshold *int
}

// gatusNames are the file names Gatus reads by default.
var gatusNames = map[string]bool{"config.yaml": true, "config.yml": true, "gatus.yaml": true, "gatus.yml": true}

// maybeGatus reports whether name, by its name and a glance at data,
// could be a Gatus configuration worth parsing.
func maybeGatus(name string, data []byte) bool {
	ext := path.Ext(name)
	if ext != ".yaml" && ext != ".yml" {
		return false
	}
	return hasTopKey(data, "endpoints") && bytes.Contains(data, []byte("conditions"))
}

// hasTopKey reports a line starting with key: at column 0.
func hasTopKey(data []byte, key string) bool {
	k := []byte(key + ":")
	return bytes.HasPrefix(data, k) || bytes.Contains(data, append([]byte("\n"), k...))
}

// parseGatus reads a Gatus configuration. ok is false for YAML that is
// not one (no endpoints: list of entries with url and conditions); err
// says why a file that looks like one could not be read.
func parseGatus(data []byte) (cfg gatusConfig, ok bool, err error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return cfg, true, fmt.Errorf("not valid YAML: %s", firstLine(err.Error()))
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return cfg, false, nil
	}
	top := doc.Content[0]
	eps := mapValue(top, "endpoints")
	if eps == nil || eps.Kind != yaml.SequenceNode {
		return cfg, false, nil
	}
	for _, e := range eps.Content {
		if e.Kind != yaml.MappingNode || mapValue(e, "url") == nil || mapValue(e, "conditions") == nil {
			continue
		}
		ok = true
		if b, set := boolOf(mapValue(e, "enabled")); set && !b {
			continue
		}
		ep := gatusEndpoint{name: scalar(mapValue(e, "name")), url: scalar(mapValue(e, "url")), line: e.Line, interval: gatusInterval}
		if iv := mapValue(e, "interval"); iv != nil {
			d, perr := time.ParseDuration(scalar(iv))
			if perr != nil || d <= 0 {
				return cfg, true, fmt.Errorf("line %d: interval %q is not a duration such as 1m or 30s", iv.Line, trim(scalar(iv)))
			}
			ep.interval = d
		}
		if as := mapValue(e, "alerts"); as != nil && as.Kind == yaml.SequenceNode {
			for _, a := range as.Content {
				if a.Kind == yaml.MappingNode {
					ep.alerts = append(ep.alerts, readGatusAlert(a))
				}
			}
		}
		cfg.endpoints = append(cfg.endpoints, ep)
	}
	if !ok {
		return gatusConfig{}, false, nil
	}
	cfg.providers = map[string]gatusAlert{}
	if al := mapValue(top, "alerting"); al != nil && al.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(al.Content); i += 2 {
			p := gatusAlert{}
			if v := al.Content[i+1]; v.Kind == yaml.MappingNode {
				if d := mapValue(v, "default-alert"); d != nil && d.Kind == yaml.MappingNode {
					p = readGatusAlert(d)
				}
			}
			cfg.providers[al.Content[i].Value] = p
		}
	}
	return cfg, true, nil
}

func readGatusAlert(n *yaml.Node) gatusAlert {
	a := gatusAlert{kind: scalar(mapValue(n, "type"))}
	if b, set := boolOf(mapValue(n, "enabled")); set {
		a.enabled = &b
	}
	if t := mapValue(n, "failure-threshold"); t != nil {
		if v, err := strconv.Atoi(scalar(t)); err == nil && v > 0 {
			a.threshold = &v
		}
	}
	return a
}

// gatusMonitors turns endpoints into monitors, given every alerting
// provider the checkout's Gatus files configure (Gatus merges the files
// of its configuration folder).
func gatusMonitors(file string, cfg gatusConfig, providers map[string]gatusAlert) []*monitor {
	var out []*monitor
	for _, ep := range cfg.endpoints {
		m := &monitor{provider: "Gatus", file: file, line: ep.line, name: ep.name, url: ep.url}
		m.path, m.hasPath = urlPath(ep.url)
		best := 0
		for _, a := range ep.alerts {
			def, configured := providers[a.kind]
			if !configured {
				continue
			}
			enabled, threshold := true, gatusThreshold
			if def.enabled != nil {
				enabled = *def.enabled
			}
			if def.threshold != nil {
				threshold = *def.threshold
			}
			if a.enabled != nil {
				enabled = *a.enabled
			}
			if a.threshold != nil {
				threshold = *a.threshold
			}
			if !enabled {
				continue
			}
			m.channels = append(m.channels, a.kind)
			if best == 0 || threshold < best {
				best = threshold
			}
		}
		m.channels = unique(m.channels)
		if best > 0 {
			m.alertAfter, m.arithmetic = times(ep.interval, best, "failure")
		}
		out = append(out, m)
	}
	return out
}

// mapValue is the value of key in a mapping node, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// scalar is a scalar node's value, or "".
func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// boolOf reads a YAML boolean; set is false when n is absent or not one.
func boolOf(n *yaml.Node) (v, set bool) {
	switch strings.ToLower(scalar(n)) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// trim shortens text quoted in a message.
func trim(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
