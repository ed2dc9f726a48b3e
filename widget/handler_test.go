package widget

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// do sends a request to h and returns the response with its body.
func do(t *testing.T, h http.Handler, method, target string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

func TestHandler(t *testing.T) {
	b := testBundle(t)
	h := Handler(b)
	types := map[string]string{
		"loket.js":         "text/javascript; charset=utf-8",
		"loket.wasm":       "application/wasm",
		"maastricht.loket": "application/octet-stream",
		"snippet.html":     "text/html; charset=utf-8",
		"integrity.json":   "application/json",
	}
	for _, f := range b.Files {
		t.Run(f.Name, func(t *testing.T) {
			res, body := do(t, h, "GET", "/"+f.Name, nil)
			if res.StatusCode != 200 || !bytes.Equal(body, f.Data) {
				t.Fatalf("GET: %d, %d bytes, want 200 and the file", res.StatusCode, len(body))
			}
			want := map[string]string{
				"Content-Type":                 types[f.Name],
				"Cache-Control":                "no-cache",
				"ETag":                         `"` + f.Integrity + `"`,
				"Access-Control-Allow-Origin":  "*",
				"Cross-Origin-Resource-Policy": "cross-origin",
				"X-Content-Type-Options":       "nosniff",
				"Content-Encoding":             "",
				"Content-Length":               strconv.Itoa(len(f.Data)),
			}
			if f.Brotli != nil {
				want["Vary"] = "Accept-Encoding"
			}
			if f.Name == "snippet.html" {
				want["Content-Security-Policy"] = CSP
			}
			checkHeaders(t, "GET", res, want)

			if f.Brotli == nil {
				res, body = do(t, h, "GET", "/"+f.Name, map[string]string{"Accept-Encoding": "br, gzip"})
				if res.Header.Get("Content-Encoding") != "" || res.Header.Get("Vary") != "" || !bytes.Equal(body, f.Data) {
					t.Errorf("a file without copies is sent encoded or with Vary")
				}
				return
			}
			for _, c := range []struct {
				accept, encoding string
				data             []byte
			}{
				{"gzip, deflate, br, zstd", "br", f.Brotli},
				{"br", "br", f.Brotli},
				{"gzip", "gzip", f.Gzip},
				{"br;q=0, gzip", "gzip", f.Gzip},
				{"gzip;q=1, br;q=0.5", "gzip", f.Gzip},
				{"*", "br", f.Brotli},
				{"identity", "", f.Data},
				{"deflate", "", f.Data},
			} {
				res, body := do(t, h, "GET", "/"+f.Name, map[string]string{"Accept-Encoding": c.accept})
				etag := `"` + f.Integrity + `"`
				if c.encoding != "" {
					etag = `"` + f.Integrity + "-" + c.encoding + `"`
				}
				checkHeaders(t, "Accept-Encoding: "+c.accept, res, map[string]string{
					"Content-Encoding": c.encoding, "Vary": "Accept-Encoding", "ETag": etag, "Content-Type": types[f.Name],
				})
				if !bytes.Equal(body, c.data) {
					t.Errorf("Accept-Encoding: %s: not the %q copy", c.accept, c.encoding)
				}
				// The same representation again: 304, without a body.
				for _, inm := range []string{etag, "W/" + etag, `"x", ` + etag, "*"} {
					res, body := do(t, h, "GET", "/"+f.Name, map[string]string{"Accept-Encoding": c.accept, "If-None-Match": inm})
					if res.StatusCode != http.StatusNotModified || len(body) != 0 || res.Header.Get("ETag") != etag {
						t.Errorf("If-None-Match: %s: %d with %d bytes, ETag %s", inm, res.StatusCode, len(body), res.Header.Get("ETag"))
					}
				}
				// Another representation's ETag does not match.
				res, _ = do(t, h, "GET", "/"+f.Name, map[string]string{"Accept-Encoding": c.accept, "If-None-Match": `"` + f.Integrity + `-other"`})
				if res.StatusCode != 200 {
					t.Errorf("If-None-Match of another representation: %d", res.StatusCode)
				}
			}
		})
	}

	// HEAD: the headers of GET, no body.
	res, body := do(t, h, "HEAD", "/loket.wasm", map[string]string{"Accept-Encoding": "br"})
	if res.StatusCode != 200 || len(body) != 0 || res.Header.Get("Content-Length") != strconv.Itoa(len(b.File("loket.wasm").Brotli)) {
		t.Errorf("HEAD: %d, %d bytes, Content-Length %s", res.StatusCode, len(body), res.Header.Get("Content-Length"))
	}
	// A range of the file.
	res, body = do(t, h, "GET", "/loket.wasm", map[string]string{"Range": "bytes=0-3"})
	if res.StatusCode != http.StatusPartialContent || string(body) != "\x00asm" {
		t.Errorf("Range: %d %q", res.StatusCode, body)
	}
	// A CORS preflight, and a plain OPTIONS.
	res, body = do(t, h, "OPTIONS", "/loket.js", map[string]string{"Origin": "https://partner.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "range"})
	if res.StatusCode != http.StatusNoContent || len(body) != 0 {
		t.Errorf("preflight: %d", res.StatusCode)
	}
	checkHeaders(t, "preflight", res, map[string]string{
		"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, HEAD",
		"Access-Control-Allow-Headers": "Range, If-None-Match, If-Modified-Since", "Access-Control-Max-Age": "86400",
	})
	res, _ = do(t, h, "OPTIONS", "/loket.js", nil)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("Allow") != "GET, HEAD, OPTIONS" || res.Header.Get("Access-Control-Allow-Methods") != "" {
		t.Errorf("OPTIONS: %d, Allow %q", res.StatusCode, res.Header.Get("Allow"))
	}
	// Other methods, and other paths.
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "TRACE"} {
		res, _ := do(t, h, m, "/loket.js", nil)
		if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD, OPTIONS" {
			t.Errorf("%s: %d, Allow %q", m, res.StatusCode, res.Header.Get("Allow"))
		}
	}
	for _, p := range []string{"/", "/loket.js.br", "/loket.wasm.gz", "/element.js", "/LOKET.JS", "/loket.js/", "/maastricht", "/../go.mod"} {
		res, _ := do(t, h, "GET", p, nil)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, res.StatusCode)
		}
		if res.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("GET %s: a 404 without CORS: a partner page cannot read it", p)
		}
	}
}

