package schedule

import (
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

// weeklyDay evaluates the opening_hours rules for day d, minute by minute as
// getStatePair in opening_hours.js does, and returns the day as segments.
func (s *Schedule) weeklyDay(today, yesterday *dayInfo) []seg {
	var matchBuf [32]int
	matching := matchBuf[:0]
	var phBuf [32]bool
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
		matching = append(matching, i)
		viaPH = append(viaPH, ph)
	}
	// Minutes at which the state may change: the ends of matching spans.
	var bBuf [64]int
	bounds := append(bBuf[:0], 0)
	for _, i := range matching {
		for _, sp := range s.rules[i].spans {
			bounds = insertBound(bounds, sp.from)
			bounds = insertBound(bounds, sp.to)
		}
	}
	segs := make([]seg, 0, len(bounds))
	for _, b := range bounds {
		if b >= minutesPerDay {
			break
		}
		c := cell{}
		for k, i := range matching {
			r := &s.rules[i]
			for _, sp := range r.spans {
				if sp.from <= b && b < sp.to && (!r.fallback || c.kind == Closed) {
					c = cell{kind: r.kind, source: SourceRule, holiday: viaPH[k], label: r.label}
				}
			}
		}
		if len(segs) > 0 && segs[len(segs)-1].cell == c {
			continue
		}
		segs = append(segs, seg{start: uint16(b), cell: c})
	}
	return segs
}

// insertBound inserts v into the sorted set b.
func insertBound(b []int, v int) []int {
	i := len(b)
	for i > 0 && b[i-1] > v {
		i--
	}
	if i > 0 && b[i-1] == v {
		return b
	}
	b = append(b, 0)
	copy(b[i+1:], b[i:])
	b[i] = v
	return b
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

// evalDay computes day d with every layer, in order of precedence:
// exceptions, holiday closures, recurrences, weekly rules.
func (s *Schedule) evalDay(d date.Date) []seg {
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
