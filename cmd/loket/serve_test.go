package main

import (
	goctx "context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/expatcentre/loket/api"
	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/widget"
)

// testBundle is the bundle of the built-in centre, made once for the
// package's tests.
var testBundle = sync.OnceValues(func() (*widget.Bundle, error) {
	return testBuildWidget(goctx.Background(), widget.Options{Centres: nil, Now: time.Date(2026, 12, 22, 10, 0, 0, 0, time.UTC)})
})

func getURL(t *testing.T, c *http.Client, method, url string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

// TestServeMux: the routes of loket serve, through its server.
func TestServeMux(t *testing.T) {
	b, err := testBundle()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	ah, err := api.New(api.Config{Centres: []*centre.Centre{centre.Default()}, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	srv.Config = newServer(serveMux(b, ah))
	srv.Start()
	defer srv.Close()
	c := srv.Client()
	// The client asks for no compression itself, to see the server's
	// choice.
	c.Transport.(*http.Transport).DisableCompression = true
	for _, r := range []struct {
		method, path string
		header       map[string]string
		status       int
		want         map[string]string
	}{
		{"GET", "/", nil, 200, map[string]string{"Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": widget.CSP, "Vary": "Accept-Language"}},
		{"GET", "/?lang=en", nil, 200, map[string]string{"Content-Language": ""}},
		{"GET", "/demo.css", nil, 200, map[string]string{"Content-Type": "text/css; charset=utf-8"}},
		{"GET", "/demo.js", nil, 200, map[string]string{"Content-Type": "text/javascript; charset=utf-8"}},
		{"GET", "/widget/loket.js", map[string]string{"Accept-Encoding": "gzip, br"}, 200, map[string]string{
			"Content-Type": "text/javascript; charset=utf-8", "Content-Encoding": "br", "Vary": "Accept-Encoding",
			"Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache", "ETag": `"` + b.Script().Integrity + `-br"`}},
		{"GET", "/widget/loket.wasm", map[string]string{"Accept-Encoding": "gzip"}, 200, map[string]string{"Content-Type": "application/wasm", "Content-Encoding": "gzip"}},
		{"GET", "/widget/maastricht.loket", nil, 200, map[string]string{"Content-Type": "application/octet-stream", "Content-Encoding": ""}},
		{"GET", "/widget/snippet.html", nil, 200, map[string]string{"Content-Security-Policy": widget.CSP}},
		{"GET", "/widget/integrity.json", nil, 200, map[string]string{"Content-Type": "application/json"}},
		{"HEAD", "/widget/loket.js", nil, 200, nil},
		{"OPTIONS", "/widget/loket.js", map[string]string{"Origin": "https://partner.example", "Access-Control-Request-Method": "GET"}, 204,
			map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, HEAD"}},
		{"GET", "/widget/", nil, 404, nil},
		{"GET", "/widget", nil, 404, nil},
		{"GET", "/widget/nope.js", nil, 404, map[string]string{"Access-Control-Allow-Origin": "*"}},
		{"GET", "/api/v1/centres", nil, 200, map[string]string{"Content-Type": "application/json", "Cache-Control": "public, max-age=3600"}},
		{"GET", "/api/v1/centres/maastricht/desks/ind/status?at=noon", nil, 400, map[string]string{"Content-Type": "application/problem+json"}},
		{"GET", "/api/v1/openapi.json", nil, 200, map[string]string{"Content-Type": "application/json"}},
		{"DELETE", "/api/v1/centres", nil, 405, map[string]string{"Allow": "GET, HEAD", "Content-Type": "application/problem+json"}},
		{"GET", "/api/v2/", nil, 404, nil},
		{"GET", "/index.html", nil, 404, nil},
		{"POST", "/widget/loket.js", nil, 405, map[string]string{"Allow": "GET, HEAD, OPTIONS"}},
		{"DELETE", "/", nil, 405, map[string]string{"Allow": "GET, HEAD"}},
	} {
		res, body := getURL(t, c, r.method, srv.URL+r.path, r.header)
		if res.StatusCode != r.status {
			t.Errorf("%s %s: %d, want %d\n%s", r.method, r.path, res.StatusCode, r.status, body)
			continue
		}
		for k, v := range r.want {
			if got := res.Header.Get(k); got != v {
				t.Errorf("%s %s: %s %q, want %q", r.method, r.path, k, got, v)
			}
		}
	}
}

func TestNewServer(t *testing.T) {
	s := newServer(http.NotFoundHandler())
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.WriteTimeout <= 0 || s.IdleTimeout <= 0 || s.MaxHeaderBytes <= 0 || s.ErrorLog == nil {
		t.Errorf("a limit is missing: %+v", s)
	}
}

// TestLimitRequests: one request more than the limit gets 503 at once,
// and the next is answered again once one is done.
func TestLimitRequests(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 2)
	h := limitRequests(2, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		<-release
		io.WriteString(w, "ok")
	}))
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
			if rec.Code != 200 {
				t.Errorf("a request within the limit: %d", rec.Code)
			}
		})
	}
	<-started
	<-started
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" {
		t.Errorf("a request over the limit: %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	// One for the API is a problem document in the request's language.
	rec = httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/api/v1/centres", nil)
	req.Header.Set("Accept-Language", "en-GB")
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Content-Type") != "application/problem+json" ||
		!strings.Contains(rec.Body.String(), `"detail":"The server is answering as many requests as it may; try again in 1 second."`) {
		t.Errorf("an API request over the limit: %d %q %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	close(release)
	wg.Wait()
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 200 {
		t.Errorf("a request after the others: %d", rec.Code)
	}
}

// TestServeUntil: a stop answers the request under way, then refuses
// new connections; a request that outlives the deadline is cut off, and
// the stop says so.
func TestServeUntil(t *testing.T) {
	for _, c := range []struct {
		name    string
		delay   time.Duration
		timeout time.Duration
	}{
		{"clean", 300 * time.Millisecond, time.Minute},
		{"deadline", 5 * time.Second, 200 * time.Millisecond},
	} {
		t.Run(c.name, func(t *testing.T) {
			inHandler := make(chan struct{})
			srv := newServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				close(inHandler)
				select {
				case <-time.After(c.delay):
				case <-r.Context().Done():
				}
				io.WriteString(w, "done")
			}))
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := goctx.WithCancel(goctx.Background())
			stopped := make(chan error, 1)
			stopping := make(chan struct{})
			go func() { stopped <- serveUntil(ctx, srv, ln, c.timeout, func() { close(stopping) }) }()

			got := make(chan string, 1)
			go func() {
				res, err := http.Get("http://" + ln.Addr().String() + "/")
				if err != nil {
					got <- "error"
					return
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil {
					got <- "error"
					return
				}
				got <- string(body)
			}()
			<-inHandler
			start := time.Now()
			cancel()
			<-stopping
			body, err := <-got, <-stopped
			if c.timeout > c.delay {
				if body != "done" || err != nil {
					t.Errorf("the request under way got %q, and serveUntil says %v", body, err)
				}
			} else {
				if err == nil || body == "done" {
					t.Errorf("a request past the deadline got %q, and serveUntil says %v", body, err)
				}
				if d := time.Since(start); d > c.delay {
					t.Errorf("the stop took %v", d)
				}
			}
			if conn, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
				conn.Close()
				t.Error("the server still accepts connections")
			}
		})
	}
}

