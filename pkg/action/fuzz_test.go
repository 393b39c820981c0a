package action

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sethvargo/go-githubactions"
)

// FuzzReadEvent feeds readEvent payloads as a runner would hand them over:
// whatever the payload holds, it must not panic, must not quote the
// payload in an error, and must only ever yield commit IDs that are safe to
// pass to git.
func FuzzReadEvent(f *testing.F) {
	const sha = "0123456789abcdef0123456789abcdef01234567"
	f.Add("pull_request", `{"number":1,"pull_request":{"number":1,"base":{"sha":"`+sha+`","repo":{"full_name":"a/b"}},"head":{"sha":"`+sha+`","repo":null}}}`)
	f.Add("push", `{"before":"0000000000000000000000000000000000000000","after":"`+sha+`"}`)
	f.Add("push", `{"before":"--upload-pack=evil","after":"`+sha+`"}`)
	f.Add("pull_request_target", `{"pull_request":{"base":{"sha":1},"head":[]}}`)
	f.Add("schedule", `[]`)
	f.Add("pull_request", `{"pull_request":null}`)
	f.Fuzz(func(t *testing.T, name, payload string) {
		path := filepath.Join(t.TempDir(), "event.json")
		if err := os.WriteFile(path, []byte(payload), 0o644); err != nil {
			t.Fatal(err)
		}
		vars := map[string]string{"GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": path, "GITHUB_REPOSITORY": "a/b"}
		gh := githubactions.New(githubactions.WithGetenv(func(k string) string { return vars[k] }))
		ev, err := readEvent(gh)
		if err != nil {
			if len(payload) > 16 && strings.Contains(err.Error(), payload) {
				t.Errorf("error quotes the payload: %v", err)
			}
			return
		}
		for _, id := range []string{ev.Base, ev.Head} {
			if id != "" && !isCommitID(id) {
				t.Errorf("event yields %q as a commit", id)
			}
		}
		if ev.PR < 0 {
			t.Errorf("negative pull request number %d", ev.PR)
		}
	})
}

// FuzzSplitList checks that list inputs never yield empty or padded items.
func FuzzSplitList(f *testing.F) {
	f.Add("a, b\n c,,\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, item := range splitList(s) {
			if item == "" || item != strings.TrimSpace(item) || strings.ContainsAny(item, ",\n") {
				t.Errorf("splitList(%q) yields %q", s, item)
			}
		}
	})
}
