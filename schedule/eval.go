package schedule

import (
	"math/bits"
	"slices"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/schedule/holidays"
)

// irule is a compiled rule, in the form opening_hours.js evaluates: a rule
// whose times run past midnight is followed by a "wrapped" rule that applies
// the part after midnight on the next day, with the date selectors asked
// about the day before.
type irule struct {
	groups   [][]sel // all groups must match; within a group any selector
	spans    []span  // within [0, 1440]
	kind     Kind
	label    uint16 // index into Schedule.labels; 0: no comment
	wrapped  bool   // date selectors are evaluated for the previous day
	resets   bool   // a match discards the rules matched before it (the ";" override)
	fallback bool   // applies only where the rules before it leave the day closed
}

// compileRules turns parsed rules into evaluation rules, with the override
// logic of opening_hours.js (getStatePair): a rule resets the rules matched
// before it for that day when it has a date selector (or is a dateless open
// rule after a dateless rule), means open or unknown, and is neither wrapped,
// additional nor a fallback.
func compileRules(rules []osmRule, labelOf func(comment string) uint16) []irule {
	var out []irule
	for _, r := range rules {
		ir := irule{groups: r.groups, kind: r.kind, fallback: r.fallback}
		if r.hasComment {
			ir.label = labelOf(r.comment)
		}
		var wrap []span
		if !r.hasTime {
			ir.spans = []span{{0, minutesPerDay}}
		}
		for _, s := range r.spans {
			if s.to > minutesPerDay {
				ir.spans = append(ir.spans, span{s.from, minutesPerDay})
				wrap = append(wrap, span{0, s.to - minutesPerDay})
			} else {
				ir.spans = append(ir.spans, s)
			}
		}
		prevDateless := len(out) > 0 && len(out[len(out)-1].groups) == 0
		ir.resets = (len(r.groups) > 0 || len(out) > 0 && r.kind == Open && prevDateless) &&
			(r.kind == Open || r.kind == Unknown) && !r.additional && !r.fallback
		out = append(out, ir)
		if len(wrap) > 0 {
			out = append(out, irule{groups: r.groups, spans: wrap, kind: r.kind, label: ir.label, wrapped: true})
		}
	}
	return out
}

// dayInfo holds what the date selectors ask about one calendar day.
type dayInfo struct {
	d                date.Date
	year, month, dom int
	daysInMonth      int
	weekday          int // 0 = Sunday
	isoWeek          int
	easter           date.Date
	publicHoliday    bool
}

func newDayInfo(d date.Date, cal holidays.Calendar) dayInfo {
	t := d.MidnightUTC()
	y, m, dom := t.Date()
	_, w := t.ISOWeek()
	_, ph := cal.PublicOn(d)
	return dayInfo{
		d: d, year: y, month: int(m), dom: dom,
		daysInMonth:   time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day(),
		weekday:       int(t.Weekday()),
		isoWeek:       w,
		easter:        holidays.Easter(y),
		publicHoliday: ph,
	}
}

// ymd returns the date of year y, month m, day dd, normalizing overflowing
// days into the next month the way JavaScript's Date constructor does.
func ymd(y, m, dd int) date.Date {
	return date.New(y, time.Month(m), 1) + date.Date(dd-1)
}

