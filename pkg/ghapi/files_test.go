package ghapi

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/launchgate/launchgate/pkg/ghapi/ghapitest"
)

// seedFiles adds n files named f0000.go, f0001.go, ... to pull request 7.
func seedFiles(s *ghapitest.Server, n int) {
	files := make([]ghapitest.File, n)
	for i := range files {
		files[i] = ghapitest.File{Filename: fmt.Sprintf("f%04d.go", i), Status: "modified", Additions: 1, Patch: "@@ -1 +1 @@\n-a\n+b"}
	}
	s.AddFiles("acme", "portal", 7, files...)
}

func TestChangedFilesPagination(t *testing.T) {
	tests := []struct {
		name          string
		files         int
		wantPages     int
		wantPullGet   int
		wantTruncated bool
	}{
		{name: "none", files: 0, wantPages: 1},
		{name: "one page", files: 100, wantPages: 1},
		{name: "three pages", files: 250, wantPages: 3},
		{name: "four pages exactly full", files: 400, wantPages: 4},
		// At the cap the listing cannot tell "exactly 3000" from "more";
		// the pull request's changed_files settles it.
		{name: "exactly the cap", files: 3000, wantPages: 30, wantPullGet: 1},
		{name: "over the cap", files: 3005, wantPages: 30, wantPullGet: 1, wantTruncated: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, c := newFake(t)
			seedFiles(s, tt.files)
			got, err := c.ChangedFiles(context.Background(), "acme", "portal", 7)
			if err != nil {
				t.Fatalf("ChangedFiles: %v", err)
			}
			wantLen := min(tt.files, MaxPullFiles)
			if len(got.Files) != wantLen {
				t.Fatalf("got %d files, want %d", len(got.Files), wantLen)
			}
			for i, f := range got.Files {
				if want := fmt.Sprintf("f%04d.go", i); f.Path != want {
					t.Fatalf("file %d = %q, want %q (order or a page lost)", i, f.Path, want)
				}
			}
			if got.Truncated != tt.wantTruncated {
				t.Errorf("Truncated = %v, want %v", got.Truncated, tt.wantTruncated)
			}
			var pages []string
			pullGets := 0
			for _, r := range s.Requests() {
				switch {
				case strings.HasSuffix(r.Path, "/pulls/7/files"):
					q, _ := url.ParseQuery(r.RawQuery)
					if q.Get("per_page") != "100" {
						t.Errorf("per_page = %q, want 100", q.Get("per_page"))
					}
					pages = append(pages, q.Get("page"))
				case strings.HasSuffix(r.Path, "/pulls/7"):
					pullGets++
				default:
					t.Errorf("unexpected request %s %s", r.Method, r.Path)
				}
			}
			if len(pages) != tt.wantPages {
				t.Errorf("fetched %d pages %v, want %d", len(pages), pages, tt.wantPages)
			}
			for i, p := range pages {
				if p != fmt.Sprint(i+1) {
					t.Errorf("request %d asked for page %q, want %d", i, p, i+1)
				}
			}
			if pullGets != tt.wantPullGet {
				t.Errorf("GET pulls/7 %d times, want %d", pullGets, tt.wantPullGet)
			}
		})
	}
}

func TestChangedFilesFields(t *testing.T) {
	s, c := newFake(t)
	s.AddFiles("acme", "portal", 7,
		ghapitest.File{Filename: "new/name.yaml", PreviousFilename: "old/name.yaml", Status: "renamed", Additions: 2, Deletions: 1, Patch: "@@ -1,2 +1,3 @@\n a\n-b\n+c\n+d"},
		ghapitest.File{Filename: "logo.png", Status: "added"},
		ghapitest.File{Filename: "gone.txt", Status: "removed", Deletions: 4},
	)
	got, err := c.ChangedFiles(context.Background(), "acme", "portal", 7)
	if err != nil {
		t.Fatal(err)
	}
	want := []ChangedFile{
		{Path: "new/name.yaml", PreviousPath: "old/name.yaml", Status: "renamed", Additions: 2, Deletions: 1, Patch: "@@ -1,2 +1,3 @@\n a\n-b\n+c\n+d"},
		{Path: "logo.png", Status: "added"},
		{Path: "gone.txt", Status: "removed", Deletions: 4},
	}
	if !slices.Equal(got.Files, want) {
		t.Errorf("files =\n%+v\nwant\n%+v", got.Files, want)
	}
}

func TestChangedFilesStopsAtPageBound(t *testing.T) {
	// A server that always promises another page must not keep the gate
	// looping; what it served counts as a truncated listing.
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		page := r.URL.Query().Get("page")
		next := fmt.Sprintf(`<http://%s%s?page=%d&per_page=100>; rel="next"`, r.Host, r.URL.Path, n+1)
		w.Header().Set("Link", next)
		fmt.Fprintf(w, `[{"filename":"p%s.go","status":"added"}]`, page)
	}))
	defer srv.Close()
	c, err := New("", srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.ChangedFiles(context.Background(), "acme", "portal", 1)
	if err != nil {
		t.Fatalf("ChangedFiles: %v", err)
	}
	if n := calls.Load(); n != maxFilePages {
		t.Errorf("made %d requests, want %d", n, maxFilePages)
	}
	if !got.Truncated || len(got.Files) != maxFilePages {
		t.Errorf("Truncated = %v with %d files, want true with %d", got.Truncated, len(got.Files), maxFilePages)
	}
}

func TestChangedFilesNextPageBackwards(t *testing.T) {
	// A Link that points back to page 1 ends the listing instead of looping.
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Link", fmt.Sprintf(`<http://%s%s?page=1>; rel="next"`, r.Host, r.URL.Path))
		fmt.Fprint(w, `[{"filename":"a.go","status":"added"}]`)
	}))
	defer srv.Close()
	c, err := New("", srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.ChangedFiles(context.Background(), "acme", "portal", 1)
	if err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != 1 || len(got.Files) != 1 || got.Truncated {
		t.Errorf("calls = %d, files = %d, truncated = %v; want 1, 1, false", n, len(got.Files), got.Truncated)
	}
}

func TestChangedFilesError(t *testing.T) {
	s, c := newFake(t)
	s.FailRequests(http.MethodGet, http.StatusNotFound, "Not Found")
	_, err := c.ChangedFiles(context.Background(), "acme", "portal", 7)
	if err == nil {
		t.Fatal("no error")
	}
	want := "GitHub API GET /repos/acme/portal/pulls/7/files: 404 Not Found: Not Found"
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	if IsPermission(err) {
		t.Error("IsPermission = true for a 404 on a read")
	}
}
