package main

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/schedule/holidays"
)

// setupHolidays is "loket holidays": the holidays of one year, as text
// or JSON.
func setupHolidays(fs *flagSet) func(c *context, args []string) int {
	year := fs.Int("year", "cli.arg.year", "cli.flag.year", true)
	region := fs.String("region", "cli.arg.province", "cli.flag.region", true)
	format := addFormatFlag(fs)
	return func(c *context, args []string) int {
		if len(args) > 0 {
			if _, err := strconv.Atoi(args[0]); err == nil {
				return c.failUsage(usageProblem("cli.holidays.year_argument", map[string]any{"Arg": quote(args[0]), "Year": args[0]}))
			}
			return c.failUsage(noArguments(args))
		}
		if !fs.given("year") {
			amsterdam, err := time.LoadLocation("Europe/Amsterdam")
			if err != nil {
				return c.fail(1, "cli.error.zone", map[string]any{"Error": err.Error()})
			}
			*year = time.Now().In(amsterdam).Year()
		}
		if *year < holidays.FirstYear || *year > holidays.LastYear {
			return c.failUsage(usageProblem("cli.holidays.year_bad", map[string]any{"Year": *year, "First": holidays.FirstYear, "Last": holidays.LastYear}))
		}
		cal, err := holidays.Netherlands(*region)
		if err != nil {
			return c.failUsage(usageProblem("cli.holidays.region_bad", map[string]any{"Value": quote(*region)}))
		}
		if pr := checkFormat(*format); pr != nil {
			return c.failUsage(pr)
		}
		hs := cal.Year(*year)
		return c.writeOutput(*format == "json", holidaysJSON(hs), func(w io.Writer) error { return writeHolidaysText(w, hs, c.p) })
	}
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
	Lustrum bool `json:"lustrum"`
}

// holidaysJSON is the JSON form of `loket holidays` (docs/json.md): both
// names of each holiday, whatever the output language.
func holidaysJSON(hs []holidays.Holiday) []jsonHoliday {
	out := make([]jsonHoliday, len(hs))
	for i, h := range hs {
		out[i] = jsonHoliday{Date: h.Date.String(), ID: h.ID, Kind: string(h.Kind), Lustrum: h.Lustrum}
		out[i].Name.NL, out[i].Name.EN = h.Name.NL, h.Name.EN
	}
	return out
}

// writeHolidaysText writes one line per holiday: date, weekday, name,
// kind and, for Bevrijdingsdag in a lustrum year, "lustrum", all in p's
// language.
func writeHolidaysText(w io.Writer, hs []holidays.Holiday, p *i18n.Printer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, h := range hs {
		lustrum := ""
		if h.Lustrum {
			lustrum = "\t" + p.T("cli.holidays.lustrum", nil)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\n", h.Date, p.Weekday(h.Date.Weekday()), p.Text(h.Name), holidayKind(p, h.Kind), lustrum)
	}
	return tw.Flush()
}

// holidayKind names a kind of holiday in p's language.
func holidayKind(p *i18n.Printer, k holidays.Kind) string {
	switch k {
	case holidays.Public:
		return p.T("cli.holidays.kind.public", nil)
	case holidays.Observance:
		return p.T("cli.holidays.kind.observance", nil)
	case holidays.Regional:
		return p.T("cli.holidays.kind.regional", nil)
	}
	return string(k)
}
