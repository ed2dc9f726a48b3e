package schedule_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"runtime"
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

// jsState is opening_hours.js's getState, getUnknown and getComment at one
// instant.
type jsState struct {
	Open       bool    `json:"open"`
	Unknown    bool    `json:"unknown"`
	Comment    *string `json:"comment"`
	StateError string  `json:"state_error"`
}

// jsProbe is the state, comment and next change at one instant.
type jsProbe struct {
	jsState
	Next      *int64 `json:"next"`
	NextError string `json:"next_error"`
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

// runOSMJS sends the requests to node processes running osm.js with
// TZ=Europe/Amsterdam and returns one answer per request. Large batches are
// dealt round-robin to one process per core (at most ohMaxShards, each with at
// least ohMinShard requests): the time opening_hours.js takes differs a
// lot between expressions.
func runOSMJS(tb testing.TB, reqs []jsRequest) []jsAnswer {
	tb.Helper()
	nm := oracle.NodeModules(tb, "opening_hours")
	shards := max(1, min(runtime.GOMAXPROCS(0), ohMaxShards, len(reqs)/ohMinShard))
	ins := make([][]byte, shards)
	for j := range ins {
		var in bytes.Buffer
		enc := json.NewEncoder(&in)
		for i := j; i < len(reqs); i += shards {
			if err := enc.Encode(reqs[i]); err != nil {
				tb.Fatal(err)
			}
		}
		ins[j] = in.Bytes()
	}
	outs := oracle.RunEach(tb, nm, "Europe/Amsterdam", oracle.Script(tb, "osm.js"), ins)
	answers := make([]jsAnswer, len(reqs))
	for j, out := range outs {
		i := j
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(nil, 64<<20)
		for ; sc.Scan(); i += shards {
			if i >= len(reqs) {
				tb.Fatalf("osm.js answered more than the %d requests", len(reqs))
			}
			if err := json.Unmarshal(sc.Bytes(), &answers[i]); err != nil {
				tb.Fatalf("osm.js answer %d: %v: %s", i+1, err, sc.Bytes())
			}
		}
		if err := sc.Err(); err != nil {
			tb.Fatal(err)
		}
		if i < len(reqs) {
			tb.Fatalf("osm.js answered %d of %d requests in process %d of %d", (i-j)/shards, (len(reqs)-j+shards-1)/shards, j+1, shards)
		}
	}
	return answers
}

const (
	ohMaxShards = 8
	ohMinShard  = 32
)

// ohGenSeed is the seed of the random expressions; the tests print it on failure.
const ohGenSeed = 20260101

// ohGenerate returns n distinct expressions from newOSMGen(seed), with PH
// in every one when ph is set.
func ohGenerate(seed uint64, n int, ph bool) []string {
	g := newOSMGen(seed)
	g.ph = ph
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
// every expression the generator makes, with and without PH, so that a parse
// error in the differential tests is always a fault of ours.
func TestGeneratedExpressionsParseInOracle(t *testing.T) {
	for _, mode := range []struct {
		name     string
		ph       bool
		n, short int
	}{
		{"plain", false, 5000, 500},
		{"PH", true, 2000, 200},
	} {
		t.Run(mode.name, func(t *testing.T) {
			n := mode.n
			if testing.Short() {
				n = mode.short
			}
			exprs := ohGenerate(ohGenSeed, n, mode.ph)
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
		})
	}
}
