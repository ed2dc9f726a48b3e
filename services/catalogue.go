package services

import (
	"strconv"
	"strings"
	"time"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/internal/centredata"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/internal/timetable"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/text"
)

// Catalogue is the catalogue of one centre's services. It is immutable and
// safe for concurrent use; build it once with [New].
type Catalogue struct {
	centre   *centre.Centre
	services []Service
}

// New returns the catalogue of the centre's services, in the order of the
// centre file. The centre must not be modified afterwards.
func New(c *centre.Centre) *Catalogue {
	cat := &Catalogue{centre: c, services: make([]Service, len(c.Services))}
	for i, s := range c.Services {
		cat.services[i] = Service{s}
	}
	return cat
}

// Centre returns the centre of the catalogue.
func (c *Catalogue) Centre() *centre.Centre { return c.centre }

// Services returns the services, in the order of the centre file: a new
// slice on each call.
func (c *Catalogue) Services() []Service {
	return append([]Service(nil), c.services...)
}

// Service returns the service with the given ID, and false when there is
// none.
func (c *Catalogue) Service(id string) (Service, bool) {
	for _, s := range c.services {
		if s.ID == id {
			return s, true
		}
	}
	return Service{}, false
}

// IDs returns the IDs of the services, in the order of the centre file.
func (c *Catalogue) IDs() []string {
	ids := make([]string, len(c.services))
	for i, s := range c.services {
		ids[i] = s.ID
	}
	return ids
}

// Available returns the services that can be used at t (see
// [Service.IsOpen]), in the order of the centre file: visits only, as a
// procedure is never open.
func (c *Catalogue) Available(t time.Time) []Service {
	var out []Service
	for _, s := range c.services {
		if s.IsOpen(t) {
			out = append(out, s)
		}
	}
	return out
}

// UnknownServiceError is the error of a query for a service that the
// catalogue does not have.
type UnknownServiceError struct {
	ID  string   // the ID asked for
	IDs []string // the IDs of the catalogue's services
}

// Error implements error: `unknown service "x"; the services are a, b, c`.
func (e *UnknownServiceError) Error() string { return e.In(text.English) }

// In returns the error in language l: `onbekende dienst "x"; de diensten
// zijn a, b, c`.
func (e *UnknownServiceError) In(l text.Lang) string {
	return message.New("errors.services.unknown", map[string]any{"ID": strconv.Quote(e.ID), "IDs": strings.Join(e.IDs, ", ")}).In(l)
}

// Service is one service of a catalogue: the centre's description of it,
// with the queries of when it can be used. The zero value has no service
// and must not be queried; get a Service from a [Catalogue].
type Service struct {
	*centre.Service
}

// IsVisit reports whether the service is one that people visit the desk
// for ([centre.Visit]); the other kind, a [centre.Procedure], is decided
// without a visit and is never open.
func (s Service) IsVisit() bool { return s.Kind != centre.Procedure }

// IsOpen reports whether the service can be used at t: it is a visit, its
// desk is open, and so are its own hours if it has them. Unknown counts as
// not open, as in [schedule.Schedule.IsOpen]. A procedure is never open:
// nobody visits a desk for it. IsOpen does not allocate.
func (s Service) IsOpen(t time.Time) bool {
	return centredata.ServiceIsOpen(s.Desk.Schedule.Timetable(), s.own(), s.IsVisit(), t)
}

// own returns the timetable of the service's own hours, or nil.
func (s Service) own() *timetable.Timetable {
	if s.Schedule == nil {
		return nil
	}
	return s.Schedule.Timetable()
}

// Intervals returns the intervals in [from, to) in which the service can
// be used (or, Kind Unknown, may be usable), in order, in the centre's
// time zone: the intervals of its desk's schedule cut to those of its own
// hours. An interval keeps the comment and reason of the desk's interval,
// else those of the service's own hours. A procedure has none.
func (s Service) Intervals(from, to time.Time) []schedule.Interval {
	return centredata.ServiceIntervals(s.Desk.Schedule.Timetable(), s.own(), s.IsVisit(), from, to)
}

// Next returns the first n intervals in which the service can be used
// (see [Service.Intervals]) between from and from+horizon, in order. When
// the service can be used at from, the first interval starts at from; an
// interval that runs past the horizon is cut there. Next looks only at the
// days the desk's schedule answers for (see [schedule.Schedule.Bounds]):
// it returns fewer than n intervals when the horizon or the end of those
// days comes first, and none for n < 1 or for a procedure.
func (s Service) Next(from time.Time, n int, horizon time.Duration) []schedule.Interval {
	return centredata.ServiceNext(s.Desk.Schedule.Timetable(), s.own(), s.IsVisit(), from, n, horizon)
}
