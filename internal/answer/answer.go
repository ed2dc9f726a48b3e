// Package answer words what a desk and its services answer, in Dutch or
// English, from the query side alone (internal/timetable,
// internal/centredata, internal/catalog): a desk's status at an instant,
// the days of a week with their hours or why they are closed, and when a
// service can next be used. The command-line tool and the browser widget
// both answer through it, so that they say the same.
package answer

import (
	"time"

	"github.com/expatcentre/loket/internal/catalog"
	"github.com/expatcentre/loket/internal/centredata"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/timetable"
	"github.com/expatcentre/loket/text"
)

// Status is a desk's state at an instant.
type Status struct {
	At    time.Time
	State timetable.State
	// Next is the next change of state, when HasNext; a change at the end
	// of the days loket answers for is none.
	Next      time.Time
	HasNext   bool
	NextState timetable.Kind
	// Sentence says it all: "Nu open, sluit om 12:30".
	Sentence string
}

// StatusOf returns the status of t at at, worded in l.
func StatusOf(l text.Lang, t *timetable.Timetable, at time.Time) Status {
	s := Status{At: at, State: t.State(at)}
	s.Next, s.HasNext = t.NextChange(at)
	if s.HasNext && !t.Covers(s.Next) {
		s.Next, s.HasNext = time.Time{}, false
	}
	if s.HasNext {
		s.NextState = t.State(s.Next).Kind
	}
	s.Sentence = catalog.Status(l, at, Situation(s.State), s.Next, s.HasNext)
	return s
}

// Situation returns what the status sentence needs of a state.
func Situation(st timetable.State) catalog.Situation {
	s := catalog.Situation{Open: st.Kind == timetable.Open, Unknown: st.Kind == timetable.Unknown, Comment: st.Comment}
	if st.Kind == timetable.Closed {
		s.Why = st.Reason
		if st.Holiday.ID != "" {
			s.Why = st.Holiday.Name
		}
	}
	return s
}

// Day is one day of a desk's week.
type Day struct {
	Date  civil.Date
	Label string // "dinsdag 22 december 2026"
	// Intervals are the open and unknown stretches of the day, each with
	// its Text ("09:00–12:30", "09:00–12:30 (op afspraak)").
	Intervals []Interval
	// Closed says why a day without intervals is closed; nil when the day
	// has intervals.
	Closed *Closed
	// Line is the day's hours in one line: the intervals' texts, or
	// "gesloten (Eerste Kerstdag)".
	Line string
}

// Interval is an open or unknown stretch of a day.
type Interval struct {
	timetable.Interval
	Text string
}

// Closed says why a day is closed.
type Closed struct {
	// Why is "holiday", "closure" (of the whole centre), "exception",
	// "recurrence" or "hours" (the weekly hours).
	Why string
	// Holiday is the holiday's id, when Why is "holiday".
	Holiday string
	// Reason is the holiday's or closure's name, the exception's or
	// recurrence's reason, or the comment of the rule, in the language
	// asked; "" when there is none.
	Reason string
}

// DayOf returns day d of timetable t, worded in l; closure reports
// whether a day is one of the centre's extra closures, which tells a
// closure of the whole centre from a desk's own exception (nil: none is).
func DayOf(l text.Lang, t *timetable.Timetable, d civil.Date, closure func(civil.Date) bool) Day {
	v := t.Day(d)
	day := Day{Date: d, Label: catalog.Date(l, d)}
	for _, iv := range v.Intervals {
		s := catalog.Span(l, iv.Start, iv.End)
		if iv.Kind == timetable.Unknown {
			s = catalog.T(l, "hours.unknown_span", map[string]any{"Span": s})
		}
		if note := firstNonEmpty(iv.Reason.In(l), catalog.Comment(l, iv.Comment)); note != "" {
			s = catalog.T(l, "hours.span_note", map[string]any{"Span": s, "Note": note})
		}
		day.Intervals = append(day.Intervals, Interval{Interval: iv, Text: s})
	}
	if len(v.Intervals) > 0 {
		for i, iv := range day.Intervals {
			if i > 0 {
				day.Line += ", "
			}
			day.Line += iv.Text
		}
		return day
	}
	c := &Closed{Why: "hours"}
	switch {
	case v.Closed.Holiday.ID != "":
		c.Why, c.Holiday, c.Reason = "holiday", v.Closed.Holiday.ID, v.Closed.Holiday.Name.In(l)
	case v.Closed.Source == timetable.SourceException:
		c.Why, c.Reason = "exception", v.Closed.Reason.In(l)
		if closure != nil && closure(d) {
			c.Why = "closure"
		}
	case v.Closed.Source == timetable.SourceRecurrence:
		c.Why, c.Reason = "recurrence", v.Closed.Reason.In(l)
	case v.Closed.Comment != "":
		c.Reason = catalog.Comment(l, v.Closed.Comment)
	}
	day.Closed = c
	if c.Reason != "" {
		day.Line = catalog.T(l, "hours.closed_for", map[string]any{"Reason": c.Reason})
	} else {
		day.Line = catalog.T(l, "hours.closed", nil)
	}
	return day
}

// Monday returns the Monday of the week of d.
func Monday(d civil.Date) civil.Date { return d - civil.Date((int(d.Weekday())+6)%7) }

// Week returns the seven days from Monday of t, worded in l (see DayOf).
func Week(l text.Lang, t *timetable.Timetable, monday civil.Date, closure func(civil.Date) bool) []Day {
	days := make([]Day, 7)
	for i := range days {
		days[i] = DayOf(l, t, monday+civil.Date(i), closure)
	}
	return days
}

// Closures returns the closure test of DayOf for a compiled centre's extra
// closures.
func Closures(cs []centredata.Closure) func(civil.Date) bool {
	return func(d civil.Date) bool {
		for _, c := range cs {
			if c.From <= d && d < c.To {
				return true
			}
		}
		return false
	}
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
