package schedule_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
)

// TestOSMDayOffsetsEveryDay compares day offsets with opening_hours.js day
// by day, at noon of every day from December 2024 to January 2029: the n-th
// weekday of a month moved by every offset it takes (1 to 6 days either
// way) for every n, alone, after months and in lists, and PH moved by a
// day either way. opening_hours.js decides the moved weekdays in ways that
// a plain reading would not (see nthMoved in internal/timetable); this
// pins every case of it. PH days on which one of the two holiday
// calendars differs from the other on the day itself or a day next to it
// (Good Friday, Easter Sunday, Whit Sunday; see ohHolidays) are left out
// and counted.
func TestOSMDayOffsetsEveryDay(t *testing.T) {
	weekdays := []string{"Su", "We"}
	if testing.Short() {
		weekdays = weekdays[:1]
	}
	var nth []string
	for _, w := range weekdays {
		for _, n := range []int{1, 2, 3, 4, 5, -1, -2, -3, -4, -5} {
			for a := -6; a <= 6; a++ {
				if a != 0 {
					nth = append(nth, fmt.Sprintf("%s[%d] %s", w, n, ohDayOffset(a)))
				}
			}
		}
	}
	nth = append(nth,
		"Aug Su[-1] -1 day", "Feb Su[5] -1 day", "Feb Su[4] +3 days", "Dec Su[-1] +6 days", "Jan Mo[1] -3 days",
		"Su[1,3] +2 days", "Sa[2-3] -3 days", "Sa[-1] +3 days,Su", "Mo,Fr[1] -6 days", "Su[-1] -1 day 22:00-02:00",
		"Sa[-1] +3 days 10:00-12:00 \"market\"; Su[5] -1 day off", "Nov-Feb Th[-2] +5 days",
	)
	ph := []string{"PH +1 day", "PH -1 day", "PH -1 day,PH +1 day", "PH,PH +1 day", "PH +1 day,PH", "Su,PH +1 day", "Sa,PH -1 day",
		"PH -1 day 18:00-02:00", "Mo-Fr 09:00-17:00; PH +1 day off", "PH -1 day \"closing early\"", "Dec PH +1 day"}

	js := startOSMJS(t)
	loc := ohZone
	first, last := date.New(2024, 12, 1), date.New(2029, 1, 31)
	var noons []int64
	for d := first; d <= last; d++ {
		y, m, dd := d.Date()
		noons = append(noons, time.Date(y, m, dd, 12, 0, 0, 0, loc).UnixMilli())
	}
	var cal holidays.Calendar
	hol := newOHHolidays(t, js, cal, first-3, last+3)
	exprs := append(nth, ph...)
	reqs := make([]jsRequest, len(exprs))
	for i, e := range exprs {
		reqs[i] = jsRequest{Expr: e, StatesAt: noons}
	}
	answers := js.do(t, reqs)
	compared, matched, excluded, bad := 0, 0, 0, 0
	for i, e := range exprs {
		if answers[i].Error != "" {
			t.Fatalf("opening_hours.js rejects %q: %s", e, answers[i].Error)
		}
		s, err := osm.Parse(e, osm.WithLocation(loc), osm.WithHolidays(cal))
		if err != nil {
			t.Fatalf("osm.Parse(%q): %v", e, err)
		}
		isPH := strings.Contains(e, "PH")
		for k, st := range answers[i].States {
			d := first + date.Date(k)
			if isPH && (hol.differs(d-1) || hol.differs(d) || hol.differs(d+1) || strings.Contains(e, "-02:00") && hol.differs(d-2)) {
				excluded++
				continue
			}
			compared++
			at := time.UnixMilli(noons[k])
			ours := s.State(at)
			comment := ohDeref(st.Comment)
			if st.StateError != "" || ohKindName(ours.Kind) != st.kind() || !ohSameComment(hol, d, ours, comment) {
				if bad++; bad <= 20 {
					t.Errorf("%q on %s: opening_hours.js %s %q %s, ours %s %q (holiday %q on %s)",
						e, d.Format("Mon 2006-01-02"), st.kind(), comment, st.StateError, ohKindName(ours.Kind), ours.Comment, ours.Holiday.ID, ours.Holiday.Date)
				}
				continue
			}
			if ours.Kind != schedule.Closed {
				matched++
			}
		}
	}
	t.Logf("%d expressions, %d days each: %d states compared (%d open or unknown), %d differ; %d PH days left out where the holiday calendars differ on the day or next to it",
		len(exprs), len(noons), compared, matched, bad, excluded)
}

// ohDayOffset spells a day offset: +1 day, -3 days.
func ohDayOffset(a int) string {
	if a == 1 || a == -1 {
		return fmt.Sprintf("%+d day", a)
	}
	return fmt.Sprintf("%+d days", a)
}

// ohSameComment reports whether our state at noon of d has the comment
// opening_hours.js gives: the rule's own, or, for a rule that matched
// through PH, the name of the holiday that opening_hours.js puts in the
// comment ("Tweede Kerstdag", "Day after Eerste Kerstdag") where ours
// names it in State.Holiday, dated the day it falls on.
func ohSameComment(hol *ohHolidays, d date.Date, ours schedule.State, comment string) bool {
	if ours.Comment == comment {
		return true
	}
	if ours.Comment != "" || ours.Holiday.ID == "" {
		return false
	}
	name, on := comment, d
	if n, ok := strings.CutPrefix(comment, "Day after "); ok {
		name, on = n, d-1
	} else if n, ok := strings.CutPrefix(comment, "Day before "); ok {
		name, on = n, d+1
	}
	return ours.Holiday.Date == on && hol.theirs[hol.index(on)] == name
}
