package yamlfile

import (
	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/dated"
	"github.com/expatcentre/loket/internal/message"
)

// DatedValue is one value of a list of dated values as written: each
// field with its place. See [DatedValues].
type DatedValue[T any] struct {
	From     Val[date.Date]
	Value    Val[T]
	Source   Val[string]
	Note     Val[string]
	Verified Val[bool]
}

// DatedValues decodes the list at a of the values of a [dated.Series], in
// the form that centre files and eligibility's parameter files share:
//
//   - from: 2026-01-01                          # required
//     value: 5942                               # required; value decodes it
//     source: https://ind.nl/...                # required: an https URL
//     note: indexation of 1 January 2026        # required
//     verified: false                           # its source does not confirm it
//
// value decodes a value, recording its errors; with null set, a value may
// be null, and value is called with it (see [At.Null]). An empty list is an
// error. [Series] checks the order of the dates and builds the series.
func DatedValues[T any](d *Decoder, a At, null bool, value func(a At) Val[T]) []DatedValue[T] {
	var vs []DatedValue[T]
	m := func(id string) message.Message { return message.New(id, nil) }
	if d.List(a, m("errors.yaml.dated.list"), func(a At) {
		var v DatedValue[T]
		d.Mapping(a, m("errors.yaml.dated.value"), []Field{
			{Name: "from", Missing: m("errors.yaml.dated.missing_from"), Decode: func(a At) { v.From = d.Date(a) }},
			{Name: "value", Missing: m("errors.yaml.dated.missing_value"), Null: null, Decode: func(a At) { v.Value = value(a) }},
			{Name: "source", Missing: m("errors.yaml.dated.missing_source"), Decode: func(a At) {
				v.Source = d.URL(a)
				if v.Source.OK && !dated.ValidSource(v.Source.V) {
					d.Report(a, ExpectedText(m("errors.yaml.dated.https"), v.Source.V))
					v.Source.OK = false
				}
			}},
			{Name: "note", Missing: m("errors.yaml.dated.missing_note"), Decode: func(a At) { v.Note = d.NonEmpty(a, TextOf(m("errors.yaml.dated.note"))) }},
			{Name: "verified", Decode: func(a At) { v.Verified = d.Bool(a) }},
		})
		vs = append(vs, v)
	}) && Len(a) == 0 {
		d.Report(a, Expected(m("errors.yaml.dated.at_least_one"), EmptyList()))
	}
	return vs
}

// Series returns the series of the values whose date and value are well
// formed, recording an error for a date that is not after the one of the
// value before it (which leaves the value out).
func Series[T any](d *Decoder, vs []DatedValue[T], indexed bool) dated.Series[T] {
	out := dated.Series[T]{Indexed: indexed}
	for _, v := range vs {
		if !v.From.OK || !v.Value.OK {
			continue
		}
		if len(out.Entries) > 0 {
			if prev := out.Entries[len(out.Entries)-1].From; v.From.V <= prev {
				d.Fail(v.From.At, "errors.yaml.dated.order", map[string]any{"Date": v.From.V, "Previous": prev})
				continue
			}
		}
		out.Entries = append(out.Entries, dated.Entry[T]{From: v.From.V, Value: v.Value.V, Source: v.Source.V, Note: v.Note.V,
			Unverified: v.Verified.OK && !v.Verified.V})
	}
	return out
}

// Indexed decodes the indexed field of a dated value: "yearly" (true), for
// an amount indexed every 1 January; a file leaves the field out for a
// value that changes only when the law does.
func (d *Decoder) Indexed(a At) Val[bool] {
	v := d.Str(a, message.New("errors.yaml.dated.indexed", nil))
	if v.OK && v.V != "yearly" {
		d.Report(a, ExpectedText(message.New("errors.yaml.dated.yearly", nil), v.V))
		return Val[bool]{At: a}
	}
	return Val[bool]{v.OK, a, v.OK}
}

// EmptyList returns the message "an empty list", for "found ...".
func EmptyList() message.Message { return message.New("errors.yaml.found.empty_list", nil) }
