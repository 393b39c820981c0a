package dnsq

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"time"
)

// maxMessage is the largest DNS message (the TCP length prefix is 16 bits).
const maxMessage = 65535

// errAttemptTimeout marks an attempt whose deadline passed without a reply.
var errAttemptTimeout = errors.New("attempt timed out")

// roundTrip sends one packed query to server over proto ("udp" or "tcp")
// and returns the raw reply. It waits at most timeout, and returns at
// once when ctx is done (with ctx's error).
func roundTrip(ctx context.Context, proto, server string, packed []byte, timeout time.Duration) ([]byte, error) {
	deadline := time.Now().Add(timeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	dctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(dctx, proto, server)
	if err != nil {
		return nil, classifyNetErr(ctx, err)
	}
	defer conn.Close()
	// A cancelled ctx ends a blocked read at once; the deadline ends it
	// when the attempt's time is up.
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	if err := conn.SetDeadline(deadline); err != nil {
		return nil, fmt.Errorf("setting a deadline: %w", err)
	}
	if proto == "tcp" {
		return tcpTrip(ctx, conn, packed)
	}
	if _, err := conn.Write(packed); err != nil {
		return nil, classifyNetErr(ctx, err)
	}
	buf := make([]byte, maxMessage)
	n, err := conn.Read(buf)
	if err != nil {
		return nil, classifyNetErr(ctx, err)
	}
	return buf[:n], nil
}

// tcpTrip writes a length-prefixed query on conn and reads one
// length-prefixed reply (RFC 1035 §4.2.2).
func tcpTrip(ctx context.Context, conn net.Conn, packed []byte) ([]byte, error) {
	if len(packed) > maxMessage {
		return nil, fmt.Errorf("query of %d bytes is too long for TCP", len(packed))
	}
	out := make([]byte, 2+len(packed))
	binary.BigEndian.PutUint16(out, uint16(len(packed)))
	copy(out[2:], packed)
	if _, err := conn.Write(out); err != nil {
		return nil, classifyNetErr(ctx, err)
	}
	var lenBuf [2]byte
	if _, err := io.ReadFull(conn, lenBuf[:]); err != nil {
		return nil, classifyNetErr(ctx, err)
	}
	n := int(binary.BigEndian.Uint16(lenBuf[:]))
	if n == 0 {
		return nil, fmt.Errorf("%w: empty TCP message", ErrMalformed)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(conn, buf); err != nil {
		return nil, classifyNetErr(ctx, err)
	}
	return buf, nil
}

// classifyNetErr turns an I/O error into ctx's error when ctx is done,
// errAttemptTimeout when the deadline passed, and ErrNetwork otherwise.
func classifyNetErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return errAttemptTimeout
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: connection closed before a whole reply", ErrMalformed)
	}
	return fmt.Errorf("%w: %v", ErrNetwork, err)
}
