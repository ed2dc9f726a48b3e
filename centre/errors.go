package centre

import (
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/internal/yamlfile"
	"github.com/expatcentre/loket/text"
)

// Error is one problem in a centre file, with the place where it was found.
type Error struct {
	// File is the file name given to Load.
	File string
	// Line and Column locate the problem, counting from 1; Column counts
	// characters, not bytes. Both are 0 for a problem that has no place in
	// the file: an empty file, or (Path "time_zone") a machine whose zone
	// database lacks the default zone, Europe/Amsterdam.
	Line, Column int
	// Path is the field the problem is in, as written in the file:
	// "desks[1].hours", "holidays.closed_on.ids[0]". It is empty for a
	// YAML syntax error or a problem of the whole file.
	Path string
	// Msg says what was expected and what was found, in English; In
	// gives the error in either language.
	Msg string
	// Err is the underlying error, if any: a *osm.SyntaxError for a
	// malformed opening_hours expression or hours, a *osm.LayerError
	// for a recurrence the schedule refused, [ErrTooLarge] for a file
	// over the size limit.
	Err error

	msg message.Localized // Msg in either language; nil: Msg in both
}

// Error implements error: "maastricht.yaml:14:9: desks[1].hours: column 7:
// expected a time like 09:00, found "9h"". The line and column are left
// out for a problem of the whole file, the path when there is none.
func (e *Error) Error() string { return yamlfile.Place(e.File, e.Line, e.Column, e.Path, e.Msg) }

// In returns the error in language l: the place as Error writes it, and
// the message in l, with the error of the opening_hours compiler that it
// reports, if any, in l too: "maastricht.yaml:14:9: desks[1].hours:
// kolom 7: verwacht een tijd zoals 09:00, gevonden: "9h"". What the file
// holds is quoted as written. An Error made without Load has its Msg in
// every language.
func (e *Error) In(l text.Lang) string {
	msg := e.Msg
	if e.msg != nil {
		msg = e.msg.In(l)
	}
	return yamlfile.Place(e.File, e.Line, e.Column, e.Path, msg)
}

// Unwrap returns the underlying error, or nil.
func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem found in one centre file, sorted by line and
// column (problems of the whole file first). Load returns it as its error;
// use errors.As to get at it.
type Errors []*Error

// Error implements error: the errors one per line.
func (es Errors) Error() string { return message.ErrorLines(es) }

// In returns the errors in language l, one per line (see [Error.In]).
func (es Errors) In(l text.Lang) string { return message.Lines(l, es) }

// Unwrap returns the errors, so that errors.Is and errors.As look into
// each of them.
func (es Errors) Unwrap() []error { return message.Errors(es) }

// centreErrors returns the errors of the decoder as the package's own
// type, with [ErrTooLarge] as the underlying error of a file beyond the size
// limit.
func centreErrors(ys yamlfile.Errors) Errors {
	es := make(Errors, len(ys))
	for i, y := range ys {
		e := Error{File: y.File, Line: y.Line, Column: y.Column, Path: y.Path, Msg: y.Msg, Err: y.Err, msg: y.Message}
		if e.Err == yamlfile.ErrTooLarge {
			e.Err = ErrTooLarge
		}
		es[i] = &e
	}
	return es
}
