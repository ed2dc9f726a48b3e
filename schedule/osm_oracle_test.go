package schedule_test

import (
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	_ "time/tzdata" // the comparison must not depend on the machine's zoneinfo

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/oracle"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
)

// The differential test of the acceptance criterion: random expressions from
// the subset of osm_gen_test.go, probed at many instants from 2025 to 2028
// (half of them a minute before a change), evaluated by opening_hours.js
// 3.15.0 with TZ=Europe/Amsterdam and by ParseOSM; IsOpen, the state kind and
// NextChange must agree on every probe.
//
// opening_hours.js has known defects around DST transitions:
//
//  1. boundaries inside the missing hour 02:00-03:00 of the spring-forward
//     Sunday are computed with JS Date's gap rule (02:30 becomes 03:30 CEST)
//     although getState already changes at 03:00 CEST;
//  2. in the repeated hour of the fall-back Sunday getState follows the wall
//     clock but getNextChange skips changes or throws
//     'Fatal: infinite loop in nextChange';
//  3. spans past midnight evaluate yesterday's date selectors at date - 24h,
//     which on the Monday after spring-forward, 00:00-01:00, lands on
//     Saturday.
//
// A probe whose instant, or whose next change (the oracle's or ours), falls
// on the local date of a DST transition or the day after it is in the
// "DST window"; so is a probe on which getNextChange throws. A disagreement
// there is accepted only when opening_hours.js's own getState confirms our
// answer (see ohJudge). Disagreements on the Monday after spring-forward
// before 01:00 in expressions with spans past midnight are defect 3 and are
// counted, not failed.
//
// TestOSMWithPHAgainstOpeningHoursJS does the same for expressions that name
// PH, probed also on and after public holidays, with next changes compared
// within ohPHHorizon. The two meanings of PH differ: opening_hours.js's Dutch
// PH has Good Friday and lacks Easter Sunday and Whit Sunday, which the
// Algemene termijnenwet list of schedule/holidays has. Both calendars are
// computed, not listed (see ohHolidays), and a probe whose state or next
// change may depend on a day on which exactly one of them has a holiday is
// excluded and counted apart (see ohPHExclusion). opening_hours.js names the
// holiday in the comment of a rule that matched on a holiday and has no
// comment of its own; ours names it in State.Holiday, so that comment is not
// compared. To check that the exclusions hide no fault of ours, run the test
// once against a copy of opening_hours.js whose nl PH list in
// build/opening_hours.js has "Eerste Paasdag" (easter, offset 0) for "Goede
// vrijdag" and "Eerste Pinksterdag" (easter, offset 49) added, with
// LOKET_NODE_MODULES pointing at it: no day differs and every probe is
// compared.
//
// Budget. CI compares 2000 random expressions without PH and 500 with PH
// (79,842 and 17,612 probes), with the environment variable
// LOKET_ORACLE=full, as .ci/run does:
//
//	LOKET_ORACLE=full scripts/test ./...
//
// Without it (a plain go test) the tests compare the first fifth of the same
// expressions, 400 and 100, with the same probes: the expressions and the
// probes' random numbers are drawn expression by expression from the same
// seeds, so the default run is a part of the full one, and
// TestGeneratorConstructsInEveryBudget checks that it still has every
// construct of the generator. With -short they compare 200 and 50. Some
// faults show only in the full budget: that is CI's job.
//
// Speed. opening_hours.js's getNextChange walks from the probe to the
// horizon (five years here) one getStatePair at a time when nothing
// changes; osm.js answers it with a walker that remembers the walks of a
// request's earlier probes (TestOSMJSWalkerIsGetNextChange holds it to
// getNextChange). The requests go to a pool of node processes, one per
// core, that serves the whole test (internal/oracle.Pool), and our side is
// evaluated on every core too (ohAnswer).
//
// Flags, to reproduce and debug a failure (they apply to both tests):
//
//	go test -run '^TestOSMAgainstOpeningHoursJS$' ./schedule/ -osm.seed=N -osm.n=2000
//	go test -run '^TestOSMAgainstOpeningHoursJS$' ./schedule/ -v -osm.expr='Mo-Fr 09:00-17:00' -osm.at=1767261600000
//	go test -run '^TestOSMWithPHAgainstOpeningHoursJS$' ./schedule/ -v -osm.expr='Mo-Sa 09:00-17:00; PH off'
var (
	osmSeed = flag.Uint64("osm.seed", ohGenSeed, "seed of the random expressions of the differential tests against opening_hours.js")
	osmN    = flag.Int("osm.n", 0, "number of random expressions of the differential tests (default 400 without PH and 100 with PH, 200 and 50 with -short, 2000 and 500 with LOKET_ORACLE=full)")
	osmExpr = flag.String("osm.expr", "", "run the differential tests on this one expression instead of random ones")
	osmAt   = flag.String("osm.at", "", "comma-separated unix ms instants that the differential tests probe in addition")
	osmAll  = flag.Bool("osm.all", false, "the differential tests report every disagreeing expression, not only the first few of each kind")
)

