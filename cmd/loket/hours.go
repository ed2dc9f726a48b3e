package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/schedule"
)

// runHours is "loket hours": a desk's status now (or at an instant) and its
// hours for a week, in Dutch or English.
func runHours(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hours", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: loket hours [-centre FILE] [-desk ID] [-at RFC3339] [-week YYYY-MM-DD] [-lang nl|en] [-format text|json]

Show whether a desk is open now (or at -at), when that changes, and its
opening hours for the week (Monday to Sunday) around that instant, with the
reason on each day it is closed. Without -centre, the built-in Maastricht
International Centre is used; without -desk, the centre's default desk.
The language comes from -lang, else LANG, else the centre's default.
Flags may also be written with two dashes (--at).

Flags:
`)
		fs.PrintDefaults()
	}
	deskID := fs.String("desk", "", "the desk `id` (default: the centre's default desk)")
	atFlag := fs.String("at", "", "the `instant`, RFC 3339 like 2026-12-22T10:00:00+01:00 (default now)")
	weekFlag := fs.String("week", "", "a `date` in the week to show, like 2026-12-21 (default the week of -at)")
	flags := addCentreFlags(fs)
	c, p, code, ok := parseCentreCommand("hours", fs, flags, args, stderr)
	if !ok {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "loket hours: "+format+"\n", a...)
		return 2
	}
	id := *deskID
	if id == "" {
		id = c.DefaultDesk
	}
	desk, found := c.Desk(id)
	if !found {
		var ids []string
		for _, d := range c.Desks {
			ids = append(ids, d.ID)
		}
		return fail("-desk %q: centre %s has no such desk; its desks: %s", id, c.ID, strings.Join(ids, ", "))
	}

	at, monday, err := instantAndWeek(*atFlag, *weekFlag, c.Location)
	if err == nil {
		err = checkWeek(*atFlag, *weekFlag, at, monday)
	}
	if err != nil {
		return fail("%v", err)
	}
	rep := hoursReport(p, c, desk, at, monday)
	if *flags.format == "json" {
		if err := writeJSON(stdout, rep); err != nil {
			fmt.Fprintf(stderr, "loket hours: %v\n", err)
			return 1
		}
		return 0
	}
	writeHoursText(stdout, p, rep)
	return 0
}

// hoursJSON is the JSON form of `loket hours`; the text form shows the same.
type hoursJSON struct {
	Centre     string         `json:"centre"`
	Desk       string         `json:"desk"`
	DeskName   string         `json:"desk_name"`
	Location   string         `json:"location,omitempty"`
	Lang       string         `json:"lang"`
	At         time.Time      `json:"at"`
	State      string         `json:"state"`
	Status     string         `json:"status"`
	NextChange *time.Time     `json:"next_change"`
	NextState  string         `json:"next_state,omitempty"`
	Week       []hoursDayJSON `json:"week"`

	appointment bool
	centreName  string
}

type hoursDayJSON struct {
	Date      string              `json:"date"`
	Intervals []hoursIntervalJSON `json:"intervals"`
	Closed    *hoursClosedJSON    `json:"closed,omitempty"`

	label string // the day as text: "dinsdag 22 december 2026"
}

type hoursIntervalJSON struct {
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
	State   string    `json:"state"`
	Comment string    `json:"comment,omitempty"`
	Reason  string    `json:"reason,omitempty"`

	text string
}

// hoursClosedJSON says why a day has no opening hours.
type hoursClosedJSON struct {
	By      string `json:"by"`                // holiday, exception, recurrence, rule or none
	Holiday string `json:"holiday,omitempty"` // holiday id
	Reason  string `json:"reason,omitempty"`  // holiday name or the exception's reason, in the output language
}

func hoursReport(p *i18n.Printer, c *centre.Centre, d *centre.Desk, at time.Time, monday date.Date) hoursJSON {
	s := d.Schedule
	st := s.State(at)
	next, hasNext := nextChange(s, at)
	rep := hoursJSON{
		Centre: c.ID, Desk: d.ID, DeskName: p.Text(d.Name), Location: p.Text(d.Location),
		Lang: p.Lang().String(), At: at, State: st.Kind.String(),
		Status:      p.Status(at, st, next, hasNext),
		appointment: d.Appointment, centreName: p.Text(c.Name),
	}
	if hasNext {
		rep.NextChange = &next
		rep.NextState = s.State(next).Kind.String()
	}
	for day := monday; day < monday+7; day++ {
		v := s.Day(day)
		dj := hoursDayJSON{Date: day.String(), Intervals: []hoursIntervalJSON{}, label: p.Date(day)}
		for _, iv := range v.Intervals {
			ij := hoursIntervalJSON{Start: iv.Start, End: iv.End, State: iv.Kind.String(),
				Comment: iv.Comment, Reason: p.Text(iv.Reason), text: p.Span(iv.Start, iv.End)}
			if iv.Kind == schedule.Unknown {
				ij.text = p.T("hours.unknown_span", map[string]any{"Span": ij.text})
			}
			if note := firstNonEmpty(ij.Reason, p.Comment(iv.Comment)); note != "" {
				ij.text = p.T("hours.span_note", map[string]any{"Span": ij.text, "Note": note})
			}
			dj.Intervals = append(dj.Intervals, ij)
		}
		if len(v.Intervals) == 0 {
			cj := &hoursClosedJSON{By: v.Closed.Source.String()}
			switch {
			case v.Closed.Holiday.ID != "":
				cj.Holiday, cj.Reason = v.Closed.Holiday.ID, p.HolidayName(v.Closed.Holiday)
			case !v.Closed.Reason.IsZero():
				cj.Reason = p.Text(v.Closed.Reason)
			case v.Closed.Comment != "":
				cj.Reason = p.Comment(v.Closed.Comment)
			}
			dj.Closed = cj
		}
		rep.Week = append(rep.Week, dj)
	}
	return rep
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func writeHoursText(w io.Writer, p *i18n.Printer, rep hoursJSON) {
	fmt.Fprintln(w, p.T("hours.title", map[string]any{"Desk": rep.DeskName, "Centre": rep.centreName}))
	var about []string
	if rep.Location != "" {
		about = append(about, rep.Location)
	}
	if rep.appointment {
		about = append(about, p.T("hours.appointment", nil))
	}
	if len(about) > 0 {
		fmt.Fprintln(w, strings.Join(about, " · "))
	}
	fmt.Fprintln(w, rep.Status)
	fmt.Fprintln(w)
	fmt.Fprintln(w, p.T("hours.week", map[string]any{"Date": rep.Week[0].label}))
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for _, d := range rep.Week {
		var parts []string
		for _, iv := range d.Intervals {
			parts = append(parts, iv.text)
		}
		line := strings.Join(parts, ", ")
		if d.Closed != nil {
			if d.Closed.Reason != "" {
				line = p.T("hours.closed_for", map[string]any{"Reason": d.Closed.Reason})
			} else {
				line = p.T("hours.closed", nil)
			}
		}
		fmt.Fprintf(tw, "  %s\t%s\n", d.label, line)
	}
	tw.Flush()
}
