package schedule

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"

	"github.com/expatcentre/loket/internal/civil"
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
	// holiday closure, or an opening_hours rule that matched through PH.
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
const Horizon = timetable.Horizon

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
	t   *timetable.Timetable
	cal holidays.Calendar
}

// compiler holds what ParseOSM builds: the program, and an index of its
// labels while it is built.
type compiler struct {
	p          timetable.Program
	labelIndex map[timetable.Label]uint16
}

// ParseOSM compiles an opening_hours expression (and the layers given as
// options) into a Schedule. A malformed expression returns a *SyntaxError
// with the column; a malformed option a *LayerError.
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
	c := &compiler{p: timetable.Program{
		Zone: o.loc.String(), Region: o.cal.Region(), Expr: normalForm(parsed),
		Labels: []timetable.Label{{}},
	}}
	c.p.Rules = compileRules(parsed, func(comment string) uint16 { return c.label(timetable.Label{Comment: comment}) })
	if err := c.compileClosures(o.closures); err != nil {
		return nil, err
	}
	if err := c.compileExceptions(o.exceptions); err != nil {
		return nil, err
	}
	if err := c.compileRecurrences(o.recurrences); err != nil {
		return nil, err
	}
	t, err := timetable.New(c.p, o.loc)
	if err != nil {
		return nil, fmt.Errorf("schedule: compiled a program the query side refuses (a bug): %w", err)
	}
	return &Schedule{t: t, cal: *o.cal}, nil
}

// label returns the index of l in the program's labels, adding it when it
// is new.
func (c *compiler) label(l timetable.Label) uint16 {
	if l == (timetable.Label{}) {
		return 0
	}
	if i, ok := c.labelIndex[l]; ok {
		return i
	}
	if c.labelIndex == nil {
		c.labelIndex = map[timetable.Label]uint16{}
	}
	i := uint16(len(c.p.Labels)) // MaxRules, MaxExceptions and MaxRecurrences keep it below 1<<16
	c.p.Labels = append(c.p.Labels, l)
	c.labelIndex[l] = i
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

func (c *compiler) compileClosures(cl Closures) error {
	known := holidays.IDs()
	for i, id := range cl.IDs {
		if !slices.Contains(known, id) {
			return &LayerError{Layer: "closures", Index: i, Field: "ids",
				Err: fmt.Errorf("unknown holiday id %q; known ids: %s", id, strings.Join(known, ", "))}
		}
	}
	for i, k := range cl.Kinds {
		if k != holidays.Public && k != holidays.Observance && k != holidays.Regional {
			return &LayerError{Layer: "closures", Index: i, Field: "kinds",
				Err: fmt.Errorf("unknown holiday kind %q; expected public, observance or regional", k)}
		}
	}
	c.p.ClosureKinds = slices.Clone(cl.Kinds)
	c.p.ClosureIDs = slices.Clone(cl.IDs)
	return nil
}

// MaxExceptions is the largest number of exceptions a schedule takes.
const MaxExceptions = timetable.MaxExceptions

func (c *compiler) compileExceptions(exs []Exception) error {
	if len(exs) > MaxExceptions {
		return &LayerError{Layer: "exceptions", Index: MaxExceptions, Field: "dates",
			Err: fmt.Errorf("%d exceptions: a schedule takes at most %d", len(exs), MaxExceptions)}
	}
	all := make([]timetable.Exception, len(exs))
	for i, ex := range exs {
		if ex.Dates.IsEmpty() {
			return &LayerError{Layer: "exceptions", Index: i, Field: "dates", Err: errors.New("the date range is empty")}
		}
		e := timetable.Exception{From: civil.Date(ex.Dates.Start()), To: civil.Date(ex.Dates.End())}
		lbl := c.label(timetable.Label{Reason: ex.Reason})
		e.Segs = []timetable.Seg{{Start: 0, Cell: timetable.Cell{Kind: Closed, Source: SourceException, Label: lbl}}}
		if strings.TrimSpace(ex.Hours) != "" {
			spans, err := parseHours(ex.Hours)
			if err != nil {
				return &LayerError{Layer: "exceptions", Index: i, Field: "hours", Err: err}
			}
			for _, sp := range spans {
				e.Segs = timetable.Paint(e.Segs, sp.from, sp.to, timetable.Cell{Kind: Open, Source: SourceException, Label: lbl})
			}
		}
		all[i] = e
	}
	// Sorted by date, as the query side searches them.
	index := make([]int, len(all)) // the place of each in exs
	for i := range index {
		index[i] = i
	}
	slices.SortStableFunc(index, func(a, b int) int { return cmp.Compare(all[a].From, all[b].From) })
	c.p.Exceptions = make([]timetable.Exception, len(index))
	for k, i := range index {
		c.p.Exceptions[k] = all[i]
		if j := index[max(k-1, 0)]; k > 0 && all[i].From < all[j].To {
			j, i := min(i, j), max(i, j)
			return &LayerError{Layer: "exceptions", Index: i, Field: "dates",
				Err: fmt.Errorf("overlaps exception %d (%s to %s)", j, all[j].From, all[j].To-1)}
		}
	}
	return nil
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
	return fromProgram(p, loc)
}

// fromProgram returns the schedule of a program in loc.
func fromProgram(p timetable.Program, loc *time.Location) (*Schedule, error) {
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

// normalForm returns parsed rules in normalized opening_hours form.
func normalForm(parsed []osmRule) string {
	var b strings.Builder
	for i, r := range parsed {
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
