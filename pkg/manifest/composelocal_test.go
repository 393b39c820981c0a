package manifest

import "testing"

func TestComposeLocal(t *testing.T) {
	tests := []struct {
		name, file, yaml string
		local            bool
	}{
		{"ports on loopback", "compose.yml", `
services:
  web: {image: portal-web, ports: ["127.0.0.1:4280:80", "[::1]:4443:443/tcp"]}
  db: {image: mariadb}
`, true},
		{"long syntax on loopback", "docker-compose.yml", `
services:
  web:
    image: portal-web
    ports:
      - {target: 80, published: 8080, host_ip: 127.0.0.1}
`, true},
		{"one port on every interface", "docker-compose.yml", `
services:
  web: {image: portal-web, ports: ["127.0.0.1:4280:80"]}
  api: {image: portal-api, ports: ["8080:8080"]}
`, false},
		{"address from a variable", "docker-compose.yml", `
services:
  web: {image: portal-web, ports: ["${LISTEN_IP:-127.0.0.1}:8888:80"]}
`, false},
		{"port from a variable", "docker-compose.yml", `
services:
  web: {image: portal-web, ports: ["${PORT:-80}:80"]}
`, false},
		{"backing services only", "docker-compose.yml", `
services:
  mysql: {image: "mysql:8.4", ports: ["3306:3306"]}
  pg: {image: docker.io/bitnami/postgresql:16}
  mail: {image: axllent/mailpit}
`, true},
		{"backing services and the application", "docker-compose.yml", `
services:
  db: {image: postgres:16}
  app: {image: portal-app:2.4.0}
`, false},
		{"backing service built here", "docker-compose.yml", `
services:
  db: {image: postgres:16, build: ./db}
`, false},
		{"development build", "docker-compose.yml", `
services:
  app: {build: {context: ./docker/local/8.3, dockerfile: Dockerfile}}
  db: {image: portal-db}
`, true},
		{"development dockerfile", "docker-compose.yml", `
services:
  app: {build: {context: ., dockerfile: Dockerfile.dev}, ports: ["80:80"]}
`, true},
		{"production by name", "docker-compose.prod.yml", `
services:
  db: {image: postgres:16, ports: ["127.0.0.1:5432:5432"]}
`, false},
		{"production folder", "deploy/production/compose.yml", `
services:
  db: {image: postgres:16}
`, false},
		{"no services", "docker-compose.yml", `
services: {}
`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src, ok := Extract(tc.file, []byte(tc.yaml))
			if !ok {
				t.Fatal("not a manifest")
			}
			if got := src.Local != ""; got != tc.local {
				t.Errorf("Local = %q, want local %v", src.Local, tc.local)
			}
		})
	}
}

func TestDockerfileStages(t *testing.T) {
	src, ok := Extract("Dockerfile", []byte(`ARG BASE_TOKEN=t0k3n-before-from
FROM node:22-alpine AS build
ARG NPM_TOKEN=npm_secret
ENV BUILD_SECRET=b
FROM build AS test
ENV TEST_SECRET=t
FROM node:22-alpine
ENV APP_SECRET=a
ARG LATE_ARG=l
`))
	if !ok {
		t.Fatal("not a manifest")
	}
	want := map[string]struct {
		stage   string
		builder bool
	}{
		"BASE_TOKEN":   {"", true},
		"NPM_TOKEN":    {"build", true},
		"BUILD_SECRET": {"build", true},
		"TEST_SECRET":  {"test", true},
		"APP_SECRET":   {"stage 3", false},
		"LATE_ARG":     {"stage 3", false},
	}
	if len(src.Vars) != len(want) {
		t.Fatalf("got %d variables, want %d: %+v", len(src.Vars), len(want), src.Vars)
	}
	for _, v := range src.Vars {
		w := want[v.Key]
		if v.Stage != w.stage || v.Builder != w.builder {
			t.Errorf("%s: stage %q builder %v, want %q %v", v.Key, v.Stage, v.Builder, w.stage, w.builder)
		}
	}
	single, _ := Extract("Dockerfile", []byte("FROM alpine\nENV A_SECRET=x\n"))
	if v := single.Vars[0]; v.Builder || v.Stage != "stage 1" {
		t.Errorf("single stage: %+v", v)
	}
}
