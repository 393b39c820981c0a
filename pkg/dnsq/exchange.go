package dnsq

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/miekg/dns"
)

// reply is one server's usable answer (NOERROR or NXDOMAIN) to one query.
type reply struct {
	msg       *dns.Msg
	server    string
	truncated bool
	viaTCP    bool
}

// query asks the servers in order for name and qtype, without the cache
// and without following CNAMEs. A server that times out (after its
// retries), cannot be reached, sends garbage, or answers SERVFAIL,
// REFUSED or another error code is passed over for the next.
func (c *Client) query(ctx context.Context, name string, qtype uint16) (*reply, error) {
	label := queryLabel(name, qtype)
	qe := &QueryError{Query: label}
	for _, server := range c.servers {
		rep, a, err := c.askServer(ctx, server, name, qtype)
		if err != nil {
			// Budget and context errors end the query, whatever servers
			// are left.
			qe.Err = err
			if errors.Is(err, ErrBudget) {
				qe.Detail = fmt.Sprintf("query budget of %d spent", c.opts.MaxQueries)
			}
			return nil, qe
		}
		if rep != nil {
			return rep, nil
		}
		qe.Attempts = append(qe.Attempts, a)
		qe.Err = a.Err
	}
	return nil, qe
}

// askServer asks one server: UDP with retries on timeout, then TCP when
// the UDP reply is truncated. It returns a usable reply, or the attempt
// that failed, or an error (budget, context) that ends the query.
func (c *Client) askServer(ctx context.Context, server, name string, qtype uint16) (*reply, Attempt, error) {
	q := newQuery(name, qtype)
	packed, err := q.Pack()
	if err != nil {
		return nil, Attempt{}, fmt.Errorf("%w: packing the query: %v", ErrName, err)
	}
	var msg *dns.Msg
	for try := 0; ; try++ {
		raw, err := c.send(ctx, "udp", server, name, qtype, packed)
		if errors.Is(err, errAttemptTimeout) {
			if try < c.opts.Retries {
				continue
			}
			return nil, Attempt{Server: server, Err: ErrTimeout,
				Detail: fmt.Sprintf("did not answer within %v (%d attempts over UDP)", c.opts.Timeout, try+1)}, nil
		}
		if a, stop, end := failure(server, err); end != nil || stop {
			return nil, a, end
		}
		if msg, err = parseReply(q, raw); err != nil {
			return nil, Attempt{Server: server, Err: ErrMalformed, Detail: "sent a malformed reply: " + err.Error()}, nil
		}
		break
	}
	rep := &reply{msg: msg, server: server}
	if msg.Truncated {
		rep.truncated, rep.viaTCP = true, true
		raw, err := c.send(ctx, "tcp", server, name, qtype, packed)
		if errors.Is(err, errAttemptTimeout) {
			return nil, Attempt{Server: server, Err: ErrTimeout,
				Detail: fmt.Sprintf("truncated its UDP answer and did not answer over TCP within %v", c.opts.Timeout)}, nil
		}
		if a, stop, end := failure(server, err); end != nil || stop {
			return nil, a, end
		}
		if rep.msg, err = parseReply(q, raw); err != nil {
			return nil, Attempt{Server: server, Err: ErrMalformed, Detail: "sent a malformed TCP reply: " + err.Error()}, nil
		}
	}
	switch rc := rep.msg.Rcode; rc {
	case dns.RcodeSuccess, dns.RcodeNameError:
		return rep, Attempt{}, nil
	case dns.RcodeServerFailure:
		return nil, Attempt{Server: server, Err: ErrServFail, Detail: "answered SERVFAIL"}, nil
	case dns.RcodeRefused:
		return nil, Attempt{Server: server, Err: ErrRefused, Detail: "answered REFUSED"}, nil
	default:
		return nil, Attempt{Server: server, Err: ErrRcode, Detail: "answered " + rcodeName(rc)}, nil
	}
}

// failure sorts a send error: nil means go on; a context or budget error
// ends the query (end); anything else fails this server (stop).
func failure(server string, err error) (a Attempt, stop bool, end error) {
	switch {
	case err == nil:
		return Attempt{}, false, nil
	case errors.Is(err, ErrBudget), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return Attempt{}, true, err
	case errors.Is(err, ErrMalformed):
		return Attempt{Server: server, Err: ErrMalformed, Detail: "sent a malformed reply: " + err.Error()}, true, nil
	default:
		return Attempt{Server: server, Err: ErrNetwork, Detail: "could not be reached: " + err.Error()}, true, nil
	}
}

// send spends one query of the budget, sends the packet and logs it.
func (c *Client) send(ctx context.Context, proto, server, name string, qtype uint16, packed []byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !c.spend() {
		return nil, ErrBudget
	}
	start := time.Now()
	raw, err := roundTrip(ctx, proto, server, packed, c.opts.Timeout)
	outcome := "error"
	switch {
	case err == nil && len(raw) >= 4:
		outcome = rcodeName(int(raw[3] & 0x0f))
		if raw[2]&tcBit != 0 {
			outcome += " TC"
		}
	case errors.Is(err, errAttemptTimeout):
		outcome = "timeout"
	case err != nil && ctx.Err() != nil:
		outcome = "cancelled"
	}
	c.record(fmt.Sprintf("%s %s server=%s %s %s %dms", typeName(qtype), name, server, proto, outcome, time.Since(start).Milliseconds()))
	return raw, err
}

// rcodeName is the mnemonic of a response code ("SERVFAIL").
func rcodeName(rc int) string {
	if s, ok := dns.RcodeToString[rc]; ok {
		return s
	}
	return fmt.Sprintf("RCODE%d", rc)
}
