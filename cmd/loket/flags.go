package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
)

// instantAndWeek reads the -at and -week flags shared by hours and osm: the
// instant (now when atFlag is empty) in loc, and the Monday of the week to
// show (the week of weekFlag, else of the instant). The error names the flag
// and the form expected.
func instantAndWeek(atFlag, weekFlag string, loc *time.Location) (time.Time, date.Date, error) {
	at := time.Now().In(loc)
	if atFlag != "" {
		t, err := time.Parse(time.RFC3339, atFlag)
		if err != nil {
			return time.Time{}, 0, fmt.Errorf("-at %q: want an RFC 3339 instant like 2026-12-22T10:00:00+01:00", atFlag)
		}
		at = t.In(loc)
	}
	day := date.NewAt(at)
	if weekFlag != "" {
		t, err := time.Parse("2006-01-02", weekFlag)
		if err != nil {
			return time.Time{}, 0, fmt.Errorf("-week %q: want a date like 2026-12-21", weekFlag)
		}
		day = date.NewAt(t)
	}
	return at, day - date.Date((int(day.Weekday())+6)%7), nil
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// loadCentre reads the -centre flag shared by the commands that show a
// centre: the built-in Maastricht centre when file is empty, else the file.
// On failure it prints the problem (every error of the file) to stderr,
// prefixed with the command's name for I/O errors, and returns false.
func loadCentre(cmd, file string, stderr io.Writer) (*centre.Centre, bool) {
	if file == "" {
		return centre.Default(), true
	}
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "loket %s: %v\n", cmd, err)
		return nil, false
	}
	c, err := centre.Load(filepath.Base(file), data)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, false
	}
	return c, true
}
