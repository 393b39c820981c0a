package source

import (
	"bufio"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
)

// Zip record signatures and flags used by the local-header reader.
const (
	localHeaderSig   = 0x04034b50
	descriptorSig    = 0x08074b50
	localHeaderLen   = 30
	flagEncrypted    = 0x1
	flagDescriptor   = 0x8
	methodStore      = 0
	methodDeflate    = 8
	zip64ExtraID     = 0x0001
	unknown32BitSize = 0xffffffff
)

// zipLocal reads a zip archive front to back by its local file headers,
// for archives whose central directory is gone. It stops at the first
// record it cannot place: damage, the central directory, or a stored
// member of unknown length (its end can only be found by guessing). It
// returns how many members it read and where it stopped, for the Problem
// the caller records, and only errors that end the walk or the archive.
func (w *walker) zipLocal(name string, ra io.ReaderAt, size int64, depth int, b *budget) (read int, stop string, err error) {
	off := int64(0)
	for n := 0; ; n++ {
		if err := w.ctx.Err(); err != nil {
			return n, "", err
		}
		if n >= w.opts.MaxEntries {
			return n, fmt.Sprintf("stopped at the limit of %d members", w.opts.MaxEntries), nil
		}
		var h [localHeaderLen]byte
		if _, err := ra.ReadAt(h[:], off); err != nil || binary.LittleEndian.Uint32(h[0:]) != localHeaderSig {
			return n, "stopped where no member header follows", nil
		}
		flags := binary.LittleEndian.Uint16(h[6:])
		method := binary.LittleEndian.Uint16(h[8:])
		csize := int64(binary.LittleEndian.Uint32(h[18:]))
		nameLen := int64(binary.LittleEndian.Uint16(h[26:]))
		extraLen := int64(binary.LittleEndian.Uint16(h[28:]))
		meta := make([]byte, nameLen+extraLen)
		if _, err := ra.ReadAt(meta, off+localHeaderLen); err != nil {
			return n, "stopped at a cut member header", nil
		}
		rawName := string(meta[:nameLen])
		zip64 := false
		if c, ok := zip64Compressed(meta[nameLen:]); ok && csize == unknown32BitSize {
			csize, zip64 = c, true
		}
		start := off + localHeaderLen + nameLen + extraLen
		descriptor := flags&flagDescriptor != 0
		if flags&flagEncrypted != 0 || (method != methodDeflate && (method != methodStore || descriptor)) {
			return n, fmt.Sprintf("stopped at %s!%s, which cannot be read without the central directory (encrypted or of unknown length)", name, rawNameOrSafe(rawName)), nil
		}
		section := io.NewSectionReader(ra, start, max(size-start, 0))
		consumed := &byteCounter{br: bufio.NewReader(section)}
		var body io.Reader
		switch {
		case method == methodStore:
			body = io.LimitReader(consumed, csize)
		case descriptor:
			// Of unknown compressed size: its data ends where the deflate
			// stream does, which only inflating it finds. The total budget
			// bounds that.
			body = flate.NewReader(consumed)
		default:
			body = flate.NewReader(io.LimitReader(consumed, csize))
		}
		body = &budgetReader{r: body, b: b, limit: w.opts.MaxTotalBytes}
		where := name + "!" + rawNameOrSafe(rawName)
		var merr error
		if !strings.HasSuffix(rawName, "/") {
			var escapes bool
			where, escapes = w.memberPath(name, rawName)
			if escapes {
				w.traversal(where, rawName)
			}
			merr = w.member(where, body, -1, depth, b)
		}
		if merr == nil && descriptor {
			// The next header follows this member's data, so whatever the
			// member left unread is read through, within the total budget.
			_, merr = io.Copy(io.Discard, body)
		}
		if merr != nil {
			if fatal := w.fatal(merr); fatal != nil {
				return n, "", locate(fatal, where)
			}
			return n, fmt.Sprintf("stopped in %s (%v)", where, merr), nil
		}
		if !descriptor {
			off = start + csize
			continue
		}
		off = start + consumed.n + descriptorLen(ra, start+consumed.n, zip64)
	}
}

// rawNameOrSafe gives a member's name for a Problem without flagging
// traversal a second time.
func rawNameOrSafe(raw string) string {
	name, _ := memberName(raw)
	return name
}

// zip64Compressed reads the compressed size from a zip64 extra field,
// which a local header carries as uncompressed size then compressed size.
func zip64Compressed(extra []byte) (int64, bool) {
	for len(extra) >= 4 {
		id := binary.LittleEndian.Uint16(extra[0:])
		n := int(binary.LittleEndian.Uint16(extra[2:]))
		extra = extra[4:]
		if n > len(extra) {
			return 0, false
		}
		if id == zip64ExtraID && n >= 16 {
			c := binary.LittleEndian.Uint64(extra[8:])
			if c > 1<<62 {
				return 0, false
			}
			return int64(c), true
		}
		extra = extra[n:]
	}
	return 0, false
}

// descriptorLen is the size of the data descriptor at off: CRC and two
// sizes of 4 bytes (8 with zip64), with an optional leading signature.
func descriptorLen(ra io.ReaderAt, off int64, zip64 bool) int64 {
	n := int64(12)
	if zip64 {
		n = 20
	}
	var sig [4]byte
	if _, err := ra.ReadAt(sig[:], off); err == nil && binary.LittleEndian.Uint32(sig[:]) == descriptorSig {
		n += 4
	}
	return n
}

// byteCounter counts the bytes a decompressor takes. It is an
// io.ByteReader, so flate reads exactly the compressed stream and no
// further, which is what locates the next header.
type byteCounter struct {
	br *bufio.Reader
	n  int64
}

func (c *byteCounter) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *byteCounter) ReadByte() (byte, error) {
	b, err := c.br.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}
