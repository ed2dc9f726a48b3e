package schedule_test

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/expatcentre/loket/internal/oracle"
	"github.com/expatcentre/loket/schedule"
)

// The request and answer types of internal/oracle/js/osm.js, one JSON line
// each.

type jsRequest struct {
	Expr      string  `json:"expr"`
	Probes    []int64 `json:"probes,omitempty"`
	HorizonMs int64   `json:"horizon_ms,omitempty"`
	StatesAt  []int64 `json:"states_at,omitempty"`
	// Plain asks osm.js to call getNextChange instead of its walker (see
	// TestOSMJSWalkerIsGetNextChange).
	Plain bool `json:"plain,omitempty"`
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

// osmJS is opening_hours.js behind internal/oracle/js/osm.js: node
// processes with TZ=Europe/Amsterdam, one per core (at most ohMaxShards),
// that live as long as the test that started them.
type osmJS struct{ pool *oracle.Pool }

const ohMaxShards = 8

func startOSMJS(tb testing.TB) *osmJS {
	tb.Helper()
	nm := oracle.NodeModules(tb, "opening_hours")
	n := min(runtime.GOMAXPROCS(0), ohMaxShards)
	return &osmJS{oracle.StartPool(tb, nm, "Europe/Amsterdam", oracle.Script(tb, "osm.js"), n)}
}

// do sends the requests to the processes, each to the first that is free,
// and returns one answer per request.
func (js *osmJS) do(tb testing.TB, reqs []jsRequest) []jsAnswer {
	tb.Helper()
	lines := make([][]byte, len(reqs))
	for i, r := range reqs {
		b, err := json.Marshal(r)
		if err != nil {
			tb.Fatal(err)
		}
		lines[i] = b
	}
	answers := make([]jsAnswer, len(reqs))
	for i, line := range js.pool.Do(tb, lines) {
		if err := json.Unmarshal(line, &answers[i]); err != nil {
			tb.Fatalf("osm.js answer %d: %v: %s", i+1, err, line)
		}
	}
	return answers
}

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
// error in the differential tests is always a fault of ours. It checks more
// expressions than the differential tests compare: parsing is cheap.
func TestGeneratedExpressionsParseInOracle(t *testing.T) {
	js := startOSMJS(t)
	for _, mode := range []struct {
		name string
		ph   bool
		n    ohBudget
	}{
		{"plain", false, ohBudget{full: 5000, normal: 1000, short: 200}},
		{"PH", true, ohBudget{full: 2000, normal: 400, short: 100}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			exprs := ohGenerate(ohGenSeed, mode.n.get(t), mode.ph)
			reqs := make([]jsRequest, len(exprs))
			for i, e := range exprs {
				reqs[i] = jsRequest{Expr: e}
			}
			bad := 0
			for i, a := range js.do(t, reqs) {
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

// TestOSMJSWalkerIsGetNextChange checks the walker of osm.js, which answers
// the differential tests' next changes in place of opening_hours.js's
// getNextChange, against getNextChange itself: for the first expressions of
// the differential tests, with and without PH, probed at random instants
// (half of them on a quarter hour, where the generated times change, so
// that changes fall on the limit), each followed by probes 45 minutes, 23
// hours and 17 days later (the walker remembers where the walks of earlier
// probes of a request went, and later probes reach the same instants with a
// later limit), and around DST transitions (where getNextChange throws),
// with horizons from 15 minutes to a month (and the tests' own, with
// LOKET_ORACLE=full), both must give the same answers.
func TestOSMJSWalkerIsGetNextChange(t *testing.T) {
	js := startOSMJS(t)
	n := ohBudget{full: 40, normal: 12, short: 6}.get(t)
	horizons := []time.Duration{15 * time.Minute, time.Hour, 24 * time.Hour, 31 * 24 * time.Hour}
	if oracle.Full(t) {
		horizons = append(horizons, ohPHHorizon, schedule.Horizon)
	}
	exprs := append(ohGenerate(ohGenSeed, n, false), ohGenerate(ohGenSeed, n/3, true)...)
	r := rand.New(rand.NewPCG(ohGenSeed, 3))
	lo := time.Date(2025, 1, 1, 0, 0, 0, 0, ohZone).Unix()
	hi := time.Date(2029, 1, 1, 0, 0, 0, 0, ohZone).Unix()
	dstAt := newOHDSTCalendar().instants()
	var reqs []jsRequest
	// Expressions of the full differential test on which getNextChange
	// throws from the fall-back hour, probed there.
	for _, e := range []struct {
		expr string
		at   int64
	}{
		{"Tu-Fr,We-Tu 00:30-02:15; Th \"summer hours\"", 1761440460000},
		{"We[-1] 00:00-24:00 off; Th-We 06:00-08:00,17:30-21:45,00:45-02:45", 1824946200000},
		{"20:45-26:45; week 41-53/4 Th-Sa; 12:45-22:30,23:00-29:15", 1761442200000},
	} {
		probes := []int64{e.at - ohMinuteMs, e.at, e.at + 30*ohMinuteMs}
		for _, h := range horizons[:2] {
			reqs = append(reqs, jsRequest{Expr: e.expr, Probes: probes, HorizonMs: h.Milliseconds()},
				jsRequest{Expr: e.expr, Probes: probes, HorizonMs: h.Milliseconds(), Plain: true})
		}
	}
	for _, e := range exprs {
		var probes []int64
		for k := range 4 {
			at := lo + r.Int64N(hi-lo)
			if k%2 == 0 {
				at -= at % (15 * 60)
			}
			// Probes after a first one meet its walk, with a larger
			// limit.
			for _, d := range []time.Duration{0, 45 * time.Minute, 23 * time.Hour, 17 * 24 * time.Hour} {
				probes = append(probes, 1000*at+d.Milliseconds())
			}
		}
		for range 4 {
			probes = append(probes, dstAt[r.IntN(len(dstAt))])
		}
		for _, h := range horizons {
			req := jsRequest{Expr: e, Probes: probes, HorizonMs: h.Milliseconds()}
			reqs = append(reqs, req)
			req.Plain = true
			reqs = append(reqs, req)
		}
	}
	answers := js.do(t, reqs)
	compared, changes, throws, bad := 0, 0, 0, 0
	for i := 0; i < len(reqs); i += 2 {
		walker, plain := answers[i], answers[i+1]
		if walker.Error != "" || plain.Error != "" || len(walker.Probes) != len(reqs[i].Probes) || len(plain.Probes) != len(reqs[i].Probes) {
			t.Fatalf("osm.js on %q: %d and %d answers for %d probes, errors %q and %q",
				reqs[i].Expr, len(walker.Probes), len(plain.Probes), len(reqs[i].Probes), walker.Error, plain.Error)
		}
		for k, w := range walker.Probes {
			p := plain.Probes[k]
			compared++
			if p.Next != nil {
				changes++
			}
			if p.NextError != "" {
				throws++
			}
			if reflect.DeepEqual(w, p) {
				continue
			}
			if bad++; bad <= 10 {
				t.Errorf("%q at %s (unix ms %d), horizon %v:\n\twalker:        %s\n\tgetNextChange: %s",
					reqs[i].Expr, ohTime(reqs[i].Probes[k]), reqs[i].Probes[k], time.Duration(reqs[i].HorizonMs)*time.Millisecond, ohJSNext(w), ohJSNext(p))
			}
		}
	}
	t.Logf("%d expressions, 20 probes each with %d horizons, and 3 that throw: %d answers compared (%d with a change, %d where getNextChange throws), %d differ",
		len(exprs), len(horizons), compared, changes, throws, bad)
}

// ohJSNext says what a probe's next change is.
func ohJSNext(p jsProbe) string {
	switch {
	case p.StateError != "":
		return "getState throws " + p.StateError
	case p.NextError != "":
		return "throws " + p.NextError
	case p.Next == nil:
		return "none"
	}
	return ohTime(*p.Next)
}
