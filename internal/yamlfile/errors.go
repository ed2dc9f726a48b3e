package yamlfile

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/text"
)

// Error is one problem in a file, with the place where it was found.
type Error struct {
	// File is the file's name as the caller gave it.
	File string
	// Line and Column locate the problem, counting from 1; Column counts
	// characters, not bytes. Both are 0 for a problem that has no place in
	// the file, such as an empty file.
	Line, Column int
	// Path is the field the problem is in, as written in the file:
	// "desks[1].hours". It is empty for a YAML syntax error or a problem of
	// the whole file.
	Path string
	// Msg says what was expected and what was found, in English.
	Msg string
	// Message is Msg in either language (see [Error.In]); nil for an
	// error made without one, which is Msg in every language.
	Message message.Localized
	// Err is the underlying error, if any, such as [ErrTooLarge].
	Err error
}

// Error implements error: "maastricht.yaml:14:9: desks[1].hours: column 7:
// expected a time like 09:00, found "9h"". The line and column are left
// out for a problem of the whole file, the path when there is none.
func (e *Error) Error() string { return Place(e.File, e.Line, e.Column, e.Path, e.Msg) }

// In returns the error in language l, as Error does in English: the
// place as it is, the message in l.
func (e *Error) In(l text.Lang) string {
	msg := e.Msg
	if e.Message != nil {
		msg = e.Message.In(l)
	}
	return Place(e.File, e.Line, e.Column, e.Path, msg)
}

// Place puts a message after its place: "file:line:column: path: msg",
// leaving out the line and column when line is 0, the path when it is
// empty.
func Place(file string, line, col int, path, msg string) string {
	var b strings.Builder
	b.WriteString(file)
	if line > 0 {
		fmt.Fprintf(&b, ":%d:%d", line, col)
	}
	b.WriteString(": ")
	if path != "" {
		b.WriteString(path)
		b.WriteString(": ")
	}
	b.WriteString(msg)
	return b.String()
}

// Unwrap returns the underlying error, or nil.
func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem found in one or more files, sorted by file (in
// the order they were decoded), line and column.
type Errors []*Error

// Error implements error: the errors one per line.
func (es Errors) Error() string { return message.ErrorLines(es) }

// In returns the errors in language l, one per line.
func (es Errors) In(l text.Lang) string { return message.Lines(l, es) }

// Unwrap returns the errors, so that errors.Is and errors.As look into
// each of them.
func (es Errors) Unwrap() []error { return message.Errors(es) }

// sort sorts es by line and column, keeping the order of errors at the
// same place.
func (es Errors) sort() {
	slices.SortStableFunc(es, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}
