package centredata

import (
	"errors"
	"time"

	"github.com/expatcentre/loket/internal/timetable"
)

// Live is a compiled centre with the timetables of its desks and services
// made in its time zone: what a query side asks. It is immutable and safe
// for concurrent use.
type Live struct {
	*Centre
	Loc      *time.Location
	desks    []*timetable.Timetable // by index of Desks
	services []*timetable.Timetable // by index of Services; nil: no own hours
	deskOf   []int                  // the index of each service's desk
}

// NewLive makes the timetables of c in loc, which must be the zone c
// names (the caller resolves the name: a browser has one zone embedded).
// A program that breaks its invariants is an error, as timetable.New
// says.
func NewLive(c *Centre, loc *time.Location) (*Live, error) {
	if loc == nil {
		return nil, errors.New("no location")
	}
	l := &Live{Centre: c, Loc: loc}
	for i := range c.Desks {
		t, err := timetable.New(c.Desks[i].Program, loc)
		if err != nil {
			return nil, errors.New("desk " + c.Desks[i].ID + ": " + err.Error())
		}
		l.desks = append(l.desks, t)
	}
	for i := range c.Services {
		s := &c.Services[i]
		d, _ := c.DeskIndex(s.Desk)
		l.deskOf = append(l.deskOf, d)
		var t *timetable.Timetable
		if s.Program != nil {
			var err error
			if t, err = timetable.New(*s.Program, loc); err != nil {
				return nil, errors.New("service " + s.ID + ": " + err.Error())
			}
		}
		l.services = append(l.services, t)
	}
	return l, nil
}

// Desk returns the timetable of desk i.
func (l *Live) Desk(i int) *timetable.Timetable { return l.desks[i] }

// ServiceDesk returns the index of service i's desk.
func (l *Live) ServiceDesk(i int) int { return l.deskOf[i] }

// ServiceOpen reports whether service i can be used at t (see
// ServiceIsOpen).
func (l *Live) ServiceOpen(i int, t time.Time) bool {
	return ServiceIsOpen(l.desks[l.deskOf[i]], l.services[i], l.Services[i].Kind == "visit", t)
}

// ServiceNext returns the first n intervals in which service i can be used
// (see ServiceNext).
func (l *Live) ServiceNext(i int, from time.Time, n int, horizon time.Duration) []timetable.Interval {
	return ServiceNext(l.desks[l.deskOf[i]], l.services[i], l.Services[i].Kind == "visit", from, n, horizon)
}

// ServiceIsOpen reports whether a service can be used at t: it is a visit,
// its desk is open, and so are its own hours (own, nil when it has none).
func ServiceIsOpen(desk, own *timetable.Timetable, visit bool, t time.Time) bool {
	return visit && desk.IsOpen(t) && (own == nil || own.IsOpen(t))
}

// ServiceIntervals returns the intervals in [from, to) in which a service
// can be used (or, Kind Unknown, may be usable), in order: its desk's
// intervals cut to those of its own hours. An interval keeps the comment
// and reason of the desk's interval, else those of the service's own
// hours. A procedure has none.
func ServiceIntervals(desk, own *timetable.Timetable, visit bool, from, to time.Time) []timetable.Interval {
	if !visit {
		return nil
	}
	d := desk.Intervals(from, to)
	if own == nil {
		return d
	}
	return intersect(nil, d, own.Intervals(from, to))
}

// intersect appends to out the intersections of two sorted lists of
// disjoint intervals.
func intersect(out, a, b []timetable.Interval) []timetable.Interval {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		start, end := a[i].Start, a[i].End
		if b[j].Start.After(start) {
			start = b[j].Start
		}
		if b[j].End.Before(end) {
			end = b[j].End
		}
		if start.Before(end) {
			iv := a[i]
			iv.Start, iv.End = start, end
			if b[j].Kind == timetable.Unknown {
				iv.Kind = timetable.Unknown
			}
			if iv.Comment == "" {
				iv.Comment = b[j].Comment
			}
			if iv.Reason.IsZero() {
				iv.Reason = b[j].Reason
			}
			out = append(out, iv)
		}
		if a[i].End.Before(b[j].End) {
			i++
		} else {
			j++
		}
	}
	return out
}

// chunk is how far ServiceNext looks at a time.
const chunk = 28 * 24 * time.Hour

// ServiceNext returns the first n intervals in which a service can be used
// (see ServiceIntervals) between from and from+horizon, in order. When the
// service can be used at from, the first interval starts at from; an
// interval that runs past the horizon is cut there. It looks only at the
// days the desk's timetable answers for (timetable.Bounds): it returns
// fewer than n intervals when the horizon or the end of those days comes
// first, and none for n < 1 or a procedure.
func ServiceNext(desk, own *timetable.Timetable, visit bool, from time.Time, n int, horizon time.Duration) []timetable.Interval {
	if n < 1 || horizon <= 0 || !visit {
		return nil
	}
	var out []timetable.Interval
	first, last := desk.Bounds()
	end := from.Add(horizon)
	if end.After(last) {
		end = last
	}
	if from.Before(first) {
		from = first
	}
	for start := from; start.Before(end); {
		to := start.Add(chunk)
		if to.After(end) {
			to = end
		}
		for _, iv := range ServiceIntervals(desk, own, visit, start, to) {
			if k := len(out) - 1; k >= 0 && out[k].End.Equal(start) && iv.Start.Equal(start) &&
				out[k].Kind == iv.Kind && out[k].Comment == iv.Comment && out[k].Reason == iv.Reason {
				out[k].End = iv.End // the rest of an interval cut at the end of the last chunk
				continue
			}
			if len(out) == n {
				return out
			}
			out = append(out, iv)
		}
		if len(out) == n && !out[n-1].End.Equal(to) {
			return out // the last interval is whole
		}
		start = to
	}
	return out
}