func TestServeProblems(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()
	for _, c := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"serve", "--addr", "8080"}, 2, usageError("serve", `--addr "8080": want host:port, such as 127.0.0.1:8080 or :8080`)},
		{[]string{"serve", "--addr", "localhost:http"}, 2, ""},
		{[]string{"serve", "--addr", "localhost:65536"}, 2, ""},
		{[]string{"serve", "x"}, 2, usageError("serve", `unexpected argument "x": the command takes only flags`)},
		{[]string{"serve", "--addr", addr}, 1, "loket serve: cannot listen on " + addr + ": the port is in use by another program\n"},
	} {
		r := runBuild(testBuildWidget, append(c.args, "--lang", "en")...)
		if r.code != c.code || c.stderr != "" && r.stderr != c.stderr {
			t.Errorf("%q: exit %d, stderr\n%s\nwant %d and\n%s", c.args, r.code, r.stderr, c.code, c.stderr)
		}
	}
	if a := displayAddress(&net.TCPAddr{IP: net.IPv4zero, Port: 8080}); a != "localhost:8080" {
		t.Errorf("displayAddress(0.0.0.0:8080) = %s", a)
	}
	if a := displayAddress(&net.TCPAddr{IP: net.ParseIP("::1"), Port: 80}); a != "[::1]:80" {
		t.Errorf("displayAddress([::1]:80) = %s", a)
	}
}
