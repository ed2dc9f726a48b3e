package centre

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/route"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/osm"
)

// Service is one service of a centre, such as IND biometrics or
// registration in the BRP, provided at one of its desks. It is immutable
// and safe for concurrent use; its slices must not be modified. Package
// services answers when a service can be used and how long its procedure
// takes.
type Service struct {
	// ID is the service's short name within its centre, such as
	// "ind-biometrics": lower-case letters, digits and hyphens. The ids
	// that package eligibility lists as services to book next are ids of
	// this kind.
	ID string
	// Kind says whether the service is a visit to its desk or a procedure
	// that is decided without one.
	Kind ServiceKind
	// Name is the service's name; Description says in a sentence what it
	// is, and may be empty.
	Name, Description schedule.Text
	// Desk is the desk that provides the service: for a procedure, the
	// desk of the authority that decides it.
	Desk *Desk
	// Hours is a visit's own opening_hours expression, as written, when
	// it is offered at fewer times than its desk is open; empty when it is
	// offered whenever the desk is open, and for a procedure.
	Hours string
	// Schedule is Hours compiled in the centre's time zone and holiday
	// calendar, without the desk's closures: the service can be used when
	// both Schedule and the desk's schedule are open. Nil when Hours is
	// empty.
	Schedule *schedule.Schedule
	// Appointment is set when visitors need an appointment: the service's
	// own appointment field, else its desk's. It is false for a procedure.
	Appointment bool
	// BookingURL is where to book a visit: the service's booking_url,
	// else its desk's, else the centre's; empty when none is given, and
	// for a procedure.
	BookingURL string
	// Duration is the usual length of a visit; zero when not given, and
	// for a procedure.
	Duration time.Duration
	// For says who the service is for.
	For Audience
	// Documents are the documents to bring, each in Dutch and English, in
	// the order of the file.
	Documents []schedule.Text
	// Fee is the fee for the service, with the date each amount is valid
	// from and its source, in euros; it has no values when there is no fee
	// or no amount could be sourced.
	Fee Dated
	// Processing are the processing periods of the procedure the service
	// starts (a decision of the IND, a registration in the BRP), in the
	// order of the file; empty for a service that is done at the desk.
	Processing []Target
}

// ServiceKind says what a service is for the person who uses it.
type ServiceKind string

const (
	// Visit is a service that a person comes to the desk for, such as
	// biometrics or registration: it has hours (its desk's, or narrower
	// ones), maybe an appointment to book, and possibly processing periods
	// for what follows the visit (a BSN sent by post). The default.
	Visit ServiceKind = "visit"
	// Procedure is a service that is decided for a person, such as the
	// IND's decision on an application: nobody visits a desk for it, so
	// it has no hours, appointment, booking link or duration, and it has
	// at least one processing period.
	Procedure ServiceKind = "procedure"
)

// Audience says who a service is for. A service for no route in
// particular (information, registration) has no Routes.
type Audience struct {
	// Routes are the residence routes (see package route) that the
	// service belongs to, in the order of the file.
	Routes []route.Route
	// EU and NonEU say whether the service is for nationals of the EU, the
	// EEA and Switzerland, and for other nationals. Both are set when the
	// file says nothing.
	EU, NonEU bool
	// FamilyMembers is set when family members who come along are served
	// too.
	FamilyMembers bool
}

// Dated is a number that changes over time, such as a fee or a processing
// period: a list of values, each with the date it is valid from, its
// source and a note, as the legal parameters of package eligibility are
// kept. The zero value has no values.
type Dated struct {
	// Indexed is set for an amount that is indexed every year (IND fees
	// change every 1 January): a year after its last value, a newer value
	// is probably in force (see Outdated).
	Indexed bool
	// Values are sorted by From, ascending; no two have the same From.
	Values []DatedValue
}

// DatedValue is one value of a [Dated] number.
type DatedValue struct {
	// From is the first day on which Value applies.
	From date.Date
	// Value is the number: euros for a fee (with at most two decimals), a
	// whole number of the target's unit for a processing period.
	Value float64
	// Source is where the value is published: an https URL.
	Source string
	// Note says what the value is (an indexation, the law that sets it)
	// and, for an Unverified value, what could not be confirmed.
	Note string
	// Unverified is set for a value that its source does not confirm (an
	// amount from a firm's table, an example): the file says "verified:
	// false". Every output that shows the value must say that it is not
	// verified. The zero value is a value its source confirms.
	Unverified bool
}

