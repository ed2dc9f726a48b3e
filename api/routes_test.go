package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

const facts = `{"date": "2026-03-01", "nationality": "IN", "age": 31, "purpose": "highly-skilled-migrant",
  "gross_monthly_salary": 6100, "recognised_sponsor": true}`

// TestRoutes runs every route, with good and bad requests, and checks
// each answer's status, type, language and the parameter a problem
// names; do validates every answer against openapi.json.
func TestRoutes(t *testing.T) {
	h := server(t)
	const status = "/api/v1/centres/maastricht/desks/ind/status"
	cases := []struct {
		method, target, body string
		header               []string
		code                 int
		lang                 string // of the answer or problem; "" for none
		parameter            string // that a problem names
		contains             string // in the body
	}{
		{"GET", "/api/v1/openapi.json", "", nil, 200, "", "", `"openapi": "3.1.0"`},
		{"GET", "/api/v1/centres", "", nil, 200, "nl", "", `"id":"second"`},
		{"GET", "/api/v1/centres?lang=en", "", nil, 200, "en", "", `"IND service point"`},
		{"GET", "/api/v1/centres/maastricht", "", []string{"Accept-Language", "en-GB,en;q=0.9"}, 200, "en", "", `"default_desk":"ind"`},
		{"GET", "/api/v1/centres/maastricht", "", []string{"Accept-Language", "de-DE, fy;q=0.5"}, 200, "nl", "", `"time_zone":"Europe/Amsterdam"`},
		{"GET", "/api/v1/centres/nowhere", "", nil, 404, "nl", "id", `Er is geen centrum \"nowhere\"`},
		{"GET", "/api/v1/centres?municipality=Venlo&lang=en", "", nil, 200, "en", "", `"centres":[],"search":{"query":"Venlo"`},
		{"GET", "/api/v1/centres?municipality=gm0888&date=2026-12-02&lang=en", "", nil, 200, "en", "", `"served":{"code":"GM0888","name":"Beek"}`},
		{"GET", "/api/v1/centres?municipality=Maastricht", "", nil, 200, "nl", "", `"id":"second"`},
		{"GET", "/api/v1/centres?municipality=GM12&lang=en", "", nil, 400, "en", "municipality", `not a municipality's name or CBS code`},
		{"GET", "/api/v1/centres?municipality=Beek&date=2200-01-01&lang=en", "", nil, 400, "en", "date", `2200-01-01`},
		{"GET", "/api/v1/centres?date=2026-12-02&lang=en", "", nil, 400, "en", "date", `goes with municipality`},
		{"GET", status + "?at=2026-12-25T10:00:00%2B01:00&lang=en", "", nil, 200, "en", "", `"status":"Closed for Christmas Day, opens Tuesday 29 December at 09:00"`},
		{"GET", status + "?at=2026-12-25T10:00:00+01:00&lang=nl", "", nil, 200, "nl", "", `"at":"2026-12-25T10:00:00+01:00"`},
		{"GET", status + "?lang=en", "", nil, 200, "en", "", `"at":"2026-12-22T10:00:00+01:00","state":"open"`},
		{"HEAD", status, "", nil, 200, "nl", "", ""},
		{"GET", status + "?at=noon", "", nil, 400, "nl", "at", `\"noon\"`},
		{"GET", status + "?at=noon", "", []string{"Accept-Language", "en"}, 400, "en", "at", `expected an RFC 3339 instant`},
		{"GET", status + "?at=2200-01-01T10:00:00Z&lang=en", "", nil, 400, "en", "at", `1900-01-01 to 2199-12-31`},
		{"GET", status + "?at=1899-12-31T22:00:00Z&lang=en", "", nil, 400, "en", "at", `the day 1899-12-31`},
		{"GET", status + "?lang=fr", "", nil, 400, "nl", "lang", `verwacht nl of en`},
		{"GET", status + "?lang=fr", "", []string{"Accept-Language", "en"}, 400, "en", "lang", `expected nl or en`},
		{"GET", status + "?att=2026-12-25T10:00:00Z&lang=en", "", nil, 400, "en", "att", `this route takes at, lang`},
		{"GET", status + "?lang=en&lang=nl", "", nil, 400, "nl", "lang", `meer dan eens`},
		{"GET", status + "?a=%zz", "", nil, 400, "nl", "", `onleesbaar`},
		{"GET", "/api/v1/openapi.json?lang=en", "", nil, 400, "nl", "lang", `geen parameters`},
		{"GET", "/api/v1/centres/maastricht/desks/post/status?lang=en", "", nil, 404, "en", "desk", `its desks are ind, municipality`},
		{"GET", "/api/v1/centres/second/desks/municipality/status?at=2026-12-24T10:00:00%2B01:00&lang=en", "", nil, 200, "en", "", `"centre":"second"`},
		{"POST", status, "", nil, 405, "nl", "", `beantwoordt GET, HEAD, niet \"POST\"`},
		{"DELETE", "/api/v1/centres", "", []string{"Accept-Language", "en"}, 405, "en", "", `answers GET, HEAD`},
		{"GET", "/api/v1/check", "", nil, 405, "nl", "", `POST`},
		{"GET", "/api/v1/nothing", "", nil, 404, "nl", "", `geen route`},
		{"GET", "/api/v2/centres", "", nil, 404, "nl", "", `geen route`},
		{"GET", "/api/v1/centres/maastricht/desks//status", "", nil, 404, "nl", "", `geen route`},
		{"GET", "/api/v1/centres/maastricht/desks/ind/week?from=2026-12-23&lang=en", "", nil, 200, "en", "", `"from":"2026-12-21"`},
		{"GET", "/api/v1/centres/maastricht/desks/ind/week?from=2026-12-23", "", nil, 200, "nl", "", `{"why":"holiday","holiday":"christmas-day","reason":"Eerste Kerstdag"}`},
		{"GET", "/api/v1/centres/maastricht/desks/ind/week", "", nil, 200, "nl", "", `"from":"2026-12-21"`},
		{"GET", "/api/v1/centres/maastricht/desks/ind/week?from=23-12-2026&lang=en", "", nil, 400, "en", "from", `expected a date such as`},
		{"GET", "/api/v1/centres/maastricht/desks/ind/week?from=2199-12-31&lang=en", "", nil, 400, "en", "from", `the week from 2199-12-30 to 2200-01-05`},
		{"GET", "/api/v1/centres/maastricht/desks/ind/week?from=1899-12-31&lang=en", "", nil, 400, "en", "from", `the week from 1899-12-25 to 1899-12-31`},
		{"GET", "/api/v1/centres/maastricht/services?at=2026-12-22T10:00:00%2B01:00&lang=en", "", nil, 200, "en", "", `"horizon_days":90`},
		{"GET", "/api/v1/centres/maastricht/services", "", nil, 200, "nl", "", `"kind":"procedure"`},
		{"GET", "/api/v1/centres/maastricht/services?at=x", "", nil, 400, "nl", "at", ``},
		{"GET", "/api/v1/centres/maastricht/services/ind-hsm-decision/estimate?submitted=2026-12-21&lang=en", "", nil, 200, "en", "", `"submitted":"2026-12-21"`},
		{"GET", "/api/v1/centres/maastricht/services/ind-hsm-decision/estimate", "", nil, 200, "nl", "", `"submitted":"2026-12-22"`},
		{"GET", "/api/v1/centres/maastricht/services/ind-hsm-decision/estimate?submitted=2199-12-30&lang=en", "", nil, 400, "en", "submitted", `2199-12-30`},
		{"GET", "/api/v1/centres/maastricht/services/ind-hsm-decision/estimate?submitted=2200-01-01&lang=en", "", nil, 400, "en", "submitted", `the day 2200-01-01`},
		{"GET", "/api/v1/centres/maastricht/services/ind-hsm-decision/estimate?submitted=tomorrow", "", nil, 400, "nl", "submitted", `\"tomorrow\"`},
		{"GET", "/api/v1/centres/maastricht/services/ind-biometrics/estimate?lang=en", "", nil, 404, "en", "service", `no processing periods`},
		{"GET", "/api/v1/centres/maastricht/services/x/estimate?lang=en", "", nil, 404, "en", "service", `has no service \"x\"`},
		{"GET", "/api/v1/centres/maastricht/calendar.ics?from=2026-12-01&to=2026-12-31&lang=en", "", nil, 200, "en", "", "SUMMARY:IND service point closed: Christmas Day"},
		{"GET", "/api/v1/centres/maastricht/calendar.ics?desk=municipality&from=2026-12-01&to=2026-12-31", "", nil, 200, "nl", "", "UID:"},
		{"GET", "/api/v1/centres/maastricht/calendar.ics", "", nil, 200, "nl", "", "RRULE:FREQ=WEEKLY;BYDAY=TU"},
		{"HEAD", "/api/v1/centres/maastricht/calendar.ics", "", nil, 200, "nl", "", ""},
		{"GET", "/api/v1/centres/maastricht/calendar.ics?from=2026-12-31&to=2026-12-01&lang=en", "", nil, 400, "en", "to", "2026-12-31"},
		{"GET", "/api/v1/centres/maastricht/calendar.ics?from=2026-01-01&to=2029-01-01&lang=en", "", nil, 400, "en", "to", "731"},
		{"GET", "/api/v1/centres/maastricht/calendar.ics?from=1899-12-01&to=1900-01-31&lang=en", "", nil, 400, "en", "from", "1900-01-01"},
		{"GET", "/api/v1/centres/maastricht/calendar.ics?to=next-year", "", nil, 400, "nl", "to", `\"next-year\"`},
		{"GET", "/api/v1/centres/maastricht/calendar.ics?desk=post&lang=en", "", nil, 404, "en", "desk", `its desks are ind, municipality`},
		{"GET", "/api/v1/centres/nowhere/calendar.ics", "", nil, 404, "nl", "id", `geen centrum`},
		{"GET", "/api/v1/centres/maastricht/opening_hours?from=2026-12-01&to=2026-12-31&lang=en", "", nil, 200, "en", "", `Tu,Th 09:00-12:30; Fr 13:30-17:00; PH off`},
		{"GET", "/api/v1/centres/maastricht/opening_hours?from=2026-12-01&to=2026-12-31", "", nil, 200, "nl", "", `2026 Dec 24 off "Kerstavond"`},
		{"GET", "/api/v1/centres/maastricht/opening_hours?from=2026-12-01&to=2026-11-30", "", nil, 400, "nl", "to", ``},
		{"POST", "/api/v1/check?lang=en", facts, []string{"Content-Type", "application/json"}, 200, "en", "", `"route":"highly-skilled-migrant","outcome":"eligible"`},
		{"POST", "/api/v1/check", facts, nil, 200, "nl", "", `"services":[`},
		{"POST", "/api/v1/check?lang=en", `{"date": "2026-03-01", "nationality": "IN", "municipality": "Venlo"}`, nil, 200, "en", "", `"residence":{"query":"Venlo"`},
		{"POST", "/api/v1/check?lang=en", `{"date": "2026-03-01", "nationality": "IN", "municipality": "GM12"}`, nil, 400, "en", "municipality", `The facts are not valid`},
		{"POST", "/api/v1/check?centre=second&lang=en", facts, nil, 200, "en", "", `"outcome"`},
		{"POST", "/api/v1/check?centre=nowhere", facts, nil, 400, "nl", "centre", `geen centrum`},
		{"POST", "/api/v1/check?lang=en", `{"date": "2026-03-01", "nationality": "India"}`, nil, 400, "en", "nationality", `nationality: want an ISO 3166-1 alpha-2 country code`},
		{"POST", "/api/v1/check?lang=nl", `{"date": "2026-03-01", "nationality": "IN", "shoe_size": 44}`, nil, 400, "nl", "", `De feiten zijn niet geldig`},
		{"POST", "/api/v1/check?lang=en", `not json`, nil, 400, "en", "", `The facts are not valid`},
		{"POST", "/api/v1/check?lang=en", ``, nil, 400, "en", "", `The facts are not valid`},
		{"POST", "/api/v1/check?lang=en", facts, []string{"Content-Type", "text/plain"}, 415, "en", "", `\"text/plain\"`},
		{"POST", "/api/v1/check?lang=en", `{"date": "2026-03-01", "nationality": "IN"` + strings.Repeat(" ", 64<<10) + `}`, nil, 413, "en", "", `65536 bytes`},
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.target, func(t *testing.T) {
			r := do(t, h, c.method, c.target, c.body, c.header...)
			if r.code != c.code {
				t.Fatalf("status %d, want %d\n%s", r.code, c.code, r.body)
			}
			if got := r.header.Get("Content-Language"); got != c.lang {
				t.Errorf("Content-Language %q, want %q", got, c.lang)
			}
			if !strings.Contains(string(r.body), c.contains) {
				t.Errorf("the body lacks %s:\n%s", c.contains, r.body)
			}
			if c.code >= 400 {
				if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
					t.Errorf("Content-Type %q", ct)
				}
				if c.method == "HEAD" {
					return
				}
				p := problem(t, r)
				if p["status"] != float64(c.code) || p["lang"] != c.lang || p["instance"] != strings.SplitN(c.target, "?", 2)[0] {
					t.Errorf("problem %v", p)
				}
				if got, _ := p["parameter"].(string); got != c.parameter {
					t.Errorf("parameter %q, want %q", got, c.parameter)
				}
			}
			if c.code == 405 && r.header.Get("Allow") == "" {
				t.Error("405 without Allow")
			}
			if c.method == "HEAD" && len(r.body) != 0 {
				t.Errorf("HEAD with a body")
			}
		})
	}
	t.Logf("%d answers validated against openapi.json", validated.n)
}

