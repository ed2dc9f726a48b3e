package eligibility

import (
	"fmt"
	"strings"

	"github.com/expatcentre/loket/internal/excerpt"
)

// A Route is a residence route: a way to live in the Netherlands that the
// rules assess. Its value is the route's id in the JSON contract.
type Route string

// The routes, in the order a [Result] lists them when no purpose is given.
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
	// of this package that let the family come along).
	FamilyMember Route = "family-member"
	// IntraCorporateTransferee is the transfer of a manager, specialist or
	// trainee employee within a group of undertakings, Directive 2014/66/EU.
	IntraCorporateTransferee Route = "intra-corporate-transferee"
)

// Routes returns every route, in the order a [Result] lists them when no
// purpose is given.
func Routes() []Route {
	return []Route{EUCitizen, HighlySkilledMigrant, EUBlueCard, Researcher,
		OrientationYear, FamilyMember, IntraCorporateTransferee}
}

// ParseRoute returns the route with the id s, or an error that lists the
// ids.
func ParseRoute(s string) (Route, error) {
	for _, r := range Routes() {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown route %s: want one of %s", excerpt.Quote(s), routeList(Routes()))
}

func routeList(rs []Route) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(r))
	}
	return b.String()
}

// String returns the route's id.
func (r Route) String() string { return string(r) }

// An Outcome is the decision for one route.
type Outcome string

// The outcomes.
const (
	// Eligible: every criterion the rules encode is met. The IND's general
	// requirements (a valid passport, no danger to public order, a
	// tuberculosis test, a diploma evaluation) are not assessed.
	Eligible Outcome = "eligible"
	// NotEligible: at least one criterion is definitely not met.
	NotEligible Outcome = "not-eligible"
	// NeedsInformation: no criterion fails, but a fact that decides one is
	// missing ([RouteResult.Missing] names it), or a criterion is one that
	// loket does not assess (a reason with the effect [NotAssessed]).
	NeedsInformation Outcome = "needs-information"
)

// String returns the outcome's id.
func (o Outcome) String() string { return string(o) }

// An Effect says what a [Reason] did to its route's outcome.
type Effect string

// The effects.
const (
	// Met: the reason is a criterion that is met.
	Met Effect = "met"
	// Failed: the reason is a criterion that is not met; the route is
	// not-eligible.
	Failed Effect = "failed"
	// Unknown: the reason is a criterion that a missing fact decides.
	Unknown Effect = "unknown"
	// Info: the reason explains which rule applies (a threshold, an
	// exemption) without deciding anything itself.
	Info Effect = "info"
	// NotAssessed: the reason is a criterion that loket does not assess,
	// such as a researcher's means of support: no fact decides it, and the
	// route needs information (from the IND) however the facts are.
	NotAssessed Effect = "not-assessed"
)
