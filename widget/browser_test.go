package widget

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/answer"
	"github.com/expatcentre/loket/internal/centredata"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/services"
	"github.com/expatcentre/loket/text"
)

// The browser tests run the widget in headless Chromium (Debian's
// chromium, which .ci/run installs), as a partner's page embeds it: the
// bundle is served by Handler and Demo, as `loket serve` serves it, on one
// origin, and the partner's pages come from another origin, under the
// strict Content-Security-Policy of issue 10. Without a Chromium they are
// skipped on a developer's machine and fail under CI (CI set), so that a
// broken install never passes silently. LOKET_CHROMIUM names the browser
// when it is not chromium, chromium-browser or google-chrome on PATH.
//
// Screenshots of every view go to .cache/screenshots at the module's root
// (ignored by git), and the start times to the test log.

// chromium returns the browser to run, or skips (fails under CI).
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("LOKET_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	unavailable(t, "no chromium, chromium-browser or google-chrome on PATH, and LOKET_CHROMIUM is not set (apt-get install chromium)")
	return ""
}

// unavailable skips the test, or fails it under CI.
func unavailable(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("needed under CI: %s", why)
	}
	t.Skipf("skipped: %s", why)
}

// site is the widget's origin and a partner's, with a browser.
type site struct {
	widget, partner *httptest.Server
	bundle          *Bundle
	browser         context.Context // a chromedp context; each test opens a tab of it
	exe             string          // the browser's executable
	hello           []byte          // hello.wasm: a hello-world Go program

	mu    sync.Mutex
	pages map[string]partnerPage // the partner's pages, by path
}

// partnerPage is a page of the partner's origin and the policy it is
// served with.
type partnerPage struct {
	html, csp string
}

// harness runs in every page before the page's own scripts (the browser
// runs it as DevTools do, outside the page's Content-Security-Policy): it
// records the widget's loket-render events, the console's warnings,
// errors, policy violations, and the names of the window's own
// properties, to find any global the widget adds.
const harness = `(() => {
  const h = { renders: [], warnings: [], errors: [], violations: [], globals: Object.getOwnPropertyNames(window) };
  Object.defineProperty(window, '__harness', { value: h, enumerable: false });
  // A render is told by its element's id when asked (an id set after the
  // render, as the demo test sets them, counts), kept out of the record.
  document.addEventListener('loket-render', (e) => h.renders.push(Object.defineProperty(Object.assign({ id: e.target.id, t: performance.now() }, e.detail), 'el', { value: e.target })));
  document.addEventListener('securitypolicyviolation', (e) => h.violations.push(e.violatedDirective + ' ' + e.blockedURI));
  window.addEventListener('error', (e) => h.errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => h.errors.push(String(e.reason)));
  const warn = console.warn, error = console.error;
  console.warn = (...a) => { h.warnings.push(a.map(String).join(' ')); warn.apply(console, a); };
  console.error = (...a) => { h.errors.push(a.map(String).join(' ')); error.apply(console, a); };
})();`

// view reads what an element shows, from its shadow root.
const viewJS = `((id) => {
  const e = document.getElementById(id);
  const r = e && e.shadowRoot;
  if (!r) return null;
  const q = (s) => r.querySelector(s);
  const txt = (n) => n ? n.textContent : '';
  const content = r.firstElementChild;
  return {
    lang: content ? content.getAttribute('lang') || '' : '',
    slot: !!q('slot'),
    title: txt(q('.title')),
    about: txt(q('.about')),
    status: txt(q('.status')),
    state: q('.status') ? q('.status').dataset.state : '',
    live: txt(q('.live')),
    book: q('a') ? q('a').getAttribute('href') : '',
    caption: txt(q('caption')),
    head: [...r.querySelectorAll('thead th')].map(txt),
    rows: [...r.querySelectorAll('tbody tr')].map((tr) => [txt(tr.querySelector('th')), txt(tr.querySelector('td')), tr.getAttribute('aria-current') || '']),
    services: [...r.querySelectorAll('li')].map(txt),
    error: txt(q('.error')),
    elements: [...r.querySelectorAll('*')].map((n) => n.localName).filter((n, i, a) => a.indexOf(n) === i).sort(),
  };
})`

// shown is what viewJS returns.
type shown struct {
	Lang, Title, About, Status, State, Live, Book, Caption, Error string
	Slot                                                          bool
	Head                                                          []string
	Rows                                                          [][3]string
	Services                                                      []string
	Elements                                                      []string
}

// record is what the harness recorded.
type record struct {
	Renders []struct {
		ID, Lang, Error string
		State           *string
		T               float64
	}
	Warnings, Errors, Violations, Globals []string
}

var theSite struct {
	once sync.Once
	s    *site
	err  error
	stop func()
}

