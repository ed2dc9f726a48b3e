package services_test

import (
	"testing"
	"time"
)

// BenchmarkEstimate measures the acceptance example: three periods of a
// highly skilled migrant's application across Christmas, New Year and
// carnival (10 and 35 working days, and 90 calendar days).
func BenchmarkEstimate(b *testing.B) {
	cat := maastricht(b)
	submitted := day(b, "2026-12-21")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cat.Estimate("ind-hsm-decision", submitted); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAvailable measures which of the Maastricht services can be used
// at an instant.
func BenchmarkAvailable(b *testing.B) {
	cat := maastricht(b)
	tm := at(b, "2026-12-22T10:00")
	cat.Available(tm) // build the schedules' caches
	b.ReportAllocs()
	for b.Loop() {
		cat.Available(tm)
	}
}

// BenchmarkNext measures the next three times a card can be collected,
// across the Christmas closures.
func BenchmarkNext(b *testing.B) {
	cat := maastricht(b)
	s, _ := cat.Service("residence-permit-collection")
	tm := at(b, "2026-12-22T10:00")
	b.ReportAllocs()
	for b.Loop() {
		if len(s.Next(tm, 3, 90*24*time.Hour)) != 3 {
			b.Fatal("want 3 intervals")
		}
	}
}
