package api

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/export"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/report"
	"github.com/expatcentre/loket/services"
)

// document answers GET /api/v1/openapi.json.
func (h *handler) document(q *request) {
	q.send(openapi, "application/json", cacheFixed, "")
}

// centresJSON is the answer of GET /api/v1/centres.
type centresJSON struct {
	Lang    string       `json:"lang"`
	Centres []centreJSON `json:"centres"`
	// Search is the answer to the query of municipality; absent without
	// one.
	Search *searchJSON `json:"search,omitempty"`
}

// centreJSON is a centre: the answer of GET /api/v1/centres/{id}, and an
// element of the list of centres.
type centreJSON struct {
	ID              string              `json:"id"`
	Lang            string              `json:"lang"`
	Name            string              `json:"name"`
	Description     *string             `json:"description"`
	Address         export.AddressData  `json:"address"`
	Coordinates     *export.Coordinates `json:"coordinates"`
	Website         *string             `json:"website"`
	BookingURL      *string             `json:"booking_url"`
	TimeZone        string              `json:"time_zone"`
	DefaultLanguage string              `json:"default_language"`
	DefaultDesk     string              `json:"default_desk"`
	Desks           []deskJSON          `json:"desks"`
	Services        []briefJSON         `json:"services"`
}

type deskJSON struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Location    *string `json:"location"`
	Appointment bool    `json:"appointment"`
	BookingURL  *string `json:"booking_url"`
	Hours       string  `json:"hours"`
}

// briefJSON is a service as a centre lists it; GET .../services tells
// all of it.
type briefJSON struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	Name string `json:"name"`
	Desk string `json:"desk"`
}

// centreOf returns the JSON of ce, worded by p.
func centreOf(p *i18n.Printer, ce *centre.Centre) centreJSON {
	cj := centreJSON{
		ID: ce.ID, Lang: p.Lang().String(), Name: p.Text(ce.Name), Description: report.OrNull(p.Text(ce.Description)),
		Address: export.AddressOf(ce), Coordinates: export.CoordinatesOf(ce),
		Website: report.OrNull(ce.Website), BookingURL: report.OrNull(ce.BookingURL),
		TimeZone: ce.Location.String(), DefaultLanguage: ce.DefaultLanguage, DefaultDesk: ce.DefaultDesk,
		Desks: []deskJSON{}, Services: []briefJSON{},
	}
	for _, d := range ce.Desks {
		cj.Desks = append(cj.Desks, deskJSON{ID: d.ID, Name: p.Text(d.Name), Location: report.OrNull(p.Text(d.Location)),
			Appointment: d.Appointment, BookingURL: report.OrNull(d.BookingURL), Hours: d.Hours})
	}
	for _, s := range ce.Services {
		cj.Services = append(cj.Services, briefJSON{ID: s.ID, Kind: string(s.Kind), Name: p.Text(s.Name), Desk: s.Desk.ID})
	}
	return cj
}

// all returns the centres served.
func (h *handler) all() []*centre.Centre {
	cs := make([]*centre.Centre, len(h.centres))
	for i, e := range h.centres {
		cs[i] = e.centre
	}
	return cs
}

// searchJSON is the answer to "which centre serves me?" in GET
// /api/v1/centres?municipality=.
type searchJSON struct {
	Query        string                  `json:"query"`
	Date         string                  `json:"date"`
	Answer       string                  `json:"answer"`
	Municipality *report.MunicipalityRef `json:"municipality"`
	Served       *report.MunicipalityRef `json:"served"`
	Merged       *mergedJSON             `json:"merged"`
}

type mergedJSON struct {
	On       string                 `json:"on"`
	Into     report.MunicipalityRef `json:"into"`
	Source   string                 `json:"source"`
	Verified bool                   `json:"verified"`
}

