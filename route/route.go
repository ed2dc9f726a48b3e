// Package route is the vocabulary of residence routes: the ways to live in
// the Netherlands that package eligibility assesses ([Route]) and the
// decisions it gives for them ([Outcome]).
//
// It is a leaf, so that what names routes (a centre file's services, the
// services a centre advises to book after a check) does not link the rules
// that decide them: package centre imports route, not eligibility. The
// error of [Parse] words itself in Dutch and English (its method In, from
// loket's message tables); its Error method gives the English.
package route

import (
	"strings"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/message"
)

// A Route is a residence route: a way to live in the Netherlands that the
// rules of package eligibility assess. Its value is the route's id, as
// centre files and the JSON contract write it.
type Route string

// The routes, in the order [All] lists them.
const (
	// EUCitizen is free movement: nationals of the EU, the EEA and
	// Switzerland need no residence permit, only a registration in the
	// municipal personal records database (BRP).
	EUCitizen Route = "eu-citizen"
	// HighlySkilledMigrant is the Dutch highly skilled migrant scheme
	// (kennismigrant): an income criterion and an employer that the IND
	// recognises as a sponsor.
	HighlySkilledMigrant Route = "highly-skilled-migrant"
	// EUBlueCard is the EU Blue Card of Directive (EU) 2021/1883: a higher
	// income criterion and a contract of a minimum duration, no recognised
	// sponsor needed.
	EUBlueCard Route = "eu-blue-card"
	// Researcher is the researcher of Directive (EU) 2016/801: a research
	// organisation recognised for research and sufficient means of support,
	// but not the income criteria of a highly skilled migrant.
	Researcher Route = "researcher"
	// OrientationYear is the orientation year for highly educated persons
	// (zoekjaar hoogopgeleiden): a year to find work, within a few years
	// after completing a qualifying programme, once per programme.
	OrientationYear Route = "orientation-year"
	// FamilyMember is residence with a family member who holds a residence
	// permit as a highly skilled migrant (or on one of the other work routes
	// that let the family come along).
	FamilyMember Route = "family-member"
	// IntraCorporateTransferee is the transfer of a manager, specialist or
	// trainee employee within a group of undertakings, Directive 2014/66/EU.
	IntraCorporateTransferee Route = "intra-corporate-transferee"
)

// All returns every route: a new slice on each call, in the order in which
// an eligibility result lists them when no purpose is given.
func All() []Route {
	return []Route{EUCitizen, HighlySkilledMigrant, EUBlueCard, Researcher,
		OrientationYear, FamilyMember, IntraCorporateTransferee}
}

// Parse returns the route with the id s, or an error that lists the ids:
// `unknown route "x": want one of eu-citizen, ...`.
func Parse(s string) (Route, error) {
	for _, r := range All() {
		if string(r) == s {
			return r, nil
		}
	}
	return "", message.NewError("errors.route.unknown", map[string]any{"Route": excerpt.Quote(s), "IDs": join(All())})
}

// String returns the route's id.
func (r Route) String() string { return string(r) }

// An Outcome is the decision on one route. Its value is the outcome's id, as
// centre files and the JSON contract write it.
type Outcome string

// The outcomes, in the order [Outcomes] lists them.
const (
	// Eligible: every criterion the rules encode is met. The IND's general
	// requirements (a valid passport, no danger to public order, a
	// tuberculosis test, a diploma evaluation) are not assessed.
	Eligible Outcome = "eligible"
	// NotEligible: at least one criterion is definitely not met.
	NotEligible Outcome = "not-eligible"
	// NeedsInformation: no criterion fails, but a fact that decides one is
	// missing, or a criterion is one that loket does not assess.
	NeedsInformation Outcome = "needs-information"
)

// Outcomes returns every outcome: a new slice on each call.
func Outcomes() []Outcome { return []Outcome{Eligible, NotEligible, NeedsInformation} }

// String returns the outcome's id.
func (o Outcome) String() string { return string(o) }

// join returns the routes' ids joined with ", ".
func join(rs []Route) string {
	var b strings.Builder
	for i, id := range rs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(id))
	}
	return b.String()
}
