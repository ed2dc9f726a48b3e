package schedule

import (
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/timetable"
)

// FirstDay and LastDay bound the days a Schedule answers for, in its own
// location: 1 January 1900 to 31 December 2199, the years of the holiday
// calendar (holidays.FirstYear to holidays.LastYear) on which PH and holiday
// closures depend. At an instant outside them a Schedule does not guess:
// the state is Unknown with [SourceOutOfRange] (see [Schedule.Covers]).
const (
	FirstDay date.Date = date.Date(timetable.FirstDay) // 1900-01-01
	LastDay  date.Date = date.Date(timetable.LastDay)  // 2199-12-31
)

// Covers reports whether t falls on a day from [FirstDay] to [LastDay] in
// the schedule's location: the instants for which the schedule's answers
// mean something. Elsewhere every query answers Unknown with
// SourceOutOfRange.
func (s *Schedule) Covers(t time.Time) bool { return s.t.Covers(t) }

// Bounds returns the first instant the schedule answers for, midnight at
// the start of FirstDay in its location, and the instant after the last,
// midnight at the end of LastDay.
func (s *Schedule) Bounds() (first, end time.Time) { return s.t.Bounds() }

// IsOpen reports whether the schedule is open at t. Unknown counts as not
// open, and so does an instant outside [Schedule.Bounds]. It does not
// allocate, except to build the cache of the days around t on the first
// query there.
func (s *Schedule) IsOpen(t time.Time) bool { return s.t.IsOpen(t) }

// State returns the state at t with what decided it. Outside
// [Schedule.Bounds] it is Unknown with Source SourceOutOfRange.
func (s *Schedule) State(t time.Time) State { return stateOf(s.t.State(t)) }

// NextChange returns the first instant after t at which the state (open,
// closed or unknown) differs from the state at t; a change of comment alone
// does not count, as in opening_hours.js getNextChange. It returns false
// when there is no change before t+Horizon. The instant is in the
// schedule's location. Across a change of UTC offset the answer follows
// the wall clock: a rule that opens at 02:30 on the day clocks jump from
// 02:00 to 03:00 opens at 03:00. The end of [Schedule.Bounds] is a change
// to Unknown (unless the state is Unknown already), and its start a change
// from Unknown.
func (s *Schedule) NextChange(t time.Time) (time.Time, bool) { return s.t.NextChange(t) }

// Intervals returns the open and unknown intervals that overlap [from, to),
// cut to [from, to), in order. An interval ends where the state, its
// comment, its reason or its source changes; one that runs past midnight
// is one interval. Times are in the schedule's location. The part of
// [from, to) outside [Schedule.Bounds] is an Unknown interval with Source
// SourceOutOfRange.
func (s *Schedule) Intervals(from, to time.Time) []Interval { return s.t.Intervals(from, to) }

// DayView is one calendar day of a schedule.
type DayView struct {
	Date      date.Date
	Start     time.Time  // the first instant of the day in the schedule's location
	End       time.Time  // the first instant of the next day
	Intervals []Interval // open and unknown intervals, cut to the day
	// Closed is the state that keeps the day closed when it has no
	// intervals: a holiday, an exception with its reason, or a rule.
	Closed State
}

// Day returns the view of calendar day d in the schedule's location. A day
// outside [FirstDay]..[LastDay] is one Unknown interval with Source
// SourceOutOfRange, or, outside years 1 to 9999, where it has no instants,
// no interval and Closed Unknown with that source.
func (s *Schedule) Day(d date.Date) DayView {
	v := s.t.Day(civil.Date(d))
	return DayView{Date: d, Start: v.Start, End: v.End, Intervals: v.Intervals, Closed: stateOf(v.Closed)}
}
