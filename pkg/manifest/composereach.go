package manifest

import (
	"fmt"
	"strings"

	"github.com/launchgate/launchgate/pkg/envvalue"
)

// storeImages are the images of databases, caches and brokers, by the
// image's last path segment without its tag (imageName), with the store
// kind whose passwords open them.
var storeImages = map[string]string{
	"postgres": envvalue.StorePostgres, "postgresql": envvalue.StorePostgres,
	"postgis": envvalue.StorePostgres, "pgvector": envvalue.StorePostgres,
	"timescaledb": envvalue.StorePostgres, "mysql": envvalue.StoreMySQL,
	"mariadb": envvalue.StoreMySQL, "percona-server": envvalue.StoreMySQL,
	"mongo": envvalue.StoreMongo, "mongodb": envvalue.StoreMongo,
	"redis": envvalue.StoreRedis, "redis-stack": envvalue.StoreRedis,
	"redis-stack-server": envvalue.StoreRedis, "valkey": envvalue.StoreRedis,
	"keydb": envvalue.StoreRedis, "rabbitmq": envvalue.StoreRabbitMQ,
	"elasticsearch": envvalue.StoreSearch, "opensearch": envvalue.StoreSearch,
	"minio": envvalue.StoreObject,
}

// databaseKinds are the stores a key that names no particular one
// (DB_PASSWORD) may open: databases, not caches or brokers.
var databaseKinds = map[string]bool{envvalue.StorePostgres: true, envvalue.StoreMySQL: true, envvalue.StoreMongo: true}

// How far a store service of a Compose file can be reached from outside
// the file's own network.
const (
	reachOutside  = iota // a port on every interface or on a variable's address, or the host's network
	reachNone            // publishes no port
	reachLoopback        // publishes ports on a loopback address only
	reachIngress         // not the one service the platform's ingress exposes
)

// reach says how far s can be reached. ingress is the service a
// platform extension names as the file's only ingress (x-uffizzi), or "".
func reach(s composeService, ingress string) int {
	switch {
	case s.network == "host":
		return reachOutside
	case ingress != "" && s.name != ingress:
		return reachIngress
	case len(s.ports) == 0:
		return reachNone
	}
	for _, host := range s.ports {
		if !isLoopbackHost(host) {
			return reachOutside
		}
	}
	return reachLoopback
}

// unreachable says why the password v, set by service owner, opens only
// stores that cannot be reached from outside the Compose file's network,
// or "" when it is no store password, when no store of the file matches
// it, or when one it may open is published. A password on a store's own
// service is that store's; on another service, the key's words say which
// stores it opens (REDIS_PASSWORD the redis services, DB_PASSWORD the
// databases).
func unreachable(v Var, owner composeService, services []composeService, ingress string) string {
	kind, ok := envvalue.StorePassword(v.Key)
	if !ok {
		return ""
	}
	var targets []composeService
	if storeImages[imageName(owner.image)] != "" {
		targets = []composeService{owner}
	} else if kind != "" {
		for _, s := range services {
			k := storeImages[imageName(s.image)]
			if k != "" && (k == kind || kind == envvalue.StoreAny && databaseKinds[k]) {
				targets = append(targets, s)
			}
		}
	}
	if len(targets) == 0 {
		return ""
	}
	var names []string
	seen := map[int]bool{}
	for _, s := range targets {
		r := reach(s, ingress)
		if r == reachOutside {
			return ""
		}
		seen[r] = true
		names = append(names, "`"+s.name+"`")
	}
	plural := len(names) > 1
	how := "publishes no port beyond this machine's loopback address"
	switch {
	case len(seen) > 1:
	case seen[reachNone]:
		how = "publishes no port"
	case seen[reachLoopback]:
		how = "publishes its ports on this machine's loopback address only"
	case seen[reachIngress]:
		how = "is not the service the file's x-uffizzi ingress exposes"
	}
	noun := "service"
	if plural {
		noun = "services"
		how = strings.Replace(strings.Replace(how, "publishes", "publish", 1), "is not the service", "are not the service", 1)
		how = strings.Replace(how, "its ports", "their ports", 1)
	}
	return fmt.Sprintf("the password opens the %s %s of this Compose file, which %s, so it cannot be reached from outside this machine",
		noun, strings.Join(names, " and "), how)
}

// markUnreachable sets Var.Unreachable of the variables of each service,
// vars[owners[i].from:owners[i].to] being those services[i] sets. A value
// an anchor shares between services is one variable to the checks, so it
// is unreachable only if it is for every service that sets it.
func markUnreachable(vars []Var, owners []owned, services []composeService, ingress string) {
	type at struct {
		key  string
		line int
	}
	reachable := map[at]bool{}
	for _, o := range owners {
		for i := o.from; i < o.to; i++ {
			vars[i].Unreachable = unreachable(vars[i], services[o.service], services, ingress)
			if vars[i].Unreachable == "" {
				reachable[at{vars[i].Key, vars[i].Line}] = true
			}
		}
	}
	for i := range vars {
		if reachable[at{vars[i].Key, vars[i].Line}] {
			vars[i].Unreachable = ""
		}
	}
}

// owned is the range of Source.Vars one Compose service sets.
type owned struct {
	service, from, to int
}
