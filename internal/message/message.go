// Package message is a sentence of loket's message tables not yet put
// into a language: a message id and its data, worded in Dutch or English
// when it is shown. The libraries' errors carry messages, so that an error
// made once, deep in a compiler, is shown in the language of whoever
// reads it; their Error methods give the English wording, as Go's
// convention is.
//
// A low-level package (internal/yamlfile, schedule/osm) only names the
// message and gives its data; the tables of package catalog and
// catalog/more, generated from the go-i18n files in i18n/locales, word it.
// Rendering is catalog.T's: a template of text/template's subset, filled
// from the data, plural by data["Count"].
//
// A value of the data that words itself ([Localized]: a [Message], a
// text.Text, an error of a library) is worded in the same language
// first, so that messages nest: "desks[1].hours: column 7: expected a time
// like 09:00" is a centre file's message around the opening_hours
// compiler's. An error that does not word itself is written with its
// Error method. Text that was written by a user (an excerpt of a value, a
// field path, an expression) is data, and stays as written.
//
// The query side, down to the browser, does not import this package: it
// would link the tables of every area (see internal/catalog/build).
package message

import (
	"strings"

	"github.com/expatcentre/loket/internal/catalog"
	"github.com/expatcentre/loket/internal/catalog/more"
	"github.com/expatcentre/loket/text"
)

// Localized is a text that can be had in either language: a [Message], a
// text.Text, an error that words itself.
type Localized interface {
	In(l text.Lang) string
}

// Message is a message of the tables and its data. The zero Message is no
// message (its ID is empty): see [Message.IsZero].
type Message struct {
	ID   string
	Data map[string]any
}

// New returns the message id with data (which may be nil).
func New(id string, data map[string]any) Message {
	return Message{ID: id, Data: data}
}

// IsZero reports whether m is no message.
func (m Message) IsZero() bool { return m.ID == "" }

// In returns the message in language l: its template filled from its
// data, each value that is [Localized] worded in l first. An id the
// tables lack, or a placeholder missing from the data, is a programming
// error that the tests catch: In then returns the id in brackets.
func (m Message) In(l text.Lang) string {
	data := m.Data
	if len(data) > 0 {
		data = make(map[string]any, len(m.Data))
		for k, v := range m.Data {
			data[k] = Value(l, v)
		}
	}
	if catalog.Has(m.ID) {
		return catalog.T(l, m.ID, data)
	}
	return more.T(l, m.ID, data)
}

// String returns the message in English.
func (m Message) String() string { return m.In(text.English) }

// Value returns v as a value of a message's data in language l: the
// wording of a [Localized] value in l, the text of an error, and v itself
// otherwise.
func Value(l text.Lang, v any) any {
	switch x := v.(type) {
	case Localized:
		return x.In(l)
	case error:
		return x.Error()
	}
	return v
}

// In returns err in language l: its own wording when it is [Localized],
// else its Error text (a third party's error, in English).
func In(l text.Lang, err error) string { return OfError(err).In(l) }

// Error is an error whose text is a message: Error gives it in English,
// In in either language. Err is the error it wraps, for errors.Is and
// errors.As, or nil; it is not part of the text unless the message's
// data holds it.
type Error struct {
	Message
	Err error
}

// NewError returns an *Error of the message id with data.
func NewError(id string, data map[string]any) *Error {
	return &Error{Message: New(id, data)}
}

// Wrap returns an *Error of the message id with data that wraps err.
func Wrap(err error, id string, data map[string]any) *Error {
	return &Error{Message: New(id, data), Err: err}
}

// Error implements error: the message in English.
func (e *Error) Error() string { return e.Message.In(text.English) }

// Unwrap returns the wrapped error, or nil.
func (e *Error) Unwrap() error { return e.Err }

// OfError returns err as a Localized text: err itself when it words
// itself, else its Error text in every language (a third party's error).
func OfError(err error) Localized {
	if lz, ok := err.(Localized); ok {
		return lz
	}
	return verbatim(err.Error())
}

// verbatim is a text that is the same in every language.
type verbatim string

func (v verbatim) In(text.Lang) string { return string(v) }

// Lines returns the errors es one per line, each in language l (see [In]):
// what a list of errors says.
func Lines[E error](l text.Lang, es []E) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = In(l, e)
	}
	return strings.Join(lines, "\n")
}

// ErrorLines returns the Error texts of es, one per line: the Error of a
// list of errors.
func ErrorLines[E error](es []E) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Errors returns es as a []error: the Unwrap of a list of errors, so that
// errors.Is and errors.As look into each of them.
func Errors[E error](es []E) []error {
	errs := make([]error, len(es))
	for i, e := range es {
		errs[i] = e
	}
	return errs
}
