package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
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
// centre: the built-in Maastricht centre when file is empty, else the file,
// a regular file of at most maxSize bytes (the -max-size flag). On failure
// it prints the problem (every error of the file) to stderr, prefixed with
// the command's name for I/O errors, and returns false.
func loadCentre(cmd, file string, maxSize int, stderr io.Writer) (*centre.Centre, bool) {
	if file == "" {
		return centre.Default(), true
	}
	data, err := readCentreFile(file, maxSize)
	if err != nil {
		fmt.Fprintf(stderr, "loket %s: %v\n", cmd, err)
		return nil, false
	}
	c, err := centre.LoadWithLimits(filepath.Base(file), data, centre.Limits{MaxSize: maxSize})
	if err != nil {
		fmt.Fprintln(stderr, centreError(err))
		return nil, false
	}
	return c, true
}

// centreFlags are the flags shared by the commands that show a centre in
// Dutch or English: -centre, -max-size, -lang and -format.
type centreFlags struct {
	centre, lang, format *string
	maxSize              *byteSize
}

// addCentreFlags defines -centre, -max-size, -lang and -format on fs.
func addCentreFlags(fs *flag.FlagSet) centreFlags {
	return centreFlags{
		centre:  fs.String("centre", "", "a centre `file` (default: the built-in Maastricht International Centre)"),
		maxSize: addMaxSizeFlag(fs),
		lang:    fs.String("lang", "", "`language`: nl or en (default from LANG, else the centre's)"),
		format:  fs.String("format", "text", "output `format`: text or json"),
	}
}

// parseCentreCommand parses args into fs (which must have centre flags f),
// checks that no arguments are left and that -lang and -format are valid,
// and loads the centre. It returns the centre, a Printer in the language
// of -lang, LANG or the centre, and whether to go on; when not, code is the
// exit status and the problem has been printed to stderr.
func parseCentreCommand(cmd string, fs *flag.FlagSet, f centreFlags, args []string, stderr io.Writer) (c *centre.Centre, p *i18n.Printer, code int, ok bool) {
	if code, ok := parseFlags(fs, args); !ok {
		return nil, nil, code, false
	}
	fail := func(format string, a ...any) (*centre.Centre, *i18n.Printer, int, bool) {
		fmt.Fprintf(stderr, "loket "+cmd+": "+format+"\n", a...)
		return nil, nil, 2, false
	}
	switch {
	case fs.NArg() > 0:
		return fail("unexpected argument %q: the command takes only flags", fs.Arg(0))
	case *f.lang != "" && *f.lang != "nl" && *f.lang != "en":
		return fail("-lang %q: want nl or en", *f.lang)
	case *f.format != "text" && *f.format != "json":
		return fail("-format %q: want text or json", *f.format)
	}
	if c, ok = loadCentre(cmd, *f.centre, int(*f.maxSize), stderr); !ok {
		return nil, nil, 1, false
	}
	p = i18n.NewPrinter(i18n.Match(language.Make(c.DefaultLanguage), *f.lang, os.Getenv("LANG")))
	return c, p, 0, true
}

// parseFlags parses args into fs. When it returns false the command ends
// with code: 0 after -h (fs has printed the help), 2 after a bad flag (fs
// has printed the error and the usage).
//
// A flag given with an empty value (-at="") is bad usage too: it would
// otherwise mean the flag's default, which is what leaving it out is for.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	var empty *flag.Flag
	fs.Visit(func(f *flag.Flag) {
		if empty == nil && f.Value.String() == "" {
			empty = f
		}
	})
	if empty != nil {
		_, usage := flag.UnquoteUsage(empty)
		if strings.Contains(usage, "(default") {
			usage = "leave it out for its default, or give " + usage
		} else {
			usage = "give " + usage
		}
		fmt.Fprintf(fs.Output(), "loket %s: -%s is empty: %s\n", fs.Name(), empty.Name, usage)
		return 2, false
	}
	return 0, true
}
