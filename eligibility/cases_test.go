package eligibility

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/expatcentre/loket/route"
)

// A testCase is one case of testdata/*.yaml, in the style of OpenFisca's
// YAML tests: the facts on a date, and what to expect for some routes.
type testCase struct {
	Name  string         `yaml:"name"`
	Date  string         `yaml:"date"`
	Facts map[string]any `yaml:"facts"`
	// Expect maps a route id to what its result must be.
	Expect map[string]expectRoute `yaml:"expect"`
	// Outdated, when given, is the expected Result.Outdated.
	Outdated *bool `yaml:"outdated"`
	// Error, instead of Expect, is a text the error must contain.
	Error string `yaml:"error"`
	// Source is where the rule or the value that the case checks is
	// published, an https URL; the cases of the corrections of issue 8
	// each give one.
	Source string `yaml:"source"`

	file string
	line int
}

// expectRoute is what a case expects of one route. Empty fields are not
// checked, except that Reasons is always compared in full when given.
type expectRoute struct {
	Outcome string `yaml:"outcome"`
	// Reasons are the reason codes, in order.
	Reasons []string `yaml:"reasons"`
	// Params are parameters that some reason must cite, name -> value.
	Params  map[string]float64 `yaml:"params"`
	Missing []string           `yaml:"missing"`
	// Instead is the route that applies instead; when it is not given,
	// the result must have none.
	Instead string `yaml:"instead"`
}

// loadCases reads every case of testdata/*.yaml, with its file and line.
func loadCases(t *testing.T) []testCase {
	t.Helper()
	files, err := filepath.Glob("testdata/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases in testdata/*.yaml (%v)", err)
	}
	var cases []testCase
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseBytes(src, 0)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		seq, ok := f.Docs[0].Body.(*ast.SequenceNode)
		if !ok {
			t.Fatalf("%s: want a list of cases", file)
		}
		for _, n := range seq.Values {
			var c testCase
			if err := yaml.NodeToValue(n, &c, yaml.Strict()); err != nil {
				t.Fatalf("%s: %v", file, yaml.FormatError(err, false, true))
			}
			c.file, c.line = file, n.GetToken().Position.Line
			if c.Name == "" || c.Date == "" || (c.Error == "") == (len(c.Expect) == 0) {
				t.Fatalf("%s:%d: a case needs a name, a date, and either expect or error", file, c.line)
			}
			if c.Source != "" && !strings.HasPrefix(c.Source, "https://") {
				t.Fatalf("%s:%d: source %q is not an https URL", file, c.line, c.Source)
			}
			cases = append(cases, c)
		}
	}
	return cases
}

// factsJSON returns the case's facts, with its date, in the JSON contract.
func (c testCase) factsJSON() []byte {
	m := map[string]any{"date": c.Date}
	for k, v := range c.Facts {
		if t, ok := v.(time.Time); ok { // an unquoted date in YAML
			v = t.Format(time.DateOnly)
		}
		m[k] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return b
}

// TestCases runs every case of testdata/*.yaml through the JSON contract
// (ParseFacts) and Rules.Check. A failure names the case's file and line.
func TestCases(t *testing.T) {
	rules := mustDefault(t)
	cases := loadCases(t)
	routesSeen := map[route.Route]bool{}
	for _, c := range cases {
		where := fmt.Sprintf("%s:%d: %s", c.file, c.line, c.Name)
		res, err := check(rules, c.factsJSON())
		if c.Error != "" {
			if err == nil {
				t.Errorf("%s\n\tgot no error, want one containing %q", where, c.Error)
			} else if !strings.Contains(err.Error(), c.Error) {
				t.Errorf("%s\n\tgot error %q, want one containing %q", where, err, c.Error)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s\n\tunexpected error: %v\n\tfacts: %s", where, err, c.factsJSON())
			continue
		}
		if c.Outdated != nil && res.Outdated != *c.Outdated {
			t.Errorf("%s\n\toutdated = %v, want %v", where, res.Outdated, *c.Outdated)
		}
		for _, name := range slices.Sorted(maps.Keys(c.Expect)) {
			want := c.Expect[name]
			rt, err := route.Parse(name)
			if err != nil {
				t.Errorf("%s: expect: %v", where, err)
				continue
			}
			routesSeen[rt] = true
			rr, _ := res.Route(rt)
			if diff := want.diff(rr); diff != "" {
				t.Errorf("%s\n\troute %s:%s\n\tgot: %s", where, rt, diff, describe(rr))
			}
		}
	}
	for _, r := range route.All() {
		if !routesSeen[r] {
			t.Errorf("no test case expects anything of route %s", r)
		}
	}
	t.Logf("%d cases", len(cases))
}

func check(rules *Rules, facts []byte) (Result, error) {
	f, err := ParseFacts(facts)
	if err != nil {
		return Result{}, err
	}
	return rules.Check(f)
}

// diff describes how rr differs from what is expected, "" if it does not.
func (want expectRoute) diff(rr RouteResult) string {
	var b strings.Builder
	if want.Outcome != "" && string(rr.Outcome) != want.Outcome {
		fmt.Fprintf(&b, "\n\toutcome %s, want %s", rr.Outcome, want.Outcome)
	}
	if want.Reasons != nil {
		got := make([]string, len(rr.Reasons))
		for i, rs := range rr.Reasons {
			got[i] = rs.Code
		}
		if !slices.Equal(got, want.Reasons) {
			fmt.Fprintf(&b, "\n\treasons %v, want %v", got, want.Reasons)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(want.Params)) {
		found := false
		var got []float64
		for _, rs := range rr.Reasons {
			if p, ok := rs.Param(name); ok {
				got = append(got, p.Value)
				found = found || p.Value == want.Params[name]
			}
		}
		if !found {
			fmt.Fprintf(&b, "\n\tparam %s = %v, want %v", name, got, want.Params[name])
		}
	}
	if want.Missing != nil && !slices.Equal(rr.Missing, want.Missing) {
		fmt.Fprintf(&b, "\n\tmissing %v, want %v", rr.Missing, want.Missing)
	}
	if string(rr.Instead) != want.Instead {
		fmt.Fprintf(&b, "\n\tinstead %q, want %q", rr.Instead, want.Instead)
	}
	return b.String()
}

// describe writes a route result on one line for a failure message.
func describe(rr RouteResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [", rr.Outcome)
	for i, rs := range rr.Reasons {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(rs.Code)
		for _, p := range rs.Params {
			fmt.Fprintf(&b, " %s=%v", p.Name, p.Value)
		}
	}
	fmt.Fprintf(&b, "] missing %v instead %q", rr.Missing, rr.Instead)
	return b.String()
}

func mustDefault(t testing.TB) *Rules {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}
