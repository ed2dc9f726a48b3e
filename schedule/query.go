package schedule

import (
	"slices"
	"time"

	"github.com/rickb777/date/v2"
)

// FirstDay and LastDay bound the days a Schedule answers for, in its own
// location: 1 January 1900 to 31 December 2199, the years of the holiday
// calendar (holidays.FirstYear to holidays.LastYear) on which PH and holiday
// closures depend. At an instant outside them a Schedule does not guess:
// the state is Unknown with [SourceOutOfRange] (see [Schedule.Covers]).
const (
	FirstDay date.Date = 693595 // 1900-01-01
	LastDay  date.Date = 803167 // 2199-12-31
)

const (
	secondsPerDay = 24 * 60 * 60
	// firstLocal and lastLocal are FirstDay and LastDay as days since
	// 1970-01-01.
	firstLocal = int64(FirstDay) - date.ZeroOffset
	lastLocal  = int64(LastDay) - date.ZeroOffset
	// The cache holds blocks of 2^25 seconds (about 388 days), built on
	// first use, from two days before FirstDay to two days after LastDay in
	// UTC, so that it holds every instant whose local day is in range
	// whatever the zone (UTC offsets stay within a day). Finding an
	// instant's block is a subtraction and a shift.
	blockBits     = 25
	cacheFirstSec = (firstLocal - 2) * secondsPerDay
	numBlocks     = ((lastLocal+3)*secondsPerDay-cacheFirstSec)>>blockBits + 1
	cacheEndSec   = cacheFirstSec + numBlocks<<blockBits
	// Instants are handled as unix seconds within years 1 to 9999, so that
	// no arithmetic on them overflows; earlier or later ones are out of
	// range like any instant outside the cache.
	minSec = -62135596800 // 0001-01-01T00:00:00Z
	maxSec = 253402300799 // 9999-12-31T23:59:59Z
)

func clampSec(sec int64) int64 { return max(minSec, min(sec, maxSec)) }

// outOfRange is the state outside FirstDay..LastDay, and outOfRangePlan a
// day of it.
var (
	outOfRange     = cell{kind: Unknown, source: SourceOutOfRange}
	outOfRangePlan = []seg{{0, outOfRange}}
)

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

// blockAt returns the block holding instant sec, which must be in
// [cacheFirstSec, cacheEndSec), building and caching it on first use.
func (s *Schedule) blockAt(sec int64) *block {
	idx := (sec - cacheFirstSec) >> blockBits
	if b := s.blocks[idx].Load(); b != nil {
		return b
	}
	b := s.buildBlock(cacheFirstSec + idx<<blockBits)
	if s.blocks[idx].CompareAndSwap(nil, b) {
		return b
	}
	return s.blocks[idx].Load()
}

func (s *Schedule) buildBlock(start int64) *block {
	end := start + 1<<blockBits
	b := &block{start: start, firstLocal: floorDiv(start, secondsPerDay) - 1, coverTo: end}
	n := int(floorDiv(end, secondsPerDay) + 2 - b.firstLocal)
	b.day = make([]uint16, n)
	for k := range n {
		segs := s.evalDay(b.firstLocal + int64(k))
		i := slices.IndexFunc(b.plans, func(p []seg) bool { return slices.Equal(p, segs) })
		if i < 0 {
			i = len(b.plans)
			b.plans = append(b.plans, segs)
		}
		b.day[k] = uint16(i)
	}
	b.off0, b.trans = zoneChanges(s.loc, start, end)
	return b
}

// probeStep is how far zoneChanges looks ahead by itself where
// time.Time.ZoneBounds does not help: no zone changes its offset twice
// within an hour.
const probeStep = 60 * 60

// zoneChanges returns the UTC offset of loc at instant start and every
// change of offset in (start, end).
//
// It follows time.Time.ZoneBounds from zone to zone, but does not trust it
// to make progress: once the explicit transitions of a TZif file are used
// up (in 2037 for fat zone data, in 1996 for slim data, zic's default),
// ZoneBounds on 31 December of a leap year returns an end that is not after
// the instant (golang/go#81583). Where that happens, zoneChanges steps an
// hour at a time, comparing offsets, and finds the second of a change by
// bisection. Every turn of the loop moves forward by at least a second, and
// at least an hour except at a change, so it ends.
func zoneChanges(loc *time.Location, start, end int64) (off0 int64, trans []transition) {
	offsetAt := func(sec int64) int64 {
		_, off := time.Unix(sec, 0).In(loc).Zone()
		return int64(off)
	}
	off0 = offsetAt(start)
	last := off0
	for sec := start; sec < end-1; {
		_, zend := time.Unix(sec, 0).In(loc).ZoneBounds()
		if zend.IsZero() {
			break // the offset never changes again
		}
		if next := zend.Unix(); next > sec {
			if next >= end {
				break
			}
			if off := offsetAt(next); off != last {
				trans = append(trans, transition{next, off})
				last = off
			}
			sec = next
			continue
		}
		// ZoneBounds is stuck: look an hour ahead instead.
		probe := min(sec+probeStep, end-1)
		if offsetAt(probe) == last {
			sec = probe
			continue
		}
		lo, hi := sec, probe // offsetAt(lo) == last != offsetAt(hi)
		for hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if offsetAt(mid) == last {
				lo = mid
			} else {
				hi = mid
			}
		}
		last = offsetAt(hi)
		trans = append(trans, transition{hi, last})
		sec = hi
	}
	return off0, trans
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