// TestCaching checks ETag, Cache-Control and If-None-Match.
func TestCaching(t *testing.T) {
	h := server(t)
	for _, c := range []struct {
		target, cache string
	}{
		{"/api/v1/openapi.json", "public, max-age=3600"},
		{"/api/v1/centres", "public, max-age=3600"},
		{"/api/v1/centres/maastricht", "public, max-age=3600"},
		{"/api/v1/centres/maastricht/desks/ind/status", "public, max-age=60"},
		{"/api/v1/centres/maastricht/desks/ind/status?at=2026-12-25T10:00:00%2B01:00", "public, max-age=3600"},
		{"/api/v1/centres/maastricht/desks/ind/week", "public, max-age=60"},
		{"/api/v1/centres/maastricht/desks/ind/week?from=2026-12-25", "public, max-age=3600"},
		{"/api/v1/centres/maastricht/services", "public, max-age=60"},
		{"/api/v1/centres/maastricht/services/ind-hsm-decision/estimate?submitted=2026-12-21", "public, max-age=3600"},
	} {
		r := do(t, h, "GET", c.target, "")
		etag := r.header.Get("ETag")
		if r.code != 200 || etag == "" || !strings.HasPrefix(etag, `"`) || r.header.Get("Cache-Control") != c.cache {
			t.Errorf("%s: %d, ETag %q, Cache-Control %q", c.target, r.code, etag, r.header.Get("Cache-Control"))
			continue
		}
		for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
			r2 := do(t, h, "GET", c.target, "", "If-None-Match", inm)
			if r2.code != http.StatusNotModified || len(r2.body) != 0 || r2.header.Get("ETag") != etag {
				t.Errorf("%s: If-None-Match %s: %d, ETag %q", c.target, inm, r2.code, r2.header.Get("ETag"))
			}
		}
		if r3 := do(t, h, "GET", c.target, "", "If-None-Match", `"other"`); r3.code != 200 {
			t.Errorf("%s: If-None-Match of another tag: %d", c.target, r3.code)
		}
		// The other language is another body, with another tag.
		other := do(t, h, "GET", c.target, "", "Accept-Language", "en")
		if c.target != "/api/v1/openapi.json" && other.header.Get("ETag") == etag {
			t.Errorf("%s: the same ETag in both languages", c.target)
		}
	}
	r := do(t, h, "POST", "/api/v1/check", facts)
	if r.header.Get("ETag") != "" || r.header.Get("Cache-Control") != "no-store" {
		t.Errorf("check: ETag %q, Cache-Control %q", r.header.Get("ETag"), r.header.Get("Cache-Control"))
	}
}

