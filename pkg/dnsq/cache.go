package dnsq

import (
	"context"
	"errors"
)

// cacheKey is one question: a normalised name and a type.
type cacheKey struct {
	name  string
	qtype uint16
}

// cacheEntry holds the outcome of one question. done is closed when rep
// and err are set; callers asking the same question meanwhile wait on it
// instead of sending a second query.
type cacheEntry struct {
	done chan struct{}
	rep  *reply
	err  error
}

// maxWaits bounds how many times a caller waits again after the caller
// that was asking for it gave up (its context ended).
const maxWaits = 4

// cachedQuery is query through the cache. Answers and server failures
// are kept for the client's lifetime; a query cut short by its caller's
// context is forgotten, so the next caller asks again.
func (c *Client) cachedQuery(ctx context.Context, name string, qtype uint16) (*reply, error) {
	k := cacheKey{name, qtype}
	for wait := 0; ; wait++ {
		c.mu.Lock()
		e, ok := c.cache[k]
		if !ok {
			e = &cacheEntry{done: make(chan struct{})}
			c.cache[k] = e
			c.mu.Unlock()
			e.rep, e.err = c.query(ctx, name, qtype)
			if cutShort(e.err) {
				c.mu.Lock()
				delete(c.cache, k)
				c.mu.Unlock()
			}
			close(e.done)
			return e.rep, e.err
		}
		c.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, &QueryError{Query: queryLabel(name, qtype), Err: ctx.Err()}
		}
		if cutShort(e.err) && ctx.Err() == nil && wait < maxWaits {
			continue
		}
		return e.rep, e.err
	}
}

// cutShort reports whether err came from a caller's context rather than
// from the servers.
func cutShort(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
