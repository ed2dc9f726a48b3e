package eligibility

import (
	"embed"
	"io/fs"
	"slices"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/route"
)

//go:embed params/*.yaml
var embedded embed.FS

// Rules are the eligibility rules with their legal parameters, compiled
// once and then asked many times. A *Rules is immutable and safe for
// concurrent use.
type Rules struct {
	params map[string]*parameter
	start  date.Date // the first date on which every parameter has a value
	stale  date.Date // from this date the yearly-indexed figures may be outdated

	hsm30Plus, hsmUnder30, hsmReduced, blueCard, blueCardReduced     *parameter
	ageBoundary, hsmWindow, blueCardWindow, blueCardContract         *parameter
	orientationWindow, ictGroupMinimum, ictMaxManager, ictMaxTrainee *parameter
	freeMovement                                                     *parameter
	blueCardReducedSince                                             date.Date // its first value
}

// Default returns the rules compiled from the parameters embedded in the
// package (eligibility/params/*.yaml). It fails only if those files are
// broken, which the package's tests rule out; keep the *Rules rather than
// calling Default for every check.
func Default() (*Rules, error) { return Compile(embedded) }

// Compile compiles rules from a file system laid out like the package's
// embedded data: params/*.yaml with the legal parameters (see the package
// documentation for their format). It reports every error of every file
// at once, one per line, each with the file, line, column and field path
// ("params/income.yaml:24:13: income.eu-blue-card.values[1].from: ...").
func Compile(fsys fs.FS) (*Rules, error) {
	params, err := loadParams(fsys)
	if err != nil {
		return nil, err
	}
	r := &Rules{params: params, stale: date.Max()}
	for _, p := range params {
		r.start = max(r.start, p.values.Entries[0].From)
		// Amounts indexed every 1 January: a year after the last known
		// change, a newer amount is due.
		r.stale = min(r.stale, p.values.StaleFrom())
	}
	r.hsm30Plus, r.hsmUnder30, r.hsmReduced = params[idHSM30Plus], params[idHSMUnder30], params[idHSMReduced]
	r.blueCard, r.blueCardReduced = params[idBlueCard], params[idBlueCardReduced]
	r.ageBoundary, r.hsmWindow, r.blueCardWindow = params[idAgeBoundary], params[idHSMWindow], params[idBlueCardWindow]
	r.blueCardContract, r.orientationWindow = params[idBlueCardContract], params[idOrientationYear]
	r.ictGroupMinimum, r.ictMaxManager, r.ictMaxTrainee = params[idICTGroupMinimum], params[idICTMaxManager], params[idICTMaxTrainee]
	r.freeMovement = params[idFreeMovement]
	r.blueCardReducedSince = date.Max()
	for _, e := range r.blueCardReduced.values.Entries {
		if !e.Value.null {
			r.blueCardReducedSince = e.From
			break
		}
	}
	return r, nil
}

// Start returns the earliest reference date the rules can answer for: the
// first date on which every legal parameter has a value. [Rules.Check]
// refuses earlier dates.
func (r *Rules) Start() date.Date { return r.start }

// Outdated reports whether figures looked up for d may be outdated: the
// income criteria are indexed every 1 January, so from one year after the
// last known value of an indexed parameter a newer value is probably in
// force that the parameter files do not have yet. On such dates the last
// known value is used and [Result.Outdated] is set.
func (r *Rules) Outdated(d date.Date) bool { return d >= r.stale }

// Param returns the value of the parameter id (such as
// "income.highly-skilled-migrant.30-plus") in force on d, named by its id,
// and false when there is no such parameter, d is before its first value,
// or its rule did not exist on d.
func (r *Rules) Param(id string, d date.Date) (Param, bool) {
	p := r.params[id]
	if p == nil || p.unit == Countries {
		return Param{}, false
	}
	return p.param(id, d)
}

// ParamIDs returns the ids of the parameters the rules use.
func (r *Rules) ParamIDs() []string { return paramIDs() }

// FreeMovement returns the nationalities (ISO 3166-1 alpha-2 codes, sorted)
// that need no residence permit on d, and false when d is before
// [Rules.Start].
func (r *Rules) FreeMovement(d date.Date) ([]string, bool) {
	e, ok := r.freeMovement.at(d)
	if !ok {
		return nil, false
	}
	list := make([]string, 0, len(e.Value.set))
	for c := range e.Value.set {
		list = append(list, c)
	}
	slices.Sort(list)
	return list, true
}

// ErrBeforeStart is returned, wrapped, by [Rules.Check] for a reference date
// before [Rules.Start].
var ErrBeforeStart error = message.NewError("errors.facts.before_parameters", nil)

