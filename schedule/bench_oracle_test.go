package schedule_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/expatcentre/loket/internal/oracle"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/osm"
)

// benchExpr is the expression of the performance acceptance criterion.
const benchExpr = "Tu,Th 09:00-12:30; Fr 13:30-17:00; Dec 25-26 off; Jan 01 off"

// benchSink keeps the compiler from dropping the benchmarked calls.
var benchSink bool

// minutesOf returns every minute of the local year in zone, one minute
// apart in absolute time, as bench_getstate.js counts them.
func minutesOf(year int, zone *time.Location) []time.Time {
	from := time.Date(year, 1, 1, 0, 0, 0, 0, zone)
	to := time.Date(year+1, 1, 1, 0, 0, 0, 0, zone)
	out := make([]time.Time, 0, int(to.Sub(from)/time.Minute))
	for t := from; t.Before(to); t = t.Add(time.Minute) {
		out = append(out, t)
	}
	return out
}

func mustParseOSM(tb testing.TB, expr string) *schedule.Schedule {
	tb.Helper()
	s, err := osm.Parse(expr, osm.WithLocation(ohZone))
	if err != nil {
		tb.Fatalf("ParseOSM(%q): %v", expr, err)
	}
	return s
}

// BenchmarkIsOpenVsOpeningHoursJS is the performance acceptance criterion:
// IsOpen against opening_hours.js's getState, every minute of 2026, the
// expression benchExpr. One op is one IsOpen call. It fails when the counts
// of open minutes differ, and reports the speed-up as x-vs-opening_hours.js
// (at least 100 required; scripts/bench-vs-oracle.sh checks it) and the
// oracle's median ns per getState.
func BenchmarkIsOpenVsOpeningHoursJS(b *testing.B) {
	nm := oracle.NodeModules(b, "opening_hours")
	out := oracle.Run(b, nm, "Europe/Amsterdam", oracle.Script(b, "bench_getstate.js"), nil, benchExpr, "2026", "5")
	var js struct {
		NsPerOp     float64 `json:"ns_per_op"`
		OpenMinutes int     `json:"open_minutes"`
		Minutes     int     `json:"minutes"`
	}
	if err := json.Unmarshal(out, &js); err != nil {
		b.Fatalf("bench_getstate.js: %v: %s", err, out)
	}
	s := mustParseOSM(b, benchExpr)
	minutes := minutesOf(2026, ohZone)
	if len(minutes) != js.Minutes {
		b.Fatalf("2026 has %d minutes here, %d for bench_getstate.js", len(minutes), js.Minutes)
	}
	open := 0
	for _, t := range minutes {
		if s.IsOpen(t) {
			open++
		}
	}
	if open != js.OpenMinutes {
		b.Fatalf("open minutes in 2026: IsOpen %d, opening_hours.js getState %d", open, js.OpenMinutes)
	}

	b.ReportAllocs()
	i := 0
	for b.Loop() {
		benchSink = s.IsOpen(minutes[i])
		if i++; i == len(minutes) {
			i = 0
		}
	}
	ours := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(js.NsPerOp, "opening_hours.js-ns/op")
	b.ReportMetric(js.NsPerOp/ours, "x-vs-opening_hours.js")
}

// benchSchedules are the expressions of the plain benchmarks: the acceptance
// one, a week with spans past midnight and overrides, and one with dated and
// movable rules.
var benchSchedules = []struct{ name, expr string }{
	{"desk", benchExpr},
	{"overnight", "Mo-Fr 08:00-12:00,13:00-17:30; Sa 10:00-14:00; Fr-Sa 22:00-03:00; Su off"},
	{"dated", "Mo-Fr 09:00-17:00; Dec 24-Jan 06 10:00-12:00; easter -2 days off; easter +1 day off; week 01-53/2 We 18:00-20:00"},
}

func BenchmarkIsOpen(b *testing.B) {
	minutes := minutesOf(2026, ohZone)
	for _, bs := range benchSchedules {
		b.Run(bs.name, func(b *testing.B) {
			s := mustParseOSM(b, bs.expr)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				benchSink = s.IsOpen(minutes[i])
				if i++; i == len(minutes) {
					i = 0
				}
			}
		})
	}
}

func BenchmarkNextChange(b *testing.B) {
	minutes := minutesOf(2026, ohZone)
	for _, bs := range benchSchedules {
		b.Run(bs.name, func(b *testing.B) {
			s := mustParseOSM(b, bs.expr)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				_, benchSink = s.NextChange(minutes[i])
				// A prime stride walks every time of day and weekday.
				if i += 7919; i >= len(minutes) {
					i -= len(minutes)
				}
			}
		})
	}
}

func BenchmarkIntervalsMonth(b *testing.B) {
	from := time.Date(2026, 3, 1, 0, 0, 0, 0, ohZone) // a month with a DST change
	to := from.AddDate(0, 1, 0)
	for _, bs := range benchSchedules {
		b.Run(bs.name, func(b *testing.B) {
			s := mustParseOSM(b, bs.expr)
			b.ReportAllocs()
			for b.Loop() {
				benchSink = len(s.Intervals(from, to)) > 0
			}
		})
	}
}

// TestIsOpenAllocs checks that IsOpen does not allocate, for each benchmark
// schedule at instants on an ordinary day, a DST day and a holiday.
func TestIsOpenAllocs(t *testing.T) {
	instants := []time.Time{
		time.Date(2026, 6, 11, 10, 0, 0, 0, ohZone),
		time.Date(2026, 3, 29, 2, 30, 0, 0, time.UTC),
		time.Date(2026, 10, 25, 2, 30, 0, 0, ohZone),
		time.Date(2026, 12, 25, 10, 0, 0, 0, ohZone),
		time.Date(2027, 3, 26, 14, 0, 0, 0, time.UTC),
	}
	for _, bs := range benchSchedules {
		s := mustParseOSM(t, bs.expr)
		for _, at := range instants {
			if n := testing.AllocsPerRun(100, func() { benchSink = s.IsOpen(at) }); n != 0 {
				t.Errorf("%s %q: IsOpen(%s) allocates %.1f times, want 0", bs.name, bs.expr, at.Format(time.RFC3339), n)
			}
		}
	}
}
