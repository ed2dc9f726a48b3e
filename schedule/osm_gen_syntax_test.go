package schedule_test

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
)

// The constructs of issue 12 ("opening hours as people really write
// them") in the random generator: the ":" after the wide-range selectors,
// week lists that repeat "week", date lists that mix dates and months, a
// month with weeks, periods on monthday ranges, easter as a range end, a
// comment before the times, and white space around rules.
//
// osmGen.syntax rewrites a rule that osmGen.rule made, drawing from a
// random source of its own (osmGen.x), so that the draws of osmGen.r, and
// with them the parts that the other constructs of the generator make,
// are those they were before.

// newOSMSyntaxRand returns the random source of osmGen.syntax for a seed.
func newOSMSyntaxRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed^0x5bd1e995, seed+12))
}

// xChance reports true with probability p, from the syntax source.
func (g *osmGen) xChance(p float64) bool { return g.x.Float64() < p }

// xBetween returns a uniform integer in [lo, hi], from the syntax source.
func (g *osmGen) xBetween(lo, hi int) int { return lo + g.x.IntN(hi-lo+1) }

// osmWidePart matches a part of a generated rule that is a wide-range
// selector: years, dates or months, easter, weeks.
var osmWidePart = regexp.MustCompile(`^(20[0-9]{2}|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|easter|week)\b`)

// osmTimePart matches a part that is a time span list.
var osmTimePart = regexp.MustCompile(`^[0-9]{2}:[0-9]{2}-`)

// osmMonthPart matches a part that is a month or a month range alone.
var osmMonthPart = regexp.MustCompile(`^[A-Z][a-z]{2}(-[A-Z][a-z]{2})?$`)

// syntax rewrites r with the constructs of issue 12, each now and then.
func (g *osmGen) syntax(r osmGenRule) osmGenRule {
	if g.x == nil {
		return r
	}
	out := r
	out.parts = append([]string(nil), r.parts...)
	kind := func(re *regexp.Regexp) int {
		for i, p := range out.parts {
			if re.MatchString(p) {
				return i
			}
		}
		return -1
	}
	hasYear := len(out.parts) > 0 && strings.HasPrefix(out.parts[0], "20")
	// Dates: periods, easter ranges and lists of dates ending in months,
	// in place of the dates and months of the rule or as its first part.
	if !hasYear && g.xChance(0.12) {
		d := g.syntaxDates()
		if i := kind(osmWidePart); i >= 0 && !strings.HasPrefix(out.parts[i], "week") {
			out.parts[i] = d
		} else {
			out.parts = append([]string{d}, out.parts...)
		}
	}
	// A month with weeks: Feb week 05.
	if i := kind(osmMonthPart); i >= 0 && !strings.Contains(out.String(), "week") && g.xChance(0.15) {
		m := g.x.IntN(12)
		if j := slicesIndex(osmMonths, out.parts[i][:3]); j >= 0 {
			m = j
		}
		w := min(53, max(1, m*53/12+g.xBetween(0, 5)))
		out.parts = append(out.parts[:i+1], append([]string{fmt.Sprintf("week %02d", w)}, out.parts[i+1:]...)...)
	}
	// Week lists that repeat "week": week 01,week 03.
	for i, p := range out.parts {
		if strings.HasPrefix(p, "week ") && strings.Contains(p, ",") && g.xChance(0.5) {
			out.parts[i] = strings.ReplaceAll(p, ",", ",week ")
		}
	}
	// A comment before the times: We "Call us" 10:00-16:00, in a rule
	// with selectors before its times and no state (opening_hours.js reads
	// a comment before a state as unknown, and ParseOSM refuses it).
	if t := kind(osmTimePart); t > 0 && !osmStatePart(out.parts) {
		last := out.parts[len(out.parts)-1]
		switch {
		case strings.HasPrefix(last, `"`) && g.xChance(0.5):
			out.parts = append(out.parts[:t], append([]string{last}, out.parts[t:len(out.parts)-1]...)...)
		case !strings.HasPrefix(last, `"`) && g.xChance(0.08):
			c := fmt.Sprintf("%q", []string{"Call us", "Maybe", "walk-in", "afspraak"}[g.x.IntN(4)])
			out.parts = append(out.parts[:t], append([]string{c}, out.parts[t:]...)...)
		}
		if osmTimePart.MatchString(out.parts[len(out.parts)-1]) {
			out.endsTimeSpan, out.endsModifier = true, false
		}
	}
	// The ":" after the wide-range selectors, when something follows.
	if i := lastIndex(out.parts, osmWidePart); i >= 0 && i < len(out.parts)-1 && g.xChance(0.25) {
		out.parts[i] += ":"
	}
	// White space around the rule.
	if g.xChance(0.04) {
		out.parts[0] = strings.Repeat(" ", g.xBetween(1, 2)) + out.parts[0]
		out.parts[len(out.parts)-1] += strings.Repeat(" ", g.xBetween(1, 2))
	}
	if e := strings.TrimSpace(out.String()); osmDateMonthNth.MatchString(e) || osmYearMonthTime.MatchString(e) ||
		osmSyntaxRefused.MatchString(e) {
		return r
	}
	return out
}

