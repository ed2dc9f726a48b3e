package centre

import (
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
)

// The centre's closures (the holidays it closes on and its extra
// closures) are compiled once into the layers that every desk's schedule
// starts from, and into a schedule of their own that is open around the
// clock except on them. ClosedOn asks that schedule, so that whether a day
// is a closure of the centre is decided in one place, by the same
// evaluation that closes the desks: a desk is closed on exactly the days
// ClosedOn reports, for the same reason, unless its own exceptions open it
// on a holiday.

// Closing is why the whole centre is closed on a day.
type Closing struct {
	// Date is the day.
	Date date.Date
	// Holiday is the holiday that closes the centre (holidays.closed_on):
	// its ID is empty when an extra closure does.
	Holiday holidays.Holiday
	// Name is the name of the holiday, or of the extra closure
	// (holidays.extra_closures), in Dutch and English.
	Name schedule.Text
}

// IsHoliday reports whether a holiday closes the centre, rather than an
// extra closure.
func (c Closing) IsHoliday() bool { return c.Holiday.ID != "" }

// ClosedOn reports whether the whole centre is closed on day d, and why:
// a holiday it closes on, or one of its extra closures, which wins where
// it covers a holiday, as it does in every desk's schedule. A weekend is
// no closure. It reports false for a day outside schedule.FirstDay to
// schedule.LastDay, and for a Centre that Load did not make. ClosedOn does
// not allocate.
func (c *Centre) ClosedOn(d date.Date) (Closing, bool) {
	if c.closures == nil || d < schedule.FirstDay || d > schedule.LastDay {
		return Closing{}, false
	}
	y, m, day := d.Date()
	st := c.closures.State(time.Date(y, m, day, 12, 0, 0, 0, c.closures.Location()))
	switch {
	case st.Kind != schedule.Closed:
		return Closing{}, false
	case st.Source == schedule.SourceHoliday:
		return Closing{Date: d, Holiday: st.Holiday, Name: st.Holiday.Name}, true
	}
	return Closing{Date: d, Name: st.Reason}, true
}

// closureOptions returns the layers of the centre's closures, which every
// desk's schedule starts from: the centre's holiday calendar and time
// zone, the holidays it closes on and its extra closures, as exceptions,
// first. A desk adds its own exceptions after them.
func closureOptions(c *Centre) []osm.Option {
	exs := make([]osm.Exception, len(c.ExtraClosures))
	for i, cl := range c.ExtraClosures {
		exs[i] = osm.Exception{Dates: cl.Dates, Reason: cl.Name}
	}
	opts := []osm.Option{
		osm.WithHolidays(c.Holidays),
		osm.WithHolidayClosures(c.HolidayClosures),
		osm.WithExceptions(exs...),
	}
	if c.Location != nil {
		opts = append(opts, osm.WithLocation(c.Location))
	}
	return opts
}

// compileClosures compiles the schedule of the centre's closures: open
// around the clock except on them.
func (d *decoder) compileClosures(c *Centre, opts []osm.Option) {
	if c.Location == nil {
		return // no zone: reported
	}
	s, err := osm.Parse("24/7", opts...)
	if err != nil {
		// The holidays and the closures were checked above; a desk's
		// schedule reports what is left.
		return
	}
	c.closures = s
}
