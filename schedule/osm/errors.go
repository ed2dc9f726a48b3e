package osm

import (
	"fmt"

	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/text"
)

// Layer names the layer of a schedule that a LayerError is about.
type Layer uint8

const (
	// LayerExceptions: the exceptions of WithExceptions.
	LayerExceptions Layer = iota + 1
	// LayerRecurrences: the recurrences of WithRecurrences.
	LayerRecurrences
	// LayerClosures: the holiday closures of WithHolidayClosures.
	LayerClosures
)

// String returns "exceptions", "recurrences" or "closures".
func (l Layer) String() string {
	switch l {
	case LayerExceptions:
		return "exceptions"
	case LayerRecurrences:
		return "recurrences"
	case LayerClosures:
		return "closures"
	}
	return fmt.Sprintf("Layer(%d)", uint8(l))
}

// LayerError reports a malformed exception, recurrence or closure passed
// as an option, with its index (from 0) in the option's list and its
// field.
type LayerError struct {
	Layer Layer
	Index int
	Field string // "hours", "rrule", "dates", "ids", "kinds"
	Err   error
}

// Error implements error: "exceptions[1].dates: overlaps exception 0 (...)".
func (e *LayerError) Error() string { return e.In(text.English) }

// In returns the error in language l, Err in l too when it words itself
// (the errors of Parse do): "exceptions[1].dates: overlapt uitzondering 0
// (...)". The layer, index and field are written as in English.
func (e *LayerError) In(l text.Lang) string {
	return fmt.Sprintf("%s[%d].%s: %s", e.Layer, e.Index, e.Field, message.In(l, e.Err))
}

// Unwrap returns the underlying error.
func (e *LayerError) Unwrap() error { return e.Err }

// Errors is every problem Parse found, in order: a *SyntaxError for the
// expression (at most one), then a *LayerError for each malformed
// closure, exception and recurrence, each layer in the order of its list.
// Use errors.As to reach one of them.
type Errors []error

// Error implements error: the errors, one per line.
func (es Errors) Error() string { return message.ErrorLines(es) }

// In returns the errors in language l, one per line.
func (es Errors) In(l text.Lang) string { return message.Lines(l, es) }

// Unwrap returns the errors, so that errors.Is and errors.As look into
// each of them.
func (es Errors) Unwrap() []error { return es }