const (
	ohMinuteMs    = int64(time.Minute / time.Millisecond)
	ohMaxReported = 20
)

// ohProbeMix is how many instants of each origin a differential test probes
// per expression: uniform ones, ones around a DST transition, ones on a
// public holiday of either calendar or the day after one, and ones a minute
// before (the first atChange of them also exactly at) a change that the
// oracle reported from the holiday and uniform instants.
type ohProbeMix struct {
	uniform, dst, holiday, beforeChange, atChange int
}

var ohZone = ohLoadZone("Europe/Amsterdam")

func ohLoadZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// ohOrigin says why an instant is probed.
type ohOrigin uint8

const (
	ohUniform      ohOrigin = iota // uniform in [2025, 2029)
	ohBeforeChange                 // one minute before an oracle change
	ohAtChange                     // exactly at an oracle change
	ohDST                          // around a DST transition
	ohHoliday                      // on a public holiday or the day after one
)

func (o ohOrigin) String() string {
	return [...]string{"uniform", "a minute before a change", "at a change", "DST transition", "on or after a public holiday"}[o]
}

// ohProbe is one instant of one expression with the oracle's answer.
type ohProbe struct {
	at     int64 // unix ms
	origin ohOrigin
	js     jsProbe
}

// ohOurs is our answer at a probe.
type ohOurs struct {
	open    bool
	kind    string
	comment string
	holiday string // State.Holiday.ID
	next    int64  // unix ms, when found
	found   bool
}

func ohTime(ms int64) string {
	return time.UnixMilli(ms).In(ohZone).Format("2006-01-02T15:04:05Z07:00 Mon")
}

func ohNextTime(ms int64, found bool) string {
	if !found {
		return "none"
	}
	return ohTime(ms)
}

func ohKindName(k schedule.Kind) string {
	switch k {
	case schedule.Open:
		return "open"
	case schedule.Closed:
		return "closed"
	case schedule.Unknown:
		return "unknown"
	}
	return fmt.Sprintf("Kind(%v)", k)
}

// ohDSTCalendar holds the local dates (yyyymmdd) of the DST transitions of
// Europe/Amsterdam and the days after them, 2024-2035, and transitions
// the instants of the transitions 2025-2028.
type ohDSTCalendar struct {
	days        map[int]bool
	transitions []time.Time
}