// At returns the value in force on day: the last one that is valid from
// day or earlier. It returns false when day is before the first value or
// there are none.
func (d Dated) At(day date.Date) (DatedValue, bool) {
	for i := len(d.Values) - 1; i >= 0; i-- {
		if d.Values[i].From <= day {
			return d.Values[i], true
		}
	}
	return DatedValue{}, false
}

// Outdated reports whether the value At returns for day may be outdated:
// for an Indexed number, from one year after the value in force on day,
// when no newer value is known (after the last value, or in a gap of
// years whose values could not be sourced).
func (d Dated) Outdated(day date.Date) bool {
	v, ok := d.At(day)
	if !d.Indexed || !ok {
		return false
	}
	return day >= v.From.AddDate(1, 0, 0)
}

// TargetKind says whether a processing period is a policy target or a
// period set by law.
type TargetKind string

const (
	// PolicyTarget is a period the authority aims for ("the IND decides
	// within 2 weeks"): the expected date.
	PolicyTarget TargetKind = "target"
	// StatutoryPeriod is a period set by law ("a decision within 90
	// days"): the latest date, which the Algemene termijnenwet may extend.
	StatutoryPeriod TargetKind = "statutory"
)

// Unit is the unit in which a processing period is stated.
type Unit string

const (
	// WorkingDays are days on which the centre is open for business:
	// weekends, the holidays the centre closes on and its extra closures
	// are not counted.
	WorkingDays Unit = "working-days"
	// Weeks are weeks of 5 working days each, as WorkingDays: "2 weeks"
	// of an IND target are 10 working days on the centre's calendar.
	Weeks Unit = "weeks"
	// Days are calendar days, every day counted.
	Days Unit = "days"
)

// Target is a processing period of a service's procedure, counted from the
// day after submission.
type Target struct {
	// ID names the period within its service, such as "recognised-sponsor"
	// or "statutory".
	ID string
	// Kind is a policy target or a statutory period.
	Kind TargetKind
	// Name says which applications the period is for ("a complete
	// application from a recognised sponsor").
	Name schedule.Text
	// Unit is the unit of the period's values; a statutory period is in
	// Days.
	Unit Unit
	// Amount is the length of the period in Unit, dated and sourced.
	Amount Dated
}

// Service returns the service with the given ID, and false when there is
// none.
func (c *Centre) Service(id string) (*Service, bool) {
	for _, s := range c.Services {
		if s.ID == id {
			return s, true
		}
	}
	return nil, false
}

// serviceConfig is a service as written in the file.
type serviceConfig struct {
	id                val[string]
	kind              val[string]
	name, description val[schedule.Text]
	desk              val[string]
	hours             val[string]
	appointment       val[bool]
	bookingURL        val[string]
	duration          val[time.Duration]
	routes            []val[string]
	nationality       []val[string]
	nationalityGiven  bool
	familyMembers     val[bool]
	documents         []val[schedule.Text]
	fee               datedConfig
	processing        []targetConfig
}

type targetConfig struct {
	id     val[string]
	kind   val[string]
	name   val[schedule.Text]
	unit   val[string]
	amount datedConfig
}

// datedConfig is a dated number as written: indexed, and values.
type datedConfig struct {
	indexed val[string]
	values  []datedValueConfig
}

type datedValueConfig struct {
	from     val[date.Date]
	value    val[float64]
	source   val[string]
	note     val[string]
	verified val[bool]
}

// Nationality words in a service's for.nationality.
const (
	nationalityEU    = "eu"
	nationalityNonEU = "non-eu"
)

// routeIDs returns the ids of the residence routes.
func routeIDs() []string {
	var ids []string
	for _, r := range route.All() {
		ids = append(ids, string(r))
	}
	return ids
}

