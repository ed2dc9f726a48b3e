package schedule_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"

	"github.com/expatcentre/loket/internal/oracle"
)

// The request and answer types of internal/oracle/js/osm.js, one JSON line
// each.

type jsRequest struct {
	Expr      string  `json:"expr"`
	Probes    []int64 `json:"probes,omitempty"`
	HorizonMs int64   `json:"horizon_ms,omitempty"`
	StatesAt  []int64 `json:"states_at,omitempty"`
}

type jsAnswer struct {
	Error  string    `json:"error"`
	Probes []jsProbe `json:"probes"`
	States []jsState `json:"states"`
}

// jsState is opening_hours.js's getState and getUnknown at one instant.
type jsState struct {
	Open       bool   `json:"open"`
	Unknown    bool   `json:"unknown"`
	StateError string `json:"state_error"`
}

// jsProbe is the state, comment and next change at one instant.
type jsProbe struct {
	jsState
	Comment   *string `json:"comment"`
	Next      *int64  `json:"next"`
	NextError string  `json:"next_error"`
}

// kind names the state as schedule.Kind prints it.
func (s jsState) kind() string {
	switch {
	case s.Open:
		return "open"
	case s.Unknown:
		return "unknown"
	default:
		return "closed"
	}
}

// runOSMJS sends the requests to one node process running osm.js with
// TZ=Europe/Amsterdam and returns one answer per request.
func runOSMJS(tb testing.TB, reqs []jsRequest) []jsAnswer {
	tb.Helper()
	nm := oracle.NodeModules(tb, "opening_hours")
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, r := range reqs {
		if err := enc.Encode(r); err != nil {
			tb.Fatal(err)
		}
	}
	out := oracle.Run(tb, nm, "Europe/Amsterdam", oracle.Script(tb, "osm.js"), in.Bytes())
	answers := make([]jsAnswer, 0, len(reqs))
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var a jsAnswer
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("osm.js answer %d: %v: %s", len(answers)+1, err, sc.Bytes())
		}
		answers = append(answers, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(answers) != len(reqs) {
		tb.Fatalf("osm.js answered %d of %d requests", len(answers), len(reqs))
	}
	return answers
}

// ohGenSeed is the seed of the random expressions; the tests print it on failure.
const ohGenSeed = 20260101

// ohGenerate returns n distinct expressions from newOSMGen(seed).
func ohGenerate(seed uint64, n int) []string {
	g := newOSMGen(seed)
	seen := make(map[string]bool, n)
	exprs := make([]string, 0, n)
	for len(exprs) < n {
		e := g.expr()
		if !seen[e] {
			seen[e] = true
			exprs = append(exprs, e)
		}
	}
	return exprs
}

// TestGeneratedExpressionsParseInOracle checks that opening_hours.js accepts
// every expression the generator makes, so that a parse error in the
// differential test is always a fault of ours.
func TestGeneratedExpressionsParseInOracle(t *testing.T) {
	n := 5000
	if testing.Short() {
		n = 500
	}
	exprs := ohGenerate(ohGenSeed, n)
	reqs := make([]jsRequest, len(exprs))
	for i, e := range exprs {
		reqs[i] = jsRequest{Expr: e}
	}
	bad := 0
	for i, a := range runOSMJS(t, reqs) {
		if a.Error != "" {
			bad++
			if bad <= 20 {
				t.Errorf("seed %d, expression %d: opening_hours.js rejects %q: %s", ohGenSeed, i, exprs[i], a.Error)
			}
		}
	}
	if bad > 0 {
		t.Errorf("seed %d: %d of %d generated expressions rejected", ohGenSeed, bad, len(exprs))
	}
}