func ohCivil(t time.Time) int {
	t = t.In(ohZone)
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

func newOHDSTCalendar() ohDSTCalendar {
	c := ohDSTCalendar{days: map[int]bool{}}
	for d := time.Date(2024, 1, 1, 0, 0, 0, 0, ohZone); d.Year() < 2036; d = d.AddDate(0, 0, 1) {
		next := d.AddDate(0, 0, 1)
		_, off0 := d.Zone()
		_, off1 := next.Zone()
		if off0 == off1 {
			continue
		}
		c.days[ohCivil(d)] = true
		c.days[ohCivil(next)] = true
		if d.Year() >= 2025 && d.Year() <= 2028 {
			// Transitions happen at 01:00 UTC.
			c.transitions = append(c.transitions, time.Date(d.Year(), d.Month(), d.Day(), 1, 0, 0, 0, time.UTC))
		}
	}
	return c
}

func (c ohDSTCalendar) inWindow(ms int64) bool { return c.days[ohCivil(time.UnixMilli(ms))] }

// instants returns instants around the transitions: just before, in and
// after the missing or repeated hour, and on the next day after midnight.
func (c ohDSTCalendar) instants() []int64 {
	var out []int64
	for _, tr := range c.transitions {
		for _, d := range []time.Duration{
			-24 * time.Hour, -61 * time.Minute, -60 * time.Minute, -30 * time.Minute, -time.Minute,
			0, time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 22*time.Hour + 30*time.Minute, 23 * time.Hour,
		} {
			out = append(out, tr.Add(d).UnixMilli())
		}
	}
	return out
}

// ohExpr is one expression with its probes.
type ohExpr struct {
	expr   string
	probes []ohProbe
	err    string // the oracle's parse error
}

// ohCollectProbes asks the oracle in two passes: uniform, DST and (with hol)
// holiday instants first, then instants a minute before (and at) the changes
// it reported from the holiday and uniform ones. extra instants are probed
// too, as uniform ones.
func ohCollectProbes(t *testing.T, js *osmJS, seed uint64, exprs []string, mix ohProbeMix, dst ohDSTCalendar, extra []int64, hol *ohHolidays, horizon int64) []ohExpr {
	r := rand.New(rand.NewPCG(seed, 2))
	lo := time.Date(2025, 1, 1, 0, 0, 0, 0, ohZone).Unix()
	hi := time.Date(2029, 1, 1, 0, 0, 0, 0, ohZone).Unix()
	dstAt := dst.instants()
	var holidayDays []date.Date
	if hol != nil {
		holidayDays = hol.probeDays(date.NewAt(time.Unix(lo, 0).In(ohZone)), date.NewAt(time.Unix(hi, 0).In(ohZone)))
	}

	eps := make([]ohExpr, len(exprs))
	reqs := make([]jsRequest, len(exprs))
	for i, e := range exprs {
		eps[i].expr = e
		for range mix.uniform {
			eps[i].probes = append(eps[i].probes, ohProbe{at: 1000 * (lo + r.Int64N(hi-lo)), origin: ohUniform})
		}
		for range mix.dst {
			eps[i].probes = append(eps[i].probes, ohProbe{at: dstAt[r.IntN(len(dstAt))], origin: ohDST})
		}
		for _, at := range extra {
			eps[i].probes = append(eps[i].probes, ohProbe{at: at, origin: ohUniform})
		}
		for k := 0; k < mix.holiday && len(holidayDays) > 0; k++ {
			midnight := holidayDays[r.IntN(len(holidayDays))].MidnightIn(ohZone)
			eps[i].probes = append(eps[i].probes, ohProbe{at: midnight.UnixMilli() + 1000*r.Int64N(24*60*60), origin: ohHoliday})
		}
		reqs[i] = jsRequest{Expr: e, Probes: ohInstants(eps[i].probes), HorizonMs: horizon}
	}
	first := js.do(t, reqs)

	var second []int // indexes of the expressions asked again
	reqs = reqs[:0]
	for i, a := range first {
		if a.Error != "" {
			eps[i].err = a.Error
			continue
		}
		for j := range eps[i].probes {
			eps[i].probes[j].js = a.Probes[j]
		}
		var changes []int64
		for _, origin := range []ohOrigin{ohHoliday, ohUniform} {
			for _, p := range eps[i].probes {
				if p.origin == origin && p.js.Next != nil && !slices.Contains(changes, *p.js.Next) {
					changes = append(changes, *p.js.Next)
				}
			}
		}
		var more []ohProbe
		for k, c := range changes[:min(len(changes), mix.beforeChange)] {
			more = append(more, ohProbe{at: c - ohMinuteMs, origin: ohBeforeChange})
			if k < mix.atChange {
				more = append(more, ohProbe{at: c, origin: ohAtChange})
			}
		}
		if len(more) == 0 {
			continue
		}
		second = append(second, i)
		eps[i].probes = append(eps[i].probes, more...)
		reqs = append(reqs, jsRequest{Expr: exprs[i], Probes: ohInstants(more), HorizonMs: horizon})
	}
	for k, a := range js.do(t, reqs) {
		ep := &eps[second[k]]
		if a.Error != "" {
			t.Fatalf("opening_hours.js parsed %q once and then not: %s", ep.expr, a.Error)
		}
		base := len(ep.probes) - len(a.Probes)
		for j, p := range a.Probes {
			ep.probes[base+j].js = p
		}
	}
	return eps
}

func ohInstants(ps []ohProbe) []int64 {
	out := make([]int64, len(ps))
	for i, p := range ps {
		out[i] = p.at
	}
	return out
}

// ohDisagreement is one probe on which we and the oracle differ.
type ohDisagreement struct {
	expr   int
	what   string // the kind: parse, state, next ..., comment
	p      ohProbe
	got    ohOurs
	detail string
}

// ohRun is one run of a differential test, for the reports.
type ohRun struct {
	test string // the test function, named in the rerun line
	seed uint64
	eps  []ohExpr
}

func (d ohDisagreement) report(run ohRun) string {
	var b strings.Builder
	expr := run.eps[d.expr].expr
	fmt.Fprintf(&b, "%s\n\texpression #%d (seed %d): %q\n", d.what, d.expr, run.seed, expr)
	if d.what == "parse" {
		fmt.Fprintf(&b, "\topening_hours.js: parses\n\tours:             %s", d.detail)
		return b.String()
	}
	js := d.p.js
	fmt.Fprintf(&b, "\tat %s (unix ms %d, %s)\n", ohTime(d.p.at), d.p.at, d.p.origin)
	switch {
	case js.StateError != "":
		fmt.Fprintf(&b, "\topening_hours.js: throws %q\n", js.StateError)
	default:
		next := "none"
		if js.NextError != "" {
			next = fmt.Sprintf("throws %q", js.NextError)
		} else if js.Next != nil {
			next = ohTime(*js.Next)
		}
		fmt.Fprintf(&b, "\topening_hours.js: %s %q, next %s\n", js.kind(), ohDeref(js.Comment), next)
	}
	fmt.Fprintf(&b, "\tours:             %s %q, next %s (IsOpen %t)", d.got.kind, d.got.comment, ohNextTime(d.got.next, d.got.found), d.got.open)
	if d.got.holiday != "" {
		fmt.Fprintf(&b, ", through PH (%s)", d.got.holiday)
	}
	if d.detail != "" {
		fmt.Fprintf(&b, "\n\t%s", d.detail)
	}
	fmt.Fprintf(&b, "\n\trerun: go test ./schedule/ -run '^%s$' -v -osm.expr='%s' -osm.at=%d", run.test, expr, d.p.at)
	return b.String()
}

func ohDeref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ohTally counts the outcome of the comparison; the test logs it.
type ohTally struct {
	exprs, probes, agree, window, windowAgree, confirmed, defect3 int
	comments, commentAgree                                        int
	// With PH: probes excluded (see ohPHExclusion) and of them those that
	// agree anyway; compared probes on a common holiday and decided through
	// PH; comments that are the oracle's holiday name where ours is empty.
	phExcluded, phExcludedAgree, phCommonDays, phDecided int
	holidayComments, holidayCommentsNamed                int
}

// The kinds of next-change disagreements, after asking opening_hours.js's
// getState about them (see ohJudge).
const (
	ohNextArtifact = "next: opening_hours.js's getState agrees with ours, its getNextChange does not"
	ohNextWrong    = "next: opening_hours.js's getState contradicts ours"
	ohNextDST      = "next (DST window): opening_hours.js's getState contradicts ours"
)

func TestOSMAgainstOpeningHoursJS(t *testing.T) {
	ohDifferential(t, ohMode{
		test: "TestOSMAgainstOpeningHoursJS", n: ohPlainBudget,
		mix:     ohProbeMix{uniform: 20, dst: 3, beforeChange: 20, atChange: 3},
		horizon: schedule.Horizon,
	})
}

// TestOSMWithPHAgainstOpeningHoursJS is the differential test for expressions
// with PH (see the comment at the top of the file).
func TestOSMWithPHAgainstOpeningHoursJS(t *testing.T) {
	ohDifferential(t, ohMode{
		test: "TestOSMWithPHAgainstOpeningHoursJS", n: ohPHBudget, ph: true,
		mix:     ohProbeMix{uniform: 8, dst: 2, holiday: 12, beforeChange: 12, atChange: 3},
		horizon: ohPHHorizon,
	})
}

// ohMode is what a differential test compares: how many random expressions,
// with PH or without, and how far ahead next changes are compared.
type ohMode struct {
	test string   // the test function's name
	n    ohBudget // the number of random expressions
	ph   bool
	mix  ohProbeMix
	// horizon bounds the next changes compared: the oracle's getNextChange
	// is given the limit probe+horizon (it reports changes before it), and
	// ours from NextChange counts as none from there on.
	horizon time.Duration
}

// ohBudget is a number of random expressions for each budget: full with
// LOKET_ORACLE=full (what CI compares), normal without it, short with
// -short. The smaller budgets take the first expressions of the full one,
// with the same probes: the generator and the probes' random numbers are
// drawn expression by expression from the same seeds.
type ohBudget struct{ full, normal, short int }

// The numbers of random expressions of the differential tests without and
// with PH: the full budget is what CI compares, the default a fifth of it.
var (
	ohPlainBudget = ohBudget{full: 2000, normal: 400, short: 200}
	ohPHBudget    = ohBudget{full: 500, normal: 100, short: 50}
)

func (b ohBudget) get(t *testing.T) int {
	switch {
	case oracle.Full(t):
		return b.full
	case testing.Short():
		return b.short
	}
	return b.normal
}

// ohPHHorizon is the horizon of the test with PH: a year and a bit, within
// which every holiday comes round, rather than schedule.Horizon.
// opening_hours.js's getNextChange is slow on PH rules and takes time in
// proportion to the days it walks; with five years the test takes four times
// as long.
const ohPHHorizon = 400 * 24 * time.Hour

// ohDifferential runs a differential test: random expressions of the mode
// (or -osm.expr), probed by the oracle and by ParseOSM, compared, and the
// disagreements reported.
func ohDifferential(t *testing.T, mode ohMode) {
	seed := *osmSeed
	var exprs []string
	switch {
	case *osmExpr != "":
		exprs = []string{*osmExpr}
	default:
		n := *osmN
		if n == 0 {
			n = mode.n.get(t)
		}
		exprs = ohGenerate(seed, n, mode.ph)
	}
	var extra []int64
	for f := range strings.FieldsSeq(strings.ReplaceAll(*osmAt, ",", " ")) {
		ms, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			t.Fatalf("-osm.at: %v", err)
		}
		extra = append(extra, ms)
	}
	js := startOSMJS(t)
	opts := []osm.Option{osm.WithLocation(ohZone)}
	var hol *ohHolidays
	if mode.ph {
		// The calendar covers every probe, the day before it and every
		// instant that a next change can reach: probes a minute before or
		// at a change lie up to a horizon after the others, and their next
		// changes one more.
		lo := time.Date(2025, 1, 1, 0, 0, 0, 0, ohZone).UnixMilli()
		hi := time.Date(2029, 1, 1, 0, 0, 0, 0, ohZone).UnixMilli()
		first, last := lo, hi
		for _, ms := range extra {
			first, last = min(first, ms), max(last, ms)
		}
		var cal holidays.Calendar // the national calendar, PH's default meaning
		hol = newOHHolidays(t, js, cal, ohDate(first)-2, ohDate(last+2*mode.horizon.Milliseconds())+2)
		opts = append(opts, osm.WithHolidays(cal))
		t.Logf("PH: the calendars differ on %s", hol.describeDiffs(ohDate(lo), ohDate(hi)-1))
	}
	dst := newOHDSTCalendar()
	horizon := mode.horizon.Milliseconds()
	eps := ohCollectProbes(t, js, seed, exprs, mode.mix, dst, extra, hol, horizon)
	run := ohRun{test: mode.test, seed: seed, eps: eps}

	var (
		tl                ohTally
		failures, defect3 []ohDisagreement
		artifacts         []ohDisagreement // getNextChange contradicted by opening_hours.js's own getState
		excused           []ohDisagreement // the calendars differ on a day that decides it
		unnamed           []ohDisagreement // a holiday comment of the oracle, no State.Holiday of ours
		nexts, comments   []ohDisagreement
		nextInWindow      []bool
	)
	tl.exprs = len(eps)
	ours := ohAnswer(eps, opts, horizon)
	for i, ep := range eps {
		if ep.err != "" {
			t.Fatalf("seed %d: opening_hours.js rejects generated expression %q: %s (fix the generator)", seed, ep.expr, ep.err)
		}
		if err := ours[i].err; err != nil {
			failures = append(failures, ohDisagreement{expr: i, what: "parse", detail: err.Error()})
			tl.probes += len(ep.probes)
			continue
		}
		wrap := ohHasWrap(ep.expr)
		near := ohHasPHOffset(ep.expr)
		for j, p := range ep.probes {
			tl.probes++
			o := ours[i].probes[j]
			d := ohDisagreement{expr: i, p: p, got: o}
			inWindow := dst.inWindow(p.at) || p.js.NextError != "" || p.js.StateError != "" ||
				p.js.Next != nil && dst.inWindow(*p.js.Next) || o.found && dst.inWindow(o.next)
			if inWindow {
				tl.window++
			}
			var ex ohPHExclusion
			if hol != nil {
				ex = hol.exclusion(p, o, wrap, near, horizon)
				if ex.state || ex.next {
					tl.phExcluded++
				} else {
					tl.countPH(hol, p, o, wrap)
				}
			}
			switch {
			case p.js.StateError != "":
				d.what = "opening_hours.js's getState throws"
			case o.open != p.js.Open || o.kind != p.js.kind():
				d.what = "state"
				if o.open != (o.kind == ohKindName(schedule.Open)) {
					d.what = "state: IsOpen disagrees with State"
				}
			case p.js.NextError != "" || (p.js.Next != nil) != o.found || o.found && *p.js.Next != o.next:
				d.what = "next"
			}
			switch {
			case d.what == "":
				tl.agree++
				if ex.state || ex.next {
					tl.phExcludedAgree++
				}
				if inWindow {
					tl.windowAgree++
					break
				}
				if ex.state {
					break
				}
				switch jc := ohDeref(p.js.Comment); {
				case o.comment == jc:
					tl.comments++
					tl.commentAgree++
				case hol != nil && o.comment == "" && hol.theirName(p.at, wrap, jc):
					// opening_hours.js names the holiday in the comment of a
					// rule that matched through PH; ours in State.Holiday.
					tl.holidayComments++
					if o.holiday != "" {
						tl.holidayCommentsNamed++
					} else {
						d.detail = "State.Holiday is empty"
						unnamed = append(unnamed, d)
					}
				default:
					tl.comments++
					d.what = "comment"
					comments = append(comments, d)
				}
			case ex.state || ex.next && d.what == "next":
				d.detail = ex.detail
				excused = append(excused, d)
			case d.what == "state" && ohIsDefect3(p.at, ep.expr, dst):
				defect3 = append(defect3, d)
			case d.what == "next":
				nexts = append(nexts, d)
				nextInWindow = append(nextInWindow, inWindow)
			default:
				failures = append(failures, d)
			}
		}
	}

	for i, v := range ohJudge(t, js, eps, nexts, dst) {
		d := nexts[i]
		d.detail = v.detail
		switch {
		case nextInWindow[i] && v.confirmed:
			tl.confirmed++
		case nextInWindow[i] && v.defect3:
			defect3 = append(defect3, d)
		case nextInWindow[i]:
			d.what = ohNextDST
			failures = append(failures, d)
		case v.confirmed:
			d.what = ohNextArtifact
			artifacts = append(artifacts, d)
		default:
			d.what = ohNextWrong
			failures = append(failures, d)
		}
	}
	tl.defect3 = len(defect3)

	t.Logf("seed %d: %d expressions, %d probes: %d agree (%.2f%%), %d disagree; DST window: %d probes, %d agree, %d disagreements confirmed by opening_hours.js's getState, %d excused as oracle defect 3",
		seed, tl.exprs, tl.probes, tl.agree, 100*float64(tl.agree)/float64(max(tl.probes, 1)), len(failures),
		tl.window, tl.windowAgree, tl.confirmed, tl.defect3)
	stateFail, stateDefect3, stateExcused := 0, 0, 0
	for _, d := range defect3 {
		if d.what == "state" {
			stateDefect3++
		}
	}
	for _, d := range failures {
		if strings.HasPrefix(d.what, "state") || strings.HasPrefix(d.what, "parse") {
			stateFail++
		}
	}
	for _, d := range excused {
		if d.what != "next" {
			stateExcused++
		}
	}
	if hol != nil {
		t.Logf("PH: %d probes excluded because the calendars differ on a day that may decide them: %d of them agree anyway, %d disagree (%d on the state, %d on the next change only) and are not failures",
			tl.phExcluded, tl.phExcludedAgree, len(excused), stateExcused, len(excused)-stateExcused)
		t.Logf("PH: of the %d probes compared, %d fall on a public holiday of both calendars (or on the day after one, with a span past midnight); on %d our state was decided through PH (State.Holiday set)",
			tl.probes-tl.phExcluded, tl.phCommonDays, tl.phDecided)
		for _, d := range excused[:min(len(excused), 2)] {
			t.Logf("excluded, the calendars differ (example): %s", d.report(run))
		}
	}
	t.Logf("comments: %d of %d probes with agreeing state and next change agree outside the DST window", tl.commentAgree, tl.comments)
	if hol != nil {
		t.Logf("comments: not compared on %d more probes where opening_hours.js's comment is the holiday's name and ours is empty; %d of them have State.Holiday set, %d do not",
			tl.holidayComments, tl.holidayCommentsNamed, len(unnamed))
		for _, d := range unnamed[:min(len(unnamed), 3)] {
			t.Errorf("holiday name without State.Holiday: %s", d.report(run))
		}
	}
	t.Logf("IsOpen and state: %d of %d probes agree, %d disagree, %d excused as oracle defect 3, %d excluded because the holiday calendars differ",
		tl.probes-stateFail-stateDefect3-stateExcused, tl.probes, stateFail, stateDefect3, stateExcused)
	t.Logf("NextChange outside the DST window: %d disagreements where opening_hours.js's getNextChange contradicts its own getState, which confirms ours (its known defects: a single year or year list has no end, a fallback rule's part after midnight is skipped)", len(artifacts))
	for _, d := range artifacts[:min(len(artifacts), 3)] {
		t.Logf("getNextChange defect (example): %s", d.report(run))
	}
	for _, d := range defect3[:min(len(defect3), 2)] {
		t.Logf("excused as oracle defect 3 (example): %s", d.report(run))
	}

	t.Run("state-and-next", func(t *testing.T) { ohReport(t, run, failures) })
	t.Run("comment", func(t *testing.T) { ohReport(t, run, comments) })
}

