package eligibility

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/route"
)

const contractExample = `{"date": "2026-03-01", "nationality": "IN", "birth_date": "1994-05-10",
 "purpose": "highly-skilled-migrant", "gross_monthly_salary": 6100.00,
 "recognised_sponsor": true, "graduated_on": "2025-07-01", "degree": "dutch-master", "contract_months": 24}`

func TestParseFactsContractExample(t *testing.T) {
	f, err := ParseFacts([]byte(contractExample))
	if err != nil {
		t.Fatal(err)
	}
	if f.Date != date.New(2026, 3, 1) || f.Nationality != "IN" || *f.BirthDate != date.New(1994, 5, 10) ||
		f.Purpose != route.HighlySkilledMigrant || *f.GrossMonthlySalary != 610000 || !*f.RecognisedSponsor ||
		*f.GraduatedOn != date.New(2025, 7, 1) || f.Degree != DutchMaster || *f.ContractMonths != 24 || f.Age != nil || f.FamilyOf != "" ||
		f.OrientationYearPermit != nil || f.OrientationYearUsed != nil || f.ResearchOrganisationRecognised != nil {
		t.Errorf("ParseFacts(example) = %+v", f)
	}
	// MarshalJSON writes what ParseFacts reads.
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"date":"2026-03-01","nationality":"IN","birth_date":"1994-05-10","purpose":"highly-skilled-migrant","gross_monthly_salary":6100,"recognised_sponsor":true,"graduated_on":"2025-07-01","degree":"dutch-master","contract_months":24}`
	if string(b) != want {
		t.Errorf("json.Marshal = %s\nwant %s", b, want)
	}
	var g Facts
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(g)
	if string(b2) != string(b) {
		t.Errorf("round trip = %s, want %s", b2, b)
	}
}

func TestParseFactsOptional(t *testing.T) {
	f, err := ParseFacts([]byte(`{"date":"2026-03-01","nationality":"in","age":null,"purpose":null,
		"family_of":"eu-blue-card","ict_role":"trainee","group_employment_months":0,"gross_monthly_salary":0.5}`))
	if err != nil {
		t.Fatal(err)
	}
	if f.Nationality != "IN" || f.Age != nil || f.Purpose != "" || f.FamilyOf != route.EUBlueCard || f.ICTRole != Trainee ||
		*f.GroupEmploymentMonths != 0 || *f.GrossMonthlySalary != 50 {
		t.Errorf("ParseFacts = %+v", f)
	}
}

// TestParseFactsErrors checks that bad JSON is refused with the line and
// column and the field.
func TestParseFactsErrors(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{``, "1:1: malformed JSON: unexpected end of input"},
		{`[1]`, "1:1: want a JSON object of facts"},
		{`{"date": "2026-03-01", "nationality": "IN",}`, "1:44: malformed JSON: invalid character '}' looking for beginning of object key string"},
		{"{\"date\": \"2026-03-01\",\n \"nationality\": \"IN\"\n \"age\": 3}", "3:2: malformed JSON: invalid character '\"' after object key:value pair"},
		{`{"date": "2026-03-01", "nationality": "IN"`, "1:43: malformed JSON: unexpected end of input"},
		{`{"date": "2026-03-01", "nationality": "IN"} {}`, "1:45: unexpected data after the object of facts"},
		{"{\"date\": \"2026-03-01\",\n  \"nationality\": \"IN\",\n  \"salary\": 5000}", `3:3: unknown field "salary": want one of date, nationality, birth_date, age, purpose, gross_monthly_salary, recognised_sponsor, graduated_on, degree, orientation_year_permit, orientation_year_used, research_organisation_recognised, contract_months, family_of, ict_role, group_employment_months, municipality`},
		{`{"date": "2026-03-01", "nationality": "IN", "nationality": "IN"}`, "1:45: nationality: given twice"},
		{`{"nationality": "IN"}`, "date: required"},
		{`{"date": "2026-03-01"}`, "nationality: required"},
		{`{"date": null, "nationality": "IN"}`, "1:10: date: required, got null"},
		{`{"date": "2026-02-30", "nationality": "IN"}`, `1:10: date: want a date YYYY-MM-DD, got "2026-02-30"`},
		// The zero date is a date, not "no date" (issue 7), and the range is
		// that of every command: the years of the holiday calendar.
		{`{"date": "0001-01-01", "nationality": "IN"}`, `1:10: date: 0001-01-01 is outside the days loket answers for, 1900-01-01 to 2199-12-31`},
		{`{"date": "2200-01-01", "nationality": "IN"}`, `1:10: date: 2200-01-01 is outside the days loket answers for, 1900-01-01 to 2199-12-31`},
		{`{"date": "1899-12-31", "nationality": "IN"}`, `1:10: date: 1899-12-31 is outside the days loket answers for, 1900-01-01 to 2199-12-31`},
		{`{"date": "1 March 2026", "nationality": "IN"}`, `1:10: date: want a date YYYY-MM-DD, got "1 March 2026"`},
		{`{"date": 20260301, "nationality": "IN"}`, "1:10: date: want a date YYYY-MM-DD as a string, got 20260301"},
		{`{"date": "2026-03-01", "nationality": "IND"}`, `1:39: nationality: want an ISO 3166-1 alpha-2 country code such as "IN", got "IND"`},
		{`{"date": "2026-03-01", "nationality": "ZZ"}`, `1:39: nationality: "ZZ" is not an ISO 3166-1 alpha-2 country code`},
		{`{"date": "2026-03-01", "nationality": "EU"}`, `1:39: nationality: "EU" is not an ISO 3166-1 alpha-2 country code`},
		{`{"date": "2026-03-01", "nationality": "UK"}`, `1:39: nationality: "UK" is not an ISO 3166-1 alpha-2 country code; did you mean "GB"?`},
		{`{"date": "2026-03-01", "nationality": "IN", "purpose": "kennismigrant"}`, `1:56: purpose: unknown route "kennismigrant": want one of eu-citizen, highly-skilled-migrant, eu-blue-card, researcher, orientation-year, family-member, intra-corporate-transferee`},
		{`{"date": "2026-03-01", "nationality": "IN", "gross_monthly_salary": "6100"}`, `1:69: gross_monthly_salary: want a number of euros, got "6100"`},
		{`{"date": "2026-03-01", "nationality": "IN", "gross_monthly_salary": 6100.005}`, "gross_monthly_salary: want a number of euros with at most two decimals, got 6100.005"},
		{`{"date": "2026-03-01", "nationality": "IN", "gross_monthly_salary": -1}`, "gross_monthly_salary: want an amount of 0 or more, got -1"},
		{`{"date": "2026-03-01", "nationality": "IN", "age": "31"}`, `1:52: age: want a whole number of years, got "31"`},
		{`{"date": "2026-03-01", "nationality": "IN", "age": tru}`, "1:55: malformed JSON: invalid character '}' in literal true (expecting 'e')"},
		{"{\"date\": \"2026-03-01\", \"nationality\": \"IN\", \"age\": 3\u0000}", "1:53: malformed JSON: invalid character '\\x00' after object key:value pair"},
		{`{"date": "2026-03-01", "nationality": "IN", "recognised_sponsor": "yes"}`, `recognised_sponsor: want true or false, got "yes"`},
		{`{"date": "2026-03-01", "nationality": "IN", "age": 31.5}`, "age: want a whole number of years, got 31.5"},
		{`{"date": "2026-03-01", "nationality": "IN", "age": -1}`, "age: want 0 to 130, got -1"},
		{`{"date": "2026-03-01", "nationality": "IN", "contract_months": 0}`, "1:64: contract_months: want 1 to 1200, got 0"},
		{`{"date": "2026-03-01", "nationality": "IN", "birth_date": "2027-01-01"}`, "1:59: birth_date: 2027-01-01 is after the date 2026-03-01"},
		{`{"date": "2026-03-01", "nationality": "IN", "ict_role": "boss"}`, `ict_role: want manager, specialist or trainee, got "boss"`},
		{"{\"date\": \"2026-03-01\",\n\t\"nationality\": \"IN\",\n\t\"birth_date\": \"1994-05-10\",\n\t\"age\": 40}", "4:9: age: 40 does not agree with birth_date 1994-05-10, which gives 31 on 2026-03-01"},
		{`{"date": "2026-03-01", "nationality": "ÏN"}`, `1:39: nationality: want an ISO 3166-1 alpha-2 country code such as "IN", got "ÏN"`},
		{`{"date": "2026-03-01", "nationality": "IN", "family_of": "family-member"}`, "family_of: want the route of the person joined, not family-member"},
		{`{"date": "2026-03-01", "nationality": "IN", "degree": "master"}`, `1:55: degree: unknown degree "master": want one of dutch-bachelor, dutch-master, dutch-phd, dutch-postdoctoral, erasmus-mundus-master, foreign-top-200, cultural-policy-programme, development-cooperation-programme, scientific-research, foreign-bachelor, other`},
		{`{"date": "2026-03-01", "nationality": "IN", "degree": 1}`, `1:55: degree: want a degree as a string, got 1`},
		{`{"date": "2026-03-01", "nationality": "IN", "orientation_year_permit": "yes"}`, `orientation_year_permit: want true or false, got "yes"`},
		{`{"date": "2026-03-01", "nationality": "IN", "orientation_year_used": 1}`, `orientation_year_used: want true or false, got 1`},
		{`{"date": "2026-03-01", "nationality": "IN", "research_organisation_recognised": "true"}`, `research_organisation_recognised: want true or false, got "true"`},
	}
	for _, tt := range tests {
		_, err := ParseFacts([]byte(tt.in))
		var fe *FactsError
		if err == nil || !errors.As(err, &fe) {
			t.Errorf("ParseFacts(%s): err = %v, want a *FactsError", tt.in, err)
			continue
		}
		if !strings.HasSuffix(err.Error(), tt.want) || (strings.Contains(tt.want, ":") && tt.want[0] >= '0' && tt.want[0] <= '9' && err.Error() != tt.want) {
			t.Errorf("ParseFacts(%s):\n got %s\nwant %s", tt.in, err, tt.want)
		}
	}
}

// TestParseFactsBounded checks that ParseFacts refuses a text over
// MaxFactsSize before decoding it, and that its messages quote at most 80
// characters of a value, however long.
func TestParseFactsBounded(t *testing.T) {
	long := strings.Repeat("x", 10000)
	digits := strings.Repeat("1", 10000)
	array := "[" + strings.Repeat("1,", 5000) + "1]"
	lines := "[\n" + strings.Repeat("1,\n", 50) + "1]" // shown on one line
	cut := func(s string) string { return s[:80] + "… (" + itoa(len(s)) + " characters)" }
	tests := []struct {
		in, want string
	}{
		{`{"date": "2026-03-01", "nationality": "IN"}` + strings.Repeat(" ", MaxFactsSize), "1:65537: longer than 64 KiB (65536 bytes): the facts of a person take a few hundred bytes"},
		{strings.Repeat("[", MaxFactsSize+1), "1:65537: longer than 64 KiB (65536 bytes): the facts of a person take a few hundred bytes"},
		{`{"date": "2026-03-01", "nationality": "IN", "` + long + `": 1}`, `1:45: unknown field "` + cut(long)[:80] + `"… (10000 characters): want one of date, nationality, birth_date, age, purpose, gross_monthly_salary, recognised_sponsor, graduated_on, degree, orientation_year_permit, orientation_year_used, research_organisation_recognised, contract_months, family_of, ict_role, group_employment_months, municipality`},
		{`{"date": "` + long + `", "nationality": "IN"}`, `1:10: date: want a date YYYY-MM-DD, got "` + cut(long)[:80] + `"… (10000 characters)`},
		{`{"date": "2026-03-01", "nationality": "` + long + `"}`, `1:39: nationality: want an ISO 3166-1 alpha-2 country code, got "` + cut(long)[:80] + `"… (10000 characters)`},
		{`{"date": "2026-03-01", "nationality": "IN", "purpose": "` + long + `"}`, `1:56: purpose: want a route, got "` + cut(long)[:80] + `"… (10000 characters)`},
		{`{"date": "2026-03-01", "nationality": "IN", "age": ` + array + `}`, "1:52: age: want a whole number of years, got " + cut(array)},
		{`{"date": "2026-03-01", "nationality": "IN", "age": ` + digits + `}`, "1:52: age: want a whole number of years, got " + cut(digits)},
		{`{"date": "2026-03-01", "nationality": "IN", "gross_monthly_salary": ` + array + `}`, "1:69: gross_monthly_salary: want a number of euros, got " + cut(array)},
		{`{"date": "2026-03-01", "nationality": "IN", "gross_monthly_salary": ` + digits + `}`, "1:69: gross_monthly_salary: " + cut(digits) + " euros a month is not a plausible salary"},
		{`{"date": "2026-03-01", "nationality": "IN", "recognised_sponsor": ` + array + `}`, "1:67: recognised_sponsor: want true or false, got " + cut(array)},
		{`{"date": "2026-03-01", "nationality": "IN", "birth_date": ` + lines + "}", "1:59: birth_date: want a date YYYY-MM-DD as a string, got " + strings.ReplaceAll(cut(lines), "\n", " ")},
	}
	for _, tt := range tests {
		_, err := ParseFacts([]byte(tt.in))
		var fe *FactsError
		if !errors.As(err, &fe) || err.Error() != tt.want {
			t.Errorf("ParseFacts(%.60s…):\n got %v\nwant %s", tt.in, err, tt.want)
		}
	}
	// Facts made in Go are held to the same bound.
	for _, f := range []Facts{
		{Date: date.New(2026, 3, 1), Nationality: long},
		{Date: date.New(2026, 3, 1), Nationality: "IN", Purpose: route.Route(long)},
		{Date: date.New(2026, 3, 1), Nationality: "IN", FamilyOf: route.Route(long)},
		{Date: date.New(2026, 3, 1), Nationality: "IN", ICTRole: ICTRole(long)},
	} {
		if err := f.Validate(); err == nil || len(err.Error()) > 400 {
			t.Errorf("Validate: %d bytes of error: %.200v", len(err.Error()), err)
		}
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestCheckRefusesInvalidFacts(t *testing.T) {
	rules := mustDefault(t)
	age := 31
	for _, f := range []Facts{
		{Nationality: "IN"},
		{Date: date.New(2026, 3, 1), Nationality: "in"},
		{Date: date.New(2026, 3, 1), Nationality: "IN", Age: &age, Purpose: "kennismigrant"},
		{Date: date.New(2023, 12, 31), Nationality: "IN"},
	} {
		if _, err := rules.Check(f); err == nil {
			t.Errorf("Check(%+v) succeeded", f)
		}
	}
	_, err := rules.Check(Facts{Date: date.New(2023, 12, 31), Nationality: "IN"})
	if !errors.Is(err, ErrBeforeStart) {
		t.Errorf("Check before the start: %v, want ErrBeforeStart", err)
	}
}

// TestValidateRange checks that Facts made in Go keep to the same range as
// ParseFacts, and that Validate wants the nationality in upper case where
// ParseFacts accepts any case.
func TestValidateRange(t *testing.T) {
	for _, c := range []struct {
		f    Facts
		want string
	}{
		{Facts{Date: date.New(2200, 1, 1), Nationality: "IN"}, "date: 2200-01-01 is outside the days loket answers for, 1900-01-01 to 2199-12-31"},
		{Facts{Nationality: "IN"}, "date: required"},
		{Facts{Date: date.New(2026, 3, 1), Nationality: "in"}, `nationality: want "IN" in upper case`},
		{Facts{Date: date.New(2026, 3, 1), Nationality: "IN"}, ""},
	} {
		err := c.f.Validate()
		if got := fmt.Sprint(err); c.want == "" && err != nil || c.want != "" && got != c.want {
			t.Errorf("Validate(%+v) = %v, want %q", c.f, err, c.want)
		}
	}
}
