// Package widget builds and serves loket's availability widget, the
// custom element <loket-availability> that a partner site embeds with two
// lines of HTML. A [Bundle] is the widget's files, made in memory:
//
//   - loket.js, the element (widget/js/element.js) with the Go
//     toolchain's wasm_exec.js, the integrity of loket.wasm and the
//     centres filled in;
//   - loket.wasm, loket's query side compiled to WebAssembly (package
//     github.com/expatcentre/loket/wasm);
//   - <id>.loket, the compiled data of each centre (centre.MarshalBinary);
//   - a brotli (.br, quality 11) and a gzip (.gz) copy of each of those;
//   - snippet.html, the two lines a partner pastes, for each centre and
//     language, with a static, accessible table of the coming week's hours
//     as the element's content until it renders (and if it cannot);
//   - integrity.json, the Subresource Integrity hash (sha384) of every
//     file.
//
// [Handler] serves a bundle's files to partner pages on other origins
// (CORS, ETag, precompressed copies), and [Demo] a partner page that shows
// every view of the element in Dutch and English under a strict
// Content-Security-Policy: `loket serve` puts the two together, and `loket
// widget` writes a bundle to a directory.
//
// Unlike loket's other packages, widget does I/O in one place: a
// [Toolchain] runs the go command to compile the bridge and reads its
// wasm_exec.js. [Assemble], which makes the bundle from them and the
// centres, is pure: it reads no clock (the snippet's week starts at
// Options.Now) and no file.
//
// A Bundle is immutable once made and safe for concurrent use; its files'
// bytes must not be modified.
package widget

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"crypto/sha512"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/timetable"
)

// The markers of element.js, each a JavaScript comment that appears
// exactly once, and what Assemble puts in its place.
const (
	// MarkerWasmExec becomes the toolchain's wasm_exec.js, as it is.
	MarkerWasmExec = "/*@WASM_EXEC@*/"
	// MarkerWasmIntegrity becomes a string literal: the integrity of
	// loket.wasm, "sha384-...".
	MarkerWasmIntegrity = "/*@WASM_INTEGRITY@*/"
	// MarkerWasmChunks becomes an object literal (JSON),
	// {"size": WasmChunkSize, "sha256": [...]}: the base64 SHA-256 of
	// each WasmChunkSize bytes of loket.wasm in turn (the last piece may
	// be shorter), which the element checks as the bytes arrive. SHA-256
	// rather than SRI's SHA-384: the page hashes these on its main thread
	// while the module compiles, and SHA-256 is the one that processors
	// (phones' included) compute in hardware; 16 against 4 ms for
	// loket.wasm in Chromium here.
	MarkerWasmChunks = "/*@WASM_CHUNKS@*/"
	// MarkerCentres becomes an object literal (JSON) from each centre's
	// id to {"file", "integrity", "name": {"nl", "en"}, "defaultLanguage"}.
	MarkerCentres = "/*@CENTRES@*/"
	// MarkerDefaultCentre becomes a string literal: the id of the
	// default centre.
	MarkerDefaultCentre = "/*@DEFAULT_CENTRE@*/"
)

// WasmChunkSize is the size of the pieces of loket.wasm whose hashes
// loket.js holds (see MarkerWasmChunks). A browser hashes each piece as
// it arrives, while it compiles the module, so that only the last piece
// is left to hash when the download ends: hashing the whole file, as
// Subresource Integrity does, would delay the start by the time it takes
// to hash 2.6 MB.
const WasmChunkSize = 256 << 10

// wasmChunks returns the value of MarkerWasmChunks for data.
func wasmChunks(data []byte) ([]byte, error) {
	v := struct {
		Size   int      `json:"size"`
		SHA256 []string `json:"sha256"`
	}{Size: WasmChunkSize, SHA256: []string{}}
	for len(data) > 0 {
		n := min(len(data), WasmChunkSize)
		sum := sha256.Sum256(data[:n])
		v.SHA256 = append(v.SHA256, base64.StdEncoding.EncodeToString(sum[:]))
		data = data[n:]
	}
	return json.Marshal(v)
}

// markerRE matches anything that looks like a marker, so that a
// misspelt one is an error rather than a comment left in loket.js.
var markerRE = regexp.MustCompile(`/\*@[A-Za-z0-9_]*@\*/`)

//go:embed js/element.js demo/demo.css demo/demo.js
var sources embed.FS