// ohAnswers is our side of one expression: ParseOSM's error, or our
// answer at each of its probes.
type ohAnswers struct {
	err    error
	probes []ohOurs
}

// ohAnswer parses each expression and answers at its probes, with the
// expressions spread over the cores: under -race our side takes about as
// long as opening_hours.js. A next change at or after probe+horizon counts
// as none.
func ohAnswer(eps []ohExpr, opts []osm.Option, horizon int64) []ohAnswers {
	out := make([]ohAnswers, len(eps))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(eps); i = int(next.Add(1) - 1) {
				s, err := osm.Parse(eps[i].expr, opts...)
				if err != nil {
					out[i].err = err
					continue
				}
				out[i].probes = make([]ohOurs, len(eps[i].probes))
				for j, p := range eps[i].probes {
					at := time.UnixMilli(p.at)
					st := s.State(at)
					o := ohOurs{open: s.IsOpen(at), kind: ohKindName(st.Kind), comment: st.Comment, holiday: st.Holiday.ID}
					if next, ok := s.NextChange(at); ok && next.UnixMilli() < p.at+horizon {
						o.next, o.found = next.UnixMilli(), true
					}
					out[i].probes[j] = o
				}
			}
		})
	}
	wg.Wait()
	return out
}

// ohWrapSpan matches a time span that runs past midnight: 22:00-02:00 or
// 20:00-26:00.
var ohWrapSpan = regexp.MustCompile(`([0-9]{2}):([0-9]{2})-([0-9]{2}):([0-9]{2})`)