func checkHeaders(t *testing.T, what string, res *http.Response, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got := strings.Join(res.Header.Values(k), ", "); got != v {
			t.Errorf("%s: %s: %q, want %q", what, k, got, v)
		}
	}
}

func TestEncoding(t *testing.T) {
	for _, c := range []struct{ accept, want string }{
		{"", ""},
		{"br", "br"},
		{"gzip", "gzip"},
		{"x-gzip", "gzip"},
		{"gzip, br", "br"},
		{"BR;Q=1.0", "br"},
		{"br;q=0", ""},
		{"br;q=0, gzip;q=0", ""},
		{"br;q=0.2, gzip;q=0.8", "gzip"},
		{"br;q=0.8, gzip;q=0.8", "br"},
		{"*", "br"},
		{"*;q=0", ""},
		{"*, br;q=0", "gzip"},
		{"gzip;q=0, *", "br"},
		{"identity", ""},
		{"br;q=abc", ""},
		{"br;q=2", ""},
		{" gzip ; q=0.5 , deflate", "gzip"},
		{"zstd, deflate", ""},
	} {
		if got := Encoding(c.accept); got != c.want {
			t.Errorf("Encoding(%q) = %q, want %q", c.accept, got, c.want)
		}
	}
}

var (
	scriptTag   = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)
	inlineStyle = regexp.MustCompile(`(?i)<style\b|\sstyle=|\son[a-z]+=|javascript:`)
)

