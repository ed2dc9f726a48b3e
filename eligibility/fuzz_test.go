package eligibility_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/i18n"
)

// FuzzCheck feeds arbitrary JSON to ParseFacts and, when it is accepted,
// checks every route and renders the result in both languages: nothing may
// panic, a refusal must be a *FactsError naming a field or position with a
// message of bounded length, and an accepted fact set must either check or
// be refused for its date.
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		`{"date": "2026-03-01", "nationality": "IN", "birth_date": "1994-05-10", "purpose": "highly-skilled-migrant", "gross_monthly_salary": 6100.00, "recognised_sponsor": true, "graduated_on": "2025-07-01", "contract_months": 24}`,
		`{"date": "2026-03-01", "nationality": "DE"}`,
		`{"date": "2023-12-31", "nationality": "US", "age": 29}`,
		`{"date": "2027-06-01", "nationality": "BR", "purpose": "family-member", "family_of": "eu-blue-card"}`,
		`{"date": "2026-03-01", "nationality": "IN", "purpose": "intra-corporate-transferee", "ict_role": "trainee", "group_employment_months": 2, "contract_months": 13, "gross_monthly_salary": -1}`,
		`{"date": 1}`, `[]`, `{`, `null`,
		// Hostile input: deep nesting, huge values, a byte-order mark,
		// invalid UTF-8, a text over MaxFactsSize.
		`{"date": "2026-03-01", "nationality": "IN", "age": ` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}`,
		strings.Repeat(`{"a":`, 3000),
		`{"date": "2026-03-01", "nationality": "` + strings.Repeat("N", 5000) + `"}`,
		`{"date": "2026-03-01", "nationality": "IN", "gross_monthly_salary": ` + strings.Repeat("9", 5000) + `}`,
		`{"date": "2026-03-01", "nationality": "IN", "` + strings.Repeat("k", 5000) + `": 1}`,
		"\uFEFF" + `{"date": "2026-03-01", "nationality": "IN"}`,
		`{"date": "2026-03-01", "nationality": "I` + "\xff" + `"}`,
		`{"date": "2026-03-01", "nationality": "IN"}` + strings.Repeat(" ", eligibility.MaxFactsSize),
	} {
		f.Add([]byte(seed))
	}
	rules, err := eligibility.Default()
	if err != nil {
		f.Fatal(err)
	}
	nl, en := i18n.NewPrinter(language.Dutch), i18n.NewPrinter(language.English)
	f.Fuzz(func(t *testing.T, data []byte) {
		facts, err := eligibility.ParseFacts(data)
		if err != nil {
			var fe *eligibility.FactsError
			if !errors.As(err, &fe) {
				t.Fatalf("ParseFacts(%q) = %v, want a *FactsError", data, err)
			}
			// A message quotes at most 80 characters of a value.
			if n := len(err.Error()); n > 1200 {
				t.Fatalf("ParseFacts(%.100q): a message of %d bytes: %.300s", data, n, err)
			}
			return
		}
		res, err := rules.Check(facts)
		if err != nil {
			return // a date before the earliest parameter
		}
		for _, p := range []*i18n.Printer{nl, en} {
			if _, err := json.Marshal(res.Contract(p, nil)); err != nil {
				t.Fatalf("Contract of %q: %v", data, err)
			}
			for _, rr := range res.Routes {
				for _, rs := range rr.Reasons {
					if rs.Message(p) == "" {
						t.Fatalf("%q: reason %s has no message", data, rs.Code)
					}
				}
			}
		}
	})
}
