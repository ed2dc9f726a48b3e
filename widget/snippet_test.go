package widget

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/expatcentre/loket/centre"
)

// node is an element of parsed markup.
type node struct {
	name     string
	attrs    map[string]string
	children []*node
	text     string // the text directly inside it
}

// parseFragment parses HTML written as well-formed XML (as the snippet
// is: every element closed, every attribute quoted), inside a root
// element, and fails the test on any error.
func parseFragment(t *testing.T, html []byte) *node {
	t.Helper()
	d := xml.NewDecoder(io.MultiReader(strings.NewReader("<root>"), bytes.NewReader(html), strings.NewReader("</root>")))
	d.Strict = true
	d.Entity = map[string]string{}
	var stack []*node
	var root *node
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, html)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tok)
			}
		}
	}
	return root
}

// all returns the elements named name under n, depth first.
func (n *node) all(name string) []*node {
	var out []*node
	for _, c := range n.children {
		if c.name == name {
			out = append(out, c)
		}
		out = append(out, c.all(name)...)
	}
	return out
}

// textOf returns all the text inside n.
func (n *node) textOf() string {
	s := n.text
	for _, c := range n.children {
		s += c.textOf()
	}
	return s
}

func TestSnippet(t *testing.T) {
	b := testBundle(t)
	html := b.File("snippet.html").Data
	root := parseFragment(t, html)
	var scripts []*node // the JSON-LD scripts are TestSnippetJSONLD's
	for _, s := range root.all("script") {
		if s.attrs["type"] != "application/ld+json" {
			scripts = append(scripts, s)
		}
	}
	elems := root.all("loket-availability")
	if len(scripts) != 2 || len(elems) != 2 {
		t.Fatalf("%d scripts and %d elements, want 2 of each:\n%s", len(scripts), len(elems), html)
	}
	for _, s := range scripts {
		want := map[string]string{"type": "module", "src": "/widget/loket.js", "integrity": b.Script().Integrity, "crossorigin": "anonymous"}
		for k, v := range want {
			if s.attrs[k] != v {
				t.Errorf("script %s=%q, want %q", k, s.attrs[k], v)
			}
		}
	}
	if bytes.Count(html, []byte("<!--")) != 2 {
		t.Errorf("want a comment before each part:\n%s", html)
	}
	for i, lang := range []string{"nl", "en"} {
		e := elems[i]
		if e.attrs["centre"] != "maastricht" || e.attrs["lang"] != lang {
			t.Errorf("element %d: %v", i, e.attrs)
		}
		checkTable(t, e, lang)
		links := e.all("a")
		if len(links) != 1 || links[0].attrs["href"] != "https://www.maastricht.nl/" {
			t.Errorf("%s: want one link to the centre's website, got %v", lang, links)
		}
	}
	// The wording is loket's own: the week from Tuesday 22 December 2026,
	// with Christmas.
	for _, want := range []string{
		"IND-servicepunt, Maastricht International Centre: openingstijden van dinsdag 22 december 2026 tot en met maandag 28 december 2026",
		`<time datetime="2026-12-25">vrijdag 25 december 2026</time></th><td>gesloten (Eerste Kerstdag)</td>`,
		`<time datetime="2026-12-22">Tuesday, 22 December 2026</time></th><td>09:00–12:30</td>`,
		"closed (Christmas Eve)",
	} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("snippet.html lacks %q", want)
		}
	}
}

// checkTable checks the fallback table of an element: a caption, column
// headers and a row header for each of seven days, with scope.
func checkTable(t *testing.T, e *node, lang string) {
	t.Helper()
	tables := e.all("table")
	if len(tables) != 1 {
		t.Fatalf("%s: %d tables", lang, len(tables))
	}
	tb := tables[0]
	if c := tb.all("caption"); len(c) != 1 || strings.TrimSpace(c[0].textOf()) == "" || tb.children[0].name != "caption" {
		t.Errorf("%s: the table's first child is no caption with text", lang)
	}
	ths := tb.all("th")
	var cols, rows int
	for _, th := range ths {
		switch th.attrs["scope"] {
		case "col":
			cols++
		case "row":
			rows++
		default:
			t.Errorf("%s: a th without scope: %q", lang, th.textOf())
		}
	}
	if cols != 2 || rows != 7 || len(tb.all("td")) != 7 || len(tb.all("time")) != 7 {
		t.Errorf("%s: %d column headers, %d row headers, %d cells", lang, cols, rows, len(tb.all("td")))
	}
}

