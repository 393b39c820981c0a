package check

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/launchgate/launchgate/pkg/source"
)

type mapFiles map[string]string

// failing are the errors mapFiles.Read returns for some names.
var failing = map[string]error{
	"locked.env": &fs.PathError{Op: "open", Path: "locked.env", Err: syscall.EACCES},
	"bad-disk":   &fs.PathError{Op: "read", Path: "bad-disk", Err: syscall.EIO},
	"grown":      fmt.Errorf("grown: %w: over 10 MiB", source.ErrTooLarge),
}

func (m mapFiles) Files() []string {
	var out []string
	for n := range m {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

func (m mapFiles) Read(name string) ([]byte, error) {
	if err := failing[name]; err != nil {
		return nil, err
	}
	s, ok := m[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return []byte(s), nil
}

func TestEachFile(t *testing.T) {
	files := mapFiles{"bin": "\x00\x01\x02binary", "empty": ""}
	var names []string
	for i := range 40 {
		n := "f" + strconv.Itoa(100+i)
		files[n] = n
		names = append(names, n)
	}
	names = append(names, "bin", "gone", "empty")
	examine := func(name string, data []byte) []Report {
		if name == "bin" {
			t.Error("a binary file was examined")
		}
		return []Report{{File: name, Message: string(data)}}
	}
	var got []string
	err := EachFile(context.Background(), files, names, "test check", slog.New(slog.DiscardHandler), examine, func(r Report) {
		got = append(got, r.File)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := append(slices.Clone(names[:40]), "empty")
	if !slices.Equal(got, want) {
		t.Errorf("reports %v, want %v (in the order of names, binary and unreadable files skipped)", got, want)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = EachFile(ctx, files, names, "test check", slog.New(slog.DiscardHandler), examine, func(Report) {})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("after cancel: err %v, want context.Canceled", err)
	}
}

// TestEachFileUnreadable reads files that fail: one that cannot be opened
// or read is reported, in the order of names, as the same report whichever
// check reads it; one that vanished or grew past the limit is skipped.
func TestEachFileUnreadable(t *testing.T) {
	files := mapFiles{"a.js": "a", "z.js": "z"}
	names := []string{"a.js", "locked.env", "gone", "grown", "bad-disk", "z.js"}
	examine := func(name string, data []byte) []Report { return []Report{{Rule: "x/seen", File: name}} }
	run := func(what string) []Report {
		var got []Report
		err := EachFile(context.Background(), files, names, what, slog.New(slog.DiscardHandler), examine, func(r Report) { got = append(got, r) })
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	got := run("debug check")
	var seen []string
	for _, r := range got {
		seen = append(seen, r.Rule+"@"+r.File)
	}
	want := []string{"x/seen@a.js", RuleUnreadableFile + "@locked.env", RuleUnreadableFile + "@bad-disk", "x/seen@z.js"}
	if !slices.Equal(seen, want) {
		t.Fatalf("reports %v, want %v", seen, want)
	}
	locked := got[1]
	if locked.Key != "locked.env" || !strings.Contains(locked.Message, "locked.env could not be read (permission denied)") {
		t.Errorf("report = %+v", locked)
	}
	if again := run("cors check"); !slices.Equal(again, got) {
		t.Errorf("another check reports the file differently:\n%+v\n%+v", again, got)
	}
}
