package centre

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"

	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/internal/yamlfile"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
)

// compile checks what the decoded values mean and builds the centre. It
// goes on past errors, so that every error of the file is recorded; the
// centre it returns is only used when there were none.
func (d *decoder) compile(cfg *config) *Centre {
	c := &Centre{
		ID:              cfg.id.V,
		Name:            cfg.name.V,
		Description:     cfg.description.V,
		Address:         cfg.address.V,
		Coordinates:     cfg.coordinates.V,
		Website:         cfg.website.V,
		BookingURL:      cfg.bookingURL.V,
		DefaultLanguage: "nl",
	}
	if cfg.defaultLanguage.OK {
		c.DefaultLanguage = cfg.defaultLanguage.V
	}
	c.Location = d.location(cfg.doc, cfg.timeZone)
	c.Holidays, c.HolidayClosures = d.holidayPolicy(cfg.holidays)
	c.ExtraClosures = d.extraClosures(cfg.holidays.extra)
	closures := closureOptions(c)
	d.compileClosures(c, closures)

	ids := map[string]at{}
	allIDs := true
	for i := range cfg.desks {
		k := &cfg.desks[i]
		if !k.id.OK {
			allIDs = false
		} else if prev, dup := ids[k.id.V]; dup {
			d.Fail(k.id.At, "errors.centre.duplicate_desk", duplicate(k.id.V, prev))
		} else {
			ids[k.id.V] = k.id.At
		}
		if desk := d.compileDesk(k, c, closures); desk != nil {
			c.Desks = append(c.Desks, desk)
		}
	}
	switch {
	case cfg.defaultDesk.OK && allIDs:
		if _, ok := ids[cfg.defaultDesk.V]; !ok {
			names := make([]string, 0, len(cfg.desks))
			for _, k := range cfg.desks {
				if !slices.Contains(names, k.id.V) {
					names = append(names, k.id.V)
				}
			}
			d.Report(cfg.defaultDesk.At, yamlfile.WithSuggestion(message.New("errors.centre.unknown_desk", map[string]any{"ID": strconv.Quote(cfg.defaultDesk.V)}),
				cfg.defaultDesk.V, names, "errors.centre.desks_are"))
		}
		c.DefaultDesk = cfg.defaultDesk.V
	case len(c.Desks) > 0:
		c.DefaultDesk = c.Desks[0].ID
	}
	c.ServiceArea = d.compileArea(cfg.serviceArea)
	c.Services = d.compileServices(cfg.services, c, ids, allIDs)
	d.checkAreaOnly(cfg.services, cfg.serviceArea.At.Given())
	c.Advice = d.compileAdvice(cfg.bookNext, c)
	return c
}

// duplicate returns the data of the message of an id given twice: the id,
// quoted, and the place of the first one (the path of what it is the id
// of, and its line).
func duplicate(id string, first at) map[string]any {
	return map[string]any{"ID": strconv.Quote(id), "First": strings.TrimSuffix(first.Path, ".id"), "Line": first.Line}
}

// location loads the centre's time zone.
func (d *decoder) location(doc at, tz val[string]) *time.Location {
	if !tz.OK {
		if tz.At.Path != "" {
			return nil // malformed, and reported
		}
		loc, err := time.LoadLocation("Europe/Amsterdam")
		if err != nil {
			d.Add(0, 0, "time_zone", message.New("errors.centre.default_zone", map[string]any{"Error": err}), err)
		}
		return loc
	}
	if tz.V == "Local" {
		d.Fail(tz.At, "errors.centre.local_zone", nil)
		return nil
	}
	loc, err := time.LoadLocation(tz.V)
	if err != nil {
		d.Add(tz.At.Line, tz.At.Col, tz.At.Path, message.New("errors.centre.unknown_zone", map[string]any{"Zone": quote(tz.V)}), err)
		return nil
	}
	return loc
}

// holidayPolicy builds the calendar and the closures on holidays.
func (d *decoder) holidayPolicy(h holidayConfig) (holidays.Calendar, osm.Closures) {
	if h.country.OK && h.country.V != "NL" {
		d.Report(h.country.At, yamlfile.ExpectedText(m("errors.centre.what.nl_only"), h.country.V))
	}
	var cal holidays.Calendar
	if h.region.OK {
		var err error
		if cal, err = holidays.Netherlands(h.region.V); err != nil {
			d.Report(h.region.At, yamlfile.ExpectedText(m("errors.centre.what.region"), h.region.V))
		}
	}
	national := !h.region.OK || h.region.V == ""

	var cl osm.Closures
	for _, k := range h.kinds {
		if !k.OK {
			continue
		}
		if k.V == holidays.Regional && national {
			d.Fail(k.At, "errors.centre.regional_kind", nil)
		}
		cl.Kinds = append(cl.Kinds, k.V)
	}
	known := holidays.IDs()
	var regional []string // ids of regional holidays, when needed
	for _, id := range h.ids {
		if !id.OK {
			continue
		}
		if !slices.Contains(known, id.V) {
			d.Report(id.At, yamlfile.WithSuggestion(message.New("errors.centre.unknown_holiday", map[string]any{"ID": quote(id.V)}), id.V, known, "errors.yaml.one_of"))
			continue
		}
		if national {
			if regional == nil {
				regional = regionalIDs()
			}
			if slices.Contains(regional, id.V) {
				d.Fail(id.At, "errors.centre.regional_holiday", map[string]any{"ID": id.V})
			}
		}
		cl.IDs = append(cl.IDs, id.V)
	}
	return cal, cl
}

