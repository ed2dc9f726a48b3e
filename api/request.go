package api

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/schedule"
)

// request is one request being answered.
type request struct {
	h    *handler
	w    http.ResponseWriter
	r    *http.Request
	vars map[string]string // the path's parameters: id, desk, service
	// query holds the query's parameters, each given once.
	query map[string]string
	// lang is the language asked for (lang, else Accept-Language), or
	// language.Und when the request states none loket speaks.
	lang language.Tag
	p    *i18n.Printer
}

// kind is a kind of problem: its type URI's fragment, its status and its
// title.
type kind struct {
	name   string
	status int
	title  string // a message id
}

var (
	badParameter     = kind{"bad-parameter", http.StatusBadRequest, "api.title.bad_parameter"}
	badFacts         = kind{"bad-facts", http.StatusBadRequest, "api.title.bad_facts"}
	notFound         = kind{"not-found", http.StatusNotFound, "api.title.not_found"}
	methodNotAllowed = kind{"method-not-allowed", http.StatusMethodNotAllowed, "api.title.method"}
	tooLarge         = kind{"too-large", http.StatusRequestEntityTooLarge, "api.title.too_large"}
	mediaType        = kind{"unsupported-media-type", http.StatusUnsupportedMediaType, "api.title.media_type"}
	internal         = kind{"internal", http.StatusInternalServerError, "api.title.internal"}
	busy             = kind{"busy", http.StatusServiceUnavailable, "api.title.busy"}
)

// problemBase is the start of every problem's type: docs/api.md, whose
// section of each kind explains it.
const problemBase = "https://github.com/expatcentre/loket/blob/main/docs/api.md#"

// problemJSON is an RFC 9457 problem document.
type problemJSON struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	// Instance is the path asked for, escaped as in a URL.
	Instance string `json:"instance"`
	// Parameter names the parameter at fault: a query parameter (at), a
	// path parameter (desk), or the body's fact (nationality); it is
	// left out when no single one is.
	Parameter string `json:"parameter,omitempty"`
	// Lang is the language of title and detail.
	Lang string `json:"lang"`
}

// chooseLanguage decides the request's language: the lang parameter
// when it is nl or en, else the Accept-Language header's, else the
// default language of ce, else of the first centre.
func (q *request) chooseLanguage(ce *centre.Centre) {
	if ce == nil {
		ce = q.h.centres[0].centre
	}
	if q.lang == language.Und {
		q.lang = askedLanguage(q.query["lang"], q.r.Header.Get("Accept-Language"))
	}
	tag := q.lang
	if tag == language.Und {
		tag = langTag(ce.DefaultLanguage)
	}
	q.p = i18n.NewPrinter(tag)
}

// askedLanguage returns the language a request asks for: lang, its lang
// parameter, when it is nl or en, else the language of acceptLanguage,
// its Accept-Language header, when that names one loket speaks, else
// language.Und.
func askedLanguage(lang, acceptLanguage string) language.Tag {
	if validLang(lang) {
		return language.Make(lang)
	}
	if acceptLanguage != "" {
		if nl, en := i18n.Match(language.Dutch, acceptLanguage), i18n.Match(language.English, acceptLanguage); nl == en {
			return nl
		}
	}
	return language.Und
}

// validLang reports whether s is a value of lang: nl or en.
func validLang(s string) bool { return s == "nl" || s == "en" }

// quote quotes a value of the request for a message: at most 80
// characters of it.
func quote(s string) string { return excerpt.Quote(s) }

// problem answers with a problem of kind k in the request's language;
// parameter names the parameter at fault, or is "".
func (q *request) problem(k kind, parameter, id string, data map[string]any) {
	if q.p == nil {
		q.chooseLanguage(nil)
	}
	pj := problemJSON{
		Type: problemBase + k.name, Title: q.p.T(k.title, nil), Status: k.status,
		Detail: q.p.T(id, data), Instance: q.r.URL.EscapedPath(), Parameter: parameter, Lang: q.p.Lang().String(),
	}
	body, err := encode(pj)
	if err != nil { // a problem of strings and an int always encodes
		body = nil
	}
	hd := q.w.Header()
	hd.Set("Content-Type", "application/problem+json")
	hd.Set("Content-Language", pj.Lang)
	hd.Set("Cache-Control", cacheNone)
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	q.w.WriteHeader(k.status)
	if q.r.Method != http.MethodHead {
		q.w.Write(body)
	}
}

