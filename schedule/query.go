package schedule

import (
	"slices"
	"time"

	"github.com/rickb777/date/v2"
)

const (
	secondsPerDay = 24 * 60 * 60
	// The cache holds blocks of 2^25 seconds (about 388 days) from
	// 1900-01-01 to 2200-01-01 UTC, so finding an instant's block is a shift.
	blockBits     = 25
	cacheFirstSec = -2208988800 // 1900-01-01T00:00:00Z
	cacheEndSec   = 7258118400  // 2200-01-01T00:00:00Z
	numBlocks     = (cacheEndSec-cacheFirstSec)>>blockBits + 1
	// Instants are answered within years 1 to 9999; earlier or later ones
	// are answered as the first or last second of that range.
	minSec = -62135596800 // 0001-01-01T00:00:00Z
	maxSec = 253402300799 // 9999-12-31T23:59:59Z
)

func clampSec(sec int64) int64 { return max(minSec, min(sec, maxSec)) }

// block caches, for the instants [start, start+2^25 s), the evaluated local
// days those instants can fall on and the UTC offsets in force.
type block struct {
	start      int64    // first instant (unix seconds)
	firstLocal int64    // local day (days since 1970-01-01) of day[0]
	day        []uint16 // plan index per local day
	plans      [][]seg
	coverTo    int64        // offsets are known for instants before coverTo
	off0       int64        // offset at start
	trans      []transition // offset changes in (start, coverTo)
}

type transition struct{ at, off int64 }

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// blockAt returns the block holding instant sec, building and caching it
// on first use. Outside the cached years a fresh, uncached block is built.
func (s *Schedule) blockAt(sec int64) *block {
	u := uint64(sec - cacheFirstSec)
	if idx := u >> blockBits; idx < numBlocks {
		if b := s.blocks[idx].Load(); b != nil {
			return b
		}
		b := s.buildBlock(cacheFirstSec + int64(idx)<<blockBits)
		if s.blocks[idx].CompareAndSwap(nil, b) {
			return b
		}
		return s.blocks[idx].Load()
	}
	return s.buildBlock(cacheFirstSec + floorDiv(sec-cacheFirstSec, 1<<blockBits)<<blockBits)
}

func (s *Schedule) buildBlock(start int64) *block {
	end := start + 1<<blockBits
	b := &block{start: start, firstLocal: floorDiv(start, secondsPerDay) - 1, coverTo: end}
	n := int(floorDiv(end, secondsPerDay) + 2 - b.firstLocal)
	b.day = make([]uint16, n)
	for k := range n {
		d := date.Date(b.firstLocal + int64(k) + date.ZeroOffset)
		segs := s.evalDay(d)
		i := slices.IndexFunc(b.plans, func(p []seg) bool { return slices.Equal(p, segs) })
		if i < 0 {
			i = len(b.plans)
			b.plans = append(b.plans, segs)
		}
		b.day[k] = uint16(i)
	}
	t := time.Unix(start, 0).In(s.loc)
	_, off := t.Zone()
	b.off0 = int64(off)
	for {
		_, zend := t.ZoneBounds()
		if zend.IsZero() || zend.Unix() >= end {
			break
		}
		t = zend
		_, off := t.Zone()
		if int64(off) != b.lastOffset() {
			b.trans = append(b.trans, transition{t.Unix(), int64(off)})
		}
	}
	return b
}

func (b *block) lastOffset() int64 {
	if len(b.trans) == 0 {
		return b.off0
	}
	return b.trans[len(b.trans)-1].off
}

// offset returns the UTC offset at sec, which must be in the block, and the
// instant of the next change of offset (or the end of the block).
func (b *block) offset(sec int64) (off, next int64) {
	off, next = b.off0, b.coverTo
	for _, tr := range b.trans {
		if sec < tr.at {
			return off, tr.at
		}
		off = tr.off
	}
	return off, next
}

// plan returns the segments of local day ld, which must be within the block.
func (b *block) plan(ld int64) []seg { return b.plans[b.day[ld-b.firstLocal]] }

// planOf returns the segments of any local day.
func (s *Schedule) planOf(ld int64) []seg {
	return s.blockAt(ld * secondsPerDay).plan(ld)
}

// at returns the cell in force at unix second sec and its local day.
func (s *Schedule) at(sec int64) (cell, int64) {
	sec = clampSec(sec)
	b := s.blockAt(sec)
	off, _ := b.offset(sec)
	rel := uint64(sec + off - b.firstLocal*secondsPerDay) // seconds since the block's first local midnight
	day := rel / secondsPerDay
	minute := int((rel - day*secondsPerDay) / 60)
	return cellAt(b.plans[b.day[day]], minute), b.firstLocal + int64(day)
}

// IsOpen reports whether the schedule is open at t. Unknown counts as not
// open. It does not allocate, except to build the cache of the days around t
// on the first query there.
func (s *Schedule) IsOpen(t time.Time) bool {
	c, _ := s.at(t.Unix())
	return c.kind == Open
}

// State returns the state at t with what decided it.
func (s *Schedule) State(t time.Time) State {
	c, ld := s.at(t.Unix())
	return s.stateOf(c, date.Date(ld+date.ZeroOffset))
}