// TestMain stops the shared browser and servers after the tests.
// browserTemp is the TMPDIR of the browsers the tests start, where
// Chromium leaves a directory of its own each time; TestMain removes it.
var browserTemp string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "loket-widget-browsers-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	browserTemp = dir
	code := m.Run()
	if theSite.stop != nil {
		theSite.stop()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// newSite starts the widget's origin (the built-in centre and the markup
// centre of testdata), the partner's origin and Chromium, once.
func newSite(t *testing.T) *site {
	t.Helper()
	exe := chromium(t)
	src := testSources(t)
	theSite.once.Do(func() {
		theSite.s, theSite.stop, theSite.err = startSite(t, exe, src)
	})
	if theSite.err != nil {
		t.Fatal(theSite.err)
	}
	return theSite.s
}

// testBrotliQuality is the brotli quality of the tests' bundles: quicker
// to write than loket widget's 11, and as quick to decode.
const testBrotliQuality = 5

func startSite(t *testing.T, exe string, src Sources) (*site, func(), error) {
	markupYAML, err := os.ReadFile(filepath.Join("testdata", "markup.yaml"))
	if err != nil {
		return nil, nil, err
	}
	markup, err := centre.Load("testdata/markup.yaml", markupYAML)
	if err != nil {
		return nil, nil, err
	}
	b, err := Assemble(src, Options{Centres: append(centre.Examples(), markup), Now: now, BrotliQuality: testBrotliQuality})
	if err != nil {
		return nil, nil, err
	}
	hello := filepath.Join(t.TempDir(), "hello.wasm")
	// Built as the bridge is (see Toolchain.Sources).
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-s", "-o", hello, "./testdata/hello")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, nil, fmt.Errorf("building hello.wasm: %v\n%s", err, out)
	}
	s := &site{bundle: b, pages: map[string]partnerPage{}}
	if s.hello, err = os.ReadFile(hello); err != nil {
		return nil, nil, err
	}
	// The uncompressed hello world is a copy with a custom section more: a
	// browser that has compiled the same bytes before would reuse that.
	helloCopy := append(bytes.Clone(s.hello), 0, 10, 9, 'l', 'o', 'k', 'e', 't', 'c', 'o', 'p', 'y')
	helloJS, err := os.ReadFile(filepath.Join("testdata", "hello", "hello.js"))
	if err != nil {
		return nil, nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/widget/", http.StripPrefix("/widget", Handler(b)))
	// Each tampered copy, and the real one, also as a server that does
	// not know the media type of WebAssembly would send it.
	for kind, wasm := range tampered(b.File("loket.wasm").Data) {
		mux.Handle("/tampered/"+kind+"/", http.StripPrefix("/tampered/"+kind, Handler(withWasm(b, wasm, "application/wasm"))))
		mux.Handle("/tampered/"+kind+"-octet/", http.StripPrefix("/tampered/"+kind+"-octet", Handler(withWasm(b, wasm, octetStream))))
	}
	mux.Handle("/octet/", http.StripPrefix("/octet", Handler(withWasm(b, b.File("loket.wasm").Data, octetStream))))
	hb, err := helloBundle(b, s.hello)
	if err != nil {
		return nil, nil, err
	}
	mux.Handle("/hello/", http.StripPrefix("/hello", Handler(hb)))
	mux.Handle("/", Demo(b, "/widget/"))
	s.widget = httptest.NewServer(mux)

	s.partner = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/no-marks.js":
			w.Header().Set("Content-Type", "text/javascript")
			fmt.Fprint(w, "performance.mark = () => { throw new Error('the partner allows no marks'); };\n")
			return
		case "/own-globals.js":
			w.Header().Set("Content-Type", "text/javascript")
			fmt.Fprint(w, "window.Go = 'the partner\\'s Go'; window.fs = 'the partner\\'s fs'; window.process = 'the partner\\'s process'; window.path = 'the partner\\'s path';\n")
			return
		case "/hello/hello.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(helloJS)
			return
		case "/hello/wasm_exec.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(src.WasmExec)
			return
		case "/hello/hello.wasm":
			w.Header().Set("Content-Type", "application/wasm")
			w.Write(helloCopy)
			return
		}
		s.mu.Lock()
		p, ok := s.pages[r.URL.Path]
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", p.csp)
		fmt.Fprint(w, p.html)
	}))

	s.exe = exe
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), browserOptions(exe)...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	// The first Run starts the browser, and lives as long as bctx.
	if err := chromedp.Do(bctx); err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	s.browser = bctx
	stop := func() {
		cancelBrowser()
		cancelAlloc()
		s.widget.Close()
		s.partner.Close()
	}
	return s, stop, nil
}

// browserOptions are the options of the browsers the tests start: exe,
// headless, with a profile of its own.
func browserOptions(exe string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.WindowSize(1024, 900),
		chromedp.Flag("lang", "en-GB"), chromedp.Env("TMPDIR="+browserTemp))
}

// freshTab starts a browser of its own, with a new profile and nothing
// compiled or cached yet, and returns its first tab with the harness and
// a function that ends the browser; it ends with the test at the latest.
func (s *site) freshTab(t *testing.T) (context.Context, func()) {
	t.Helper()
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), browserOptions(s.exe)...)
	ctx, cancel := chromedp.NewContext(actx)
	end := func() { cancel(); cancelAlloc() }
	t.Cleanup(end)
	if err := chromedp.Do(ctx, addHarness); err != nil {
		t.Fatal(err)
	}
	return ctx, end
}

// strictCSP is issue 10's policy for a partner page, with the widget's
// origin as ORIGIN.
func (s *site) strictCSP() string {
	o := s.widget.URL
	return "default-src 'none'; script-src " + o + " 'wasm-unsafe-eval'; connect-src " + o + "; style-src " + o
}

// tampered returns copies of the bridge that loket.js must refuse: a
// letter of a string in its data changed (a module that would still
// compile and run), and the file cut short by more than a piece or made
// longer.
func tampered(wasm []byte) map[string][]byte {
	changed := bytes.Clone(wasm)
	i := bytes.Index(changed, []byte("github.com/expatcentre/loket"))
	changed[i] ^= 0x20
	return map[string][]byte{
		"changed": changed,
		"short":   wasm[:len(wasm)-WasmChunkSize-1000],                       // a piece fewer
		"long":    append(bytes.Clone(wasm), make([]byte, WasmChunkSize)...), // a piece more
	}
}

// helloBundle returns b with hello in place of loket.wasm, compressed as
// the bundle's files are: the hello world served by the same handler, from
// the same origin, in the same way as the widget's module.
func helloBundle(b *Bundle, hello []byte) (*Bundle, error) {
	br, err := compressBrotli(hello, testBrotliQuality)
	if err != nil {
		return nil, err
	}
	gz, err := compressGzip(hello)
	if err != nil {
		return nil, err
	}
	return withWasmFile(b, &File{Name: "loket.wasm", Type: b.File("loket.wasm").Type, Data: hello, Integrity: Integrity(hello), Brotli: br, Gzip: gz}), nil
}

// octetStream is the media type a server sends for a file it knows
// nothing about.
const octetStream = "application/octet-stream"

// withWasm returns a copy of b whose loket.wasm is wasm, served without
// compression as media type typ (and with the integrity of b's own).
func withWasm(b *Bundle, wasm []byte, typ string) *Bundle {
	return withWasmFile(b, &File{Name: "loket.wasm", Type: typ, Data: wasm, Integrity: b.File("loket.wasm").Integrity})
}