func ohHasWrap(expr string) bool {
	for _, m := range ohWrapSpan.FindAllStringSubmatch(expr, -1) {
		from := m[1] + m[2]
		to := m[3] + m[4]
		if to <= from || to > "2400" {
			return true
		}
	}
	return false
}

// ohIsDefect3 reports whether ms is on the Monday after spring-forward before
// 01:00 local time and the expression has a span past midnight: there
// opening_hours.js evaluates the previous day's date selectors on Saturday.
func ohIsDefect3(ms int64, expr string, dst ohDSTCalendar) bool {
	l := time.UnixMilli(ms).In(ohZone)
	if l.Weekday() != time.Monday || l.Hour() >= 1 || l.Month() != time.March {
		return false
	}
	return dst.days[ohCivil(l.AddDate(0, 0, -1))] && ohHasWrap(expr)
}

// ohReport fails t with the disagreements grouped by kind: for each kind the
// first probe of a few expressions (ohMaxReported in all), then a count of
// all of them by kind.
func ohReport(t *testing.T, run ohRun, ds []ohDisagreement) {
	t.Helper()
	if len(ds) == 0 {
		return
	}
	byKind := map[string][]ohDisagreement{}
	for _, d := range ds {
		byKind[d.what] = append(byKind[d.what], d)
	}
	kinds := slices.Sorted(maps.Keys(byKind))
	perKind := max(2, ohMaxReported/len(kinds))
	if *osmAll {
		perKind = len(ds)
	}
	var counts []string
	for _, k := range kinds {
		seen := map[int]bool{}
		for _, d := range byKind[k] {
			if seen[d.expr] {
				continue
			}
			seen[d.expr] = true
			if len(seen) <= perKind {
				t.Error(d.report(run))
			}
		}
		counts = append(counts, fmt.Sprintf("\n\t%5d probes in %4d expressions: %s", len(byKind[k]), len(seen), k))
	}
	t.Errorf("seed %d: %d disagreeing probes; by kind (first probe of up to %d expressions of each kind above):%s",
		run.seed, len(ds), perKind, strings.Join(counts, ""))
}

