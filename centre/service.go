package centre

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/expatcentre/loket/dated"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/internal/yamlfile"
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
	// "ind-biometrics": lower-case letters, digits and hyphens; the
	// centre's advice (book_next, [Centre.BookNext]) names services by it.
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
	// from and its source, in euros; it has no entries when there is no fee
	// or no amount could be sourced.
	Fee dated.Series[float64]
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
	// ServiceAreaOnly is set for a service that is only for people who
	// live, or will live, in the centre's service area (see
	// [Centre.Serves]), such as a fast-track registration in the BRP.
	ServiceAreaOnly bool
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
	// Amount is the length of the period in Unit, dated and sourced: whole
	// numbers from 1 to 3660.
	Amount dated.Series[float64]
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
	areaOnly          val[bool]
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
	indexed val[bool]
	values  []yamlfile.DatedValue[float64]
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
	d.mapping(a, "errors.centre.what.service", []field{
		{"id", "errors.centre.missing.service_id", func(a at) { s.id = d.id(a) }},
		{"kind", "", func(a at) { s.kind = d.OneOf(a, string(Visit), string(Procedure)) }},
		{"name", "errors.centre.missing.service_name", func(a at) { s.name = d.Text(a) }},
		{"description", "", func(a at) { s.description = d.Text(a) }},
		{"desk", "errors.centre.missing.service_desk", func(a at) { s.desk = d.id(a) }},
		{"hours", "", func(a at) { s.hours = d.hours(a, "errors.centre.what.service_hours_example") }},
		{"appointment", "", func(a at) { s.appointment = d.Bool(a) }},
		{"booking_url", "", func(a at) { s.bookingURL = d.URL(a) }},
		{"duration", "", func(a at) { s.duration = d.duration(a) }},
		{"for", "", func(a at) {
			d.mapping(a, "errors.centre.what.for", []field{
				{"routes", "", func(a at) {
					d.List(a, m("errors.centre.what.routes"), func(a at) {
						s.routes = append(s.routes, d.OneOf(a, routeIDs()...))
					})
				}},
				{"nationality", "", func(a at) {
					s.nationalityGiven = true
					if d.List(a, m("errors.centre.what.nationalities"), func(a at) {
						s.nationality = append(s.nationality, d.OneOf(a, nationalityEU, nationalityNonEU))
					}) && yamlfile.Len(a) == 0 {
						d.Report(a, yamlfile.Expected(m("errors.centre.what.eu_or_both"), yamlfile.EmptyList()))
					}
				}},
				{"family_members", "", func(a at) { s.familyMembers = d.Bool(a) }},
				{"service_area_only", "", func(a at) { s.areaOnly = d.Bool(a) }},
			})
		}},
		{"documents", "", func(a at) {
			d.List(a, m("errors.centre.what.documents"), func(a at) {
				s.documents = append(s.documents, d.Text(a))
			})
		}},
		{"fee", "", func(a at) { s.fee = d.dated(a, "errors.centre.what.fee", true) }},
		{"processing", "", func(a at) {
			d.List(a, m("errors.centre.what.periods"), func(a at) {
				var t targetConfig
				d.mapping(a, "errors.centre.what.period", []field{
					{"id", "errors.centre.missing.period_id", func(a at) { t.id = d.id(a) }},
					{"kind", "errors.centre.missing.period_kind", func(a at) {
						t.kind = d.OneOf(a, string(PolicyTarget), string(StatutoryPeriod))
					}},
					{"name", "errors.centre.missing.period_name", func(a at) { t.name = d.Text(a) }},
					{"unit", "errors.centre.missing.period_unit", func(a at) {
						t.unit = d.OneOf(a, string(WorkingDays), string(Weeks), string(Days))
					}},
					{"values", "errors.centre.missing.period_values", func(a at) {
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
	v := d.Str(a, m("errors.centre.what.duration"))
	if !v.OK {
		return val[time.Duration]{At: a}
	}
	t, err := time.ParseDuration(v.V)
	if err != nil || t <= 0 || t%time.Minute != 0 || t > 8*time.Hour {
		d.Report(a, yamlfile.ExpectedText(m("errors.centre.what.duration_max"), v.V))
		return val[time.Duration]{At: a}
	}
	return val[time.Duration]{V: t, At: a, OK: true}
}

// dated decodes a fee: indexed and values. money allows cents; what is
// the id of the message that describes it.
func (d *decoder) dated(a at, what string, money bool) datedConfig {
	var c datedConfig
	d.mapping(a, what, []field{
		{"indexed", "", func(a at) { c.indexed = d.Indexed(a) }},
		{"values", "errors.yaml.dated.missing_values", func(a at) { c.values = d.datedValues(a, money) }},
	})
	return c
}

// datedValues decodes the values of a dated number, as eligibility's
// parameters are written (see yamlfile.DatedValues): a fee in euros with
// cents when money is set, else a whole number from 1 to 3660.
func (d *decoder) datedValues(a at, money bool) []yamlfile.DatedValue[float64] {
	return yamlfile.DatedValues(d.Decoder, a, false, func(a at) val[float64] {
		v := d.Number(a)
		switch {
		case !v.OK:
		case money && (v.V < 0 || math.Abs(v.V*100-math.Round(v.V*100)) > 1e-6):
			d.Report(a, yamlfile.ExpectedNumber(m("errors.amount.euros"), v.V))
			v.OK = false
		case !money && (v.V < 1 || v.V != math.Trunc(v.V) || v.V > 3660):
			d.Report(a, yamlfile.ExpectedNumber(m("errors.centre.what.days"), v.V))
			v.OK = false
		}
		return v
	})
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
		if sc.id.OK {
			if prev, dup := ids[sc.id.V]; dup {
				d.Fail(sc.id.At, "errors.centre.duplicate_service", duplicate(sc.id.V, prev))
			} else {
				ids[sc.id.V] = sc.id.At
			}
		}
		s := &Service{
			ID:          sc.id.V,
			Kind:        Visit,
			Name:        sc.name.V,
			Description: sc.description.V,
			Hours:       sc.hours.V,
			Duration:    sc.duration.V,
		}
		if sc.kind.OK {
			s.Kind = ServiceKind(sc.kind.V)
		}
		if sc.desk.OK {
			if desk, ok := c.Desk(sc.desk.V); ok {
				s.Desk = desk
			} else if _, known := deskIDs[sc.desk.V]; !known && allDeskIDs {
				names := make([]string, 0, len(deskIDs))
				for id := range deskIDs {
					names = append(names, id)
				}
				slices.Sort(names)
				d.Report(sc.desk.At, yamlfile.WithSuggestion(message.New("errors.centre.unknown_desk", map[string]any{"ID": strconv.Quote(sc.desk.V)}),
					sc.desk.V, names, "errors.centre.desks_are"))
			}
		}
		if s.Kind == Procedure {
			d.checkProcedure(sc)
			s.Hours, s.Duration = "", 0
			sc.hours.OK = false
		} else {
			s.Appointment = s.Desk != nil && s.Desk.Appointment
			if sc.appointment.OK {
				s.Appointment = sc.appointment.V
			}
			s.BookingURL = c.BookingURL
			if s.Desk != nil {
				s.BookingURL = s.Desk.BookingURL
			}
			if sc.bookingURL.OK {
				s.BookingURL = sc.bookingURL.V
			}
		}
		if sc.hours.OK {
			if strings.TrimSpace(sc.hours.V) == "" {
				d.Fail(sc.hours.At, "errors.centre.service_hours_empty", nil)
			} else {
				opts := []osm.Option{osm.WithHolidays(c.Holidays)}
				if c.Location != nil {
					opts = append(opts, osm.WithLocation(c.Location))
				}
				sch, err := osm.Parse(sc.hours.V, opts...)
				if err != nil {
					d.scheduleError(sc.hours.At, err)
				}
				s.Schedule = sch
			}
		}
		s.For = d.audience(sc)
		for _, doc := range sc.documents {
			s.Documents = append(s.Documents, doc.V)
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
		At   at // given when the field is present
	}{
		{"hours", sc.hours.At},
		{"appointment", sc.appointment.At},
		{"booking_url", sc.bookingURL.At},
		{"duration", sc.duration.At},
	} {
		if f.At.Given() {
			d.Fail(f.At, "errors.centre.procedure_field", map[string]any{"Field": f.name})
		}
	}
	if len(sc.processing) == 0 {
		d.Fail(sc.kind.At, "errors.centre.procedure_periods", nil)
	}
}

func (d *decoder) audience(sc *serviceConfig) Audience {
	var au Audience
	for _, r := range sc.routes {
		if !r.OK {
			continue
		}
		rt := route.Route(r.V)
		if slices.Contains(au.Routes, rt) {
			d.Fail(r.At, "errors.centre.route_twice", map[string]any{"Route": r.V})
			continue
		}
		au.Routes = append(au.Routes, rt)
	}
	au.EU, au.NonEU = !sc.nationalityGiven, !sc.nationalityGiven
	for _, n := range sc.nationality {
		switch {
		case !n.OK:
		case n.V == nationalityEU:
			au.EU = true
		case n.V == nationalityNonEU:
			au.NonEU = true
		}
	}
	au.FamilyMembers = sc.familyMembers.V
	au.ServiceAreaOnly = sc.areaOnly.V
	return au
}

// compileDated checks that the values of a dated number are in order.
func (d *decoder) compileDated(c datedConfig) dated.Series[float64] {
	return yamlfile.Series(d.Decoder, c.values, c.indexed.OK && c.indexed.V)
}

func (d *decoder) compileTargets(cfgs []targetConfig) []Target {
	var out []Target
	ids := map[string]at{}
	for _, tc := range cfgs {
		if tc.id.OK {
			if prev, dup := ids[tc.id.V]; dup {
				d.Fail(tc.id.At, "errors.centre.duplicate_period", duplicate(tc.id.V, prev))
			} else {
				ids[tc.id.V] = tc.id.At
			}
		}
		if tc.kind.OK && tc.unit.OK && TargetKind(tc.kind.V) == StatutoryPeriod && Unit(tc.unit.V) != Days {
			d.Fail(tc.unit.At, "errors.centre.statutory_unit", map[string]any{"Unit": tc.unit.V})
		}
		if tc.kind.OK && TargetKind(tc.kind.V) == StatutoryPeriod {
			// Article 2 of the Algemene termijnenwet lengthens a period of
			// 3 to 6 days that holds fewer than 2 working days; a period of
			// a week or more always holds them, and is all loket counts.
			for _, v := range tc.amount.values {
				if v.Value.OK && v.Value.V < 7 {
					d.Fail(v.Value.At, "errors.centre.statutory_short", map[string]any{"Days": strconv.FormatFloat(v.Value.V, 'g', -1, 64)})
				}
			}
		}
		out = append(out, Target{
			ID:     tc.id.V,
			Kind:   TargetKind(tc.kind.V),
			Name:   tc.name.V,
			Unit:   Unit(tc.unit.V),
			Amount: d.compileDated(tc.amount),
		})
	}
	return out
}