// withWasmFile returns a copy of b with wasm in place of its loket.wasm.
func withWasmFile(b *Bundle, wasm *File) *Bundle {
	c := *b
	c.Files = nil
	for _, f := range b.Files {
		if f.Name == wasm.Name {
			f = wasm
		}
		c.Files = append(c.Files, f)
	}
	return &c
}

// page puts a partner page with body at a new path and returns its URL.
// The page loads loket.js as the snippet does.
func (s *site) page(t *testing.T, lang, head, body, csp string) string {
	t.Helper()
	return s.pageFrom(t, "/widget/", lang, head, body, csp)
}

// pageFrom is page with loket.js from the directory dir of the widget's
// origin.
func (s *site) pageFrom(t *testing.T, dir, lang, head, body, csp string) string {
	t.Helper()
	if csp == "" {
		csp = s.strictCSP()
	}
	script := s.bundle.Script()
	html := fmt.Sprintf(`<!doctype html>
<html lang="%s"><head><meta charset="utf-8"><title>A partner's page</title>
%s<script type="module" src="%s%sloket.js" integrity="%s" crossorigin="anonymous"></script>
</head><body><main><h1>A partner's page</h1>
%s
</main></body></html>`, lang, head, s.widget.URL, dir, script.Integrity, body)
	s.mu.Lock()
	path := fmt.Sprintf("/%d-%s.html", len(s.pages), strings.NewReplacer("/", "-", " ", "-").Replace(t.Name()))
	s.pages[path] = partnerPage{html: html, csp: csp}
	s.mu.Unlock()
	return s.partner.URL + path
}

// addHarness has a tab run the harness in every page it opens.
var addHarness = chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
	_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: harness})
	return err
})

// tab opens a new tab with the harness, and closes it at the end of the
// test.
func (s *site) tab(t *testing.T, setup ...chromedp.Action[chromedp.Void]) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(s.browser)
	t.Cleanup(cancel)
	steps := append([]chromedp.Action[chromedp.Void]{
		addHarness,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
			return err
		}),
	}, setup...)
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// run runs actions with a time limit.
func run(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) into a T.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// harnessRecord returns what the harness recorded.
func harnessRecord(t *testing.T, ctx context.Context) record {
	t.Helper()
	return eval[record](t, ctx, `window.__harness`)
}

// waitRendered waits until the element id has rendered n times, and
// returns what it shows.
func waitRendered(t *testing.T, ctx context.Context, id string, n int) shown {
	t.Helper()
	wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	_, err := chromedp.Run(wctx, chromedp.Poll[bool](fmt.Sprintf(`window.__harness.renders.filter((r) => r.el.id === %q).length >= %d`, id, n),
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(45*time.Second)))
	if err != nil {
		rec := harnessRecord(t, ctx)
		t.Fatalf("#%s did not render %d times: %v\nwarnings: %q\nerrors: %q\nviolations: %q", id, n, err, rec.Warnings, rec.Errors, rec.Violations)
	}
	return show(t, ctx, id)
}

// show returns what element id shows.
func show(t *testing.T, ctx context.Context, id string) shown {
	t.Helper()
	return eval[shown](t, ctx, fmt.Sprintf("%s(%q)", viewJS, id))
}

// clean fails the test when the page has errors or policy violations.
func clean(t *testing.T, ctx context.Context) record {
	t.Helper()
	rec := harnessRecord(t, ctx)
	if len(rec.Errors) > 0 || len(rec.Violations) > 0 {
		t.Errorf("errors %q, policy violations %q", rec.Errors, rec.Violations)
	}
	return rec
}

// expected is what the library answers for the built-in centre's desk at
// instant at in language l: what the widget must show.
type expected struct {
	status   string
	caption  string
	rows     [][3]string
	services []string
}

func expect(t *testing.T, deskID string, at time.Time, l text.Lang) expected {
	t.Helper()
	return expectIn(t, centre.Default(), deskID, at, l)
}

// expectIn is expect for a desk of centre c.
func expectIn(t *testing.T, c *centre.Centre, deskID string, at time.Time, l text.Lang) expected {
	t.Helper()
	d, ok := c.Desk(deskID)
	if !ok {
		t.Fatalf("no desk %s", deskID)
	}
	p := i18n.PrinterFor(l)
	at = at.In(c.Location)
	var e expected
	e.status = d.Status(p, at)

	data, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	cd, err := centredata.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	live, err := centredata.NewLive(cd, c.Location)
	if err != nil {
		t.Fatal(err)
	}
	i, _ := live.DeskIndex(deskID)
	today := civil.Of(at)
	monday := answer.Monday(today)
	y, m, d0 := monday.Date()
	e.caption = p.T("widget.week.caption", map[string]any{"Date": p.Date(date.New(y, m, d0))})
	for _, day := range answer.Week(l, live.Desk(i), monday, answer.Closures(live.ExtraClosures)) {
		cur := ""
		if day.Date == today {
			cur = "date"
		}
		e.rows = append(e.rows, [3]string{day.Label, day.Line, cur})
	}
	for _, s := range services.New(c).Services() {
		var when string
		switch {
		case !s.IsVisit():
			when = p.T("widget.services.procedure", nil)
		case s.IsOpen(at):
			when = p.T("widget.services.open_now", nil)
		default:
			if next := s.Next(at, 1, 90*24*time.Hour); len(next) > 0 {
				when = p.T("widget.services.next", map[string]any{"When": p.DateSpan(next[0].Start, next[0].End)})
			} else {
				when = p.T("widget.services.none", nil)
			}
		}
		e.services = append(e.services, p.Text(s.Name)+" — "+when)
	}
	return e
}