// service decodes one service of the services list.
func (d *decoder) service(a at) serviceConfig {
	var s serviceConfig
	const hoursExample = `an opening_hours expression such as "Tu 09:00-12:30"`
	d.mapping(a, "a service: a mapping with id, name, desk and more", []field{
		{"id", "the service's id, such as ind-biometrics", func(a at) { s.id = d.id(a) }},
		{"kind", "", func(a at) { s.kind = d.oneOf(a, string(Visit), string(Procedure)) }},
		{"name", "the service's name in nl and en", func(a at) { s.name = d.text(a) }},
		{"description", "", func(a at) { s.description = d.text(a) }},
		{"desk", "the desk that provides the service: a desk id", func(a at) { s.desk = d.id(a) }},
		{"hours", "", func(a at) { s.hours = d.hours(a, hoursExample) }},
		{"appointment", "", func(a at) { s.appointment = d.boolean(a) }},
		{"booking_url", "", func(a at) { s.bookingURL = d.url(a) }},
		{"duration", "", func(a at) { s.duration = d.duration(a) }},
		{"for", "", func(a at) {
			d.mapping(a, "who the service is for (routes, nationality, family_members)", []field{
				{"routes", "", func(a at) {
					d.list(a, "a list of residence routes such as [highly-skilled-migrant]", func(a at) {
						s.routes = append(s.routes, d.oneOf(a, routeIDs()...))
					})
				}},
				{"nationality", "", func(a at) {
					s.nationalityGiven = true
					if d.list(a, "a list of nationalities: [eu], [non-eu] or [eu, non-eu]", func(a at) {
						s.nationality = append(s.nationality, d.oneOf(a, nationalityEU, nationalityNonEU))
					}) && len(a.node.(*ast.SequenceNode).Values) == 0 {
						d.errorf(a, "expected eu, non-eu or both, found an empty list")
					}
				}},
				{"family_members", "", func(a at) { s.familyMembers = d.boolean(a) }},
			})
		}},
		{"documents", "", func(a at) {
			d.list(a, "a list of documents, each in nl and en", func(a at) {
				s.documents = append(s.documents, d.text(a))
			})
		}},
		{"fee", "", func(a at) { s.fee = d.dated(a, "a fee (indexed, values)", true) }},
		{"processing", "", func(a at) {
			d.list(a, "a list of processing periods (- id: ...)", func(a at) {
				var t targetConfig
				d.mapping(a, "a processing period (id, kind, name, unit, values)", []field{
					{"id", "the period's id, such as statutory", func(a at) { t.id = d.id(a) }},
					{"kind", "the kind: target or statutory", func(a at) {
						t.kind = d.oneOf(a, string(PolicyTarget), string(StatutoryPeriod))
					}},
					{"name", "what the period is for, in nl and en", func(a at) { t.name = d.text(a) }},
					{"unit", "the unit: working-days, weeks or days", func(a at) {
						t.unit = d.oneOf(a, string(WorkingDays), string(Weeks), string(Days))
					}},
					{"values", "the period's values: a list with at least one (- from: ...)", func(a at) {
						t.amount = datedConfig{values: d.datedValues(a, false)}
					}},
				})
				s.processing = append(s.processing, t)
			})
		}},
	})
	return s
}

// duration decodes a duration written as Go does, in whole minutes from
// 1m to 8h: "15m", "1h30m".
func (d *decoder) duration(a at) val[time.Duration] {
	const what = "a duration in minutes or hours such as 15m or 1h30m"
	v := d.str(a, what)
	if !v.ok {
		return val[time.Duration]{at: a}
	}
	t, err := time.ParseDuration(v.v)
	if err != nil || t <= 0 || t%time.Minute != 0 || t > 8*time.Hour {
		d.errorf(a, "expected %s (at most 8h), found %s", what, quote(v.v))
		return val[time.Duration]{at: a}
	}
	return val[time.Duration]{t, a, true}
}

// dated decodes a fee: indexed and values. money allows cents.
func (d *decoder) dated(a at, what string, money bool) datedConfig {
	var c datedConfig
	d.mapping(a, what, []field{
		{"indexed", "", func(a at) {
			c.indexed = d.str(a, "yearly, or leave indexed out")
			if c.indexed.ok && c.indexed.v != "yearly" {
				d.errorf(a, "expected yearly (or leave indexed out), found %s", quote(c.indexed.v))
				c.indexed.ok = false
			}
		}},
		{"values", "the values: a list with at least one (- from: ...)", func(a at) { c.values = d.datedValues(a, money) }},
	})
	return c
}