// Element returns widget/js/element.js, the source of loket.js with its
// markers: a new copy on each call.
func Element() []byte {
	b, err := sources.ReadFile("js/element.js")
	if err != nil {
		panic("widget: " + err.Error()) // embedded at build time
	}
	return b
}

// DefaultURL is where a bundle is served unless Options.URL says
// otherwise: the path under which `loket serve` serves it.
const DefaultURL = "/widget/"

// DefaultCentreID is the centre an element without a centre attribute
// shows, when the bundle has it; otherwise the bundle's first centre is.
const DefaultCentreID = "maastricht"

// widgetZone is the only time zone the bridge knows (wasm/zoneinfo).
const widgetZone = "Europe/Amsterdam"

// File is one file of a bundle.
type File struct {
	// Name is the file's name in the bundle: "loket.js".
	Name string
	// Type is its media type: "text/javascript; charset=utf-8",
	// "application/wasm", "application/octet-stream" for a centre's
	// data, "text/html; charset=utf-8", "application/json".
	Type string
	// Data is its content.
	Data []byte
	// Brotli and Gzip are Data compressed (brotli at quality 11, gzip at
	// its best), for loket.js, loket.wasm and the centres' data; nil for
	// the other files.
	Brotli, Gzip []byte
	// Integrity is the Subresource Integrity hash of Data:
	// "sha384-" and the base64 of its SHA-384.
	Integrity string
}

// Bundle is the widget's files (see the package documentation).
type Bundle struct {
	// Files are loket.js, loket.wasm, the centres' data in the order of
	// Centres, snippet.html and integrity.json.
	Files []*File
	// Centres are the ids of the centres, in the order given.
	Centres []string
	// DefaultCentre is the id of the centre that an element without a
	// centre attribute shows: maastricht when the bundle has it, else
	// the first.
	DefaultCentre string
	// URL is where the bundle is to be served, as the snippet refers to
	// loket.js: "https://centre.example/widget/", or "/widget/".
	URL string

	// parts are the element and its fallback for each centre and
	// language: the snippet's, and the demo page's.
	parts []part
}

// Budget is the most that a page with the widget may download from the
// widget's origin, with brotli (see [Bundle.PageBytes]): 650 KB.
const Budget = 650_000

// PageBytes returns what a page with the widget downloads from the
// widget's origin, with brotli: loket.js, loket.wasm and the default
// centre's data.
func (b *Bundle) PageBytes() int {
	n := 0
	for _, name := range []string{"loket.js", "loket.wasm", b.DefaultCentre + ".loket"} {
		if f := b.File(name); f != nil {
			n += len(f.Brotli)
		}
	}
	return n
}

