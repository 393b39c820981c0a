package envcheck

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/launchgate/launchgate/pkg/envvalue"
	"github.com/launchgate/launchgate/pkg/manifest"
	"github.com/launchgate/launchgate/pkg/prodfile"
	"github.com/launchgate/launchgate/pkg/source"
)

// completeKinds are the manifests that list a service's whole runtime
// environment, so a key they lack is missing. A Dockerfile, Procfile or
// platform file (fly.toml, vercel.json, netlify.toml) sets a few variables
// and leaves the secrets to the platform, so it says nothing about missing
// keys.
var completeKinds = map[string]bool{
	manifest.KindKubernetes: true, manifest.KindCompose: true,
	manifest.KindRender: true, manifest.KindAppEngine: true,
}

// importMarkers in a manifest pull in variables from elsewhere that
// manifest.Source does not list (Kubernetes envFrom, Compose env_file,
// Render environment groups): the keys it sets are then unknown.
var importMarkers = [][]byte{[]byte("envFrom"), []byte("env_file"), []byte("fromGroup"), []byte("envVarGroups")}

// manifestSources reads the production environment of every deploy
// manifest in the tree. Only literal values are judged: a value taken from
// a secret store is not in the file. The manifest check reports problems
// reading the files.
func manifestSources(ctx context.Context, in inputs) ([]*prodSource, error) {
	if in.tree == nil {
		return nil, nil
	}
	var out []*prodSource
	for _, name := range in.tree.Files() {
		if prodfile.IsTest(name) || !maybeManifest(name) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("reading deploy manifests: %w", err)
		}
		data, err := in.tree.Read(name)
		if err != nil {
			in.log.Debug("env check skipped a file", "file", name, "err", err)
			continue
		}
		if source.IsBinary(data) {
			continue
		}
		m, ok := manifest.Extract(name, data)
		if !ok || !m.Production {
			continue
		}
		src := &prodSource{kind: manifestEnv, name: name, file: name, dir: path.Dir(name), keys: map[string]bool{},
			local: m.Local, localKind: m.Kind,
			// The debug check reads deploy files for the development
			// switches of env-style keys, not a settings file's paths
			// nor start scripts.
			devMode: m.Kind == manifest.KindSettings || m.Kind == manifest.KindEntrypoint}
		for _, v := range m.Vars {
			if !v.Production {
				continue
			}
			src.keys[v.Key] = true
			// A Dockerfile's running environment is its last stage's
			// ENV; build arguments and builder stages never reach it.
			// What they write out is the manifest check's.
			runtime := m.Kind != manifest.KindDockerfile || v.Scope == "ENV" && !v.Builder
			if !runtime {
				continue
			}
			switch {
			case v.Literal:
				src.vars = append(src.vars, settingVar(m.Kind, v))
			case v.Default != "":
				d := variable{key: v.Key, value: v.Default, line: v.Line, unreachable: v.Unreachable, defaulted: true,
					shown: v.Shown() + " (its default, which production gets when the variable is unset)"}
				src.vars = append(src.vars, d)
			}
		}
		src.configKeys = completeKinds[m.Kind] && len(src.keys) > 0 && !imports(data)
		out = append(out, src)
	}
	return out, nil
}

// maybeManifest reports whether name may be a manifest, before reading
// it: a name manifest.KindOf knows, or a YAML file (a Kubernetes manifest
// is known by its content).
func maybeManifest(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return manifest.KindOf(name, nil) != "" || ext == ".yml" || ext == ".yaml"
}

func imports(data []byte) bool {
	for _, m := range importMarkers {
		if bytes.Contains(data, m) {
			return true
		}
	}
	return false
}

// settingVar is the variable v of a manifest of kind, to judge. A
// settings file's path is shown as written, and its last part also
// decides development switches (server.debug: true), unless it is
// written as an environment variable (APP_DEBUG), which the debug check's
// rules read.
func settingVar(kind string, v manifest.Var) variable {
	out := variable{key: v.Key, value: v.Value, line: v.Line, unreachable: v.Unreachable}
	if kind != manifest.KindSettings {
		return out
	}
	out.shown = v.Name
	last := v.Name[strings.LastIndexAny(v.Name, ".:")+1:]
	if strings.ToUpper(last) == last {
		out.noMode = true
	} else {
		out.modeKey = envvalue.SettingKey(last)
	}
	return out
}
