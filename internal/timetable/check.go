package timetable

import (
	"strconv"

	"github.com/expatcentre/loket/internal/holiday"
)

// programError is the error of New for a malformed program.
type programError string

func (e programError) Error() string { return ErrProgram.Error() + ": " + string(e) }
func (e programError) Unwrap() error { return ErrProgram }

// Bounds on what a program may hold beyond the limits its compilers
// enforce, so that a program from anywhere stays cheap to evaluate.
const (
	maxSpansPerRule = 512
	maxSpans        = 8192 // in all rules and recurrences: an expression of MaxExpressionLength has fewer
	maxSelectors    = 4096
	maxRecurDays    = int(LastDay-FirstDay)/64 + 2 // words of a recurrence's set of days
)

// check reports the first invariant that p breaks.
func (p *Program) check() error {
	if len(p.Labels) == 0 || p.Labels[0] != (Label{}) {
		return programError("label 0 must be the empty label")
	}
	if len(p.Labels) > 1<<16 {
		return programError("more than 65536 labels")
	}
	if len(p.Rules) > 2*MaxRules {
		return programError(strconv.Itoa(len(p.Rules)) + " rules, more than " + strconv.Itoa(2*MaxRules))
	}
	selectors, spans := 0, 0
	for i := range p.Rules {
		r := &p.Rules[i]
		where := "rule " + strconv.Itoa(i)
		if r.Kind > Unknown || int(r.Label) >= len(p.Labels) {
			return programError(where + ": bad kind or label")
		}
		if spans += len(r.Spans); len(r.Spans) > maxSpansPerRule || spans > maxSpans {
			return programError(where + ": too many spans")
		}
		for _, sp := range r.Spans {
			if !spanOK(sp) {
				return programError(where + ": span outside the day")
			}
		}
		for _, g := range r.Groups {
			selectors += len(g)
			if selectors > maxSelectors {
				return programError("too many selectors")
			}
			for _, s := range g {
				if !s.ok() {
					return programError(where + ": malformed selector")
				}
			}
		}
	}
	for i, k := range p.ClosureKinds {
		if k != holiday.Public && k != holiday.Observance && k != holiday.Regional {
			return programError("closure kind " + strconv.Itoa(i) + " is unknown")
		}
	}
	for i, id := range p.ClosureIDs {
		if !contains(holiday.IDs(), id) {
			return programError("closure id " + strconv.Itoa(i) + " is unknown")
		}
	}
	if len(p.Exceptions) > MaxExceptions {
		return programError("too many exceptions")
	}
	for i := range p.Exceptions {
		e := &p.Exceptions[i]
		where := "exception " + strconv.Itoa(i)
		if e.From >= e.To || i > 0 && e.From < p.Exceptions[i-1].To {
			return programError(where + ": empty, out of order or overlapping")
		}
		if !p.segsOK(e.Segs) {
			return programError(where + ": malformed segments")
		}
	}
	if len(p.Recurrences) > MaxRecurrences {
		return programError("too many recurrences")
	}
	for i := range p.Recurrences {
		r := &p.Recurrences[i]
		where := "recurrence " + strconv.Itoa(i)
		if spans += len(r.Spans); len(r.Days) > maxRecurDays || len(r.Spans) > maxSpansPerRule || spans > maxSpans || !p.cellOK(r.Cell) {
			return programError(where + ": malformed")
		}
		for _, sp := range r.Spans {
			if !spanOK(sp) {
				return programError(where + ": span outside the day")
			}
		}
	}
	return nil
}

// easterEndOK reports whether month m, day d is an end of a date span:
// a date, or (m 0) an offset from Easter Sunday.
func easterEndOK(m, d int32) bool {
	if m == 0 {
		return -400 <= d && d <= 400
	}
	return 1 <= m && m <= 12 && 0 <= d && d <= 31
}

func spanOK(sp Span) bool { return 0 <= sp.From && sp.From <= sp.To && sp.To <= MinutesPerDay }

func (p *Program) cellOK(c Cell) bool {
	return c.Kind <= Unknown && c.Source <= SourceOutOfRange && c.Holiday <= HolidayOnDay && int(c.Label) < len(p.Labels)
}

// segsOK reports whether segs describe a day: from minute 0, in order.
func (p *Program) segsOK(segs []Seg) bool {
	if len(segs) == 0 || segs[0].Start != 0 || len(segs) > MinutesPerDay {
		return false
	}
	for i, sg := range segs {
		if sg.Start >= MinutesPerDay || i > 0 && sg.Start <= segs[i-1].Start || !p.cellOK(sg.Cell) {
			return false
		}
	}
	return true
}

// ok reports whether s is a selector that evaluation can ask about any day.
func (s Selector) ok() bool {
	switch s.Kind {
	case SelYear, SelWeek:
		return s.P >= 0
	case SelMonths:
		return s.Mask < 1<<12
	case SelWeekdays:
		return s.Mask < 1<<7
	case SelMonthDay:
		return 1 <= s.M1 && s.M1 <= 12 && 1 <= s.D1 && s.D1 <= 31 && 0 <= s.D2 && s.D2 <= 31 &&
			0 <= s.P && s.P <= 31 && -1_000_000 < s.Y1 && s.Y1 < 1_000_000
	case SelDateSpan:
		if s.M1 == 0 || s.M2 == 0 { // from or to Easter: offsets within Easter's year, no years
			return easterEndOK(s.M1, s.D1) && easterEndOK(s.M2, s.D2) && s.Y1 == 0 && s.Y2 == 0
		}
		return 1 <= s.M1 && s.M1 <= 12 && 1 <= s.D1 && s.D1 <= 31 && 0 <= s.D2 && s.D2 <= 31 &&
			1 <= s.M2 && s.M2 <= 12 &&
			-1_000_000 < s.Y1 && s.Y1 < 1_000_000 && -1_000_000 < s.Y2 && s.Y2 < 1_000_000
	case SelEaster:
		return -400 <= s.D1 && s.D1 <= 400
	case SelNth:
		return 0 <= s.D1 && s.D1 <= 6 && s.P != 0 && -5 <= s.P && s.P <= 5 && -6 <= s.D2 && s.D2 <= 6
	case SelPH:
		return -1 <= s.D1 && s.D1 <= 1
	}
	return false
}
