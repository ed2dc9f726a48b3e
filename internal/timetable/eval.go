package timetable

import (
	"math/bits"
	"time"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/holiday"
)

// dayInfo holds what the date selectors ask about one calendar day.
type dayInfo struct {
	d                civil.Date
	year, month, dom int
	daysInMonth      int
	weekday          int // 0 = Sunday
	isoWeek          int
	easter           civil.Date
	publicHoliday    bool
	// phBefore and phAfter: the day before and the day after are public
	// holidays; asked only by PH with a day offset (near set).
	phBefore, phAfter bool
}

// newDayInfo returns what the selectors ask about d; near asks about the
// days before and after d too.
func newDayInfo(d civil.Date, cal holiday.Calendar, near bool) dayInfo {
	y, m, dom := d.Date()
	_, w := d.ISOWeek()
	_, ph := cal.PublicOn(d)
	di := dayInfo{
		d: d, year: y, month: int(m), dom: dom,
		daysInMonth:   civil.DaysIn(y, m),
		weekday:       int(d.Weekday()),
		isoWeek:       w,
		easter:        civil.Easter(y),
		publicHoliday: ph,
	}
	if near {
		_, di.phBefore = cal.PublicOn(d - 1)
		_, di.phAfter = cal.PublicOn(d + 1)
	}
	return di
}

// ymd returns the date of year y, month m, day dd, normalizing overflowing
// days into the next month the way JavaScript's Date constructor does.
func ymd(y, m, dd int) civil.Date {
	return civil.New(y, time.Month(m), 1) + civil.Date(dd-1)
}

func (s *Selector) matches(di *dayInfo) bool {
	y1, m1, d1, p := int(s.Y1), int(s.M1), int(s.D1), int(s.P)
	y2, m2, d2 := int(s.Y2), int(s.M2), int(s.D2)
	switch s.Kind {
	case SelYear:
		return di.year >= y1 && di.year <= y2 && (p == 0 || (di.year-y1)%p == 0)
	case SelMonths:
		return s.Mask&(1<<(di.month-1)) != 0
	case SelMonthDay:
		y := di.year
		if y1 != 0 {
			y = y1
		}
		if m1 == 2 && d1 == 29 && !civil.IsLeap(y) {
			return false // Feb 29 only in leap years
		}
		from := ymd(y, m1, d1)
		if di.d < from || di.d >= from+civil.Date(d2-d1+1) {
			return false
		}
		return p == 0 || int(di.d-from)%p == 0
	case SelDateSpan:
		fy, ty := di.year, di.year
		if y1 != 0 {
			fy, ty = y1, y2
		}
		var from, to civil.Date
		if m1 == 0 { // from Easter Sunday + D1 days
			from = di.easter + civil.Date(d1)
		} else {
			from = ymd(fy, m1, d1)
		}
		if m2 == 0 { // to Easter Sunday + D2 days, that day excluded
			to = di.easter + civil.Date(d2)
		} else {
			to = ymd(ty, m2, d2+1)
		}
		if to < from { // wraps over the year end: Dec 24-Jan 06
			return !(di.d >= to && di.d < from)
		}
		return di.d >= from && di.d < to
	case SelEaster:
		return di.d == di.easter+civil.Date(d1)
	case SelWeek:
		return di.isoWeek >= y1 && di.isoWeek <= y2 && (p == 0 || (di.isoWeek-y1)%p == 0)
	case SelWeekdays:
		return s.Mask&(1<<di.weekday) != 0
	case SelNth:
		if d2 != 0 {
			return nthMoved(di, d1, p, d2)
		}
		if di.weekday != d1 {
			return false
		}
		if p > 0 {
			return (di.dom-1)/7 == p-1
		}
		return (di.daysInMonth-di.dom)/7 == -p-1
	case SelPH:
		switch {
		case d1 > 0:
			return di.phBefore
		case d1 < 0:
			return di.phAfter
		}
		return di.publicHoliday
	}
	return false
}

// nthTarget returns the n-th weekday w of month m of year y (m may run
// outside 1..12), counted from the end when n is negative, where
// opening_hours.js puts it: a weekday that the month has too few of
// falls in the month after it (n > 0) or before it (n < 0).
func nthTarget(y, m, w, n int) civil.Date {
	first := civil.New(y, time.Month(m), 1)
	if n < 0 {
		first = civil.New(y, time.Month(m+1), 1)
		n++ // the last is the first of the next month minus a week
	}
	return first + civil.Date((w-int(first.Weekday())+7)%7+7*(n-1))
}

