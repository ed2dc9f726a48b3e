package schedule_test

import (
	"regexp"
	"slices"
	"strings"
)

// The day offsets of the generator (osm_gen_test.go): the n-th weekday of a
// month moved by 1 to 6 days either way (Sa[-1] +3 days, Su[1,3] -1 day)
// and PH moved by a day (PH +1 day, PH -1 day). They join the weekday
// items and PH rules that the generator makes anyway.

// nthOffset returns the offset that follows the brackets of an n-th
// weekday, often none: " +3 days", " -1 day", "".
func (g *osmGen) nthOffset() string {
	if !g.chance(0.3) {
		return ""
	}
	a := g.between(1, 6)
	if g.chance(0.5) {
		a = -a
	}
	return " " + ohDayOffset(a)
}

// phOffset returns the offset that follows PH, often none: " +1 day",
// " -1 day", "".
func (g *osmGen) phOffset() string {
	switch g.r.IntN(6) {
	case 0:
		return " +1 day"
	case 1:
		return " -1 day"
	}
	return ""
}

// insertPH puts PH, with an offset sometimes, into a list of weekday items
// at a random place; not first with an offset, which opening_hours.js
// reads as a second condition ("PH +1 day,Su": the day after a public
// holiday that is a Sunday) and ParseOSM refuses.
func (g *osmGen) insertPH(items []string) []string {
	i := g.r.IntN(len(items) + 1)
	ph := "PH" + g.phOffset()
	if i == 0 && ph != "PH" {
		i = len(items)
	}
	return slices.Insert(items, i, ph)
}

// osmOffsetConstructs are the day offsets among the generator's
// constructs (see osmConstructs).
var osmOffsetConstructs = []struct {
	name string
	re   *regexp.Regexp
}{
	{"an n-th weekday moved forward", regexp.MustCompile(`\] \+[1-6] days?\b`)},
	{"an n-th weekday moved back", regexp.MustCompile(`\] -[1-6] days?\b`)},
	{"a last weekday moved", regexp.MustCompile(`\[-[12]\] [+-][1-6] days?\b`)},
	{"n-th weekdays listed, moved", regexp.MustCompile(`\[[1-5][,-][1-5]\] [+-][1-6] days?\b`)},
	{"an n-th weekday moved after months or dates", regexp.MustCompile(`\b([A-Z][a-z]{2}|[0-9]{2}) ([A-Z][a-z][-A-Za-z]*,)*[A-Z][a-z]\[-?[1-5]\] [+-][1-6] days?\b`)},
	{"a moved n-th weekday with times", regexp.MustCompile(`\] [+-][1-6] days? [0-9]{2}:`)},
	{"PH +1 day", regexp.MustCompile(`\bPH \+1 day\b`)},
	{"PH -1 day", regexp.MustCompile(`\bPH -1 day\b`)},
	{"PH moved in a weekday list", regexp.MustCompile(`,PH [+-]1 day\b`)},
	{"PH moved as a rule of its own", regexp.MustCompile(`(^|; |, | \|\| )PH [+-]1 day( [0-9]{2}:| off| closed| open| unknown| "|;|$)`)},
}

// ohHasPHOffset reports whether an expression has PH +1 day or PH -1 day,
// whose days depend on the holidays next to them.
func ohHasPHOffset(expr string) bool {
	return strings.Contains(expr, "PH +") || strings.Contains(expr, "PH -")
}
