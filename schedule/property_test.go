package schedule_test

import (
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/osm"
)

// TestNextChangeProperty checks, for random schedules and instants, that the
// state holds from t until just before NextChange(t) and differs at it, and
// that IsOpen agrees with State.
func TestNextChangeProperty(t *testing.T) {
	loc := mustAmsterdam(t)
	lo := time.Date(2025, 1, 1, 0, 0, 0, 0, loc).Unix()
	hi := time.Date(2029, 1, 1, 0, 0, 0, 0, loc).Unix()
	rapid.Check(t, func(rt *rapid.T) {
		g := newOSMGen(rapid.Uint64().Draw(rt, "seed"))
		g.ph = rapid.Bool().Draw(rt, "ph") // public holidays too
		expr := g.expr()
		s, err := osm.Parse(expr, osm.WithLocation(loc))
		if err != nil {
			rt.Fatalf("ParseOSM(%q): %v", expr, err)
		}
		at := time.Unix(rapid.Int64Range(lo, hi).Draw(rt, "unix"), 0)
		k := s.State(at).Kind
		// The normal form is equivalent.
		s2, err := osm.Parse(s.String(), osm.WithLocation(loc))
		if err != nil {
			rt.Fatalf("normal form %q of %q: %v", s.String(), expr, err)
		}
		n1, ok1 := s.NextChange(at)
		n2, ok2 := s2.NextChange(at)
		if s2.State(at) != s.State(at) || ok1 != ok2 || !n1.Equal(n2) {
			rt.Fatalf("normal form %q of %q differs at %s", s.String(), expr, at)
		}
		if s.IsOpen(at) != (k == schedule.Open) {
			rt.Fatalf("%q at %s: IsOpen = %v, State = %v", expr, at, s.IsOpen(at), k)
		}
		next, ok := s.NextChange(at)
		if !ok {
			// No change within the horizon: the state holds at its end.
			end := at.Add(schedule.Horizon - time.Second)
			if got := s.State(end).Kind; got != k {
				rt.Fatalf("%q: no change after %s, but the state at %s is %v, not %v", expr, at, end, got, k)
			}
			return
		}
		if !next.After(at) || next.Sub(at) >= schedule.Horizon {
			rt.Fatalf("%q: NextChange(%s) = %s is not within (t, t+Horizon)", expr, at, next)
		}
		if got := s.State(next.Add(-time.Second)).Kind; got != k {
			rt.Fatalf("%q: state just before NextChange(%s) = %s is %v, want %v", expr, at, next, got, k)
		}
		if got := s.State(next).Kind; got == k {
			rt.Fatalf("%q: state at NextChange(%s) = %s is still %v", expr, at, next, got)
		}
		// Intervals agree with State at a point inside the next stretch.
		mid := next.Add(30 * time.Second)
		ivs := s.Intervals(next, next.Add(time.Minute))
		inOpen := len(ivs) > 0 && !mid.Before(ivs[0].Start) && mid.Before(ivs[0].End)
		if inOpen != (s.State(mid).Kind != schedule.Closed) {
			rt.Fatalf("%q: Intervals around %s = %v disagree with State = %v", expr, mid, ivs, s.State(mid).Kind)
		}
	})
}

// FuzzParseOSM checks that no input makes ParseOSM panic, that errors carry
// a column inside the expression (or just after it), and that what parses
// round-trips through String and can be queried.
func FuzzParseOSM(f *testing.F) {
	for _, seed := range []string{
		"Tu,Th 09:00-12:30; Fr 13:30-17:00; PH off",
		"Mo-Fr 22:00-02:00, Sa 10:00-26:00 open \"x\" || unknown",
		"2025-2027/2 Dec 24-Jan 06,easter -2 days week 01-53/2 Mo[1,-1],We[2-3] 24/7",
		"2026 Dec 24-2027 Jan 06 off", "Mo 9h", "\"", "||", "24/7", "week", "Su[-5]",
		"Apr-Oct: Mo-Fr 09:00-17:00", "Dec 24,Jan 02:18:00-22:00", "week 01,week 03: We \"Call us\" 10:00-16:00",
		"Jan 01-31/8,Jan 31-Feb 01,Aug", "Apr 05-easter -1 day,easter -2 days-easter +2 days,easter-Apr 20 unknown \"Maybe\"",
		"Aug Su[-1] -1 day 10:00-18:00; Sa[1,-1] +3 days,PH -1 day", "PH +1 day off", "Su[5] +", "PH -1",
	} {
		f.Add(seed)
	}
	loc := mustAmsterdam(f)
	at := time.Date(2026, 12, 22, 10, 0, 0, 0, loc)
	f.Fuzz(func(t *testing.T, expr string) {
		s, err := osm.Parse(expr, osm.WithLocation(loc))
		if err != nil {
			var se *osm.SyntaxError
			ok := errors.As(err, &se)
			if !ok {
				t.Fatalf("ParseOSM(%q) = %v, want a *SyntaxError", expr, err)
			}
			if n := len([]rune(expr)); se.Column < 1 || se.Column > n+1 {
				t.Fatalf("ParseOSM(%q): column %d outside 1..%d", expr, se.Column, n+1)
			}
			return
		}
		s2, err := osm.Parse(s.String(), osm.WithLocation(loc))
		if err != nil {
			t.Fatalf("normal form %q of %q does not parse: %v", s.String(), expr, err)
		}
		if s2.String() != s.String() {
			t.Fatalf("normal form is not stable: %q then %q", s.String(), s2.String())
		}
		s.IsOpen(at)
		s.NextChange(at)
		s.Intervals(at, at.Add(7*24*time.Hour))
	})
}
