package schedule_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
)

// TestRangeBounds checks that FirstDay and LastDay are the years of the
// holiday calendar and that Bounds gives their local midnights.
func TestRangeBounds(t *testing.T) {
	if want := date.New(holidays.FirstYear, time.January, 1); schedule.FirstDay != want {
		t.Errorf("FirstDay = %s, want %s", schedule.FirstDay, want)
	}
	if want := date.New(holidays.LastYear, time.December, 31); schedule.LastDay != want {
		t.Errorf("LastDay = %s, want %s", schedule.LastDay, want)
	}
	for kind, loc := range testZones(t) {
		s, err := osm.Parse("24/7", osm.WithLocation(loc))
		if err != nil {
			t.Fatal(err)
		}
		first, end := s.Bounds()
		if want := time.Date(1900, 1, 1, 0, 0, 0, 0, loc); !first.Equal(want) {
			t.Errorf("%s zone: first = %s, want %s", kind, first, want)
		}
		if want := time.Date(2200, 1, 1, 0, 0, 0, 0, loc); !end.Equal(want) {
			t.Errorf("%s zone: end = %s, want %s", kind, end, want)
		}
	}
}

// TestOutOfRange is the rule for instants outside FirstDay..LastDay: the
// state is Unknown with SourceOutOfRange, never a guess (issue 7: before,
// Christmas Day 2200 was "open" because the holiday calendar stops at
// 2199). The edges are changes like any other.
func TestOutOfRange(t *testing.T) {
	loc := mustAmsterdam(t)
	s, err := osm.Parse("Mo-Su 09:00-17:00; PH off", osm.WithLocation(loc))
	if err != nil {
		t.Fatal(err)
	}
	at := func(y int, m time.Month, d, h, min, sec int) time.Time {
		return time.Date(y, m, d, h, min, sec, 0, loc)
	}
	oor := schedule.State{Kind: schedule.Unknown, Source: schedule.SourceOutOfRange}
	for _, c := range []struct {
		at     time.Time
		covers bool
		kind   schedule.Kind
		source schedule.Source
	}{
		{at(1899, 12, 31, 23, 59, 59), false, schedule.Unknown, schedule.SourceOutOfRange},
		{at(1900, 1, 1, 0, 0, 0), true, schedule.Closed, schedule.SourceRule}, // New Year's Day: PH off
		{at(1900, 1, 2, 10, 0, 0), true, schedule.Open, schedule.SourceRule},
		{at(2199, 12, 25, 10, 0, 0), true, schedule.Closed, schedule.SourceRule}, // Christmas Day: PH off
		{at(2199, 12, 31, 23, 59, 59), true, schedule.Closed, schedule.SourceNone},
		{at(2200, 1, 1, 0, 0, 0), false, schedule.Unknown, schedule.SourceOutOfRange},
		{at(2200, 12, 25, 10, 0, 0), false, schedule.Unknown, schedule.SourceOutOfRange},
		{at(2026, 12, 25, 10, 0, 0).AddDate(-2025, 0, 0), false, schedule.Unknown, schedule.SourceOutOfRange}, // year 1
		{time.Date(9999, 12, 31, 12, 0, 0, 0, time.UTC), false, schedule.Unknown, schedule.SourceOutOfRange},
		{time.Unix(1<<62, 0), false, schedule.Unknown, schedule.SourceOutOfRange},
		{time.Unix(-1<<62, 0), false, schedule.Unknown, schedule.SourceOutOfRange},
		{time.Time{}, false, schedule.Unknown, schedule.SourceOutOfRange},
	} {
		st := s.State(c.at)
		if s.Covers(c.at) != c.covers || st.Kind != c.kind || st.Source != c.source || s.IsOpen(c.at) != (c.kind == schedule.Open) {
			t.Errorf("at %s: Covers %v, State %v from %v, IsOpen %v; want %v, %v from %v", c.at,
				s.Covers(c.at), st.Kind, st.Source, s.IsOpen(c.at), c.covers, c.kind, c.source)
		}
		if !c.covers && st != oor {
			t.Errorf("at %s: State = %+v, want %+v", c.at, st, oor)
		}
	}

	// The edges are changes.
	for _, c := range []struct {
		from, want time.Time
	}{
		{at(2199, 12, 31, 18, 0, 0), at(2200, 1, 1, 0, 0, 0)},
		{at(1899, 6, 1, 12, 0, 0), at(1900, 1, 1, 0, 0, 0)},
		{at(1800, 6, 1, 12, 0, 0), time.Time{}}, // more than Horizon before
		{at(2300, 6, 1, 12, 0, 0), time.Time{}},
		{time.Unix(1<<62, 0), time.Time{}},
		{time.Unix(-1<<62, 0), time.Time{}},
	} {
		next, ok := s.NextChange(c.from)
		if ok != !c.want.IsZero() || ok && !next.Equal(c.want) {
			t.Errorf("NextChange(%s) = %s, %v; want %s", c.from, next, ok, c.want)
		}
	}

	// Intervals name the part out of range.
	ivs := s.Intervals(at(2199, 12, 31, 0, 0, 0), at(2200, 1, 2, 0, 0, 0))
	if len(ivs) != 2 || ivs[0].Kind != schedule.Open || ivs[0].Source != schedule.SourceRule ||
		ivs[1].Kind != schedule.Unknown || ivs[1].Source != schedule.SourceOutOfRange ||
		!ivs[1].Start.Equal(at(2200, 1, 1, 0, 0, 0)) || !ivs[1].End.Equal(at(2200, 1, 2, 0, 0, 0)) {
		t.Errorf("Intervals over the end of 2199 = %+v", ivs)
	}
	if ivs := s.Intervals(time.Time{}, time.Time{}.Add(48*time.Hour)); len(ivs) != 1 || ivs[0].Source != schedule.SourceOutOfRange {
		t.Errorf("Intervals from year 1 = %+v, want one interval out of range", ivs)
	}
	// Instants beyond years 1 to 9999 are taken as the edge of those years,
	// where a stretch of 48 hours is empty.
	for _, at := range []time.Time{time.Unix(1<<62, 0), time.Unix(-1<<62, 0)} {
		if ivs := s.Intervals(at, at.Add(48*time.Hour)); len(ivs) != 0 {
			t.Errorf("Intervals from %s = %+v, want none", at, ivs)
		}
	}

	// Days.
	for _, c := range []struct {
		d        date.Date
		interval bool // one Unknown interval out of range; else none and Closed out of range
	}{
		{date.New(2200, time.January, 1), true},
		{date.New(1899, time.December, 31), true},
		{date.New(9999, time.December, 31), true},
		{date.New(1, time.January, 1), true},
		{date.Max(), false},
		{date.Min(), false},
		{0, true}, // 0001-01-01
	} {
		v := s.Day(c.d)
		switch {
		case c.interval && (len(v.Intervals) != 1 || v.Intervals[0].Source != schedule.SourceOutOfRange || v.Intervals[0].Kind != schedule.Unknown):
			t.Errorf("Day(%s) = %+v, want one interval out of range", c.d, v)
		case !c.interval && (len(v.Intervals) != 0 || v.Closed != oor):
			t.Errorf("Day(%s) = %+v, want no interval and Closed out of range", c.d, v)
		}
	}
	if v := s.Day(date.New(2199, time.December, 25)); len(v.Intervals) != 0 || v.Closed.Holiday.ID != "christmas-day" {
		t.Errorf("Day(2199-12-25) = %+v, want closed for Christmas Day", v)
	}
}
