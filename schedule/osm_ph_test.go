package schedule_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/schedule/holidays"
)

// ohHolidays holds the two meanings of PH in TestOSMWithPHAgainstOpeningHoursJS,
// day by day over the dates that its probes and their next changes reach:
// ours, from holidays.Calendar.PublicOn of the calendar that ParseOSM is
// given, and opening_hours.js's, from its getState and getComment of the
// expression "PH" at noon of every day (osm.js gives it the nominatim
// address country_code nl). Neither is listed here: a change on either side
// changes the exclusions.
type ohHolidays struct {
	first  date.Date
	ours   []string // per day from first: our holiday's ID, "" if none
	theirs []string // per day from first: opening_hours.js's holiday name, "" if none
	// diffs[i] is the number of days before first+i on which exactly one
	// calendar has a public holiday.
	diffs []int
}

// ohDate is the local date of a unix ms instant in Europe/Amsterdam.
func ohDate(ms int64) date.Date { return date.NewAt(time.UnixMilli(ms).In(ohZone)) }

// newOHHolidays computes both calendars for the days first to last.
func newOHHolidays(t *testing.T, js *osmJS, cal holidays.Calendar, first, last date.Date) *ohHolidays {
	t.Helper()
	n := int(last-first) + 1
	h := &ohHolidays{first: first, ours: make([]string, n), theirs: make([]string, n), diffs: make([]int, n+1)}
	noons := make([]int64, n)
	for i := range n {
		d := first + date.Date(i)
		if hd, ok := cal.PublicOn(d); ok {
			h.ours[i] = hd.ID
		}
		y, m, dd := d.Date()
		noons[i] = time.Date(y, m, dd, 12, 0, 0, 0, ohZone).UnixMilli()
	}
	// A request per half year, for the pool to share out: PH is slow in
	// opening_hours.js.
	var reqs []jsRequest
	for chunk := range slices.Chunk(noons, 183) {
		reqs = append(reqs, jsRequest{Expr: "PH", StatesAt: chunk})
	}
	var states []jsState
	for _, a := range js.do(t, reqs) {
		if a.Error != "" {
			t.Fatalf("osm.js: PH: %s", a.Error)
		}
		states = append(states, a.States...)
	}
	if len(states) != n {
		t.Fatalf("osm.js: PH at noon of %d days: %d states", n, len(states))
	}
	for i, st := range states {
		switch {
		case st.StateError != "":
			t.Fatalf("osm.js: PH at noon of %s: %s", first+date.Date(i), st.StateError)
		case st.Open && ohDeref(st.Comment) == "":
			t.Fatalf("osm.js: PH is open at noon of %s without a holiday name", first+date.Date(i))
		case st.Open:
			h.theirs[i] = *st.Comment
		}
		h.diffs[i+1] = h.diffs[i]
		if (h.ours[i] == "") != (h.theirs[i] == "") {
			h.diffs[i+1]++
		}
	}
	h.checkKnownDiffs(t, cal)
	return h
}

// checkKnownDiffs fails t when the calendars differ on a day other than the
// known differences: Good Friday, which opening_hours.js has and ours keeps
// as an observance, and Easter and Whit Sunday, which only ours has. The
// exclusions follow the calendars, whatever they say; this keeps a fault in
// either of them from being excluded silently.
func (h *ohHolidays) checkKnownDiffs(t *testing.T, cal holidays.Calendar) {
	t.Helper()
	for i := range h.ours {
		d := h.first + date.Date(i)
		if !h.differs(d) {
			continue
		}
		known := false
		if h.ours[i] != "" {
			known = h.ours[i] == "easter-sunday" || h.ours[i] == "whit-sunday"
		} else {
			for _, hd := range cal.AllOn(d, nil) {
				known = known || hd.ID == "good-friday"
			}
		}
		if !known {
			t.Errorf("PH: the calendars differ on %s, which is not Good Friday, Easter Sunday or Whit Sunday: a fault in one of them?", h.describe(d))
		}
	}
}

// index is the position of d in the calendars; d must be in their range.
func (h *ohHolidays) index(d date.Date) int {
	i := int(d - h.first)
	if i < 0 || i >= len(h.ours) {
		panic(fmt.Sprintf("ohHolidays: %s is outside %s..%s", d, h.first, h.first+date.Date(len(h.ours)-1)))
	}
	return i
}

// differs reports whether exactly one calendar has a public holiday on d.
func (h *ohHolidays) differs(d date.Date) bool {
	i := h.index(d)
	return h.diffs[i+1] != h.diffs[i]
}

