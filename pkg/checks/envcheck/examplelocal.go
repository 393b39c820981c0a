package envcheck

import (
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/envfile"
	"github.com/launchgate/launchgate/pkg/envvalue"
)

// localExample says why an example env file is a template for a
// developer's machine, by its own content, or "" when it does not say
// so: a mode key (APP_ENV, NODE_ENV, RAILS_ENV, …) set to local,
// development, dev or test and none set to anything else; or, without any
// mode key, a debug switch that is on and a URL or host on this machine.
// A key such a file holds is meant to be regenerated (key:generate,
// rails credentials): copied to production, the mode is wrong too.
func localExample(entries []envfile.Entry) string {
	mode := ""
	debug, localURL := "", ""
	for _, e := range entries {
		local, decided := envvalue.LocalMode(e.Key, e.Value)
		switch {
		case decided && !local:
			return ""
		case decided:
			if mode == "" {
				mode = fmt.Sprintf("%s=%s", e.Key, strings.ToLower(strings.TrimSpace(e.Value)))
			}
		case envvalue.DevMode(e.Key, e.Value):
			debug = e.Key
		case urlKey(e.Key, e.Value) && envvalue.LocalURL(e.Value) && localURL == "":
			localURL = e.Key
		}
	}
	switch {
	case mode != "":
		return fmt.Sprintf("its %s says it is for local development, so the key it holds is meant to be regenerated", mode)
	case debug != "" && localURL != "":
		return fmt.Sprintf("it switches %s on and points %s at this machine, as a local development setup does, so the key it holds is meant to be regenerated", debug, localURL)
	}
	return ""
}

// localRun says why a committed env file is for running the service on a
// developer's machine, by its own content, or "" when it does not say
// so: every database, cache or broker it names (DB_HOST, DATABASE_URL,
// REDIS_URL) is on this machine, and none of the secrets it holds (the
// values of keys) looks generated. Its passwords then open only a
// developer's own stores, and its typed secrets are the development
// defaults; a generated key, or a store anywhere else, is a credential
// that works beyond that machine.
func localRun(entries []envfile.Entry, keys []string) string {
	secret := map[string]bool{}
	for _, k := range keys {
		secret[k] = true
	}
	local := ""
	for _, e := range entries {
		if secret[e.Key] && (envvalue.Generated(e.Value) || generatedPassword(e.Value)) {
			return ""
		}
		if !envvalue.StoreAddress(e.Key) || envvalue.Reference(e.Value) || strings.TrimSpace(e.Value) == "" {
			continue
		}
		if !envvalue.LocalURL(e.Value) {
			return ""
		}
		if local == "" {
			local = e.Key
		}
	}
	if local == "" {
		return ""
	}
	return fmt.Sprintf("it points %s at this machine and its secrets are typed words, not generated keys, as a file for running the service on a developer's machine is; keep it out of git and make sure no deployment loads it", local)
}

// generatedPassword reports whether a connection URL's password looks
// generated.
func generatedPassword(value string) bool {
	pw, ok := urlPassword(value)
	return ok && envvalue.Generated(pw)
}
