package api

import (
	"bytes"
	"errors"
	"time"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/export"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/schedule"
)

// exportDesk returns the desk of the parameter desk, or ce's default
// desk. On failure it answers 404.
func (q *request) exportDesk(ce *centre.Centre) (*centre.Desk, bool) {
	q.vars["desk"] = ce.DefaultDesk
	if v, given := q.query["desk"]; given {
		q.vars["desk"] = v
	}
	return q.desk(ce)
}

// exportRange returns the days of the parameters from (today by default)
// and to (twelve months from from by default), checked as package export
// checks them, and whether from was given. On failure it answers 400.
func (q *request) exportRange(ce *centre.Centre) (export.Range, bool, bool) {
	from, given, ok := q.day("from", ce)
	if !ok {
		return export.Range{}, false, false
	}
	r := export.Year(from)
	if _, ok := q.query["to"]; ok {
		to, _, ok := q.day("to", ce)
		if !ok {
			return export.Range{}, false, false
		}
		r.To = to
	}
	if err := export.Check(r); err != nil {
		parameter := "to"
		if r.From < schedule.FirstDay || r.From > schedule.LastDay {
			parameter = "from"
		}
		var me *message.Error
		if errors.As(err, &me) {
			q.problem(badParameter, parameter, me.ID, me.Data)
		} else {
			q.problem(badParameter, parameter, "api.problem.internal", map[string]any{"Error": err.Error()})
		}
		return export.Range{}, false, false
	}
	return r, given, true
}

// exportQuery is what the exports are asked for: a centre, one of its
// desks and a range of days (given says whether the request named it).
type exportQuery struct {
	entry
	desk  *centre.Desk
	days  export.Range
	given bool
}

// exportQuery reads the centre, desk and range of an export's request,
// and has answered with a problem when it returns false.
func (q *request) exportQuery() (exportQuery, bool) {
	e, ok := q.centre()
	if !ok {
		return exportQuery{}, false
	}
	d, ok := q.exportDesk(e.centre)
	if !ok {
		return exportQuery{}, false
	}
	r, given, ok := q.exportRange(e.centre)
	if !ok {
		return exportQuery{}, false
	}
	return exportQuery{entry: e, desk: d, days: r, given: given}, true
}

// calendar answers GET .../centres/{id}/calendar.ics: a desk's hours over
// a range of days as an RFC 5545 calendar (export.ICS). Its DTSTAMP is
// the start of today, so that the answer, and its ETag, stay the same
// all day.
func (h *handler) calendar(q *request) {
	x, ok := q.exportQuery()
	if !ok {
		return
	}
	now := h.now().In(x.centre.Location)
	stamp := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location()).UTC()
	var buf bytes.Buffer
	if err := export.ICS(&buf, x.centre, x.desk, x.days, q.p.Language(), stamp); err != nil {
		q.problem(internal, "", "api.problem.internal", map[string]any{"Error": message.In(q.p.Language(), err)})
		return
	}
	q.send(buf.Bytes(), "text/calendar; charset=utf-8", cacheFor(x.given), q.p.Lang().String())
}

// openingHours answers GET .../centres/{id}/opening_hours: a desk's hours
// as an OpenStreetMap opening_hours value (export.OSM), the weekly rules
// with a dated rule for each day of the range that differs.
func (h *handler) openingHours(q *request) {
	x, ok := q.exportQuery()
	if !ok {
		return
	}
	value, err := export.OSM(x.centre, x.desk, x.days, q.p.Language())
	if err != nil {
		q.problem(internal, "", "api.problem.internal", map[string]any{"Error": message.In(q.p.Language(), err)})
		return
	}
	q.send([]byte(value+"\n"), "text/plain; charset=utf-8", cacheFor(x.given), q.p.Lang().String())
}
