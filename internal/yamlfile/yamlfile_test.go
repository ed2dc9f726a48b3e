package yamlfile_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/yamlfile"
	"github.com/expatcentre/loket/text"
)

// format is a small kind of file for the tests.
var format = yamlfile.Format{Name: en("a test file"), Expected: en("a thing with a name"), Depth: 3, Keys: 4, Values: en("a few"),
	FirstYear: 2000, LastYear: 2099}

// en is a description of the test schema, the same in both languages.
func en(s string) text.Text { return text.Text{NL: s, EN: s} }

// thing is the schema of the tests: a name, a count, a colour, a list of
// dated values and a mapping of parts by id.
type thing struct {
	name   yamlfile.Val[string]
	count  yamlfile.Val[float64]
	colour yamlfile.Val[string]
	values []yamlfile.DatedValue[float64]
	parts  []string
}

func decode(file, src string) (thing, yamlfile.Errors) {
	d := yamlfile.NewDecoder(file, []byte(src), format)
	var th thing
	if doc, ok := d.Parse(); ok {
		d.Mapping(doc, en("a thing (name, count, colour, values, parts)"), []yamlfile.Field{
			{Name: "name", Missing: en("the thing's name"), Decode: func(a yamlfile.At) { th.name = d.NonEmpty(a, yamlfile.TextOf(en("a name"))) }},
			{Name: "count", Decode: func(a yamlfile.At) { th.count = d.Number(a) }},
			{Name: "colour", Null: true, Decode: func(a yamlfile.At) {
				if a.Null() {
					th.colour = yamlfile.Val[string]{V: "none", At: a, OK: true}
					return
				}
				th.colour = d.OneOf(a, "red", "green", "blue")
			}},
			{Name: "values", Decode: func(a yamlfile.At) {
				th.values = yamlfile.DatedValues(d, a, false, func(a yamlfile.At) yamlfile.Val[float64] { return d.Number(a) })
			}},
			{Name: "parts", Decode: func(a yamlfile.At) {
				d.Keys(a, en("parts by id"), yamlfile.Parameter, []yamlfile.Field{
					{Name: "wheel", Decode: func(yamlfile.At) { th.parts = append(th.parts, "wheel") }},
					{Name: "engine", Decode: func(yamlfile.At) { th.parts = append(th.parts, "engine") }},
				})
			}},
		})
		yamlfile.Series(d, th.values, false)
	}
	return th, d.Errors()
}

// Every error of a file at once, sorted by place, each with its path, a
// suggestion for a misspelt name, and the words of the format.
func TestEveryErrorAtOnce(t *testing.T) {
	_, errs := decode("t.yaml", `count: many
colour: gren
values:
  - {from: 2026-01-01, value: 1, source: "http://example.org/", note: a}
  - {from: 2025-01-01, value: 2, source: "https://example.org/", note: b, verified: maybe}
  - {from: 2101-01-01, value: 3, source: "https://example.org/", note: ""}
parts:
  wheel: 1
  whel: 2
  wheel: 3
extra: true
`)
	want := []string{
		"t.yaml:1:1: name: missing the thing's name",
		`t.yaml:1:8: count: expected a number, found text "many"`,
		`t.yaml:2:9: colour: expected red, green or blue, found "gren"; did you mean "green"?`,
		`t.yaml:4:42: values[0].source: expected an https URL, found "http://example.org/"`,
		"t.yaml:5:12: values[1].from: the values must be in date order: 2025-01-01 is not after 2026-01-01, the date of the value before it",
		"t.yaml:5:85: values[1].verified: expected true or false, found text \"maybe\"",
		"t.yaml:6:12: values[2].from: the year 2101 is outside 2000-2099",
		`t.yaml:6:72: values[2].note: expected text: what the value is, found empty text`,
		`t.yaml:9:3: parts.whel: unknown parameter "whel"; did you mean "wheel"?`,
		"t.yaml:10:3: parts.wheel: parameter wheel is given twice (first on line 8)",
		`t.yaml:11:1: extra: unknown field "extra"; expected one of name, count, colour, values, parts`,
	}
	if got := errs.Error(); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	var e *yamlfile.Error
	if !errors.As(errs, &e) || e.File != "t.yaml" || e.Line != 1 || e.Path != "name" {
		t.Errorf("errors.As: %+v", e)
	}
}