// centresList answers GET /api/v1/centres: every centre, in the order
// they were given; with municipality (a name or a CBS code), the centres
// that serve it on date (today by default), and the answer in a sentence
// under "search".
func (h *handler) centresList(q *request) {
	out := centresJSON{Lang: q.p.Lang().String(), Centres: []centreJSON{}}
	query, asked := q.query["municipality"]
	if !asked {
		if _, ok := q.query["date"]; ok {
			q.problem(badParameter, "date", "api.problem.date_alone", nil)
			return
		}
		for _, e := range h.centres {
			out.Centres = append(out.Centres, centreOf(q.p, e.centre))
		}
		q.answer(out, cacheFixed)
		return
	}
	if len(h.centres) > 0 {
		q.chooseLanguage(h.centres[0].centre)
	}
	day, given, ok := q.day("date", h.centres[0].centre)
	if !ok || !q.inRange("date", q.query["date"], day, day) {
		return
	}
	f, err := centre.Find(h.all(), query, day)
	if err != nil {
		q.problem(badParameter, "municipality", "api.problem.municipality_bad", map[string]any{"Error": q.p.Err(err)})
		return
	}
	out.Search = &searchJSON{Query: f.Query, Date: day.String(), Answer: f.In(q.p.Language()),
		Municipality: report.Ref(f.Municipality), Served: report.Ref(f.Served)}
	if f.Merged != nil {
		if into := report.Ref(f.Served); into != nil {
			out.Search.Merged = &mergedJSON{On: f.Merged.On.String(), Into: *into, Source: f.Merged.Source, Verified: !f.Merged.Unverified}
		}
	}
	for _, c := range f.Centres {
		out.Centres = append(out.Centres, centreOf(q.p, c))
	}
	q.answer(out, cacheFor(given))
}

// centreOne answers GET /api/v1/centres/{id}.
func (h *handler) centreOne(q *request) {
	e, ok := q.centre()
	if !ok {
		return
	}
	q.answer(centreOf(q.p, e.centre), cacheFixed)
}

// status answers GET .../desks/{desk}/status: the desk's state at the
// instant at (now by default), as `loket hours --format json` has it
// above its week.
func (h *handler) status(q *request) {
	e, ok := q.centre()
	if !ok {
		return
	}
	d, ok := q.desk(e.centre)
	if !ok {
		return
	}
	at, given, ok := q.instant(e.centre)
	if !ok {
		return
	}
	q.answer(report.StatusOf(q.p, e.centre, d, at), cacheFor(given))
}

// weekJSON is the answer of GET .../desks/{desk}/week.
type weekJSON struct {
	Centre   string       `json:"centre"`
	Desk     string       `json:"desk"`
	DeskName string       `json:"desk_name"`
	Lang     string       `json:"lang"`
	From     string       `json:"from"`
	Week     []report.Day `json:"week"`
}

// week answers GET .../desks/{desk}/week: the seven days from the Monday
// of the week of from (today by default), as `loket hours --format
// json` has them.
func (h *handler) week(q *request) {
	e, ok := q.centre()
	if !ok {
		return
	}
	d, ok := q.desk(e.centre)
	if !ok {
		return
	}
	day, given, ok := q.day("from", e.centre)
	if !ok {
		return
	}
	monday := day - date.Date((int(day.Weekday())+6)%7)
	v := q.query["from"]
	if !given {
		v = day.String()
	}
	if !q.inRange("from", v, monday, monday+6) {
		return
	}
	out := weekJSON{Centre: e.centre.ID, Desk: d.ID, DeskName: q.p.Text(d.Name), Lang: q.p.Lang().String(),
		From: monday.String(), Week: report.WeekOf(q.p, e.centre, d, monday)}
	q.answer(out, cacheFor(given))
}

// services answers GET .../services: the centre's services at the
// instant at (now by default), as `loket services --format json`.
func (h *handler) services(q *request) {
	e, ok := q.centre()
	if !ok {
		return
	}
	at, given, ok := q.instant(e.centre)
	if !ok {
		return
	}
	q.answer(report.ServicesOf(q.p, e.cat, at), cacheFor(given))
}

