package centre

import (
	"errors"
	"fmt"
)

// DefaultMaxSize is the largest centre file, in bytes, that [Load]
// accepts: 1 MiB, about seventy times the Maastricht file. Use
// [LoadWithLimits] to accept larger files.
const DefaultMaxSize = 1 << 20

// MaxDepth is how deeply lists and mappings may nest in a centre file. A
// centre file nests about 6 deep (desks, a desk, its recurrences, one of
// them, its reason, the text in Dutch); a file nested deeper is refused
// before it is parsed, because the cost of parsing YAML grows with the
// square of the depth.
const MaxDepth = 100

// tokensPerByte is how many bytes of the size limit each YAML token may
// take at least: a file may hold MaxSize/tokensPerByte tokens. Parsing
// costs up to about 1 KB of memory per token, a real centre file has one
// token per 14 bytes or so.
const tokensPerByte = 16

// maxBlankLines is the most blank lines in a row a file may have: the YAML
// parser takes time that grows with the square of the number of blank
// lines that end a block scalar ("|" or ">").
const maxBlankLines = 20

// maxKeys is the most keys a block mapping may have: the YAML parser
// takes time that grows with their square.
const maxKeys = 200

// ErrTooLarge is the underlying error (the Err of the [Error]) when a file
// is larger than the size limit, or holds more YAML tokens than a file
// of that size may: raising [Limits.MaxSize] lets it through.
var ErrTooLarge = errors.New("centre file too large")

// Limits bound what [LoadWithLimits] accepts, so that no file can make
// loading slow or take much memory. The zero value is the defaults.
//
// A file is refused before it is parsed, with one error that gives the
// place, when it is larger than MaxSize; when it holds more than one YAML
// token (a key, a value, a dash, a comma, a bracket, a comment) per 16
// bytes of MaxSize, 65536 tokens by default (the Maastricht file has one
// per 11 bytes: a file like it reaches this limit at about 700 KB); when
// its lists and mappings nest more than [MaxDepth] deep; when a mapping
// has more than 200 keys; when it starts with a byte-order mark, is not
// UTF-8, holds a control character other than a tab or a line break, or
// has more than 20 blank lines in a row. Only MaxSize can be raised.
//
// A file is refused after it is parsed when it has more than 100 desks,
// 1000 services, 1000 extra closures, a desk with more than 1000
// exceptions, or more than 32 recurrences in all its desks (as many as one
// schedule takes, osm.MaxRecurrences): each desk's schedule holds
// every extra closure, and each recurrence is expanded over the whole
// range of years.
type Limits struct {
	// MaxSize is the largest file in bytes; 0 (or less) means
	// DefaultMaxSize. Loading a file allocates up to about 50 times
	// MaxSize.
	MaxSize int
}

// maxSize returns the size limit in bytes.
func (l Limits) maxSize() int {
	if l.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return l.MaxSize
}

// maxTokens returns the most YAML tokens a file may hold.
func (l Limits) maxTokens() int {
	return max(l.maxSize()/tokensPerByte, 1)
}

// LoadWithLimits is [Load] with limits other than the defaults.
func LoadWithLimits(filename string, data []byte, lim Limits) (*Centre, error) {
	d := &decoder{file: filename, src: data}
	var c *Centre
	if d.checkInput(lim) {
		if doc, ok := d.parse(); ok {
			c = d.compile(d.centre(doc))
		}
	}
	if len(d.errs) > 0 {
		d.errs.sort()
		return nil, d.errs
	}
	return c, nil
}

// size says n bytes for a message: "1 MiB (1048576 bytes)", "1000 bytes".
func size(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB (%d bytes)", n>>20, n)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB (%d bytes)", n>>10, n)
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}