func (s *sel) matches(di *dayInfo) bool {
	switch s.kind {
	case selYear:
		return di.year >= s.y1 && di.year <= s.y2 && (s.p == 0 || (di.year-s.y1)%s.p == 0)
	case selMonths:
		return s.mask&(1<<(di.month-1)) != 0
	case selMonthDay:
		y := di.year
		if s.y1 != 0 {
			y = s.y1
		}
		if s.m1 == 2 && s.d1 == 29 && !isLeap(y) {
			return false // Feb 29 only in leap years
		}
		from := ymd(y, s.m1, s.d1)
		return di.d >= from && di.d < from+date.Date(s.d2-s.d1+1)
	case selDateSpan:
		y1, y2 := di.year, di.year
		if s.y1 != 0 {
			y1, y2 = s.y1, s.y2
		}
		from, to := ymd(y1, s.m1, s.d1), ymd(y2, s.m2, s.d2+1)
		if to < from { // wraps over the year end: Dec 24-Jan 06
			return !(di.d >= to && di.d < from)
		}
		return di.d >= from && di.d < to
	case selEaster:
		return di.d == di.easter+date.Date(s.d1)
	case selWeek:
		return di.isoWeek >= s.y1 && di.isoWeek <= s.y2 && (s.p == 0 || (di.isoWeek-s.y1)%s.p == 0)
	case selWeekdays:
		return s.mask&(1<<di.weekday) != 0
	case selNth:
		if di.weekday != s.d1 {
			return false
		}
		if s.p > 0 {
			return (di.dom-1)/7 == s.p-1
		}
		return (di.daysInMonth-di.dom)/7 == -s.p-1
	case selPH:
		return di.publicHoliday
	}
	return false
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// matches reports whether every group of the rule has a matching selector,
// and whether the rule matched through a public-holiday selector.
func (r *irule) matches(di *dayInfo) (ok, viaPH bool) {
	for _, g := range r.groups {
		hit := false
		for i := range g {
			// Every selector is asked, as in opening_hours.js, so that a
			// matching PH names the holiday wherever it stands in the list.
			if g[i].matches(di) {
				hit = true
				viaPH = viaPH || g[i].kind == selPH
			}
		}
		if !hit {
			return false, false
		}
	}
	return true, viaPH
}

// cell is the state of a stretch of a day, and where it comes from.
type cell struct {
	kind    Kind
	source  Source
	holiday bool   // decided by a holiday: a PH rule or a holiday closure
	label   uint16 // comment or reason, index into Schedule.labels
}

// seg is a cell from minute start to the start of the next seg (or 24:00).
type seg struct {
	start uint16
	cell  cell
}

// weeklyDay evaluates the opening_hours rules for a day, with the result
// getStatePair in opening_hours.js gives minute by minute, and returns the
// day as segments.
//
// At a minute, the rules that match the day and cover the minute are
// applied in order: a rule sets the state, except a fallback rule ("||"),
// which sets it only where it is closed so far. So the state is that of
// the last covering rule that is not a fallback (closed when there is
// none), unless that is closed: then the first covering fallback after it
// that is not closed decides, or else the last covering fallback after it.
// weeklyDay sweeps the day from one span end to the next with the covering
// rules as bit sets, so a day costs O(n log n + b·r/64) for n span ends,
// b distinct ones (at most 1441) and r matching rules (at most
// 2·MaxRules), not the O(b·n) of asking every span at every end.
func (s *Schedule) weeklyDay(today, yesterday *dayInfo) []seg {
	var matchBuf [2 * MaxRules]uint16
	matching := matchBuf[:0]
	var phBuf [2 * MaxRules]bool
	viaPH := phBuf[:0]
	for i := range s.rules {
		r := &s.rules[i]
		di := today
		if r.wrapped {
			di = yesterday
		}
		ok, ph := r.matches(di)
		if !ok {
			continue
		}
		if r.resets {
			matching, viaPH = matching[:0], viaPH[:0]
		}
		matching = append(matching, uint16(i))
		viaPH = append(viaPH, ph)
	}
	if len(matching) == 0 {
		return closedDay
	}
	// Span ends as events: rule k (its place in matching) starts or stops
	// covering at a minute.
	type event struct {
		minute uint16
		k      uint16
		delta  int16
	}
	var evBuf [64]event
	events := evBuf[:0]
	for k, i := range matching {
		for _, sp := range s.rules[i].spans {
			if sp.from >= sp.to {
				continue
			}
			events = append(events, event{uint16(sp.from), uint16(k), 1})
			if sp.to < minutesPerDay {
				events = append(events, event{uint16(sp.to), uint16(k), -1})
			}
		}
	}
	slices.SortFunc(events, func(a, b event) int { return int(a.minute) - int(b.minute) })

	// cover[k] counts the spans of rule k covering the minute (a rule's
	// spans may overlap); normal, fallback and fallbackOpen are the covering
	// rules by kind, as bit sets over k.
	var coverBuf [2 * MaxRules]int16
	cover := coverBuf[:len(matching)]
	var normal, fallback, fallbackOpen ruleSet
	cellOf := func(k int) cell {
		r := &s.rules[matching[k]]
		return cell{kind: r.kind, source: SourceRule, holiday: viaPH[k], label: r.label}
	}
	segs := make([]seg, 0, 4)
	add := func(minute int, c cell) {
		if len(segs) > 0 && segs[len(segs)-1].cell == c {
			return
		}
		segs = append(segs, seg{start: uint16(minute), cell: c})
	}
	if len(events) == 0 || events[0].minute > 0 {
		add(0, cell{})
	}
	for e := 0; e < len(events); {
		minute := events[e].minute
		for ; e < len(events) && events[e].minute == minute; e++ {
			ev := events[e]
			k := int(ev.k)
			before := cover[k] > 0
			cover[k] += ev.delta
			if after := cover[k] > 0; after != before {
				r := &s.rules[matching[k]]
				if !r.fallback {
					normal.set(k, after)
				} else {
					fallback.set(k, after)
					if r.kind != Closed {
						fallbackOpen.set(k, after)
					}
				}
			}
		}
		c := cell{}
		j := normal.last()
		if j >= 0 {
			c = cellOf(j)
		}
		if c.kind == Closed {
			if f := fallbackOpen.firstAfter(j); f >= 0 {
				c = cellOf(f)
			} else if f := fallback.last(); f > j {
				c = cellOf(f)
			}
		}
		add(int(minute), c)
	}
	return segs
}

// closedDay is a day on which no rule matches.
var closedDay = []seg{{0, cell{}}}

// ruleSet is a set of places in a day's list of matching rules.
type ruleSet [2 * MaxRules / 64]uint64

func (b *ruleSet) set(k int, on bool) {
	if on {
		b[k/64] |= 1 << (k % 64)
	} else {
		b[k/64] &^= 1 << (k % 64)
	}
}

// last returns the largest member, or -1.
func (b *ruleSet) last() int {
	for w := len(b) - 1; w >= 0; w-- {
		if b[w] != 0 {
			return w*64 + 63 - bits.LeadingZeros64(b[w])
		}
	}
	return -1
}

// firstAfter returns the smallest member larger than k, or -1.
func (b *ruleSet) firstAfter(k int) int {
	k++
	for w := k / 64; w < len(b); w++ {
		word := b[w]
		if w == k/64 {
			word &^= 1<<(k%64) - 1
		}
		if word != 0 {
			return w*64 + bits.TrailingZeros64(word)
		}
	}
	return -1
}

// paint sets c over minutes [from, to) of the day.
func paint(segs []seg, from, to int, c cell) []seg {
	if from >= to {
		return segs
	}
	out := make([]seg, 0, len(segs)+2)
	at := func(m int) cell { return cellAt(segs, m) }
	add := func(start int, c cell) {
		if len(out) > 0 && out[len(out)-1].cell == c {
			return
		}
		out = append(out, seg{start: uint16(start), cell: c})
	}
	for _, sg := range segs {
		if int(sg.start) < from {
			add(int(sg.start), sg.cell)
		}
	}
	add(from, c)
	if to < minutesPerDay {
		add(to, at(to))
		for _, sg := range segs {
			if int(sg.start) > to {
				add(int(sg.start), sg.cell)
			}
		}
	}
	return out
}

// cellAt returns the cell at minute m of a day's segments.
func cellAt(segs []seg, m int) cell {
	i := len(segs) - 1
	for i > 0 && int(segs[i].start) > m {
		i--
	}
	return segs[i].cell
}

// evalDay computes local day ld (days since 1970-01-01) with every layer,
// in order of precedence: exceptions, holiday closures, recurrences, weekly
// rules. A day outside FirstDay..LastDay is out of range.
func (s *Schedule) evalDay(ld int64) []seg {
	if ld < firstLocal || ld > lastLocal {
		return outOfRangePlan
	}
	d := date.Date(ld + date.ZeroOffset)
	if ex := s.exceptionOn(d); ex != nil {
		return ex.segs
	}
	if _, closed := s.closureOn(d); closed {
		return []seg{{0, cell{kind: Closed, source: SourceHoliday, holiday: true}}}
	}
	today := newDayInfo(d, s.cal)
	var segs []seg
	if s.hasWrapped {
		yesterday := newDayInfo(d-1, s.cal)
		segs = s.weeklyDay(&today, &yesterday)
	} else {
		segs = s.weeklyDay(&today, &today)
	}
	for i := range s.recurrences {
		rc := &s.recurrences[i]
		if !rc.occursOn(d) {
			continue
		}
		for _, sp := range rc.spans {
			segs = paint(segs, sp.from, sp.to, rc.cell)
		}
	}
	return segs
}
