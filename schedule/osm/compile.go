package osm

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2/timespan"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/internal/timetable"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/text"
	"github.com/rickb777/date/v2"
)

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
	Reason text.Text
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
	Reason text.Text
}

// Closures says on which holidays a desk is closed all day.
type Closures struct {
	Kinds []holidays.Kind // every holiday of these kinds
	IDs   []string        // and these holidays by id, such as "carnival-monday"
}

// Option configures Parse.
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

// compiler holds what Parse builds: the program, and an index of its
// labels while it is built.
type compiler struct {
	p          timetable.Program
	labelIndex map[timetable.Label]uint16
	errs       []error // the layers' errors
}

// fail records a problem of a layer.
func (c *compiler) fail(layer Layer, index int, field string, err error) {
	c.errs = append(c.errs, &LayerError{Layer: layer, Index: index, Field: field, Err: err})
}

// Parse compiles an opening_hours expression (and the layers given as
// options) into a Schedule. A malformed expression returns a *SyntaxError
// with the column; a malformed option a *LayerError.
func Parse(expr string, opts ...Option) (*schedule.Schedule, error) {
	o := options{}
	for _, opt := range opts {
		opt(&o)
	}
	if o.loc == nil {
		loc, err := time.LoadLocation("Europe/Amsterdam")
		if err != nil {
			return nil, message.Wrap(err, "errors.osm.default_zone", map[string]any{"Error": err})
		}
		o.loc = loc
	}
	if o.cal == nil {
		cal, _ := holidays.Netherlands("")
		o.cal = &cal
	}
	// Every layer is compiled, whatever the others' problems, so that all
	// of them are reported at once.
	var errs Errors
	parsed, err := parseRules(expr)
	if err != nil {
		errs = append(errs, err)
	}
	c := &compiler{p: timetable.Program{
		Zone: o.loc.String(), Region: o.cal.Region(), Expr: normalForm(parsed),
		Labels: []timetable.Label{{}},
	}}
	c.p.Rules = compileRules(parsed, func(comment string) uint16 { return c.label(timetable.Label{Comment: comment}) })
	c.compileClosures(o.closures)
	c.compileExceptions(o.exceptions)
	c.compileRecurrences(o.recurrences)
	if errs = append(errs, c.errs...); len(errs) > 0 {
		return nil, errs
	}
	s, err := schedule.New(c.p, o.loc)
	if err != nil {
		return nil, fmt.Errorf("osm: compiled a program the query side refuses (a bug): %w", err) // i18n:ignore: a bug, not a problem of the input
	}
	return s, nil
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
		return nil, p.expected(t, "errors.osm.what.more_spans")
	}
	for _, sp := range spans {
		if sp.to > minutesPerDay {
			return nil, message.NewError("errors.osm.past_midnight", map[string]any{"Span": fmt.Sprintf("%02d:%02d-%02d:%02d",
				sp.from/60, sp.from%60, sp.to%minutesPerDay/60, sp.to%60)})
		}
	}
	return spans, nil
}

func (c *compiler) compileClosures(cl Closures) {
	known := holidays.IDs()
	for i, id := range cl.IDs {
		if !slices.Contains(known, id) {
			c.fail(LayerClosures, i, "ids", message.NewError("errors.osm.unknown_holiday", map[string]any{"ID": excerpt.Quote(id), "IDs": strings.Join(known, ", ")}))
		}
	}
	for i, k := range cl.Kinds {
		if k != holidays.Public && k != holidays.Observance && k != holidays.Regional {
			c.fail(LayerClosures, i, "kinds", message.NewError("errors.osm.unknown_kind", map[string]any{"Kind": excerpt.Quote(string(k))}))
		}
	}
	c.p.ClosureKinds = slices.Clone(cl.Kinds)
	c.p.ClosureIDs = slices.Clone(cl.IDs)
}

// MaxExceptions is the largest number of exceptions a schedule takes.
const MaxExceptions = timetable.MaxExceptions

func (c *compiler) compileExceptions(exs []Exception) {
	if len(exs) > MaxExceptions {
		c.fail(LayerExceptions, MaxExceptions, "dates", message.NewError("errors.osm.too_many_exceptions", map[string]any{"Count": len(exs), "Max": MaxExceptions}))
		return
	}
	var all []timetable.Exception
	var index []int // the place in exs of each in all
	for i, ex := range exs {
		if ex.Dates.IsEmpty() {
			c.fail(LayerExceptions, i, "dates", message.NewError("errors.osm.empty_range", nil))
			continue
		}
		e := timetable.Exception{From: civil.Date(ex.Dates.Start()), To: civil.Date(ex.Dates.End())}
		lbl := c.label(timetable.Label{Reason: ex.Reason})
		e.Segs = []timetable.Seg{{Start: 0, Cell: timetable.Cell{Kind: timetable.Closed, Source: timetable.SourceException, Label: lbl}}}
		if strings.TrimSpace(ex.Hours) != "" {
			spans, err := parseHours(ex.Hours)
			if err != nil {
				c.fail(LayerExceptions, i, "hours", err)
				continue
			}
			open := timetable.Layer{Cell: timetable.Cell{Kind: timetable.Open, Source: timetable.SourceException, Label: lbl}}
			for _, sp := range spans {
				open.Spans = append(open.Spans, timetable.Span{From: int32(sp.from), To: int32(sp.to)})
			}
			e.Segs = timetable.Overlay(e.Segs, []timetable.Layer{open})
		}
		all = append(all, e)
		index = append(index, i)
	}
	// Sorted by date, as the query side searches them; an exception that
	// overlaps one before it (in the list) is an error.
	order := make([]int, len(all))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(all[a].From, all[b].From) })
	var overlaps []*LayerError
	for k := 1; k < len(order); k++ {
		a, b := order[k-1], order[k]
		if all[b].From < all[a].To {
			j, i := min(a, b), max(a, b)
			overlaps = append(overlaps, &LayerError{Layer: LayerExceptions, Index: index[i], Field: "dates",
				Err: message.NewError("errors.osm.overlaps", map[string]any{"Index": index[j], "From": all[j].From, "To": all[j].To - 1})})
		}
	}
	slices.SortStableFunc(overlaps, func(x, y *LayerError) int { return cmp.Compare(x.Index, y.Index) })
	for _, e := range overlaps {
		c.errs = append(c.errs, e)
	}
	c.p.Exceptions = make([]timetable.Exception, len(order))
	for k, i := range order {
		c.p.Exceptions[k] = all[i]
	}
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