// planOf returns the segments of any local day (days since 1970-01-01).
func (s *Schedule) planOf(ld int64) []seg {
	if ld < firstLocal || ld > lastLocal {
		return outOfRangePlan
	}
	return s.blockAt(ld * secondsPerDay).plan(ld)
}

// at returns the cell in force at unix second sec and its local day.
func (s *Schedule) at(sec int64) (cell, int64) {
	sec = clampSec(sec)
	if sec < cacheFirstSec || sec >= cacheEndSec {
		return outOfRange, floorDiv(sec, secondsPerDay)
	}
	b := s.blockAt(sec)
	off, _ := b.offset(sec)
	rel := uint64(sec + off - b.firstLocal*secondsPerDay) // seconds since the block's first local midnight
	day := rel / secondsPerDay
	minute := int((rel - day*secondsPerDay) / 60)
	return cellAt(b.plans[b.day[day]], minute), b.firstLocal + int64(day)
}

// Covers reports whether t falls on a day from [FirstDay] to [LastDay] in
// the schedule's location: the instants for which the schedule's answers
// mean something. Elsewhere every query answers Unknown with
// SourceOutOfRange.
func (s *Schedule) Covers(t time.Time) bool {
	c, _ := s.at(t.Unix())
	return c.source != SourceOutOfRange
}

// Bounds returns the first instant the schedule answers for, midnight at
// the start of FirstDay in its location, and the instant after the last,
// midnight at the end of LastDay.
func (s *Schedule) Bounds() (first, end time.Time) {
	return FirstDay.MidnightIn(s.loc), (LastDay + 1).MidnightIn(s.loc)
}

// IsOpen reports whether the schedule is open at t. Unknown counts as not
// open, and so does an instant outside [Schedule.Bounds]. It does not
// allocate, except to build the cache of the days around t on the first
// query there.
func (s *Schedule) IsOpen(t time.Time) bool {
	c, _ := s.at(t.Unix())
	return c.kind == Open
}

// State returns the state at t with what decided it. Outside
// [Schedule.Bounds] it is Unknown with Source SourceOutOfRange.
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
// calls may carry the same cell. Instants outside the cache are out of
// range, and so is every day in it outside FirstDay..LastDay.
func (s *Schedule) walk(from, until int64, fn func(at int64, c cell, ld int64) bool) {
	from, until = clampSec(from), clampSec(until)
	sec := from
	if sec < cacheFirstSec && sec < until {
		if !fn(sec, outOfRange, floorDiv(sec, secondsPerDay)) {
			return
		}
		sec = cacheFirstSec
	}
	for sec < until {
		if sec >= cacheEndSec {
			fn(sec, outOfRange, floorDiv(sec, secondsPerDay))
			return
		}
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
// 02:00 to 03:00 opens at 03:00. The end of [Schedule.Bounds] is a change
// to Unknown (unless the state is Unknown already), and its start a change
// from Unknown.
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
// comment, its reason or its source changes; one that runs past midnight
// is one interval. Times are in the schedule's location. The part of
// [from, to) outside [Schedule.Bounds] is an Unknown interval with Source
// SourceOutOfRange.
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
				Kind: st.Kind, Source: st.Source, Comment: st.Comment, Reason: st.Reason,
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
// outside [FirstDay]..[LastDay] is one Unknown interval with Source
// SourceOutOfRange, or, outside years 1 to 9999, where it has no instants,
// no interval and Closed Unknown with that source.
func (s *Schedule) Day(d date.Date) DayView {
	if d < date.New(1, time.January, 1) || d > date.New(9999, time.December, 31) {
		return DayView{Date: d, Closed: State{Kind: Unknown, Source: SourceOutOfRange}}
	}
	y, m, dd := d.Date()
	start := time.Date(y, m, dd, 0, 0, 0, 0, s.loc)
	end := time.Date(y, m, dd+1, 0, 0, 0, 0, s.loc)
	v := DayView{Date: d, Start: start, End: end, Intervals: s.Intervals(start, end)}
	if len(v.Intervals) == 0 {
		v.Closed = s.stateOf(s.planOf(int64(d) - date.ZeroOffset)[0].cell, d)
	}
	return v
}