// TestBrowserAcceptance is issue 10's three instants.
func TestBrowserAcceptance(t *testing.T) {
	s := newSite(t)
	for _, c := range []struct {
		now, lang string
		state     string
		want      []string // in the status line, as the issue writes them
	}{
		{"2026-12-22T10:00:00+01:00", "en", "open", []string{"Open", "closes", "12:30"}},
		{"2026-12-25T10:00:00+01:00", "nl", "closed", []string{"Gesloten", "Eerste Kerstdag", "opent dinsdag 29 december", "09:00"}},
	} {
		t.Run(c.now+"-"+c.lang, func(t *testing.T) {
			url := s.page(t, "en", "", fmt.Sprintf(`<loket-availability id="w" centre="maastricht" lang=%q now=%q>
  <a href="/hours">Opening hours</a>
</loket-availability>`, c.lang, c.now), "")
			ctx := s.tab(t)
			run(t, ctx, chromedp.Navigate(url))
			got := waitRendered(t, ctx, "w", 1)
			at, _ := time.Parse(time.RFC3339, c.now)
			l, _ := text.ParseLang(c.lang)
			want := expect(t, "ind", at, l)
			if got.Status != want.status || got.State != c.state || got.Lang != c.lang {
				t.Errorf("status %q (%s, lang %q), want %q (%s, lang %q)", got.Status, got.State, got.Lang, want.status, c.state, c.lang)
			}
			for _, w := range c.want {
				if !strings.Contains(got.Status, w) {
					t.Errorf("status %q lacks %q", got.Status, w)
				}
			}
			if !slices.Equal(got.Rows, want.rows) {
				t.Errorf("week rows\n got %q\nwant %q", got.Rows, want.rows)
			}
			clean(t, ctx)
		})
	}

	t.Run("flips", func(t *testing.T) {
		url := s.page(t, "en", "", `<loket-availability id="w" lang="en" now="2026-12-22T12:29:57+01:00"></loket-availability>`, "")
		ctx := s.tab(t)
		run(t, ctx, chromedp.Navigate(url))
		first := waitRendered(t, ctx, "w", 1)
		if first.State != "open" {
			t.Fatalf("at 12:29:57 the state is %q (%q), want open", first.State, first.Status)
		}
		eval[bool](t, ctx, `window.__sameDocument = true`)
		start := time.Now()
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if _, err := chromedp.Run(wctx, chromedp.Poll[bool](fmt.Sprintf(`%s("w").state === "closed"`, viewJS),
			chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("the status did not flip to closed: %v (shows %+v)", err, show(t, ctx, "w"))
		}
		took := time.Since(start)
		got := show(t, ctx, "w")
		want := expect(t, "ind", time.Date(2026, 12, 22, 12, 30, 0, 0, time.FixedZone("CET", 3600)), text.English)
		if got.Status != want.status {
			t.Errorf("after the flip: %q, want %q", got.Status, want.status)
		}
		if got.Live != want.status {
			t.Errorf("the live region says %q, want the new status %q announced", got.Live, want.status)
		}
		if !eval[bool](t, ctx, `window.__sameDocument === true`) {
			t.Error("the page was reloaded")
		}
		t.Logf("flipped to closed %v after the first render (at 12:29:57 + the time to render)", took.Round(10*time.Millisecond))
		if took > 10*time.Second {
			t.Errorf("flipped after %v, want within a few seconds", took)
		}
		clean(t, ctx)
	})
}

// TestBrowserViews is every view in both languages, checked against the
// library's answers, and then with a theme, checked by axe-core and
// photographed.
func TestBrowserViews(t *testing.T) {
	s := newSite(t)
	const at = "2026-12-22T10:00:00+01:00"
	when, _ := time.Parse(time.RFC3339, at)
	for _, view := range []string{"status", "week", "services", "status week services"} {
		for _, lang := range []string{"nl", "en"} {
			t.Run(strings.ReplaceAll(view, " ", "+")+"-"+lang, func(t *testing.T) {
				url := s.page(t, lang, "", fmt.Sprintf(`<loket-availability id="w" view=%q now=%q></loket-availability>`, view, at), "")
				ctx := s.tab(t)
				run(t, ctx, chromedp.Navigate(url))
				got := waitRendered(t, ctx, "w", 1)
				l, _ := text.ParseLang(lang)
				want := expect(t, "ind", when, l)
				if got.Lang != lang {
					t.Errorf("lang %q, want %q (the document's)", got.Lang, lang)
				}
				has := func(v string) bool { return strings.Contains(" "+view+" ", " "+v+" ") }
				if has("status") != (got.Status != "") || (has("status") && got.Status != want.status) {
					t.Errorf("status %q, want %q", got.Status, want.status)
				}
				if has("week") {
					if got.Caption != want.caption || !slices.Equal(got.Rows, want.rows) || len(got.Head) != 2 {
						t.Errorf("week %q %q %q\nwant %q %q", got.Caption, got.Head, got.Rows, want.caption, want.rows)
					}
				} else if len(got.Rows) > 0 {
					t.Errorf("a week in view %q", view)
				}
				if has("services") {
					if !slices.Equal(got.Services, want.services) {
						t.Errorf("services\n got %q\nwant %q", got.Services, want.services)
					}
				} else if len(got.Services) > 0 {
					t.Errorf("services in view %q", view)
				}
				clean(t, ctx)
			})
		}
	}
}

// TestBrowserCentres renders every desk of every example centre other
// than the default one, with all its views, in both languages, and
// compares what the widget shows with the library's answers.
func TestBrowserCentres(t *testing.T) {
	s := newSite(t)
	const at = "2026-12-22T10:00:00+01:00"
	when, _ := time.Parse(time.RFC3339, at)
	n := 0
	for _, c := range centre.Examples() {
		if c.ID == centre.Default().ID {
			continue
		}
		for _, d := range c.Desks {
			for _, lang := range []string{"nl", "en"} {
				n++
				t.Run(c.ID+"-"+d.ID+"-"+lang, func(t *testing.T) {
					url := s.page(t, lang, "", fmt.Sprintf(`<loket-availability id="w" centre=%q desk=%q view="status week services" now=%q></loket-availability>`, c.ID, d.ID, at), "")
					ctx := s.tab(t)
					run(t, ctx, chromedp.Navigate(url))
					got := waitRendered(t, ctx, "w", 1)
					l, _ := text.ParseLang(lang)
					want := expectIn(t, c, d.ID, when, l)
					if got.Status != want.status {
						t.Errorf("status %q, want %q", got.Status, want.status)
					}
					if got.Caption != want.caption || !slices.Equal(got.Rows, want.rows) {
						t.Errorf("week %q %q\nwant %q %q", got.Caption, got.Rows, want.caption, want.rows)
					}
					if !slices.Equal(got.Services, want.services) {
						t.Errorf("services\n got %q\nwant %q", got.Services, want.services)
					}
					clean(t, ctx)
				})
			}
		}
	}
	if n < 8 {
		t.Errorf("%d widgets of the example centres other than the default, want at least 8 (two centres)", n)
	}
}

// TestBrowserPage is the widget's manners in someone else's page: two on a
// page share one wasm, a page's own Go and fs stay, no global is added,
// attributes re-render, a bad value is a message, and markup stays text.
func TestBrowserPage(t *testing.T) {
	s := newSite(t)
	const at = "2026-12-22T10:00:00+01:00"
	when, _ := time.Parse(time.RFC3339, at)

	t.Run("a page whose performance.mark throws", func(t *testing.T) {
		url := s.page(t, "en", `<script src="/no-marks.js"></script>
`, fmt.Sprintf(`<loket-availability id="a" view="status" now=%q></loket-availability>`, at),
			s.strictCSP()+"; script-src-elem 'self' "+s.widget.URL)
		ctx := s.tab(t)
		run(t, ctx, chromedp.Navigate(url))
		if got, want := waitRendered(t, ctx, "a", 1).Status, expect(t, "ind", when, text.English).status; got != want {
			t.Errorf("the status is %q, want %q", got, want)
		}
		if n := eval[int](t, ctx, `performance.getEntriesByType('mark').length`); n != 0 {
			t.Errorf("%d marks on a page that allows none", n)
		}
		clean(t, ctx)
	})

	t.Run("two widgets, the page's own Go", func(t *testing.T) {
		url := s.page(t, "nl", `<script src="/own-globals.js"></script>
`, fmt.Sprintf(`<loket-availability id="a" lang="en" now=%q></loket-availability>
<div lang="en-GB"><loket-availability id="b" desk="municipality" view="status" now=%q></loket-availability></div>
<loket-availability id="c" view="status" now=%q></loket-availability>`, at, at, at),
			s.strictCSP()+"; script-src-elem 'self' "+s.widget.URL)
		ctx := s.tab(t)
		run(t, ctx, chromedp.Navigate(url))
		a := waitRendered(t, ctx, "a", 1)
		b := waitRendered(t, ctx, "b", 1)
		c := waitRendered(t, ctx, "c", 1)
		if want := expect(t, "ind", when, text.English).status; a.Status != want {
			t.Errorf("a: %q, want %q", a.Status, want)
		}
		if want := expect(t, "municipality", when, text.English).status; b.Status != want || b.Lang != "en" {
			t.Errorf("b (in a lang=en-GB part of a Dutch page): %q in %q, want %q in en", b.Status, b.Lang, want)
		}
		if want := expect(t, "ind", when, text.Dutch).status; c.Status != want || c.Lang != "nl" {
			t.Errorf("c (in a Dutch page): %q in %q, want %q in nl", c.Status, c.Lang, want)
		}
		wasms := eval[int](t, ctx, `performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/loket.wasm')).length`)
		if wasms != 1 {
			t.Errorf("loket.wasm fetched %d times for three widgets, want once", wasms)
		}
		own := eval[[]string](t, ctx, `[window.Go, window.fs, window.process, window.path]`)
		if !slices.Equal(own, []string{"the partner's Go", "the partner's fs", "the partner's process", "the partner's path"}) {
			t.Errorf("the page's own globals became %q", own)
		}
		rec := clean(t, ctx)
		now := eval[[]string](t, ctx, `Object.getOwnPropertyNames(window)`)
		var added []string
		for _, n := range now {
			if !slices.Contains(rec.Globals, n) && !slices.Contains([]string{"Go", "fs", "process", "path", "__harness"}, n) {
				added = append(added, n)
			}
		}
		if len(added) > 0 {
			t.Errorf("the widget added globals %q", added)
		}
	})

	t.Run("attributes re-render", func(t *testing.T) {
		url := s.page(t, "en", "", fmt.Sprintf(`<loket-availability id="w" lang="en" view="status" now=%q></loket-availability>`, at), "")
		ctx := s.tab(t)
		run(t, ctx, chromedp.Navigate(url))
		waitRendered(t, ctx, "w", 1)
		eval[bool](t, ctx, `(document.getElementById('w').setAttribute('lang', 'nl'), true)`)
		got := waitRendered(t, ctx, "w", 2)
		if want := expect(t, "ind", when, text.Dutch).status; got.Status != want || got.Lang != "nl" {
			t.Errorf("after lang=nl: %q in %q, want %q", got.Status, got.Lang, want)
		}
		eval[bool](t, ctx, `(document.getElementById('w').setAttribute('now', '2026-12-25T10:00:00+01:00'), true)`)
		got = waitRendered(t, ctx, "w", 3)
		if want := expect(t, "ind", time.Date(2026, 12, 25, 10, 0, 0, 0, time.FixedZone("CET", 3600)), text.Dutch).status; got.Status != want {
			t.Errorf("after now=2026-12-25: %q, want %q", got.Status, want)
		}
		eval[bool](t, ctx, `(document.getElementById('w').setAttribute('desk', 'municipality'), true)`)
		got = waitRendered(t, ctx, "w", 4)
		if want := expect(t, "municipality", time.Date(2026, 12, 25, 10, 0, 0, 0, time.FixedZone("CET", 3600)), text.Dutch).status; got.Status != want {
			t.Errorf("after desk=municipality: %q, want %q", got.Status, want)
		}
		clean(t, ctx)
	})

	bad := `<img src=x onerror="globalThis.loketPwned='attribute'">`
	for _, c := range []struct {
		attr, value, lang string
		want              []string
	}{
		{"desk", bad, "en", []string{bad, "desk", "one of ind, municipality"}},
		{"centre", "utrecht", "nl", []string{`"utrecht"`, "centre", "een van " + strings.Join(slices.Sorted(slices.Values(s.bundle.Centres)), ", ")}},
		{"view", "calendar", "en", []string{`"calendar"`, "view"}},
		{"lang", "de", "en", []string{`"de"`, "lang", "nl or en"}},
		{"now", "tomorrow", "nl", []string{`"tomorrow"`, "now", "2026-12-22T10:00:00+01:00"}},
		{"service", bad, "nl", []string{bad, "service"}},
	} {
		t.Run("bad "+c.attr, func(t *testing.T) {
			lang := c.lang
			if c.attr == "lang" {
				lang = "en"
			}
			attrs := fmt.Sprintf(`id="w" now=%q`, at)
			if c.attr != "lang" {
				attrs += fmt.Sprintf(" lang=%q", lang)
			}
			if c.attr == "now" {
				attrs = `id="w" lang="nl"`
			}
			el := fmt.Sprintf(`<loket-availability %s %s="%s" view="status services"></loket-availability>`, attrs, c.attr, strings.ReplaceAll(c.value, `"`, "&quot;"))
			url := s.page(t, lang, "", el, "")
			ctx := s.tab(t)
			run(t, ctx, chromedp.Navigate(url))
			got := waitRendered(t, ctx, "w", 1)
			for _, w := range c.want {
				if !strings.Contains(got.Error, w) {
					t.Errorf("the message %q lacks %q", got.Error, w)
				}
			}
			if slices.Contains(got.Elements, "img") {
				t.Errorf("an img element in the widget: %q", got.Elements)
			}
			rec := clean(t, ctx)
			if !slices.ContainsFunc(rec.Warnings, func(w string) bool { return strings.Contains(w, c.attr) }) {
				t.Errorf("no console warning about %s: %q", c.attr, rec.Warnings)
			}
			if pwned := eval[string](t, ctx, `String(globalThis.loketPwned)`); pwned != "undefined" {
				t.Errorf("markup ran: %s", pwned)
			}
		})
	}

	t.Run("markup in the centre's data", func(t *testing.T) {
		url := s.page(t, "en", "", fmt.Sprintf(`<loket-availability id="w" centre="markup" view="status week services" now=%q></loket-availability>`, at), "")
		ctx := s.tab(t)
		run(t, ctx, chromedp.Navigate(url))
		got := waitRendered(t, ctx, "w", 1)
		all := got.Title + got.About + got.Status + strings.Join(got.Services, "")
		for _, r := range got.Rows {
			all += r[1]
		}
		for _, w := range []string{`<img src=x onerror="globalThis.loketPwned='desk name'">Desk`, `<iframe src="javascript:`, `<img src=x onerror=globalThis.loketPwned=1>`, `'reason'">closed`, `'closure'">Christmas Eve`, `'service'">Visit`} {
			if !strings.Contains(all, w) {
				t.Errorf("the widget does not show %q as text: %q", w, all)
			}
		}
		for _, e := range got.Elements {
			if slices.Contains([]string{"img", "iframe", "script", "b"}, e) {
				t.Errorf("a %s element in the widget", e)
			}
		}
		if got.Book != "https://example.org/book?x=%22%3E%3Cimg%20src=x%20onerror=globalThis.loketPwned=%27booking%27%3E" {
			t.Errorf("booking link %q", got.Book)
		}
		time.Sleep(300 * time.Millisecond) // an error handler would have run by now
		if pwned := eval[string](t, ctx, `String(globalThis.loketPwned)`); pwned != "undefined" {
			t.Errorf("markup ran: %s", pwned)
		}
		clean(t, ctx)
	})

	// A loket.wasm that is not the one loket.js names is never run, be it
	// changed, cut short or longer, and whether the server sends it as
	// WebAssembly (compiled as it streams in) or not (the stream goes
	// through loket.js): the fallback stays.
	for kind := range tampered(s.bundle.File("loket.wasm").Data) {
		for _, dir := range []string{kind, kind + "-octet"} {
			t.Run("wasm "+dir, func(t *testing.T) {
				url := s.pageFrom(t, "/tampered/"+dir+"/", "en", "", fmt.Sprintf(`<loket-availability id="w" now=%q><a href="/hours.html">Opening hours</a></loket-availability>`, at), "")
				ctx := s.tab(t)
				run(t, ctx, chromedp.Navigate(url))
				wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
				defer cancel()
				if _, err := chromedp.Run(wctx, chromedp.Poll[bool](`window.__harness.warnings.some((w) => w.includes('cannot start'))`,
					chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
					t.Fatalf("no warning that the widget cannot start: %v (%q)", err, eval[[]string](t, ctx, `window.__harness.warnings`))
				}
				want := map[string]string{"changed": "does not match loket.js", "short": "shorter than loket.js says", "long": "longer than loket.js says"}[kind]
				if !eval[bool](t, ctx, `window.__harness.warnings.some((w) => w.includes(`+strconv.Quote(want)+`))`) {
					t.Errorf("the warning does not say %q: %q", want, eval[[]string](t, ctx, `window.__harness.warnings`))
				}
				if got := show(t, ctx, "w"); !got.Slot || eval[int](t, ctx, `window.__harness.renders.length`) != 0 {
					t.Errorf("the widget ran a wasm that is not its own: %+v", got)
				}
			})
		}
	}

	// Its own loket.wasm sent as application/octet-stream still runs.
	t.Run("wasm octet-stream", func(t *testing.T) {
		url := s.pageFrom(t, "/octet/", "en", "", fmt.Sprintf(`<loket-availability id="w" view="status" now=%q><a href="/hours.html">Opening hours</a></loket-availability>`, at), "")
		ctx := s.tab(t)
		run(t, ctx, chromedp.Navigate(url))
		if got := waitRendered(t, ctx, "w", 1); got.State != "open" {
			t.Errorf("loket.wasm as %s: the widget shows %+v, not open", octetStream, got)
		}
		clean(t, ctx)
	})

	t.Run("wasm blocked", func(t *testing.T) {
		url := s.page(t, "en", "", fmt.Sprintf(`<loket-availability id="w" now=%q>
  <a id="fallback" href="/hours.html">Opening hours</a>
</loket-availability>`, at), "")
		s.mu.Lock()
		s.pages["/hours.html"] = partnerPage{html: `<!doctype html><html lang="en"><title>Opening hours</title><p>Tuesday and Thursday 09:00-12:30</p></html>`, csp: "default-src 'none'"}
		s.mu.Unlock()
		ctx := s.tab(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, network.SetBlockedURLs, network.SetBlockedURLsParams{
				URLPatterns: []*network.BlockPattern{{URLPattern: s.widget.URL + "/widget/loket.wasm", Block: true}},
			})
			return err
		}))
		run(t, ctx, chromedp.Navigate(url))
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if _, err := chromedp.Run(wctx, chromedp.Poll[bool](`window.__harness.warnings.some((w) => w.includes('cannot start'))`,
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("no warning that the widget cannot start: %v (%+v)", err, harnessRecord(t, ctx))
		}
		got := show(t, ctx, "w")
		if !got.Slot {
			t.Errorf("the fallback's slot is gone: %+v", got)
		}
		visible := eval[bool](t, ctx, `(() => { const r = document.getElementById('fallback').getBoundingClientRect(); return r.width > 0 && r.height > 0; })()`)
		if !visible {
			t.Error("the fallback link is not visible")
		}
		run(t, ctx, chromedp.Click(chromedp.CSS("#fallback")))
		for deadline := time.Now().Add(15 * time.Second); ; {
			loc, err := chromedp.Run(ctx, chromedp.Location())
			if err == nil && strings.HasSuffix(loc, "/hours.html") {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the fallback link does not work: at %q (%v)", loc, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// axeTags are the rules axe-core checks: WCAG 2.0, 2.1 and 2.2, A and AA.
const axeTags = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']`

// TestBrowserAccessibility runs axe-core on every view in both languages
// and both themes, and on the demo page, and photographs each view.
func TestBrowserAccessibility(t *testing.T) {
	s := newSite(t)
	dir := os.Getenv("LOKET_NODE_MODULES")
	axe, err := os.ReadFile(filepath.Join(dir, "axe-core", "axe.min.js"))
	if dir == "" || err != nil {
		unavailable(t, "axe-core is not installed in LOKET_NODE_MODULES (scripts/test installs it)")
	}
	shots := filepath.Join("..", ".cache", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	const at = "2026-12-22T10:00:00+01:00"
	check := func(t *testing.T, ctx context.Context, context string) {
		t.Helper()
		if !eval[bool](t, ctx, `typeof axe === 'object'`) {
			eval[bool](t, ctx, string(axe)+"\n;true")
		}
		violations := eval[[]string](t, ctx, `axe.run(`+context+`, { runOnly: { type: 'tag', values: `+axeTags+` }, resultTypes: ['violations'] })
		  .then((r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map((n) => JSON.stringify(n.target) + ' ' + n.failureSummary).join('; ')))`)
		for _, v := range violations {
			t.Error(v)
		}
	}
	for _, theme := range []string{"light", "dark"} {
		media := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: theme}},
			})
			return err
		})
		for _, view := range []string{"status", "week", "services"} {
			for _, lang := range []string{"nl", "en"} {
				t.Run(theme+"-"+view+"-"+lang, func(t *testing.T) {
					url := s.page(t, lang, "", fmt.Sprintf(`<loket-availability id="w" view=%q now=%q></loket-availability>`, view, at), "")
					ctx := s.tab(t, media)
					run(t, ctx, chromedp.Navigate(url))
					waitRendered(t, ctx, "w", 1)
					check(t, ctx, `document.getElementById('w')`)
					png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#w")))
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("%s-%s-%s.png", view, lang, theme)), png, 0o644); err != nil {
						t.Fatal(err)
					}
					clean(t, ctx)
				})
			}
		}
		t.Run(theme+"-demo", func(t *testing.T) {
			ctx := s.tab(t, media)
			run(t, ctx, chromedp.Navigate(s.widget.URL+"/?lang=en"))
			n := eval[int](t, ctx, `document.querySelectorAll('loket-availability').length`)
			if n == 0 {
				t.Fatal("the demo page has no widget")
			}
			ids := eval[[]string](t, ctx, `[...document.querySelectorAll('loket-availability')].map((e, i) => e.id || (e.id = 'demo-' + i))`)
			for _, id := range ids {
				run(t, ctx, chromedp.ScrollIntoView(chromedp.CSS("#"+id)))
				waitRendered(t, ctx, id, 1)
			}
			check(t, ctx, `document`)
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(shots, "demo-"+theme+".jpg"), png, 0o644); err != nil {
				t.Fatal(err)
			}
			clean(t, ctx)
		})
	}
}

