package schedule

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"

	"github.com/expatcentre/loket/schedule/holidays"
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
	// opening_hours specification.
	Unknown
)

// String returns "closed", "open" or "unknown".
func (k Kind) String() string {
	switch k {
	case Open:
		return "open"
	case Unknown:
		return "unknown"
	}
	return "closed"
}

// Source tells which layer of a schedule decided a state.
type Source uint8

const (
	// SourceNone: no rule applies, so the desk is closed.
	SourceNone Source = iota
	// SourceRule: a weekly opening_hours rule (including one with PH).
	SourceRule
	// SourceRecurrence: an RFC 5545 recurrence (WithRecurrences).
	SourceRecurrence
	// SourceHoliday: a holiday on which the desk closes (WithHolidayClosures).
	SourceHoliday
	// SourceException: a dated exception (WithExceptions).
	SourceException
	// SourceOutOfRange: the instant is outside the days the schedule
	// answers for, FirstDay to LastDay; the state is Unknown.
	SourceOutOfRange
)

// String returns "none", "rule", "recurrence", "holiday", "exception" or
// "out-of-range".
func (s Source) String() string {
	if int(s) >= len(sourceNames) {
		return fmt.Sprintf("Source(%d)", uint8(s))
	}
	return sourceNames[s]
}

var sourceNames = [...]string{"none", "rule", "recurrence", "holiday", "exception", "out-of-range"}

// Text is a sentence in Dutch and English.
type Text struct {
	NL string `json:"nl"`
	EN string `json:"en"`
}

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t.NL == "" && t.EN == "" }

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
	// holiday closure, or an opening_hours rule that matched through PH.
	Holiday holidays.Holiday
}

// Interval is a stretch of time in which a schedule is open (or unknown),
// with one comment and reason throughout.
type Interval struct {
	Start, End time.Time // [Start, End), in the schedule's location
	Kind       Kind      // Open or Unknown
	Source     Source    // the layer that decided it
	Comment    string    // comment of the opening_hours rule
	Reason     Text      // reason of the exception or recurrence that opened it
}

// Exception overrides whole calendar days: closed, or open with other hours.
// Exceptions take precedence over everything else.
type Exception struct {
	// Dates are the days covered (timespan.OneDayRange for a single day).
	Dates timespan.DateRange
	// Hours are the opening hours on those days, as opening_hours time
	// spans ("10:00-12:00,13:00-15:00") ending by 24:00. Empty: closed.
	Hours string
	// Reason says why, in Dutch and English ("personeelstraining" /
	// "staff training").
	Reason Text
}

// Recurrence opens or closes a desk on the days of an RFC 5545 recurrence
// rule, for the times it gives, over whatever the weekly rules say.
type Recurrence struct {
	// RRule is an RFC 5545 RRULE value ("FREQ=MONTHLY;BYDAY=1MO"), optionally
	// preceded by a "DTSTART:20260110" line. Only day-level frequencies
	// (YEARLY, MONTHLY, WEEKLY, DAILY) are accepted.
	RRule string
	// Start is the first day (DTSTART) when RRule has no DTSTART line.
	Start date.Date
	// Hours are the affected time spans ("10:00-13:00"), ending by 24:00;
	// empty means the whole day.
	Hours string
	// Closed makes this a closure; otherwise the desk opens.
	Closed bool
	// Reason says why, in Dutch and English.
	Reason Text
}

// Closures says on which holidays a desk is closed all day.
type Closures struct {
	Kinds []holidays.Kind // every holiday of these kinds
	IDs   []string        // and these holidays by id, such as "carnival-monday"
}

// Option configures ParseOSM.
type Option func(*options)

type options struct {
	loc         *time.Location
	cal         *holidays.Calendar
	closures    Closures
	exceptions  []Exception
	recurrences []Recurrence
}

// WithLocation sets the time zone in which the rules are read as wall-clock
// times. The default is Europe/Amsterdam.
func WithLocation(loc *time.Location) Option { return func(o *options) { o.loc = loc } }

// WithHolidays sets the holiday calendar: what PH means in a rule, and where
// holiday closures are looked up. The default is the Dutch national calendar.
func WithHolidays(cal holidays.Calendar) Option { return func(o *options) { o.cal = &cal } }

// WithHolidayClosures closes the desk all day on the given holidays of the
// schedule's calendar. Holiday closures take precedence over recurrences and
// weekly rules, and yield to exceptions.
func WithHolidayClosures(c Closures) Option { return func(o *options) { o.closures = c } }

// WithExceptions adds dated exceptions. They may not overlap.
func WithExceptions(ex ...Exception) Option {
	return func(o *options) { o.exceptions = append(o.exceptions, ex...) }
}