// File returns the file name of the bundle, or nil.
func (b *Bundle) File(name string) *File {
	for _, f := range b.Files {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Script returns loket.js.
func (b *Bundle) Script() *File { return b.File("loket.js") }

// Sources are what the bundle is made of besides the centres: the
// compiled bridge and the toolchain's JavaScript support for it (see
// [Toolchain.Sources]), and the element's source.
type Sources struct {
	// Bridge is package github.com/expatcentre/loket/wasm compiled with
	// GOOS=js GOARCH=wasm: loket.wasm.
	Bridge []byte
	// WasmExec is $(go env GOROOT)/lib/wasm/wasm_exec.js of the toolchain
	// that compiled Bridge.
	WasmExec []byte
	// Element is the source of loket.js with its markers; nil for
	// the embedded widget/js/element.js.
	Element []byte
}

// Options say which centres a bundle holds and how its snippet reads.
type Options struct {
	// Centres are the centres the widget can show, their ids different;
	// none means the built-in Maastricht International Centre
	// (centre.Default). Each must keep its hours in Europe/Amsterdam, the
	// one zone the widget knows.
	Centres []*centre.Centre
	// Now is when the bundle is made: the snippet's fallback table shows
	// the seven days from Now's date in each centre's zone. It must lie
	// in the days loket answers for (1900 to 2199).
	Now time.Time
	// URL is where the bundle will be served, ending in "/" (one is
	// added): an absolute http(s) URL for partner sites on other origins,
	// or a path. The snippet loads URL + "loket.js". "" means DefaultURL.
	URL string
	// BrotliQuality is the quality of the .br copies, 1 to 11; 0 means
	// 11, the best, as `loket widget` writes them. Quality 11 takes some
	// seconds for loket.wasm; a lower one is faster and larger.
	BrotliQuality int
}

// Assemble makes the bundle from its sources and the centres. It fails
// when the element's source lacks a marker or has one twice (or has
// another /*@...@*/ comment), when two centres share an id or a centre
// keeps another time zone than Europe/Amsterdam, and for a Now or URL
// that is not valid.
func Assemble(src Sources, opt Options) (*Bundle, error) {
	element := src.Element
	if element == nil {
		element = Element()
	}
	if len(src.Bridge) < 8 || string(src.Bridge[:4]) != "\x00asm" {
		return nil, errors.New("widget: the bridge is not a WebAssembly module")
	}
	if len(src.WasmExec) == 0 {
		return nil, errors.New("widget: wasm_exec.js is empty")
	}
	base, err := BaseURL(opt.URL)
	if err != nil {
		return nil, err
	}
	centres := opt.Centres
	if len(centres) == 0 {
		centres = []*centre.Centre{centre.Default()}
	}
	today := civil.Of(opt.Now)
	if opt.Now.IsZero() || today < timetable.FirstDay || today+6 > timetable.LastDay {
		return nil, fmt.Errorf("widget: Now %s: the snippet's week must lie in %s to %s", opt.Now.Format(time.RFC3339), timetable.FirstDay, timetable.LastDay)
	}
	quality := opt.BrotliQuality
	if quality == 0 {
		quality = brotli.BestCompression
	}
	if quality < 1 || quality > brotli.BestCompression {
		return nil, fmt.Errorf("widget: brotli quality %d: want 1 to 11", quality)
	}

	b := &Bundle{URL: base}
	wasm := &File{Name: "loket.wasm", Type: "application/wasm", Data: src.Bridge}
	var centreFiles []*File
	entries := map[string]centreEntry{}
	for _, c := range centres {
		if c == nil {
			return nil, errors.New("widget: a nil centre")
		}
		if !validID(c.ID) {
			return nil, fmt.Errorf("widget: centre id %q: want lower-case letters, digits and hyphens", c.ID)
		}
		if _, dup := entries[c.ID]; dup {
			return nil, fmt.Errorf("widget: two centres have the id %s", c.ID)
		}
		if c.Location == nil || c.Location.String() != widgetZone {
			return nil, fmt.Errorf("widget: centre %s keeps its hours in %v; the widget knows %s only", c.ID, c.Location, widgetZone)
		}
		data, err := c.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("widget: centre %s: %w", c.ID, err)
		}
		f := &File{Name: c.ID + ".loket", Type: "application/octet-stream", Data: data, Integrity: Integrity(data)}
		centreFiles = append(centreFiles, f)
		entries[c.ID] = centreEntry{File: f.Name, Integrity: f.Integrity, Name: langText{c.Name.NL, c.Name.EN}, DefaultLanguage: c.DefaultLanguage}
		b.Centres = append(b.Centres, c.ID)
	}
	b.DefaultCentre = b.Centres[0]
	if _, ok := entries[DefaultCentreID]; ok {
		b.DefaultCentre = DefaultCentreID
	}

	wasm.Integrity = Integrity(wasm.Data)
	centresJSON, err := json.Marshal(entries)
	if err != nil {
		return nil, err
	}
	defaultJSON, _ := json.Marshal(b.DefaultCentre)
	integrityJSON, _ := json.Marshal(wasm.Integrity)
	chunksJSON, err := wasmChunks(wasm.Data)
	if err != nil {
		return nil, err
	}
	js, err := fill(element, map[string][]byte{
		MarkerWasmExec:      src.WasmExec,
		MarkerWasmIntegrity: integrityJSON,
		MarkerWasmChunks:    chunksJSON,
		MarkerCentres:       centresJSON,
		MarkerDefaultCentre: defaultJSON,
	})
	if err != nil {
		return nil, err
	}
	script := &File{Name: "loket.js", Type: "text/javascript; charset=utf-8", Data: js, Integrity: Integrity(js)}

	// The compressed copies, each in its own goroutine: brotli at quality
	// 11 takes seconds for the wasm.
	compressed := append([]*File{script, wasm}, centreFiles...)
	var wg sync.WaitGroup
	errs := make([]error, 2*len(compressed))
	for i, f := range compressed {
		wg.Go(func() { f.Brotli, errs[2*i] = compressBrotli(f.Data, quality) })
		wg.Go(func() { f.Gzip, errs[2*i+1] = compressGzip(f.Data) })
	}
	// The fallback tables and the snippet meanwhile.
	for _, id := range b.orderedCentres() {
		c := centreByID(centres, id)
		for _, l := range langsOf(c) {
			p, err := newPart(c, l, opt.Now, script, base)
			if err != nil {
				wg.Wait()
				return nil, err
			}
			b.parts = append(b.parts, p)
		}
	}
	snippet, err := b.snippet()
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("widget: compressing: %w", err)
	}
	snippetFile := &File{Name: "snippet.html", Type: "text/html; charset=utf-8", Data: snippet, Integrity: Integrity(snippet)}

	b.Files = append(append([]*File{script, wasm}, centreFiles...), snippetFile)
	hashes := map[string]string{}
	for _, f := range b.Files {
		hashes[f.Name] = f.Integrity
		if f.Brotli != nil {
			hashes[f.Name+".br"] = Integrity(f.Brotli)
			hashes[f.Name+".gz"] = Integrity(f.Gzip)
		}
	}
	list, err := json.MarshalIndent(hashes, "", "  ")
	if err != nil {
		return nil, err
	}
	list = append(list, '\n')
	b.Files = append(b.Files, &File{Name: "integrity.json", Type: "application/json", Data: list, Integrity: Integrity(list)})
	return b, nil
}

