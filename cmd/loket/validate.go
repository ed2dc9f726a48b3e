package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
)

// runValidate is "loket validate": check centre files, printing every
// error of each, or a one-line summary of each file that loads.
func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: loket validate [-lang en|nl] FILE...

Check centre files (see examples/centres/maastricht.yaml). For a file that
loads, print a summary line; for one that does not, print every error as
file:line:column: field: message, on standard error. Exit status 1 when
any file has an error or cannot be read.

Flags:
`)
		fs.PrintDefaults()
	}
	lang := fs.String("lang", "en", "`language` of the summary lines: en or nl")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *lang != "en" && *lang != "nl" {
		fmt.Fprintf(stderr, "loket validate: -lang %q: want en or nl\n", *lang)
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
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "loket validate: %v\n", err)
			code = 1
			continue
		}
		c, err := centre.Load(name, data)
		if err != nil {
			fmt.Fprintln(stderr, err)
			code = 1
			continue
		}
		fmt.Fprintln(stdout, p.T("centre.validate_ok", map[string]any{
			"File": name, "ID": c.ID, "Count": len(c.Desks), "Zone": c.Location.String(),
		}))
	}
	return code
}