// readQuery reads the query's parameters: each at most once, and only
// those of params. On failure it answers with the problem.
func (q *request) readQuery(params []string) bool {
	vals, err := url.ParseQuery(q.r.URL.RawQuery)
	if err != nil {
		q.chooseLanguage(nil)
		q.problem(badParameter, "", "api.problem.query_bad", map[string]any{"Value": quote(q.r.URL.RawQuery)})
		return false
	}
	q.query = map[string]string{}
	for _, name := range params {
		if v, ok := vals[name]; ok && len(v) == 1 {
			q.query[name] = v[0]
		}
	}
	// The language first, so that the problems below are in it.
	q.chooseLanguage(nil)
	for name, v := range vals {
		switch {
		case !contains(params, name):
			if len(params) == 0 {
				q.problem(badParameter, name, "api.problem.no_parameters", map[string]any{"Parameter": quote(name)})
			} else {
				q.problem(badParameter, name, "api.problem.unknown_parameter", map[string]any{"Parameter": quote(name), "Parameters": strings.Join(params, ", ")})
			}
			return false
		case len(v) > 1:
			q.problem(badParameter, name, "api.problem.repeated", map[string]any{"Parameter": name})
			return false
		}
	}
	if l, ok := q.query["lang"]; ok && !validLang(l) {
		q.problem(badParameter, "lang", "api.problem.lang_bad", map[string]any{"Value": quote(l)})
		return false
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// centre returns the centre of the path's id, and sets the language
// with its default. On failure it answers 404.
func (q *request) centre() (entry, bool) {
	id := q.vars["id"]
	for _, e := range q.h.centres {
		if e.centre.ID == id {
			q.chooseLanguage(e.centre)
			return e, true
		}
	}
	q.problem(notFound, "id", "api.problem.no_centre", map[string]any{"ID": quote(id), "IDs": q.h.centreIDs()})
	return entry{}, false
}

// centreIDs lists the centres' ids for a message.
func (h *handler) centreIDs() string {
	ids := make([]string, len(h.centres))
	for i, e := range h.centres {
		ids[i] = e.centre.ID
	}
	return excerpt.Text(strings.Join(ids, ", "))
}

// desk returns the desk of the path's desk in ce. On failure it answers
// 404.
func (q *request) desk(ce *centre.Centre) (*centre.Desk, bool) {
	id := q.vars["desk"]
	if d, ok := ce.Desk(id); ok {
		return d, true
	}
	ids := make([]string, len(ce.Desks))
	for i, d := range ce.Desks {
		ids[i] = d.ID
	}
	q.problem(notFound, "desk", "api.problem.no_desk", map[string]any{"Desk": quote(id), "Centre": ce.ID, "Desks": excerpt.Text(strings.Join(ids, ", "))})
	return nil, false
}

// instant returns the instant of the parameter at, in ce's time zone,
// and whether it was given; without it, now. It must be RFC 3339 and
// on a day loket answers for. On failure it answers 400.
func (q *request) instant(ce *centre.Centre) (time.Time, bool, bool) {
	v, given := q.query["at"]
	if !given {
		return q.h.now().In(ce.Location), false, true
	}
	t, err := parseInstant(v)
	if err != nil {
		q.problem(badParameter, "at", "api.problem.at_bad", map[string]any{"Value": quote(v)})
		return time.Time{}, true, false
	}
	t = t.In(ce.Location)
	d := date.NewAt(t)
	if !q.inRange("at", v, d, d) {
		return time.Time{}, true, false
	}
	return t, true, true
}

// parseInstant parses an RFC 3339 instant. A "+" of the offset that a
// client left unencoded in the query arrives as a space: a space there
// is read as "+".
func parseInstant(s string) (time.Time, error) {
	if i := len(s) - 6; i >= 19 && s[i] == ' ' {
		s = s[:i] + "+" + s[i+1:]
	}
	return time.Parse(time.RFC3339, s)
}

// day returns the date of the parameter name (YYYY-MM-DD) and whether
// it was given; without it, today in ce's time zone. On failure it
// answers 400.
func (q *request) day(name string, ce *centre.Centre) (date.Date, bool, bool) {
	v, given := q.query[name]
	if !given {
		return date.NewAt(q.h.now().In(ce.Location)), false, true
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		q.problem(badParameter, name, "api.problem.date_bad", map[string]any{"Parameter": name, "Value": quote(v)})
		return 0, true, false
	}
	return date.NewAt(t), true, true
}

// inRange checks that the days from first to last, which the parameter
// name of value v asks about, are days loket answers for. On failure it
// answers 400.
func (q *request) inRange(name, v string, first, last date.Date) bool {
	if first >= schedule.FirstDay && last <= schedule.LastDay {
		return true
	}
	data := map[string]any{"Parameter": name, "Value": quote(v), "Start": first.String(), "End": last.String(),
		"First": schedule.FirstDay.String(), "Last": schedule.LastDay.String()}
	if first == last {
		q.problem(badParameter, name, "api.problem.outside_day", data)
	} else {
		q.problem(badParameter, name, "api.problem.outside_week", data)
	}
	return false
}

// answer sends v as JSON with its ETag and the Cache-Control cache, or
// 304 when the request's If-None-Match matches.
func (q *request) answer(v any, cache string) {
	body, err := encode(v)
	if err != nil {
		q.problem(internal, "", "api.problem.internal", map[string]any{"Error": err.Error()})
		return
	}
	q.send(body, "application/json", cache, q.p.Lang().String())
}

// send sends body of type ct, with lang as Content-Language ("" for
// none), as answer does.
func (q *request) send(body []byte, ct, cache, lang string) {
	hd := q.w.Header()
	etag := etagOf(body)
	if q.r.Method == http.MethodPost {
		cache = cacheNone
	} else {
		hd.Set("ETag", etag)
		hd.Set("Vary", "Accept-Language")
	}
	hd.Set("Cache-Control", cache)
	if lang != "" {
		hd.Set("Content-Language", lang)
	}
	if q.r.Method != http.MethodPost {
		if inm := q.r.Header.Get("If-None-Match"); inm != "" && matches(inm, etag) {
			q.w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	hd.Set("Content-Type", ct)
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	q.w.WriteHeader(http.StatusOK)
	if q.r.Method != http.MethodHead {
		q.w.Write(body)
	}
}

// cacheFor returns the Cache-Control of an answer that depends on the
// clock unless given.
func cacheFor(given bool) string {
	if given {
		return cacheFixed
	}
	return cacheNow
}