// TestBrowserStart measures (and logs; it asserts nothing about time) how
// long the widget takes from being connected to its first rendered status,
// against how long a hello-world Go WebAssembly takes from being fetched
// to running main, on the same partner's page (issue 10's budget is 1.5
// times). The hello world is timed twice: served as the widget's module is
// (by the widget's handler, from its origin, with brotli), which the
// budget is measured against, and uncompressed from the page's own origin.
// Each run starts a browser of its own, so that nothing is cached and no
// module compiled before (a browser keeps a module it has compiled, and
// the functions it has compiled in it, for the next page that fetches the
// same bytes); it waits until the page is idle before each start, and the
// three take turns going first. With the full budget of CI, each run also
// times, in a browser of its own again, the widget as pasted, whose first
// render holds the week as well as the status (reported, not held to the
// budget).
func TestBrowserStart(t *testing.T) {
	s := newSite(t)
	// Three runs by default, 25 with the full budget of CI
	// (LOKET_ORACLE=full): single starts on this 2-core machine spread
	// widely (the widget 66-212 ms, the hello world 49-97 in one batch),
	// and the ratio of the medians of nine runs came out anywhere from
	// 1.30 to 1.54 for the same code (14 batches); of 25 runs, 1.24 to
	// 1.52 (six batches, 2026-12-02: the batches differ with the state
	// of the machine more than the runs within one do), and 1.34 to 1.45
	// once loket.js carried its compile hint (ten batches, 2026-12-02).
	runs, full := 3, os.Getenv("LOKET_ORACLE") == "full"
	if full {
		runs = 25
	}
	page := s.page(t, "en", "", "", "default-src 'none'; script-src 'self' "+s.widget.URL+" 'wasm-unsafe-eval'; connect-src 'self' "+s.widget.URL+"; style-src "+s.widget.URL)
	// settle waits until the page has been idle for a while: the browser
	// has just started, and the program before may still be tiering up.
	const settle = `new Promise((resolve) => setTimeout(() => requestIdleCallback(() => resolve(true), { timeout: 2000 }), 500))`
	var widget, pasted, hello, helloPlain []float64
	// The steps of the widget's start: its User Timing marks, ms after
	// connected, by name.
	steps := map[string][]float64{}
	// start times a new widget with attributes attrs from connected to
	// rendered, and checks that it shows the status and rows rows. It also
	// returns the widget's marks made since connected, by name: the steps
	// of the start when it is the first widget of its page.
	start := func(ctx context.Context, attrs string, rows int) (float64, map[string]float64) {
		eval[bool](t, ctx, settle)
		id := fmt.Sprintf("w%d", eval[int](t, ctx, `document.querySelectorAll('loket-availability').length`))
		got := eval[struct {
			MS    float64
			Marks map[string]float64
		}](t, ctx, `new Promise((resolve) => {
		  const e = document.createElement('loket-availability');
		  e.id = `+strconv.Quote(id)+`;
		  for (const [k, v] of Object.entries(`+attrs+`)) e.setAttribute(k, v);
		  const t0 = performance.now();
		  e.addEventListener('loket-render', () => {
		    const ms = performance.now() - t0;
		    const marks = {};
		    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('loket:') && m.startTime >= t0) marks[m.name] = m.startTime - t0;
		    resolve({ ms, marks });
		  }, { once: true });
		  document.querySelector('main').append(e);
		})`)
		if shown := show(t, ctx, id); shown.State != "open" || len(shown.Rows) != rows {
			t.Fatalf("the widget (%s) shows %+v, not the status and %d rows", attrs, shown, rows)
		}
		return got.MS, got.Marks
	}
	// startHello times the hello world at url, to main running and to
	// its module compiled and instantiated (when instantiated is not nil).
	startHello := func(ctx context.Context, url string, main, instantiated *[]float64) {
		eval[bool](t, ctx, settle)
		got := eval[struct{ MS, Instantiated float64 }](t, ctx, `import('/hello/hello.js').then((m) => m.start(`+strconv.Quote(url)+`))`)
		*main = append(*main, got.MS)
		if instantiated != nil {
			*instantiated = append(*instantiated, got.Instantiated)
		}
	}
	var helloInstantiated []float64 // ms after the hello world's request
	measure := []func(ctx context.Context){
		func(ctx context.Context) {
			ms, marks := start(ctx, `{now: '2026-12-22T10:00:00+01:00', view: 'status'}`, 0)
			widget = append(widget, ms)
			for name, at := range marks {
				steps[name] = append(steps[name], at)
			}
		},
		func(ctx context.Context) {
			startHello(ctx, s.widget.URL+"/hello/loket.wasm", &hello, &helloInstantiated)
		},
		func(ctx context.Context) { startHello(ctx, "/hello/hello.wasm", &helloPlain, nil) },
	}
	// Each browser ends before the next starts: with the browsers of the
	// earlier runs left running, the widget's median on this 2-core
	// machine was 164-189 ms instead of 87-92 (2026-12-02).
	for r := range runs {
		ctx, end := s.freshTab(t)
		run(t, ctx, chromedp.Navigate(page))
		eval[bool](t, ctx, `Promise.all([import('/hello/hello.js'), customElements.whenDefined('loket-availability')]).then(() => true)`)
		for i := range measure {
			measure[(r+i)%len(measure)](ctx)
		}
		end()
		if full {
			// Widgets share one bridge: a browser of its own again.
			ctx, end := s.freshTab(t)
			run(t, ctx, chromedp.Navigate(page))
			eval[bool](t, ctx, `customElements.whenDefined('loket-availability').then(() => true)`)
			ms, _ := start(ctx, `{now: '2026-12-22T10:00:00+01:00'}`, 7)
			pasted = append(pasted, ms)
			end()
		}
	}
	t.Logf("start, %d runs each in a browser of its own: the widget from connected to first status %s; a hello-world Go wasm from fetch to main %s served as the widget's module, %s uncompressed from the page's origin: %.2f times (budget 1.5; %.2f against the uncompressed one)",
		runs, summary(widget), summary(hello), summary(helloPlain), median(widget)/median(hello), median(widget)/median(helloPlain))
	for _, step := range []string{"fetch", "compiled", "running", "loaded", "rendered"} {
		if n := len(steps["loket:"+step]); n != runs {
			t.Fatalf("the widget marked loket:%s in %d of %d starts", step, n, runs)
		}
	}
	t.Logf("steps (medians, ms): the widget after connected: fetch %.0f, compiled %.0f, Go running %.0f, centre loaded %.0f, status rendered %.0f; the hello world (served as the widget's module) after its request: compiled and instantiated %.0f, main running %.0f",
		median(steps["loket:fetch"]), median(steps["loket:compiled"]), median(steps["loket:running"]), median(steps["loket:loaded"]), median(steps["loket:rendered"]), median(helloInstantiated), median(hello))
	if full {
		t.Logf("start of the widget as pasted, status and week: %s, %.2f and %.2f times", summary(pasted), median(pasted)/median(hello), median(pasted)/median(helloPlain))
	}
}

