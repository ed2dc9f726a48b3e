package eligibility

import (
	"slices"
	"testing"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	"github.com/expatcentre/loket/route"
)

func TestPurposeFirst(t *testing.T) {
	rules := mustDefault(t)
	f := Facts{Date: date.New(2026, 3, 1), Nationality: "IN"}
	res, err := rules.Check(f)
	if err != nil {
		t.Fatal(err)
	}
	var got []route.Route
	for _, rr := range res.Routes {
		got = append(got, rr.Route)
	}
	if !slices.Equal(got, route.All()) {
		t.Errorf("without a purpose: %v, want %v", got, route.All())
	}
	for _, purpose := range route.All() {
		f.Purpose = purpose
		res, err := rules.Check(f)
		if err != nil {
			t.Fatal(err)
		}
		got = got[:0]
		for _, rr := range res.Routes {
			got = append(got, rr.Route)
		}
		want := append([]route.Route{purpose}, slices.DeleteFunc(route.All(), func(r route.Route) bool { return r == purpose })...)
		if !slices.Equal(got, want) {
			t.Errorf("purpose %s: %v, want %v", purpose, got, want)
		}
		rr, err := rules.CheckRoute(f, purpose)
		if err != nil || rr.Route != purpose || rr.Outcome != res.Routes[0].Outcome {
			t.Errorf("CheckRoute(%s) = %+v, %v", purpose, rr, err)
		}
	}
	if _, err := rules.CheckRoute(f, "kennismigrant"); err == nil {
		t.Error("CheckRoute of an unknown route succeeded")
	}
}

// genFacts generates valid facts on dates the rules answer for, with any
// fact but the date and the nationality possibly unknown.
func genFacts(t *rapid.T) Facts {
	return genFactsOn(t, date.New(2024, 1, 1)+date.Date(rapid.IntRange(0, 4*366).Draw(t, "day")))
}

// genFactsOn is genFacts on the date d.
func genFactsOn(t *rapid.T, d date.Date) Facts {
	f := Facts{Date: d, Nationality: rapid.SampledFrom([]string{"IN", "US", "CN", "GB", "DE", "CH", "NO", "NL"}).Draw(t, "nationality")}
	switch rapid.IntRange(0, 2).Draw(t, "age kind") {
	case 1:
		b := d - date.Date(rapid.IntRange(18*365, 60*365).Draw(t, "age days"))
		f.BirthDate = &b
	case 2:
		a := rapid.IntRange(18, 60).Draw(t, "age")
		f.Age = &a
	}
	f.GrossMonthlySalary = rapid.Ptr(rapid.Custom(func(t *rapid.T) Money {
		return Money(rapid.Int64Range(0, 800000).Draw(t, "cents"))
	}), true).Draw(t, "salary")
	f.RecognisedSponsor = rapid.Ptr(rapid.Bool(), true).Draw(t, "sponsor")
	if rapid.Bool().Draw(t, "graduated") {
		g := d - date.Date(rapid.IntRange(0, 2000).Draw(t, "days since graduation"))
		f.GraduatedOn = &g
	}
	f.Degree = rapid.SampledFrom(append([]Degree{""}, Degrees()...)).Draw(t, "degree")
	f.OrientationYearPermit = rapid.Ptr(rapid.Bool(), true).Draw(t, "orientation year permit")
	f.OrientationYearUsed = rapid.Ptr(rapid.Bool(), true).Draw(t, "orientation year used")
	f.ResearchOrganisationRecognised = rapid.Ptr(rapid.Bool(), true).Draw(t, "research organisation")
	f.ContractMonths = rapid.Ptr(rapid.IntRange(1, 48), true).Draw(t, "contract")
	f.FamilyOf = rapid.SampledFrom([]route.Route{"", route.EUCitizen, route.HighlySkilledMigrant, route.EUBlueCard, route.Researcher, route.OrientationYear, route.IntraCorporateTransferee}).Draw(t, "family of")
	f.ICTRole = rapid.SampledFrom([]ICTRole{"", Manager, Specialist, Trainee}).Draw(t, "role")
	f.GroupEmploymentMonths = rapid.Ptr(rapid.IntRange(0, 24), true).Draw(t, "group months")
	return f
}

// rank orders the outcomes from worst to best.
func rank(o route.Outcome) int {
	return map[route.Outcome]int{route.NotEligible: 0, route.NeedsInformation: 1, route.Eligible: 2}[o]
}

// TestPropertySalaryMonotone: raising the salary never makes any route's
// outcome worse; in particular it never turns eligible into not-eligible.
func TestPropertySalaryMonotone(t *testing.T) {
	rules := mustDefault(t)
	rapid.Check(t, func(t *rapid.T) {
		f := genFacts(t)
		low := Money(rapid.Int64Range(0, 800000).Draw(t, "low"))
		high := low + Money(rapid.Int64Range(0, 400000).Draw(t, "raise"))
		f.GrossMonthlySalary = &low
		before, err := rules.Check(f)
		if err != nil {
			t.Fatal(err)
		}
		f.GrossMonthlySalary = &high
		after, err := rules.Check(f)
		if err != nil {
			t.Fatal(err)
		}
		for i := range before.Routes {
			if rank(after.Routes[i].Outcome) < rank(before.Routes[i].Outcome) {
				t.Fatalf("%s: %s at %s, %s at %s", before.Routes[i].Route, before.Routes[i].Outcome, low, after.Routes[i].Outcome, high)
			}
		}
	})
}