// osmSyntaxRefused matches what opening_hours.js and ParseOSM refuse or
// read otherwise, which syntax must not make: a month after a periodic
// range before a weekday with [n] (Jan 01-31/8,Sep Tu[4], as
// osmDateMonthNth), a single date after a month followed by ":" and a
// time (Feb,Nov 17: 10:00, read as a month and a time), and a period 7
// after day 24 (Jan 08-24/7, where 24/7 is a token).
var osmSyntaxRefused = regexp.MustCompile(`[0-9],[A-Z][a-z]{2}:? [A-Z][a-z]\[|[A-Za-z],[A-Z][a-z]{2} [0-9]{2}: [0-9]|-24/7`)

// osmStatePart reports whether a rule's parts have a state.
func osmStatePart(parts []string) bool {
	for _, p := range parts {
		switch strings.TrimSpace(p) {
		case "open", "closed", "off", "unknown":
			return true
		}
	}
	return false
}

func lastIndex(parts []string, re *regexp.Regexp) int {
	for i := len(parts) - 1; i >= 0; i-- {
		if re.MatchString(parts[i]) {
			return i
		}
	}
	return -1
}

func slicesIndex(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// syntaxDates returns a list of dates with the constructs of issue 12: an
// easter range alone or first (opening_hours.js refuses easter after a
// month), periodic monthday ranges, dates, and months only at the end
// (one switch from dates to months: Jan 31-Feb 01,Aug).
func (g *osmGen) syntaxDates() string {
	var items []string
	if g.xChance(0.4) {
		items = append(items, g.easterRange())
	}
	for n := g.xBetween(0, 2) + 1 - min(len(items), 1); n > 0; n-- {
		items = append(items, g.syntaxDate())
	}
	if g.xChance(0.3) {
		items = append(items, osmMonths[g.x.IntN(12)])
	}
	return strings.Join(items, ",")
}

// syntaxDate returns a periodic monthday range (Jan 01-31/8), a date range
// over a month end (Jan 31-Feb 01) or a date (Dec 31).
func (g *osmGen) syntaxDate() string {
	m := g.x.IntN(12)
	switch g.x.IntN(3) {
	case 0, 1:
		last := osmMonthLen[m]
		switch m {
		case 1:
			last = 27 // ParseOSM refuses Feb DD-28 and Feb DD-29
		case 2, 9:
			// opening_hours.js counts the days of a period in 24-hour steps
			// from the first day, so after a DST change in the range it is
			// off by one for an hour each day (at 00:00-01:00 after spring
			// forward, at 23:00-24:00 after fall back): ranges in March and
			// October end before the last Sunday of the month.
			last = 24
		}
		d1 := g.xBetween(1, last-3)
		return fmt.Sprintf("%s %02d-%02d/%d", osmMonths[m], d1, g.xBetween(d1+2, last), g.xBetween(2, 9))
	case 2:
		m2 := (m + 1) % 12
		return fmt.Sprintf("%s %02d-%s %02d", osmMonths[m], g.xBetween(osmMonthLen[m]-3, osmMonthLen[m]), osmMonths[m2], g.xBetween(1, 3))
	}
	return fmt.Sprintf("%s %02d", osmMonths[m], g.xBetween(1, osmMonthLen[m]))
}

// easterRange returns a range with easter at one end or both: Apr 05-easter
// -1 day, easter-Apr 20, easter -2 days-easter +2 days.
func (g *osmGen) easterRange() string {
	easter := func() string {
		switch off := []int{0, 0, -2, -1, 1, 2, 39, 49, g.xBetween(-80, 200)}[g.x.IntN(9)]; {
		case off == 0:
			return "easter"
		case off == 1 || off == -1:
			return fmt.Sprintf("easter %+d day", off)
		default:
			return fmt.Sprintf("easter %+d days", off)
		}
	}
	date := func() string {
		m := g.xBetween(1, 5) // Feb to Jun, around Easter
		return fmt.Sprintf("%s %02d", osmMonths[m], g.xBetween(1, osmMonthLen[m]))
	}
	switch g.x.IntN(3) {
	case 0:
		return date() + "-" + easter()
	case 1:
		return easter() + "-" + date()
	}
	return easter() + "-" + easter()
}

// osmSyntaxConstructs are the constructs of osmGen.syntax, each with a
// pattern that finds it in an expression (see osmConstructs).
var osmSyntaxConstructs = []struct {
	name string
	re   *regexp.Regexp
}{
	{"a ':' after months", regexp.MustCompile(`\b[A-Z][a-z]{2}: `)},
	{"a ':' after a date", regexp.MustCompile(`\b[A-Z][a-z]{2} [0-9]{2}: `)},
	{"a ':' after weeks", regexp.MustCompile(`\bweek [0-9,/ week-]*[0-9]: `)},
	{"a ':' after easter", regexp.MustCompile(`\beaster( [+-][0-9]+ days?)?: `)},
	{"a ':' after years", regexp.MustCompile(`\b20[0-9]{2}: `)},
	{"a week list repeating week", regexp.MustCompile(`,week [0-9]`)},
	{"a month with weeks", regexp.MustCompile(`\b[A-Z][a-z]{2}:? week [0-9]`)},
	{"dates then a month in a list", regexp.MustCompile(`[0-9],[A-Z][a-z]{2}\b[^ ]`)},
	{"a date range over a month end in a list", regexp.MustCompile(`\b[A-Z][a-z]{2} [0-9]{2}-[A-Z][a-z]{2} [0-9]{2},`)},
	{"a period on a monthday range", regexp.MustCompile(`\b[A-Z][a-z]{2} [0-9]{2}-[0-9]{2}/[0-9]\b`)},
	{"a date to easter", regexp.MustCompile(`\b[A-Z][a-z]{2} [0-9]{2}-easter\b`)},
	{"easter to a date", regexp.MustCompile(`\beaster( [+-][0-9]+ days?)?-[A-Z][a-z]{2} [0-9]{2}\b`)},
	{"easter to easter", regexp.MustCompile(`\beaster( [+-][0-9]+ days?)?-easter\b`)},
	{"a comment before the times", regexp.MustCompile(`" [0-9]{2}:[0-9]{2}-`)},
	{"a comment after a state", regexp.MustCompile(`\b(open|closed|off|unknown) "`)},
	{"white space around a rule", regexp.MustCompile(`(^ |  ;|;   | $)`)},
}