// ohVerdict is what opening_hours.js's getState says about a next-change
// disagreement.
type ohVerdict struct {
	confirmed bool   // getState agrees with ours
	defect3   bool   // it does not, but only in the window of oracle defect 3
	detail    string // the states asked and the answers
}

// ohJudge asks opening_hours.js's own getState about next-change
// disagreements. Ours is confirmed when the state at our next change c
// differs from the state at the probe and the state a minute before c equals
// it (when that minute is after the probe), and an earlier change o that
// getNextChange reports is not a change of getState (the state at o equals
// the state at the probe). When we report no change, the oracle's change must
// not be one of getState, or, when getNextChange threw, the state must stay
// the same every 15 minutes for three days.
func ohJudge(t *testing.T, js *osmJS, eps []ohExpr, ds []ohDisagreement, dst ohDSTCalendar) []ohVerdict {
	if len(ds) == 0 {
		return nil
	}
	type check struct {
		at     int64
		differ bool // the state at at must differ from the probe's; else equal
	}
	checks := make([][]check, len(ds))
	reqs := make([]jsRequest, len(ds))
	for i, d := range ds {
		var cs []check
		var oracleNext *int64
		if d.p.js.NextError == "" {
			oracleNext = d.p.js.Next
		}
		if d.got.found {
			cs = append(cs, check{d.got.next, true})
			if before := d.got.next - ohMinuteMs; before > d.p.at {
				cs = append(cs, check{before, false})
			}
		}
		switch {
		case oracleNext != nil && (!d.got.found || *oracleNext < d.got.next):
			cs = append(cs, check{*oracleNext, false})
		case oracleNext == nil && d.p.js.NextError != "" && !d.got.found:
			for k := int64(1); k <= 3*24*4; k++ {
				cs = append(cs, check{d.p.at + 15*k*ohMinuteMs, false})
			}
		}
		checks[i] = cs
		at := make([]int64, len(cs))
		for k, c := range cs {
			at[k] = c.at
		}
		reqs[i] = jsRequest{Expr: eps[d.expr].expr, StatesAt: at}
	}
	verdicts := make([]ohVerdict, len(ds))
	for i, a := range js.do(t, reqs) {
		d := ds[i]
		if a.Error != "" || len(a.States) != len(checks[i]) {
			t.Fatalf("osm.js states_at for %q: %d states for %d instants, error %q", eps[d.expr].expr, len(a.States), len(checks[i]), a.Error)
		}
		v := ohVerdict{confirmed: true}
		var asked []string
		for k, c := range checks[i] {
			st := a.States[k]
			same := st.StateError == "" && st.Open == d.p.js.Open && st.Unknown == d.p.js.Unknown
			answer := st.kind()
			if st.StateError != "" {
				answer = "throws " + st.StateError
			}
			ok := st.StateError == "" && same != c.differ
			if len(asked) < 4 {
				mark := ""
				if !ok {
					mark = " (!)"
				}
				asked = append(asked, fmt.Sprintf("%s at %s%s", answer, ohTime(c.at), mark))
			}
			if !ok {
				if v.confirmed {
					v.defect3 = true
				}
				v.confirmed = false
				v.defect3 = v.defect3 && ohIsDefect3(c.at, eps[d.expr].expr, dst)
			}
		}
		v.detail = "opening_hours.js's getState: " + strings.Join(asked, ", ")
		verdicts[i] = v
	}
	return verdicts
}
