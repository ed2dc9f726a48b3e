package eligibility_test

import (
	"fmt"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/route"
)

// A highly skilled migrant of 31 with a recognised employer: the reasons
// say which income criterion applied and cite it.
func ExampleRules_Check() {
	rules, err := eligibility.Default()
	if err != nil {
		panic(err)
	}
	age, salary, sponsor := 31, eligibility.Money(610000), true
	res, err := rules.Check(eligibility.Facts{
		Date:               date.New(2026, 3, 1),
		Nationality:        "IN",
		Age:                &age,
		Purpose:            route.HighlySkilledMigrant,
		GrossMonthlySalary: &salary,
		RecognisedSponsor:  &sponsor,
	})
	if err != nil {
		panic(err)
	}
	hsm := res.Routes[0]
	fmt.Println(hsm.Route, hsm.Outcome)
	en := i18n.NewPrinter(language.English)
	for _, rs := range hsm.Reasons {
		fmt.Printf("%s: %s\n", rs.Code, rs.Message(en))
	}
	threshold, _ := hsm.Reasons[2].Param("threshold")
	fmt.Println(threshold.ID, threshold.Value, threshold.From)
	fmt.Println(threshold.Source)
	// Output:
	// highly-skilled-migrant eligible
	// sponsor-recognised: The employer is recognised by the IND as a sponsor.
	// threshold-30-plus: You are 31 on the reference date: the income criterion for applicants aged 30 or over applies.
	// salary-meets-threshold: The gross monthly salary of €6,100 meets the income criterion of €5,942.
	// income.highly-skilled-migrant.30-plus 5942 2026-01-01
	// https://ind.nl/en/required-amounts-income-requirements
}

// A missing fact that decides the outcome is named; one that could not
// change it is not asked for.
func ExampleRules_Check_needsInformation() {
	rules, err := eligibility.Default()
	if err != nil {
		panic(err)
	}
	facts, err := eligibility.ParseFacts([]byte(`{"date": "2026-03-01", "nationality": "IN",
		"purpose": "eu-blue-card", "gross_monthly_salary": 5000, "contract_months": 12}`))
	if err != nil {
		panic(err)
	}
	res, err := rules.Check(facts)
	if err != nil {
		panic(err)
	}
	bc := res.Routes[0]
	nl := i18n.NewPrinter(language.Dutch)
	fmt.Println(bc.Outcome, bc.Missing)
	fmt.Println(bc.Reasons[len(bc.Reasons)-1].Message(nl))
	// Output:
	// needs-information [graduated_on]
	// Of een brutomaandsalaris van € 5.000 genoeg is, hangt af van welk salariscriterium geldt: geef de datum van afstuderen (graduated_on).
}

// The reduced income criterion for recent graduates needs a programme that
// qualifies for an orientation year: a foreign bachelor's degree does not.
// A researcher is never eligible here, as loket does not assess the means
// of support.
func ExampleRules_Check_degree() {
	rules, err := eligibility.Default()
	if err != nil {
		panic(err)
	}
	facts, err := eligibility.ParseFacts([]byte(`{"date": "2026-03-01", "nationality": "IN", "age": 25,
		"gross_monthly_salary": 3200, "recognised_sponsor": true, "graduated_on": "2025-07-01",
		"degree": "foreign-bachelor", "orientation_year_permit": false,
		"research_organisation_recognised": true}`))
	if err != nil {
		panic(err)
	}
	res, err := rules.Check(facts)
	if err != nil {
		panic(err)
	}
	en := i18n.NewPrinter(language.English)
	hsm, _ := res.Route(route.HighlySkilledMigrant)
	fmt.Println(hsm.Outcome, hsm.Reasons[1].Code)
	fmt.Println(hsm.Reasons[len(hsm.Reasons)-1].Message(en))
	researcher, _ := res.Route(route.Researcher)
	fmt.Println(researcher.Outcome, researcher.Missing)
	fmt.Println(researcher.Reasons[len(researcher.Reasons)-1].Message(en))
	// Output:
	// not-eligible degree-not-qualifying
	// The gross monthly salary of €3,200 is below the income criterion of €4,357.
	// needs-information []
	// A researcher must still have sufficient means of support (Directive (EU) 2016/801, Article 7). loket does not assess them, so it never says that this route is open to you: the IND decides on the research organisation's application.
}

// Errors in the JSON facts name the line, the column and the field.
func ExampleParseFacts() {
	_, err := eligibility.ParseFacts([]byte(`{"date": "2026-03-01",
  "nationality": "UK"}`))
	fmt.Println(err)
	// Output:
	// 2:18: nationality: "UK" is not an ISO 3166-1 alpha-2 country code; did you mean "GB"?
}

// The value of a legal parameter on a date, with its source.
func ExampleRules_Param() {
	rules, err := eligibility.Default()
	if err != nil {
		panic(err)
	}
	for _, d := range []date.Date{date.New(2024, 6, 11), date.New(2024, 6, 12), date.New(2026, 1, 1)} {
		p, _ := rules.Param("income.eu-blue-card", d)
		fmt.Println(d, p.Value, p.From)
	}
	_, ok := rules.Param("income.eu-blue-card.reduced", date.New(2024, 6, 11))
	fmt.Println("reduced Blue Card criterion on 2024-06-11:", ok)
	// Output:
	// 2024-06-11 6245 2024-01-01
	// 2024-06-12 5331 2024-06-12
	// 2026-01-01 5942 2026-01-01
	// reduced Blue Card criterion on 2024-06-11: false
}
