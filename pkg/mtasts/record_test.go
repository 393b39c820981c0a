package mtasts

import (
	"errors"
	"strings"
	"testing"
)

// wantField checks that err is a ParseError naming field.
func wantField(t *testing.T, in string, err error, field string) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Field != field {
		t.Errorf("%.60q: error %v, want one naming %q", in, err, field)
	}
}

func TestParseRecord(t *testing.T) {
	rec, err := ParseRecord("v=STSv1; id=20240101T000000;")
	if err != nil || rec.ID != "20240101T000000" || len(rec.Extensions) != 0 {
		t.Fatalf("ParseRecord = %+v, %v", rec, err)
	}
	rec, err = ParseRecord("v=STSv1;id=abc ; ext.1=x")
	if err != nil || rec.ID != "abc" || len(rec.Extensions) != 1 || rec.Extensions[0] != (Field{"ext.1", "x"}) {
		t.Fatalf("ParseRecord with extension = %+v, %v", rec, err)
	}
}

func TestParseRecordErrors(t *testing.T) {
	tests := []struct{ in, field string }{
		{"", "v"},
		{"v=STSv2; id=1", "v"},
		{"v=stsv1; id=1", "v"},
		{"id=1; v=STSv1", "v"},
		{"v=STSv1", "id"},
		{"v=STSv1; id=", "id"},
		{"v=STSv1; id=has-dash", "id"},
		{"v=STSv1; id=" + strings.Repeat("a", 33), "id"},
		{"v=STSv1; id=1; id=2", "id"},
		{"v=STSv1; id=1;; x=y", "v"},
		{"v=STSv1; id=1; x=a=b", "x"},
		{"v=STSv1; id=1; -x=1", "-x"},
		{"v=STSv1; id=" + strings.Repeat("a", MaxRecordLen), "v"},
	}
	for _, tt := range tests {
		rec, err := ParseRecord(tt.in)
		if err == nil {
			t.Errorf("ParseRecord(%.60q) = %+v, want an error", tt.in, rec)
			continue
		}
		wantField(t, tt.in, err, tt.field)
	}
}

func TestSelectRecord(t *testing.T) {
	got, err := SelectRecord([]string{"v=spf1 -all", "v=STSv1; id=1"})
	if err != nil || got != "v=STSv1; id=1" {
		t.Errorf("one record: %q, %v", got, err)
	}
	got, err = SelectRecord([]string{"v=STSv10; id=1", "x"})
	if err != nil || got != "" {
		t.Errorf("no record: %q, %v", got, err)
	}
	if got, err = SelectRecord([]string{"v=STSv1; id=1", "v=STSv1; id=2"}); err == nil {
		t.Errorf("two records: %q, want an error", got)
	}
}
