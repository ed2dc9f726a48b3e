package eligibility

import (
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/i18n"
)

func TestFormatMoney(t *testing.T) {
	tests := []struct {
		m      Money
		nl, en string
	}{
		{594200, "€ 5.942", "€5,942"},
		{610050, "€ 6.100,50", "€6,100.50"},
		{312201, "€ 3.122,01", "€3,122.01"},
		{0, "€ 0", "€0"},
		{99, "€ 0,99", "€0.99"},
		{100000000, "€ 1.000.000", "€1,000,000"},
		{-594200, "-€ 5.942", "-€5,942"},
	}
	for _, tt := range tests {
		if got := FormatMoney(tt.m, language.Dutch); got != tt.nl {
			t.Errorf("FormatMoney(%d, nl) = %q, want %q", tt.m, got, tt.nl)
		}
		if got := FormatMoney(tt.m, language.MustParse("en-GB")); got != tt.en {
			t.Errorf("FormatMoney(%d, en) = %q, want %q", tt.m, got, tt.en)
		}
	}
}

// TestMessagesForEveryReason renders every reason of every test case in
// both languages: a message missing in a language, or a placeholder without
// data, shows as "[eligibility....]". It also checks that the cases give
// every reason code at least once.
func TestMessagesForEveryReason(t *testing.T) {
	rules := mustDefault(t)
	printers := []*i18n.Printer{i18n.NewPrinter(language.Dutch), i18n.NewPrinter(language.English)}
	seen := map[string]bool{}
	for _, c := range loadCases(t) {
		res, err := check(rules, c.factsJSON())
		if err != nil {
			continue
		}
		for _, rr := range res.Routes {
			for _, p := range printers {
				if s := RouteName(p, rr.Route) + OutcomeName(p, rr.Outcome) + FactList(p, rr.Missing); strings.Contains(s, "[") {
					t.Errorf("%s:%d: %s", c.file, c.line, s)
				}
			}
			for _, rs := range rr.Reasons {
				seen[rs.Code] = true
				for _, p := range printers {
					msg := rs.Message(p)
					if strings.Contains(msg, "[") || strings.Contains(msg, "<no value>") || !strings.HasSuffix(msg, ".") {
						t.Errorf("%s:%d: %s in %s: %q", c.file, c.line, rs.Code, p.Lang(), msg)
					}
				}
			}
		}
	}
	for _, code := range ReasonCodes() {
		if !seen[code] {
			t.Errorf("no test case gives reason %s", code)
		}
	}
}

// TestContractExample checks the JSON contract for the example in
// both languages.
func TestContractExample(t *testing.T) {
	f, err := ParseFacts([]byte(contractExample))
	if err != nil {
		t.Fatal(err)
	}
	res, err := mustDefault(t).Check(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res.Contract(i18n.NewPrinter(language.English), func(rr RouteResult) []string { return []string{"next-" + rr.Route.String()} }))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Date     string
		Outdated *bool
		Routes   []struct {
			Route, Outcome string
			Reasons        []struct {
				Code, Message string
				Params        map[string]float64
			}
			Missing  []string
			Services []string
		}
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Date != "2026-03-01" || got.Outdated != nil || len(got.Routes) != 7 || got.Routes[0].Route != "highly-skilled-migrant" {
		t.Fatalf("contract = %s", b)
	}
	hsm := got.Routes[0]
	last := hsm.Reasons[len(hsm.Reasons)-1]
	if hsm.Outcome != "eligible" || last.Code != "salary-meets-threshold" || last.Params["threshold"] != 3122 ||
		last.Message != "The gross monthly salary of €6,100 meets the income criterion of €3,122." {
		t.Errorf("highly-skilled-migrant = %+v", hsm)
	}
	nl := res.Routes[0].Reasons[2].Message(i18n.NewPrinter(language.Dutch))
	if nl != "Het brutomaandsalaris van € 6.100 voldoet aan het salariscriterium van € 3.122." {
		t.Errorf("Dutch message = %q", nl)
	}
	for _, s := range []string{`"reasons":[`, `"params":{}`, `"services":[`} {
		if !strings.Contains(string(b), s) {
			t.Errorf("contract lacks %s: %s", s, b)
		}
	}
	for _, rr := range got.Routes {
		if len(rr.Services) != 1 || rr.Services[0] != "next-"+rr.Route {
			t.Errorf("%s: services %v, want what next gives", rr.Route, rr.Services)
		}
	}
	if strings.Contains(string(b), `"missing"`) != strings.Contains(string(b), `"needs-information"`) {
		t.Errorf("missing appears without needs-information or the other way round: %s", b)
	}
}
