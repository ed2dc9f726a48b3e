package schedule_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/osm"
)

// testZones are Europe/Amsterdam as a fat and as a slim TZif file (see
// testdata/zoneinfo/README.md). A slim file lists transitions only until the
// rules last changed (1996) and leaves the rest to its footer's POSIX TZ
// rule; a fat one lists them until 2037. Both must give the same answers.
func testZones(tb testing.TB) map[string]*time.Location {
	tb.Helper()
	zones := map[string]*time.Location{}
	for _, kind := range []string{"fat", "slim"} {
		b, err := os.ReadFile("testdata/zoneinfo/Europe-Amsterdam." + kind)
		if err != nil {
			tb.Fatal(err)
		}
		loc, err := time.LoadLocationFromTZData("Europe/Amsterdam", b)
		if err != nil {
			tb.Fatalf("%s zone: %v", kind, err)
		}
		zones[kind] = loc
	}
	return zones
}

// returns runs fn and fails the test when it has not returned after a
// minute: a guard against the endless loops this file tests for, so that a
// regression fails with the call that hung rather than at go test's
// timeout.
func returns(tb interface {
	Helper()
	Fatalf(format string, args ...any)
}, what string, fn func()) {
	tb.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		tb.Fatalf("%s did not return within a minute", what)
	}
}

// TestZoneDataAgree checks the test data: the fat and the slim zone give the
// same offset from 1900 to 2200, every 5 hours 7 minutes (so every hour of
// the day in turn) and a second before and after every change of either.
func TestZoneDataAgree(t *testing.T) {
	z := testZones(t)
	fat, slim := z["fat"], z["slim"]
	end := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
	var at []time.Time
	for x := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); x.Before(end); x = x.Add(5*time.Hour + 7*time.Minute) {
		at = append(at, x)
	}
	for _, loc := range []*time.Location{fat, slim} {
		for x := time.Date(1900, 1, 1, 0, 0, 0, 0, loc); x.Before(end); {
			_, zend := x.ZoneBounds()
			if !zend.After(x) {
				x = x.Add(time.Hour) // golang/go#81583, see TestLeapYearEndInBothZones
				continue
			}
			at = append(at, zend.Add(-time.Second), zend, zend.Add(time.Second))
			x = zend
		}
	}
	for _, at := range at {
		_, f := at.In(fat).Zone()
		_, s := at.In(slim).Zone()
		if f != s {
			t.Fatalf("at %s the fat zone's offset is %d s, the slim zone's %d s", at, f, s)
		}
	}
}

// TestLeapYearEndInBothZones is the regression test of the endless loop of
// issue 7: time.Time.ZoneBounds returns a zone end that is not after the
// instant on 31 December of a leap year once the zone's explicit
// transitions are exhausted (golang/go#81583): from 2040 with fat zone data,
// from 1996 with slim data. Every query at and around 31 December of every
// leap year from 1996 to 2196 must return, in both zones, and agree.
func TestLeapYearEndInBothZones(t *testing.T) {
	zones := testZones(t)
	for _, expr := range []string{"24/7", "Tu,Th 09:00-12:30; Fr 13:30-17:00; PH off", "Mo-Su 22:00-02:00"} {
		sched := map[string]*schedule.Schedule{}
		for kind, loc := range zones {
			s, err := osm.Parse(expr, osm.WithLocation(loc))
			if err != nil {
				t.Fatal(err)
			}
			sched[kind] = s
		}
		for y := 1996; y <= 2196; y += 4 {
			if y%100 == 0 && y%400 != 0 {
				continue
			}
			for _, at := range []time.Time{
				time.Date(y, 12, 31, 10, 0, 0, 0, time.UTC),
				time.Date(y, 12, 31, 0, 30, 0, 0, time.UTC),
				time.Date(y, 12, 30, 23, 0, 0, 0, time.UTC),
				time.Date(y, 6, 1, 10, 0, 0, 0, time.UTC),
			} {
				var got [2]string
				for i, kind := range []string{"fat", "slim"} {
					s := sched[kind]
					returns(t, fmt.Sprintf("%q at %s in the %s zone", expr, at, kind), func() {
						next, ok := s.NextChange(at)
						ivs := s.Intervals(at, at.AddDate(0, 0, 7))
						got[i] = fmt.Sprintf("open %v, %v, next %v %v, %d intervals",
							s.IsOpen(at), s.State(at).Kind, next.UTC(), ok, len(ivs))
					})
				}
				if got[0] != got[1] {
					t.Errorf("%q at %s: fat zone: %s; slim zone: %s", expr, at, got[0], got[1])
				}
			}
		}
	}
}
