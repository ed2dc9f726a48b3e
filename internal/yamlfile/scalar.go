package yamlfile

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/text"
)

// Str decodes text. what says what was expected, for a type error.
func (d *Decoder) Str(a At, what string) Val[string] {
	switch n := a.node.(type) {
	case *ast.StringNode:
		return Val[string]{n.Value, a, true}
	case *ast.LiteralNode:
		if n.Value != nil {
			return Val[string]{n.Value.Value, a, true}
		}
	}
	d.TypeError(a, what)
	return Val[string]{At: a}
}

// NonEmpty decodes text that is not blank.
func (d *Decoder) NonEmpty(a At, what string) Val[string] {
	v := d.Str(a, what)
	if v.OK && strings.TrimSpace(v.V) == "" {
		d.Errorf(a, "expected %s, found empty text", what)
		v.OK = false
	}
	return v
}

// Text decodes a sentence in Dutch and English: a mapping with nl and en.
func (d *Decoder) Text(a At) Val[text.Text] {
	var t text.Text
	ok := true
	nl := func(a At) {
		v := d.NonEmpty(a, "text in Dutch")
		t.NL, ok = v.V, ok && v.OK
	}
	en := func(a At) {
		v := d.NonEmpty(a, "text in English")
		t.EN, ok = v.V, ok && v.OK
	}
	if !d.Mapping(a, "nl and en texts (nl: ..., en: ...)", []Field{
		{Name: "nl", Missing: "the text in Dutch", Decode: nl},
		{Name: "en", Missing: "the text in English", Decode: en},
	}) {
		return Val[text.Text]{At: a}
	}
	return Val[text.Text]{t, a, ok && t.NL != "" && t.EN != ""}
}

// Bool decodes true or false.
func (d *Decoder) Bool(a At) Val[bool] {
	if b, ok := a.node.(*ast.BoolNode); ok {
		return Val[bool]{b.Value, a, true}
	}
	d.TypeError(a, "true or false")
	return Val[bool]{At: a}
}

// Number decodes a number.
func (d *Decoder) Number(a At) Val[float64] {
	switch n := a.node.(type) {
	case *ast.IntegerNode:
		switch v := n.Value.(type) {
		case int64:
			return Val[float64]{float64(v), a, true}
		case uint64:
			return Val[float64]{float64(v), a, true}
		}
	case *ast.FloatNode:
		return Val[float64]{n.Value, a, true}
	}
	d.TypeError(a, "a number")
	return Val[float64]{At: a}
}

// Date decodes a date written YYYY-MM-DD, in the years of the format
// (FirstYear to LastYear) when it bounds them. A day that does not exist
// (2026-02-30) is an error, not rolled over.
func (d *Decoder) Date(a At) Val[date.Date] {
	const what = "a date like 2026-12-24"
	v := d.Str(a, what)
	if !v.OK {
		return Val[date.Date]{At: a}
	}
	t, err := time.Parse("2006-01-02", v.V)
	if err != nil {
		var pe *time.ParseError
		if errors.As(err, &pe) && pe.Message != "" {
			d.Errorf(a, "expected %s, found %s: %s", what, excerpt.Quote(v.V), strings.TrimPrefix(pe.Message, ": "))
		} else {
			d.Errorf(a, "expected %s, found %s", what, excerpt.Quote(v.V))
		}
		return Val[date.Date]{At: a}
	}
	if f := d.format; f.FirstYear != 0 || f.LastYear != 0 {
		if y := t.Year(); y < f.FirstYear || y > f.LastYear {
			d.Errorf(a, "the year %d is outside %d-%d", y, f.FirstYear, f.LastYear)
			return Val[date.Date]{At: a}
		}
	}
	return Val[date.Date]{date.NewAt(t), a, true}
}

// URL decodes an absolute http or https URL.
func (d *Decoder) URL(a At) Val[string] {
	const what = "an absolute http or https URL such as https://example.org/"
	v := d.Str(a, "text: "+what)
	if !v.OK {
		return v
	}
	u, err := url.Parse(v.V)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		d.Errorf(a, "expected %s, found %s", what, excerpt.Quote(v.V))
		v.OK = false
	}
	return v
}

// OneOf decodes one of a few words, suggesting the word probably meant.
func (d *Decoder) OneOf(a At, words ...string) Val[string] {
	what := strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
	v := d.Str(a, what)
	if v.OK && !slices.Contains(words, v.V) {
		msg := fmt.Sprintf("expected %s, found %s", what, excerpt.Quote(v.V))
		if s := Suggest(v.V, words); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		d.Errorf(a, "%s", msg)
		v.OK = false
	}
	return v
}
