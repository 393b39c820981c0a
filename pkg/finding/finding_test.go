package finding

import "testing"

func TestParseSeverity(t *testing.T) {
	tests := []struct {
		in         string
		allowNever bool
		want       Severity
		wantErr    bool
	}{
		{"critical", false, Critical, false},
		{" High ", false, High, false},
		{"info", false, Info, false},
		{"never", true, Never, false},
		{"never", false, 0, true},
		{"severe", true, 0, true},
		{"", false, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSeverity(tt.in, tt.allowNever)
			if (err != nil) != tt.wantErr || (!tt.wantErr && got != tt.want) {
				t.Errorf("ParseSeverity(%q, %v) = %v, %v; want %v (error %v)", tt.in, tt.allowNever, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestFingerprintIgnoresLine(t *testing.T) {
	a := Finding{RuleID: "openapi/x", File: "api.yaml", Line: 10, Key: "GET /a"}
	b := a
	b.Line, b.Column, b.Message = 99, 3, "reworded"
	a.SetFingerprint()
	b.SetFingerprint()
	if a.Fingerprint != b.Fingerprint {
		t.Error("a finding that moved to another line must keep its fingerprint")
	}
	for _, other := range []Finding{
		{RuleID: "openapi/y", File: "api.yaml", Key: "GET /a"},
		{RuleID: "openapi/x", File: "other.yaml", Key: "GET /a"},
		{RuleID: "openapi/x", File: "api.yaml", Key: "GET /b"},
	} {
		other.SetFingerprint()
		if other.Fingerprint == a.Fingerprint {
			t.Errorf("%+v shares a fingerprint with %+v", other, a)
		}
	}
}

func TestBlocks(t *testing.T) {
	f := Finding{Severity: High}
	if !f.Blocks(High) || !f.Blocks(Medium) || f.Blocks(Critical) || f.Blocks(Never) {
		t.Error("a high finding blocks at high and below, not at critical or never")
	}
	f.Suppressed = true
	if f.Blocks(Low) {
		t.Error("a suppressed finding never blocks")
	}
}