// TestPropertyMissingFacts: a route needs information exactly when it names
// missing facts or a criterion that loket does not assess, those facts are
// unknown, and giving a missing fact never changes an outcome that was
// already decided.
func TestPropertyMissingFacts(t *testing.T) {
	rules := mustDefault(t)
	rapid.Check(t, func(t *rapid.T) {
		f := genFacts(t)
		before, err := rules.Check(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, rr := range before.Routes {
			notAssessed := false
			for _, rs := range rr.Reasons {
				notAssessed = notAssessed || rs.Effect == NotAssessed
			}
			if (rr.Outcome == route.NeedsInformation) != (len(rr.Missing) > 0 || notAssessed && rr.Outcome != route.NotEligible) {
				t.Fatalf("%s: outcome %s with missing %v, not assessed %v", rr.Route, rr.Outcome, rr.Missing, notAssessed)
			}
			if rr.Outcome == route.Eligible && notAssessed {
				t.Fatalf("%s: eligible although a criterion is not assessed", rr.Route)
			}
			for _, m := range rr.Missing {
				if known(f, m) {
					t.Fatalf("%s: asks for %s, which is known", rr.Route, m)
				}
			}
			// Another route applies instead exactly when free movement
			// decides that this one does not.
			freeMovement := rr.Outcome == route.NotEligible && firstFailed(rr) == codeFreeMovement
			if (rr.Instead == route.EUCitizen) != freeMovement || (rr.Instead != "" && rr.Instead != route.EUCitizen) {
				t.Fatalf("%s: instead %q, free movement decisive %v", rr.Route, rr.Instead, freeMovement)
			}
		}
		g := genFactsOn(t, f.Date)
		filled := fillOne(t, f, g)
		after, err := rules.Check(filled)
		if err != nil {
			t.Fatal(err)
		}
		for i, rr := range before.Routes {
			if rr.Outcome != route.NeedsInformation && after.Routes[i].Outcome != rr.Outcome {
				t.Fatalf("%s: %s became %s when a missing fact was given", rr.Route, rr.Outcome, after.Routes[i].Outcome)
			}
		}
	})
}

// known reports whether the fact with the JSON name is known in f.
func known(f Facts, name string) bool {
	switch name {
	case "birth_date":
		return f.BirthDate != nil || f.Age != nil
	case "gross_monthly_salary":
		return f.GrossMonthlySalary != nil
	case "recognised_sponsor":
		return f.RecognisedSponsor != nil
	case "graduated_on":
		return f.GraduatedOn != nil
	case "degree":
		return f.Degree != ""
	case "orientation_year_permit":
		return f.OrientationYearPermit != nil
	case "orientation_year_used":
		return f.OrientationYearUsed != nil
	case "research_organisation_recognised":
		return f.ResearchOrganisationRecognised != nil
	case "contract_months":
		return f.ContractMonths != nil
	case "family_of":
		return f.FamilyOf != ""
	case "ict_role":
		return f.ICTRole != ""
	case "group_employment_months":
		return f.GroupEmploymentMonths != nil
	}
	return true
}

// fillOne returns f with one unknown fact taken from g, if g knows it.
func fillOne(t *rapid.T, f, g Facts) Facts {
	switch rapid.IntRange(0, 11).Draw(t, "fact to fill") {
	case 0:
		if f.BirthDate == nil && f.Age == nil {
			f.BirthDate, f.Age = g.BirthDate, g.Age
		}
	case 1:
		if f.GrossMonthlySalary == nil {
			f.GrossMonthlySalary = g.GrossMonthlySalary
		}
	case 2:
		if f.RecognisedSponsor == nil {
			f.RecognisedSponsor = g.RecognisedSponsor
		}
	case 3:
		if f.GraduatedOn == nil {
			f.GraduatedOn = g.GraduatedOn
		}
	case 4:
		if f.ContractMonths == nil {
			f.ContractMonths = g.ContractMonths
		}
	case 5:
		if f.FamilyOf == "" {
			f.FamilyOf = g.FamilyOf
		}
	case 6:
		if f.ICTRole == "" {
			f.ICTRole = g.ICTRole
		}
	case 7:
		if f.GroupEmploymentMonths == nil {
			f.GroupEmploymentMonths = g.GroupEmploymentMonths
		}
	case 8:
		if f.Degree == "" {
			f.Degree = g.Degree
		}
	case 9:
		if f.OrientationYearPermit == nil {
			f.OrientationYearPermit = g.OrientationYearPermit
		}
	case 10:
		if f.OrientationYearUsed == nil {
			f.OrientationYearUsed = g.OrientationYearUsed
		}
	case 11:
		if f.ResearchOrganisationRecognised == nil {
			f.ResearchOrganisationRecognised = g.ResearchOrganisationRecognised
		}
	}
	return f
}

// BenchmarkCheck is one eligibility check of the JSON contract's example:
// every route, with reasons and services.
func BenchmarkCheck(b *testing.B) {
	rules := mustDefault(b)
	f, err := ParseFacts([]byte(contractExample))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rules.Check(f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckRoute is the check of the one route asked about.
func BenchmarkCheckRoute(b *testing.B) {
	rules := mustDefault(b)
	f, err := ParseFacts([]byte(contractExample))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rules.CheckRoute(f, route.HighlySkilledMigrant); err != nil {
			b.Fatal(err)
		}
	}
}

// firstFailed returns the code of the first reason that failed, or "".
func firstFailed(rr RouteResult) string {
	for _, rs := range rr.Reasons {
		if rs.Effect == Failed {
			return rs.Code
		}
	}
	return ""
}
