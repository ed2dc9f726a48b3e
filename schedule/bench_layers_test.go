package schedule_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/schedule/osm"
)

// BenchmarkRecurrenceAge shows that the cost of NextChange and of a month of
// Intervals does not grow with the age of a recurrence: the same "every
// other Saturday" rule, begun in 1926 or in 2026, queried in December 2026.
func BenchmarkRecurrenceAge(b *testing.B) {
	loc := mustAmsterdam(b)
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, loc)
	for _, start := range []int{1926, 1976, 2026} {
		s, err := osm.Parse("Tu,Th 09:00-12:30; Fr 13:30-17:00", osm.WithLocation(loc),
			osm.WithRecurrences(osm.Recurrence{
				RRule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA",
				Start: date.New(start, time.January, 2),
				Hours: "10:00-13:00",
			}))
		if err != nil {
			b.Fatal(err)
		}
		s.NextChange(at) // build the cached days before timing
		b.Run(fmt.Sprintf("NextChange/since-%d", start), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				s.NextChange(at.Add(time.Duration(i%(30*24*60)) * time.Minute))
			}
		})
		b.Run(fmt.Sprintf("IntervalsMonth/since-%d", start), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.Intervals(at, at.AddDate(0, 1, 0))
			}
		})
	}
}

// BenchmarkParseOSM measures compiling the Maastricht IND expression.
func BenchmarkParseOSM(b *testing.B) {
	loc := mustAmsterdam(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := osm.Parse("Tu,Th 09:00-12:30; Fr 13:30-17:00; PH off", osm.WithLocation(loc)); err != nil {
			b.Fatal(err)
		}
	}
}
