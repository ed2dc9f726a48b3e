//# allFunctionsCalledOnLoad
// loket.js: the <loket-availability> element of loket, for partner sites.
//
// A page pastes two lines:
//
//   <script type="module" src="https://centre.example/widget/loket.js"></script>
//   <loket-availability centre="maastricht" lang="en">
//     <a href="https://centre.example/hours">Opening hours</a>
//   </loket-availability>
//
// and shows, in Dutch or English, whether a desk is open now, its week with
// the reason for each closed day, and when each service can next be used,
// computed in the browser by loket's own Go code (loket.wasm) from the
// centre's compiled data (<centre>.loket), both fetched from the origin of
// this file, and nowhere else. The element's content until then, and
// whenever the widget cannot run, is the page's own fallback.
//
// Attributes: centre (default: the bundle's default centre), desk (default:
// the centre's default desk), service (limits the services to one), view
// (status, week, services, or several; default "status week"), lang (nl or
// en; default: the element's or the document's lang, then the browser's
// languages, then the centre's default), now (an RFC 3339 instant: the
// widget's clock starts there and runs on). Changing one re-renders.
//
// The file is built by `loket widget` from widget/js/element.js: the five
// markers below are filled in with the bundle's centres, the integrity of
// loket.wasm and the hashes of its pieces, and the Go toolchain's
// wasm_exec.js. It adds no global, runs
// under a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval'
// (only 'wasm-unsafe-eval' for WebAssembly), writes text as text nodes only,
// and never breaks the host page: problems are shown in the element and
// warned about on the console.
//
// The steps of its first start on a page are User Timing marks (loket:fetch,
// loket:compiled, loket:running, loket:loaded, loket:rendered), shown by
// the browser's performance tools.
//
// The first line is V8's explicit compile hint (Chromium 136 and later
// read it in the comments before the first code; to other engines it is a
// comment): compile every function of this file when it loads, not each
// one on its first call. Most of them run at a widget's first start, the
// Go runtime's glue (wasm_exec.js) at every call between Go and
// JavaScript; compiled one by one there, they cost the main thread 4-6 ms
// before the first status (2026-12-02, medians of two batches of 30
// starts, each in a fresh browser: 86 and 90 ms without the hint, 82 and
// 84 ms with it).

const CENTRES = /*@CENTRES@*/;
const DEFAULT_CENTRE = /*@DEFAULT_CENTRE@*/;
const WASM_INTEGRITY = /*@WASM_INTEGRITY@*/;
const WASM_CHUNKS = /*@WASM_CHUNKS@*/;

const KEY = 'github.com/expatcentre/loket';
const VIEWS = ['status', 'week', 'services'];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_TIMER = 2147483647; // the longest setTimeout delay, about 24.8 days

// goRuntime runs the toolchain's wasm_exec.js against a private object
// instead of the page's global object, so that it adds no global and uses
// none of the page's (a page may have its own Go, fs or process). The Go
// program sees that object as js.Global(): it holds what the Go runtime
// and loket's bridge ask for, and nothing else.
function goRuntime() {
  const scope = {
    Object, Array, Date, Uint8Array, Reflect, Symbol, console,
    crypto: globalThis.crypto, performance: globalThis.performance,
    TextEncoder: globalThis.TextEncoder, TextDecoder: globalThis.TextDecoder,
  };
  // wasm_exec.js also names fs, process and path without globalThis.
  // eslint-disable-next-line prefer-const
  let fs, process, path;
  (function (globalThis) {
/*@WASM_EXEC@*/
  })(scope);
  fs = scope.fs;
  process = scope.process;
  path = scope.path;
  return scope;
}

let bridgePromise; // one WebAssembly instance for every widget of the page

const marked = new Set();

// mark records a User Timing mark, loket:<step>, which the browser's
// performance tools show: the steps of the widget's first start on the
// page (fetch, compiled, running, loaded, rendered), each once, so that
// the page's timeline does not grow with the widget's renders. A page
// whose performance.mark is missing or throws gets no marks, and a
// working widget.
function mark(step) {
  if (marked.has(step)) return;
  marked.add(step);
  try {
    globalThis.performance.mark('loket:' + step);
  } catch {
    // no User Timing here
  }
}

