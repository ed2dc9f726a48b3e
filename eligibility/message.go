package eligibility

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/route"
)

// MessageID returns the id of the reason's message in the i18n bundle:
// "eligibility." + Code.
func (rs Reason) MessageID() string { return "eligibility." + rs.Code }

// Message returns the reason as a sentence in the printer's language, with
// amounts, dates, routes and facts written for people: "€ 5.942" in Dutch,
// "€5,942" in English.
func (rs Reason) Message(p *i18n.Printer) string {
	data := rs.TemplateData()
	for k, v := range data {
		data[k] = localize(p, v)
	}
	if len(rs.Missing) > 0 {
		data["missing"] = FactList(p, rs.Missing)
	}
	for _, a := range rs.Args {
		if n, ok := a.Value.(int); ok {
			data["Count"] = n // plural messages count months
			break
		}
	}
	return p.T(rs.MessageID(), data)
}

// localize writes one template value in the printer's language.
func localize(p *i18n.Printer, v any) any {
	switch v := v.(type) {
	case Money:
		return FormatMoney(v, p.Lang())
	case date.Date:
		y, m, d := v.Date()
		return fmt.Sprintf("%d %s %d", d, p.Month(m), y) // "1 juli 2028", "1 July 2028"
	case route.Route:
		return p.T("eligibility.holder."+string(v), nil) // "a highly skilled migrant"
	case Degree:
		return p.T("eligibility.degree."+string(v), nil) // "a Dutch master's degree"
	}
	return v
}

// RouteName returns the name of the route in the printer's language:
// "kennismigrant", "highly skilled migrant".
func RouteName(p *i18n.Printer, r route.Route) string {
	return p.T("eligibility.route."+string(r), nil)
}

// OutcomeName returns the outcome in the printer's language: "komt in
// aanmerking", "eligible".
func OutcomeName(p *i18n.Printer, o route.Outcome) string {
	return p.T("eligibility.outcome."+string(o), nil)
}