func (s *Schedule) stateOf(c cell, d date.Date) State {
	st := State{Kind: c.kind, Source: c.source}
	if c.label != 0 {
		l := s.labels[c.label]
		st.Comment, st.Reason = l.comment, l.reason
	}
	if c.holiday {
		if c.source == SourceHoliday {
			st.Holiday, _ = s.closureOn(d)
		} else if h, ok := s.cal.PublicOn(d); ok {
			st.Holiday = h
		} else {
			st.Holiday, _ = s.cal.PublicOn(d - 1) // a PH rule running past midnight
		}
	}
	return st
}

// walk calls fn(at, c, ld) at from with the cell in force there, then at
// every later instant before until where a day segment begins or the UTC
// offset changes, in increasing order, until fn returns false. Consecutive
// calls may carry the same cell.
func (s *Schedule) walk(from, until int64, fn func(at int64, c cell, ld int64) bool) {
	from, until = clampSec(from), clampSec(until)
	sec := from
	for sec < until {
		b := s.blockAt(sec)
		off, next := b.offset(sec)
		next = min(next, until)
		wall, wallEnd := sec+off, next+off
		ld := floorDiv(wall, secondsPerDay)
		if !fn(sec, cellAt(s.planOf(ld), int(wall-ld*secondsPerDay)/60), ld) {
			return
		}
		for ; ld*secondsPerDay < wallEnd; ld++ {
			for _, sg := range s.planOf(ld) {
				w := ld*secondsPerDay + int64(sg.start)*60
				if w <= wall {
					continue
				}
				if w >= wallEnd {
					break
				}
				if !fn(w-off, sg.cell, ld) {
					return
				}
			}
		}
		sec = next
	}
}

// NextChange returns the first instant after t at which the state (open,
// closed or unknown) differs from the state at t; a change of comment alone
// does not count, as in opening_hours.js getNextChange. It returns false
// when there is no change before t+Horizon. The instant is in the
// schedule's location. Across a change of UTC offset the answer follows
// the wall clock: a rule that opens at 02:30 on the day clocks jump from
// 02:00 to 03:00 opens at 03:00.
func (s *Schedule) NextChange(t time.Time) (time.Time, bool) {
	from := clampSec(t.Unix())
	var kind0 Kind
	var found int64
	ok := false
	s.walk(from, from+int64(Horizon/time.Second), func(at int64, c cell, _ int64) bool {
		if at == from {
			kind0 = c.kind
			return true
		}
		if c.kind != kind0 {
			found, ok = at, true
			return false
		}
		return true
	})
	if !ok {
		return time.Time{}, false
	}
	return time.Unix(found, 0).In(s.loc), true
}

// Intervals returns the open and unknown intervals that overlap [from, to),
// cut to [from, to), in order. An interval ends where the state, its
// comment or its reason changes; one that runs past midnight is one
// interval. Times are in the schedule's location.
func (s *Schedule) Intervals(from, to time.Time) []Interval {
	return s.appendIntervals(nil, clampSec(from.Unix()), clampSec(to.Unix()))
}

func (s *Schedule) appendIntervals(out []Interval, from, to int64) []Interval {
	var cur cell
	var start int64
	var startDay int64
	open := false
	closeRun := func(end int64) {
		if open {
			st := s.stateOf(cur, date.Date(startDay+date.ZeroOffset))
			out = append(out, Interval{
				Start: time.Unix(start, 0).In(s.loc), End: time.Unix(end, 0).In(s.loc),
				Kind: st.Kind, Comment: st.Comment, Reason: st.Reason,
			})
			open = false
		}
	}
	s.walk(from, to, func(at int64, c cell, ld int64) bool {
		if open && c == cur {
			return true
		}
		closeRun(at)
		if c.kind != Closed {
			cur, start, startDay, open = c, at, ld, true
		}
		return true
	})
	closeRun(to)
	return out
}

// DayView is one calendar day of a schedule.
type DayView struct {
	Date      date.Date
	Start     time.Time  // the first instant of the day in the schedule's location
	End       time.Time  // the first instant of the next day
	Intervals []Interval // open and unknown intervals, cut to the day
	// Closed is the state that keeps the day closed when it has no
	// intervals: a holiday, an exception with its reason, or a rule.
	Closed State
}

// Day returns the view of calendar day d in the schedule's location. A day
// outside years 1 to 9999 has no intervals and no closing state.
func (s *Schedule) Day(d date.Date) DayView {
	if d < date.New(1, time.January, 1) || d > date.New(9999, time.December, 31) {
		return DayView{Date: d}
	}
	y, m, dd := d.Date()
	start := time.Date(y, m, dd, 0, 0, 0, 0, s.loc)
	end := time.Date(y, m, dd+1, 0, 0, 0, 0, s.loc)
	v := DayView{Date: d, Start: start, End: end, Intervals: s.Intervals(start, end)}
	if len(v.Intervals) == 0 {
		ld := int64(d) - date.ZeroOffset
		v.Closed = s.stateOf(s.planOf(ld)[0].cell, d)
	}
	return v
}