// WithRecurrences adds recurrences, applied in the order given (a later one
// wins where two apply to the same minute). They take precedence over the
// weekly rules.
func WithRecurrences(rc ...Recurrence) Option {
	return func(o *options) { o.recurrences = append(o.recurrences, rc...) }
}

// Horizon is how far NextChange looks ahead: five years of 366 days, as
// opening_hours.js does by default.
const Horizon = 5 * 366 * 24 * time.Hour

// LayerError reports a malformed exception or recurrence passed as an
// option, with its index (from 0) and field.
type LayerError struct {
	Layer string // "exceptions", "recurrences" or "closures"
	Index int
	Field string // "hours", "rrule", "dates", "ids", ...
	Err   error
}

// Error implements error.
func (e *LayerError) Error() string {
	return fmt.Sprintf("%s[%d].%s: %v", e.Layer, e.Index, e.Field, e.Err)
}

// Unwrap returns the underlying error.
func (e *LayerError) Unwrap() error { return e.Err }

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
// evaluated days in blocks of about 388 days, each built on first use.
type Schedule struct {
	loc         *time.Location
	cal         holidays.Calendar
	rules       []irule
	hasWrapped  bool
	parsed      []osmRule
	labels      []label
	labelIndex  map[label]uint16
	closureKind []holidays.Kind
	closureIDs  []string
	exceptions  []exception
	recurrences []recurrence
	blocks      [numBlocks]atomic.Pointer[block]
}

type label struct {
	comment string
	reason  Text
}

type exception struct {
	from, to date.Date // [from, to)
	segs     []seg
}

// ParseOSM compiles an opening_hours expression (and the layers given as
// options) into a Schedule. A malformed expression returns a *SyntaxError
// with the column; a malformed option returns a *LayerError.
func ParseOSM(expr string, opts ...Option) (*Schedule, error) {
	o := options{}
	for _, opt := range opts {
		opt(&o)
	}
	if o.loc == nil {
		loc, err := time.LoadLocation("Europe/Amsterdam")
		if err != nil {
			return nil, fmt.Errorf("loading the default time zone Europe/Amsterdam (import time/tzdata, or pass WithLocation): %w", err)
		}
		o.loc = loc
	}
	if o.cal == nil {
		cal, _ := holidays.Netherlands("")
		o.cal = &cal
	}
	parsed, err := parseRules(expr)
	if err != nil {
		return nil, err
	}
	s := &Schedule{loc: o.loc, cal: *o.cal, parsed: parsed, labels: []label{{}}}
	s.rules = compileRules(parsed, func(c string) uint16 { return s.label(label{comment: c}) })
	for _, r := range s.rules {
		s.hasWrapped = s.hasWrapped || r.wrapped
	}
	if err := s.compileClosures(o.closures); err != nil {
		return nil, err
	}
	if err := s.compileExceptions(o.exceptions); err != nil {
		return nil, err
	}
	if err := s.compileRecurrences(o.recurrences); err != nil {
		return nil, err
	}
	s.labelIndex = nil
	return s, nil
}

// label returns the index of l in s.labels, adding it when it is new.
// labelIndex finds it; it is used only while compiling.
func (s *Schedule) label(l label) uint16 {
	if l == (label{}) {
		return 0
	}
	if i, ok := s.labelIndex[l]; ok {
		return i
	}
	if s.labelIndex == nil {
		s.labelIndex = map[label]uint16{}
	}
	i := uint16(len(s.labels)) // MaxRules, MaxExceptions and MaxRecurrences keep it below 1<<16
	s.labels = append(s.labels, l)
	s.labelIndex[l] = i
	return i
}

// parseHours parses opening_hours time spans that end by 24:00.
func parseHours(hours string) ([]span, error) {
	toks, err := lex(hours)
	if err != nil {
		return nil, err
	}
	p := &parser{expr: hours, toks: toks}
	spans, _, err := p.parseTimes()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, p.expected(t, "\",\" and another time span, or the end")
	}
	for _, sp := range spans {
		if sp.to > minutesPerDay {
			return nil, fmt.Errorf("%02d:%02d-%02d:%02d runs past midnight: end by 24:00 and cover the next day separately",
				sp.from/60, sp.from%60, sp.to%minutesPerDay/60, sp.to%60)
		}
	}
	return spans, nil
}