// datedValues decodes the values of a dated number, in the format of
// eligibility/params: from, value, source and note, each required, and
// verified: false for a value its source does not confirm.
func (d *decoder) datedValues(a at, money bool) []datedValueConfig {
	var vs []datedValueConfig
	if d.list(a, "a list of dated values (- from: ..., value: ..., source: ..., note: ...)", func(a at) {
		var v datedValueConfig
		d.mapping(a, "a dated value (from, value, source, note)", []field{
			{"from", "the date from which the value applies", func(a at) { v.from = d.date(a) }},
			{"value", "the value", func(a at) {
				v.value = d.number(a)
				switch {
				case !v.value.ok:
				case money && (v.value.v < 0 || math.Abs(v.value.v*100-math.Round(v.value.v*100)) > 1e-6):
					d.errorf(a, "expected an amount in euros of at least 0 with at most two decimals, found %v", v.value.v)
					v.value.ok = false
				case !money && (v.value.v < 1 || v.value.v != math.Trunc(v.value.v) || v.value.v > 3660):
					d.errorf(a, "expected a whole number from 1 to 3660, found %v", v.value.v)
					v.value.ok = false
				}
			}},
			{"source", "the source: an https URL", func(a at) {
				v.source = d.url(a)
				if v.source.ok && !strings.HasPrefix(v.source.v, "https://") {
					d.errorf(a, "expected an https URL, found %s", quote(v.source.v))
					v.source.ok = false
				}
			}},
			{"note", "a note that says what the value is", func(a at) { v.note = d.nonEmpty(a, "text: what the value is") }},
			{"verified", "", func(a at) { v.verified = d.boolean(a) }},
		})
		vs = append(vs, v)
	}) && len(a.node.(*ast.SequenceNode).Values) == 0 {
		d.errorf(a, "expected at least one value, found an empty list")
	}
	return vs
}

// compileServices checks what the services mean and builds them: the desk
// each names, its hours, its routes and periods. deskIDs holds the place
// of each desk id; allDeskIDs is false when some desk's id is malformed,
// which makes an unknown desk unsure.
func (d *decoder) compileServices(cfgs []serviceConfig, c *Centre, deskIDs map[string]at, allDeskIDs bool) []*Service {
	var out []*Service
	ids := map[string]at{}
	for i := range cfgs {
		sc := &cfgs[i]
		if sc.id.ok {
			if prev, dup := ids[sc.id.v]; dup {
				d.errorf(sc.id.at, "duplicate service id %q: %s (line %d) has it too", sc.id.v, strings.TrimSuffix(prev.path, ".id"), prev.line)
			} else {
				ids[sc.id.v] = sc.id.at
			}
		}
		s := &Service{
			ID:          sc.id.v,
			Kind:        Visit,
			Name:        sc.name.v,
			Description: sc.description.v,
			Hours:       sc.hours.v,
			Duration:    sc.duration.v,
		}
		if sc.kind.ok {
			s.Kind = ServiceKind(sc.kind.v)
		}
		if sc.desk.ok {
			if desk, ok := c.Desk(sc.desk.v); ok {
				s.Desk = desk
			} else if _, known := deskIDs[sc.desk.v]; !known && allDeskIDs {
				names := make([]string, 0, len(deskIDs))
				for id := range deskIDs {
					names = append(names, id)
				}
				slices.Sort(names)
				d.errorf(sc.desk.at, "%s", withSuggestion(fmt.Sprintf("unknown desk %q", sc.desk.v), sc.desk.v, names, "the desks are"))
			}
		}
		if s.Kind == Procedure {
			d.checkProcedure(sc)
			s.Hours, s.Duration = "", 0
			sc.hours.ok = false
		} else {
			s.Appointment = s.Desk != nil && s.Desk.Appointment
			if sc.appointment.ok {
				s.Appointment = sc.appointment.v
			}
			s.BookingURL = c.BookingURL
			if s.Desk != nil {
				s.BookingURL = s.Desk.BookingURL
			}
			if sc.bookingURL.ok {
				s.BookingURL = sc.bookingURL.v
			}
		}
		if sc.hours.ok {
			if strings.TrimSpace(sc.hours.v) == "" {
				d.errorf(sc.hours.at, "expected an opening_hours expression, found empty text: leave hours out for the desk's hours")
			} else {
				opts := []osm.Option{osm.WithHolidays(c.Holidays)}
				if c.Location != nil {
					opts = append(opts, osm.WithLocation(c.Location))
				}
				sch, err := osm.Parse(sc.hours.v, opts...)
				if err != nil {
					d.scheduleError(sc.hours.at, err)
				}
				s.Schedule = sch
			}
		}
		s.For = d.audience(sc)
		for _, doc := range sc.documents {
			s.Documents = append(s.Documents, doc.v)
		}
		s.Fee = d.compileDated(sc.fee)
		s.Processing = d.compileTargets(sc.processing)
		out = append(out, s)
	}
	return out
}

