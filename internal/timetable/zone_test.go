package timetable

import (
	"os"
	"testing"
	"time"
)

// TestZoneChanges checks zoneChanges over every block of the cache in a fat
// and a slim Europe/Amsterdam, in UTC and in a fixed zone: the offset it
// gives every 7 hours 13 minutes is the one time gives, and each change it
// reports is a change at that very second.
func TestZoneChanges(t *testing.T) {
	zones := map[string]*time.Location{
		"UTC":   time.UTC,
		"fixed": time.FixedZone("X", -(9*3600 + 30*60)),
	}
	for _, kind := range []string{"fat", "slim"} {
		b, err := os.ReadFile("../../schedule/testdata/zoneinfo/Europe-Amsterdam." + kind)
		if err != nil {
			t.Fatal(err)
		}
		if zones[kind], err = time.LoadLocationFromTZData("Europe/Amsterdam", b); err != nil {
			t.Fatal(err)
		}
	}
	for name, loc := range zones {
		offsetAt := func(sec int64) int64 {
			_, off := time.Unix(sec, 0).In(loc).Zone()
			return int64(off)
		}
		changes := 0
		for start := int64(cacheFirstSec); start < cacheEndSec; start += 1 << blockBits {
			end := start + 1<<blockBits
			off0, trans := zoneChanges(loc, start, end)
			b := &block{off0: off0, trans: trans, coverTo: end}
			changes += len(trans)
			for i, tr := range trans {
				if tr.at <= start || tr.at >= end || i > 0 && tr.at <= trans[i-1].at {
					t.Fatalf("%s: change at %d out of (%d, %d) or out of order", name, tr.at, start, end)
				}
				if offsetAt(tr.at) != tr.off || offsetAt(tr.at-1) == tr.off {
					t.Fatalf("%s: no change to %d s at %s", name, tr.off, time.Unix(tr.at, 0).UTC())
				}
			}
			for sec := start; sec < end; sec += 7*60*60 + 13*60 { // every 7 h 13 min: each hour of the day in turn
				if got, want := b.offsetOnly(sec), offsetAt(sec); got != want {
					t.Fatalf("%s: offset at %s is %d s, want %d s", name, time.Unix(sec, 0).UTC(), got, want)
				}
			}
		}
		t.Logf("%s: %d changes of offset from 1899-12-30 to 2200-01-03", name, changes)
		if name == "fat" || name == "slim" {
			// Two a year from 1977, and the history before.
			if changes < 2*(2200-1977) {
				t.Errorf("%s: only %d changes", name, changes)
			}
		} else if changes != 0 {
			t.Errorf("%s: %d changes in a fixed zone", name, changes)
		}
	}
}

func (b *block) offsetOnly(sec int64) int64 {
	off, _ := b.offset(sec)
	return off
}
