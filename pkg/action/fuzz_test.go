package action

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sethvargo/go-githubactions"
)

// Go's fuzzing engine minimises every input that reaches new code, with a
// step that is quadratic in the input's length and a budget of a minute
// (-fuzzminimizetime), so an input the mutator has grown to kilobytes
// stalls a run for that minute; the targets below bound theirs.
const (
	// maxFuzzEventName holds every event name readEvent tells apart
	// ("pull_request_target" is the longest) with room to spare.
	maxFuzzEventName = 32
	// maxFuzzPayload holds a pull_request payload with both commits as
	// 64-digit SHA-256 IDs, both repositories and the number; readEvent
	// reads nothing else.
	maxFuzzPayload = 256
	// maxFuzzList holds a few dozen list items, blank lines and commas.
	maxFuzzList = 128
)

// FuzzReadEvent feeds readEvent payloads as a runner would hand them over:
// whatever the payload holds, it must not panic, must not quote the
// payload in an error, and must only ever yield commit IDs that are safe to
// pass to git.
func FuzzReadEvent(f *testing.F) {
	const sha = "0123456789abcdef0123456789abcdef01234567"
	const sha256ID = sha + "0123456789abcdef01234567"
	for _, s := range [][2]string{
		{"pull_request", `{"number":1,"pull_request":{"number":1,"base":{"sha":"` + sha + `","repo":{"full_name":"a/b"}},"head":{"sha":"` + sha + `","repo":null}}}`},
		{"pull_request", `{"pull_request":{"number":2,"base":{"sha":"` + sha256ID + `","repo":{"full_name":"a/b"}},"head":{"sha":"` + sha256ID + `","repo":{"full_name":"A/B"}}}}`},
		{"push", `{"before":"0000000000000000000000000000000000000000","after":"` + sha + `"}`},
		{"push", `{"before":"--upload-pack=evil","after":"` + sha + `"}`},
		{"pull_request_target", `{"pull_request":{"base":{"sha":1},"head":[]}}`},
		{"schedule", `[]`},
		{"pull_request", `{"pull_request":null}`},
	} {
		if len(s[0]) > maxFuzzEventName || len(s[1]) > maxFuzzPayload {
			f.Fatalf("seed %q over the %d and %d bytes the target tries", s, maxFuzzEventName, maxFuzzPayload)
		}
		f.Add(s[0], s[1])
	}
	// One file serves every input (they run one at a time), written in
	// place and cut to the input's length: a folder and a file made per
	// input, or a file truncated to nothing and written again, cost the
	// disk many times what readEvent costs.
	event, err := os.Create(filepath.Join(f.TempDir(), "event.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { event.Close() })
	path := event.Name()
	f.Fuzz(func(t *testing.T, name, payload string) {
		if len(name) > maxFuzzEventName || len(payload) > maxFuzzPayload {
			return
		}
		if _, err := event.WriteAt([]byte(payload), 0); err != nil {
			t.Fatal(err)
		}
		if err := event.Truncate(int64(len(payload))); err != nil {
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
		if len(s) > maxFuzzList {
			return
		}
		for _, item := range splitList(s) {
			if item == "" || item != strings.TrimSpace(item) || strings.ContainsAny(item, ",\n") {
				t.Errorf("splitList(%q) yields %q", s, item)
			}
		}
	})
}