// TestSameAsReport checks that the status and week answers are the
// fields of `loket hours --format json`: the week of the week route is
// the hours' week, the status route's fields its others.
func TestSameAsHours(t *testing.T) {
	h := server(t)
	var st, wk map[string]any
	for _, x := range []struct {
		target string
		v      *map[string]any
	}{
		{"/api/v1/centres/maastricht/desks/ind/status?at=2026-12-25T10:00:00%2B01:00&lang=en", &st},
		{"/api/v1/centres/maastricht/desks/ind/week?from=2026-12-25&lang=en", &wk},
	} {
		r := do(t, h, "GET", x.target, "")
		if err := json.Unmarshal(r.body, x.v); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]any{"centre": "maastricht", "desk": "ind", "desk_name": "IND service point", "state": "closed",
		"next_change": "2026-12-29T09:00:00+01:00", "next_state": "open", "appointment": true, "lang": "en"}
	for k, v := range want {
		if st[k] != v {
			t.Errorf("status %s = %v, want %v", k, st[k], v)
		}
	}
	days := wk["week"].([]any)
	if got := fmt.Sprint(days[4].(map[string]any)["closed"]); got != "map[holiday:christmas-day reason:Christmas Day why:holiday]" {
		t.Errorf("Friday 25 December: %s", got)
	}
	if got := fmt.Sprint(days[3].(map[string]any)["closed"]); got != "map[holiday:<nil> reason:Christmas Eve why:closure]" {
		t.Errorf("Thursday 24 December: %s", got)
	}
}
