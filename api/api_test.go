package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/expatcentre/loket/api"
	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/examples/centres"
)

// now is the clock of the tests: Tuesday 22 December 2026, 10:00 in
// Maastricht.
var now = time.Date(2026, 12, 22, 10, 0, 0, 0, time.FixedZone("CET", 3600))

// spec is the OpenAPI document, loaded and checked once.
var spec = sync.OnceValues(func() (routers.Router, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(api.OpenAPI())
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, err
	}
	// kin-openapi's routers match a server's URL against the request's
	// scheme and host, and find no operation for a relative one ("/api/v1",
	// which the document gives so that it holds wherever it is served):
	// resolve it against the tests' host.
	for _, s := range doc.Servers {
		s.URL = "http://localhost" + s.URL
	}
	return legacy.NewRouter(doc)
})

// server is the API of the built-in centre and a second centre, on the
// test clock.
func server(t testing.TB) http.Handler {
	t.Helper()
	second, err := centre.Load("second.yaml", bytes.Replace(centres.Maastricht(), []byte("id: maastricht"), []byte("id: second"), 1))
	if err != nil {
		t.Fatal(err)
	}
	h, err := api.New(api.Config{Centres: []*centre.Centre{centre.Default(), second}, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// result is an answer of the API.
type result struct {
	code   int
	header http.Header
	body   []byte
}

// do sends a request to h and checks the answer against the OpenAPI
// document: its status, headers and body.
func do(t testing.TB, h http.Handler, method, target string, body string, header ...string) result {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := result{code: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
	if err := validate(method, target, body, header, res); err != nil {
		t.Errorf("%s %s: %d does not agree with openapi.json: %v\n%s", method, target, res.code, err, res.body)
	}
	return res
}

// validated counts the answers validated, for the log.
var validated struct {
	sync.Mutex
	n int
}

// An RFC 5545 calendar (calendar.ics) is text to the validator, as it is
// to the document's schema.
func init() { openapi3filter.RegisterBodyDecoder("text/calendar", openapi3filter.PlainBodyDecoder) }

// validate checks one answer against the document.
func validate(method, target, body string, header []string, res result) error {
	router, err := spec()
	if err != nil {
		return err
	}
	req := httptest.NewRequest(method, "http://localhost"+target, strings.NewReader(body))
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	if method == http.MethodHead {
		// The document describes GET; HEAD is GET without the body.
		req.Method = http.MethodGet
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		// A path or method that the document does not have: only a
		// problem may answer, 404 or 405 with Allow.
		ok := res.header.Get("Content-Type") == "application/problem+json" &&
			(res.code == http.StatusNotFound || res.code == http.StatusMethodNotAllowed && res.header.Get("Allow") != "")
		if !ok {
			return err
		}
		return validateProblem(res)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{IncludeResponseStatus: true}},
		Status: res.code, Header: res.header, Body: io.NopCloser(bytes.NewReader(res.body)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if method == http.MethodHead || res.code == http.StatusNotModified {
		in.Options.ExcludeResponseBody = true
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		return err
	}
	validated.Lock()
	validated.n++
	validated.Unlock()
	return nil
}

// validateProblem checks a problem of a path that the document does not
// have against its Problem schema.
func validateProblem(res result) error {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(api.OpenAPI())
	if err != nil {
		return err
	}
	var v any
	if err := json.Unmarshal(res.body, &v); err != nil {
		return err
	}
	validated.Lock()
	validated.n++
	validated.Unlock()
	return doc.Components.Schemas["Problem"].Value.VisitJSON(v, openapi3.EnableJSONSchema2020())
}

// problem decodes a problem document.
func problem(t testing.TB, r result) map[string]any {
	t.Helper()
	var p map[string]any
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatalf("%v\n%s", err, r.body)
	}
	return p
}

// TestValidatorRejects holds the validation of the other tests to
// account: answers that differ from the document in one way each (a
// value of another type, null where none is allowed, a missing or an
// extra field, a value outside an enum, a missing header) must fail it,
// and the answer itself must pass.
func TestValidatorRejects(t *testing.T) {
	h := server(t)
	const target = "/api/v1/centres/maastricht/desks/ind/week?from=2026-12-25&lang=en"
	r := do(t, h, "GET", target, "")
	mutations := []struct {
		name   string
		change func(m map[string]any)
	}{
		{"unchanged", func(map[string]any) {}},
		{"a number for a string", func(m map[string]any) { m["desk"] = 5 }},
		{"null for a string", func(m map[string]any) { m["desk_name"] = nil }},
		{"a missing field", func(m map[string]any) { delete(m, "from") }},
		{"an extra field", func(m map[string]any) { m["colour"] = "red" }},
		{"a lang outside the enum", func(m map[string]any) { m["lang"] = "de" }},
		{"six days", func(m map[string]any) { m["week"] = m["week"].([]any)[:6] }},
		{"a reason of another type, deep down", func(m map[string]any) {
			m["week"].([]any)[4].(map[string]any)["closed"].(map[string]any)["reason"] = true
		}},
		{"a closed day of another kind", func(m map[string]any) {
			m["week"].([]any)[4].(map[string]any)["closed"].(map[string]any)["why"] = "weather"
		}},
		{"an interval's comment missing", func(m map[string]any) {
			delete(m["week"].([]any)[1].(map[string]any)["intervals"].([]any)[0].(map[string]any), "comment")
		}},
	}
	for i, mu := range mutations {
		var m map[string]any
		if err := json.Unmarshal(r.body, &m); err != nil {
			t.Fatal(err)
		}
		mu.change(m)
		body, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		err = validate("GET", target, "", nil, result{code: 200, header: r.header, body: body})
		if (err == nil) != (i == 0) {
			t.Errorf("%s: validation error %v", mu.name, err)
		}
	}
	noETag := r.header.Clone()
	noETag.Del("ETag")
	if err := validate("GET", target, "", nil, result{code: 200, header: noETag, body: r.body}); err == nil {
		t.Error("an answer without ETag passes")
	}
	if err := validate("GET", target, "", nil, result{code: 418, header: r.header, body: r.body}); err == nil {
		t.Error("a status the document does not list passes")
	}
	var p map[string]any
	bad := do(t, h, "GET", "/api/v1/centres/nowhere", "")
	if err := json.Unmarshal(bad.body, &p); err != nil {
		t.Fatal(err)
	}
	p["status"] = "404"
	body, _ := json.Marshal(p)
	if err := validate("GET", "/api/v1/centres/nowhere", "", nil, result{code: 404, header: bad.header, body: body}); err == nil {
		t.Error("a problem whose status is a string passes")
	}
}

// Busy's answer is a problem of the document's schema, in the request's
// language.
func TestBusy(t *testing.T) {
	for _, c := range []struct{ target, accept, want string }{
		{"/api/v1/centres", "", `"lang":"nl"`},
		{"/api/v1/centres?lang=en", "", `try again in 2 seconds`},
		{"/api/v1/centres", "en-GB,en;q=0.8", `"title":"Busy"`},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", c.target, nil)
		if c.accept != "" {
			req.Header.Set("Accept-Language", c.accept)
		}
		api.Busy(rec, req, 2)
		res := result{code: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
		if res.code != http.StatusServiceUnavailable || res.header.Get("Retry-After") != "2" || !strings.Contains(string(res.body), c.want) {
			t.Errorf("%s %q: %d, Retry-After %q, %s; want %s", c.target, c.accept, res.code, res.header.Get("Retry-After"), res.body, c.want)
		}
		if err := validateProblem(res); err != nil {
			t.Errorf("%s: %v", c.target, err)
		}
	}
}
