package eligibility

import (
	"fmt"
	"io/fs"
	"math"
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/dated"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/internal/yamlfile"
)

// A Unit is the unit of a legal parameter's value.
type Unit string

// The units of the parameters in eligibility/params.
const (
	EUR       Unit = "EUR"       // an amount in euros
	Years     Unit = "years"     // a whole number of years
	Months    Unit = "months"    // a whole number of months
	Countries Unit = "countries" // a list of ISO 3166-1 alpha-2 codes
)

// A Param is a legal parameter's value on a reference date, as a [Reason]
// cites it: the entry in force, with the date it has been valid from,
// where it is published and what it is.
type Param struct {
	// Name is the parameter's role in the reason, the key of the reason's
	// "params" in the JSON contract: "threshold", "age", "years", "months".
	Name string
	// ID is the parameter's id in eligibility/params, such as
	// "income.highly-skilled-migrant.30-plus".
	ID   string
	Unit Unit
	// Entry is the value in force: its Value is in Unit, euros for EUR
	// (whole euros unless the law has cents), a whole number for Years and
	// Months (Countries parameters are not cited in reasons); its From is
	// the date it has been valid from; its Source an https URL.
	dated.Entry[float64]
}

// Cents returns the Value of an EUR parameter in euro cents.
func (p Param) Cents() Money { return Money(math.Round(p.Value * 100)) }

// parameter is one legal parameter with its dated values.
type parameter struct {
	id          string
	description string
	unit        Unit
	values      dated.Series[amount] // Indexed: every 1 January
}

// amount is the value of a parameter from a date.
type amount struct {
	null bool                // the rule did not exist on these dates
	num  float64             // EUR, Years, Months
	set  map[string]struct{} // Countries
}

// at returns the value in force on d, and false when d is before the
// first.
func (p *parameter) at(d date.Date) (dated.Entry[amount], bool) { return p.values.At(d) }

// param returns the value of p on d under the name used in a reason, and
// false when the rule did not exist on d.
func (p *parameter) param(name string, d date.Date) (Param, bool) {
	e, ok := p.at(d)
	if !ok || e.Value.null {
		return Param{}, false
	}
	return Param{Name: name, ID: p.id, Unit: p.unit, Entry: dated.Entry[float64]{
		From: e.From, Value: e.Value.num, Source: e.Source, Note: e.Note, Unverified: e.Unverified}}, true
}

// must returns the value of p on d; the rules use it for parameters that
// exist on every date from [Rules.Start], which [Compile] checks.
func (p *parameter) must(name string, d date.Date) Param {
	q, ok := p.param(name, d)
	if !ok {
		// Compile refuses parameter files in which this can happen.
		panic(fmt.Sprintf("eligibility: parameter %s has no value on %s", p.id, d))
	}
	return q
}

// paramUnit returns the unit of the parameter id that the rules use,
// whether its rule may be absent on some dates (a null value), and false
// for an id the rules do not use. A parameter file must define exactly the
// parameters of paramIDs.
func paramUnit(id string) (unit Unit, nullable, ok bool) {
	switch id {
	case idHSM30Plus, idHSMUnder30, idHSMReduced, idBlueCard:
		return EUR, false, true
	case idBlueCardReduced:
		return EUR, true, true
	case idAgeBoundary, idHSMWindow, idBlueCardWindow, idOrientationYear:
		return Years, false, true
	case idBlueCardContract, idICTGroupMinimum, idICTMaxManager, idICTMaxTrainee:
		return Months, false, true
	case idFreeMovement:
		return Countries, false, true
	}
	return "", false, false
}

// paramIDs returns the ids of the parameters the rules use.
func paramIDs() []string {
	return []string{idHSM30Plus, idHSMUnder30, idHSMReduced, idBlueCard, idBlueCardReduced,
		idAgeBoundary, idHSMWindow, idBlueCardWindow, idBlueCardContract, idOrientationYear,
		idICTGroupMinimum, idICTMaxManager, idICTMaxTrainee, idFreeMovement}
}

const (
	idHSM30Plus        = "income.highly-skilled-migrant.30-plus"
	idHSMUnder30       = "income.highly-skilled-migrant.under-30"
	idHSMReduced       = "income.highly-skilled-migrant.reduced"
	idBlueCard         = "income.eu-blue-card"
	idBlueCardReduced  = "income.eu-blue-card.reduced"
	idAgeBoundary      = "highly-skilled-migrant.age-boundary"
	idHSMWindow        = "highly-skilled-migrant.reduced-window"
	idBlueCardWindow   = "eu-blue-card.reduced-window"
	idBlueCardContract = "eu-blue-card.contract-minimum"
	idOrientationYear  = "orientation-year.window"
	idICTGroupMinimum  = "intra-corporate-transferee.group-employment-minimum"
	idICTMaxManager    = "intra-corporate-transferee.maximum.manager-specialist"
	idICTMaxTrainee    = "intra-corporate-transferee.maximum.trainee"
	idFreeMovement     = "free-movement.countries"
)

// paramFormat is a parameter file for package yamlfile.
var paramFormat = yamlfile.Format{
	Name:     m("errors.params.format"),
	Expected: m("errors.params.expected"),
	Depth:    5,
	Keys:     14,
	Values:   m("errors.params.values"),
}

// m returns the message id, which has no data.
func m(id string) message.Message { return message.New(id, nil) }