// nthMoved reports whether day di is the n-th weekday w of a month moved
// by a days (a != 0, |a| <= 6: Sa[-1] +3 days), as opening_hours.js 3.15.0
// decides it. The plain reading matches a day when some month's n-th
// weekday w, moved by a, falls on it. opening_hours.js asks only this
// month's target (nthTarget, which for a weekday the month has too few of
// lies outside it) and the neighbouring month's, and differs from the
// plain reading in these cases (TestOSMDayOffsetsEveryDay holds every n
// and a to it, day by day):
//
//   - a > 0: nothing matches in a month whose target lies after it (no
//     fifth Sunday), not even the previous month's moved target; the
//     previous month's target is taken as computed, so where that month
//     lacks the weekday it lies in this month (Su[5] +1 day matches the
//     Monday after the first Sunday of a month with five Sundays that
//     follows one with four); and a target before the month (Su[-5] in a
//     month with four Sundays) matches where it is moved into the month.
//   - a < 0: nothing matches in a month whose target lies outside it, not
//     even the next month's moved target; the next month's target is
//     taken as computed (Su[-5] of a month with four Sundays lies at the
//     end of the month before it).
func nthMoved(di *dayInfo, w, n, a int) bool {
	start := civil.New(di.year, time.Month(di.month), 1)
	next := start + civil.Date(di.daysInMonth)
	t := nthTarget(di.year, di.month, w, n)
	moved := t + civil.Date(a)
	if a > 0 {
		if moved < start || t >= next {
			return false
		}
		return di.d == nthTarget(di.year, di.month-1, w, n)+civil.Date(a) || di.d == moved
	}
	if t < start || t >= next {
		return false
	}
	fromNext := nthTarget(di.year, di.month+1, w, n) + civil.Date(a)
	switch {
	case moved < start: // moved out of the month: only the next month's target can match
		return fromNext < next && di.d == fromNext
	case fromNext < next:
		return di.d == moved || di.d == fromNext
	}
	return di.d == moved
}