// median returns the median of xs.
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// summary formats the median and the sorted values of xs in milliseconds.
func summary(xs []float64) string {
	s := slices.Sorted(slices.Values(xs))
	parts := make([]string, len(s))
	for i, x := range s {
		parts[i] = fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.0f ms (runs %s)", median(xs), strings.Join(parts, " "))
}

// TestBrotliCommand decodes the bundle's .br copies with Debian's brotli
// command, a decoder apart from the Go one that wrote them.
func TestBrotliCommand(t *testing.T) {
	exe, err := exec.LookPath("brotli")
	if err != nil {
		unavailable(t, "no brotli command on PATH (apt-get install brotli)")
	}
	b := testBundle(t)
	n := 0
	for _, f := range b.Files {
		if f.Brotli == nil {
			continue
		}
		cmd := exec.Command(exe, "--decompress", "--stdout")
		cmd.Stdin = strings.NewReader(string(f.Brotli))
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s.br: %v", f.Name, err)
		}
		if string(out) != string(f.Data) {
			t.Errorf("%s.br decodes to %d bytes that differ from the file's %d", f.Name, len(out), len(f.Data))
		}
		n++
	}
	if n < 3 {
		t.Errorf("%d files with a brotli copy, want loket.js, loket.wasm and the centre's data", n)
	}
}
