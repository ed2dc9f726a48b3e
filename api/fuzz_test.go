package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzRequest sends any path, query, method, Accept-Language and body:
// the handler never panics, answers with a status the API gives, and a
// problem for every error, in nl or en, whose instance is the path.
func FuzzRequest(f *testing.F) {
	h := server(f)
	f.Add("GET", "centres/maastricht/desks/ind/status", "at=2026-12-25T10:00:00+01:00&lang=en", "", "")
	f.Add("GET", "centres/maastricht/desks/ind/week", "from=2026-12-25", "nl;q=0.5,en", "")
	f.Add("GET", "centres/maastricht/services/ind-hsm-decision/estimate", "submitted=2199-12-30", "", "")
	f.Add("GET", "centres/maastricht/services", "at=1900-01-01T00:00:00 01:00&lang=nl", "de", "")
	f.Add("POST", "check", "centre=maastricht", "", `{"date": "2026-03-01", "nationality": "IN"}`)
	f.Add("HEAD", "centres", "lang=x&lang=y", "*", "")
	f.Fuzz(func(t *testing.T, method, path, query, acceptLanguage, body string) {
		u := &url.URL{Path: "/api/v1/" + path, RawQuery: query}
		req, err := http.NewRequest(method, u.String(), strings.NewReader(body))
		if err != nil {
			return // not a request a server could be sent
		}
		req.Header.Set("Accept-Language", acceptLanguage)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 304:
			return
		case 400, 404, 405, 413, 415:
		default:
			t.Fatalf("%s %s: status %d", method, u, rec.Code)
		}
		if req.Method == http.MethodHead {
			return
		}
		var p struct {
			Status   int
			Lang     string
			Instance string
			Detail   string
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Status != rec.Code ||
			(p.Lang != "nl" && p.Lang != "en") || p.Instance != req.URL.EscapedPath() || p.Detail == "" {
			t.Fatalf("%s %s: %d %s", method, u, rec.Code, rec.Body)
		}
	})
}
