package yamlfile

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/text"
)

// Str decodes text. what says what was expected, for a type error.
func (d *Decoder) Str(a At, what message.Localized) Val[string] {
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
func (d *Decoder) NonEmpty(a At, what message.Localized) Val[string] {
	v := d.Str(a, what)
	if v.OK && strings.TrimSpace(v.V) == "" {
		d.Report(a, Expected(what, message.New("errors.yaml.found.empty_text", nil)))
		v.OK = false
	}
	return v
}

// Text decodes a sentence in Dutch and English: a mapping with nl and en.
func (d *Decoder) Text(a At) Val[text.Text] {
	var t text.Text
	ok := true
	nl := func(a At) {
		v := d.NonEmpty(a, message.New("errors.yaml.text_nl", nil))
		t.NL, ok = v.V, ok && v.OK
	}
	en := func(a At) {
		v := d.NonEmpty(a, message.New("errors.yaml.text_en", nil))
		t.EN, ok = v.V, ok && v.OK
	}
	if !d.Mapping(a, message.New("errors.yaml.texts", nil), []Field{
		{Name: "nl", Missing: message.New("errors.yaml.missing_nl", nil), Decode: nl},
		{Name: "en", Missing: message.New("errors.yaml.missing_en", nil), Decode: en},
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
	d.TypeError(a, message.New("errors.yaml.bool", nil))
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
	d.TypeError(a, message.New("errors.yaml.number", nil))
	return Val[float64]{At: a}
}

// dateProblems are the messages of the problems time.Parse names in a
// date of the right shape, by its wording (time.ParseError.Message).
var dateProblems = map[string]string{
	": day out of range":   "errors.yaml.date.day_out_of_range",
	": month out of range": "errors.yaml.date.month_out_of_range",
}

// Date decodes a date written YYYY-MM-DD, in the years of the format
// (FirstYear to LastYear) when it bounds them. A day that does not exist
// (2026-02-30) is an error, not rolled over.
func (d *Decoder) Date(a At) Val[date.Date] {
	what := message.New("errors.yaml.a_date", nil)
	v := d.Str(a, what)
	if !v.OK {
		return Val[date.Date]{At: a}
	}
	t, err := time.Parse("2006-01-02", v.V)
	if err != nil {
		msg := ExpectedText(what, v.V)
		var pe *time.ParseError
		if errors.As(err, &pe) {
			var problem message.Localized
			if id := dateProblems[pe.Message]; id != "" {
				problem = message.New(id, nil)
			} else if extra, ok := strings.CutPrefix(pe.Message, ": extra text: "); ok {
				problem = message.New("errors.yaml.date.extra_text", map[string]any{"Text": extra})
			}
			if problem != nil {
				msg = message.New("errors.yaml.date.problem", map[string]any{"Message": msg, "Problem": problem})
			}
		}
		d.Report(a, msg)
		return Val[date.Date]{At: a}
	}
	if f := d.format; f.FirstYear != 0 || f.LastYear != 0 {
		if y := t.Year(); y < f.FirstYear || y > f.LastYear {
			d.Fail(a, "errors.yaml.date.year", map[string]any{"Year": y, "First": f.FirstYear, "Last": f.LastYear})
			return Val[date.Date]{At: a}
		}
	}
	return Val[date.Date]{date.NewAt(t), a, true}
}

// URL decodes an absolute http or https URL.
func (d *Decoder) URL(a At) Val[string] {
	what := message.New("errors.yaml.url", nil)
	v := d.Str(a, TextOf(what))
	if !v.OK {
		return v
	}
	u, err := url.Parse(v.V)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		d.Report(a, ExpectedText(what, v.V))
		v.OK = false
	}
	return v
}

// Words returns the message that lists words as alternatives: "nl or
// en", "a, b or c".
func Words(words ...string) message.Message {
	if len(words) == 1 {
		return message.New("errors.yaml.found.quoted", map[string]any{"Value": words[0]})
	}
	return message.New("errors.yaml.or", map[string]any{"List": strings.Join(words[:len(words)-1], ", "), "Last": words[len(words)-1]})
}

// OneOf decodes one of a few words, suggesting the word probably meant.
func (d *Decoder) OneOf(a At, words ...string) Val[string] {
	what := Words(words...)
	v := d.Str(a, what)
	if v.OK && !slices.Contains(words, v.V) {
		var msg message.Localized = ExpectedText(what, v.V)
		if s := Suggest(v.V, words); s != "" {
			msg = message.New("errors.yaml.suggest", map[string]any{"Message": msg, "Suggestion": strconv.Quote(s)})
		}
		d.Report(a, msg)
		v.OK = false
	}
	return v
}