// regionalIDs returns the ids of the regional holidays (carnival), which
// are the same in every year and region that has them.
func regionalIDs() []string {
	li, _ := holidays.Netherlands("NL-LI")
	var ids []string
	for _, h := range li.Year(2026) {
		if h.Kind == holidays.Regional {
			ids = append(ids, h.ID)
		}
	}
	return ids
}

// placedRange is a date range and where it was written.
type placedRange struct {
	r  timespan.DateRange
	At at // the closure or exception
}

// dateRange checks the dates of a closure or exception: one date, or from
// and to with to not before from.
func (d *decoder) dateRange(ds days) (timespan.DateRange, bool) {
	given := func(v val[date.Date]) bool { return v.At.Path != "" }
	switch {
	case given(ds.date) && (given(ds.from) || given(ds.to)):
		other := ds.from
		if !given(other) {
			other = ds.to
		}
		d.Fail(other.At, "errors.centre.date_and_range", nil)
		return timespan.DateRange{}, false
	case given(ds.date):
		return timespan.OneDayRange(ds.date.V), ds.date.OK
	case !given(ds.from) && !given(ds.to):
		d.Fail(ds.At.Field("date"), "errors.centre.no_date", nil)
		return timespan.DateRange{}, false
	case !given(ds.to):
		d.Fail(ds.At.Field("to"), "errors.centre.no_to", nil)
		return timespan.DateRange{}, false
	case !given(ds.from):
		d.Fail(ds.At.Field("from"), "errors.centre.no_from", nil)
		return timespan.DateRange{}, false
	case !ds.from.OK || !ds.to.OK:
		return timespan.DateRange{}, false
	case ds.to.V < ds.from.V:
		d.Fail(ds.to.At, "errors.centre.end_before_start", map[string]any{"End": ds.to.V, "Start": ds.from.V})
		return timespan.DateRange{}, false
	}
	return timespan.BetweenDates(ds.from.V, ds.to.V+1), true
}

// overlaps records an error for each range that overlaps an earlier one,
// with the message id. It returns the ranges that overlap no earlier one.
func (d *decoder) overlaps(rs []placedRange, id string) []placedRange {
	var kept []placedRange
	for _, r := range rs {
		i := slices.IndexFunc(kept, func(k placedRange) bool {
			return r.r.Start() < k.r.End() && k.r.Start() < r.r.End()
		})
		if i >= 0 {
			k := kept[i]
			d.Fail(r.At, id, map[string]any{"From": r.r.Start(), "To": r.r.Last(), "Other": k.At.Path, "Line": k.At.Line,
				"OtherFrom": k.r.Start(), "OtherTo": k.r.Last()})
			continue
		}
		kept = append(kept, r)
	}
	return kept
}

func (d *decoder) extraClosures(cs []closureConfig) []Closure {
	var rs []placedRange
	var names []schedule.Text
	for _, c := range cs {
		if r, ok := d.dateRange(c.days); ok {
			rs = append(rs, placedRange{r, c.days.At})
			names = append(names, c.name.V)
		}
	}
	var out []Closure
	for _, r := range d.overlaps(rs, "errors.centre.closure_overlaps") {
		i := slices.IndexFunc(rs, func(x placedRange) bool { return x.At.Path == r.At.Path })
		out = append(out, Closure{Dates: r.r, Name: names[i]})
	}
	slices.SortFunc(out, func(a, b Closure) int { return cmp.Compare(a.Dates.Start(), b.Dates.Start()) })
	return out
}

// exceptionRef says which exception of the file a schedule exception
// comes from: a desk's (index into its exceptions) or, with index -1, a
// closure of the centre.
type exceptionRef struct {
	index int
	hours at
}

