package eligibility

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/excerpt"
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
// cites it: the value in force, the date it has been valid from and where
// it is published.
type Param struct {
	// Name is the parameter's role in the reason, the key of the reason's
	// "params" in the JSON contract: "threshold", "age", "years", "months".
	Name string
	// ID is the parameter's id in eligibility/params, such as
	// "income.highly-skilled-migrant.30-plus".
	ID string
	// Value is the value in Unit: euros for EUR (whole euros unless the
	// law has cents), a whole number for Years and Months. Countries
	// parameters are not cited in reasons.
	Value     float64
	Unit      Unit
	ValidFrom date.Date
	Source    string // an https URL
	Note      string
}

// Cents returns the Value of an EUR parameter in euro cents.
func (p Param) Cents() Money { return Money(math.Round(p.Value * 100)) }

// parameter is one legal parameter with its dated values.
type parameter struct {
	id          string
	description string
	unit        Unit
	yearly      bool    // indexed every 1 January
	values      []entry // by from, ascending
}

// entry is one dated value of a parameter.
type entry struct {
	from   date.Date
	null   bool // the rule did not exist on these dates
	num    float64
	set    map[string]struct{} // Countries
	source string
	note   string
}

// at returns the entry in force on d, or nil when d is before the first.
func (p *parameter) at(d date.Date) *entry {
	for i := len(p.values) - 1; i >= 0; i-- {
		if p.values[i].from <= d {
			return &p.values[i]
		}
	}
	return nil
}

// param returns the value of p on d under the name used in a reason, and
// false when the rule did not exist on d.
func (p *parameter) param(name string, d date.Date) (Param, bool) {
	e := p.at(d)
	if e == nil || e.null {
		return Param{}, false
	}
	return Param{Name: name, ID: p.id, Value: e.num, Unit: p.unit, ValidFrom: e.from, Source: e.source, Note: e.note}, true
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

// yamlParam is a parameter as written in eligibility/params/*.yaml.
type yamlParam struct {
	Description string      `yaml:"description"`
	Unit        string      `yaml:"unit"`
	Indexed     string      `yaml:"indexed"`
	Values      []yamlEntry `yaml:"values"`
}

type yamlEntry struct {
	From   ast.Node `yaml:"from"`
	Value  ast.Node `yaml:"value"`
	Source ast.Node `yaml:"source"`
	Note   string   `yaml:"note"`
}

// posError is an error at a place in a parameter file.
func posError(file string, n ast.Node, field, format string, a ...any) error {
	msg := fmt.Sprintf(format, a...)
	if field != "" {
		msg = field + ": " + msg
	}
	if n == nil || n.GetToken() == nil {
		return fmt.Errorf("%s: %s", file, msg)
	}
	p := n.GetToken().Position
	return fmt.Errorf("%s:%d:%d: %s", file, p.Line, p.Column, msg)
}

// yamlError gives an error of the yaml package the position it carries.
func yamlError(file string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		p := ye.GetToken().Position
		return fmt.Errorf("%s:%d:%d: %s", file, p.Line, p.Column, ye.GetMessage())
	}
	return fmt.Errorf("%s: %w", file, err)
}

// loadParams reads every params/*.yaml file of fsys.
func loadParams(fsys fs.FS) (map[string]*parameter, error) {
	names, err := fs.Glob(fsys, "params/*.yaml")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, errors.New("params: no parameter files (params/*.yaml)")
	}
	params := map[string]*parameter{}
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if err := parseParamFile(name, src, params); err != nil {
			return nil, err
		}
	}
	for _, id := range paramIDs() {
		if params[id] == nil {
			return nil, fmt.Errorf("params: missing parameter %s", id)
		}
	}
	return params, nil
}

func parseParamFile(file string, src []byte, params map[string]*parameter) error {
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		return yamlError(file, err)
	}
	if len(f.Docs) != 1 || f.Docs[0].Body == nil {
		return fmt.Errorf("%s: want one YAML document, a mapping from parameter id to parameter", file)
	}
	m, ok := f.Docs[0].Body.(*ast.MappingNode)
	if !ok {
		return posError(file, f.Docs[0].Body, "", "want a mapping from parameter id to parameter")
	}
	for _, kv := range m.Values {
		id := kv.Key.GetToken().Value
		want, canBeNull, known := paramUnit(id)
		if !known {
			return posError(file, kv.Key, "", "unknown parameter %q", id)
		}
		if params[id] != nil {
			return posError(file, kv.Key, "", "parameter %s defined twice", id)
		}
		var y yamlParam
		if err := yaml.NodeToValue(kv.Value, &y, yaml.Strict()); err != nil {
			return yamlError(file, err)
		}
		p, err := compileParam(file, id, want, canBeNull, kv, y)
		if err != nil {
			return err
		}
		params[id] = p
	}
	return nil
}

