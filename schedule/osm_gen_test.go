package schedule_test

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// osmGen generates random opening_hours expressions in the canonical
// spelling of the subset that the differential test covers (see
// osm_oracle_test.go): rules joined by "; ", ", " and " || ", each rule made of
// optional year, month/monthday, week, weekday, time, state and comment parts,
// in that order. It is deterministic for a given seed.
//
// With ph set, every expression names PH (public holidays): in weekday lists
// (Mo-Fr,PH or PH,Su) and as a rule of its own (PH off, PH 10:00-12:00), often
// as the last rule (Mo-Sa 09:00-17:00; PH off). Without it the generator draws
// exactly the numbers it drew before PH existed, so a seed keeps its
// expressions.
type osmGen struct {
	r  *rand.Rand
	ph bool
	x  *rand.Rand // the constructs of issue 12 (osm_gen_syntax_test.go)
}

func newOSMGen(seed uint64) *osmGen {
	return &osmGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), x: newOSMSyntaxRand(seed)}
}

// chance reports true with probability p.
func (g *osmGen) chance(p float64) bool { return g.r.Float64() < p }

// between returns a uniform integer in [lo, hi].
func (g *osmGen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func osmPick[T any](g *osmGen, xs ...T) T { return xs[g.r.IntN(len(xs))] }

// osmGenRule is one generated rule; the flags say how it starts and ends, which
// decides whether ", " (additional rule) may join it to its neighbours.
type osmGenRule struct {
	parts        []string
	startsTime   bool // first part is a time selector (or 24/7)
	endsTimeSpan bool // last part is a time span list (not 24/7)
	endsModifier bool // last part is a state keyword or a comment
}

func (r osmGenRule) String() string { return strings.Join(r.parts, " ") }

// expr returns one expression of one to four rules (five with a final PH
// rule); with g.ph, one that names PH.
func (g *osmGen) expr() string {
	for {
		e := g.rules()
		if !g.ph {
			return e
		}
		if g.chance(0.3) {
			e += "; " + g.phRule().String()
		}
		if strings.Contains(e, "PH") {
			return e
		}
	}
}

func (g *osmGen) rules() string {
	n := osmPick(g, 1, 1, 2, 2, 2, 3, 3, 4)
	var b strings.Builder
	prev := g.rule(false)
	b.WriteString(prev.String())
	for range n - 1 {
		canAdditional := prev.endsTimeSpan || prev.endsModifier
		switch {
		case canAdditional && g.chance(0.3):
			b.WriteString(", ")
			prev = g.rule(true)
		case g.chance(0.2):
			b.WriteString(" || ")
			prev = g.rule(false)
		default:
			b.WriteString("; ")
			prev = g.rule(false)
		}
		b.WriteString(prev.String())
	}
	return b.String()
}

// rule returns one rule; additional rules do not start with a time selector.
func (g *osmGen) rule(additional bool) osmGenRule {
	if g.ph && g.chance(0.15) {
		return g.phRule()
	}
	var r osmGenRule
	for {
		r = osmGenRule{}
		hasYear := g.chance(0.1)
		if hasYear {
			r.parts = append(r.parts, g.years())
		}
		hasMonth := g.chance(0.2)
		if hasMonth {
			r.parts = append(r.parts, g.months(hasYear))
		}
		if g.chance(0.08) {
			r.parts = append(r.parts, g.weeks())
		}
		if g.chance(0.55) || additional && len(r.parts) == 0 && g.chance(0.7) {
			r.parts = append(r.parts, g.weekdays(hasMonth))
		}
		hasTime := false
		is247 := false
		if g.chance(0.65) {
			if g.chance(0.06) {
				r.parts = append(r.parts, "24/7")
				is247 = true
			} else {
				r.parts = append(r.parts, g.times())
			}
			hasTime = true
			r.startsTime = len(r.parts) == 1
		}
		r.endsTimeSpan = hasTime && !is247
		if g.chance(0.3) {
			r.parts = append(r.parts, osmPick(g, "open", "closed", "off", "unknown"))
			r.endsTimeSpan = false
			r.endsModifier = true
		}
		if g.chance(0.12) {
			r.parts = append(r.parts, strconv.Quote(osmPick(g, "by appointment", "staff training", "only for registered expats", "call ahead", "Kerstmis", "summer hours")))
			r.endsTimeSpan = false
			r.endsModifier = true
		}
		if len(r.parts) > 0 && !(additional && r.startsTime) && !osmYearMonthTime.MatchString(r.String()) &&
			!osmDateMonthNth.MatchString(r.String()) {
			return g.syntax(r)
		}
	}
}

// phRule returns a rule whose only selector is PH: PH off, PH 10:00-12:00,
// PH 09:00-12:00,14:00-17:00 open "by appointment", PH unknown.
func (g *osmGen) phRule() osmGenRule {
	r := osmGenRule{parts: []string{"PH" + g.phOffset()}}
	hasTime := g.chance(0.5)
	if hasTime {
		r.parts = append(r.parts, g.times())
		r.endsTimeSpan = true
	}
	if !hasTime || g.chance(0.2) {
		r.parts = append(r.parts, osmPick(g, "off", "off", "closed", "open", "unknown"))
		r.endsTimeSpan = false
		r.endsModifier = true
	}
	if g.chance(0.12) {
		r.parts = append(r.parts, strconv.Quote(osmPick(g, "by appointment", "holiday hours", "Kerstmis")))
		r.endsTimeSpan = false
		r.endsModifier = true
	}
	return r
}

// osmYearMonthTime matches a year, one month and a time, which opening_hours.js
// misreads as a date ("2026 Mar 09:00-12:00" is "2026 Mar 09" and garbage).
var osmYearMonthTime = regexp.MustCompile(`^[0-9,-]+ [A-Z][a-z]{2} [0-9]{2}:`)

// osmDateMonthNth matches a date list ending in a single month followed by a
// weekday with [n] ("Jun 24,Sep Fr[4]"): opening_hours.js files that month
// under a second selector that must also match, and ParseOSM refuses it.
var osmDateMonthNth = regexp.MustCompile(`(?:[0-9]{2}|days?|easter),[A-Z][a-z]{2} [A-Z][a-z]\[`)

// years returns a year selector within 2024-2029: 2026, 2025-2027, 2025,2027.
func (g *osmGen) years() string {
	switch g.r.IntN(3) {
	case 0:
		return strconv.Itoa(g.between(2024, 2029))
	case 1:
		a := g.between(2024, 2028)
		return fmt.Sprintf("%d-%d", a, g.between(a+1, 2029))
	default:
		ys := g.distinct(2, 2024, 2029)
		return fmt.Sprintf("%d,%d", ys[0], ys[1])
	}
}

// distinct returns n distinct ascending integers in [lo, hi].
func (g *osmGen) distinct(n, lo, hi int) []int {
	var xs []int
	for len(xs) < n {
		x := g.between(lo, hi)
		if !slices.Contains(xs, x) {
			xs = append(xs, x)
		}
	}
	slices.Sort(xs)
	return xs
}

var (
	osmMonths   = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	osmMonthLen = []int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	osmWeekdays = []string{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}
)

// months returns a comma list of month, month range, monthday and monthday
// range items, or an easter item alone (opening_hours.js rejects easter after
// a month in a list). After a year selector only months and month ranges are
// used: opening_hours.js reads "2026 Dec 24-Jan 06" as a range of dates in
// 2026, not as a year and a monthday range.
func (g *osmGen) months(afterYear bool) string {
	if !afterYear && g.chance(0.2) {
		return g.easter()
	}
	n := osmPick(g, 1, 1, 1, 2, 2, 3)
	items := make([]string, n)
	for {
		switches := 0
		for i := range items {
			items[i] = g.monthItem(afterYear)
			if i > 0 && osmIsDate(items[i]) != osmIsDate(items[i-1]) {
				switches++
			}
		}
		// opening_hours.js files the items of a list that switches twice
		// between months and dates under two selectors that must both
		// match ("Oct 27-30,Nov,Oct 05-22" never matches); ParseOSM refuses
		// such lists.
		if switches < 2 {
			return strings.Join(items, ",")
		}
	}
}

// osmIsDate reports whether a month item is a date or date range (Dec 25,
// Dec 24-26) rather than a month or month range (Dec, Nov-Feb).
func osmIsDate(item string) bool { return strings.Contains(item, " ") }

func (g *osmGen) monthItem(monthsOnly bool) string {
	m := g.r.IntN(12)
	day := func(m int) int { return g.between(1, osmMonthLen[m]) }
	kinds := 7
	if monthsOnly {
		kinds = 2
	}
	switch g.r.IntN(kinds) {
	case 0: // Dec
		return osmMonths[m]
	case 1: // Mar-May, Nov-Feb (wraps)
		m2 := (m + g.between(1, 11)) % 12
		return osmMonths[m] + "-" + osmMonths[m2]
	case 2: // Dec 25
		return fmt.Sprintf("%s %02d", osmMonths[m], day(m))
	case 3: // Dec 24-26
		last := osmMonthLen[m]
		if m == 1 {
			// ParseOSM rejects "Feb 20-28" and "Feb 20-29": opening_hours.js
			// never matches them in common years. "Feb 20-Feb 28" is case 4.
			last = 27
		}
		d1 := g.between(1, last-1)
		return fmt.Sprintf("%s %02d-%02d", osmMonths[m], d1, g.between(d1+1, last))
	case 4: // Jan 01-Jan 06
		d1 := g.between(1, osmMonthLen[m]-1)
		return fmt.Sprintf("%s %02d-%s %02d", osmMonths[m], d1, osmMonths[m], g.between(d1+1, osmMonthLen[m]))
	default: // Apr 01-Sep 30, Dec 24-Jan 06 (wraps)
		m2 := (m + g.between(1, 11)) % 12
		return fmt.Sprintf("%s %02d-%s %02d", osmMonths[m], day(m), osmMonths[m2], day(m2))
	}
}

// easter returns easter, easter -2 days, easter +1 day, easter +39 days.
func (g *osmGen) easter() string {
	// Easter Sunday falls between Mar 22 and Apr 25: offsets in [-80, +200]
	// keep the date in the same year (opening_hours.js rejects more than 200).
	switch off := osmPick(g, 0, 0, -2, -1, 1, 39, 49, 50, g.between(-80, 200)); {
	case off == 0:
		return "easter"
	case off == 1 || off == -1:
		return fmt.Sprintf("easter %+d day", off)
	default:
		return fmt.Sprintf("easter %+d days", off)
	}
}

// weeks returns a week selector: week 05, week 10-20, week 01-53/2, week 01,03.
func (g *osmGen) weeks() string {
	var items []string
	for range osmPick(g, 1, 1, 1, 2) {
		switch g.r.IntN(4) {
		case 0:
			items = append(items, fmt.Sprintf("%02d", g.between(1, 53)))
		case 1:
			a := g.between(1, 52)
			items = append(items, fmt.Sprintf("%02d-%02d", a, g.between(a+1, 53)))
		case 2:
			a := g.between(1, 50)
			items = append(items, fmt.Sprintf("%02d-%02d/%d", a, g.between(a+3, 53), g.between(2, 4)))
		default:
			ws := g.distinct(2, 1, 53)
			items = append(items, fmt.Sprintf("%02d,%02d", ws[0], ws[1]))
		}
	}
	return "week " + strings.Join(items, ",")
}

// weekdays returns a comma list of weekday items: Mo-Fr, Fr-Mo (wraps), Sa,
// Mo[1], Fr[-1], Th[1,3], We[2-3], Su[-2]. After a month selector at most one
// item is constrained, by a single number: opening_hours.js rejects more.
// With g.ph, PH joins the list sometimes: first (PH,Su), last (Mo-Fr,PH) or
// between (Sa,PH,Su).
func (g *osmGen) weekdays(afterMonth bool) string {
	n := osmPick(g, 1, 1, 1, 2, 2, 3)
	items := make([]string, n)
	constrained := false
	for i := range items {
		d := g.r.IntN(7)
		switch k := g.r.IntN(6); {
		case k < 2:
			items[i] = osmWeekdays[d] + "-" + osmWeekdays[(d+g.between(1, 6))%7]
		case k < 4 || afterMonth && constrained:
			items[i] = osmWeekdays[d]
		default:
			items[i] = osmWeekdays[d] + "[" + g.nth(afterMonth) + "]" + g.nthOffset()
			constrained = true
		}
	}
	if g.ph && g.chance(0.3) {
		items = g.insertPH(items)
	}
	return strings.Join(items, ",")
}

// nth returns the inside of a weekday's [] : 1, -1, 1,3, 2-3; a single
// number when single is set.
func (g *osmGen) nth(single bool) string {
	if single {
		return strconv.Itoa(osmPick(g, 1, 2, 3, 4, 5, -1, -1, -2))
	}
	switch g.r.IntN(4) {
	case 0, 1:
		return strconv.Itoa(osmPick(g, 1, 2, 3, 4, 5, -1, -1, -2))
	case 2:
		xs := g.distinct(2, 1, 5)
		return fmt.Sprintf("%d,%d", xs[0], xs[1])
	default:
		a := g.between(1, 4)
		return fmt.Sprintf("%d-%d", a, g.between(a+1, 5))
	}
}

// times returns a comma list of one to three time spans.
func (g *osmGen) times() string {
	n := osmPick(g, 1, 1, 1, 2, 2, 3)
	spans := make([]string, n)
	for i := range spans {
		spans[i] = g.span()
	}
	return strings.Join(spans, ",")
}

// span returns one time span HH:MM-HH:MM: within a day, ending at 24:00,
// 00:00-24:00, wrapping past midnight (22:00-02:00) or extended past 24:00
// (20:00-26:00). Starts and ends fall in the 02:00-03:00 hour sometimes.
func (g *osmGen) span() string {
	minute := func() int {
		if g.chance(0.05) {
			return g.between(0, 59)
		}
		return 15 * g.r.IntN(4)
	}
	clock := func(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }
	dst := g.chance(0.15)
	switch g.r.IntN(12) {
	case 0:
		return "00:00-24:00"
	case 1: // to 24:00
		return clock(60*g.between(0, 23)+minute()) + "-24:00"
	case 2, 3: // past midnight: 22:00-02:00 or 20:00-26:00
		start := 60*g.between(12, 23) + minute()
		end := 60*g.between(0, 8) + minute()
		if dst {
			end = 120 + minute()
		}
		if end == 0 {
			end = 60
		}
		if end >= start {
			end = start - 1
		}
		if g.chance(0.4) {
			return clock(start) + "-" + clock(end+24*60)
		}
		return clock(start) + "-" + clock(end)
	default: // within the day, sometimes in the 02:00-03:00 hour
		start := 60*g.between(0, 22) + minute()
		if dst {
			start = 60*g.between(0, 2) + minute()
		}
		end := start + 15*g.between(1, 40)
		if dst && g.chance(0.5) {
			end = 120 + minute()
			if end <= start {
				end = start + 15
			}
		}
		if end >= 24*60 {
			end = 24 * 60
		}
		return clock(start) + "-" + clock(end)
	}
}

// osmConstructs are the constructs of the generator, each with a pattern
// that finds it in an expression: what the differential tests must probe
// in every budget.
var osmConstructs = []struct {
	name string
	re   *regexp.Regexp
}{
	{"a year", regexp.MustCompile(`(^|; |, | \|\| )20[0-9]{2} `)},
	{"a year range", regexp.MustCompile(`\b20[0-9]{2}-20[0-9]{2}\b`)},
	{"a year list", regexp.MustCompile(`\b20[0-9]{2},20[0-9]{2}\b`)},
	{"a month", regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ ,]`)},
	{"a month range", regexp.MustCompile(`\b[A-Z][a-z]{2}-[A-Z][a-z]{2}\b`)},
	{"a monthday", regexp.MustCompile(`\b[A-Z][a-z]{2} [0-9]{2}\b[^-:]`)},
	{"a monthday range in a month", regexp.MustCompile(`\b[A-Z][a-z]{2} [0-9]{2}-[0-9]{2}\b[^:]`)},
	{"a date range", regexp.MustCompile(`\b[A-Z][a-z]{2} [0-9]{2}-[A-Z][a-z]{2} [0-9]{2}\b`)},
	{"easter", regexp.MustCompile(`\beaster(:? [^+-]|[,-]|$)`)},
	{"easter with an offset", regexp.MustCompile(`\beaster [+-][0-9]+ days?\b`)},
	{"a week", regexp.MustCompile(`\bweek [0-9]{2}\b[^-]`)},
	{"a week range with a step", regexp.MustCompile(`\bweek [0-9,-]*[0-9]{2}-[0-9]{2}/[0-9]\b`)},
	{"a weekday range", regexp.MustCompile(`\b(Mo|Tu|We|Th|Fr|Sa|Su)-(Mo|Tu|We|Th|Fr|Sa|Su)\b`)},
	{"a weekday range that wraps", regexp.MustCompile(`\b(Su-(Mo|Tu|We|Th|Fr|Sa)|Sa-(Mo|Tu|We|Th|Fr)|Fr-(Mo|Tu|We|Th)|Th-(Mo|Tu|We)|We-(Mo|Tu)|Tu-Mo)\b`)},
	{"an nth weekday", regexp.MustCompile(`\[[1-5]\]`)},
	{"a last weekday", regexp.MustCompile(`\[-[12]\]`)},
	{"nth weekdays listed", regexp.MustCompile(`\[[1-5],[1-5]\]`)},
	{"nth weekdays in a range", regexp.MustCompile(`\[[1-5]-[1-5]\]`)},
	{"a time span", regexp.MustCompile(`\b[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}\b`)},
	{"a time span to 24:00", regexp.MustCompile(`-24:00\b`)},
	{"a whole day", regexp.MustCompile(`\b00:00-24:00\b`)},
	{"a time span past midnight", regexp.MustCompile(`\b(1[2-9]|2[0-3]):[0-9]{2}-0[0-9]:[0-9]{2}\b`)},
	{"a time span past 24:00", regexp.MustCompile(`-(2[5-9]|3[0-9]):[0-9]{2}\b`)},
	{"a time in the DST hour", regexp.MustCompile(`\b02:[0-9]{2}\b`)},
	{"an odd minute", regexp.MustCompile(`:(0[1-9]|1[0-46-9]|2[0-9]|3[1-9]|4[0-46-9]|5[0-9])\b`)},
	{"24/7", regexp.MustCompile(`24/7`)},
	{"open", regexp.MustCompile(`\bopen\b`)},
	{"closed", regexp.MustCompile(`\bclosed\b`)},
	{"off", regexp.MustCompile(`\boff\b`)},
	{"unknown", regexp.MustCompile(`\bunknown\b`)},
	{"a comment", regexp.MustCompile(`"`)},
	{"a rule without a time", regexp.MustCompile(`(^|; |, | \|\| )(Mo|Tu|We|Th|Fr|Sa|Su)[A-Za-z0-9,\[\]-]*(;|$| \|\|)`)},
	{"rules after ;", regexp.MustCompile(`; `)},
	{"an additional rule", regexp.MustCompile(`[0-9a-z"], `)},
	{"a fallback rule", regexp.MustCompile(` \|\| `)},
	{"PH in a weekday list", regexp.MustCompile(`(,PH|PH,)`)},
	{"PH off", regexp.MustCompile(`(^|; |, | \|\| )PH (off|closed)`)},
	{"PH with times", regexp.MustCompile(`(^|; |, | \|\| )PH [0-9]{2}:`)},
	{"PH open or unknown", regexp.MustCompile(`(^|; |, | \|\| )PH (open|unknown)`)},
	{"PH as the last rule", regexp.MustCompile(`; PH [^;]*$`)},
}

// TestGeneratorConstructsInEveryBudget checks that the expressions that the
// differential tests compare in each budget (see ohBudget) have every
// construct of the generator, each at least twice: the default and -short
// budgets are smaller, not blind to a part of the syntax. Each budget's
// expressions begin with those of the smaller ones, so it is enough to
// count in the smallest, -short's.
func TestGeneratorConstructsInEveryBudget(t *testing.T) {
	const least = 2
	plain, ph := ohPlainBudget.short, ohPHBudget.short
	if plain > ohPlainBudget.normal || plain > ohPlainBudget.full || ph > ohPHBudget.normal || ph > ohPHBudget.full {
		t.Fatalf("the -short budget (%d, %d with PH) is not the smallest", plain, ph)
	}
	exprs := append(ohGenerate(ohGenSeed, plain, false), ohGenerate(ohGenSeed, ph, true)...)
	var counts []string
	for _, c := range slices.Concat(osmConstructs, osmSyntaxConstructs, osmOffsetConstructs) {
		n := 0
		for _, e := range exprs {
			if c.re.MatchString(e) {
				n++
			}
		}
		counts = append(counts, fmt.Sprintf("%s %d", c.name, n))
		if n < least {
			t.Errorf("-short budget (%d expressions, %d with PH): %d with %s, want at least %d", plain, ph, n, c.name, least)
		}
	}
	t.Logf("-short budget: %s", strings.Join(counts, ", "))
}
