package services

import (
	"fmt"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/dated"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
)

// Estimate is when the procedure of a service, submitted on a date, is
// expected to be decided: one [Period] per processing period of the
// service.
type Estimate struct {
	// Service is the service's ID.
	Service string
	// Submitted is the date of submission; every period is counted from the
	// day after it.
	Submitted date.Date
	// Periods are the service's processing periods that have a value on
	// Submitted, in the order of the centre file.
	Periods []Period
}

// Target returns the first policy target of the estimate: the expected
// date. It returns false when the service has none.
func (e Estimate) Target() (Period, bool) { return e.first(centre.PolicyTarget) }

// Statutory returns the statutory period of the estimate: the latest date
// set by law. It returns false when the service has none.
func (e Estimate) Statutory() (Period, bool) { return e.first(centre.StatutoryPeriod) }

func (e Estimate) first(k centre.TargetKind) (Period, bool) {
	for _, p := range e.Periods {
		if p.Target.Kind == k {
			return p, true
		}
	}
	return Period{}, false
}

// Period is one processing period counted from a submission.
type Period struct {
	// Target is the period as the centre file states it.
	Target *centre.Target
	// Value is the period's length in force on the date of submission,
	// with its source: in the Target's unit.
	Value dated.Entry[float64]
	// Days is the number of days counted: working days for working-days
	// and weeks (5 per week), calendar days for days.
	Days int
	// Start is the first day of the period: the day after submission.
	Start date.Date
	// End is the day the count ends: the last working day counted, or the
	// last of the calendar days.
	End date.Date
	// Due is the date the period gives: End, or for a statutory period
	// that ends on a Saturday, Sunday or public holiday, the day the
	// Algemene termijnenwet extends it to.
	Due date.Date
	// Skipped are the days that were not counted, in date order: for
	// working days, the days from Start to End that are not working days;
	// for a statutory period, the days from End up to Due that the
	// extension passed over. Empty for a period that skips nothing.
	Skipped []Skipped
}

// Extended reports whether the Algemene termijnenwet extended the period:
// Due is after End.
func (p Period) Extended() bool { return p.Due > p.End }

// Why says why a day was skipped.
type Why uint8

const (
	// Weekend: a Saturday or Sunday.
	Weekend Why = iota + 1
	// Holiday: a holiday. For working days, one the centre closes on; for a
	// statutory period, an algemeen erkende feestdag of the Algemene
	// termijnenwet.
	Holiday
	// Closure: one of the centre's extra closures (holidays.extra_closures).
	Closure
)

// String returns "weekend", "holiday" or "closure".
func (w Why) String() string {
	switch w {
	case Weekend:
		return "weekend"
	case Holiday:
		return "holiday"
	case Closure:
		return "closure"
	}
	return fmt.Sprintf("Why(%d)", uint8(w))
}

// Skipped is a day that a period did not count.
type Skipped struct {
	Date date.Date
	Why  Why
	// Holiday is the holiday's id ("christmas-day") when Why is Holiday.
	Holiday string
	// Name is the holiday's or the closure's name; empty for a weekend.
	Name schedule.Text
}

// maxDays bounds the days a period may take, so that a centre closed for
// years cannot make an estimate run on: about 30 years.
const maxDays = 11000

// ErrOutOfRange is the error of an estimate that would count days outside
// [schedule.FirstDay] to [schedule.LastDay], the years of the holiday
// calendar: loket refuses to guess which of those days are working days.
var ErrOutOfRange error = message.NewError("errors.services.out_of_range", map[string]any{"First": schedule.FirstDay, "Last": schedule.LastDay})

