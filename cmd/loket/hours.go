package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/answer"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/schedule"
)

// setupHours is "loket hours": a desk's status now (or at an instant) and
// its hours for a week.
func setupHours(fs *flagSet) func(c *context, args []string) int {
	deskID := fs.String("desk", "cli.arg.id", "cli.flag.desk", true)
	atFlag := addAtFlag(fs)
	weekFlag := fs.String("week", "cli.arg.date", "cli.flag.week", true)
	flags := addCentreFlags(fs)
	return func(c *context, args []string) int {
		ce, code, ok := c.centreCommand(flags, args)
		if !ok {
			return code
		}
		id := *deskID
		if id == "" {
			id = ce.DefaultDesk
		}
		desk, found := ce.Desk(id)
		if !found {
			var ids []string
			for _, d := range ce.Desks {
				ids = append(ids, d.ID)
			}
			return c.failUsage(usageProblem("cli.hours.no_desk", map[string]any{"Desk": quote(id), "Centre": ce.ID, "Desks": joinIDs(ids)}))
		}
		at, monday, pr := instantAndWeek(*atFlag, *weekFlag, ce.Location)
		if pr == nil {
			pr = checkWeek(*atFlag, *weekFlag, at, monday)
		}
		if pr != nil {
			return c.failUsage(pr)
		}
		rep := hoursReport(c.p, ce, desk, at, monday)
		return c.writeOutput(*flags.format == "json", rep, func(w io.Writer) error { return writeHoursText(w, c.p, rep) })
	}
}

// hoursJSON is the JSON form of `loket hours` (docs/json.md); the text
// form shows the same.
type hoursJSON struct {
	Centre      string         `json:"centre"`
	Desk        string         `json:"desk"`
	DeskName    string         `json:"desk_name"`
	Location    *string        `json:"location"`
	Appointment bool           `json:"appointment"`
	BookingURL  *string        `json:"booking_url"`
	Lang        string         `json:"lang"`
	At          time.Time      `json:"at"`
	State       string         `json:"state"`
	Status      string         `json:"status"`
	NextChange  *time.Time     `json:"next_change"`
	NextState   *string        `json:"next_state"`
	Week        []hoursDayJSON `json:"week"`

	centreName string
}

// hoursDayJSON is one day of the week of `loket hours`.
type hoursDayJSON struct {
	Date      string         `json:"date"`
	Intervals []intervalJSON `json:"intervals"`
	Closed    *closedJSON    `json:"closed"`

	label string // the day as text: "dinsdag 22 december 2026"
	line  string // its hours as text: "09:00–12:30", "gesloten (Eerste Kerstdag)"
}

// intervalJSON is an interval of a schedule: open, or unknown (a rule
// that says neither open nor closed).
type intervalJSON struct {
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
	State   string    `json:"state"`
	Comment *string   `json:"comment"`
	Reason  *string   `json:"reason"`
}

// closedJSON says why a day has no intervals.
type closedJSON struct {
	// Why is hours (the weekly hours do not open that day), holiday,
	// closure (the whole centre is closed), exception or recurrence.
	Why string `json:"why"`
	// Holiday is the id of the holiday that closes the day.
	Holiday *string `json:"holiday"`
	// Reason is the holiday's name, the closure's, the exception's or
	// recurrence's reason, or the comment of the rule, in the output
	// language.
	Reason *string `json:"reason"`
}

// orNull returns nil for "", else a pointer to s: a JSON null for text
// that is not there.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// newInterval returns the JSON form of iv, its reason in p's language.
func newInterval(p *i18n.Printer, iv schedule.Interval) intervalJSON {
	return intervalJSON{Start: iv.Start, End: iv.End, State: iv.Kind.String(), Comment: orNull(iv.Comment), Reason: orNull(p.Text(iv.Reason))}
}

// closedDay says why the day v, which has no intervals, is closed; ce is
// the centre whose extra closures it may be, or nil.
func closedDay(p *i18n.Printer, v schedule.DayView, ce *centre.Centre) *closedJSON {
	cj := &closedJSON{Why: "hours"}
	switch {
	case v.Closed.Holiday.ID != "":
		cj.Why, cj.Holiday, cj.Reason = "holiday", orNull(v.Closed.Holiday.ID), orNull(p.Text(v.Closed.Holiday.Name))
	case v.Closed.Source == schedule.SourceException:
		cj.Why, cj.Reason = "exception", orNull(p.Text(v.Closed.Reason))
		if ce != nil {
			for _, cl := range ce.ExtraClosures {
				if cl.Dates.Contains(v.Date) {
					cj.Why = "closure"
				}
			}
		}
	case v.Closed.Source == schedule.SourceRecurrence:
		cj.Why, cj.Reason = "recurrence", orNull(p.Text(v.Closed.Reason))
	case v.Closed.Comment != "":
		cj.Reason = orNull(p.Comment(v.Closed.Comment))
	}
	return cj
}

func hoursReport(p *i18n.Printer, ce *centre.Centre, d *centre.Desk, at time.Time, monday date.Date) hoursJSON {
	s := d.Schedule
	isClosure := func(day civil.Date) bool {
		for _, cl := range ce.ExtraClosures {
			if cl.Dates.Contains(date.Date(day)) {
				return true
			}
		}
		return false
	}
	st := s.State(at)
	next, hasNext := nextChange(s, at)
	rep := hoursJSON{
		Centre: ce.ID, Desk: d.ID, DeskName: p.Text(d.Name), Location: orNull(p.Text(d.Location)),
		Appointment: d.Appointment, BookingURL: orNull(d.BookingURL),
		Lang: p.Lang().String(), At: at, State: st.Kind.String(),
		Status:     d.Status(p, at),
		centreName: p.Text(ce.Name),
	}
	if hasNext {
		rep.NextChange = &next
		rep.NextState = orNull(s.State(next).Kind.String())
	}
	for day := monday; day < monday+7; day++ {
		a := answer.DayOf(p.Language(), s.Timetable(), civil.Date(day), isClosure)
		dj := hoursDayJSON{Date: day.String(), Intervals: []intervalJSON{}, label: a.Label, line: a.Line}
		for _, iv := range a.Intervals {
			dj.Intervals = append(dj.Intervals, newInterval(p, iv.Interval))
		}
		if a.Closed != nil {
			dj.Closed = &closedJSON{Why: a.Closed.Why, Holiday: orNull(a.Closed.Holiday), Reason: orNull(a.Closed.Reason)}
		}
		rep.Week = append(rep.Week, dj)
	}
	return rep
}

func writeHoursText(w io.Writer, p *i18n.Printer, rep hoursJSON) error {
	writeLine(w, p, "hours.title", map[string]any{"Desk": rep.DeskName, "Centre": rep.centreName})
	var about []string
	if rep.Location != nil {
		about = append(about, *rep.Location)
	}
	if rep.Appointment {
		about = append(about, p.T("hours.appointment", nil))
	}
	if len(about) > 0 {
		fmt.Fprintln(w, strings.Join(about, " · "))
	}
	if rep.Appointment && rep.BookingURL != nil {
		writeLine(w, p, "hours.book", map[string]any{"URL": *rep.BookingURL})
	}
	fmt.Fprintln(w, rep.Status)
	fmt.Fprintln(w)
	writeLine(w, p, "hours.week", map[string]any{"Date": rep.Week[0].label})
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for _, d := range rep.Week {
		fmt.Fprintf(tw, "  %s\t%s\n", d.label, d.line)
	}
	return tw.Flush()
}
