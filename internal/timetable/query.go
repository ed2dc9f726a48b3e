package timetable

import (
	"time"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/holiday"
	"github.com/expatcentre/loket/text"
)

const (
	secondsPerDay = 24 * 60 * 60
	// firstLocal and lastLocal are FirstDay and LastDay as days since
	// 1970-01-01.
	firstLocal = int64(FirstDay - civil.UnixEpoch)
	lastLocal  = int64(LastDay - civil.UnixEpoch)
	// The cache holds blocks of 2^23 seconds (about 97 days), built on
	// first use, from two days before FirstDay to two days after LastDay in
	// UTC, so that it holds every instant whose local day is in range
	// whatever the zone (UTC offsets stay within a day). Finding an
	// instant's block is a subtraction and a shift. A block is a season:
	// a week, an ordinary desk's next change or 90 days ahead fall in one
	// or two blocks, and a block is quick to build for a first answer. In
	// Chromium the widget's first status took 3 ms with blocks of 2^23
	// seconds (and of 2^21 or 2^22), 6 ms with blocks of 2^25 (about 388
	// days); the index of 1,129 blocks takes 9 KB per timetable.
	blockBits     = 23
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
	outOfRange     = Cell{Kind: Unknown, Source: SourceOutOfRange}
	outOfRangePlan = []Seg{{0, outOfRange}}
)