// estimate answers GET .../services/{service}/estimate: when the
// procedure of the service, submitted on the day submitted (today by
// default), is decided, as `loket estimate --format json`.
func (h *handler) estimate(q *request) {
	e, ok := q.centre()
	if !ok {
		return
	}
	id := q.vars["service"]
	s, found := e.cat.Service(id)
	var withPeriods []string
	for _, s := range e.cat.Services() {
		if len(s.Processing) > 0 {
			withPeriods = append(withPeriods, s.ID)
		}
	}
	switch {
	case !found:
		q.problem(notFound, "service", "api.problem.no_service", map[string]any{"Service": quote(id), "Centre": e.centre.ID, "Services": joinIDs(e.cat.IDs())})
		return
	case len(s.Processing) == 0:
		q.problem(notFound, "service", "api.problem.no_periods", map[string]any{"Service": s.ID, "Services": joinIDs(withPeriods)})
		return
	}
	day, given, ok := q.day("submitted", e.centre)
	if !ok {
		return
	}
	v := q.query["submitted"]
	if !given {
		v = day.String()
	}
	if !q.inRange("submitted", v, day, day) {
		return
	}
	est, err := e.cat.Estimate(s.ID, day)
	switch {
	case errors.Is(err, services.ErrOutOfRange):
		q.problem(badParameter, "submitted", "api.problem.estimate_range", map[string]any{"Value": quote(v), "Error": q.p.Err(err)})
		return
	case err != nil:
		q.problem(internal, "", "api.problem.internal", map[string]any{"Error": q.p.Err(err)})
		return
	}
	q.answer(report.EstimateOf(q.p, e.centre.ID, s, est), cacheFor(given))
}

// joinIDs lists ids for a message: "a, b, c".
func joinIDs(ids []string) string { return excerpt.Text(strings.Join(ids, ", ")) }

// check answers POST /api/v1/check: the eligibility of the facts in the
// body (the JSON contract of `loket check`), with the services that the
// centre (the parameter centre, else the first) advises.
func (h *handler) check(q *request) {
	e := h.centres[0]
	if id, ok := q.query["centre"]; ok {
		found := false
		for _, c := range h.centres {
			if c.centre.ID == id {
				e, found = c, true
			}
		}
		if !found {
			q.problem(badParameter, "centre", "api.problem.no_centre", map[string]any{"ID": quote(id), "IDs": h.centreIDs()})
			return
		}
	}
	q.chooseLanguage(e.centre)
	if ct := q.r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !(len(mt) > 5 && mt[len(mt)-5:] == "+json")) {
			q.problem(mediaType, "", "api.problem.media_type", map[string]any{"Type": quote(ct)})
			return
		}
	}
	data, err := io.ReadAll(http.MaxBytesReader(q.w, q.r.Body, MaxBodySize))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		q.problem(tooLarge, "", "api.problem.too_large", map[string]any{"Limit": MaxBodySize})
		return
	case err != nil:
		q.problem(badFacts, "", "api.problem.read", map[string]any{"Error": err.Error()})
		return
	}
	facts, err := eligibility.ParseFacts(data)
	var res eligibility.Result
	if err == nil {
		res, err = h.rules.Check(facts)
	}
	if err != nil {
		var fe *eligibility.FactsError
		field := ""
		if errors.As(err, &fe) {
			fe.Locate(data)
			field = fe.Field
		}
		q.problem(badFacts, field, "api.problem.facts", map[string]any{"Error": q.p.Err(err)})
		return
	}
	rs, err := report.FindResidence(e.centre, h.all(), facts)
	if err != nil {
		q.problem(badFacts, "municipality", "api.problem.facts", map[string]any{"Error": q.p.Err(err)})
		return
	}
	v, err := report.Check(q.p, res, e.cat, rs)
	if err != nil {
		q.problem(internal, "", "api.problem.internal", map[string]any{"Error": err.Error()})
		return
	}
	q.answer(v, cacheNone)
}