// Estimate returns the dates of the processing periods of the service id
// for a procedure submitted on submitted. The error is an
// *[UnknownServiceError] for an id that the catalogue lacks; it says so
// when the service has no processing periods, or none with a value on that
// date; it wraps [ErrOutOfRange] when submitted or a day the count reaches
// is outside the days loket answers for, and says so when the centre is
// closed for longer than about 30 years (11,000 days) in a row.
func (c *Catalogue) Estimate(id string, submitted date.Date) (Estimate, error) {
	s, ok := c.Service(id)
	if !ok {
		return Estimate{}, &UnknownServiceError{ID: id, IDs: c.IDs()}
	}
	if submitted < schedule.FirstDay || submitted > schedule.LastDay {
		return Estimate{}, message.Wrap(ErrOutOfRange, "errors.services.submitted", map[string]any{"Date": submitted, "Error": ErrOutOfRange})
	}
	if len(s.Processing) == 0 {
		var with []string
		for _, o := range c.services {
			if len(o.Processing) > 0 {
				with = append(with, o.ID)
			}
		}
		return Estimate{}, message.NewError("errors.services.no_periods", map[string]any{"ID": id, "IDs": strings.Join(with, ", ")})
	}
	e := Estimate{Service: s.ID, Submitted: submitted, Periods: make([]Period, 0, len(s.Processing))}
	first := date.Max()
	for i := range s.Processing {
		t := &s.Processing[i]
		v, ok := t.Amount.At(submitted)
		if len(t.Amount.Entries) > 0 {
			first = min(first, t.Amount.Entries[0].From)
		}
		if !ok {
			continue
		}
		p, err := c.period(t, v, submitted)
		if err != nil {
			return Estimate{}, message.Wrap(err, "errors.services.period", map[string]any{"Period": t.ID, "Service": id, "Date": submitted, "Error": err})
		}
		e.Periods = append(e.Periods, p)
	}
	if len(e.Periods) == 0 {
		return Estimate{}, message.NewError("errors.services.no_value", map[string]any{"Service": id, "Date": submitted, "First": first})
	}
	return e, nil
}

// period counts one period from the day after submitted.
func (c *Catalogue) period(t *centre.Target, v dated.Entry[float64], submitted date.Date) (Period, error) {
	p := Period{Target: t, Value: v, Start: submitted + 1}
	beyond := func(d date.Date) error {
		return message.Wrap(ErrOutOfRange, "errors.services.count_reaches", map[string]any{"Date": d, "Error": ErrOutOfRange})
	}
	switch t.Unit {
	case centre.WorkingDays, centre.Weeks:
		p.Days = int(v.Value)
		if t.Unit == centre.Weeks {
			p.Days *= 5
		}
		counted := 0
		d := p.Start
		for ; counted < p.Days; d++ {
			if d > schedule.LastDay {
				return Period{}, beyond(d)
			}
			if d >= p.Start+maxDays {
				return Period{}, message.NewError("errors.services.closed_for_years", map[string]any{"Days": p.Days, "Max": maxDays})
			}
			if sk, closed := c.closedOn(d); closed {
				p.Skipped = append(p.Skipped, sk)
				continue
			}
			counted++
		}
		p.End, p.Due = d-1, d-1
	default: // calendar days
		p.Days = int(v.Value)
		p.End = submitted + date.Date(p.Days)
		p.Due = p.End
		if t.Kind == centre.StatutoryPeriod {
			for sk, ok := atwDay(p.Due); ok && p.Due <= schedule.LastDay; sk, ok = atwDay(p.Due) {
				p.Skipped = append(p.Skipped, sk)
				p.Due++
			}
		}
		if p.Due > schedule.LastDay {
			return Period{}, beyond(p.Due)
		}
	}
	return p, nil
}

// closedOn says whether d is not a working day of the centre, and why:
// a weekend, or a closure of the whole centre as its desks' schedules have
// it (centre.Centre.ClosedOn): a holiday the centre closes on, or an extra
// closure.
func (c *Catalogue) closedOn(d date.Date) (Skipped, bool) {
	if w := d.Weekday(); w == time.Saturday || w == time.Sunday {
		return Skipped{Date: d, Why: Weekend}, true
	}
	cl, closed := c.centre.ClosedOn(d)
	switch {
	case !closed:
		return Skipped{}, false
	case cl.IsHoliday():
		return Skipped{Date: d, Why: Holiday, Holiday: cl.Holiday.ID, Name: cl.Name}, true
	}
	return Skipped{Date: d, Why: Closure, Name: cl.Name}, true
}

// atwDay says whether a statutory period that ends on d is extended by
// article 1 of the Algemene termijnenwet: d is a Saturday, a Sunday, an
// algemeen erkende feestdag of article 3(1), or Good Friday (article 3(2)).
// The holidays are national, whatever the centre's region.
func atwDay(d date.Date) (Skipped, bool) {
	if w := d.Weekday(); w == time.Saturday || w == time.Sunday {
		return Skipped{Date: d, Why: Weekend}, true
	}
	var national holidays.Calendar
	h, ok := national.PublicOn(d)
	if !ok {
		if h, ok = national.On(d); ok && h.ID != "good-friday" {
			ok = false
		}
	}
	if !ok {
		return Skipped{}, false
	}
	return Skipped{Date: d, Why: Holiday, Holiday: h.ID, Name: schedule.Text{NL: h.Name.NL, EN: h.Name.EN}}, true
}
