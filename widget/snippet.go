package widget

import (
	"bytes"
	"html/template"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/export"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/answer"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/text"
)

// part is the element for one centre in one language, with its fallback
// content: a table of the default desk's hours for the seven days from
// the day the bundle was made, and a link to the centre's website.
type part struct {
	Centre   string // the centre's id
	Lang     string // "nl", "en"
	LangName string // "Nederlands", "English"
	// Script and Integrity are loket.js's URL and integrity.
	Script, Integrity string

	Caption, DayHeader, HoursHeader string
	Days                            []fallbackDay
	// Website is the centre's website, "" when it has none; LinkText the
	// link's text.
	Website, LinkText string
	// Comment introduces the part in snippet.html.
	Comment string
	// View is the element's view attribute: "" for its default views.
	View string
	// JSONLD is the default desk as schema.org JSON-LD for search engines
	// (export.JSONLD over the twelve months from the day the bundle was
	// made), which snippet.html carries in a script element of type
	// application/ld+json. export.JSONLD escapes <, > and &, so that no
	// text of the centre can end the element.
	JSONLD template.JS

	lang       text.Lang
	centreName string
}

// fallbackDay is one row of the fallback table.
type fallbackDay struct {
	Date  string // 2026-12-22
	Label string // "dinsdag 22 december 2026"
	Line  string // "09:00–12:30", "gesloten (Eerste Kerstdag)"
}

// langsOf returns the languages of a centre's parts: its default language
// first.
func langsOf(c *centre.Centre) []text.Lang {
	if c.DefaultLanguage == "en" {
		return []text.Lang{text.English, text.Dutch}
	}
	return []text.Lang{text.Dutch, text.English}
}

// newPart words the part of centre c in language l: the default desk's
// hours for the seven days from now's date in the centre's zone, with
// loket's own wording (internal/answer, as `loket hours` and the
// element word them).
func newPart(c *centre.Centre, l text.Lang, now time.Time, script *File, base string) (part, error) {
	p := i18n.PrinterFor(l)
	desk, ok := c.Desk(c.DefaultDesk)
	if !ok {
		desk = c.Desks[0]
	}
	closure := func(d civil.Date) bool {
		cl, ok := c.ClosedOn(date.Date(d))
		return ok && !cl.IsHoliday()
	}
	first := civil.Of(now.In(c.Location))
	pt := part{
		Centre: c.ID, Lang: l.String(), LangName: p.T("page.language", nil), lang: l,
		Script: base + "loket.js", Integrity: script.Integrity,
		DayHeader: p.T("widget.week.day", nil), HoursHeader: p.T("widget.week.hours", nil),
		Website: c.Website,
	}
	for d := first; d < first+7; d++ {
		a := answer.DayOf(l, desk.Schedule.Timetable(), d, closure)
		pt.Days = append(pt.Days, fallbackDay{Date: d.String(), Label: a.Label, Line: a.Line})
	}
	ld, err := export.JSONLD(c, desk, export.Year(date.Date(first)), l)
	if err != nil {
		return part{}, err
	}
	pt.JSONLD = template.JS(bytes.TrimSpace(ld))
	from, to := pt.Days[0].Label, pt.Days[6].Label
	centreName := p.Text(c.Name)
	pt.centreName = centreName
	pt.Caption = p.T("page.fallback.caption", map[string]any{"Desk": p.Text(desk.Name), "Centre": centreName, "From": from, "To": to})
	pt.LinkText = p.T("page.fallback.link", map[string]any{"Centre": centreName})
	pt.Comment = p.T("page.snippet.comment", map[string]any{"Language": pt.LangName, "Centre": c.ID, "URL": pt.Script, "From": from, "To": to})
	return pt, nil
}

// The templates of the HTML that widget writes. html/template escapes
// every value for its place (text, attribute, URL); a value that is no
// http(s) URL in href or src becomes "#ZgotmplZ".
const partTemplates = `
{{- define "script" -}}
<script type="module" src="{{.Script}}" integrity="{{.Integrity}}" crossorigin="anonymous"></script>
{{- end}}

{{- define "element" -}}
<loket-availability centre="{{.Centre}}" lang="{{.Lang}}"{{with .View}} view="{{.}}"{{end}}>
  <table>
    <caption>{{.Caption}}</caption>
    <thead>
      <tr><th scope="col">{{.DayHeader}}</th><th scope="col">{{.HoursHeader}}</th></tr>
    </thead>
    <tbody>
{{- range .Days}}
      <tr><th scope="row"><time datetime="{{.Date}}">{{.Label}}</time></th><td>{{.Line}}</td></tr>
{{- end}}
    </tbody>
  </table>
{{- with .Website}}
  <p><a href="{{.}}">{{$.LinkText}}</a></p>
{{- end}}
</loket-availability>
{{- end}}

{{- define "part" -}}
{{template "script" .}}
{{template "element" (element . "")}}
{{- end}}
`

const snippetTemplate = `
{{- define "snippet" -}}
{{- range $i, $p := .}}
{{- if $i}}

{{end}}
{{- comment $p.Comment}}
{{template "part" $p}}
<script type="application/ld+json">
{{$p.JSONLD}}
</script>
{{- end}}
{{end}}
`

// templates parses the templates of the snippet and the demo page.
func templates() *template.Template {
	return template.Must(template.New("widget").Funcs(template.FuncMap{
		"element": func(p part, view string) part { p.View = view; return p },
		"comment": comment,
	}).Parse(partTemplates + snippetTemplate + demoTemplate))
}

// comment returns an HTML comment with s as its text, made safe for a
// comment: no "--", no "<" or ">".
func comment(s string) template.HTML {
	s = strings.NewReplacer("<", "‹", ">", "›").Replace(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "–")
	}
	s = strings.TrimSpace(strings.TrimRight(s, "-"))
	return template.HTML("<!-- " + s + " -->")
}

// snippet returns snippet.html: a part for each centre (the default one
// first) in each language (the centre's default language first), each
// after a comment that says what it is.
func (b *Bundle) snippet() ([]byte, error) {
	var buf bytes.Buffer
	if err := templates().ExecuteTemplate(&buf, "snippet", b.parts); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