// fetchOwn fetches a file of the bundle, beside loket.js, without
// credentials.
function fetchOwn(file, integrity) {
  return fetch(new URL(file, import.meta.url), { integrity, credentials: 'omit', mode: 'cors' });
}

// compile fetches loket.wasm and compiles it. Where the browser can hash
// (crypto.subtle, in secure contexts) and compile a stream, it compiles
// while the bytes arrive and hashes them alongside, piece by piece
// (WASM_CHUNKS: the SHA-256 of each piece, as loket.js, itself checked by
// the page's integrity attribute, holds them), and uses the module only
// once every piece matches: a fetch with integrity would hold the bytes
// back until all have arrived and been checked, and compile only then;
// one hash of the whole file would be computed only once all bytes have
// arrived. The compiler reads the response itself and a clone of it is
// hashed, both at the browser's pace (a stream teed through JavaScript
// would feed the compiler from the page's busy main thread: 20-30 ms
// slower to start); where the server sends loket.wasm with another media
// type than application/wasm, which the compiler refuses, the stream goes
// through JavaScript after all. Elsewhere it fetches with integrity and
// compiles the checked bytes.
async function compile() {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (subtle && typeof WebAssembly.compileStreaming === 'function') {
    const response = await fetchOwn('loket.wasm', undefined);
    if (!response.ok) throw new Error('loket.wasm: HTTP ' + response.status);
    let compiled, forHash;
    if ((response.headers.get('Content-Type') || '').trim().toLowerCase() === 'application/wasm') {
      forHash = response.clone().body;
      compiled = WebAssembly.compileStreaming(response);
    } else {
      let forCompile;
      [forCompile, forHash] = response.body.tee();
      compiled = WebAssembly.compileStreaming(new Response(forCompile, { headers: { 'Content-Type': 'application/wasm' } }));
    }
    compiled.catch(() => {}); // a failed check is the error to report
    await checkPieces(subtle, forHash.getReader());
    return compiled;
  }
  const response = await fetchOwn('loket.wasm', WASM_INTEGRITY);
  if (!response.ok) throw new Error('loket.wasm: HTTP ' + response.status);
  return WebAssembly.compile(await response.arrayBuffer());
}

// checkPieces reads loket.wasm from reader, hashes each WASM_CHUNKS.size
// bytes as soon as they have arrived, and fails unless the pieces are as
// many as WASM_CHUNKS has hashes and each hash matches. The pieces share
// one buffer: digest copies the bytes it is given before it returns (Web
// Cryptography API, SubtleCrypto.digest, step 2).
async function checkPieces(subtle, reader) {
  const { size, sha256 } = WASM_CHUNKS;
  const hashes = [];
  const piece = new Uint8Array(size);
  let filled = 0;
  const hash = () => {
    if (hashes.length === sha256.length) throw new Error('loket.wasm is longer than loket.js says');
    hashes.push(subtle.digest('SHA-256', piece.subarray(0, filled)));
    filled = 0;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (let at = 0; at < value.length;) {
        const n = Math.min(size - filled, value.length - at);
        piece.set(value.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === size) hash();
      }
    }
    if (filled > 0) hash();
  } catch (e) {
    reader.cancel().catch(() => {});
    throw e;
  }
  if (hashes.length !== sha256.length) throw new Error('loket.wasm is shorter than loket.js says');
  const digests = await Promise.all(hashes);
  digests.forEach((digest, i) => {
    let bin = '';
    for (const b of new Uint8Array(digest)) bin += String.fromCharCode(b);
    if (btoa(bin) !== sha256[i]) throw new Error('loket.wasm does not match loket.js (piece ' + (i + 1) + ' of ' + sha256.length + ')');
  });
}

// bridge starts loket.wasm once and returns its functions.
function bridge() {
  if (!bridgePromise) {
    bridgePromise = (async () => {
      mark('fetch');
      const module = await compile();
      mark('compiled');
      const scope = goRuntime();
      const ns = {};
      scope[Symbol.for(KEY)] = ns;
      const go = new scope.Go();
      const instance = await WebAssembly.instantiate(module, go.importObject);
      go.run(instance);
      if (!ns.ready) throw new Error(ns.error || 'loket: the bridge did not start');
      mark('running');
      return ns;
    })();
  }
  return bridgePromise;
}