// block caches, for the instants [start, start+2^blockBits s), the evaluated local
// days those instants can fall on and the UTC offsets in force.
type block struct {
	start      int64    // first instant (unix seconds)
	firstLocal int64    // local day (days since 1970-01-01) of day[0]
	day        []uint16 // plan index per local day
	plans      [][]Seg
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
func (t *Timetable) blockAt(sec int64) *block {
	idx := (sec - cacheFirstSec) >> blockBits
	if b := t.blocks[idx].Load(); b != nil {
		return b
	}
	b := t.buildBlock(cacheFirstSec + idx<<blockBits)
	if t.blocks[idx].CompareAndSwap(nil, b) {
		return b
	}
	return t.blocks[idx].Load()
}

func (t *Timetable) buildBlock(start int64) *block {
	end := start + 1<<blockBits
	b := &block{start: start, firstLocal: floorDiv(start, secondsPerDay) - 1, coverTo: end}
	n := int(floorDiv(end, secondsPerDay) + 2 - b.firstLocal)
	b.day = make([]uint16, n)
	// Days that look alike share a plan, found by a hash of the plan.
	byHash := map[uint64][]uint16{}
	for k := range n {
		segs := t.evalDay(b.firstLocal + int64(k))
		h := hashSegs(segs)
		i := -1
		for _, j := range byHash[h] {
			if segsEqual(b.plans[j], segs) {
				i = int(j)
				break
			}
		}
		if i < 0 {
			i = len(b.plans)
			b.plans = append(b.plans, segs)
			byHash[h] = append(byHash[h], uint16(i))
		}
		b.day[k] = uint16(i)
	}
	b.off0, b.trans = zoneChanges(t.loc, start, end)
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
func (b *block) plan(ld int64) []Seg { return b.plans[b.day[ld-b.firstLocal]] }

// planOf returns the segments of any local day (days since 1970-01-01).
func (t *Timetable) planOf(ld int64) []Seg {
	if ld < firstLocal || ld > lastLocal {
		return outOfRangePlan
	}
	return t.blockAt(ld * secondsPerDay).plan(ld)
}

// at returns the cell in force at unix second sec and its local day.
func (t *Timetable) at(sec int64) (Cell, int64) {
	sec = clampSec(sec)
	if sec < cacheFirstSec || sec >= cacheEndSec {
		return outOfRange, floorDiv(sec, secondsPerDay)
	}
	b := t.blockAt(sec)
	off, _ := b.offset(sec)
	rel := uint64(sec + off - b.firstLocal*secondsPerDay) // seconds since the block's first local midnight
	day := rel / secondsPerDay
	minute := int((rel - day*secondsPerDay) / 60)
	return cellAt(b.plans[b.day[day]], minute), b.firstLocal + int64(day)
}

// Covers reports whether at falls on a day from FirstDay to LastDay in the
// timetable's location. Elsewhere every query answers Unknown with
// SourceOutOfRange.
func (t *Timetable) Covers(at time.Time) bool {
	c, _ := t.at(at.Unix())
	return c.Source != SourceOutOfRange
}

// Bounds returns the first instant the timetable answers for, midnight at
// the start of FirstDay in its location, and the instant after the last,
// midnight at the end of LastDay.
func (t *Timetable) Bounds() (first, end time.Time) {
	return time.Unix(t.first, 0).In(t.loc), time.Unix(t.end, 0).In(t.loc)
}

// IsOpen reports whether the timetable is open at an instant. Unknown
// counts as not open. It does not allocate, except to build the cache of
// the days around the instant on the first query there.
func (t *Timetable) IsOpen(at time.Time) bool {
	c, _ := t.at(at.Unix())
	return c.Kind == Open
}

// State is the state at an instant, with what decided it.
type State struct {
	Kind   Kind
	Source Source
	// Comment is the comment of the opening_hours rule that decided the
	// state ("by appointment"), empty if none.
	Comment string
	// Reason is the reason given with an exception or recurrence.
	Reason text.Text
	// Holiday is set (non-empty ID) when a holiday decided the state: a
	// holiday closure, or an opening_hours rule that matched through PH;
	// through PH +1 day the holiday of the day before, through PH -1 day
	// that of the day after (its Date tells).
	Holiday holiday.Holiday
}

// State returns the state at an instant with what decided it.
func (t *Timetable) State(at time.Time) State {
	c, ld := t.at(at.Unix())
	return t.stateOf(c, civil.FromUnixDay(ld))
}

func (t *Timetable) stateOf(c Cell, d civil.Date) State {
	st := State{Kind: c.Kind, Source: c.Source}
	if c.Label != 0 {
		l := t.label(c.Label)
		st.Comment, st.Reason = l.Comment, l.Reason
	}
	if c.Holiday != NoHoliday {
		// A PH rule names the holiday of its day, or of the day before
		// when it runs past midnight; PH +1 day the holiday of the day
		// before, PH -1 day that of the day after.
		h := d
		switch c.Holiday {
		case HolidayBefore:
			h--
		case HolidayAfter:
			h++
		}
		if c.Source == SourceHoliday {
			st.Holiday, _ = t.closureOn(d)
		} else if hd, ok := t.cal.PublicOn(h); ok {
			st.Holiday = hd
		} else {
			st.Holiday, _ = t.cal.PublicOn(h - 1) // a PH rule running past midnight
		}
	}
	return st
}

// walk calls fn(at, c, ld) at from with the cell in force there, then at
// every later instant before until where a day segment begins or the UTC
// offset changes, in increasing order, until fn returns false. Consecutive
// calls may carry the same cell. Instants outside the cache are out of
// range, and so is every day in it outside FirstDay..LastDay.
func (t *Timetable) walk(from, until int64, fn func(at int64, c Cell, ld int64) bool) {
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
		b := t.blockAt(sec)
		off, next := b.offset(sec)
		next = min(next, until)
		wall, wallEnd := sec+off, next+off
		ld := floorDiv(wall, secondsPerDay)
		if !fn(sec, cellAt(t.planOf(ld), int(wall-ld*secondsPerDay)/60), ld) {
			return
		}
		for ; ld*secondsPerDay < wallEnd; ld++ {
			for _, sg := range t.planOf(ld) {
				w := ld*secondsPerDay + int64(sg.Start)*60
				if w <= wall {
					continue
				}
				if w >= wallEnd {
					break
				}
				if !fn(w-off, sg.Cell, ld) {
					return
				}
			}
		}
		sec = next
	}
}

// Horizon is how far NextChange looks ahead: five years of 366 days, as
// opening_hours.js does by default.
const Horizon = 5 * 366 * 24 * time.Hour

// NextChange returns the first instant after at at which the state (open,
// closed or unknown) differs from the state at at; a change of comment
// alone does not count, as in opening_hours.js getNextChange. It returns
// false when there is no change before at+Horizon. The instant is in the
// timetable's location. Across a change of UTC offset the answer follows
// the wall clock. The end of Bounds is a change to Unknown (unless the
// state is Unknown already), and its start a change from Unknown.
func (t *Timetable) NextChange(at time.Time) (time.Time, bool) {
	from := clampSec(at.Unix())
	var kind0 Kind
	var found int64
	ok := false
	t.walk(from, from+int64(Horizon/time.Second), func(at int64, c Cell, _ int64) bool {
		if at == from {
			kind0 = c.Kind
			return true
		}
		if c.Kind != kind0 {
			found, ok = at, true
			return false
		}
		return true
	})
	if !ok {
		return time.Time{}, false
	}
	return time.Unix(found, 0).In(t.loc), true
}

// Interval is a stretch of time in which a timetable is open (or
// unknown), with one comment and reason throughout.
type Interval struct {
	Start, End time.Time // [Start, End), in the timetable's location
	Kind       Kind      // Open or Unknown
	Source     Source    // the layer that decided it
	Comment    string    // comment of the opening_hours rule
	Reason     text.Text // reason of the exception or recurrence that opened it
}

// Intervals returns the open and unknown intervals that overlap
// [from, to), cut to [from, to), in order. An interval ends where the
// state, its comment, its reason or its source changes; one that runs past
// midnight is one interval. Times are in the timetable's location. The
// part of [from, to) outside Bounds is an Unknown interval with Source
// SourceOutOfRange.
func (t *Timetable) Intervals(from, to time.Time) []Interval {
	return t.appendIntervals(nil, clampSec(from.Unix()), clampSec(to.Unix()))
}

func (t *Timetable) appendIntervals(out []Interval, from, to int64) []Interval {
	var cur Cell
	var start int64
	var startDay int64
	open := false
	closeRun := func(end int64) {
		if open {
			st := t.stateOf(cur, civil.FromUnixDay(startDay))
			out = append(out, Interval{
				Start: time.Unix(start, 0).In(t.loc), End: time.Unix(end, 0).In(t.loc),
				Kind: st.Kind, Source: st.Source, Comment: st.Comment, Reason: st.Reason,
			})
			open = false
		}
	}
	t.walk(from, to, func(at int64, c Cell, ld int64) bool {
		if open && c == cur {
			return true
		}
		closeRun(at)
		if c.Kind != Closed {
			cur, start, startDay, open = c, at, ld, true
		}
		return true
	})
	closeRun(to)
	return out
}

// DayView is one calendar day of a timetable.
type DayView struct {
	Date      civil.Date
	Start     time.Time  // the first instant of the day in the timetable's location
	End       time.Time  // the first instant of the next day
	Intervals []Interval // open and unknown intervals, cut to the day
	// Closed is the state that keeps the day closed when it has no
	// intervals: a holiday, an exception with its reason, or a rule.
	Closed State
}

// Day returns the view of calendar day d in the timetable's location. A
// day outside FirstDay..LastDay is one Unknown interval with Source
// SourceOutOfRange, or, outside years 1 to 9999, where it has no instants,
// no interval and Closed Unknown with that source.
func (t *Timetable) Day(d civil.Date) DayView {
	if d < civil.New(1, time.January, 1) || d > civil.New(9999, time.December, 31) {
		return DayView{Date: d, Closed: State{Kind: Unknown, Source: SourceOutOfRange}}
	}
	start := d.Midnight(t.loc)
	end := (d + 1).Midnight(t.loc)
	v := DayView{Date: d, Start: start, End: end, Intervals: t.Intervals(start, end)}
	if len(v.Intervals) == 0 {
		v.Closed = t.stateOf(t.planOf(d.UnixDay())[0].Cell, d)
	}
	return v
}

// hashSegs returns an FNV-1a hash of a day's segments.
func hashSegs(segs []Seg) uint64 {
	h := uint64(14695981039346656037)
	for _, sg := range segs {
		for _, v := range [...]uint64{uint64(sg.Start), uint64(sg.Cell.Kind), uint64(sg.Cell.Source), uint64(sg.Cell.Label)} {
			h ^= v
			h *= 1099511628211
		}
		if sg.Cell.Holiday != NoHoliday {
			h ^= uint64(sg.Cell.Holiday)
			h *= 1099511628211
		}
	}
	return h
}

func segsEqual(a, b []Seg) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
