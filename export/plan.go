package export

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/internal/answer"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/text"
)

// MaxDays is the most days a Range covers: two years (731 days), enough
// for a calendar a year ahead and a year back. It bounds what an export
// costs and how large it is (a dated OpenStreetMap rule, or a calendar
// event, for each day that differs from the weekly hours).
const MaxDays = 731

// Range is the days an export covers, From to To, both included, as
// calendar days in the centre's time zone. The zero Range is not valid:
// use Year, or check a Range of your own with Check.
type Range struct {
	From, To date.Date
}

// Year returns the range of twelve months from day d: d to the day before
// the same date a year later (2026-03-01 to 2027-02-28).
func Year(d date.Date) Range {
	t := d.Midnight().AddDate(1, 0, 0)
	return Range{From: d, To: date.NewAt(t) - 1}
}

// Days returns how many days r covers.
func (r Range) Days() int { return int(r.To-r.From) + 1 }

// ErrRange is the error (for errors.Is) of a Range that cannot be
// exported: it ends before it starts, covers more than MaxDays days, or
// reaches beyond the days a schedule answers for.
var ErrRange = errors.New("range not exported")

// Check returns an error wrapping ErrRange, worded in Dutch and English
// (message.In), when r cannot be exported: To before From, more than
// MaxDays days, or a day outside schedule.FirstDay to schedule.LastDay.
func Check(r Range) error {
	data := map[string]any{"From": r.From.String(), "To": r.To.String(), "Days": int(r.To-r.From) + 1, "Max": MaxDays,
		"First": schedule.FirstDay.String(), "Last": schedule.LastDay.String()}
	switch {
	case r.To < r.From:
		return message.Wrap(ErrRange, "export.range.reversed", data)
	case r.From < schedule.FirstDay || r.To > schedule.LastDay:
		return message.Wrap(ErrRange, "export.range.outside", data)
	case r.Days() > MaxDays:
		return message.Wrap(ErrRange, "export.range.too_long", data)
	}
	return nil
}

// bounds returns the first instant of r and the instant after its last
// day, in loc.
func (r Range) bounds(loc *time.Location) (from, to time.Time) {
	return midnight(r.From, loc), midnight(r.To+1, loc)
}

// midnight returns the first instant of day d in loc.
func midnight(d date.Date, loc *time.Location) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// day is one day of a plan: the intervals of the desk's schedule that
// start on it, and their signature, equal for two days whose intervals
// are the same at the same wall-clock times.
type day struct {
	date      date.Date
	intervals []schedule.Interval
	sig       string
}

// plan is a desk's schedule over a range, split into the weekly hours
// (for each weekday the hours it has most often) and the days that
// differ from them.
type plan struct {
	loc  *time.Location
	r    Range
	days []day
	// usual[w] is the index in days of the first day of weekday w that
	// has the weekday's usual hours, or -1 when they are closed (no
	// interval starts on such a day).
	usual [7]int
	// last[w] is the index of the last such day.
	last [7]int
	// regular[i] reports whether days[i] has the usual hours of its
	// weekday.
	regular []bool
}

// newPlan splits the desk's schedule over r. r must have passed Check.
func newPlan(d *centre.Desk, r Range) *plan {
	s := d.Schedule
	loc := s.Location()
	p := &plan{loc: loc, r: r, days: make([]day, r.Days()), regular: make([]bool, r.Days())}
	for i := range p.days {
		p.days[i].date = r.From + date.Date(i)
	}
	from, to := r.bounds(loc)
	for _, iv := range s.Intervals(from, to) {
		i := int(date.NewAt(iv.Start.In(loc)) - r.From)
		p.days[i].intervals = append(p.days[i].intervals, iv)
	}
	count := map[string]int{}
	for i := range p.days {
		p.days[i].sig = signature(&p.days[i], loc)
		count[weekdayKey(p.days[i].date, p.days[i].sig)]++
	}
	// The usual hours of a weekday: the signature it has most often, the
	// first in the range on a tie.
	var best [7]string
	var bestN [7]int
	for i := range p.days {
		w, sig := p.days[i].date.Weekday(), p.days[i].sig
		if n := count[weekdayKey(p.days[i].date, sig)]; n > bestN[w] {
			best[w], bestN[w] = sig, n
		}
	}
	for w := range p.usual {
		p.usual[w], p.last[w] = -1, -1
	}
	for i := range p.days {
		w := p.days[i].date.Weekday()
		if p.days[i].sig != best[w] {
			continue
		}
		p.regular[i] = true
		if best[w] == "" {
			continue
		}
		if p.usual[w] < 0 {
			p.usual[w] = i
		}
		p.last[w] = i
	}
	return p
}

func weekdayKey(d date.Date, sig string) string { return d.Weekday().String() + "|" + sig }

// signature returns what makes the day's intervals the same as another
// day's: for each, its wall-clock start and end, its length, its state,
// source, comment and reason. A day on which a start cannot be written as
// a wall-clock time (the repeated hour when clocks go back) is unique.
func signature(d *day, loc *time.Location) string {
	var b strings.Builder
	for _, iv := range d.intervals {
		start := iv.Start.In(loc)
		if !wallExact(start, loc) {
			return "!" + d.date.String()
		}
		end := iv.End.In(loc)
		fmt.Fprintf(&b, "%s|%d|%s|%d|%d|%q|%q|%q;", start.Format("15:04:05"), date.NewAt(end)-d.date, end.Format("15:04:05"),
			iv.End.Sub(iv.Start), iv.Kind, iv.Comment, iv.Reason.NL, iv.Reason.EN)
		_ = iv.Source // intervals end where the source changes: the times tell them apart
	}
	return b.String()
}

// wallExact reports whether t's wall-clock time names t alone in loc.
func wallExact(t time.Time, loc *time.Location) bool {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, m, d, h, mi, s, t.Nanosecond(), loc).Equal(t)
}

// closed returns why day d is closed, in language l, when the desk's
// schedule has no interval on it: the holiday's or closure's name, the
// reason of an exception or recurrence, or the comment of a rule; ok is
// false on a day with intervals.
func closed(ce *centre.Centre, d *centre.Desk, day date.Date, l text.Lang) (reason string, ok bool) {
	a := answer.DayOf(l, d.Schedule.Timetable(), civil.Date(day), func(x civil.Date) bool {
		for _, cl := range ce.ExtraClosures {
			if cl.Dates.Contains(date.Date(x)) {
				return true
			}
		}
		return false
	})
	if a.Closed == nil {
		return "", false
	}
	return a.Closed.Reason, true
}

// sameIntervals reports whether two days' intervals are the same
// stretches in the same state.
func sameIntervals(a, b []schedule.Interval) bool {
	return slices.EqualFunc(a, b, func(x, y schedule.Interval) bool {
		return x.Start.Equal(y.Start) && x.End.Equal(y.End) && x.Kind == y.Kind
	})
}
