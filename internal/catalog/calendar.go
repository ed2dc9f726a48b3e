package catalog

import (
	"strconv"
	"time"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/text"
)

var (
	weekdayIDs = [7]string{
		"calendar.weekday.sunday", "calendar.weekday.monday", "calendar.weekday.tuesday",
		"calendar.weekday.wednesday", "calendar.weekday.thursday", "calendar.weekday.friday",
		"calendar.weekday.saturday",
	}
	monthIDs = [12]string{
		"calendar.month.january", "calendar.month.february", "calendar.month.march",
		"calendar.month.april", "calendar.month.may", "calendar.month.june",
		"calendar.month.july", "calendar.month.august", "calendar.month.september",
		"calendar.month.october", "calendar.month.november", "calendar.month.december",
	}
)

// Weekday returns the name of w: "donderdag", "Thursday".
func Weekday(l text.Lang, w time.Weekday) string {
	if w < time.Sunday || w > time.Saturday {
		return "[weekday " + strconv.Itoa(int(w)) + "]"
	}
	return T(l, weekdayIDs[w], nil)
}

// Month returns the name of m: "december", "December".
func Month(l text.Lang, m time.Month) string {
	if m < time.January || m > time.December {
		return "[month " + strconv.Itoa(int(m)) + "]"
	}
	return T(l, monthIDs[m-1], nil)
}

// Date returns d with its weekday and year: "donderdag 3 december 2026",
// "Thursday, 3 December 2026" (CLDR's full date for nl and en-GB).
func Date(l text.Lang, d civil.Date) string {
	y, m, day := d.Date()
	return T(l, "calendar.date", map[string]any{
		"Weekday": Weekday(l, d.Weekday()), "Day": day, "Month": Month(l, m), "Year": y,
	})
}

// DateNoYear returns d with its weekday, without the year: "dinsdag 29
// december", "Tuesday 29 December".
func DateNoYear(l text.Lang, d civil.Date) string {
	_, m, day := d.Date()
	return T(l, "calendar.date_no_year", map[string]any{
		"Weekday": Weekday(l, d.Weekday()), "Day": day, "Month": Month(l, m),
	})
}

// Clock returns the time of day of t in t's location, on the 24-hour
// clock: "09:00", "17:30". Seconds are dropped, not rounded.
func Clock(t time.Time) string {
	h, m, _ := t.Clock()
	return string([]byte{byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10)})
}

// EndClock is Clock, except that midnight at the end of the day after
// start's is "24:00".
func EndClock(start, end time.Time) string {
	if end.Hour() == 0 && end.Minute() == 0 && civil.Of(end) == civil.Of(start)+1 {
		return "24:00"
	}
	return Clock(end)
}

// Span returns the times of day from start to end with an en dash:
// "09:00–12:30". An end at midnight of the day after start's day is
// "24:00" ("22:00–24:00"). Each time is read in its own location.
func Span(l text.Lang, start, end time.Time) string {
	return T(l, "calendar.span", map[string]any{"Start": Clock(start), "End": EndClock(start, end)})
}

// DateSpan returns start's date with the times from start to end:
// "donderdag 3 december 2026, 09:00–12:30", "Thursday, 3 December 2026,
// 09:00–12:30" (CLDR's date interval format), for a span within one day
// that ends at the latest at 24:00.
func DateSpan(l text.Lang, start, end time.Time) string {
	return T(l, "calendar.date_span", map[string]any{
		"Date": Date(l, civil.Of(start)), "Span": Span(l, start, end),
	})
}

// Thresholds of Relative.
const (
	relMinutes = 59*time.Minute + 30*time.Second // below: minutes, rounded
	relHours   = 6 * time.Hour                   // below: hours, rounded
	// A date within this many days of now is named without its year.
	nearDays = 180
)

// Relative says when t is, seen from now: "nu"/"now" within a minute;
// minutes (rounded) within an hour; hours (rounded) within six;
// "vandaag"/"today", "morgen"/"tomorrow", "gisteren"/"yesterday", the
// weekday for the next 2 to 6 days, else the date with the year. Days are
// counted in t's location.
func Relative(l text.Lang, now, t time.Time) string {
	d := t.Sub(now)
	ago := d < 0
	if ago {
		d = -d
	}
	switch {
	case d < time.Minute:
		return T(l, "calendar.now", nil)
	case d < relMinutes:
		n := map[string]any{"Count": int((d + 30*time.Second) / time.Minute)}
		if ago {
			return T(l, "calendar.minutes_ago", n)
		}
		return T(l, "calendar.in_minutes", n)
	case d < relHours:
		n := map[string]any{"Count": int((d + 30*time.Minute) / time.Hour)}
		if ago {
			return T(l, "calendar.hours_ago", n)
		}
		return T(l, "calendar.in_hours", n)
	}
	switch days := DayDiff(now, t); {
	case days == 0:
		return T(l, "calendar.today", nil)
	case days == 1:
		return T(l, "calendar.tomorrow", nil)
	case days == -1:
		return T(l, "calendar.yesterday", nil)
	case days > 1 && days < 7:
		return Weekday(l, t.Weekday())
	}
	return Date(l, civil.Of(t))
}

// DayDiff returns the number of calendar days from now to t, both read in
// t's location.
func DayDiff(now, t time.Time) int {
	return int(civil.Of(t) - civil.Of(now.In(t.Location())))
}

// dayDate names the day of t, days days after today: with its weekday,
// and with its year unless it is in the coming nearDays days.
func dayDate(l text.Lang, days int, t time.Time) string {
	if days >= 0 && days < nearDays {
		return DateNoYear(l, civil.Of(t))
	}
	return Date(l, civil.Of(t))
}
