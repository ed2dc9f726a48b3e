package message

import (
	"errors"
	"io"
	"testing"

	"github.com/expatcentre/loket/text"
)

// TestLists checks the helpers of lists of errors: one per line, each in
// the language asked when it words itself, verbatim otherwise, and every
// one reachable through errors.Is.
func TestLists(t *testing.T) {
	es := []error{
		Wrap(io.ErrUnexpectedEOF, "errors.yaml.empty", map[string]any{"Expected": "x"}),
		io.EOF,
	}
	if got, want := Lines(text.Dutch, es), "het bestand is leeg: verwacht x\nEOF"; got != want {
		t.Errorf("Lines(nl) = %q, want %q", got, want)
	}
	if got, want := Lines(text.English, es), "the file is empty: expected x\nEOF"; got != want {
		t.Errorf("Lines(en) = %q, want %q", got, want)
	}
	if got, want := ErrorLines(es), "the file is empty: expected x\nEOF"; got != want {
		t.Errorf("ErrorLines = %q, want %q", got, want)
	}
	joined := errors.Join(Errors(es)...)
	for _, target := range []error{io.ErrUnexpectedEOF, io.EOF} {
		if !errors.Is(joined, target) {
			t.Errorf("%v is not reachable", target)
		}
	}
	if Lines[error](text.Dutch, nil) != "" || ErrorLines[error](nil) != "" || len(Errors[error](nil)) != 0 {
		t.Error("an empty list says something")
	}
}
