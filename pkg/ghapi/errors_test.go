package ghapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/launchgate/launchgate/pkg/ghapi/ghapitest"
)

func TestErrorKinds(t *testing.T) {
	tests := []struct {
		name string
		// setup puts the fake into a failure mode.
		setup          func(s *ghapitest.Server)
		seedSticky     bool
		wantPermission bool
		wantRateLimit  bool
		wantInError    string
	}{
		{
			name:           "fork token cannot create",
			setup:          func(s *ghapitest.Server) { s.SetReadOnly(true) },
			wantPermission: true,
			wantInError:    "GitHub API POST /repos/acme/portal/issues/7/comments: 403 Forbidden: Resource not accessible by integration",
		},
		{
			name:           "fork token cannot update",
			setup:          func(s *ghapitest.Server) { s.SetReadOnly(true) },
			seedSticky:     true,
			wantPermission: true,
			wantInError:    "GitHub API PATCH /repos/acme/portal/issues/comments/",
		},
		{
			name:           "404 on write",
			setup:          func(s *ghapitest.Server) { s.FailRequests(http.MethodPost, http.StatusNotFound, "Not Found") },
			wantPermission: true,
			wantInError:    "POST /repos/acme/portal/issues/7/comments: 404 Not Found",
		},
		{
			name:        "404 on read",
			setup:       func(s *ghapitest.Server) { s.FailRequests(http.MethodGet, http.StatusNotFound, "Not Found") },
			wantInError: "GET /repos/acme/portal/issues/7/comments: 404 Not Found",
		},
		{
			name:          "primary rate limit",
			setup:         func(s *ghapitest.Server) { s.SetRateLimited(true) },
			wantRateLimit: true,
			wantInError:   "403 Forbidden: API rate limit exceeded",
		},
		{
			name:          "secondary rate limit",
			setup:         func(s *ghapitest.Server) { s.SetSecondaryRateLimited(true) },
			wantRateLimit: true,
			wantInError:   "secondary rate limit",
		},
		{
			name:          "429",
			setup:         func(s *ghapitest.Server) { s.FailRequests("", http.StatusTooManyRequests, "Too many requests") },
			wantRateLimit: true,
			wantInError:   "429 Too Many Requests",
		},
		{
			name:        "server error",
			setup:       func(s *ghapitest.Server) { s.FailRequests("", http.StatusBadGateway, "Server Error") },
			wantInError: "502 Bad Gateway",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, c := newFake(t)
			if tt.seedSticky {
				s.AddComment("acme", "portal", 7, "github-actions[bot]", marker+"\nold")
			}
			tt.setup(s)
			_, err := c.UpsertComment(context.Background(), "acme", "portal", 7, marker, "body")
			if err == nil {
				t.Fatal("no error")
			}
			if got := IsPermission(err); got != tt.wantPermission {
				t.Errorf("IsPermission = %v, want %v (%v)", got, tt.wantPermission, err)
			}
			if got := IsRateLimit(err); got != tt.wantRateLimit {
				t.Errorf("IsRateLimit = %v, want %v (%v)", got, tt.wantRateLimit, err)
			}
			if !strings.Contains(err.Error(), tt.wantInError) {
				t.Errorf("error %q does not contain %q", err, tt.wantInError)
			}
			wrapped := fmt.Errorf("post scorecard: %w", err)
			if IsPermission(wrapped) != tt.wantPermission || IsRateLimit(wrapped) != tt.wantRateLimit {
				t.Error("classification lost through %w wrapping")
			}
			if len(s.Comments("acme", "portal", 7)) > 1 {
				t.Error("a failed upsert left an extra comment")
			}
		})
	}
}

func TestPlainErrorsAreNeitherKind(t *testing.T) {
	for _, err := range []error{nil, errors.New("boom"), context.Canceled} {
		if IsPermission(err) || IsRateLimit(err) {
			t.Errorf("%v classified as permission or rate limit", err)
		}
	}
}

func TestTokenNeverInErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(s *ghapitest.Server) (apiURL string)
	}{
		{
			name: "bad credentials",
			setup: func(s *ghapitest.Server) string {
				s.RequireToken("ghs_someOtherToken")
				return s.URL()
			},
		},
		{
			name: "server echoes the token",
			setup: func(s *ghapitest.Server) string {
				s.FailRequests("", http.StatusBadRequest, "bad header Bearer "+testToken)
				return s.URL()
			},
		},
		{
			name: "nothing listening",
			setup: func(s *ghapitest.Server) string {
				return "http://127.0.0.1:1/"
			},
		},
		{
			name: "token-like path in the API URL",
			setup: func(s *ghapitest.Server) string {
				return "http://127.0.0.1:1/" + testToken
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ghapitest.New(t)
			s.RequireToken(testToken)
			apiURL := tt.setup(s)
			c, err := New(testToken, apiURL, &http.Client{Timeout: 5 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			_, ferr := c.ChangedFiles(ctx, "acme", "portal", 7)
			_, cerr := c.UpsertComment(ctx, "acme", "portal", 7, marker, "x")
			for _, err := range []error{ferr, cerr} {
				if err == nil {
					t.Fatal("no error")
				}
				for e := err; e != nil; e = errors.Unwrap(e) {
					if strings.Contains(e.Error(), testToken) {
						t.Errorf("error text shows the token: %q", e.Error())
					}
				}
				if strings.Contains(err.Error(), testToken) {
					t.Errorf("error shows the token: %q", err)
				}
				if !strings.Contains(err.Error(), "/repos/acme/portal/") {
					t.Errorf("error %q does not name the endpoint", err)
				}
			}
		})
	}
}
