package eligibility

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"github.com/goccy/go-yaml"
	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/route"
)

//go:embed params/*.yaml services.yaml
var embedded embed.FS

// Rules are the eligibility rules with their legal parameters and the
// services to book next, compiled once and then asked many times. A *Rules
// is immutable and safe for concurrent use.
type Rules struct {
	params   map[string]*parameter
	start    date.Date // the first date on which every parameter has a value
	stale    date.Date // from this date the yearly-indexed figures may be outdated
	services map[route.Route]map[route.Outcome][]string
	byReason map[string][]string

	hsm30Plus, hsmUnder30, hsmReduced, blueCard, blueCardReduced     *parameter
	ageBoundary, hsmWindow, blueCardWindow, blueCardContract         *parameter
	orientationWindow, ictGroupMinimum, ictMaxManager, ictMaxTrainee *parameter
	freeMovement                                                     *parameter
	blueCardReducedSince                                             date.Date // its first value
}

// Default returns the rules compiled from the parameters and services
// embedded in the package (eligibility/params/*.yaml and
// eligibility/services.yaml). It fails only if those files are broken,
// which the package's tests rule out; keep the *Rules rather than calling
// Default for every check.
func Default() (*Rules, error) { return Compile(embedded) }

// Compile compiles rules from a file system laid out like the package's
// embedded data: params/*.yaml with the legal parameters and services.yaml
// with the services to book next. Errors name the file, line and column.
func Compile(fsys fs.FS) (*Rules, error) {
	params, err := loadParams(fsys)
	if err != nil {
		return nil, err
	}
	r := &Rules{params: params, stale: date.Max()}
	for _, p := range params {
		r.start = max(r.start, p.values[0].from)
		if p.yearly {
			// Amounts indexed every 1 January: a year after the last
			// known change, a newer amount is due.
			r.stale = min(r.stale, p.values[len(p.values)-1].from.AddDate(1, 0, 0))
		}
	}
	r.hsm30Plus, r.hsmUnder30, r.hsmReduced = params[idHSM30Plus], params[idHSMUnder30], params[idHSMReduced]
	r.blueCard, r.blueCardReduced = params[idBlueCard], params[idBlueCardReduced]
	r.ageBoundary, r.hsmWindow, r.blueCardWindow = params[idAgeBoundary], params[idHSMWindow], params[idBlueCardWindow]
	r.blueCardContract, r.orientationWindow = params[idBlueCardContract], params[idOrientationYear]
	r.ictGroupMinimum, r.ictMaxManager, r.ictMaxTrainee = params[idICTGroupMinimum], params[idICTMaxManager], params[idICTMaxTrainee]
	r.freeMovement = params[idFreeMovement]
	r.blueCardReducedSince = date.Max()
	for _, e := range r.blueCardReduced.values {
		if !e.null {
			r.blueCardReducedSince = e.from
			break
		}
	}
	if err := r.loadServices(fsys); err != nil {
		return nil, err
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
	e := r.freeMovement.at(d)
	if e == nil {
		return nil, false
	}
	list := make([]string, 0, len(e.set))
	for c := range e.set {
		list = append(list, c)
	}
	slices.Sort(list)
	return list, true
}

// ServiceIDs returns every service id that a result can list, sorted: the
// services an expat centre's catalogue must offer for these rules.
func (r *Rules) ServiceIDs() []string {
	var ids []string
	add := func(list []string) {
		for _, id := range list {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	for _, byOutcome := range r.services {
		for _, list := range byOutcome {
			add(list)
		}
	}
	for _, list := range r.byReason {
		add(list)
	}
	slices.Sort(ids)
	return ids
}

// ErrBeforeStart is returned, wrapped, by [Rules.Check] for a reference date
// before [Rules.Start].
var ErrBeforeStart = errors.New("before the first date with legal parameters")

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
		return Result{}, &FactsError{Field: "date", Err: fmt.Errorf("%s is %w, %s", f.Date, ErrBeforeStart, r.start)}
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
		return RouteResult{}, &FactsError{Field: "date", Err: fmt.Errorf("%s is %w, %s", f.Date, ErrBeforeStart, r.start)}
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
	// Services are the ids of the centre's services to book next.
	Services []string
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

// yamlServices is services.yaml.
type yamlServices struct {
	Routes   map[string]map[string][]string `yaml:"routes"`
	ByReason map[string][]string            `yaml:"by_reason"`
}

// validServiceID reports whether id is lower-case words and digits joined
// by single hyphens, like "ind-biometrics".
func validServiceID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

func (r *Rules) loadServices(fsys fs.FS) error {
	const file = "services.yaml"
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return err
	}
	var y yamlServices
	if err := yaml.UnmarshalWithOptions(src, &y, yaml.Strict()); err != nil {
		return yamlError(file, err)
	}
	checkIDs := func(field string, ids []string) error {
		if len(ids) == 0 {
			return fmt.Errorf("%s: %s: no services", file, field)
		}
		for _, id := range ids {
			if !validServiceID(id) {
				return fmt.Errorf("%s: %s: %q is not a service id (lower-case words joined by -)", file, field, id)
			}
		}
		return nil
	}
	r.services = map[route.Route]map[route.Outcome][]string{}
	for name, byOutcome := range y.Routes {
		rt, err := route.Parse(name)
		if err != nil {
			return fmt.Errorf("%s: routes: %w", file, err)
		}
		m := map[route.Outcome][]string{}
		for o, ids := range byOutcome {
			outcome := route.Outcome(o)
			switch outcome {
			case route.Eligible, route.NotEligible, route.NeedsInformation:
			default:
				return fmt.Errorf("%s: routes.%s: unknown outcome %q: want eligible, not-eligible or needs-information", file, name, o)
			}
			if err := checkIDs("routes."+name+"."+o, ids); err != nil {
				return err
			}
			m[outcome] = ids
		}
		for _, o := range []route.Outcome{route.Eligible, route.NotEligible, route.NeedsInformation} {
			if m[o] == nil {
				return fmt.Errorf("%s: routes.%s: no services for outcome %s", file, name, o)
			}
		}
		r.services[rt] = m
	}
	for _, rt := range route.All() {
		if r.services[rt] == nil {
			return fmt.Errorf("%s: routes: no services for route %s", file, rt)
		}
	}
	r.byReason = map[string][]string{}
	for code, ids := range y.ByReason {
		if !slices.Contains(ReasonCodes(), code) {
			return fmt.Errorf("%s: by_reason: unknown reason code %q", file, code)
		}
		if err := checkIDs("by_reason."+code, ids); err != nil {
			return err
		}
		r.byReason[code] = ids
	}
	return nil
}
