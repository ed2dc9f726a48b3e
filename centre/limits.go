package centre

import (
	"errors"

	"github.com/expatcentre/loket/internal/yamlfile"
)

// DefaultMaxSize is the largest centre file, in bytes, that [Load]
// accepts: 1 MiB, about seventy times the Maastricht file. Use
// [LoadWithLimits] to accept larger files.
const DefaultMaxSize = yamlfile.DefaultMaxSize

// MaxDepth is how deeply lists and mappings may nest in a centre file. A
// centre file nests about 6 deep (desks, a desk, its recurrences, one of
// them, its reason, the text in Dutch); a file nested deeper is refused
// before it is parsed, because the cost of parsing YAML grows with the
// square of the depth.
const MaxDepth = yamlfile.MaxDepth

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

// LoadWithLimits is [Load] with limits other than the defaults.
func LoadWithLimits(filename string, data []byte, lim Limits) (*Centre, error) {
	d := &decoder{yamlfile.NewDecoder(filename, data, centreFormat(lim.MaxSize))}
	var c *Centre
	if doc, ok := d.Parse(); ok {
		c = d.compile(d.centre(doc))
	}
	if errs := d.Errors(); len(errs) > 0 {
		return nil, centreErrors(errs)
	}
	return c, nil
}