const centreBytes = new Map(); // centre id -> its compiled data, fetched once
const centrePromises = new Map(); // centre id -> the centre's outline

// fetchCentre fetches a centre's compiled data once (checked against its
// integrity), while the bridge may still be starting; after a failure, the
// next render asks again.
function fetchCentre(id) {
  if (!centreBytes.has(id)) {
    const c = CENTRES[id];
    const p = fetchOwn(c.file, c.integrity).then(async (r) => {
      if (!r.ok) throw new Error('loket: ' + c.file + ': HTTP ' + r.status);
      return new Uint8Array(await r.arrayBuffer());
    });
    p.catch(() => centreBytes.delete(id));
    centreBytes.set(id, p);
  }
  return centreBytes.get(id);
}

// loadCentre loads a centre's data into the bridge once and returns its
// outline.
function loadCentre(ns, id) {
  if (!centrePromises.has(id)) {
    const p = fetchCentre(id).then((bytes) => {
      const outline = ns.load(bytes);
      if (outline.error) throw new Error('loket: ' + outline.error);
      mark('loaded');
      return outline;
    });
    p.catch(() => centrePromises.delete(id));
    centrePromises.set(id, p);
  }
  return centrePromises.get(id);
}

// inView reports whether element e is laid out and in the viewport now.
function inView(e) {
  const r = e.getBoundingClientRect();
  const height = globalThis.innerHeight || document.documentElement.clientHeight;
  const width = globalThis.innerWidth || document.documentElement.clientWidth;
  return (r.width > 0 || r.height > 0) && r.bottom >= 0 && r.right >= 0 && r.top <= height && r.left <= width;
}

let sheet;

// styles returns the element's constructable stylesheet: no <style>
// element, so a strict style-src needs no 'unsafe-inline'. Colours and
// fonts come from custom properties named as NL Design System tokens
// (--loket-availability-*), falling back to the NL Design System's common
// ones, then to values with enough contrast in light and dark themes.
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`
:host {
  display: block;
  font-family: var(--loket-availability-font-family, var(--nl-paragraph-font-family, inherit));
  font-size: var(--loket-availability-font-size, var(--nl-paragraph-font-size, 1rem));
  line-height: var(--loket-availability-line-height, 1.5);
  color: var(--loket-availability-color, var(--nl-paragraph-color, #1a1a1a));
  background-color: var(--loket-availability-background-color, #ffffff);
  --_open: var(--loket-availability-open-color, #0b6b2b);
  --_closed: var(--loket-availability-closed-color, #8c1c13);
  --_unknown: var(--loket-availability-unknown-color, #5c4700);
  --_border: var(--loket-availability-border-color, #6b6b6b);
  --_link: var(--loket-availability-link-color, var(--nl-link-color, #0b4ea2));
  --_focus: var(--loket-availability-focus-outline-color, var(--nl-focus-outline-color, #1a1a1a));
  --_muted: var(--loket-availability-muted-color, #4a4a4a);
}
@media (prefers-color-scheme: dark) {
  :host {
    color: var(--loket-availability-color, #f2f2f2);
    background-color: var(--loket-availability-background-color, #121212);
    --_open: var(--loket-availability-open-color, #7ee2a0);
    --_closed: var(--loket-availability-closed-color, #ffaba3);
    --_unknown: var(--loket-availability-unknown-color, #f2d675);
    --_border: var(--loket-availability-border-color, #9a9a9a);
    --_link: var(--loket-availability-link-color, #9cc6ff);
    --_focus: var(--loket-availability-focus-outline-color, #f2f2f2);
    --_muted: var(--loket-availability-muted-color, #c8c8c8);
  }
}
:host([hidden]) { display: none; }
.widget {
  border: 1px solid var(--_border);
  border-radius: var(--loket-availability-border-radius, 0.25rem);
  padding: var(--loket-availability-padding, 0.75rem 1rem);
}
.title { margin: 0 0 0.25rem; font-weight: bold; }
.about { margin: 0 0 0.5rem; color: var(--_muted); }
.status { margin: 0 0 0.5rem; font-weight: bold; }
.status[data-state="open"] { color: var(--_open); }
.status[data-state="closed"] { color: var(--_closed); }
.status[data-state="unknown"] { color: var(--_unknown); }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
caption { text-align: start; font-weight: bold; padding-block-end: 0.25rem; }
th, td { text-align: start; padding: 0.125rem 0.5rem 0.125rem 0; vertical-align: top; border-block-end: 1px solid var(--_border); }
thead th { font-weight: bold; }
tbody th { font-weight: normal; }
tr[aria-current="date"] th, tr[aria-current="date"] td { font-weight: bold; }
ul { margin: 0.25rem 0 0; padding-inline-start: 1.25rem; }
li { margin: 0 0 0.25rem; }
.note { color: var(--_muted); }
.error { margin: 0; color: var(--_closed); }
.live { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
a { color: var(--_link); text-decoration: underline; }
a:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; border-radius: 2px; }
@media (prefers-reduced-motion: no-preference) {
  .widget { transition: opacity 0.15s ease-in; }
}
`);
  }
  return sheet;
}

