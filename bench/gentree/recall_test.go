package main

import (
	"strings"
	"testing"
)

func TestParseFindings(t *testing.T) {
	tests := []struct {
		name    string
		report  string
		want    []finding
		wantErr string
	}{
		{
			name:   "gitleaks array",
			report: `[{"RuleID":"aws-access-token","File":"/d/a.py","StartLine":3,"Secret":"REDACTED"}]`,
			want:   []finding{{rule: "aws-access-token", file: "/d/a.py", line: 3}},
		},
		{
			name:   "gitleaks without leaks",
			report: "[]\n",
			want:   nil,
		},
		{
			name: "launchgate keeps only secret rules",
			report: `{"tool":{"name":"launchgate"},"findings":[
				{"rule_id":"secret/stripe-access-token","file":"a.ts","line":9},
				{"rule_id":"debug/flask-debug","file":"app.py","line":2}]}`,
			want: []finding{{rule: "secret/stripe-access-token", file: "a.ts", line: 9}},
		},
		{name: "empty file", report: "  \n", wantErr: "empty report"},
		{name: "broken gitleaks", report: `[{"RuleID":`, wantErr: "not a gitleaks JSON report"},
		{name: "broken launchgate", report: `{"findings":3}`, wantErr: "not a launchgate JSON report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseFindings([]byte(tt.report))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("finding %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestScoreReport(t *testing.T) {
	m := &manifest{Secrets: []planted{
		{ID: "a", File: "src/app.py", Line: 10, Expect: true},
		{ID: "b", File: "dist/app.js.map", Line: 1, Source: "src/lib/payments.ts", SourceLine: 262, Expect: true},
		{ID: "c", File: "config/old.yaml", Line: 4, Expect: false},
	}}
	tests := []struct {
		name     string
		findings []finding
		root     string
		want     string
	}{
		{
			name: "nothing found",
			want: "findings=0 recall=0/2 unwanted=0/1",
		},
		{
			name:     "absolute paths under the root",
			findings: []finding{{file: "/data/tree/src/app.py", line: 10}, {file: "/data/tree/dist/app.js.map", line: 1}},
			root:     "/data/tree/",
			want:     "findings=2 recall=2/2 unwanted=0/1",
		},
		{
			name:     "path as given on the command line",
			findings: []finding{{file: "tree/src/app.py", line: 10}},
			want:     "findings=1 recall=1/2 unwanted=0/1",
		},
		{
			name:     "wrong line does not count",
			findings: []finding{{file: "src/app.py", line: 11}},
			want:     "findings=1 recall=0/2 unwanted=0/1",
		},
		{
			name:     "a file that only ends like the planted one",
			findings: []finding{{file: "othersrc/app.py", line: 10}},
			want:     "findings=1 recall=0/2 unwanted=0/1",
		},
		{
			name:     "original source inside the map",
			findings: []finding{{file: "src/lib/payments.ts", line: 262}},
			want:     "findings=1 recall=1/2 unwanted=0/1",
		},
		{
			name:     "map path joined with the source path",
			findings: []finding{{file: "dist/app.js.map!src/lib/payments.ts", line: 262}},
			want:     "findings=1 recall=1/2 unwanted=0/1",
		},
		{
			name:     "a secret that should stay quiet",
			findings: []finding{{file: "config/old.yaml", line: 4}},
			want:     "findings=1 recall=0/2 unwanted=1/1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scoreReport(m, tt.findings, tt.root).String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr bool
	}{
		{"200MB", 200 << 20, false},
		{"20mb", 20 << 20, false},
		{"1.5GB", 3 << 29, false},
		{"512KB", 512 << 10, false},
		{"1048576", 1 << 20, false},
		{"1KB", 0, true},
		{"-5MB", 0, true},
		{"lots", 0, true},
		{"100GB", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseSize(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parseSize(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func FuzzParseFindings(f *testing.F) {
	f.Add([]byte(`[{"RuleID":"x","File":"a","StartLine":1}]`))
	f.Add([]byte(`{"findings":[{"rule_id":"secret/x","file":"a","line":1}]}`))
	f.Add([]byte(`{"findings":null}`))
	f.Add([]byte("\x00["))
	m := &manifest{Secrets: []planted{{File: "a", Line: 1, Source: "b", SourceLine: 2, Expect: true}}}
	f.Fuzz(func(t *testing.T, b []byte) {
		fs, err := parseFindings(b)
		if err != nil {
			return
		}
		s := scoreReport(m, fs, "/root")
		if s.found > s.expected || s.findings != len(fs) {
			t.Fatalf("score %v from %d findings", s, len(fs))
		}
	})
}
