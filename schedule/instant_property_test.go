package schedule_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"
	"pgregory.net/rapid"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/osm"
)

// TestInstantProperty draws random schedules (expressions of the
// differential generator, with PH, and random exceptions and recurrences)
// and instants across the whole range a Schedule answers for and a year on
// either side, in a fat and a slim Europe/Amsterdam, and checks that every
// query returns (see returns), that the two zones give the same answers,
// and that the answers agree with each other:
//
//   - IsOpen is State.Kind == Open, and Covers is Source != SourceOutOfRange;
//   - the state holds until just before NextChange and differs at it;
//   - Intervals and Day agree with State inside them.
//
// Half of the instants are uniform; the others are near the places where
// time-zone data and calendars are hardest: 31 December (of leap years
// too), the days clocks change, the edges of the range. The default is
// rapid's 100 checks; CI runs more with -rapid.checks.
func TestInstantProperty(t *testing.T) {
	zones := testZones(t)
	lo := time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2201, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	rapid.Check(t, func(rt *rapid.T) {
		g := newOSMGen(rapid.Uint64().Draw(rt, "seed"))
		g.ph = rapid.Bool().Draw(rt, "ph")
		expr := g.expr()
		opts := layerOptions(rt)
		var at time.Time
		switch rapid.IntRange(0, 3).Draw(rt, "where") {
		case 0, 1:
			at = time.Unix(rapid.Int64Range(lo, hi).Draw(rt, "unix"), 0)
		case 2: // around the end of a year
			y := rapid.IntRange(1899, 2200).Draw(rt, "year")
			at = time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC).Add(time.Duration(rapid.IntRange(-36*3600, 36*3600).Draw(rt, "seconds")) * time.Second)
		default: // around the last Sunday of March or October, 01:00 UTC
			y := rapid.IntRange(1977, 2199).Draw(rt, "year")
			m := rapid.SampledFrom([]time.Month{time.March, time.October}).Draw(rt, "month")
			last := time.Date(y, m+1, 0, 1, 0, 0, 0, time.UTC)
			last = last.AddDate(0, 0, -int(last.Weekday()))
			at = last.Add(time.Duration(rapid.IntRange(-3*3600, 3*3600).Draw(rt, "seconds")) * time.Second)
		}
		var answers [2]string
		for i, kind := range []string{"fat", "slim"} {
			s, err := osm.Parse(expr, append(opts, osm.WithLocation(zones[kind]))...)
			if err != nil {
				rt.Fatalf("ParseOSM(%q): %v", expr, err)
			}
			returns(rt, fmt.Sprintf("%q at %s in the %s zone", expr, at.UTC(), kind), func() {
				answers[i] = checkInstant(rt, s, expr, at)
			})
		}
		if answers[0] != answers[1] {
			rt.Fatalf("%q at %s: the fat zone says %s, the slim zone %s", expr, at.UTC(), answers[0], answers[1])
		}
	})
}

// layerOptions draws a few exceptions and recurrences, or none.
func layerOptions(rt *rapid.T) []osm.Option {
	var opts []osm.Option
	for i := range rapid.IntRange(0, 2).Draw(rt, "exceptions") {
		from := date.New(rapid.IntRange(1900, 2199).Draw(rt, fmt.Sprint("exception year ", i)), time.December, 20)
		hours := rapid.SampledFrom([]string{"", "10:00-12:00", "00:00-24:00"}).Draw(rt, fmt.Sprint("exception hours ", i))
		opts = append(opts, osm.WithExceptions(osm.Exception{
			Dates: timespan.DayRange(from+date.Date(20*i), timespan.PeriodOfDays(rapid.IntRange(1, 15).Draw(rt, fmt.Sprint("exception days ", i)))),
			Hours: hours, Reason: schedule.Text{NL: "uitzondering", EN: "exception"},
		}))
	}
	if rapid.Bool().Draw(rt, "recurrence") {
		rule := rapid.SampledFrom([]string{
			"FREQ=MONTHLY;BYDAY=1MO", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
			"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=DAILY;COUNT=400",
		}).Draw(rt, "rrule")
		opts = append(opts, osm.WithRecurrences(osm.Recurrence{
			RRule: rule, Start: date.New(rapid.IntRange(1900, 2190).Draw(rt, "rrule year"), time.January, 1),
			Hours: "18:00-20:00", Closed: rapid.Bool().Draw(rt, "rrule closes"),
		}))
	}
	return opts
}

