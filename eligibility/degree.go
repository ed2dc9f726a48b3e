package eligibility

import (
	"slices"
	"strings"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/message"
)

// A Degree is the completed programme (or research) that a person names
// for the orientation year (zoekjaar hoogopgeleiden) and the reduced
// income criterion of a highly skilled migrant. Its value is its id in the
// JSON contract, the fact "degree".
//
// The qualifying degrees are the IND's own categories for the orientation
// year (https://ind.nl/nl/verblijfsvergunningen/werken/verblijfsvergunning-zoekjaar-hoogopgeleiden,
// in English https://ind.nl/en/work/working_in_the_netherlands/pages/looking-for-a-job-after-study-promotion-or-research.aspx;
// the groups of WBV 2015/20, Stcrt. 2015, 46072). The reduced criterion
// for recent graduates needs the same degrees: someone who meets the
// conditions of the orientation year, article 1d of the Besluit uitvoering
// Wet arbeid vreemdelingen. A degree that does not qualify is
// [ForeignBachelor] or [OtherDegree].
type Degree string

// The degrees, in the order of [Degrees].
const (
	// DutchBachelor is an accredited Dutch bachelor's degree (hbo or wo).
	DutchBachelor Degree = "dutch-bachelor"
	// DutchMaster is an accredited Dutch master's degree.
	DutchMaster Degree = "dutch-master"
	// DutchDoctorate is a doctorate (PhD) obtained in the Netherlands.
	DutchDoctorate Degree = "dutch-phd"
	// DutchPostdoctoral is a Dutch post-doctoral programme of at least
	// one academic year.
	DutchPostdoctoral Degree = "dutch-postdoctoral"
	// ErasmusMundusMaster is a master's degree in an Erasmus Mundus
	// programme.
	ErasmusMundusMaster Degree = "erasmus-mundus-master"
	// ForeignTop200 is a master's degree, a doctorate or a post-doctoral
	// programme at a foreign institution that the IND designates: one in
	// the top 200 of a general ranking (Times Higher Education, QS or
	// ShanghaiRanking). Which edition of the rankings counts is the IND's
	// to say; loket takes the fact as given.
	ForeignTop200 Degree = "foreign-top-200"
	// CulturalPolicyProgramme is a programme under the Wet op het
	// specifiek cultuurbeleid.
	CulturalPolicyProgramme Degree = "cultural-policy-programme"
	// DevelopmentCooperationProgramme is a programme under the Dutch
	// development cooperation policy.
	DevelopmentCooperationProgramme Degree = "development-cooperation-programme"
	// ScientificResearch is scientific research in the Netherlands, on a
	// residence permit as a researcher under Directive (EU) 2016/801 or as
	// a highly skilled migrant; its date is the day the research ended.
	ScientificResearch Degree = "scientific-research"
	// ForeignBachelor is a bachelor's degree from a foreign institution:
	// it does not qualify.
	ForeignBachelor Degree = "foreign-bachelor"
	// OtherDegree is any other programme, such as a master's degree or a
	// doctorate from a foreign institution outside the designated top 200:
	// it does not qualify.
	OtherDegree Degree = "other"
)

// Degrees returns every degree, the qualifying ones first.
func Degrees() []Degree {
	return []Degree{DutchBachelor, DutchMaster, DutchDoctorate, DutchPostdoctoral, ErasmusMundusMaster,
		ForeignTop200, CulturalPolicyProgramme, DevelopmentCooperationProgramme, ScientificResearch,
		ForeignBachelor, OtherDegree}
}

// Qualifies reports whether the degree qualifies for the orientation year
// and the reduced income criterion of a highly skilled migrant.
func (d Degree) Qualifies() bool {
	switch d {
	case DutchBachelor, DutchMaster, DutchDoctorate, DutchPostdoctoral, ErasmusMundusMaster,
		ForeignTop200, CulturalPolicyProgramme, DevelopmentCooperationProgramme, ScientificResearch:
		return true
	}
	return false
}

// String returns the degree's id.
func (d Degree) String() string { return string(d) }

// ParseDegree returns the degree with the id s, or an error that lists the
// ids.
func ParseDegree(s string) (Degree, error) {
	if slices.Contains(Degrees(), Degree(s)) {
		return Degree(s), nil
	}
	ids := make([]string, len(Degrees()))
	for i, d := range Degrees() {
		ids[i] = string(d)
	}
	return "", message.NewError("errors.facts.unknown_degree", map[string]any{"Degree": excerpt.Quote(s), "IDs": strings.Join(ids, ", ")})
}