// matches reports whether every group of the rule has a matching selector,
// and whether the rule matched through a public-holiday selector: through
// the last one that matched, whose holiday names the day.
func (r *Rule) matches(di *dayInfo) (ok bool, ph HolidayRef) {
	for _, g := range r.Groups {
		hit := false
		for i := range g {
			// Every selector is asked, as in opening_hours.js, so that a
			// matching PH names the holiday wherever it stands in the list
			// (the last one that matches names it).
			if g[i].matches(di) {
				hit = true
				if g[i].Kind == SelPH {
					ph = holidayRef(g[i].D1)
				}
			}
		}
		if !hit {
			return false, NoHoliday
		}
	}
	return true, ph
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
func (t *Timetable) weeklyDay(today, yesterday *dayInfo) []Seg {
	var matchBuf [2 * MaxRules]uint16
	matching := matchBuf[:0]
	var phBuf [2 * MaxRules]HolidayRef
	viaPH := phBuf[:0]
	for i := range t.p.Rules {
		r := &t.p.Rules[i]
		di := today
		if r.Wrapped {
			di = yesterday
		}
		ok, ph := r.matches(di)
		if !ok {
			continue
		}
		if r.Resets {
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
	var evBuf [64]event
	events := evBuf[:0]
	for k, i := range matching {
		for _, sp := range t.p.Rules[i].Spans {
			if sp.From >= sp.To {
				continue
			}
			events = append(events, event{uint16(sp.From), uint16(k), 1})
			if sp.To < MinutesPerDay {
				events = append(events, event{uint16(sp.To), uint16(k), -1})
			}
		}
	}
	sortEvents(events)

	// cover[k] counts the spans of rule k covering the minute (a rule's
	// spans may overlap); normal, fallback and fallbackOpen are the covering
	// rules by kind, as bit sets over k.
	var coverBuf [2 * MaxRules]int16
	cover := coverBuf[:len(matching)]
	var normal, fallback, fallbackOpen ruleSet
	cellOf := func(k int) Cell {
		r := &t.p.Rules[matching[k]]
		return Cell{Kind: r.Kind, Source: SourceRule, Holiday: viaPH[k], Label: r.Label}
	}
	segs := make([]Seg, 0, 4)
	add := func(minute int, c Cell) {
		if len(segs) > 0 && segs[len(segs)-1].Cell == c {
			return
		}
		segs = append(segs, Seg{Start: uint16(minute), Cell: c})
	}
	if len(events) == 0 || events[0].minute > 0 {
		add(0, Cell{})
	}
	for e := 0; e < len(events); {
		minute := events[e].minute
		for ; e < len(events) && events[e].minute == minute; e++ {
			ev := events[e]
			k := int(ev.k)
			before := cover[k] > 0
			cover[k] += ev.delta
			if after := cover[k] > 0; after != before {
				r := &t.p.Rules[matching[k]]
				if !r.Fallback {
					normal.set(k, after)
				} else {
					fallback.set(k, after)
					if r.Kind != Closed {
						fallbackOpen.set(k, after)
					}
				}
			}
		}
		c := Cell{}
		j := normal.last()
		if j >= 0 {
			c = cellOf(j)
		}
		if c.Kind == Closed {
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
var closedDay = []Seg{{0, Cell{}}}

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

// Layer is spans of a day painted with one cell.
type Layer struct {
	Spans []Span
	Cell  Cell
}

// Overlay returns the day base with each layer's cell over its spans, a
// later layer over an earlier one where they meet: a new slice, or base
// itself when no layer has a span. It sweeps the day once from one span
// end to the next, so it costs O(n log n) for n span ends and base
// segments, however many layers overlap; at most 64 layers.
func Overlay(base []Seg, layers []Layer) []Seg {
	var evBuf [64]event
	events := evBuf[:0]
	for k, l := range layers[:min(len(layers), 64)] {
		for _, sp := range l.Spans {
			if sp.From >= sp.To {
				continue
			}
			events = append(events, event{uint16(sp.From), uint16(k), 1})
			if sp.To < MinutesPerDay {
				events = append(events, event{uint16(sp.To), uint16(k), -1})
			}
		}
	}
	if len(events) == 0 {
		return base
	}
	sortEvents(events)
	var cover [64]int16
	var active uint64 // the layers covering the minute
	out := make([]Seg, 0, len(base)+len(events))
	add := func(m int, c Cell) {
		if len(out) > 0 && out[len(out)-1].Cell == c {
			return
		}
		out = append(out, Seg{Start: uint16(m), Cell: c})
	}
	e, b := 0, 0 // the next event and base segment
	for e < len(events) || b < len(base) {
		m := MinutesPerDay
		if e < len(events) {
			m = int(events[e].minute)
		}
		if b < len(base) && int(base[b].Start) < m {
			m = int(base[b].Start)
		}
		for ; b < len(base) && int(base[b].Start) == m; b++ {
		}
		for ; e < len(events) && int(events[e].minute) == m; e++ {
			ev := events[e]
			if cover[ev.k] += ev.delta; cover[ev.k] > 0 {
				active |= 1 << ev.k
			} else {
				active &^= 1 << ev.k
			}
		}
		if active != 0 {
			add(m, layers[63-bits.LeadingZeros64(active)].Cell)
		} else {
			add(m, cellAt(base, m))
		}
	}
	return out
}

// cellAt returns the cell at minute m of a day's segments.
func cellAt(segs []Seg, m int) Cell {
	i := len(segs) - 1
	for i > 0 && int(segs[i].Start) > m {
		i--
	}
	return segs[i].Cell
}

// evalDay computes local day ld (days since 1970-01-01) with every layer,
// in order of precedence: exceptions, holiday closures, recurrences, weekly
// rules. A day outside FirstDay..LastDay is out of range.
func (t *Timetable) evalDay(ld int64) []Seg {
	if ld < firstLocal || ld > lastLocal {
		return outOfRangePlan
	}
	d := civil.FromUnixDay(ld)
	if ex := t.exceptionOn(d); ex != nil {
		return ex.Segs
	}
	if _, closed := t.closureOn(d); closed {
		return []Seg{{0, Cell{Kind: Closed, Source: SourceHoliday, Holiday: HolidayOnDay}}}
	}
	today := newDayInfo(d, t.cal, t.phNear)
	var segs []Seg
	if t.hasWrapped {
		yesterday := newDayInfo(d-1, t.cal, t.phNear)
		segs = t.weeklyDay(&today, &yesterday)
	} else {
		segs = t.weeklyDay(&today, &today)
	}
	var layerBuf [MaxRecurrences]Layer
	layers := layerBuf[:0]
	for i := range t.p.Recurrences {
		if rc := &t.p.Recurrences[i]; rc.OccursOn(d) {
			layers = append(layers, Layer{Spans: rc.Spans, Cell: rc.Cell})
		}
	}
	if len(layers) == 0 {
		return segs
	}
	return Overlay(segs, layers)
}

// event is the start or end of a span of matching rule k at a minute.
type event struct {
	minute uint16
	k      uint16
	delta  int16
}

// sortEvents sorts events by minute, stably: a merge sort, O(n log n)
// however many rules a day has, in a few lines where slices.SortFunc's
// generic instance weighs on the browser build.
func sortEvents(events []event) {
	if len(events) < 2 {
		return
	}
	if len(events) <= 12 { // insertion sort for the usual few
		for i := 1; i < len(events); i++ {
			for j := i; j > 0 && events[j].minute < events[j-1].minute; j-- {
				events[j], events[j-1] = events[j-1], events[j]
			}
		}
		return
	}
	tmp := make([]event, len(events))
	for width := 1; width < len(events); width *= 2 {
		for lo := 0; lo < len(events); lo += 2 * width {
			mid, hi := min(lo+width, len(events)), min(lo+2*width, len(events))
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if events[j].minute < events[i].minute {
					tmp[k] = events[j]
					j++
				} else {
					tmp[k] = events[i]
					i++
				}
				k++
			}
			k += copy(tmp[k:], events[i:mid])
			copy(tmp[k:], events[j:hi])
		}
		copy(events, tmp)
	}
}
