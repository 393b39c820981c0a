package source

import (
	"bufio"
	"compress/flate"
	"encoding/binary"
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
// member of unknown length (its end can only be found by guessing).
func (w *walker) zipLocal(name string, ra io.ReaderAt, size int64, depth int, b *budget) error {
	off := int64(0)
	for n := 0; ; n++ {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if n >= w.opts.MaxEntries {
			w.problem(name, "archive holds more than %d members; only the first %d read", w.opts.MaxEntries, w.opts.MaxEntries)
			return nil
		}
		var h [localHeaderLen]byte
		if _, err := ra.ReadAt(h[:], off); err != nil || binary.LittleEndian.Uint32(h[0:]) != localHeaderSig {
			return nil
		}
		flags := binary.LittleEndian.Uint16(h[6:])
		method := binary.LittleEndian.Uint16(h[8:])
		csize := int64(binary.LittleEndian.Uint32(h[18:]))
		nameLen := int64(binary.LittleEndian.Uint16(h[26:]))
		extraLen := int64(binary.LittleEndian.Uint16(h[28:]))
		meta := make([]byte, nameLen+extraLen)
		if _, err := ra.ReadAt(meta, off+localHeaderLen); err != nil {
			return nil
		}
		rawName := string(meta[:nameLen])
		zip64 := false
		if c, ok := zip64Compressed(meta[nameLen:]); ok && csize == unknown32BitSize {
			csize, zip64 = c, true
		}
		start := off + localHeaderLen + nameLen + extraLen
		descriptor := flags&flagDescriptor != 0
		if flags&flagEncrypted != 0 || (method != methodDeflate && (method != methodStore || descriptor)) {
			w.problem(name+"!"+rawNameOrSafe(rawName), "member cannot be read without the archive's central directory (encrypted or unknown length); stopped here")
			return nil
		}
		section := io.NewSectionReader(ra, start, max(size-start, 0))
		consumed := &byteCounter{br: bufio.NewReader(section)}
		var body io.Reader
		switch {
		case method == methodStore:
			body = io.LimitReader(consumed, csize)
		case descriptor:
			body = &descriptorRatio{r: flate.NewReader(consumed), consumed: consumed, ratio: int64(w.opts.MaxRatio)}
		default:
			body = &capReader{r: flate.NewReader(io.LimitReader(consumed, csize)), left: w.ratioCap(csize), err: errRatio}
		}
		body = &budgetReader{r: body, b: b, limit: w.opts.MaxTotalBytes}
		isDir := strings.HasSuffix(rawName, "/")
		var err error
		mname := ""
		if !isDir {
			mname = w.memberPath(name, rawName)
			err = w.member(mname, body, memberHintCap, depth, b)
		}
		if err == nil {
			// The next header follows this member's data, so whatever
			// member left unread is read through, within the same limits.
			_, err = io.Copy(io.Discard, body)
		}
		if err != nil {
			if mname == "" {
				mname = name + "!" + rawNameOrSafe(rawName)
			}
			stop, _ := w.memberErr(mname, err)
			if stop != nil {
				return stop
			}
			return nil
		}
		switch {
		case !descriptor:
			off = start + csize
		default:
			off = start + consumed.n + descriptorLen(ra, start+consumed.n, zip64)
		}
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

// descriptorRatio watches a member of unknown compressed size against the
// compressed bytes consumed so far.
type descriptorRatio struct {
	r        io.Reader
	consumed *byteCounter
	ratio    int64
	n        int64
}

func (d *descriptorRatio) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	d.n += int64(n)
	if d.n > ratioFloor && d.n > d.ratio*max(d.consumed.n, 1) {
		return n, errRatio
	}
	return n, err
}