// FactList names the facts (by JSON name) in the printer's language, each
// followed by its JSON name: "the date of birth (birth_date) and the gross
// monthly salary (gross_monthly_salary)".
func FactList(p *i18n.Printer, facts []string) string {
	names := make([]string, len(facts))
	for i, f := range facts {
		names[i] = p.T("eligibility.fact."+f, nil) + " (" + f + ")"
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + p.T("eligibility.and", nil) + " " + names[len(names)-1]
}

// FormatMoney writes an amount the way people read it in the language:
// Dutch "€ 5.942" and "€ 6.100,50", English "€5,942" and "€6,100.50".
// Whole amounts have no decimals.
func FormatMoney(m Money, lang language.Tag) string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	group, decimal, prefix := ",", ".", "€"
	if base, _ := lang.Base(); base.String() == "nl" {
		group, decimal, prefix = ".", ",", "€ "
	}
	euros := strconv.FormatInt(int64(m/100), 10)
	var b strings.Builder
	b.WriteString(sign)
	b.WriteString(prefix)
	for i, c := range euros {
		if i > 0 && (len(euros)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if cents := m % 100; cents != 0 {
		fmt.Fprintf(&b, "%s%02d", decimal, cents)
	}
	return b.String()
}

// jsonResult is a Result in the JSON contract.
type jsonResult struct {
	Date     string      `json:"date"`
	Outdated bool        `json:"outdated,omitempty"`
	Routes   []jsonRoute `json:"routes"`
}

type jsonRoute struct {
	Route    route.Route   `json:"route"`
	Outcome  route.Outcome `json:"outcome"`
	Reasons  []jsonReason  `json:"reasons"`
	Missing  []string      `json:"missing,omitempty"`
	Services []string      `json:"services"`
}

type jsonReason struct {
	Code    string             `json:"code"`
	Message string             `json:"message"`
	Params  map[string]float64 `json:"params"`
}

// Contract returns the result as the value that "loket check --format
// json" and the widget print, with messages in the printer's language and,
// under "services", the ids of the services to book next that next gives
// for each route's result (such as a centre's services.Catalogue.BookNext
// gives them; nil lists none):
//
//	{"date": "2026-03-01", "routes": [{"route": "highly-skilled-migrant",
//	  "outcome": "eligible", "reasons": [{"code": "salary-meets-threshold",
//	  "message": "...", "params": {"threshold": 5942}}],
//	  "services": ["ind-biometrics"]}]}
//
// "outdated": true follows the date only when [Result.Outdated] is set, and
// a route has "missing" (the JSON names of the facts asked for) only when
// its outcome is needs-information; a needs-information route without
// "missing" is one whose criterion loket does not assess (the reason
// means-not-assessed of a researcher). "params" maps each parameter's name to
// its value in its unit (euros, years, months); it is {} for a reason that
// uses none. Marshal the value with encoding/json.
func (res Result) Contract(p *i18n.Printer, next func(RouteResult) []string) any {
	out := jsonResult{Date: res.Date.String(), Outdated: res.Outdated, Routes: make([]jsonRoute, len(res.Routes))}
	for i, rr := range res.Routes {
		jr := jsonRoute{Route: rr.Route, Outcome: rr.Outcome, Reasons: make([]jsonReason, len(rr.Reasons)),
			Missing: rr.Missing, Services: []string{}}
		if next != nil {
			jr.Services = append(jr.Services, next(rr)...)
		}
		for j, rs := range rr.Reasons {
			ps := make(map[string]float64, len(rs.Params))
			for _, q := range rs.Params {
				ps[q.Name] = q.Value
			}
			jr.Reasons[j] = jsonReason{Code: rs.Code, Message: rs.Message(p), Params: ps}
		}
		out.Routes[i] = jr
	}
	return out
}

// MarshalJSON writes the facts in the JSON contract that [ParseFacts]
// reads, leaving out unknown facts.
func (f Facts) MarshalJSON() ([]byte, error) {
	type out struct {
		Date                  string      `json:"date"`
		Nationality           string      `json:"nationality"`
		BirthDate             string      `json:"birth_date,omitempty"`
		Age                   *int        `json:"age,omitempty"`
		Purpose               route.Route `json:"purpose,omitempty"`
		GrossMonthlySalary    *float64    `json:"gross_monthly_salary,omitempty"`
		RecognisedSponsor     *bool       `json:"recognised_sponsor,omitempty"`
		GraduatedOn           string      `json:"graduated_on,omitempty"`
		Degree                Degree      `json:"degree,omitempty"`
		OrientationYearPermit *bool       `json:"orientation_year_permit,omitempty"`
		OrientationYearUsed   *bool       `json:"orientation_year_used,omitempty"`
		ResearchOrgRecognised *bool       `json:"research_organisation_recognised,omitempty"`
		ContractMonths        *int        `json:"contract_months,omitempty"`
		FamilyOf              route.Route `json:"family_of,omitempty"`
		ICTRole               ICTRole     `json:"ict_role,omitempty"`
		GroupEmploymentMonths *int        `json:"group_employment_months,omitempty"`
	}
	o := out{Date: f.Date.String(), Nationality: f.Nationality, Age: f.Age, Purpose: f.Purpose,
		RecognisedSponsor: f.RecognisedSponsor, Degree: f.Degree, OrientationYearPermit: f.OrientationYearPermit,
		OrientationYearUsed: f.OrientationYearUsed, ResearchOrgRecognised: f.ResearchOrganisationRecognised,
		ContractMonths: f.ContractMonths, FamilyOf: f.FamilyOf,
		ICTRole: f.ICTRole, GroupEmploymentMonths: f.GroupEmploymentMonths}
	if f.BirthDate != nil {
		o.BirthDate = f.BirthDate.String()
	}
	if f.GraduatedOn != nil {
		o.GraduatedOn = f.GraduatedOn.String()
	}
	if f.GrossMonthlySalary != nil {
		e := f.GrossMonthlySalary.Euros()
		o.GrossMonthlySalary = &e
	}
	return json.Marshal(o)
}

// UnmarshalJSON reads facts with [ParseFacts].
func (f *Facts) UnmarshalJSON(data []byte) error {
	g, err := ParseFacts(data)
	if err != nil {
		return err
	}
	*f = g
	return nil
}
