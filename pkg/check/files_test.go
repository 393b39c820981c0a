package check

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"slices"
	"strconv"
	"testing"
)

type mapFiles map[string]string

func (m mapFiles) Files() []string {
	var out []string
	for n := range m {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

func (m mapFiles) Read(name string) ([]byte, error) {
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
