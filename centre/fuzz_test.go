package centre_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/examples/centres"
)

// FuzzLoad checks that Load never panics, and returns either a centre or
// errors that each name a place in the file (or the whole file).
func FuzzLoad(f *testing.F) {
	f.Add(centres.Maastricht())
	files, _ := filepath.Glob("testdata/*/*.yaml")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := centre.Load("fuzz.yaml", data)
		if err == nil {
			if c == nil || len(c.Desks) == 0 || c.Location == nil {
				t.Fatalf("Load returned %+v and no error", c)
			}
			return
		}
		if c != nil {
			t.Fatalf("Load returned a centre with the error %v", err)
		}
		var errs centre.Errors
		if !errors.As(err, &errs) || len(errs) == 0 {
			t.Fatalf("error %v (%T), want centre.Errors", err, err)
		}
		for _, e := range errs {
			fileLevel := e.Line == 0 && e.Column == 0 && (e.Path == "" || e.Path == "time_zone")
			if !fileLevel && (e.Line <= 0 || e.Column <= 0) || e.Msg == "" || e.File != "fuzz.yaml" {
				t.Fatalf("error without a place: %#v", e)
			}
		}
	})
}
