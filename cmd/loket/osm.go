package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
)

// setupOSM is "loket osm": evaluate an OpenStreetMap opening_hours
// expression at an instant and over a week, in Europe/Amsterdam.
func setupOSM(fs *flagSet) func(c *context, args []string) int {
	atFlag := addAtFlag(fs)
	weekFlag := fs.String("week", "cli.arg.date", "cli.flag.week", true)
	format := addFormatFlag(fs)
	return func(c *context, args []string) int {
		if len(args) != 1 {
			return c.failUsage(usageProblem("cli.osm.one_expression", map[string]any{"Count": len(args)}))
		}
		if pr := checkFormat(*format); pr != nil {
			return c.failUsage(pr)
		}
		loc, err := time.LoadLocation("Europe/Amsterdam")
		if err != nil {
			return c.fail(1, "cli.error.zone", map[string]any{"Error": err.Error()})
		}
		at, monday, pr := instantAndWeek(*atFlag, *weekFlag, loc)
		if pr == nil {
			pr = checkWeek(*atFlag, *weekFlag, at, monday)
		}
		if pr != nil {
			return c.failUsage(pr)
		}
		s, err := osm.Parse(args[0], osm.WithLocation(loc))
		if err != nil {
			var se *osm.SyntaxError
			if !errors.As(err, &se) {
				return c.fail(1, "cli.osm.error", map[string]any{"Error": c.p.Err(err)})
			}
			c.fail(2, "cli.osm.syntax", map[string]any{"Error": c.p.Err(err)})
			line, caret := caretLine(se.Expr, se.Column)
			fmt.Fprintf(c.stderr, "  %s\n  %s^\n", line, strings.Repeat(" ", caret))
			return 2
		}
		rep := osmReport(c.p, s, args[0], at, monday)
		return c.writeOutput(*format == "json", rep, func(w io.Writer) error { return writeOSMText(w, rep, c.p) })
	}
}

// osmJSON is the JSON form of `loket osm` (docs/json.md); the text form
// shows the same.
type osmJSON struct {
	Expression string       `json:"expression"`
	Normalized string       `json:"normalized"`
	Lang       string       `json:"lang"`
	At         time.Time    `json:"at"`
	State      string       `json:"state"`
	Comment    *string      `json:"comment"`
	Holiday    *string      `json:"holiday"`
	NextChange *time.Time   `json:"next_change"`
	NextState  *string      `json:"next_state"`
	Week       []osmDayJSON `json:"week"`

	holiday holidays.Name
	loc     *time.Location
}

// osmDayJSON is one day of the week of `loket osm`.
type osmDayJSON struct {
	Date      string         `json:"date"`
	Intervals []intervalJSON `json:"intervals"`
	// Holiday is the id of the public holiday on that day, whether the
	// expression opens on it or not.
	Holiday *string     `json:"holiday"`
	Closed  *closedJSON `json:"closed"`
}

func osmReport(p *i18n.Printer, s *schedule.Schedule, expr string, at time.Time, monday date.Date) osmJSON {
	st := s.State(at)
	rep := osmJSON{Expression: expr, Normalized: s.String(), Lang: p.Lang().String(), At: at, State: st.Kind.String(),
		Comment: orNull(st.Comment), Holiday: orNull(st.Holiday.ID), holiday: st.Holiday.Name, loc: s.Location()}
	if next, ok := nextChange(s, at); ok {
		rep.NextChange = &next
		rep.NextState = orNull(s.State(next).Kind.String())
	}
	for d := monday; d < monday+7; d++ {
		v := s.Day(d)
		dj := osmDayJSON{Date: d.String(), Intervals: []intervalJSON{}}
		if h, ok := s.Holidays().PublicOn(d); ok {
			dj.Holiday = orNull(h.ID)
		}
		for _, iv := range v.Intervals {
			dj.Intervals = append(dj.Intervals, newInterval(p, iv))
		}
		if len(v.Intervals) == 0 {
			dj.Closed = closedDay(p, v, nil)
		}
		rep.Week = append(rep.Week, dj)
	}
	return rep
}

// writeOSMText writes rep as text in p's language.
func writeOSMText(w io.Writer, rep osmJSON, p *i18n.Printer) error {
	fmt.Fprintf(w, "%s\n", rep.Normalized)
	state := osmState(p, rep.State)
	if rep.Comment != nil {
		state += fmt.Sprintf(" (%q)", *rep.Comment)
	}
	if n := p.Text(rep.holiday); n != "" {
		state += " (" + n + ")"
	}
	writeLine(w, p, "osm.at", map[string]any{
		"Date": p.Date(date.NewAt(rep.At)), "Time": p.Clock(rep.At), "Zone": rep.At.Format("MST"), "State": state,
	})
	if rep.NextChange != nil {
		n := rep.NextChange.In(rep.loc)
		fmt.Fprintln(w, p.T("osm.next", map[string]any{
			"Date": p.Date(date.NewAt(n)), "Time": p.Clock(n), "Zone": n.Format("MST"), "State": osmState(p, *rep.NextState),
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
			if iv.Comment != nil {
				span += fmt.Sprintf(" %q", *iv.Comment)
			}
			parts = append(parts, span)
		}
		if len(parts) == 0 {
			closed := osmState(p, "closed")
			if d.Closed != nil && d.Closed.Why == "holiday" && d.Closed.Reason != nil {
				closed += " (" + *d.Closed.Reason + ")"
			}
			parts = []string{closed}
		}
		if _, err := fmt.Fprintf(w, "  %-28s %s\n", p.Date(dd), strings.Join(parts, ", ")); err != nil {
			return err
		}
	}
	return nil
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
