package main

import (
	"flag"
	"fmt"
	"io"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/excerpt"
)

// runValidate is "loket validate": check centre files, printing every
// error of each, or a one-line summary of each file that loads.
func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: loket validate [-lang en|nl] [-max-size SIZE] FILE...

Check centre files (see examples/centres/maastricht.yaml). For a file that
loads, print a summary line; for one that does not, print every error as
file:line:column: field: message, on standard error. Exit status 1 when
any file has an error or cannot be read, 2 for bad usage.

A centre file is a regular file of at most %s (-max-size raises the
limit), UTF-8 without a byte-order mark, with lists and mappings nested at
most %d deep; a file beyond these limits gets one error and is not parsed.

Flags:
`, defaultMaxSize(), centre.MaxDepth)
		fs.PrintDefaults()
	}
	lang := fs.String("lang", "en", "`language` of the summary lines: en or nl")
	maxSize := addMaxSizeFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *lang != "en" && *lang != "nl" {
		fmt.Fprintf(stderr, "loket validate: -lang %s: want en or nl\n", excerpt.Quote(*lang))
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, "loket validate: no files given\n\n")
		fs.Usage()
		return 2
	}
	p := i18n.NewPrinter(language.Make(*lang))
	code := 0
	for _, name := range fs.Args() {
		data, err := readCentreFile(name, int(*maxSize))
		if err != nil {
			fmt.Fprintf(stderr, "loket validate: %v\n", err)
			code = 1
			continue
		}
		c, err := centre.LoadWithLimits(name, data, centre.Limits{MaxSize: int(*maxSize)})
		if err != nil {
			fmt.Fprintln(stderr, centreError(err))
			code = 1
			continue
		}
		fmt.Fprintln(stdout, p.T("centre.validate_ok", map[string]any{
			"File": name, "ID": c.ID, "Count": len(c.Desks), "Zone": c.Location.String(),
		}))
	}
	return code
}