// compileDesk checks a desk's hours, recurrences and exceptions and
// compiles its schedule on the layers of the centre's closures (see
// closureOptions). It returns nil when the desk has errors.
func (d *decoder) compileDesk(k *deskConfig, c *Centre, closures []osm.Option) *Desk {
	// The centre's closures come first among the exceptions, then the
	// desk's exceptions on the days the centre is open.
	var exs []osm.Exception
	var refs []exceptionRef
	for range c.ExtraClosures {
		refs = append(refs, exceptionRef{index: -1})
	}
	var rs []placedRange
	for _, ex := range k.exceptions {
		if r, ok := d.dateRange(ex.days); ok {
			rs = append(rs, placedRange{r, ex.days.At})
		}
	}
	for _, r := range d.overlaps(rs, "errors.centre.exception_overlaps") {
		i := slices.IndexFunc(k.exceptions, func(ex exceptionConfig) bool { return ex.days.At.Path == r.At.Path })
		ex := k.exceptions[i]
		parts := outside(r.r, c.ExtraClosures)
		if len(parts) == 0 {
			d.Fail(r.At, "errors.centre.exception_closed", nil)
		}
		for _, part := range parts {
			exs = append(exs, osm.Exception{Dates: part, Hours: ex.hours.V, Reason: ex.reason.V})
			refs = append(refs, exceptionRef{index: i, hours: ex.hours.At})
		}
	}

	var rcs []osm.Recurrence
	var rcRefs []*recurrenceConfig
	for i := range k.recurrences {
		r := &k.recurrences[i]
		if !r.rrule.OK || r.start.At.Path != "" && !r.start.OK {
			continue
		}
		rcs = append(rcs, osm.Recurrence{RRule: r.rrule.V, Start: r.start.V, Hours: r.hours.V, Closed: r.closed.V, Reason: r.reason.V})
		rcRefs = append(rcRefs, r)
	}

	expr, exprOK := k.hours.V, k.hours.OK
	if !exprOK {
		expr = "closed" // to check the other layers
	}
	opts := append(closures[:len(closures):len(closures)], osm.WithExceptions(exs...), osm.WithRecurrences(rcs...))
	// The compiler reports every problem of every layer at once.
	s, err := osm.Parse(expr, opts...)
	if err != nil {
		var errs osm.Errors
		if !errors.As(err, &errs) {
			errs = osm.Errors{err}
		}
		for _, e := range errs {
			var le *osm.LayerError
			switch {
			case errors.As(e, &le) && le.Layer == osm.LayerExceptions && le.Index < len(refs):
				if ref := refs[le.Index]; ref.index >= 0 {
					place := k.exceptions[ref.index].days.At
					if le.Field == "hours" {
						place = ref.hours
					}
					d.scheduleError(place, le.Err)
				} else {
					d.scheduleError(k.At.Field("exceptions"), e)
				}
			case errors.As(e, &le) && le.Layer == osm.LayerRecurrences && le.Index < len(rcs):
				r := rcRefs[le.Index]
				switch le.Field {
				case "hours":
					d.scheduleError(r.hours.At, le.Err)
				case "rrule":
					d.scheduleError(r.rrule.At, le.Err)
				default:
					d.scheduleError(r.At, le.Err)
				}
			case errors.As(e, &le) && le.Layer == osm.LayerClosures:
				// Not expected: the closures were checked above.
				d.scheduleError(at{Path: "holidays.closed_on"}, e)
			default:
				d.scheduleError(k.hours.At, e)
			}
		}
		return nil
	}
	if !exprOK {
		return nil
	}
	return &Desk{
		ID:          k.id.V,
		Name:        k.name.V,
		Location:    k.location.V,
		Appointment: k.appointment.V,
		BookingURL:  cmp.Or(k.bookingURL.V, c.BookingURL),
		Hours:       k.hours.V,
		Schedule:    s,
	}
}

// outside returns the parts of r that no closure covers.
func outside(r timespan.DateRange, closures []Closure) []timespan.DateRange {
	parts := []timespan.DateRange{r}
	for _, cl := range closures {
		var next []timespan.DateRange
		for _, p := range parts {
			from, to := p.Start(), p.End()
			cfrom, cto := cl.Dates.Start(), cl.Dates.End()
			if cto <= from || to <= cfrom {
				next = append(next, p)
				continue
			}
			if from < cfrom {
				next = append(next, timespan.BetweenDates(from, cfrom))
			}
			if cto < to {
				next = append(next, timespan.BetweenDates(cto, to))
			}
		}
		parts = next
	}
	return parts
}

// scheduleError records an error of the schedule package at a. A syntax
// error inside a scalar on one line (or in a literal block) is placed on
// the offending character itself; its message keeps the column within
// the expression.
func (d *decoder) scheduleError(a at, err error) {
	line, col := a.Line, a.Col
	var se *osm.SyntaxError
	if errors.As(err, &se) {
		if l, c, ok := d.CharPos(a, se.Column-1); ok {
			line, col = l, c
		}
	}
	d.Add(line, col, a.Path, message.OfError(err), err)
}
