package config

import (
	"strings"
	"testing"
)

func TestExpandIdentities(t *testing.T) {
	p := Probe{Identities: []Identity{
		{Name: "alice", Tenant: "acme", Headers: map[string]string{"Authorization": "Bearer ${ALICE_TOKEN}", "X-Tenant": "acme"}},
		{Name: "root", Tenant: "acme", Role: "Admin", Headers: map[string]string{"Cookie": "sid=${ROOT_SID}; theme=${THEME}"}},
	}}
	env := map[string]string{"ALICE_TOKEN": "tok-alice-7f3a", "ROOT_SID": "sid-root-91c2", "THEME": "dark"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	ids, err := p.ExpandIdentities(lookup)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids[0].Headers["Authorization"]; got != "Bearer tok-alice-7f3a" {
		t.Errorf("alice's Authorization expanded to a wrong value (%d bytes)", len(got))
	}
	if got := ids[1].Headers["Cookie"]; got != "sid=sid-root-91c2; theme=dark" {
		t.Errorf("root's Cookie expanded to a wrong value (%d bytes)", len(got))
	}
	if ids[0].Admin() || !ids[1].Admin() {
		t.Error("only root is an admin")
	}
	if p.Identities[0].Headers["Authorization"] != "Bearer ${ALICE_TOKEN}" {
		t.Error("the configuration was changed in place")
	}
	if s := strings.Join(HeaderValues(ids), " "); !strings.Contains(s, "tok-alice-7f3a") || !strings.Contains(s, "sid-root-91c2") {
		t.Error("HeaderValues misses a header value")
	}

	delete(env, "ROOT_SID")
	_, err = p.ExpandIdentities(lookup)
	if err == nil || !strings.Contains(err.Error(), "${ROOT_SID}") || !strings.Contains(err.Error(), `"root"`) {
		t.Fatalf("an unset variable: err %v, want one naming root and ${ROOT_SID}", err)
	}
	if strings.Contains(err.Error(), "tok-alice") || strings.Contains(err.Error(), "dark") {
		t.Error("the error carries a value")
	}
	env["ROOT_SID"] = ""
	if _, err := p.ExpandIdentities(lookup); err == nil {
		t.Error("an empty variable is as good as unset")
	}
	dup := Probe{Identities: []Identity{{Name: "a"}, {Name: "a"}}}
	if _, err := dup.ExpandIdentities(lookup); err == nil {
		t.Error("two identities with one name")
	}
}