// loadParams reads every params/*.yaml file of fsys. It reports every
// error of every file at once, as yamlfile.Errors.
func loadParams(fsys fs.FS) (map[string]*parameter, error) {
	names, err := fs.Glob(fsys, "params/*.yaml")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, message.NewError("errors.params.no_files", nil)
	}
	params := map[string]*parameter{}
	where := map[string]string{} // parameter id -> file
	var errs yamlfile.Errors
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		d := yamlfile.NewDecoder(name, src, paramFormat)
		for _, p := range decodeParamFile(d) {
			if prev, dup := where[p.id]; dup {
				d.Fail(p.at, "errors.params.twice", map[string]any{"ID": p.id, "File": prev})
				continue
			}
			where[p.id] = name
			params[p.id] = p.parameter
		}
		errs = append(errs, d.Errors()...)
	}
	if len(errs) == 0 {
		for _, id := range paramIDs() {
			if params[id] == nil {
				msg := message.New("errors.params.missing", map[string]any{"ID": id})
				errs = append(errs, &yamlfile.Error{File: "params", Msg: msg.String(), Message: msg})
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return params, nil
}

// placedParameter is a parameter and where it was written.
type placedParameter struct {
	*parameter
	at yamlfile.At
}

// decodeParamFile decodes one parameter file: a mapping from parameter id
// to parameter.
func decodeParamFile(d *yamlfile.Decoder) []placedParameter {
	doc, ok := d.Parse()
	if !ok {
		return nil
	}
	var out []placedParameter
	ids := paramIDs()
	fields := make([]yamlfile.Field, len(ids))
	for i, id := range ids {
		fields[i] = yamlfile.Field{Name: id, Decode: func(a yamlfile.At) {
			if p := decodeParam(d, a, id); p != nil {
				out = append(out, placedParameter{p, a})
			}
		}}
	}
	d.Keys(doc, m("errors.params.what.file"), yamlfile.Parameter, fields)
	return out
}

// decodeParam decodes the parameter id: its description, unit, indexed and
// values. It returns nil when the parameter has errors.
func decodeParam(d *yamlfile.Decoder, a yamlfile.At, id string) *parameter {
	want, nullable, _ := paramUnit(id)
	p := &parameter{id: id, unit: want}
	ok := true
	var (
		indexed yamlfile.Val[bool]
		values  []yamlfile.DatedValue[amount]
	)
	d.Mapping(a, m("errors.params.what.parameter"), []yamlfile.Field{
		{Name: "description", Missing: m("errors.params.missing_description"), Decode: func(a yamlfile.At) {
			v := d.NonEmpty(a, yamlfile.TextOf(m("errors.params.what.description")))
			p.description, ok = strings.TrimSpace(v.V), ok && v.OK
		}},
		{Name: "unit", Missing: message.New("errors.params.missing_unit", map[string]any{"Unit": string(want)}), Decode: func(a yamlfile.At) {
			v := d.OneOf(a, string(EUR), string(Years), string(Months), string(Countries))
			if v.OK && Unit(v.V) != want {
				d.Report(a, yamlfile.ExpectedText(message.New("errors.params.what.unit", map[string]any{"Unit": string(want), "ID": id}), v.V))
			}
			ok = ok && v.OK && Unit(v.V) == want
		}},
		{Name: "indexed", Decode: func(a yamlfile.At) { indexed = d.Indexed(a); ok = ok && indexed.OK }},
		{Name: "values", Missing: m("errors.yaml.dated.missing_values"), Decode: func(a yamlfile.At) {
			values = yamlfile.DatedValues(d, a, true, func(a yamlfile.At) yamlfile.Val[amount] {
				return decodeAmount(d, a, want, nullable)
			})
		}},
	})
	for _, v := range values {
		ok = ok && v.From.OK && v.Value.OK && v.Source.OK && v.Note.OK && (v.Verified.OK || !v.Verified.At.Given())
	}
	p.values = yamlfile.Series(d, values, indexed.V)
	if !ok || len(p.values.Entries) != len(values) || len(values) == 0 {
		return nil
	}
	return p
}

// decodeAmount decodes the value of a parameter in unit: null when the
// rule did not exist (if nullable), a list of countries, or a number.
func decodeAmount(d *yamlfile.Decoder, a yamlfile.At, unit Unit, nullable bool) yamlfile.Val[amount] {
	v := yamlfile.Val[amount]{At: a}
	switch {
	case a.Null():
		if !nullable {
			d.Fail(a, "errors.params.null", nil)
			return v
		}
		v.V.null, v.OK = true, true
	case unit == Countries:
		v.OK = true
		v.OK = d.List(a, m("errors.params.what.countries"), func(a yamlfile.At) {
			c := d.Str(a, yamlfile.TextOf(m("errors.params.what.country")))
			if !c.OK {
				v.OK = false
				return
			}
			if _, err := parseCountry(c.V); err != nil || c.V != strings.ToUpper(c.V) {
				d.Report(a, yamlfile.ExpectedText(m("errors.params.what.upper_country"), c.V))
				v.OK = false
				return
			}
			if v.V.set == nil {
				v.V.set = map[string]struct{}{}
			}
			v.V.set[c.V] = struct{}{}
		}) && v.OK
		if v.OK && len(v.V.set) == 0 {
			d.Report(a, yamlfile.Expected(m("errors.params.what.some_countries"), yamlfile.EmptyList()))
			v.OK = false
		}
	default:
		n := d.Number(a)
		v.V.num, v.OK = n.V, n.OK
		switch {
		case !n.OK:
		case unit == EUR && (n.V < 0 || math.Abs(n.V*100-math.Round(n.V*100)) > 1e-6):
			d.Report(a, yamlfile.ExpectedNumber(m("errors.amount.euros"), n.V))
			v.OK = false
		case unit != EUR && (n.V < 0 || n.V != math.Trunc(n.V)):
			d.Report(a, yamlfile.ExpectedNumber(m("errors.params.whole."+string(unit)), n.V))
			v.OK = false
		}
	}
	return v
}