func (s *Schedule) compileClosures(c Closures) error {
	known := holidays.IDs()
	for i, id := range c.IDs {
		if !slices.Contains(known, id) {
			return &LayerError{Layer: "closures", Index: i, Field: "ids",
				Err: fmt.Errorf("unknown holiday id %q; known ids: %s", id, strings.Join(known, ", "))}
		}
	}
	for i, k := range c.Kinds {
		if k != holidays.Public && k != holidays.Observance && k != holidays.Regional {
			return &LayerError{Layer: "closures", Index: i, Field: "kinds",
				Err: fmt.Errorf("unknown holiday kind %q; expected public, observance or regional", k)}
		}
	}
	s.closureKind = slices.Clone(c.Kinds)
	s.closureIDs = slices.Clone(c.IDs)
	return nil
}

// closureOn returns the holiday on d that closes the desk, if any.
func (s *Schedule) closureOn(d date.Date) (holidays.Holiday, bool) {
	if len(s.closureKind) == 0 && len(s.closureIDs) == 0 {
		return holidays.Holiday{}, false
	}
	var buf [4]holidays.Holiday
	for _, h := range s.cal.AllOn(d, buf[:0]) {
		if slices.Contains(s.closureKind, h.Kind) || slices.Contains(s.closureIDs, h.ID) {
			return h, true
		}
	}
	return holidays.Holiday{}, false
}

// MaxExceptions is the largest number of exceptions a schedule takes.
const MaxExceptions = 10_000

func (s *Schedule) compileExceptions(exs []Exception) error {
	if len(exs) > MaxExceptions {
		return &LayerError{Layer: "exceptions", Index: MaxExceptions, Field: "dates",
			Err: fmt.Errorf("%d exceptions: a schedule takes at most %d", len(exs), MaxExceptions)}
	}
	index := make([]int, len(exs)) // the place of each in exs
	for i, ex := range exs {
		if ex.Dates.IsEmpty() {
			return &LayerError{Layer: "exceptions", Index: i, Field: "dates", Err: errors.New("the date range is empty")}
		}
		e := exception{from: ex.Dates.Start(), to: ex.Dates.End()}
		lbl := s.label(label{reason: ex.Reason})
		e.segs = []seg{{0, cell{kind: Closed, source: SourceException, label: lbl}}}
		if strings.TrimSpace(ex.Hours) != "" {
			spans, err := parseHours(ex.Hours)
			if err != nil {
				return &LayerError{Layer: "exceptions", Index: i, Field: "hours", Err: err}
			}
			for _, sp := range spans {
				e.segs = paint(e.segs, sp.from, sp.to, cell{kind: Open, source: SourceException, label: lbl})
			}
		}
		s.exceptions = append(s.exceptions, e)
		index[i] = i
	}
	// Sorted by date, so that exceptionOn can search them.
	slices.SortStableFunc(index, func(a, b int) int { return cmp.Compare(s.exceptions[a].from, s.exceptions[b].from) })
	sorted := make([]exception, len(index))
	for k, i := range index {
		sorted[k] = s.exceptions[i]
		if k > 0 {
			prev := sorted[k-1]
			if j := index[k-1]; sorted[k].from < prev.to {
				j, i := min(i, j), max(i, j)
				e := s.exceptions[j]
				return &LayerError{Layer: "exceptions", Index: i, Field: "dates",
					Err: fmt.Errorf("overlaps exception %d (%s to %s)", j, e.from, e.to-1)}
			}
		}
	}
	s.exceptions = sorted
	return nil
}

// exceptionOn returns the exception that covers d, or nil.
func (s *Schedule) exceptionOn(d date.Date) *exception {
	// The first exception that starts after d, then the one before it.
	k, _ := slices.BinarySearchFunc(s.exceptions, d+1, func(e exception, d date.Date) int { return cmp.Compare(e.from, d) })
	if k > 0 && d < s.exceptions[k-1].to {
		return &s.exceptions[k-1]
	}
	return nil
}

// Location returns the time zone of the schedule's wall-clock times.
func (s *Schedule) Location() *time.Location { return s.loc }

// Holidays returns the schedule's holiday calendar.
func (s *Schedule) Holidays() holidays.Calendar { return s.cal }

// String returns the weekly rules in normalized opening_hours form
// (weekday and month names capitalized, two-digit hours, one space between
// selectors); parsing it again gives an equivalent schedule. Exceptions,
// recurrences and holiday closures are not part of it.
func (s *Schedule) String() string {
	var b strings.Builder
	for i, r := range s.parsed {
		if i > 0 {
			switch r.sep {
			case sepNormal:
				b.WriteString("; ")
			case sepAdditional:
				b.WriteString(", ")
			case sepFallback:
				b.WriteString(" || ")
			}
		}
		b.WriteString(strings.Join(r.text, " "))
	}
	return b.String()
}
