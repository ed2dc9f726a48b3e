package widget

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// CSP is the Content-Security-Policy of the demo page and of snippet.html
// as served: the strictest under which the widget runs, the one a partner
// page may have (with its own origin for 'self'). No inline script or
// style: the element styles itself with constructable stylesheets.
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self'"

// Handler serves the files of b at the root of its path ("/loket.js",
// "/loket.wasm", "/maastricht.loket", "/snippet.html",
// "/integrity.json"); mount it with http.StripPrefix. What it sends:
//
//   - Content-Type: text/javascript for loket.js, application/wasm for
//     loket.wasm (which WebAssembly.instantiateStreaming requires),
//     application/octet-stream for a centre's data, and
//     X-Content-Type-Options: nosniff;
//   - CORS for pages on any origin: Access-Control-Allow-Origin: *
//     (the files are public and fetched without credentials, as the
//     snippet's crossorigin="anonymous" and SRI need), an answer to
//     preflight requests (OPTIONS with Access-Control-Request-Method),
//     Cross-Origin-Resource-Policy: cross-origin and Timing-Allow-Origin;
//   - the brotli copy when Accept-Encoding accepts br, else the gzip copy
//     when it accepts gzip, with Content-Encoding and Vary:
//     Accept-Encoding;
//   - Cache-Control: no-cache and a strong ETag, the file's integrity
//     hash (with -br or -gzip for a copy), and 304 Not Modified for a
//     matching If-None-Match. The file names are fixed (partners paste
//     loket.js's URL, and loket.js asks for loket.wasm and <id>.loket by
//     name), and they change when the centre's hours or loket change: a
//     browser must ask each time, and an unchanged file costs a round
//     trip without a body, where a long max-age would keep a stale file
//     whose hash no longer matches the integrity that loket.js expects;
//   - 404 for any other path, 405 for a method other than GET, HEAD and
//     OPTIONS; ranges as net/http serves them.
//
// snippet.html is served under the Content-Security-Policy [CSP], so
// that it shows the widget as a partner page with that policy would.
func Handler(b *Bundle) http.Handler {
	h := fileHandler{files: map[string]*File{}, cors: true}
	for _, f := range b.Files {
		h.files["/"+f.Name] = f
	}
	return h
}

// fileHandler serves files by path.
type fileHandler struct {
	files map[string]*File
	// cors is set for the widget's files, which pages on other origins
	// load.
	cors bool
}

func (h fileHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f := h.files[r.URL.Path]
	hdr := w.Header()
	if h.cors {
		hdr.Set("Access-Control-Allow-Origin", "*")
		hdr.Set("Cross-Origin-Resource-Policy", "cross-origin")
		hdr.Set("Timing-Allow-Origin", "*")
	}
	if f == nil {
		http.NotFound(w, r)
		return
	}
	if !allowMethod(w, r, h.cors) {
		return
	}
	serveFile(w, r, f)
}

// allowMethod answers a request whose method is not GET or HEAD: a
// preflight or OPTIONS request with 204 where cors is set, anything else
// with 405. It reports whether the request is GET or HEAD.
func allowMethod(w http.ResponseWriter, r *http.Request, cors bool) bool {
	hdr := w.Header()
	switch {
	case r.Method == http.MethodGet || r.Method == http.MethodHead:
		return true
	case r.Method == http.MethodOptions && cors:
		hdr.Set("Allow", "GET, HEAD, OPTIONS")
		if r.Header.Get("Access-Control-Request-Method") != "" {
			hdr.Set("Access-Control-Allow-Methods", "GET, HEAD")
			hdr.Set("Access-Control-Allow-Headers", "Range, If-None-Match, If-Modified-Since")
			hdr.Set("Access-Control-Max-Age", "86400")
		}
		w.WriteHeader(http.StatusNoContent)
		return false
	}
	if cors {
		hdr.Set("Allow", "GET, HEAD, OPTIONS")
	} else {
		hdr.Set("Allow", "GET, HEAD")
	}
	http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
	return false
}

// serveFile sends f, or its brotli or gzip copy, with its type, cache
// headers and ETag; http.ServeContent answers If-None-Match, HEAD and
// ranges.
func serveFile(w http.ResponseWriter, r *http.Request, f *File) {
	hdr := w.Header()
	hdr.Set("Content-Type", f.Type)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Cache-Control", "no-cache")
	if strings.HasPrefix(f.Type, "text/html") {
		hdr.Set("Content-Security-Policy", CSP)
	}
	data, etag := f.Data, f.Integrity
	if f.Brotli != nil {
		hdr.Add("Vary", "Accept-Encoding")
		switch Encoding(r.Header.Get("Accept-Encoding")) {
		case "br":
			data, etag = f.Brotli, etag+"-br"
			hdr.Set("Content-Encoding", "br")
		case "gzip":
			data, etag = f.Gzip, etag+"-gzip"
			hdr.Set("Content-Encoding", "gzip")
		}
	}
	hdr.Set("ETag", `"`+etag+`"`)
	if hdr.Get("Content-Encoding") != "" && r.Header.Get("Range") == "" {
		// ServeContent leaves the length out for an encoded body; a
		// browser shows the progress of loket.wasm with it.
		hdr.Set("Content-Length", strconv.Itoa(len(data)))
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// Encoding returns the content coding to send for an Accept-Encoding
// header: "br" or "gzip", whichever it accepts with the higher q-value
// (br when they tie; "*" stands for either one not named), or "" for the
// file as it is.
func Encoding(accept string) string {
	q := map[string]float64{}
	star := -1.0
	for item := range strings.SplitSeq(accept, ",") {
		coding, params, _ := strings.Cut(item, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		v := 1.0
		for p := range strings.SplitSeq(params, ";") {
			k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0
				}
				v = f
			}
		}
		switch coding {
		case "br", "gzip":
			q[coding] = v
		case "x-gzip":
			if _, named := q["gzip"]; !named {
				q["gzip"] = v
			}
		case "*":
			star = v
		}
	}
	qOf := func(c string) float64 {
		if v, ok := q[c]; ok {
			return v
		}
		return max(star, 0)
	}
	br, gz := qOf("br"), qOf("gzip")
	switch {
	case br > 0 && br >= gz:
		return "br"
	case gz > 0:
		return "gzip"
	}
	return ""
}