func compileParam(file, id string, want Unit, canBeNull bool, kv *ast.MappingValueNode, y yamlParam) (*parameter, error) {
	p := &parameter{id: id, description: strings.TrimSpace(y.Description), unit: Unit(y.Unit)}
	if p.description == "" {
		return nil, posError(file, kv.Key, id, "missing description")
	}
	if p.unit != want {
		return nil, posError(file, kv.Key, id+".unit", "got %q, want %q", y.Unit, want)
	}
	switch y.Indexed {
	case "":
	case "yearly":
		p.yearly = true
	default:
		return nil, posError(file, kv.Key, id+".indexed", "got %q, want yearly or nothing", y.Indexed)
	}
	if len(y.Values) == 0 {
		return nil, posError(file, kv.Key, id, "no values")
	}
	for i, ye := range y.Values {
		field := fmt.Sprintf("%s.values[%d]", id, i)
		e, err := compileEntry(file, field, p.unit, ye)
		if err != nil {
			return nil, err
		}
		if i > 0 && e.from <= p.values[i-1].from {
			return nil, posError(file, ye.From, field+".from", "%s is not after the previous entry's %s", e.from, p.values[i-1].from)
		}
		if e.null && !canBeNull {
			return nil, posError(file, ye.Value, field+".value", "missing: this parameter must have a value on every date")
		}
		p.values = append(p.values, e)
	}
	return p, nil
}

func compileEntry(file, field string, unit Unit, ye yamlEntry) (entry, error) {
	var e entry
	if ye.From == nil {
		return e, fmt.Errorf("%s: %s.from: missing", file, field)
	}
	d, err := parseDate(ye.From.GetToken().Value)
	if err != nil {
		return e, posError(file, ye.From, field+".from", "%v", err)
	}
	e.from = d
	if ye.Source == nil {
		return e, fmt.Errorf("%s: %s.source: missing", file, field)
	}
	e.source = ye.Source.GetToken().Value
	if u, err := url.Parse(e.source); err != nil || u.Scheme != "https" || u.Host == "" {
		return e, posError(file, ye.Source, field+".source", "want an https URL, got %q", e.source)
	}
	e.note = strings.TrimSpace(ye.Note)
	if e.note == "" {
		return e, posError(file, ye.From, field+".note", "missing: say what the value is (an indexation, a change in the law)")
	}
	var v any
	if ye.Value != nil {
		if err := yaml.NodeToValue(ye.Value, &v); err != nil {
			return e, yamlError(file, err)
		}
	}
	if v == nil {
		e.null = true
		return e, nil
	}
	switch unit {
	case Countries:
		list, ok := v.([]any)
		if !ok || len(list) == 0 {
			return e, posError(file, ye.Value, field+".value", "want a list of ISO 3166-1 alpha-2 codes")
		}
		e.set = make(map[string]struct{}, len(list))
		for _, c := range list {
			s, _ := c.(string)
			if _, err := parseCountry(s); err != nil || s != strings.ToUpper(s) {
				return e, posError(file, ye.Value, field+".value", "%q is not an ISO 3166-1 alpha-2 code in upper case", c)
			}
			e.set[s] = struct{}{}
		}
	default:
		var x float64
		switch n := v.(type) {
		case uint64:
			x = float64(n)
		case int64:
			x = float64(n)
		case float64:
			x = n
		default:
			return e, posError(file, ye.Value, field+".value", "want a number, got %v", v)
		}
		if x < 0 || (unit != EUR && x != math.Trunc(x)) || (unit == EUR && math.Abs(x*100-math.Round(x*100)) > 1e-6) {
			return e, posError(file, ye.Value, field+".value", "%v is not a valid amount of %s", x, unit)
		}
		e.num = x
	}
	return e, nil
}

// parseDate parses a calendar date written YYYY-MM-DD, refusing days that
// do not exist (2026-02-30) rather than rolling them over.
func parseDate(s string) (date.Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, fmt.Errorf("want a date YYYY-MM-DD, got %s", excerpt.Quote(s))
	}
	return date.NewAt(t), nil
}