func TestDemo(t *testing.T) {
	b := testBundle(t)
	h := Demo(b, "/widget/")
	for _, c := range []struct {
		target, accept, lang string
	}{
		{"/", "", "nl"},
		{"/", "en-GB,en;q=0.9", "en"},
		{"/", "de-DE, en;q=0.5", "en"},
		{"/", "fy, nl;q=0.9, en;q=0.8", "nl"},
		{"/?lang=en", "nl", "en"},
		{"/?lang=nl", "en", "nl"},
		{"/?lang=xx", "en", "en"},
	} {
		res, body := do(t, h, "GET", c.target, map[string]string{"Accept-Language": c.accept})
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d", c.target, res.StatusCode)
		}
		checkHeaders(t, c.target, res, map[string]string{
			"Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": CSP,
			"Vary": "Accept-Language", "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "",
		})
		if !bytes.Contains(body, []byte(`<html lang="`+c.lang+`">`)) {
			t.Errorf("GET %s, Accept-Language %q: not in %s", c.target, c.accept, c.lang)
		}
		etag := res.Header.Get("ETag")
		res, _ = do(t, h, "GET", c.target, map[string]string{"Accept-Language": c.accept, "If-None-Match": etag})
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("GET %s with its ETag: %d", c.target, res.StatusCode)
		}
	}
	_, page := do(t, h, "GET", "/?lang=en", nil)
	// Every view in both languages, each element with its fallback table.
	for _, lang := range []string{"nl", "en"} {
		for _, view := range []string{"status", "week", "services"} {
			el := `<loket-availability centre="maastricht" lang="` + lang + `" view="` + view + `">`
			if !bytes.Contains(page, []byte(el)) {
				t.Errorf("the demo page lacks %s", el)
			}
		}
	}
	if n := bytes.Count(page, []byte("<loket-availability ")); n != 6 {
		t.Errorf("%d elements on the demo page, want 6", n)
	}
	if n := bytes.Count(page, []byte("<caption>")); n != 6 {
		t.Errorf("%d fallback tables, want 6", n)
	}
	// Nothing inline that the CSP would block.
	scripts := scriptTag.FindAllSubmatch(page, -1)
	if len(scripts) != 2 {
		t.Errorf("%d scripts on the demo page, want 2", len(scripts))
	}
	for _, m := range scripts {
		if !bytes.Contains(m[1], []byte(` src="`)) || len(bytes.TrimSpace(m[2])) > 0 {
			t.Errorf("an inline script: %s", m[0])
		}
	}
	if m := inlineStyle.Find(page); m != nil {
		t.Errorf("the demo page has %s", m)
	}
	for _, want := range []string{
		`<script type="module" src="/widget/loket.js" integrity="` + strings.ReplaceAll(b.Script().Integrity, "+", "&#43;") + `" crossorigin="anonymous"></script>`,
		`<script type="module" src="demo.js"></script>`,
		`<link rel="stylesheet" href="demo.css">`,
		`&lt;loket-availability centre=&#34;maastricht&#34; lang=&#34;nl&#34;&gt;`, // the code to paste, as text
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the demo page lacks %s", want)
		}
	}

	for name, typ := range map[string]string{"/demo.css": "text/css; charset=utf-8", "/demo.js": "text/javascript; charset=utf-8"} {
		res, body := do(t, h, "GET", name, nil)
		if res.StatusCode != 200 || len(body) == 0 || res.Header.Get("Content-Type") != typ || res.Header.Get("ETag") == "" {
			t.Errorf("GET %s: %d, %s", name, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
	for _, p := range []string{"/index.html", "/widget/loket.js", "/demo", "/favicon.ico"} {
		if res, _ := do(t, h, "GET", p, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, res.StatusCode)
		}
	}
	for _, m := range []string{"POST", "OPTIONS", "PUT"} {
		res, _ := do(t, h, m, "/", nil)
		if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: %d, Allow %q", m, res.StatusCode, res.Header.Get("Allow"))
		}
	}
}
