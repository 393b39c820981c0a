package debug

import (
	"fmt"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/check/checktest"
)

// benchTree generates a mixed source tree of about size bytes: Python,
// JavaScript, Go and C# sources, YAML manifests, env files and
// Dockerfiles, mostly ordinary lines with a planted debug switch now and
// then, as a real checkout has.
func benchTree(size int) checktest.MemFiles {
	kinds := []struct {
		name string
		line func(i int) string
	}{
		{"svc%d/app.py", func(i int) string {
			return fmt.Sprintf("    value_%d = compute(request.args.get(%q), debug=False)", i, "k")
		}},
		{"web%d/src/server.js", func(i int) string {
			return fmt.Sprintf("  res.status(200).json({ id: %d, name: user.name, stack: [] });", i)
		}},
		{"cmd%d/main.go", func(i int) string {
			return fmt.Sprintf("\tif err := handle(ctx, %d); err != nil { return fmt.Errorf(\"step: %%w\", err) }", i)
		}},
		{"k8s/app%d.yaml", func(i int) string {
			return fmt.Sprintf("            - name: VAR_%d\n              value: \"production-%d\"", i, i)
		}},
		{"svc%d/.env.production", func(i int) string { return fmt.Sprintf("SETTING_%d=value-%d", i, i) }},
		{"svc%d/Dockerfile", func(i int) string { return fmt.Sprintf("RUN echo step %d && apk add --no-cache curl", i) }},
		{"Api%d/Startup.cs", func(i int) string { return fmt.Sprintf("        services.AddScoped<IService%d, Service%d>();", i, i) }},
	}
	const fileSize = 32 << 10
	files := checktest.MemFiles{}
	total := 0
	for n := 0; total < size; n++ {
		k := kinds[n%len(kinds)]
		var b strings.Builder
		for i := 0; b.Len() < fileSize; i++ {
			b.WriteString(k.line(i))
			b.WriteByte('\n')
			if i%500 == 250 && n%3 == 0 {
				b.WriteString("ENV NODE_ENV=development\napp.run(debug=True)\n")
			}
		}
		files[fmt.Sprintf(k.name, n)] = b.String()
		total += b.Len()
	}
	return files
}

// BenchmarkScan50MB runs every debug rule over a generated 50 MB tree.
func BenchmarkScan50MB(b *testing.B) {
	files := benchTree(50 << 20)
	size := 0
	for _, s := range files {
		size += len(s)
	}
	rs := loadRules(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		if got := run(b, files, rs); len(got) == 0 {
			b.Fatal("the planted switches were not found")
		}
	}
}
