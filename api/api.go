// Package api is loket's HTTP API, for sites that render on the server
// (Drupal, WordPress, a municipality's portal) and would rather call a
// JSON API than run the widget: the centres, a desk's status and week, a
// centre's services and the estimate of a procedure, and the eligibility
// check. Its answers are the command-line tool's (the values of
// `loket hours`, `services`, `estimate` and `check --format json`, see
// docs/json.md), in Dutch or English; docs/api.md describes every route,
// and the OpenAPI 3.1 document [OpenAPI], served at
// /api/v1/openapi.json, describes every answer.
//
//	h, err := api.New(api.Config{Centres: []*centre.Centre{centre.Default()}, Now: time.Now})
//	mux.Handle(api.Prefix, h)
//
// # Language
//
// Each request is answered in the language of its lang parameter (nl or
// en); without one, in the language of its Accept-Language header that
// loket speaks (i18n.Match); else in the default language of the centre
// asked about (of the first centre for routes without one). Errors too.
//
// # Errors
//
// Every error is an RFC 9457 problem document (application/problem+json)
// in the request's language, with the member "parameter" naming the
// parameter at fault where there is one: 400 for a bad, unknown or
// repeated parameter (an instant that is not RFC 3339, a day outside
// 1900–2199, a lang other than nl or en) and for facts that are not
// valid, 404 for an unknown route, centre, desk or service, 405 with
// Allow for another method, 413 for a body over [MaxBodySize], 415 for a
// body that is not JSON.
//
// # Caching
//
// Every GET answer has a strong ETag (a hash of its body) and
// Cache-Control, and an If-None-Match that matches gets 304 Not
// Modified. An answer about a given instant or day is the same until the
// centre's data change, and may be kept for an hour; one about "now"
// for a minute. The handler holds no state between requests: copies of
// it behind a load balancer, or a CDN in front, answer alike.
//
// The handler sets no timeouts and no bound on concurrent requests: those
// belong to the server (see cmd/loket serve, which has both).
package api

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/services"
)

// Prefix is the path under which the API answers: every route starts
// with it.
const Prefix = "/api/v1/"

// MaxBodySize is the largest request body read, in bytes: 64 KiB, the
// most facts eligibility.ParseFacts reads. A longer body gets 413.
const MaxBodySize = eligibility.MaxFactsSize

// The Cache-Control of the answers.
const (
	// cacheFixed is for an answer about a given instant or day (and for
	// the document and the centres): it changes only with the centre's
	// data.
	cacheFixed = "public, max-age=3600"
	// cacheNow is for an answer about the current instant or day.
	cacheNow = "public, max-age=60"
	// cacheNone is for problems and the answers of POST.
	cacheNone = "no-store"
)

// openapi is the OpenAPI 3.1 document of the API.
//
//go:embed openapi.json
var openapi []byte

// OpenAPI returns the OpenAPI 3.1 document that describes the API, as
// served at /api/v1/openapi.json: a new copy on each call.
func OpenAPI() []byte { return bytes.Clone(openapi) }

// Config is what the API answers from.
type Config struct {
	// Centres are the centres the API answers for, each compiled once;
	// at least one, with IDs that differ. The first is the default of
	// POST /api/v1/check and the language of routes without a centre.
	Centres []*centre.Centre
	// Now is the clock, read for a request that gives no instant or day
	// (time.Now in a server; a fixed time in a test). Required.
	Now func() time.Time
}

// handler is the API: immutable after New.
type handler struct {
	centres []entry
	rules   *eligibility.Rules
	now     func() time.Time
	routes  []route
	etag    string // of the OpenAPI document
}

// entry is a centre with its catalogue.
type entry struct {
	centre *centre.Centre
	cat    *services.Catalogue
}

// New returns the API's handler for the centres of cfg. It answers the
// paths under [Prefix] and is safe for concurrent use; mount it with
// mux.Handle(api.Prefix, h).
func New(cfg Config) (http.Handler, error) {
	if len(cfg.Centres) == 0 {
		return nil, errors.New("api: no centre")
	}
	if cfg.Now == nil {
		return nil, errors.New("api: no clock (Config.Now)")
	}
	rules, err := eligibility.Default()
	if err != nil {
		return nil, err
	}
	h := &handler{rules: rules, now: cfg.Now, etag: etagOf(openapi)}
	seen := map[string]bool{}
	for _, c := range cfg.Centres {
		if c == nil {
			return nil, errors.New("api: a nil centre")
		}
		if seen[c.ID] {
			return nil, errors.New("api: two centres with the id " + strconv.Quote(c.ID))
		}
		seen[c.ID] = true
		h.centres = append(h.centres, entry{centre: c, cat: services.New(c)})
	}
	h.routes = h.table()
	return h, nil
}

