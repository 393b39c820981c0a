package source

import (
	"errors"
	"fmt"
	"strings"
)

// segment is one decoded mapping with absolute values; fields is how many
// the map gave (1, 4 or 5).
type segment struct {
	genLine, genCol            int
	src, srcLine, srcCol, name int
	fields                     int
}

const base64Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// base64Values maps a byte to its digit value, or -1.
var base64Values = func() [256]int8 {
	var t [256]int8
	for i := range t {
		t[i] = -1
	}
	for i := range len(base64Digits) {
		t[base64Digits[i]] = int8(i)
	}
	return t
}()

// maxMappingValue keeps decoded values, and sums of them, in int range on
// any platform.
const maxMappingValue = 1 << 30

// decodeMappings turns a mappings string into absolute segments.
func decodeMappings(s string) ([]segment, error) {
	var out []segment
	var prev segment
	for lineNo, line := range strings.Split(s, ";") {
		prev.genCol = 0
		if line == "" {
			continue
		}
		for _, field := range strings.Split(line, ",") {
			if field == "" {
				continue
			}
			vals, err := decodeVLQs(field)
			if err != nil {
				return nil, fmt.Errorf("mappings line %d: %w", lineNo+1, err)
			}
			seg := segment{genLine: lineNo, fields: len(vals)}
			switch len(vals) {
			case 1, 4, 5:
			default:
				return nil, fmt.Errorf("mappings line %d: segment of %d fields", lineNo+1, len(vals))
			}
			prev.genCol += vals[0]
			seg.genCol = prev.genCol
			if len(vals) >= 4 {
				prev.src += vals[1]
				prev.srcLine += vals[2]
				prev.srcCol += vals[3]
				seg.src, seg.srcLine, seg.srcCol = prev.src, prev.srcLine, prev.srcCol
			}
			if len(vals) == 5 {
				prev.name += vals[4]
				seg.name = prev.name
			}
			if outOfRange(prev) {
				return nil, fmt.Errorf("mappings line %d: value out of range", lineNo+1)
			}
			out = append(out, seg)
		}
	}
	return out, nil
}

func outOfRange(s segment) bool {
	for _, v := range []int{s.genCol, s.src, s.srcLine, s.srcCol, s.name} {
		if v < -maxMappingValue || v > maxMappingValue {
			return true
		}
	}
	return false
}

// decodeVLQs reads the base64 VLQ values of one segment.
func decodeVLQs(field string) ([]int, error) {
	var vals []int
	v, shift := 0, 0
	for i := range len(field) {
		d := base64Values[field[i]]
		if d < 0 {
			return nil, fmt.Errorf("bad character %q", field[i])
		}
		v |= int(d&0x1f) << shift
		if d&0x20 != 0 {
			shift += 5
			if shift > 30 {
				return nil, errors.New("value too long")
			}
			continue
		}
		if v&1 != 0 {
			v = -(v >> 1)
		} else {
			v >>= 1
		}
		vals = append(vals, v)
		v, shift = 0, 0
	}
	if shift != 0 {
		return nil, errors.New("value cut short")
	}
	return vals, nil
}

// encodeMappings writes segments, sorted by generated position, as a
// mappings string.
func encodeMappings(segs []segment) string {
	var b strings.Builder
	var prev segment
	line := 0
	first := true
	for _, s := range segs {
		for line < s.genLine {
			b.WriteByte(';')
			line++
			prev.genCol = 0
			first = true
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		writeVLQ(&b, s.genCol-prev.genCol)
		prev.genCol = s.genCol
		if s.fields >= 4 {
			writeVLQ(&b, s.src-prev.src)
			writeVLQ(&b, s.srcLine-prev.srcLine)
			writeVLQ(&b, s.srcCol-prev.srcCol)
			prev.src, prev.srcLine, prev.srcCol = s.src, s.srcLine, s.srcCol
		}
		if s.fields == 5 {
			writeVLQ(&b, s.name-prev.name)
			prev.name = s.name
		}
	}
	return b.String()
}

func writeVLQ(b *strings.Builder, v int) {
	u := v << 1
	if v < 0 {
		u = (-v << 1) | 1
	}
	for {
		d := u & 0x1f
		u >>= 5
		if u > 0 {
			d |= 0x20
		}
		b.WriteByte(base64Digits[d])
		if u == 0 {
			return
		}
	}
}