// checkProcedure checks that a service of kind procedure has processing
// periods and none of the fields of a visit.
func (d *decoder) checkProcedure(sc *serviceConfig) {
	for _, f := range []struct {
		name string
		at   at // with a node when the field is present
	}{
		{"hours", sc.hours.at},
		{"appointment", sc.appointment.at},
		{"booking_url", sc.bookingURL.at},
		{"duration", sc.duration.at},
	} {
		if f.at.node != nil {
			d.errorf(f.at, "a procedure is decided without a visit, so it has no %s: leave it out, or make the service kind: visit", f.name)
		}
	}
	if len(sc.processing) == 0 {
		d.errorf(sc.kind.at, "a procedure is decided within its processing periods: expected processing (- id: ...), found none")
	}
}

func (d *decoder) audience(sc *serviceConfig) Audience {
	var au Audience
	for _, r := range sc.routes {
		if !r.ok {
			continue
		}
		rt := route.Route(r.v)
		if slices.Contains(au.Routes, rt) {
			d.errorf(r.at, "route %s is listed twice", r.v)
			continue
		}
		au.Routes = append(au.Routes, rt)
	}
	au.EU, au.NonEU = !sc.nationalityGiven, !sc.nationalityGiven
	for _, n := range sc.nationality {
		switch {
		case !n.ok:
		case n.v == nationalityEU:
			au.EU = true
		case n.v == nationalityNonEU:
			au.NonEU = true
		}
	}
	au.FamilyMembers = sc.familyMembers.v
	return au
}

// compileDated checks that the values of a dated number are in order.
func (d *decoder) compileDated(c datedConfig) Dated {
	out := Dated{Indexed: c.indexed.ok && c.indexed.v == "yearly"}
	for _, v := range c.values {
		if !v.from.ok || !v.value.ok {
			continue
		}
		if len(out.Values) > 0 {
			if prev := out.Values[len(out.Values)-1].From; v.from.v <= prev {
				d.errorf(v.from.at, "the values must be in date order: %s is not after %s, the date of the value before it", v.from.v, prev)
				continue
			}
		}
		out.Values = append(out.Values, DatedValue{From: v.from.v, Value: v.value.v, Source: v.source.v, Note: v.note.v,
			Unverified: v.verified.ok && !v.verified.v})
	}
	return out
}

func (d *decoder) compileTargets(cfgs []targetConfig) []Target {
	var out []Target
	ids := map[string]at{}
	for _, tc := range cfgs {
		if tc.id.ok {
			if prev, dup := ids[tc.id.v]; dup {
				d.errorf(tc.id.at, "duplicate processing id %q: %s (line %d) has it too", tc.id.v, strings.TrimSuffix(prev.path, ".id"), prev.line)
			} else {
				ids[tc.id.v] = tc.id.at
			}
		}
		if tc.kind.ok && tc.unit.ok && TargetKind(tc.kind.v) == StatutoryPeriod && Unit(tc.unit.v) != Days {
			d.errorf(tc.unit.at, "a statutory period is counted in calendar days: expected days, found %s", tc.unit.v)
		}
		if tc.kind.ok && TargetKind(tc.kind.v) == StatutoryPeriod {
			// Article 2 of the Algemene termijnenwet lengthens a period of
			// 3 to 6 days that holds fewer than 2 working days; a period of
			// a week or more always holds them, and is all loket counts.
			for _, v := range tc.amount.values {
				if v.value.ok && v.value.v < 7 {
					d.errorf(v.value.at, "a statutory period of fewer than 7 days is not supported (article 2 of the Algemene termijnenwet would apply), found %v", v.value.v)
				}
			}
		}
		out = append(out, Target{
			ID:     tc.id.v,
			Kind:   TargetKind(tc.kind.v),
			Name:   tc.name.v,
			Unit:   Unit(tc.unit.v),
			Amount: d.compileDated(tc.amount),
		})
	}
	return out
}
