package services_test

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/route"
)

// bookNextCase is one case of testdata/book_next.yaml: facts on a date,
// and per route the IDs of the services to book next.
type bookNextCase struct {
	Name   string              `yaml:"name"`
	Date   string              `yaml:"date"`
	Facts  map[string]any      `yaml:"facts"`
	Expect map[string][]string `yaml:"expect"`
}

// TestBookNext runs the cases of testdata/book_next.yaml through the rules
// and the Maastricht centre's advice.
func TestBookNext(t *testing.T) {
	src, err := os.ReadFile("testdata/book_next.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cases []bookNextCase
	if err := yaml.UnmarshalWithOptions(src, &cases, yaml.Strict()); err != nil {
		t.Fatal(yaml.FormatError(err, false, true))
	}
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	rules, err := eligibility.Default()
	if err != nil {
		t.Fatal(err)
	}
	cat := maastricht(t)
	for _, c := range cases {
		facts := map[string]any{"date": c.Date}
		for k, v := range c.Facts {
			if d, ok := v.(time.Time); ok { // an unquoted date in YAML
				v = d.Format(time.DateOnly)
			}
			facts[k] = v
		}
		b, err := json.Marshal(facts)
		if err != nil {
			t.Fatal(err)
		}
		f, err := eligibility.ParseFacts(b)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		res, err := rules.Check(f)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		for r, want := range c.Expect {
			rr, ok := res.Route(route.Route(r))
			if !ok {
				t.Fatalf("%s: no route %s", c.Name, r)
			}
			if got := cat.BookNextIDs(rr); !slices.Equal(got, want) {
				t.Errorf("%s: %s (%s, instead %q): book next %v, want %v", c.Name, r, rr.Outcome, rr.Instead, got, want)
			}
			if got := ids(cat.BookNext(rr)); !slices.Equal(got, want) {
				t.Errorf("%s: %s: BookNext %v, want %v", c.Name, r, got, want)
			}
		}
	}
}

// The Maastricht centre advises on every route and outcome, and a centre
// that gives no advice gives none.
func TestBookNextEveryRoute(t *testing.T) {
	cat := maastricht(t)
	for _, r := range route.All() {
		for _, o := range route.Outcomes() {
			if len(cat.BookNext(eligibility.RouteResult{Route: r, Outcome: o})) == 0 {
				t.Errorf("%s, %s: no advice", r, o)
			}
		}
	}
	// Instead wins over the route's own outcome.
	got := cat.BookNextIDs(eligibility.RouteResult{Route: route.HighlySkilledMigrant, Outcome: route.NotEligible, Instead: route.EUCitizen})
	if !slices.Equal(got, []string{"brp-registration"}) {
		t.Errorf("instead eu-citizen: %v, want [brp-registration]", got)
	}
	small := testCentre(t)
	if got := small.BookNext(eligibility.RouteResult{Route: route.EUCitizen, Outcome: route.Eligible}); got != nil {
		t.Errorf("a centre without book_next advises %v", ids(got))
	}
}
