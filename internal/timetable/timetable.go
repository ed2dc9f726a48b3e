// Package timetable is the query side of loket's schedules: a compiled
// schedule as plain data ([Program]) and its evaluation ([Timetable]): the
// state at an instant, the next change, the open intervals and the view of
// a day.
//
// The compilers (the opening_hours parser and RRULE expansion of package
// schedule, the centre file) produce a Program; the binary form of a
// Program ([Program.MarshalBinary], [Unmarshal]) carries it to any query
// side, down to a browser. The package imports nothing heavy (no fmt, no
// rickb777/date, no parser), so that a WebAssembly build of it stays small;
// package schedule wraps it with the public API.
package timetable

import (
	"errors"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/holiday"
	"github.com/expatcentre/loket/internal/wire"
	"github.com/expatcentre/loket/text"
)

// Kind is the state of a desk at an instant. The zero value is Closed.
type Kind uint8

const (
	// Closed: the desk is closed (also where no rule applies).
	Closed Kind = iota
	// Open: the desk is open.
	Open
	// Unknown: a rule applies but does not say open or closed, such as
	// `unknown` or a bare comment (`"by appointment"`), as in the
	// opening_hours specification; and every instant out of range.
	Unknown
)

// String returns "closed", "open" or "unknown".
func (k Kind) String() string {
	switch k {
	case Open:
		return "open"
	case Unknown:
		return "unknown"
	case Closed:
		return "closed"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Source tells which layer of a schedule decided a state.
type Source uint8

const (
	// SourceNone: no rule applies, so the desk is closed.
	SourceNone Source = iota
	// SourceRule: a weekly opening_hours rule (including one with PH).
	SourceRule
	// SourceRecurrence: an RFC 5545 recurrence.
	SourceRecurrence
	// SourceHoliday: a holiday on which the desk closes.
	SourceHoliday
	// SourceException: a dated exception.
	SourceException
	// SourceOutOfRange: the instant is outside the days the schedule
	// answers for, FirstDay to LastDay; the state is Unknown.
	SourceOutOfRange
)

var sourceNames = [...]string{"none", "rule", "recurrence", "holiday", "exception", "out-of-range"}

// String returns "none", "rule", "recurrence", "holiday", "exception" or
// "out-of-range".
func (s Source) String() string {
	if int(s) >= len(sourceNames) {
		return "Source(" + strconv.Itoa(int(s)) + ")"
	}
	return sourceNames[s]
}

// FirstDay and LastDay bound the days a Timetable answers for, in its
// location: the years of the holiday calendar.
const (
	FirstDay = holiday.First // 1900-01-01
	LastDay  = holiday.Last  // 2199-12-31
)

// Limits on a Program, which its compilers enforce with their own errors
// and New checks again, so that no program, however it was made, can make
// evaluating a day expensive.
const (
	// MaxRules is the most rules of one opening_hours expression; a rule
	// whose times run past midnight compiles to two [Rule]s.
	MaxRules = 256
	// MaxExceptions is the most exceptions of a program.
	MaxExceptions = 10_000
	// MaxRecurrences is the most recurrences of a program.
	MaxRecurrences = 32
	// MinutesPerDay is the length of a day in minutes: spans end by it.
	MinutesPerDay = 24 * 60
)

// Program is a compiled schedule: the weekly opening_hours rules in the
// form opening_hours.js evaluates them, recurrences expanded into sets of
// days, exceptions as segments of a day, the holiday closures, and the
// texts they carry. Its slices must not be modified once a Timetable holds
// it.
type Program struct {
	// Zone is the IANA name of the location whose wall clock the rules
	// follow ("Europe/Amsterdam"); the binary form carries it.
	Zone string
	// Region is the region of the holiday calendar: "", "NL-LI" or "NL-NB".
	Region string
	// Expr is the weekly rules in normalized opening_hours form.
	Expr string
	// Rules are the weekly rules, in order.
	Rules []Rule
	// Labels are the comments and reasons that cells point to; Labels[0]
	// is empty, and a cell with label 0 has none.
	Labels []Label
	// ClosureKinds and ClosureIDs name the holidays on which the desk is
	// closed all day.
	ClosureKinds []holiday.Kind
	ClosureIDs   []string
	// Exceptions override whole days; sorted by From, not overlapping.
	Exceptions []Exception
	// Recurrences paint their spans on their days, in order.
	Recurrences []Recurrence
}

// Rule is a compiled opening_hours rule. A rule whose times run past
// midnight is followed by a Wrapped rule that applies the part after
// midnight on the next day, with the date selectors asked about the day
// before, as in opening_hours.js.
type Rule struct {
	Groups   [][]Selector // all groups must match; within a group any selector
	Spans    []Span       // within [0, MinutesPerDay]
	Kind     Kind
	Label    uint16 // index into Program.Labels; 0: no comment
	Wrapped  bool   // date selectors are evaluated for the previous day
	Resets   bool   // a match discards the rules matched before it (the ";" override)
	Fallback bool   // applies only where the rules before it leave the day closed
}

// SelKind is the kind of a date selector.
type SelKind uint8

const (
	SelYear     SelKind = iota // Y1..Y2 (Y2 = MaxInt32 for "+"), every P years
	SelMonths                  // Mask of months, bit 0 = January
	SelMonthDay                // M1 D1..D2 in the same month, in year Y1 when Y1 != 0; every P-th day from D1 when P != 0
	SelDateSpan                // Y1 M1 D1 .. Y2 M2 D2 (years 0 when absent), wraps over the year end; M1 0: from Easter Sunday + D1 days; M2 0: to Easter Sunday + D2 days, that day excluded (years 0)
	SelEaster                  // Easter Sunday + D1 days
	SelWeek                    // ISO weeks Y1..Y2 every P weeks
	SelWeekdays                // Mask of weekdays, bit 0 = Sunday
	SelNth                     // weekday D1, P-th of the month; negative counts from the end; moved by D2 days (see nthMoved)
	SelPH                      // a public holiday of the schedule's calendar, moved by D1 days (-1, 0 or 1)
	numSelKinds
)

// Selector is one date selector of a rule.
type Selector struct {
	Kind          SelKind
	Y1, M1, D1, P int32
	Y2, M2, D2    int32
	Mask          uint16
}

// Span is a stretch of a day, [From, To) in minutes since midnight.
type Span struct{ From, To int32 }

// Label is the comment of a rule, or the reason of an exception or a
// recurrence.
type Label struct {
	Comment string
	Reason  text.Text
}

// Cell is the state of a stretch of a day, and where it comes from.
type Cell struct {
	Kind    Kind
	Source  Source
	Holiday HolidayRef // whether a holiday decided: a PH rule or a holiday closure
	Label   uint16     // index into Program.Labels
}

// HolidayRef says whether a holiday decided a cell and on which day the
// holiday falls. It is a byte rather than a bool and an offset so that a
// Cell stays four small fields, as cheap to return as before.
type HolidayRef uint8

const (
	// NoHoliday: no holiday decided the cell.
	NoHoliday HolidayRef = iota
	// HolidayOnDay: a holiday of the cell's day (a holiday closure, or a
	// rule through PH), or of the day before for the part after midnight
	// of a PH rule that runs past it.
	HolidayOnDay
	// HolidayBefore: a rule through PH +1 day, the day after a holiday.
	HolidayBefore
	// HolidayAfter: a rule through PH -1 day, the day before a holiday.
	HolidayAfter
)

// holidayRef is the HolidayRef of a match through a PH selector moved by
// offset days.
func holidayRef(offset int32) HolidayRef {
	switch {
	case offset > 0:
		return HolidayBefore
	case offset < 0:
		return HolidayAfter
	}
	return HolidayOnDay
}

// Seg is a Cell from minute Start to the start of the next Seg (or 24:00).
type Seg struct {
	Start uint16
	Cell  Cell
}

// Exception is a dated exception: the days [From, To) look like Segs.
type Exception struct {
	From, To civil.Date
	Segs     []Seg
}

// Recurrence is an expanded recurrence: on the days of its set it paints
// Cell over Spans.
type Recurrence struct {
	First civil.Date
	Days  []uint64 // bit k: First+k is an occurrence
	Spans []Span
	Cell  Cell
}

// OccursOn reports whether d is a day of the recurrence.
func (r *Recurrence) OccursOn(d civil.Date) bool {
	k := int64(d - r.First)
	if k < 0 || k >= int64(len(r.Days))*64 {
		return false
	}
	return r.Days[k/64]&(1<<(k%64)) != 0
}

// Timetable answers queries on a Program in a location. It is immutable
// once made and safe for concurrent use. It caches evaluated days in
// blocks of about 97 days, each built on first use.
type Timetable struct {
	p          Program
	loc        *time.Location
	cal        holiday.Calendar
	hasWrapped bool
	phNear     bool  // a PH selector with a day offset asks about the days around
	first, end int64 // the instants of Bounds
	blocks     [numBlocks]atomic.Pointer[block]
}

// ErrProgram is the error of New for a program that breaks its invariants:
// a program a compiler did not make, such as a corrupted binary form.
var ErrProgram = errors.New("malformed schedule program")

// New returns the Timetable of p in loc. It checks every invariant that
// evaluation relies on, so that no program can make a query panic: New
// returns an error wrapping ErrProgram for one that breaks them.
func New(p Program, loc *time.Location) (*Timetable, error) {
	if loc == nil {
		return nil, errors.New("timetable: no location")
	}
	cal, ok := holiday.Netherlands(p.Region)
	if !ok {
		return nil, programError("unknown holiday region " + wire.Quoted(p.Region))
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	t := &Timetable{p: p, loc: loc, cal: cal}
	for i := range p.Rules {
		t.hasWrapped = t.hasWrapped || p.Rules[i].Wrapped
		for _, g := range p.Rules[i].Groups {
			for _, s := range g {
				t.phNear = t.phNear || s.Kind == SelPH && s.D1 != 0
			}
		}
	}
	t.first = FirstDay.Midnight(loc).Unix()
	t.end = (LastDay + 1).Midnight(loc).Unix()
	return t, nil
}

// Program returns the program of t. Its slices are shared and must not be
// modified.
func (t *Timetable) Program() Program { return t.p }

// Location returns the time zone of the rules' wall-clock times.
func (t *Timetable) Location() *time.Location { return t.loc }

// Calendar returns the holiday calendar: what PH means, and where holiday
// closures are looked up.
func (t *Timetable) Calendar() holiday.Calendar { return t.cal }

// label returns label i of the program.
func (t *Timetable) label(i uint16) Label { return t.p.Labels[i] }

// closureOn returns the holiday on d that closes the desk, if any.
func (t *Timetable) closureOn(d civil.Date) (holiday.Holiday, bool) {
	if len(t.p.ClosureKinds) == 0 && len(t.p.ClosureIDs) == 0 {
		return holiday.Holiday{}, false
	}
	var buf [4]holiday.Holiday
	for _, h := range t.cal.AllOn(d, buf[:0]) {
		if contains(t.p.ClosureKinds, h.Kind) || contains(t.p.ClosureIDs, h.ID) {
			return h, true
		}
	}
	return holiday.Holiday{}, false
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// exceptionOn returns the exception that covers d, or nil.
func (t *Timetable) exceptionOn(d civil.Date) *Exception {
	ex := t.p.Exceptions
	// The last exception that starts on or before d.
	lo, hi := 0, len(ex)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ex[mid].From <= d {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo > 0 && d < ex[lo-1].To {
		return &ex[lo-1]
	}
	return nil
}
