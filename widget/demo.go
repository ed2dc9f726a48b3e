package widget

import (
	"bytes"
	"html/template"
	"net/http"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/text"
)

// The demo page: a partner page that shows every view of the element for
// each centre of a bundle, in Dutch and in English, with the lines to
// paste. Its own words are in the language of the visitor's browser.
const demoTemplate = `
{{- define "demo" -}}
<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="stylesheet" href="demo.css">
<script type="module" src="{{.Script}}" integrity="{{.Integrity}}" crossorigin="anonymous"></script>
<script type="module" src="demo.js"></script>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p>{{.Intro}}</p>
<p><a href="?lang={{.Other.Lang}}" hreflang="{{.Other.Lang}}" lang="{{.Other.Lang}}">{{.Other.Text}}</a></p>
<form id="clock">
<label for="now">{{.ClockLabel}}</label>
<input id="now" name="now" type="text" autocomplete="off" spellcheck="false" placeholder="2026-12-22T10:00:00+01:00" aria-describedby="now-hint">
<button type="submit">{{.Apply}}</button>
<button type="button" id="live">{{.Live}}</button>
<p id="now-hint">{{.ClockHint}}</p>
</form>
</header>
<main>
{{- range .Centres}}
<section aria-labelledby="centre-{{.ID}}">
<h2 id="centre-{{.ID}}">{{.Name}}</h2>
<div class="languages">
{{- range .Parts}}
<section lang="{{.P.Lang}}" aria-labelledby="centre-{{.P.Centre}}-{{.P.Lang}}">
<h3 id="centre-{{.P.Centre}}-{{.P.Lang}}">{{.P.LangName}}</h3>
{{- $p := .P}}
{{- range .Views}}
<h4>{{.Title}}</h4>
{{template "element" (element $p .View)}}
{{- end}}
<details>
<summary>{{.CodeTitle}}</summary>
<pre><code>{{.Code}}</code></pre>
</details>
</section>
{{- end}}
</div>
</section>
{{- end}}
</main>
</body>
</html>
{{end}}
`

// demoPage is the data of the demo page in one language.
type demoPage struct {
	Lang, Title, Intro    string
	Other                 struct{ Lang, Text string }
	ClockLabel, ClockHint string
	Apply, Live           string
	Script, Integrity     string
	Centres               []demoCentre
}

type demoCentre struct {
	ID, Name string
	Parts    []demoPart
}

// demoPart is a centre's part in one language, with every view.
type demoPart struct {
	P         part
	Views     []demoView
	CodeTitle string
	// Code is the part's lines to paste, as text.
	Code string
}

type demoView struct{ View, Title string }

// Demo serves the demo page of bundle b, whose files Handler serves at
// widgetPath ("/widget/"): the page at "/", in Dutch or English by the
// request's Accept-Language (the default centre's language when it names
// neither; ?lang=nl or ?lang=en chooses), with Vary: Accept-Language,
// its stylesheet at "/demo.css" and its script at "/demo.js". The page has
// no inline script or style and is sent with the Content-Security-Policy
// [CSP]. Every response has Cache-Control: no-cache and an ETag; any
// other path is 404, a method other than GET and HEAD 405.
func Demo(b *Bundle, widgetPath string) http.Handler {
	t := templates()
	d := demoHandler{files: map[string]*File{}, def: text.Dutch}
	for _, p := range b.parts {
		if p.Centre == b.DefaultCentre {
			d.def = p.lang // the default centre's first part: its default language
			break
		}
	}
	for _, l := range text.Langs() {
		page, err := demoHTML(t, b, l, widgetPath)
		if err != nil {
			panic("widget: the demo page: " + err.Error()) // the templates are tested
		}
		d.pages[l] = &File{Name: "index.html", Type: "text/html; charset=utf-8", Data: page, Integrity: Integrity(page)}
	}
	for _, name := range []string{"demo.css", "demo.js"} {
		data, err := sources.ReadFile("demo/" + name)
		if err != nil {
			panic("widget: " + err.Error()) // embedded at build time
		}
		typ := "text/css; charset=utf-8"
		if name == "demo.js" {
			typ = "text/javascript; charset=utf-8"
		}
		d.files["/"+name] = &File{Name: name, Type: typ, Data: data, Integrity: Integrity(data)}
	}
	return d
}

type demoHandler struct {
	pages [2]*File
	files map[string]*File
	def   text.Lang
}

func (d demoHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f := d.files[r.URL.Path]
	if r.URL.Path == "/" {
		w.Header().Set("Vary", "Accept-Language")
		f = d.pages[d.language(r)]
	}
	if f == nil {
		http.NotFound(w, r)
		return
	}
	if allowMethod(w, r, false) {
		serveFile(w, r, f)
	}
}

// language returns the language of the demo page for r.
func (d demoHandler) language(r *http.Request) text.Lang {
	if l, ok := text.ParseLang(r.URL.Query().Get("lang")); ok {
		return l
	}
	def := language.Dutch
	if d.def == text.English {
		def = language.English
	}
	if i18n.Match(def, r.Header.Get("Accept-Language")) == language.English {
		return text.English
	}
	return text.Dutch
}

// demoHTML returns the demo page in language l.
func demoHTML(t *template.Template, b *Bundle, l text.Lang, widgetPath string) ([]byte, error) {
	p := i18n.PrinterFor(l)
	other := text.English
	if l == text.English {
		other = text.Dutch
	}
	page := demoPage{
		Lang: l.String(), Title: p.T("page.demo.title", nil),
		Intro:      p.T("page.demo.intro", map[string]any{"Path": widgetPath}),
		ClockLabel: p.T("page.demo.clock.label", nil), ClockHint: p.T("page.demo.clock.hint", nil),
		Apply: p.T("page.demo.clock.apply", nil), Live: p.T("page.demo.clock.live", nil),
		Script: widgetPath + "loket.js", Integrity: b.Script().Integrity,
	}
	page.Other.Lang, page.Other.Text = other.String(), i18n.PrinterFor(other).T("page.demo.other_version", nil)
	for _, id := range b.orderedCentres() {
		dc := demoCentre{ID: id}
		for _, pt := range b.parts {
			if pt.Centre != id {
				continue
			}
			if pt.lang == l || dc.Name == "" {
				dc.Name = pt.centreName
			}
			pp := i18n.PrinterFor(pt.lang)
			var code bytes.Buffer
			if err := t.ExecuteTemplate(&code, "part", pt); err != nil {
				return nil, err
			}
			dc.Parts = append(dc.Parts, demoPart{
				P: pt,
				Views: []demoView{
					{"status", pp.T("page.demo.view.status", nil)},
					{"week", pp.T("page.demo.view.week", nil)},
					{"services", pp.T("page.demo.view.services", nil)},
				},
				CodeTitle: pp.T("page.demo.code", nil),
				Code:      code.String(),
			})
		}
		page.Centres = append(page.Centres, dc)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "demo", page); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
