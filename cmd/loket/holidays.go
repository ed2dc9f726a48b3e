package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/schedule/holidays"
)

// runHolidays is "loket holidays": the holidays of one year, as text or
// JSON.
func runHolidays(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("holidays", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: loket holidays [-year YYYY] [-region NL-LI|NL-NB] [-format text|json] [-lang en|nl]

List the Dutch holidays of a year: the public holidays of the Algemene
termijnenwet, Good Friday as an observance and, with -region, carnival.
Flags may also be written with two dashes (--year 2026).

Flags:
`)
		fs.PrintDefaults()
	}
	year := fs.Int("year", 0, fmt.Sprintf("the `year`, %d to %d (default the current year in Europe/Amsterdam)",
		holidays.FirstYear, holidays.LastYear))
	region := fs.String("region", "", "the `province` whose regional holidays to add: NL-LI or NL-NB (default none)")
	format := fs.String("format", "text", "output `format`: text or json")
	lang := fs.String("lang", "en", "`language` of the names and weekdays in text output: en or nl")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "loket holidays: "+format+"\n", a...)
		return 2
	}
	if fs.NArg() > 0 {
		if _, err := strconv.Atoi(fs.Arg(0)); err == nil {
			return fail("unexpected argument %q: for a year, write -year %s", fs.Arg(0), fs.Arg(0))
		}
		return fail("unexpected argument %q: the command takes only flags", fs.Arg(0))
	}

	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if !set["year"] {
		amsterdam, err := time.LoadLocation("Europe/Amsterdam")
		if err != nil {
			fmt.Fprintf(stderr, "loket holidays: %v\n", err)
			return 1
		}
		*year = time.Now().In(amsterdam).Year()
	}
	if *year < holidays.FirstYear || *year > holidays.LastYear {
		return fail("-year %d: want a year from %d to %d", *year, holidays.FirstYear, holidays.LastYear)
	}
	cal, err := holidays.Netherlands(*region)
	if err != nil {
		return fail("-region: %v", err)
	}
	if *format != "text" && *format != "json" {
		return fail("-format %q: want text or json", *format)
	}
	if *lang != "en" && *lang != "nl" {
		return fail("-lang %q: want en or nl", *lang)
	}

	hs := cal.Year(*year)
	if *format == "json" {
		err = writeHolidaysJSON(stdout, hs)
	} else {
		err = writeHolidaysText(stdout, hs, i18n.NewPrinter(language.Make(*lang)))
	}
	if err != nil {
		fmt.Fprintf(stderr, "loket holidays: %v\n", err)
		return 1
	}
	return 0
}

// jsonHoliday is a holiday in the JSON output of loket holidays.
type jsonHoliday struct {
	Date string `json:"date"` // YYYY-MM-DD
	ID   string `json:"id"`
	Kind string `json:"kind"`
	Name struct {
		NL string `json:"nl"`
		EN string `json:"en"`
	} `json:"name"`
	Lustrum bool `json:"lustrum,omitempty"`
}

func writeHolidaysJSON(w io.Writer, hs []holidays.Holiday) error {
	out := make([]jsonHoliday, len(hs))
	for i, h := range hs {
		out[i] = jsonHoliday{Date: h.Date.String(), ID: h.ID, Kind: string(h.Kind), Lustrum: h.Lustrum}
		out[i].Name.NL, out[i].Name.EN = h.Name.NL, h.Name.EN
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeHolidaysText writes one line per holiday: date, weekday, name, kind
// and, for Bevrijdingsdag in a lustrum year, "lustrum". The weekday and name
// are in p's language; the kind is the code of the JSON output.
func writeHolidaysText(w io.Writer, hs []holidays.Holiday, p *i18n.Printer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, h := range hs {
		lustrum := ""
		if h.Lustrum {
			lustrum = "\tlustrum"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\n", h.Date, p.Weekday(h.Date.Weekday()), p.HolidayName(h), h.Kind, lustrum)
	}
	return tw.Flush()
}
