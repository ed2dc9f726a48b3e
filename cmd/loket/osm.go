package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

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
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
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
	at := time.Now().In(loc)
	if *atFlag != "" {
		if at, err = time.Parse(time.RFC3339, *atFlag); err != nil {
			return fail("-at %q: want an RFC 3339 instant like 2026-12-22T10:00:00+01:00", *atFlag)
		}
		at = at.In(loc)
	}
	day := date.NewAt(at)
	if *weekFlag != "" {
		t, err := time.Parse("2006-01-02", *weekFlag)
		if err != nil {
			return fail("-week %q: want a date like 2026-12-21", *weekFlag)
		}
		day = date.NewAt(t)
	}
	s, err := schedule.ParseOSM(exprs[0], schedule.WithLocation(loc))
	if err != nil {
		var se *schedule.SyntaxError
		if errors.As(err, &se) {
			fmt.Fprintf(stderr, "loket osm: %v\n  %s\n  %s^\n", err, se.Expr, strings.Repeat(" ", se.Column-1))
			return 2
		}
		fmt.Fprintf(stderr, "loket osm: %v\n", err)
		return 1
	}
	monday := day - date.Date((int(day.Weekday())+6)%7)
	rep := osmReport(s, exprs[0], at, monday)
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "loket osm: %v\n", err)
			return 1
		}
		return 0
	}
	writeOSMText(stdout, rep, *lang)
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
	if next, ok := s.NextChange(at); ok {
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

var osmWords = map[string]map[string]string{
	"en": {"open": "open", "closed": "closed", "unknown": "unknown", "at": "At", "next": "Next change", "none": "none within five years",
		"week": "Week of", "to": "becomes"},
	"nl": {"open": "open", "closed": "gesloten", "unknown": "onbekend", "at": "Op", "next": "Volgende wijziging", "none": "geen binnen vijf jaar",
		"week": "Week van", "to": "wordt"},
}

var (
	weekdaysEN = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	weekdaysNL = [7]string{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"}
	monthsEN   = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	monthsNL   = [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}
)

func longDate(t time.Time, lang string) string {
	if lang == "nl" {
		return fmt.Sprintf("%s %d %s %d", weekdaysNL[t.Weekday()], t.Day(), monthsNL[t.Month()-1], t.Year())
	}
	return fmt.Sprintf("%s %d %s %d", weekdaysEN[t.Weekday()], t.Day(), monthsEN[t.Month()-1], t.Year())
}

func writeOSMText(w io.Writer, rep osmJSON, lang string) {
	words := osmWords[lang]
	fmt.Fprintf(w, "%s\n", rep.Normalized)
	state := words[rep.State]
	if rep.Comment != "" {
		state += fmt.Sprintf(" (%q)", rep.Comment)
	}
	if n := holidayName(rep.holiday, lang); n != "" {
		state += " (" + n + ")"
	}
	fmt.Fprintf(w, "%s %s %s: %s\n", words["at"], longDate(rep.At, lang), rep.At.Format("15:04 MST"), state)
	if rep.NextChange != nil {
		n := rep.NextChange.In(rep.loc)
		fmt.Fprintf(w, "%s: %s %s, %s %s\n", words["next"], longDate(n, lang), n.Format("15:04 MST"), words["to"], words[rep.NextState])
	} else {
		fmt.Fprintf(w, "%s: %s\n", words["next"], words["none"])
	}
	first, _ := date.ParseISO(rep.Week[0].Date)
	fmt.Fprintf(w, "\n%s %s:\n", words["week"], longDate(first.MidnightUTC(), lang))
	for _, d := range rep.Week {
		dd, _ := date.ParseISO(d.Date)
		label := longDate(dd.MidnightUTC(), lang)
		var parts []string
		for _, iv := range d.Intervals {
			p := iv.Start.In(rep.loc).Format("15:04") + "–" + iv.End.In(rep.loc).Format("15:04")
			if date.NewAt(iv.End.In(rep.loc)) != dd && iv.End.In(rep.loc).Format("15:04") == "00:00" {
				p = iv.Start.In(rep.loc).Format("15:04") + "–24:00"
			}
			if iv.State == "unknown" {
				p += " " + words["unknown"]
			}
			if iv.Comment != "" {
				p += fmt.Sprintf(" %q", iv.Comment)
			}
			parts = append(parts, p)
		}
		if len(parts) == 0 {
			parts = []string{words["closed"]}
			if n := holidayName(d.closedBy, lang); n != "" {
				parts[0] += " (" + n + ")"
			}
		}
		fmt.Fprintf(w, "  %-28s %s\n", label, strings.Join(parts, ", "))
	}
}

func holidayName(n holidays.Name, lang string) string {
	if lang == "nl" {
		return n.NL
	}
	return n.EN
}