// checkInstant asks every query of s at t, checks that the answers agree
// with each other, and returns them in UTC, to compare across zones.
func checkInstant(rt *rapid.T, s *schedule.Schedule, expr string, t time.Time) string {
	st := s.State(t)
	if s.IsOpen(t) != (st.Kind == schedule.Open) {
		rt.Fatalf("%q at %s: IsOpen = %v, State = %v", expr, t, s.IsOpen(t), st.Kind)
	}
	if s.Covers(t) != (st.Source != schedule.SourceOutOfRange) {
		rt.Fatalf("%q at %s: Covers = %v, State from %v", expr, t, s.Covers(t), st.Source)
	}
	next, ok := s.NextChange(t)
	if ok {
		if !next.After(t) || next.Sub(t) >= schedule.Horizon {
			rt.Fatalf("%q: NextChange(%s) = %s is not within (t, t+Horizon)", expr, t, next)
		}
		if got := s.State(next.Add(-time.Second)).Kind; got != st.Kind {
			rt.Fatalf("%q: the state just before NextChange(%s) = %s is %v, want %v", expr, t, next, got, st.Kind)
		}
		if got := s.State(next).Kind; got == st.Kind {
			rt.Fatalf("%q: the state at NextChange(%s) = %s is still %v", expr, t, next, got)
		}
	}
	week := s.Intervals(t, t.AddDate(0, 0, 7))
	for _, iv := range week {
		mid := iv.Start.Add(iv.End.Sub(iv.Start) / 2)
		if got := s.State(mid); got.Kind != iv.Kind || got.Source != iv.Source {
			rt.Fatalf("%q: interval %v from %v, %s-%s, but State(%s) = %v from %v", expr, iv.Kind, iv.Source, iv.Start, iv.End, mid, got.Kind, got.Source)
		}
	}
	day := s.Day(date.NewAt(t.In(s.Location())))
	for _, iv := range day.Intervals {
		if iv.Start.Before(day.Start) || iv.End.After(day.End) {
			rt.Fatalf("%q: Day(%s) has interval %s-%s outside the day", expr, day.Date, iv.Start, iv.End)
		}
	}
	return fmt.Sprintf("open %v, %v from %v, next %v %v, %d intervals in a week, %d on the day",
		s.IsOpen(t), st.Kind, st.Source, next.UTC(), ok, len(week), len(day.Intervals))
}

// FuzzQuery fuzzes expressions together with instants, over every int64
// of unix seconds: whatever parses must answer every query at any instant,
// in both zones alike.
func FuzzQuery(f *testing.F) {
	for _, seed := range []struct {
		expr string
		unix int64
	}{
		{"24/7", time.Date(2040, 12, 31, 10, 0, 0, 0, time.UTC).Unix()},
		{"Tu,Th 09:00-12:30; Fr 13:30-17:00; PH off", time.Date(1996, 12, 31, 10, 0, 0, 0, time.UTC).Unix()},
		{"Mo-Su 22:00-02:00", time.Date(2199, 12, 31, 23, 30, 0, 0, time.UTC).Unix()},
		{"Mo-Fr 09:00-17:00 || PH unknown", time.Date(1899, 12, 31, 23, 50, 0, 0, time.UTC).Unix()},
		{"week 01-53/2 Sa 00:00-48:00", -1 << 62},
		{"2196 Dec 31 10:00-24:01", 1 << 62},
	} {
		f.Add(seed.expr, seed.unix)
	}
	zones := testZones(f)
	f.Fuzz(func(t *testing.T, expr string, unix int64) {
		at := time.Unix(unix, 0)
		var answers []string
		for _, kind := range []string{"fat", "slim"} {
			s, err := osm.Parse(expr, osm.WithLocation(zones[kind]))
			if err != nil {
				return
			}
			st := s.State(at)
			next, ok := s.NextChange(at)
			ivs := s.Intervals(at, at.Add(48*time.Hour))
			day := s.Day(date.NewAt(at.In(s.Location())))
			if s.IsOpen(at) != (st.Kind == schedule.Open) || s.Covers(at) != (st.Source != schedule.SourceOutOfRange) {
				t.Fatalf("%q at %d: IsOpen %v and Covers %v disagree with State %+v", expr, unix, s.IsOpen(at), s.Covers(at), st)
			}
			if ok && !next.After(at) {
				t.Fatalf("%q at %d: NextChange = %s is not after the instant", expr, unix, next)
			}
			answers = append(answers, fmt.Sprintf("%v %v %v %v %d %d", st.Kind, st.Source, next.Unix(), ok, len(ivs), len(day.Intervals)))
		}
		if answers[0] != answers[1] {
			t.Fatalf("%q at %d: fat zone %s, slim zone %s", expr, unix, answers[0], answers[1])
		}
	})
}

// TestBinaryRoundTrip checks decode(encode(x)) against x for random
// schedules (expressions of the differential generator, with PH, random
// exceptions and recurrences): the binary form gives a schedule that
// answers identically at random instants across every year loket answers
// for, and its binary form is the same.
func TestBinaryRoundTrip(t *testing.T) {
	loc := mustAmsterdam(t)
	lo := time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2201, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	rapid.Check(t, func(rt *rapid.T) {
		g := newOSMGen(rapid.Uint64().Draw(rt, "seed"))
		g.ph = rapid.Bool().Draw(rt, "ph")
		expr := g.expr()
		s, err := osm.Parse(expr, append(layerOptions(rt), osm.WithLocation(loc))...)
		if err != nil {
			rt.Fatalf("Parse(%q): %v", expr, err)
		}
		data, err := s.MarshalBinary()
		if err != nil {
			rt.Fatal(err)
		}
		d, err := schedule.Unmarshal(data)
		if err != nil {
			rt.Fatalf("Unmarshal of %q: %v", expr, err)
		}
		again, err := d.MarshalBinary()
		if err != nil || !bytes.Equal(again, data) {
			rt.Fatalf("%q: the decoded schedule encodes otherwise", expr)
		}
		if d.String() != s.String() {
			rt.Fatalf("String %q, decoded %q", s.String(), d.String())
		}
		for range 5 {
			at := time.Unix(rapid.Int64Range(lo, hi).Draw(rt, "unix"), 0)
			n1, ok1 := s.NextChange(at)
			n2, ok2 := d.NextChange(at)
			if s.State(at) != d.State(at) || ok1 != ok2 || !n1.Equal(n2) ||
				fmt.Sprint(s.Intervals(at, at.AddDate(0, 0, 7))) != fmt.Sprint(d.Intervals(at, at.AddDate(0, 0, 7))) {
				rt.Fatalf("%q at %s: the decoded schedule answers otherwise", expr, at)
			}
		}
	})
}
