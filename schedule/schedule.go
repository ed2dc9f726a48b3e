package schedule

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/timetable"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/text"
)

// Kind is the state of a desk at an instant: Closed (the zero value),
// Open or Unknown.
type Kind = timetable.Kind

const (
	// Closed: the desk is closed (also where no rule applies).
	Closed = timetable.Closed
	// Open: the desk is open.
	Open = timetable.Open
	// Unknown: a rule applies but does not say open or closed, such as
	// `unknown` or a bare comment (`"by appointment"`), as in the
	// opening_hours specification; and every instant out of range.
	Unknown = timetable.Unknown
)

// Source tells which layer of a schedule decided a state.
type Source = timetable.Source

const (
	// SourceNone: no rule applies, so the desk is closed.
	SourceNone = timetable.SourceNone
	// SourceRule: a weekly opening_hours rule (including one with PH).
	SourceRule = timetable.SourceRule
	// SourceRecurrence: an RFC 5545 recurrence (WithRecurrences).
	SourceRecurrence = timetable.SourceRecurrence
	// SourceHoliday: a holiday on which the desk closes (WithHolidayClosures).
	SourceHoliday = timetable.SourceHoliday
	// SourceException: a dated exception (WithExceptions).
	SourceException = timetable.SourceException
	// SourceOutOfRange: the instant is outside the days the schedule
	// answers for, FirstDay to LastDay; the state is Unknown.
	SourceOutOfRange = timetable.SourceOutOfRange
)

// Text is a sentence in Dutch and English: loket's one bilingual text
// type.
type Text = text.Text

// State is the state of a schedule at an instant, with what decided it.
type State struct {
	Kind   Kind
	Source Source
	// Comment is the comment of the opening_hours rule that decided the
	// state ("by appointment"), empty if none.
	Comment string
	// Reason is the reason given with an exception or recurrence.
	Reason Text
	// Holiday is set (non-empty ID) when a holiday decided the state: a
	// holiday closure, or an opening_hours rule that matched through PH;
	// through PH +1 day the holiday of the day before, through PH -1 day
	// that of the day after (its Date tells).
	Holiday holidays.Holiday
}

// stateOf returns the public form of st.
func stateOf(st timetable.State) State {
	s := State{Kind: st.Kind, Source: st.Source, Comment: st.Comment, Reason: st.Reason}
	if st.Holiday.ID != "" {
		h := st.Holiday
		s.Holiday = holidays.Holiday{Date: date.Date(h.Date), ID: h.ID, Kind: h.Kind, Name: h.Name, Lustrum: h.Lustrum}
	}
	return s
}

// Interval is a stretch of time in which a schedule is open (or unknown),
// with one comment and reason throughout: Start and End ([Start, End), in
// the schedule's location), Kind (Open or Unknown), Source (the layer that
// decided it), Comment (of the opening_hours rule) and Reason (of the
// exception or recurrence that opened it).
type Interval = timetable.Interval

// Horizon is how far NextChange looks ahead: five years of 366 days, as
// opening_hours.js does by default.
const Horizon = timetable.Horizon

// Schedule is a compiled set of opening-hour rules: weekly rules in the
// OpenStreetMap opening_hours syntax, RFC 5545 recurrences, holiday closures
// and dated exceptions. Where they disagree, the first in this order wins:
//
//  1. exceptions decide every minute of the days they cover;
//  2. holiday closures close the whole day;
//  3. recurrences override the weekly rules for their times;
//  4. weekly rules, evaluated as opening_hours.js does.
//
// All rules are wall-clock times in the schedule's location, whatever the
// location of the instants passed in. On the day clocks go forward, wall
// times that do not exist are never reached (02:30 on 2026-03-29 in
// Amsterdam); on the day they go back, the repeated hour is evaluated twice
// by its wall-clock time.
//
// A Schedule answers for the days from [FirstDay] (1900-01-01) to [LastDay]
// (2199-12-31) in its location, the years its holiday calendar covers; at
// any other instant the state is Unknown with [SourceOutOfRange], never a
// guess. [Schedule.Covers] tells the two apart.
//
// A Schedule is immutable once built and safe for concurrent use. It caches
// evaluated days in blocks of about 97 days, each built on first use.
type Schedule struct {
	t   *timetable.Timetable
	cal holidays.Calendar
}

// Location returns the time zone of the schedule's wall-clock times.
func (s *Schedule) Location() *time.Location { return s.t.Location() }

// Holidays returns the schedule's holiday calendar.
func (s *Schedule) Holidays() holidays.Calendar { return s.cal }

// String returns the weekly rules in normalized opening_hours form
// (weekday and month names capitalized, two-digit hours, one space between
// selectors); parsing it again gives an equivalent schedule. Exceptions,
// recurrences and holiday closures are not part of it.
func (s *Schedule) String() string { return s.t.Program().Expr }

// Timetable returns the engine that answers the schedule's queries, for
// loket's packages that share it with the query side of a browser.
func (s *Schedule) Timetable() *timetable.Timetable { return s.t }

// MarshalBinary returns the schedule in loket's compiled binary form:
// versioned, sealed with a checksum, and naming its time zone and holiday
// region, so that a query side without the compilers (Unmarshal, or the
// widget in a browser) answers exactly as this schedule does.
func (s *Schedule) MarshalBinary() ([]byte, error) {
	p := s.t.Program()
	return p.MarshalBinary()
}

// Unmarshal loads a schedule from its binary form (see
// Schedule.MarshalBinary), in the time zone the form names, which
// time.LoadLocation must know. Damaged, truncated or foreign data gives an
// error, never a panic.
func Unmarshal(data []byte) (*Schedule, error) {
	p, err := timetable.Unmarshal(data)
	if err != nil {
		return nil, fmt.Errorf("schedule: %w", err)
	}
	loc, err := time.LoadLocation(p.Zone)
	if err != nil {
		return nil, fmt.Errorf("schedule: the time zone of the compiled schedule: %w", err)
	}
	return New(p, loc)
}

// New returns the schedule of a compiled program in loc. It is how loket's
// compilers (package schedule/osm, the centre file) and loaders make a
// Schedule; the program is checked, so that no program can make a query
// fail.
func New(p timetable.Program, loc *time.Location) (*Schedule, error) {
	t, err := timetable.New(p, loc)
	if err != nil {
		return nil, fmt.Errorf("schedule: %w", err)
	}
	cal, err := holidays.Netherlands(p.Region)
	if err != nil {
		return nil, fmt.Errorf("schedule: %w", err)
	}
	return &Schedule{t: t, cal: cal}, nil
}