// route is one route of the API: a pattern of path segments, where
// "{name}" matches any one segment, the methods it answers and the query
// parameters it takes (lang included, where it takes one).
type route struct {
	pattern []string
	methods string // for the Allow header: "GET, HEAD" or "POST"
	params  []string
	serve   func(q *request) // answers a request whose parameters are checked
}

// table returns the API's routes. A route is one line, and a parameter
// of a route one more name in its list.
func (h *handler) table() []route {
	get := "GET, HEAD"
	r := func(pattern, methods string, serve func(q *request), params ...string) route {
		return route{pattern: strings.Split(pattern, "/"), methods: methods, params: params, serve: serve}
	}
	return []route{
		r("openapi.json", get, h.document),
		r("centres", get, h.centresList, "municipality", "date", "lang"),
		r("centres/{id}", get, h.centreOne, "lang"),
		r("centres/{id}/desks/{desk}/status", get, h.status, "at", "lang"),
		r("centres/{id}/desks/{desk}/week", get, h.week, "from", "lang"),
		r("centres/{id}/services", get, h.services, "at", "lang"),
		r("centres/{id}/services/{service}/estimate", get, h.estimate, "submitted", "lang"),
		r("check", "POST", h.check, "centre", "lang"),
		r("centres/{id}/calendar.ics", get, h.calendar, "desk", "from", "to", "lang"),
		r("centres/{id}/opening_hours", get, h.openingHours, "desk", "from", "to", "lang"),
	}
}

// match returns the route of the path below Prefix and its path
// parameters, or false.
func (h *handler) match(path string) (*route, map[string]string, bool) {
	segs := strings.Split(path, "/")
	for i := range h.routes {
		rt := &h.routes[i]
		if len(rt.pattern) != len(segs) {
			continue
		}
		vars := map[string]string{}
		ok := true
		for j, p := range rt.pattern {
			if strings.HasPrefix(p, "{") {
				if segs[j] == "" {
					ok = false
					break
				}
				vars[p[1:len(p)-1]] = segs[j]
			} else if p != segs[j] {
				ok = false
				break
			}
		}
		if ok {
			return rt, vars, true
		}
	}
	return nil, nil, false
}

// ServeHTTP answers a request: it finds the route, checks the method and
// the query parameters, and leaves the rest to the route.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := &request{h: h, w: w, r: r, lang: language.Und}
	path := r.URL.Path
	rest, ok := strings.CutPrefix(path, Prefix)
	if !ok {
		q.chooseLanguage(nil)
		q.problem(notFound, "", "api.problem.no_route", map[string]any{"Path": quote(path)})
		return
	}
	rt, vars, ok := h.match(rest)
	if !ok {
		q.chooseLanguage(nil)
		q.problem(notFound, "", "api.problem.no_route", map[string]any{"Path": quote(path)})
		return
	}
	q.vars = vars
	if !strings.Contains(rt.methods, r.Method) || r.Method == "" {
		q.chooseLanguage(nil)
		w.Header().Set("Allow", rt.methods)
		q.problem(methodNotAllowed, "", "api.problem.method", map[string]any{"Path": quote(path), "Method": quote(r.Method), "Allow": rt.methods})
		return
	}
	if !q.readQuery(rt.params) {
		return
	}
	rt.serve(q)
}

// etagOf returns the strong entity tag of body: a hash of it.
func etagOf(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
}

// matches reports whether the If-None-Match header value inm matches
// etag, by the weak comparison that RFC 9110 asks for If-None-Match.
func matches(inm, etag string) bool {
	for tag := range strings.SplitSeq(inm, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
			return true
		}
	}
	return false
}

// encode returns v as JSON, with <, > and & as they are, and a newline.
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// langTag returns the language of the tag of a centre's default
// language.
func langTag(s string) language.Tag { return i18n.Match(language.Make(s)) }

// Busy answers r with 503 Service Unavailable and Retry-After: seconds,
// as a problem document of type busy in the language of r (its lang
// parameter, else Accept-Language, else Dutch): what a server in front of
// the handler sends when it is already answering as many requests as it
// may, as loket serve's does.
func Busy(w http.ResponseWriter, r *http.Request, seconds int) {
	tag := askedLanguage(r.URL.Query().Get("lang"), r.Header.Get("Accept-Language"))
	if tag == language.Und {
		tag = language.Dutch
	}
	w.Header().Set("Retry-After", strconv.Itoa(seconds))
	q := &request{w: w, r: r, p: i18n.NewPrinter(tag)}
	q.problem(busy, "", "api.problem.busy", map[string]any{"Count": seconds})
}
