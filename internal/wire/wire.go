// Package wire holds the primitives of loket's compiled binary forms
// (schedules, centres): varints, strings and counts, written by a Writer
// and read back by a Reader that never panics and never allocates more
// than its input can justify, whatever bytes it is given.
package wire

import (
	"encoding/binary"
	"errors"
	"strconv"
)

// Writer appends values to a byte slice.
type Writer struct{ b []byte }

// Bytes returns what was written.
func (w *Writer) Bytes() []byte { return w.b }

// Uint writes an unsigned varint.
func (w *Writer) Uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }

// Int writes a signed (zigzag) varint.
func (w *Writer) Int(v int64) { w.b = binary.AppendVarint(w.b, v) }

// Byte writes one byte.
func (w *Writer) Byte(v byte) { w.b = append(w.b, v) }

// String writes a length and the bytes of s.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

// Raw writes bytes as they are.
func (w *Writer) Raw(p []byte) { w.b = append(w.b, p...) }

// Seal appends the checksum of everything written, which Open checks.
func (w *Writer) Seal() { w.b = binary.LittleEndian.AppendUint64(w.b, checksum(w.b)) }

// checksum is a 64-bit hash of b in the manner of FNV-1a, eight bytes a
// step (the last step takes what is left, with its length): enough to
// tell damaged or truncated data from what Seal wrote, a few lines where
// hash/crc32 brings 8 KB of tables to a browser, and fast on a compiled
// centre's kilobytes.
func checksum(b []byte) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset) ^ uint64(len(b))
	for len(b) >= 8 {
		h ^= binary.LittleEndian.Uint64(b)
		h *= prime
		h ^= h >> 29
		b = b[8:]
	}
	var last [8]byte
	copy(last[:], b)
	h ^= binary.LittleEndian.Uint64(last[:]) ^ uint64(len(b))<<56
	h *= prime
	return h ^ h>>32
}

// ErrCorrupt is the error of a Reader whose input ended early or held a
// value out of range: a truncated or damaged binary form.
var ErrCorrupt = errors.New("corrupt or truncated data")

// Corrupt returns an error that says what is wrong with data and wraps
// ErrCorrupt.
func Corrupt(what string) error { return corruptError(what) }

type corruptError string

func (e corruptError) Error() string { return string(e) + ": " + ErrCorrupt.Error() }
func (e corruptError) Unwrap() error { return ErrCorrupt }

// Reader reads values from a byte slice. The first problem sticks: every
// later read returns a zero value, and Err reports it.
type Reader struct {
	b   []byte
	s   string // b as one string, so that String returns parts of it
	off int
	err error
}

// Open returns a Reader over data without its last eight bytes, after
// checking that they are the checksum of the rest (see Writer.Seal).
func Open(data []byte) (*Reader, error) {
	if len(data) < 8 {
		return nil, Corrupt("shorter than a checksum")
	}
	body, sum := data[:len(data)-8], binary.LittleEndian.Uint64(data[len(data)-8:])
	if checksum(body) != sum {
		return nil, Corrupt("checksum mismatch")
	}
	return &Reader{b: body, s: string(body)}, nil
}

// NewReader returns a Reader over data, unchecked.
func NewReader(data []byte) *Reader { return &Reader{b: data, s: string(data)} }

// Err returns the first problem met, or nil.
func (r *Reader) Err() error { return r.err }

// Fail records a problem (the first one sticks).
func (r *Reader) Fail(what string) {
	if r.err == nil {
		r.err = Corrupt(what + " at byte " + strconv.Itoa(r.off))
	}
}

// Done records a problem when bytes are left over.
func (r *Reader) Done() {
	if r.err == nil && r.off != len(r.b) {
		r.Fail(strconv.Itoa(len(r.b)-r.off) + " bytes left over")
	}
}

// Uint reads an unsigned varint.
func (r *Reader) Uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.Fail("bad varint")
		return 0
	}
	r.off += n
	return v
}

// Int reads a signed varint.
func (r *Reader) Int() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b[r.off:])
	if n <= 0 {
		r.Fail("bad varint")
		return 0
	}
	r.off += n
	return v
}

// IntIn reads a signed varint that must lie in [lo, hi].
func (r *Reader) IntIn(lo, hi int64) int64 {
	v := r.Int()
	if v < lo || v > hi {
		r.Fail("value " + strconv.FormatInt(v, 10) + " out of range")
		return lo
	}
	return v
}

// UintMax reads an unsigned varint that must be at most max.
func (r *Reader) UintMax(max uint64) uint64 {
	v := r.Uint()
	if v > max {
		r.Fail("value " + strconv.FormatUint(v, 10) + " out of range")
		return 0
	}
	return v
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if r.err != nil {
		return 0
	}
	if r.off >= len(r.b) {
		r.Fail("unexpected end")
		return 0
	}
	r.off++
	return r.b[r.off-1]
}

// Count reads a number of elements that follow, each taking at least
// minBytes bytes: it may not be more than the bytes left can hold, nor
// more than max, so that a damaged count cannot make the caller allocate
// much.
func (r *Reader) Count(minBytes, max int) int {
	v := r.Uint()
	if r.err != nil {
		return 0
	}
	if left := uint64(len(r.b) - r.off); v > uint64(max) || minBytes > 0 && v > left/uint64(minBytes) {
		r.Fail("count " + strconv.FormatUint(v, 10) + " out of range")
		return 0
	}
	return int(v)
}

// String reads a length and as many bytes, at most max.
func (r *Reader) String(max int) string {
	n := r.Count(1, max)
	if r.err != nil {
		return ""
	}
	s := r.s[r.off : r.off+n] // one allocation for the whole input, not one a string
	r.off += n
	return s
}

// Raw reads n bytes as they are (a slice of the input).
func (r *Reader) Raw(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b)-r.off {
		r.Fail("unexpected end")
		return nil
	}
	r.off += n
	return r.b[r.off-n : r.off]
}

// Quoted returns s in double quotes for an error message, cut to its first
// 80 bytes (on a character boundary), without escaping: the query side's
// messages use it instead of strconv.Quote, whose tables would weigh on a
// browser.
func Quoted(s string) string {
	if len(s) > 80 {
		end := 80
		for end > 0 && s[end]&0xC0 == 0x80 {
			end--
		}
		return "\"" + s[:end] + "\"…"
	}
	return "\"" + s + "\""
}