// el makes an element with text (as a text node) and attributes.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

// safeURL returns an http(s) URL as a string, and null for anything else
// (a javascript: link in data is never a link).
function safeURL(u) {
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

// problem is a bad attribute value: the attribute, the value, what was
// expected (a message id of the catalog) and the data for that message.
class Problem extends Error {
  constructor(attribute, value, expected, data) {
    super('loket: invalid ' + attribute + ' ' + quote(value));
    this.attribute = attribute;
    this.value = value;
    this.expected = expected;
    this.data = data || {};
  }
}

// language returns nl or en: the lang attribute, else the nearest lang of
// the element or the document, else the browser's languages, else def. A
// lang attribute of another language is a Problem, or, when lenient (to
// say what the problem is), passed over.
function language(host, def, lenient) {
  const given = host.getAttribute('lang');
  if (given !== null) {
    const g = given.trim().toLowerCase();
    const l = g.slice(0, 2);
    if ((l === 'nl' || l === 'en') && (g.length === 2 || g[2] === '-' || g[2] === '_')) return l;
    if (!lenient) throw new Problem('lang', given, 'widget.expected.lang');
  }
  const near = host.parentElement && host.parentElement.closest('[lang]');
  for (const cand of [near && near.getAttribute('lang'), document.documentElement.lang, ...(navigator.languages || [])]) {
    if (!cand) continue;
    const l = cand.trim().toLowerCase().slice(0, 2);
    if (l === 'nl' || l === 'en') return l;
  }
  return def === 'en' ? 'en' : 'nl';
}

class LoketAvailability extends HTMLElement {
  static get observedAttributes() {
    return ['centre', 'desk', 'service', 'view', 'lang', 'now'];
  }

  constructor() {
    super();
    this._root = this.attachShadow({ mode: 'open' });
    this._root.adoptedStyleSheets = [styles()];
    // The page's fallback shows until the widget renders. The live region
    // stays while the content is rebuilt, so that a change of status is
    // announced (politely) when it happens, and not at every render.
    this._content = el('div', null, el('slot'));
    this._live = el('p', { class: 'live', role: 'status' });
    this._root.append(this._content, this._live);
    this._state = null; // the state last shown: a change is announced
    this._timer = 0;
    this._started = false;
    this._generation = 0; // the latest render; older ones drop their results
    this._offset = 0; // now attribute minus the browser's clock, in ms
    this._onVisible = () => {
      if (document.visibilityState === 'visible' && this._started) this._render();
    };
  }

  connectedCallback() {
    document.addEventListener('visibilitychange', this._onVisible);
    if (this._started) {
      this._render();
      return;
    }
    // Start when scrolled into view: at once when it is in view already
    // (the observer would say so only at the next frame), or without the
    // observer.
    if ('IntersectionObserver' in globalThis && !inView(this)) {
      this._observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this._observer.disconnect();
          this._start();
        }
      });
      this._observer.observe(this);
    } else {
      this._start();
    }
  }

  disconnectedCallback() {
    document.removeEventListener('visibilitychange', this._onVisible);
    clearTimeout(this._timer);
    if (this._observer) this._observer.disconnect();
  }

  attributeChangedCallback(name) {
    if (name === 'now') this._offset = null;
    if (this._started) this._render();
  }

  _start() {
    this._started = true;
    this._render();
  }

  // _now returns the widget's clock: the browser's, or the now attribute's
  // running on from when it was set.
  _now() {
    const given = this.getAttribute('now');
    if (given === null) return Date.now();
    if (this._offset === null || this._offset === undefined) {
      if (!RFC3339.test(given.trim()) || Number.isNaN(Date.parse(given.trim()))) {
        throw new Problem('now', given, 'widget.expected.now');
      }
      this._offset = Date.parse(given.trim()) - Date.now();
    }
    return Date.now() + this._offset;
  }

  async _render() {
    const generation = ++this._generation;
    clearTimeout(this._timer);
    const starting = bridge(); // the longest wait first
    const wanted = (this.getAttribute('centre') || DEFAULT_CENTRE).trim();
    if (Object.prototype.hasOwnProperty.call(CENTRES, wanted)) fetchCentre(wanted); // alongside the bridge
    let ns;
    try {
      ns = await starting;
    } catch (e) {
      // The WebAssembly cannot run here (blocked, or an old browser): the
      // page's fallback stays.
      console.warn('loket: the widget cannot start; the page\'s own content stays.', e);
      return;
    }
    if (generation !== this._generation) return;
    let lang = 'nl';
    let fallback = 'nl'; // the centre's default language, once known
    try {
      const id = (this.getAttribute('centre') || DEFAULT_CENTRE).trim();
      if (!Object.prototype.hasOwnProperty.call(CENTRES, id)) {
        throw new Problem('centre', id, 'widget.expected.centre', { List: Object.keys(CENTRES).join(', ') });
      }
      fallback = CENTRES[id].defaultLanguage;
      lang = language(this, fallback);
      let outline;
      try {
        outline = await loadCentre(ns, id);
      } catch (e) {
        console.warn('loket: the centre\'s data cannot be loaded.', e);
        if (generation === this._generation) this._show(lang, el('p', { class: 'error' }, ns.text(lang, 'widget.error.unavailable', {}).text), 'unavailable');
        return;
      }
      if (generation !== this._generation) return;
      const content = this._build(ns, outline, lang);
      this._show(lang, content.node, null, content.state);
      if (content.state !== null && this._state !== null && content.state !== this._state) {
        this._live.setAttribute('lang', lang);
        this._live.textContent = content.sentence;
      }
      this._state = content.state;
      if (content.next !== null) {
        // Render again at the next change, exactly (a long delay is cut
        // into parts; a sleeping tab renders again when it wakes).
        const delay = Math.min(Math.max(content.next - this._now(), 0) + 5, MAX_TIMER);
        this._timer = setTimeout(() => this._render(), delay);
      }
    } catch (e) {
      if (!(e instanceof Problem)) {
        console.warn('loket: the widget failed.', e);
        this._show(lang, el('p', { class: 'error' }, ns.text(lang, 'widget.error.unavailable', {}).text), 'unavailable');
        return;
      }
      console.warn(e.message);
      lang = language(this, fallback, true);
      const expected = ns.text(lang, e.expected, e.data).text;
      this._show(lang, el('p', { class: 'error', role: 'alert' }, ns.text(lang, 'widget.error.value', {
        Value: quote(e.value), Attribute: e.attribute, Expected: expected,
      }).text), 'invalid ' + e.attribute);
    }
  }

  // _build makes the widget's content for the attributes and returns it
  // with the instant of the next change of what it shows (or null).
  _build(ns, outline, lang) {
    const at = this._now();
    const centreName = outline.name[lang] || outline.name.nl || outline.name.en;
    const deskID = (this.getAttribute('desk') || outline.defaultDesk).trim();
    const desk = outline.desks.find((d) => d.id === deskID);
    if (!desk) throw new Problem('desk', deskID, 'widget.expected.desk', { List: outline.desks.map((d) => d.id).join(', ') });
    const viewAttr = this.getAttribute('view');
    const views = viewAttr === null ? ['status', 'week'] : viewAttr.split(/[\s,]+/).filter(Boolean);
    if (views.length === 0 || views.some((v) => !VIEWS.includes(v))) throw new Problem('view', viewAttr, 'widget.expected.view');
    const serviceID = this.getAttribute('service');
    if (serviceID !== null && !outline.services.some((s) => s.id === serviceID.trim())) {
      throw new Problem('service', serviceID, 'widget.expected.service', { List: outline.services.map((s) => s.id).join(', ') });
    }
    const check = (answer) => {
      if (answer.error) throw new Error('loket: ' + answer.error);
      return answer;
    };
    const deskName = desk.name[lang] || desk.name.nl || desk.name.en;
    const words = outline.words[lang]; // the widget's fixed words, from the bridge with the outline
    const region = el('section', { class: 'widget', 'aria-label': desk.label[lang] });
    let next = null;
    let state = null;
    let sentence = null;
    region.append(el('p', { class: 'title' }, deskName + ' — ' + centreName));
    if (views.includes('status')) {
      const st = check(ns.status(outline.id, desk.id, at, lang));
      state = st.state;
      const about = [];
      const location = desk.location[lang] || desk.location.nl || desk.location.en;
      if (location) about.push(location);
      if (desk.appointment) about.push(words.appointment);
      if (about.length) region.append(el('p', { class: 'about' }, about.join(' · ')));
      region.append(el('p', { class: 'status', 'data-state': st.state }, st.sentence));
      sentence = st.sentence;
      const book = desk.appointment && safeURL(desk.bookingUrl);
      if (book) region.append(el('p', null, el('a', { href: book, rel: 'noopener', target: '_blank' }, words.book)));
      next = soonest(next, st.next);
    }
    if (views.includes('week')) {
      const wk = check(ns.week(outline.id, desk.id, at, lang));
      const table = el('table', null, el('caption', null, wk.caption));
      table.append(el('thead', null, el('tr', null,
        el('th', { scope: 'col' }, words.day),
        el('th', { scope: 'col' }, words.hours))));
      const body = el('tbody');
      for (const d of wk.days) {
        body.append(el('tr', { 'aria-current': d.date === wk.today ? 'date' : null },
          el('th', { scope: 'row' }, d.label), el('td', null, d.line)));
      }
      table.append(body);
      region.append(table);
      next = soonest(next, wk.nextDay); // the marked day (and the week) moves at midnight
    }
    if (views.includes('services')) {
      const sv = check(ns.services(outline.id, at, lang));
      const title = words.services;
      const list = el('ul', { 'aria-label': title });
      for (const s of sv.services) {
        if (serviceID !== null && s.id !== serviceID.trim()) continue;
        let when;
        if (s.kind === 'procedure') when = words.procedure;
        else if (s.openNow) when = words.openNow;
        else if (s.next) when = ns.text(lang, 'widget.services.next', { When: s.next.text }).text;
        else when = words.none;
        list.append(el('li', null, el('span', null, s.name), ' — ', el('span', { class: 'note' }, when)));
        if (s.kind === 'visit' && s.next) next = soonest(next, s.openNow ? s.next.end : s.next.start);
      }
      region.append(el('p', { class: 'title' }, title), list);
    }
    return { node: region, next, state, sentence };
  }

  // _show puts node in the shadow root, in language lang, and tells the
  // page with a loket-render event: detail.lang, detail.state (open, closed
  // or unknown, when the status is shown) and detail.error (null, or what
  // went wrong: "unavailable", "invalid <attribute>").
  _show(lang, node, error, state) {
    this._content.setAttribute('lang', lang);
    this._content.replaceChildren(node);
    mark('rendered');
    this.dispatchEvent(new CustomEvent('loket-render', {
      bubbles: true,
      detail: { lang, state: state ?? null, error: error ?? null },
    }));
  }
}

// quote returns a value as written between double quotes, cut after 80
// characters.
function quote(value) {
  const chars = [...value];
  return '"' + (chars.length > 80 ? chars.slice(0, 79).join('') + '…' : value) + '"';
}

// soonest returns the earlier of two instants, either of which may be null.
function soonest(a, b) {
  if (a === null || a === undefined) return b ?? null;
  if (b === null || b === undefined) return a;
  return Math.min(a, b);
}

if (!customElements.get('loket-availability')) {
  customElements.define('loket-availability', LoketAvailability);
}
