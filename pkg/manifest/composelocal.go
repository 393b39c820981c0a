package manifest

import (
	"net"
	"path"
	"regexp"
	"strings"

	"github.com/launchgate/launchgate/pkg/prodfile"
	"go.yaml.in/yaml/v4"
)

// backingImages are the images of services an application talks to
// (databases, caches, brokers, object stores, mail catchers, their admin
// consoles): what a Compose file for a developer's machine runs while the
// application itself runs from the editor. Matched by the image's last
// path segment without its tag: "postgres:16", "bitnami/postgresql",
// "axllent/mailpit".
var backingImages = map[string]bool{
	"postgres": true, "postgresql": true, "postgis": true, "mysql": true,
	"mariadb": true, "redis": true, "redis-stack": true, "valkey": true,
	"keydb": true, "mongo": true, "mongodb": true, "memcached": true,
	"rabbitmq": true, "minio": true, "mailhog": true, "mailpit": true,
	"maildev": true, "mailcatcher": true, "elasticsearch": true,
	"opensearch": true, "localstack": true, "adminer": true,
	"pgadmin4": true, "phpmyadmin": true, "zookeeper": true, "kafka": true,
	"nats": true, "clickhouse-server": true, "cassandra": true,
	"couchdb": true, "etcd": true, "azurite": true, "dynamodb-local": true,
}

// composeService is what composeLocal reads of one service.
type composeService struct {
	name, image string
	// build is the build context and Dockerfile, "" when the service
	// does not build.
	build string
	// ports are the host addresses its published ports bind: "" for all
	// interfaces, "$" for an address taken from a variable.
	ports []string
	// network is its network_mode; "host" shares the host's network, so
	// every port it listens on is published.
	network string
}

// composeLocal says why a Compose file runs only on a developer's
// machine, or "" when nothing in it says so. A file production by name
// (prod, production) never is. The signs, in order:
//
//   - every port it publishes is bound to a loopback address written in
//     the file ("127.0.0.1:5432:5432"); an address taken from a variable
//     ("${LISTEN_IP:-127.0.0.1}") is one a deployment sets, so it is no
//     sign;
//   - it runs only backing services (databases, caches, brokers, mail
//     catchers) and builds nothing: the infrastructure for an
//     application started elsewhere;
//   - a service builds from a development Dockerfile or context
//     (docker/local/, Dockerfile.dev), as prodfile.IsDevelopment judges
//     the path.
func composeLocal(file string, services []composeService) string {
	if prodfile.ProductionByName(file) || len(services) == 0 {
		return ""
	}
	published, loopback := 0, 0
	backing := true
	for _, s := range services {
		for _, host := range s.ports {
			published++
			if isLoopbackHost(host) {
				loopback++
			}
		}
		if s.build != "" || s.image == "" || !backingImages[imageName(s.image)] {
			backing = false
		}
	}
	switch {
	case published > 0 && loopback == published:
		return "every port it publishes is bound to this machine's loopback address"
	case backing:
		return "it runs only backing services (databases, caches, mail catchers) and builds nothing, the way a developer's machine runs them"
	}
	for _, s := range services {
		if s.build != "" && prodfile.IsDevelopment(path.Join(path.Dir(file), s.build)) {
			return "a service builds from a development Dockerfile"
		}
	}
	return ""
}

// imageName is an image reference's last path segment without tag or
// digest: "docker.io/bitnami/postgresql:16@sha256:…" is "postgresql".
func imageName(image string) string {
	image, _, _ = strings.Cut(image, "@")
	image = image[strings.LastIndexByte(image, '/')+1:]
	image, _, _ = strings.Cut(image, ":")
	return strings.ToLower(image)
}

// isLoopbackHost reports whether a published port's host address is
// loopback: 127.0.0.0/8, ::1 or localhost.
func isLoopbackHost(host string) bool {
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// readService reads what composeLocal needs of one service.
func (r *yamlReader) readService(name string, svc *yaml.Node) composeService {
	s := composeService{name: name, image: text(r.get(svc, "image")), network: text(r.get(svc, "network_mode"))}
	switch b := r.get(svc, "build"); {
	case b == nil:
	case b.Kind == yaml.ScalarNode:
		s.build = path.Clean(text(b))
	case b.Kind == yaml.MappingNode:
		ctx := text(r.get(b, "context"))
		if ctx == "" {
			ctx = "."
		}
		s.build = path.Join(ctx, text(r.get(b, "dockerfile")))
	}
	for _, p := range items(r.get(svc, "ports")) {
		switch p.Kind {
		case yaml.ScalarNode:
			s.ports = append(s.ports, portHost(p.Value))
		case yaml.MappingNode:
			host := text(r.get(p, "host_ip"))
			if strings.Contains(host, "$") {
				host = "$"
			}
			s.ports = append(s.ports, host)
		}
	}
	return s
}

// portHost is the host address of a short-syntax port
// ("127.0.0.1:8080:80", "[::1]:53:53/udp", "8080:80", "80"): "" for all
// interfaces, "$" when a variable gives it.
func portHost(spec string) string {
	spec, _, _ = strings.Cut(strings.TrimSpace(spec), "/")
	// A ${VAR:-default} holds colons of its own.
	spec = composeVar.ReplaceAllString(spec, "$$V")
	if strings.HasPrefix(spec, "[") {
		if end := strings.Index(spec, "]"); end > 0 {
			return spec[1:end]
		}
	}
	parts := strings.Split(spec, ":")
	if len(parts) != 3 {
		return ""
	}
	if strings.Contains(parts[0], "$") {
		return "$"
	}
	return parts[0]
}

// composeVar is one ${...} interpolation.
var composeVar = regexp.MustCompile(`\$\{[^}]*\}`)