// A field that takes null sees it; one that does not counts it as absent,
// and a required one as missing.
func TestNull(t *testing.T) {
	th, errs := decode("t.yaml", "name: ~\ncolour: null\n")
	if th.colour.V != "none" || !th.colour.OK {
		t.Errorf("colour %+v", th.colour)
	}
	if errs.Error() != "t.yaml:1:1: name: missing the thing's name: the field has no value" {
		t.Errorf("errors %v", errs)
	}
}

// The dated values in order make a series; indexed: yearly is the only
// word for an indexed one.
func TestDatedValues(t *testing.T) {
	src := `values:
  - {from: 2024-01-01, value: 10, source: "https://example.org/a", note: a}
  - {from: 2025-01-01, value: 11, source: "https://example.org/b", note: b, verified: false}
indexed: yearly
`
	d := yamlfile.NewDecoder("t.yaml", []byte(src), format)
	doc, ok := d.Parse()
	if !ok {
		t.Fatal(d.Errors())
	}
	var (
		vs      []yamlfile.DatedValue[float64]
		indexed yamlfile.Val[bool]
	)
	d.Mapping(doc, en("a series"), []yamlfile.Field{
		{Name: "values", Decode: func(a yamlfile.At) {
			vs = yamlfile.DatedValues(d, a, false, func(a yamlfile.At) yamlfile.Val[float64] { return d.Number(a) })
		}},
		{Name: "indexed", Decode: func(a yamlfile.At) { indexed = d.Indexed(a) }},
	})
	s := yamlfile.Series(d, vs, indexed.V)
	if errs := d.Errors(); errs != nil {
		t.Fatal(errs)
	}
	if !s.Indexed || len(s.Entries) != 2 || s.Entries[1].Value != 11 || !s.Entries[1].Unverified || s.Entries[0].Unverified ||
		s.Entries[0].From != date.New(2024, 1, 1) || s.Entries[0].Source != "https://example.org/a" || s.Entries[0].Note != "a" {
		t.Errorf("series %+v", s)
	}
	_, errs := decode("t.yaml", "name: x\nvalues: []\n")
	if errs.Error() != "t.yaml:2:9: values: expected at least one value, found an empty list" {
		t.Errorf("an empty list: %v", errs)
	}
	d = yamlfile.NewDecoder("t.yaml", []byte("indexed: monthly\n"), format)
	doc, _ = d.Parse()
	d.Mapping(doc, en("a series"), []yamlfile.Field{{Name: "indexed", Decode: func(a yamlfile.At) { indexed = d.Indexed(a) }}})
	if indexed.OK || d.Errors().Error() != `t.yaml:1:10: indexed: expected yearly (or leave indexed out), found "monthly"` {
		t.Errorf("indexed: monthly: %+v, %v", indexed, d.Errors())
	}
}

// The messages about a file as a whole name its kind.
func TestFormatWords(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"", "t.yaml: the file is empty: expected a thing with a name"},
		{"name: a\n---\nname: b\n", "t.yaml:3:1: a test file holds one YAML document; this is a second one"},
		{strings.Repeat("[", 101), "t.yaml:1:101: lists and mappings nested more than 100 deep: a test file nests about 3 deep"},
		{"name: [\n", "invalid YAML"},
	} {
		_, errs := decode("t.yaml", tt.src)
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want) {
			t.Errorf("%q: %v, want %s", tt.src, errs, tt.want)
		}
	}
	small := format
	small.MaxSize = 10
	d := yamlfile.NewDecoder("t.yaml", []byte("name: abcdefghij\n"), small)
	if _, ok := d.Parse(); ok || !errors.Is(d.Errors(), yamlfile.ErrTooLarge) ||
		d.Errors()[0].Msg != "the file is larger than 10 bytes, the most a test file may have" {
		t.Errorf("a file over the size limit: %v", d.Errors())
	}
}

// CharPos finds a character of a text in the file, through quotes.
func TestCharPos(t *testing.T) {
	d := yamlfile.NewDecoder("t.yaml", []byte(`name: "a\"bc"`+"\n"), format)
	doc, _ := d.Parse()
	var at yamlfile.At
	d.Mapping(doc, en("a thing"), []yamlfile.Field{{Name: "name", Decode: func(a yamlfile.At) { at = a }}})
	if line, col, ok := d.CharPos(at, 2); !ok || line != 1 || col != 11 {
		t.Errorf("CharPos(2) = %d, %d, %v; want 1, 11", line, col, ok)
	}
	if !at.Given() || (yamlfile.At{}).Given() || at.Field("x").Given() || at.Field("x").Path != "name.x" {
		t.Errorf("Given, Field: %+v", at)
	}
}