// centreEntry is a centre as loket.js knows it (MarkerCentres).
type centreEntry struct {
	File            string   `json:"file"`
	Integrity       string   `json:"integrity"`
	Name            langText `json:"name"`
	DefaultLanguage string   `json:"defaultLanguage"`
}

type langText struct {
	NL string `json:"nl"`
	EN string `json:"en"`
}

// orderedCentres returns the centres' ids, the default one first.
func (b *Bundle) orderedCentres() []string {
	ids := []string{b.DefaultCentre}
	for _, id := range b.Centres {
		if id != b.DefaultCentre {
			ids = append(ids, id)
		}
	}
	return ids
}

func centreByID(cs []*centre.Centre, id string) *centre.Centre {
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// validID reports whether id is a centre id: lower-case letters, digits
// and hyphens, as package centre requires, so that <id>.loket is a plain
// file name.
func validID(id string) bool {
	if id == "" || len(id) > 64 || id[0] == '-' {
		return false
	}
	for _, r := range id {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// fill returns the element's source with each marker replaced by its
// value. Every marker must appear exactly once, and nothing else that
// looks like a marker; the values are not searched for markers.
func fill(src []byte, values map[string][]byte) ([]byte, error) {
	type at struct {
		pos    int
		marker string
	}
	var found []at
	for _, loc := range markerRE.FindAllIndex(src, -1) {
		m := string(src[loc[0]:loc[1]])
		if _, ok := values[m]; !ok {
			return nil, fmt.Errorf("widget: element.js has an unknown marker %s", m)
		}
		found = append(found, at{loc[0], m})
	}
	for _, m := range []string{MarkerWasmExec, MarkerWasmIntegrity, MarkerWasmChunks, MarkerCentres, MarkerDefaultCentre} {
		switch n := bytes.Count(src, []byte(m)); n {
		case 1:
		case 0:
			return nil, fmt.Errorf("widget: element.js lacks the marker %s", m)
		default:
			return nil, fmt.Errorf("widget: element.js has the marker %s %d times, want once", m, n)
		}
	}
	var out bytes.Buffer
	last := 0
	for _, f := range found {
		out.Write(src[last:f.pos])
		out.Write(values[f.marker])
		last = f.pos + len(f.marker)
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// BaseURL checks a value of Options.URL and returns it as a bundle
// keeps it: ending in "/", DefaultURL for "". It must be an absolute
// http or https URL, or a path that starts with "/", without a query,
// a fragment, spaces or quotes.
func BaseURL(u string) (string, error) {
	if u == "" {
		return DefaultURL, nil
	}
	ok := strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//")
	if !ok || strings.ContainsAny(u, " \t\r\n\"'<>`\\?#") {
		return "", fmt.Errorf("widget: URL %q: want an absolute http(s) URL or a path starting with /, without a query", u)
	}
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u, nil
}

// Integrity returns the Subresource Integrity hash of data: "sha384-"
// and the base64 of its SHA-384.
func Integrity(data []byte) string {
	sum := sha512.Sum384(data)
	return "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
}

func compressBrotli(data []byte, quality int) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, quality)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// compressGzip compresses data with gzip at its best, with no name and no
// time in the header, so that the same data gives the same bytes.
func compressGzip(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
