package dated_test

import (
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/dated"
)

func ExampleSeries() {
	fee := dated.Series[float64]{Indexed: true, Entries: []dated.Entry[float64]{
		{From: date.New(2025, 1, 1), Value: 405, Source: "https://example.org/2025", Note: "the fee of 2025", Unverified: true},
		{From: date.New(2026, 1, 1), Value: 423, Source: "https://example.org/2026", Note: "the fee of 2026"},
	}}
	for _, day := range []date.Date{date.New(2024, 6, 1), date.New(2025, 6, 1), date.New(2026, 6, 1), date.New(2027, 6, 1)} {
		e, ok := fee.At(day)
		fmt.Println(day, ok, e.Value, e.Unverified, fee.Outdated(day))
	}
	// Output:
	// 2024-06-01 false 0 false false
	// 2025-06-01 true 405 true false
	// 2026-06-01 true 423 false false
	// 2027-06-01 true 423 false true
}
