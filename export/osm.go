package export

import (
	"errors"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
	"github.com/expatcentre/loket/text"
)

// ErrInexact is the error (for errors.Is) of OSM when no opening_hours
// value it can write says exactly what the desk's schedule says over the
// range: a day whose hours it cannot write as a dated rule, or more dated
// rules than an expression may hold (osm.MaxRules, osm.MaxExpressionLength).
var ErrInexact = errors.New("hours not expressible as opening_hours")

// OSM returns the opening_hours value of desk d of centre ce for
// OpenStreetMap: the desk's weekly rules, "PH off" (OpenStreetMap's public
// holidays of the Netherlands, as opening_hours.js knows them), and a
// dated rule for each day of r on which those differ from the desk's
// schedule (a closure, an exception, a recurrence, a holiday that PH does
// not name or names wrongly for the centre, and the days on which
// opening_hours.js's PH differs from loket's: Good Friday, Easter Sunday
// and Whit Sunday, and the day after each): "2026 Dec 24 off
// "Kerstavond"", "2026 Sep 15 09:00-11:00 open "teamdag"", with the reason in
// language l as the rule's comment.
//
// Evaluated as opening_hours.js evaluates it (and loket's own parser, in
// the centre's time zone, checks before OSM returns it), the value opens
// and closes at the same instants as the desk's schedule on every day of
// r. After r only the weekly rules and PH apply. r must pass Check; an
// error wrapping ErrInexact says on which day the value would be wrong.
func OSM(ce *centre.Centre, d *centre.Desk, r Range, l text.Lang) (string, error) {
	if err := Check(r); err != nil {
		return "", err
	}
	s := d.Schedule
	loc := s.Location()
	base := s.String() + "; PH off"
	weekly, err := osm.Parse(base, osm.WithLocation(loc))
	if err != nil {
		return "", message.Wrap(ErrInexact, "export.osm.invalid", map[string]any{"Error": err})
	}
	var b strings.Builder
	b.WriteString(base)
	var national holidays.Calendar
	for day := r.From; day <= r.To; day++ {
		want := s.Day(day).Intervals
		if sameIntervals(weekly.Day(day).Intervals, want) && !phDiffers(national, day) && !phDiffers(national, day-1) {
			continue
		}
		rule, ok := dayRule(ce, d, day, want, l)
		if !ok {
			return "", message.Wrap(ErrInexact, "export.osm.inexact", map[string]any{"Date": day.String()})
		}
		b.WriteString("; ")
		b.WriteString(rule)
	}
	expr := b.String()
	got, err := osm.Parse(expr, osm.WithLocation(loc))
	if err != nil {
		return "", message.Wrap(ErrInexact, "export.osm.invalid", map[string]any{"Error": err})
	}
	for day := r.From; day <= r.To; day++ {
		if !sameIntervals(got.Day(day).Intervals, s.Day(day).Intervals) {
			return "", message.Wrap(ErrInexact, "export.osm.inexact", map[string]any{"Date": day.String()})
		}
	}
	return expr, nil
}

// phDiffers reports whether PH means something else on day d in
// opening_hours.js than in loket: opening_hours.js's Dutch PH has Good
// Friday and lacks Easter Sunday and Whit Sunday, which the Algemene
// termijnenwet list of schedule/holidays has (see the differential tests
// of package schedule). OSM writes such a day, and the day after it (which
// a rule running past midnight reaches), as dated rules, so that the
// value means the same to both.
func phDiffers(national holidays.Calendar, d date.Date) bool {
	var buf [4]holidays.Holiday
	for _, h := range national.AllOn(d, buf[:0]) {
		switch h.ID {
		case "good-friday", "easter-sunday", "whit-sunday":
			return true
		}
	}
	return false
}

// dayRule returns the dated rules that give day the intervals ivs (cut to
// the day, as schedule.Schedule.Day gives them): "2026 Dec 24 off" for
// none, else a rule per interval, joined by ", " so that each adds to the
// day. ok is false for an interval that is not whole minutes of the day's
// wall clock.
func dayRule(ce *centre.Centre, d *centre.Desk, day date.Date, ivs []schedule.Interval, l text.Lang) (string, bool) {
	loc := d.Schedule.Location()
	sel := osmDate(day)
	if len(ivs) == 0 {
		rule := sel + " off"
		if reason, _ := closed(ce, d, day, l); reason != "" {
			rule += " " + osmComment(reason)
		}
		return rule, true
	}
	start := midnight(day, loc)
	var rules []string
	for _, iv := range ivs {
		from, ok1 := wallMinutes(iv.Start, start, day, loc)
		to, ok2 := wallMinutes(iv.End, start, day, loc)
		if !ok1 || !ok2 || to <= from {
			return "", false
		}
		rule := sel + " " + clock(from) + "-" + clock(to)
		note := iv.Reason.In(l)
		if note == "" {
			note = iv.Comment
		}
		switch {
		case iv.Kind == schedule.Unknown:
			rule += " unknown"
		case note != "":
			rule += " open" // a comment alone would make the rule unknown
		}
		if note != "" {
			rule += " " + osmComment(note)
		}
		rules = append(rules, rule)
	}
	return strings.Join(rules, ", "), true
}

// wallMinutes returns the wall-clock minute of day of t, which lies within
// day (24*60 for the day's end), and false when that is not a whole
// minute or t is not on day.
func wallMinutes(t, dayStart time.Time, day date.Date, loc *time.Location) (int, bool) {
	t = t.In(loc)
	if t.Equal(midnight(day+1, loc)) {
		return 24 * 60, true
	}
	if date.NewAt(t) != day || t.Second() != 0 || t.Nanosecond() != 0 || t.Before(dayStart) {
		return 0, false
	}
	return t.Hour()*60 + t.Minute(), true
}

// clock writes minutes since midnight as opening_hours does: 09:00, 24:00.
func clock(min int) string {
	return string([]byte{byte('0' + min/600), byte('0' + min/60%10), ':', byte('0' + min%60/10), byte('0' + min%10)})
}

// osmDate writes a day as an opening_hours date selector: 2026 Dec 24.
func osmDate(d date.Date) string {
	return d.Format("2006 Jan 02")
}

// osmComment quotes s as an opening_hours comment, which cannot hold a
// double quote: those become single ones.
func osmComment(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, "'") + `"`
}
