package centre

import (
	"slices"
	"strconv"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/dated"
	"github.com/expatcentre/loket/internal/yamlfile"
	"github.com/expatcentre/loket/municipality"
	"github.com/expatcentre/loket/schedule"
)

// ServiceArea is the area a centre serves: the municipalities whose
// residents (and people who will live there) may use its services that
// are for residents only ([Audience].ServiceAreaOnly), such as the
// Maastricht fast-track registration in the BRP, which is for people who
// will live in Zuid-Limburg or Echt-Susteren. The zero ServiceArea is no
// area: every service is for everyone.
type ServiceArea struct {
	// Name names the area ("Zuid-Limburg"); it may be empty.
	Name schedule.Text
	// Municipalities are the municipalities the centre serves, each for a
	// period, in the order of the file. A code may appear more than once,
	// for periods that do not overlap.
	Municipalities []Member
}

// Member is a municipality of a centre's service area, for a period.
type Member struct {
	// Code is the municipality's CBS code, such as "GM0935".
	Code municipality.Code
	// Name is its name as the centre file writes it ("Maastricht").
	Name string
	// From is the first day on which the centre serves it, and Until the
	// last; From is date.Min() and Until date.Max() when the file gives
	// none.
	From, Until date.Date
	// Source is where the centre publishes that it serves the
	// municipality: an https URL.
	Source string
	// Note says what the source confirms; it may be empty.
	Note string
	// Unverified is set when the source does not confirm the membership
	// or the code ("verified: false" in the file).
	Unverified bool
}

// On reports whether the centre serves m on day.
func (m Member) On(day date.Date) bool { return m.From <= day && day <= m.Until }

// IsZero reports whether a is no area.
func (a ServiceArea) IsZero() bool { return len(a.Municipalities) == 0 }

// Serves returns the member of the centre's service area with code on day,
// and false when the centre does not serve that municipality on day.
func (c *Centre) Serves(code municipality.Code, day date.Date) (Member, bool) {
	for _, m := range c.ServiceArea.Municipalities {
		if m.Code == code && m.On(day) {
			return m, true
		}
	}
	return Member{}, false
}

// OnDay returns the members of the area that the centre serves on day, in
// the order of the file.
func (a ServiceArea) OnDay(day date.Date) []Member {
	var out []Member
	for _, m := range a.Municipalities {
		if m.On(day) {
			out = append(out, m)
		}
	}
	return out
}

// maxMunicipalities bounds the municipalities of a service area: the
// Netherlands has about 340.
const maxMunicipalities = 1000

// areaConfig is a service area as written.
type areaConfig struct {
	At      at
	name    val[schedule.Text]
	members []memberConfig
}

type memberConfig struct {
	At          at
	code        val[municipality.Code]
	name        val[string]
	from, until val[date.Date]
	source      val[string]
	note        val[string]
	verified    val[bool]
}

// serviceArea decodes the service_area of the file.
func (d *decoder) serviceArea(a at) areaConfig {
	ac := areaConfig{At: a}
	d.mapping(a, "areas.what.service_area", []field{
		{"name", "", func(a at) { ac.name = d.Text(a) }},
		{"municipalities", "areas.missing.municipalities", func(a at) {
			if d.LimitedList(a, m("areas.what.municipalities"), maxMunicipalities, m("areas.items.municipalities"), func(a at) {
				mc := memberConfig{At: a}
				d.mapping(a, "areas.what.municipality", []field{
					{"code", "areas.missing.code", func(a at) { mc.code = d.municipalityCode(a) }},
					{"name", "areas.missing.name", func(a at) { mc.name = d.text(a, "areas.what.name") }},
					{"from", "", func(a at) { mc.from = d.Date(a) }},
					{"until", "", func(a at) { mc.until = d.Date(a) }},
					{"source", "areas.missing.source", func(a at) {
						mc.source = d.URL(a)
						if mc.source.OK && !dated.ValidSource(mc.source.V) {
							d.Report(a, yamlfile.ExpectedText(m("errors.yaml.dated.https"), mc.source.V))
							mc.source.OK = false
						}
					}},
					{"note", "", func(a at) { mc.note = d.text(a, "areas.what.note") }},
					{"verified", "", func(a at) { mc.verified = d.Bool(a) }},
				})
				ac.members = append(ac.members, mc)
			}) && yamlfile.Len(a) == 0 {
				d.Report(a, yamlfile.Expected(m("areas.what.one_municipality"), yamlfile.EmptyList()))
			}
		}},
	})
	return ac
}

// municipalityCode decodes a CBS code: GM and four digits.
func (d *decoder) municipalityCode(a at) val[municipality.Code] {
	what := m("areas.what.code")
	v := d.Str(a, yamlfile.TextOf(what))
	if !v.OK {
		return val[municipality.Code]{At: a}
	}
	c, ok := municipality.ParseCode(v.V)
	if !ok || string(c) != v.V {
		d.Report(a, yamlfile.ExpectedText(what, v.V))
		return val[municipality.Code]{At: a}
	}
	return val[municipality.Code]{V: c, At: a, OK: true}
}

// compileArea checks the periods of the members: until not before from,
// and no code twice in periods that overlap.
func (d *decoder) compileArea(ac areaConfig) ServiceArea {
	area := ServiceArea{Name: ac.name.V}
	for _, mc := range ac.members {
		mb := Member{
			Code: mc.code.V, Name: mc.name.V, From: date.Min(), Until: date.Max(),
			Source: mc.source.V, Note: mc.note.V, Unverified: mc.verified.OK && !mc.verified.V,
		}
		if mc.from.OK {
			mb.From = mc.from.V
		}
		if mc.until.OK {
			mb.Until = mc.until.V
		}
		if !mc.code.OK || !mc.name.OK || !mc.source.OK || mc.from.At.Given() && !mc.from.OK || mc.until.At.Given() && !mc.until.OK {
			continue
		}
		if mb.Until < mb.From {
			d.Fail(mc.until.At, "errors.centre.end_before_start", map[string]any{"End": mc.until.V, "Start": mc.from.V})
			continue
		}
		if i := slices.IndexFunc(area.Municipalities, func(o Member) bool {
			return o.Code == mb.Code && o.From <= mb.Until && mb.From <= o.Until
		}); i >= 0 {
			first := ac.members[slices.IndexFunc(ac.members, func(x memberConfig) bool { return x.code.OK && x.code.V == mb.Code })]
			d.Fail(mc.code.At, "areas.error.municipality_twice", map[string]any{
				"Code": string(mb.Code), "First": first.At.Path, "Line": first.At.Line})
			continue
		}
		area.Municipalities = append(area.Municipalities, mb)
	}
	return area
}

// checkAreaOnly reports the services for residents of the service area of
// a centre that has none.
func (d *decoder) checkAreaOnly(cfgs []serviceConfig, given bool) {
	if given {
		return
	}
	for _, sc := range cfgs {
		if sc.areaOnly.OK && sc.areaOnly.V {
			d.Fail(sc.areaOnly.At, "areas.error.no_area", map[string]any{"ID": strconv.Quote(sc.id.V)})
		}
	}
}