// beforeStart is the error of a reference date d before r.Start: a
// *FactsError about the date, wrapping ErrBeforeStart.
func (r *Rules) beforeStart(d date.Date) error {
	return &FactsError{Field: "date", Err: message.Wrap(ErrBeforeStart, "errors.facts.before_start", map[string]any{"Date": d, "Start": r.start})}
}

// Check decides every route for the facts f. The route named by f.Purpose
// comes first, then the others in the order of [route.All]; without a purpose
// the result lists all routes in that order. It fails only for facts that
// are not valid (a *[FactsError], see [Facts.Validate]) and for a date
// before [Rules.Start] ([ErrBeforeStart]).
func (r *Rules) Check(f Facts) (Result, error) {
	if err := f.Validate(); err != nil {
		return Result{}, err
	}
	if f.Date < r.start {
		return Result{}, r.beforeStart(f.Date)
	}
	res := Result{Date: f.Date, Outdated: r.Outdated(f.Date), Routes: make([]RouteResult, 0, 7)}
	a := newArena(len(route.All()))
	if f.Purpose != "" {
		res.Routes = append(res.Routes, r.route(f, f.Purpose, a))
	}
	for _, rt := range route.All() {
		if rt != f.Purpose {
			res.Routes = append(res.Routes, r.route(f, rt, a))
		}
	}
	return res, nil
}

// CheckRoute decides one route for the facts f, the way [Rules.Check] does.
func (r *Rules) CheckRoute(f Facts, rt route.Route) (RouteResult, error) {
	if _, err := route.Parse(string(rt)); err != nil {
		return RouteResult{}, err
	}
	if err := f.Validate(); err != nil {
		return RouteResult{}, err
	}
	if f.Date < r.start {
		return RouteResult{}, r.beforeStart(f.Date)
	}
	return r.route(f, rt, newArena(1)), nil
}

// A Result is the decision on every route for one set of facts.
type Result struct {
	Date date.Date // the reference date of the facts
	// Outdated is set when the date is a year or more after the last
	// known indexation of the income criteria (see [Rules.Outdated]): the
	// latest known figures were used, but newer ones are probably in force.
	Outdated bool
	Routes   []RouteResult // the route asked about first
}

// Route returns the result for one route.
func (res Result) Route(rt route.Route) (RouteResult, bool) {
	for _, rr := range res.Routes {
		if rr.Route == rt {
			return rr, true
		}
	}
	return RouteResult{}, false
}

// A RouteResult is the decision on one route, with its reasons.
type RouteResult struct {
	Route   route.Route
	Outcome route.Outcome
	// Reasons are the rules applied, in order, each with the parameters
	// it used.
	Reasons []Reason
	// Missing are the JSON names of the facts that would decide a
	// NeedsInformation outcome, in the order the reasons ask for them;
	// none when what is needed is a criterion loket does not assess.
	Missing []string
	// Instead is the route that applies instead of this one, when the
	// outcome is NotEligible because another route is the way: EUCitizen
	// for a national of the EU, the EEA or Switzerland asking about a
	// residence permit, who needs none (the reason
	// free-movement-national). Empty otherwise. A centre advises the
	// services of that route (services.Catalogue.BookNext).
	Instead route.Route
}

// A Reason is one rule applied to the facts: a stable code, what it did to
// the outcome, the legal parameters it used and the facts its message
// refers to.
type Reason struct {
	// Code is stable and names the rule's result, such as
	// "salary-meets-threshold"; the message id is "eligibility." + Code.
	Code   string
	Effect Effect
	// Params are the legal parameters used, each with its source.
	Params []Param
	// Args are the facts (and values derived from them) that the message
	// refers to, such as the salary or the end of a graduation window.
	Args []Arg
	// Missing names the facts, by JSON name, that would decide an
	// Unknown reason.
	Missing []string
}

// An Arg is a value that a reason's message refers to. Value is one of
// [Money], int, [date.Date], string, [route.Route], [ICTRole] or [Degree].
type Arg struct {
	Name  string
	Value any
}

// Param returns the reason's parameter called name.
func (rs Reason) Param(name string) (Param, bool) {
	for _, p := range rs.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// TemplateData returns the values a message template refers to, by name:
// every Param (amounts as [Money], other units as int) and every Arg, and
// "missing", the Missing facts joined with ", ".
func (rs Reason) TemplateData() map[string]any {
	data := make(map[string]any, len(rs.Params)+len(rs.Args)+1)
	for _, p := range rs.Params {
		if p.Unit == EUR {
			data[p.Name] = p.Cents()
		} else {
			data[p.Name] = int(p.Value)
		}
	}
	for _, a := range rs.Args {
		data[a.Name] = a.Value
	}
	if len(rs.Missing) > 0 {
		s := ""
		for i, m := range rs.Missing {
			if i > 0 {
				s += ", "
			}
			s += m
		}
		data["missing"] = s
	}
	return data
}