// firstDiff returns the first day in [from, to] on which the calendars differ.
func (h *ohHolidays) firstDiff(from, to date.Date) (date.Date, bool) {
	if h.diffs[h.index(to)+1] == h.diffs[h.index(from)] {
		return 0, false
	}
	for d := from; ; d++ {
		if h.differs(d) {
			return d, true
		}
	}
}

// common reports whether both calendars have a public holiday on d.
func (h *ohHolidays) common(d date.Date) bool {
	i := h.index(d)
	return h.ours[i] != "" && h.theirs[i] != ""
}

// describe says what each calendar has on d.
func (h *ohHolidays) describe(d date.Date) string {
	i := h.index(d)
	name := func(s string) string {
		if s == "" {
			return "none"
		}
		return s
	}
	return fmt.Sprintf("%s %s (opening_hours.js: %s, ours: %s)", d, d.Weekday().String()[:3], name(h.theirs[i]), name(h.ours[i]))
}

// describeDiffs lists the days in [from, to] on which the calendars differ.
func (h *ohHolidays) describeDiffs(from, to date.Date) string {
	var days []string
	for d := from; d <= to; d++ {
		if h.differs(d) {
			days = append(days, h.describe(d))
		}
	}
	return fmt.Sprintf("%d days from %s to %s: %s", len(days), from, to, strings.Join(days, "; "))
}

// probeDays returns the days in [from, to) that are a public holiday of either
// calendar, follow one or precede one (PH -1 day), in order.
func (h *ohHolidays) probeDays(from, to date.Date) []date.Date {
	var days []date.Date
	for d := from; d < to; d++ {
		if i := h.index(d); h.ours[i] != "" || h.theirs[i] != "" || h.ours[i-1] != "" || h.theirs[i-1] != "" ||
			h.ours[i+1] != "" || h.theirs[i+1] != "" {
			days = append(days, d)
		}
	}
	return days
}

// theirName reports whether comment is the name that opening_hours.js gives
// the public holiday on the local date of ms or, with spans past midnight
// (wrap), on the day before; or, for PH +1 day and PH -1 day, "Day after "
// or "Day before " and the name of the holiday a day before or after
// those.
func (h *ohHolidays) theirName(ms int64, wrap bool, comment string) bool {
	d := ohDate(ms)
	if comment == "" {
		return false
	}
	if name, ok := strings.CutPrefix(comment, "Day after "); ok {
		comment, d = name, d-1
	} else if name, ok := strings.CutPrefix(comment, "Day before "); ok {
		comment, d = name, d+1
	}
	return h.theirs[h.index(d)] == comment || wrap && h.theirs[h.index(d-1)] == comment
}

// ohPHExclusion says whether a probe is excluded from the comparison because
// the calendars differ on a day that may decide it.
type ohPHExclusion struct {
	// state: they differ on the probe's local date or, when the expression
	// has a span past midnight (which spills the day before into the
	// probe's date), on the date before; with PH +1 day or PH -1 day (near),
	// on a day next to those too. Nothing at the probe is compared.
	state bool
	// next: they differ on a day from there to the day after the later of
	// the two next changes (the horizon when either has none). The state is
	// compared, the next change is not.
	next   bool
	detail string // the first such day
}

func (h *ohHolidays) exclusion(p ohProbe, o ohOurs, wrap, near bool, horizon int64) ohPHExclusion {
	day := ohDate(p.at)
	from, to := day, day
	if wrap {
		from--
	}
	if near {
		from, to = from-1, to+1
	}
	end := p.at + horizon
	if o.found && p.js.Next != nil {
		end = max(o.next, *p.js.Next)
	}
	var ex ohPHExclusion
	if d, ok := h.firstDiff(from, to); ok {
		ex.state = true
		ex.detail = "the calendars differ on " + h.describe(d)
	} else if d, ok := h.firstDiff(from, ohDate(end)+1+(to-day)); ok {
		ex.next = true
		ex.detail = "the calendars differ before the next change, on " + h.describe(d)
	}
	return ex
}

// countPH counts a compared probe of an expression with PH: whether it is on
// a public holiday of both calendars (or the day after one, with a span past
// midnight) and whether our state was decided through PH.
func (tl *ohTally) countPH(h *ohHolidays, p ohProbe, o ohOurs, wrap bool) {
	day := ohDate(p.at)
	if h.common(day) || wrap && h.common(day-1) {
		tl.phCommonDays++
	}
	if o.holiday != "" {
		tl.phDecided++
	}
}
