package ghapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/launchgate/launchgate/pkg/ghapi/ghapitest"
)

const marker = "<!-- launchgate:scorecard -->"

func TestUpsertCommentCreateThenUpdate(t *testing.T) {
	s, c := newFake(t)
	ctx := context.Background()
	human := s.AddComment("acme", "portal", 7, "octocat", "Looks good to me")
	otherBot := s.AddComment("acme", "portal", 7, "codecov[bot]", "<!-- codecov -->\ncoverage 80%")

	first, err := c.UpsertComment(ctx, "acme", "portal", 7, marker, "## Scorecard\n3 blocking")
	if err != nil {
		t.Fatalf("first UpsertComment: %v", err)
	}
	if !first.Created || first.ID == 0 || first.URL == "" {
		t.Fatalf("first = %+v, want Created with an ID and URL", first)
	}
	second, err := c.UpsertComment(ctx, "acme", "portal", 7, marker, "## Scorecard\n0 blocking")
	if err != nil {
		t.Fatalf("second UpsertComment: %v", err)
	}
	if second.Created || second.ID != first.ID || second.URL != first.URL {
		t.Fatalf("second = %+v, want an update of %+v", second, first)
	}

	comments := s.Comments("acme", "portal", 7)
	if len(comments) != 3 {
		t.Fatalf("got %d comments, want 3 (two seeded, one sticky)", len(comments))
	}
	var marked []ghapitest.Comment
	for _, cm := range comments {
		if strings.Contains(cm.Body, marker) {
			marked = append(marked, cm)
		}
	}
	if len(marked) != 1 {
		t.Fatalf("got %d marked comments, want 1", len(marked))
	}
	if want := marker + "\n## Scorecard\n0 blocking"; marked[0].Body != want {
		t.Errorf("sticky body = %q, want %q", marked[0].Body, want)
	}
	for _, seeded := range []ghapitest.Comment{human, otherBot} {
		if got := find(comments, seeded.ID); got == nil || got.Body != seeded.Body || !got.UpdatedAt.Equal(seeded.UpdatedAt) {
			t.Errorf("comment %d by %s was changed: %+v", seeded.ID, seeded.User.Login, got)
		}
	}
	if n := countRequests(s, http.MethodPost); n != 1 {
		t.Errorf("%d POSTs, want 1", n)
	}
	patches := 0
	for _, r := range s.Requests() {
		if r.Method == http.MethodPatch {
			patches++
			if want := fmt.Sprintf("/repos/acme/portal/issues/comments/%d", first.ID); r.Path != want {
				t.Errorf("PATCH %s, want %s", r.Path, want)
			}
		}
	}
	if patches != 1 {
		t.Errorf("%d PATCHes, want 1", patches)
	}
}

func find(cs []ghapitest.Comment, id int64) *ghapitest.Comment {
	for i := range cs {
		if cs[i].ID == id {
			return &cs[i]
		}
	}
	return nil
}

func TestUpsertCommentUpdatesNewestOfSeveral(t *testing.T) {
	s, c := newFake(t)
	older := s.AddComment("acme", "portal", 7, "github-actions[bot]", marker+"\nold run")
	newer := s.AddComment("acme", "portal", 7, "github-actions[bot]", "previous run\n"+marker)
	res, err := c.UpsertComment(context.Background(), "acme", "portal", 7, marker, "this run")
	if err != nil {
		t.Fatal(err)
	}
	if res.Created || res.ID != newer.ID {
		t.Fatalf("result = %+v, want update of newest comment %d", res, newer.ID)
	}
	cs := s.Comments("acme", "portal", 7)
	if got := find(cs, older.ID); got.Body != older.Body {
		t.Errorf("older marked comment changed to %q", got.Body)
	}
	if got := find(cs, newer.ID); got.Body != marker+"\nthis run" {
		t.Errorf("newest marked comment = %q", got.Body)
	}
}

func TestUpsertCommentFindsMarkerOnLaterPage(t *testing.T) {
	s, c := newFake(t)
	for i := range 250 {
		s.AddComment("acme", "portal", 7, "octocat", fmt.Sprintf("comment %d", i))
	}
	sticky := s.AddComment("acme", "portal", 7, "github-actions[bot]", marker+"\nold")
	res, err := c.UpsertComment(context.Background(), "acme", "portal", 7, marker, "new")
	if err != nil {
		t.Fatal(err)
	}
	if res.Created || res.ID != sticky.ID {
		t.Fatalf("result = %+v, want update of %d on page 3", res, sticky.ID)
	}
	if n := countRequests(s, http.MethodGet); n != 3 {
		t.Errorf("%d list requests, want 3", n)
	}
	if n := len(s.Comments("acme", "portal", 7)); n != 251 {
		t.Errorf("%d comments, want 251", n)
	}
}

func TestUpsertCommentUnchangedBodyNotResent(t *testing.T) {
	s, c := newFake(t)
	ctx := context.Background()
	if _, err := c.UpsertComment(ctx, "acme", "portal", 7, marker, "same"); err != nil {
		t.Fatal(err)
	}
	res, err := c.UpsertComment(ctx, "acme", "portal", 7, marker, "same")
	if err != nil {
		t.Fatal(err)
	}
	if res.Created || res.ID == 0 {
		t.Errorf("result = %+v, want the existing comment", res)
	}
	if n := countRequests(s, http.MethodPatch); n != 0 {
		t.Errorf("%d PATCHes for an identical body, want 0", n)
	}
}

func TestUpsertCommentLongBody(t *testing.T) {
	s, c := newFake(t)
	var b strings.Builder
	b.WriteString("| check | result |\n|---|---|\n")
	for i := 0; b.Len() < 200_000; i++ {
		fmt.Fprintf(&b, "| openapi/operation-without-auth #%d | fail ❌ |\n", i)
	}
	if _, err := c.UpsertComment(context.Background(), "acme", "portal", 7, marker, b.String()); err != nil {
		t.Fatalf("UpsertComment: %v (the fake rejects bodies over GitHub's limit)", err)
	}
	cs := s.Comments("acme", "portal", 7)
	if len(cs) != 1 {
		t.Fatalf("%d comments, want 1", len(cs))
	}
	body := cs[0].Body
	if len(body) > MaxCommentBytes {
		t.Errorf("body is %d bytes, over %d", len(body), MaxCommentBytes)
	}
	if !strings.HasPrefix(body, marker+"\n| check | result |") {
		t.Errorf("body starts %q, want the marker then the table", body[:80])
	}
	if !strings.HasSuffix(body, truncatedNote) {
		t.Errorf("body does not end with the truncation note")
	}
}

func TestUpsertCommentMarkerRules(t *testing.T) {
	tests := []struct {
		name, marker, wantErr string
	}{
		{name: "empty", marker: "", wantErr: "marker is empty"},
		{name: "blank", marker: "  ", wantErr: "marker is empty"},
		{name: "multi-line", marker: "<!--\nx -->", wantErr: "spans lines"},
		{name: "huge", marker: "<!-- " + strings.Repeat("x", 2000) + " -->", wantErr: "more than 1024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, c := newFake(t)
			s.AddComment("acme", "portal", 7, "octocat", "hi")
			_, err := c.UpsertComment(context.Background(), "acme", "portal", 7, tt.marker, "body")
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want %q", err, tt.wantErr)
			}
			if n := len(s.Requests()); n != 0 {
				t.Errorf("%d requests, want 0", n)
			}
		})
	}
}
