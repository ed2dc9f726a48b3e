package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
)

// runOSM is "loket osm": evaluate an OpenStreetMap opening_hours expression
// at an instant and over a week.
func runOSM(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("osm", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: loket osm [-at RFC3339] [-week YYYY-MM-DD] [-lang en|nl] [-format text|json] 'EXPRESSION'

Evaluate an OpenStreetMap opening_hours expression in Europe/Amsterdam: say
whether it is open at an instant, when that next changes, and list the open
intervals of the week (Monday to Sunday) around it. PH means the Dutch public
holidays. A malformed expression is shown with a caret under the column and
exit status 2. Flags may also be written with two dashes (--at).

Flags:
`)
		fs.PrintDefaults()
	}
	atFlag := fs.String("at", "", "the `instant`, RFC 3339 like 2026-12-22T10:00:00+01:00 (default now)")
	weekFlag := fs.String("week", "", "a `date` in the week to list, like 2026-12-21 (default the week of -at)")
	lang := fs.String("lang", "en", "`language` of the text output: en or nl")
	format := fs.String("format", "text", "output `format`: text or json")
	// Flags may follow the expression: parse what comes after it too.
	var exprs []string
	for rest := args; ; {
		if code, ok := parseFlags(fs, rest); !ok {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		exprs = append(exprs, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "loket osm: "+format+"\n", a...)
		return 2
	}
	if len(exprs) != 1 {
		return fail("expected one expression in quotes, like 'Mo-Fr 09:00-17:00', found %d arguments", len(exprs))
	}
	if *lang != "en" && *lang != "nl" {
		return fail("-lang %q: want en or nl", *lang)
	}
	if *format != "text" && *format != "json" {
		return fail("-format %q: want text or json", *format)
	}
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		fmt.Fprintf(stderr, "loket osm: %v\n", err)
		return 1
	}
	at, monday, err := instantAndWeek(*atFlag, *weekFlag, loc)
	if err == nil {
		err = checkWeek(*atFlag, *weekFlag, at, monday)
	}
	if err != nil {
		return fail("%v", err)
	}
	s, err := schedule.ParseOSM(exprs[0], schedule.WithLocation(loc))
	if err != nil {
		var se *schedule.SyntaxError
		if errors.As(err, &se) {
			line, caret := caretLine(se.Expr, se.Column)
			fmt.Fprintf(stderr, "loket osm: %v\n  %s\n  %s^\n", err, line, strings.Repeat(" ", caret))
			return 2
		}
		fmt.Fprintf(stderr, "loket osm: %v\n", err)
		return 1
	}
	rep := osmReport(s, exprs[0], at, monday)
	if *format == "json" {
		if err := writeJSON(stdout, rep); err != nil {
			fmt.Fprintf(stderr, "loket osm: %v\n", err)
			return 1
		}
		return 0
	}
	writeOSMText(stdout, rep, i18n.NewPrinter(language.Make(*lang)))
	return 0
}

type osmJSON struct {
	Expression string    `json:"expression"`
	Normalized string    `json:"normalized"`
	At         time.Time `json:"at"`
	State      string    `json:"state"`
	Comment    string    `json:"comment,omitempty"`
	Holiday    string    `json:"holiday,omitempty"`
	holiday    holidays.Name
	NextChange *time.Time   `json:"next_change"`
	NextState  string       `json:"next_state,omitempty"`
	Week       []osmDayJSON `json:"week"`
	loc        *time.Location
}

type osmDayJSON struct {
	Date      string            `json:"date"`
	Intervals []osmIntervalJSON `json:"intervals"`
	Holiday   string            `json:"holiday,omitempty"` // id of the public holiday on that day
	closedBy  holidays.Name     // the holiday that keeps the day closed
}

type osmIntervalJSON struct {
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
	State   string    `json:"state"`
	Comment string    `json:"comment,omitempty"`
}

func osmReport(s *schedule.Schedule, expr string, at time.Time, monday date.Date) osmJSON {
	st := s.State(at)
	rep := osmJSON{Expression: expr, Normalized: s.String(), At: at, State: st.Kind.String(),
		Comment: st.Comment, Holiday: st.Holiday.ID, holiday: st.Holiday.Name, loc: s.Location()}
	if next, ok := nextChange(s, at); ok {
		rep.NextChange = &next
		rep.NextState = s.State(next).Kind.String()
	}
	for d := monday; d < monday+7; d++ {
		v := s.Day(d)
		dj := osmDayJSON{Date: d.String(), Intervals: []osmIntervalJSON{}, closedBy: v.Closed.Holiday.Name}
		if h, ok := s.Holidays().PublicOn(d); ok {
			dj.Holiday = h.ID
		}
		for _, iv := range v.Intervals {
			dj.Intervals = append(dj.Intervals, osmIntervalJSON{Start: iv.Start, End: iv.End, State: iv.Kind.String(), Comment: iv.Comment})
		}
		rep.Week = append(rep.Week, dj)
	}
	return rep
}

// writeOSMText writes rep as text in p's language.
func writeOSMText(w io.Writer, rep osmJSON, p *i18n.Printer) {
	fmt.Fprintf(w, "%s\n", rep.Normalized)
	state := osmState(p, rep.State)
	if rep.Comment != "" {
		state += fmt.Sprintf(" (%q)", rep.Comment)
	}
	if n := p.HolidayName(holidays.Holiday{Name: rep.holiday}); n != "" {
		state += " (" + n + ")"
	}
	fmt.Fprintln(w, p.T("osm.at", map[string]any{
		"Date": p.Date(date.NewAt(rep.At)), "Time": p.Clock(rep.At), "Zone": rep.At.Format("MST"), "State": state,
	}))
	if rep.NextChange != nil {
		n := rep.NextChange.In(rep.loc)
		fmt.Fprintln(w, p.T("osm.next", map[string]any{
			"Date": p.Date(date.NewAt(n)), "Time": p.Clock(n), "Zone": n.Format("MST"), "State": osmState(p, rep.NextState),
		}))
	} else {
		fmt.Fprintln(w, p.T("osm.next_none", nil))
	}
	first, _ := date.ParseISO(rep.Week[0].Date)
	fmt.Fprintf(w, "\n%s\n", p.T("osm.week", map[string]any{"Date": p.Date(first)}))
	for _, d := range rep.Week {
		dd, _ := date.ParseISO(d.Date)
		var parts []string
		for _, iv := range d.Intervals {
			span := p.Span(iv.Start.In(rep.loc), iv.End.In(rep.loc))
			if iv.State == "unknown" {
				span = p.T("osm.unknown_span", map[string]any{"Span": span})
			}
			if iv.Comment != "" {
				span += fmt.Sprintf(" %q", iv.Comment)
			}
			parts = append(parts, span)
		}
		if len(parts) == 0 {
			closed := osmState(p, "closed")
			if n := p.HolidayName(holidays.Holiday{Name: d.closedBy}); n != "" {
				closed += " (" + n + ")"
			}
			parts = []string{closed}
		}
		fmt.Fprintf(w, "  %-28s %s\n", p.Date(dd), strings.Join(parts, ", "))
	}
}

// osmState returns the word for a state ("open", "closed", "unknown").
func osmState(p *i18n.Printer, state string) string {
	switch state {
	case "open":
		return p.T("osm.state.open", nil)
	case "unknown":
		return p.T("osm.state.unknown", nil)
	}
	return p.T("osm.state.closed", nil)
}

// caretLine returns the part of expr to show above a caret that points at
// column (counting characters from 1), and how many characters precede the
// caret in it: the whole expression when it is short, else a window of
// about 80 characters around the column, with "…" where it is cut.
func caretLine(expr string, column int) (line string, caret int) {
	const width, before = 80, 40
	runes := []rune(strings.NewReplacer("\n", " ", "\t", " ", "\r", " ").Replace(expr))
	from := 0
	if len(runes) > width && column-1 > before {
		from = min(column-1-before, max(len(runes)-width, 0))
	}
	to := min(from+width, len(runes))
	line = string(runes[from:to])
	caret = column - 1 - from
	if from > 0 {
		line, caret = "…"+line, caret+1
	}
	if to < len(runes) {
		line += "…"
	}
	return line, caret
}
