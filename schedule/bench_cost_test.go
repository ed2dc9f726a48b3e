package schedule_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/expatcentre/loket/schedule/osm"
)

// manyRules returns n overlapping rules that run past midnight, each a
// minute later than the one before, joined by sep: the worst case for
// evaluating a day, where every rule applies and every span end differs.
func manyRules(n int, sep string) string {
	rules := make([]string, n)
	for i := range rules {
		from := 20*60 + i%240
		to := (from + 6*60) % (24 * 60)
		rules[i] = fmt.Sprintf("%02d:%02d-%02d:%02d", from/60, from%60, to/60, to%60)
	}
	return strings.Join(rules, sep)
}

// BenchmarkFirstQuery measures a schedule's first query, which evaluates
// the season of days around it (a block of the cache), for more and more
// rules that all apply to every day: the cost grows with the number of
// rules, up to MaxRules, not with its square.
func BenchmarkFirstQuery(b *testing.B) {
	loc := mustAmsterdam(b)
	at := time.Date(2026, 12, 22, 10, 0, 0, 0, loc)
	for _, n := range []int{1, 16, 64, osm.MaxRules} {
		for _, sep := range []string{"; ", ", ", " || "} {
			expr := manyRules(n, sep)
			b.Run(fmt.Sprintf("rules=%d/sep=%q", n, strings.TrimSpace(sep)), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					s, err := osm.Parse(expr, osm.WithLocation(loc))
					if err != nil {
						b.Fatal(err)
					}
					s.IsOpen(at)
				}
			})
		}
	}
}
