package probeauth

import "fmt"

// tally counts how the target answered, to tell a target that refuses
// every request (a WAF or maintenance page) from one that was probed.
type tally struct {
	total, forbidden, throttled, server int
}

func (t *tally) add(status int) {
	t.total++
	switch {
	case status == 403:
		t.forbidden++
	case status == 429:
		t.throttled++
	case status >= 500:
		t.server++
	}
}

// refusesAll says how the target refused every answer it gave, or "" when
// some answer was not a refusal (or nothing was asked).
func (t *tally) refusesAll() string {
	if t.total < 3 {
		return ""
	}
	switch t.total {
	case t.forbidden:
		return fmt.Sprintf("403 to all %d", t.total)
	case t.throttled:
		return fmt.Sprintf("429 to all %d", t.total)
	case t.server:
		return fmt.Sprintf("a server error to all %d", t.total)
	case t.forbidden + t.throttled + t.server:
		return fmt.Sprintf("403, 429 or a server error to all %d", t.total)
	}
	return ""
}
