package probeabuse

import (
	"encoding/json"
	"sort"
	"strings"
)

// Bounds of the walk over a health route's JSON.
const (
	maxLeakDepth = 8
	maxLeakNodes = 2000
	maxLeakKeys  = 8
)

// detailKeys name values that tell an attacker what runs where: a
// version, a host, a connection string. Compared lowercased, with - and
// _ removed.
var detailKeys = map[string]bool{
	"version": true, "serverversion": true, "nodeversion": true, "goversion": true,
	"phpversion": true, "pythonversion": true, "javaversion": true, "rubyversion": true,
	"hostname": true, "host": true, "ip": true, "pod": true, "instance": true,
	"dsn": true, "url": true, "uri": true, "connectionstring": true, "user": true, "username": true,
}

// backingKeys name a backing service; its value is a detail unless it is
// a bare status ("ok", "up") or an object of statuses.
var backingKeys = map[string]bool{
	"database": true, "db": true, "redis": true, "postgres": true, "postgresql": true,
	"mysql": true, "mongo": true, "mongodb": true, "cache": true, "memcached": true,
}

// statusWords are values that say how a part is, not what it is.
var statusWords = map[string]bool{
	"ok": true, "up": true, "down": true, "pass": true, "fail": true, "warn": true,
	"healthy": true, "unhealthy": true, "degraded": true, "true": true, "false": true,
	"connected": true, "disconnected": true, "error": true, "ready": true,
}

// leakyKeys lists the paths of the JSON keys in body ("database.host")
// whose values tell versions, hosts or backing-service details, sorted,
// at most maxLeakKeys. Not JSON, or nothing told: nil. Values are never
// returned.
func leakyKeys(body []byte) []string {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil
	}
	w := leakWalk{found: map[string]bool{}}
	w.walk("", v, 0)
	var out []string
	for k := range w.found {
		out = append(out, k)
	}
	sort.Strings(out)
	if len(out) > maxLeakKeys {
		out = out[:maxLeakKeys]
	}
	return out
}

// leakWalk is one bounded walk over a decoded JSON value.
type leakWalk struct {
	nodes int
	found map[string]bool
}

func (w *leakWalk) walk(path string, v any, depth int) {
	w.nodes++
	if depth > maxLeakDepth || w.nodes > maxLeakNodes {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			p := k
			if path != "" {
				p = path + "." + k
			}
			if leakyValue(normKey(k), val) {
				w.found[p] = true
			}
			w.walk(p, val, depth+1)
		}
	case []any:
		for _, val := range x {
			w.walk(path, val, depth+1)
		}
	}
}

// leakyValue reports whether the value of key tells a detail.
func leakyValue(key string, v any) bool {
	switch x := v.(type) {
	case string:
		s := strings.ToLower(strings.TrimSpace(x))
		if s == "" || statusWords[s] {
			return false
		}
		return detailKeys[key] || backingKeys[key]
	case float64:
		return strings.HasSuffix(key, "version") && detailKeys[key]
	}
	return false
}

// normKey lowercases a key and drops - and _.
func normKey(k string) string {
	return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(k))
}