// TestSnippetEscapes: markup in a centre's names is text, and a URL that
// is not where a bundle may be served is refused.
func TestSnippetEscapes(t *testing.T) {
	evil := `<img src=x onerror="alert(1)"> & 'quotes' --> <!--`
	c := loadVariant(t,
		"  en: Maastricht International Centre\n", "  en: '"+strings.ReplaceAll(evil, "'", "''")+"'\n",
		"id: maastricht", "id: evil",
	)
	var desk *centre.Desk
	for _, d := range c.Desks {
		if d.ID == c.DefaultDesk {
			desk = d
		}
	}
	if desk == nil || c.Name.EN != evil {
		t.Fatalf("the variant's name is %q", c.Name.EN)
	}
	b, err := Assemble(fakeSources(fakeElement), Options{Now: now, BrotliQuality: 1, Centres: []*centre.Centre{c}})
	if err != nil {
		t.Fatal(err)
	}
	html := b.File("snippet.html").Data
	root := parseFragment(t, html)
	if n := len(root.all("img")); n != 0 {
		t.Errorf("%d img elements from a centre's name", n)
	}
	if bytes.Contains(html, []byte("<img")) || bytes.Contains(html, []byte(`onerror="`)) {
		t.Errorf("markup of a name reached snippet.html:\n%s", html)
	}
	en := root.all("loket-availability")[1]
	if got := en.all("caption")[0].textOf(); !strings.Contains(got, evil) {
		t.Errorf("the caption shows %q, want the name as text", got)
	}
	// Comments: the name's --> and <!-- do not end or open one.
	if n := bytes.Count(html, []byte("-->")); n != 2 {
		t.Errorf("%d comment ends, want 2:\n%s", n, html)
	}
	// The demo page escapes it as well.
	page, err := demoHTML(templates(), b, 1, "/widget/")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte("<img")) {
		t.Error("markup of a name reached the demo page")
	}
}

func TestComment(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "<!-- plain -->"},
		{"a --> b", "<!-- a –› b -->"},
		{"a <!-- b", "<!-- a ‹!– b -->"},
		{"a ---- b -", "<!-- a –– b -->"},
		{"a --!> b", "<!-- a –!› b -->"},
	} {
		if got := string(comment(c.in)); got != c.want {
			t.Errorf("comment(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSnippetJSONLD checks the JSON-LD of snippet.html: one script element
// of type application/ld+json per part, each the default desk as a
// schema.org GovernmentOffice in the part's language, and a name with
// </script> in it neither ends the element nor opens another.
func TestSnippetJSONLD(t *testing.T) {
	evil := `</script><script>alert(1)</script> & <!--`
	c := loadVariant(t,
		"  en: Maastricht International Centre\n", "  en: '"+evil+"'\n",
		"id: maastricht", "id: evil",
	)
	b, err := Assemble(fakeSources(fakeElement), Options{Now: now, BrotliQuality: 1, Centres: []*centre.Centre{c}})
	if err != nil {
		t.Fatal(err)
	}
	html := b.File("snippet.html").Data
	root := parseFragment(t, html)
	var lds []*node
	for _, s := range root.all("script") {
		if s.attrs["type"] == "application/ld+json" {
			lds = append(lds, s)
		}
	}
	if len(lds) != 2 {
		t.Fatalf("%d JSON-LD scripts, want one per language:\n%s", len(lds), html)
	}
	if n, want := bytes.Count(html, []byte("</script>")), len(root.all("script")); n != want {
		t.Errorf("%d </script> for %d script elements:\n%s", n, want, html)
	}
	if bytes.Contains(html, []byte("<script>alert")) {
		t.Errorf("markup of a name reached snippet.html:\n%s", html)
	}
	for i, want := range []string{"IND-servicepunt – Maastricht International Centre", "IND service point – " + evil} {
		var v struct {
			Type    string           `json:"@type"`
			Name    string           `json:"name"`
			Special []map[string]any `json:"specialOpeningHoursSpecification"`
		}
		if err := json.Unmarshal([]byte(lds[i].textOf()), &v); err != nil {
			t.Fatalf("JSON-LD %d: %v\n%s", i, err, lds[i].textOf())
		}
		if v.Type != "GovernmentOffice" || v.Name != want || len(v.Special) == 0 {
			t.Errorf("JSON-LD %d: %s %q with %d special days, want GovernmentOffice %q with its holidays", i, v.Type, v.Name, len(v.Special), want)
		}
	}
}
