package i18n

import (
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/schedule"
)

// Date returns d with its weekday and year: "donderdag 3 december 2026",
// "Thursday, 3 December 2026" (CLDR's full date for nl and en-GB).
func (p *Printer) Date(d date.Date) string {
	y, m, day := d.Date()
	return p.T("calendar.date", map[string]any{
		"Weekday": p.weekdays[d.Weekday()], "Day": day, "Month": p.months[m-1], "Year": y,
	})
}

// dateNoYear returns d with its weekday, without the year: "dinsdag 29
// december", "Tuesday 29 December".
func (p *Printer) dateNoYear(d date.Date) string {
	_, m, day := d.Date()
	return p.T("calendar.date_no_year", map[string]any{
		"Weekday": p.weekdays[d.Weekday()], "Day": day, "Month": p.months[m-1],
	})
}

// Clock returns the time of day of t in t's location, on the 24-hour clock:
// "09:00", "17:30". Seconds are dropped, not rounded.
func (p *Printer) Clock(t time.Time) string { return t.Format("15:04") }

// endClock is Clock, except that midnight at the end of the day after
// start's is "24:00".
func endClock(start, end time.Time) string {
	if end.Hour() == 0 && end.Minute() == 0 && date.NewAt(end) == date.NewAt(start)+1 {
		return "24:00"
	}
	return end.Format("15:04")
}

// Span returns the times of day from start to end with an en dash:
// "09:00–12:30". An end at midnight of the day after start's day is "24:00"
// ("22:00–24:00"). Each time is read in its own location.
func (p *Printer) Span(start, end time.Time) string {
	return p.T("calendar.span", map[string]any{"Start": p.Clock(start), "End": endClock(start, end)})
}

// DateSpan returns start's date with the times from start to end:
// "donderdag 3 december 2026, 09:00–12:30", "Thursday, 3 December 2026,
// 09:00–12:30" (CLDR's date interval format). It is meant for a span
// within one day, ending at the latest at 24:00.
func (p *Printer) DateSpan(start, end time.Time) string {
	return p.T("calendar.date_span", map[string]any{
		"Date": p.Date(date.NewAt(start)), "Span": p.Span(start, end),
	})
}

// Thresholds of Relative.
const (
	relMinutes = 59*time.Minute + 30*time.Second // below: minutes, rounded
	relHours   = 6 * time.Hour                   // below: hours, rounded
	// A date within this many days of now is named without its year.
	nearDays = 180
)

// Relative says when t is, seen from now:
//
//   - less than a minute away, either way: "nu", "now";
//   - less than an hour: "over 15 minuten", "in 15 minutes", "over 1
//     minuut", "1 minute ago" (minutes rounded to the nearest);
//   - less than six hours: "over 2 uur", "in 2 hours", "1 hour ago" (hours
//     rounded to the nearest);
//   - further: "vandaag"/"today", "morgen"/"tomorrow", "gisteren"/"yesterday",
//     the weekday for the next 2 to 6 days ("dinsdag"), else the date with
//     the year (Date).
//
// Days are counted in t's location, so the result does not depend on the
// location of now.
func (p *Printer) Relative(now, t time.Time) string {
	d := t.Sub(now)
	ago := d < 0
	if ago {
		d = -d
	}
	switch {
	case d < time.Minute:
		return p.T("calendar.now", nil)
	case d < relMinutes:
		n := map[string]any{"Count": int((d + 30*time.Second) / time.Minute)}
		if ago {
			return p.T("calendar.minutes_ago", n)
		}
		return p.T("calendar.in_minutes", n)
	case d < relHours:
		n := map[string]any{"Count": int((d + 30*time.Minute) / time.Hour)}
		if ago {
			return p.T("calendar.hours_ago", n)
		}
		return p.T("calendar.in_hours", n)
	}
	switch days := dayDiff(now, t); {
	case days == 0:
		return p.T("calendar.today", nil)
	case days == 1:
		return p.T("calendar.tomorrow", nil)
	case days == -1:
		return p.T("calendar.yesterday", nil)
	case days > 1 && days < 7:
		return p.Weekday(t.Weekday())
	}
	return p.Date(date.NewAt(t))
}

// dayDiff returns the number of calendar days from now to t, both read in
// t's location.
func dayDiff(now, t time.Time) int {
	return int(date.NewAt(t) - date.NewAt(now.In(t.Location())))
}

// Status returns the sentence that says whether a desk is open at now, given
// its state then and, when hasNext, the instant next at which the state
// next changes (schedule.NextChange). Days are counted in next's location,
// which for a schedule is its own.
//
// Open: "Nu open, sluit om 12:30", "Open now, closes at 12:30"; closing on
// another day: "Open now, closes Saturday at 02:00" (a weekday for the next
// six days, a date beyond); without next: "Open now". Midnight at the end of
// today is 24:00. The comment of the rule that decided the state, if any,
// follows in parentheses (translated by Comment when it is a known one):
// "Open now (by appointment), closes at 12:30".
//
// Unknown (a rule that says neither open nor closed, such as a bare
// comment): "Mogelijk open (op afspraak) tot 12:30", "Possibly open (by
// appointment) until 12:30", "Possibly open".
//
// Closed: "Gesloten, opent dinsdag 29 december om 09:00", "Closed, opens
// today at 13:30", "Closed, opens tomorrow at 09:00"; beyond tomorrow the
// opening always has its date (and its year when it is 180 days or more
// away); without next: "Closed". When a holiday closed the desk
// (st.Holiday.ID set) or an exception or recurrence with a reason did:
// "Gesloten vanwege Eerste Kerstdag, opent dinsdag 29 december om 09:00",
// "Closed for staff training, opens tomorrow at 09:00".
func (p *Printer) Status(now time.Time, st schedule.State, next time.Time, hasNext bool) string {
	data := map[string]any{"Comment": p.Comment(st.Comment)}
	switch st.Kind {
	case schedule.Open, schedule.Unknown:
		open := st.Kind == schedule.Open
		if !hasNext {
			if open {
				return p.T("status.open", data)
			}
			return p.T("status.unknown", data)
		}
		switch days := dayDiff(now, next); {
		case days == 0 || days == 1 && next.Hour() == 0 && next.Minute() == 0:
			data["Time"] = endClock(now.In(next.Location()), next)
			if open {
				return p.T("status.open_closes_at", data)
			}
			return p.T("status.unknown_until", data)
		case days > 0 && days < 7:
			data["Day"] = p.Weekday(next.Weekday())
		default:
			data["Day"] = p.dayDate(days, next)
		}
		data["Time"] = p.Clock(next)
		if open {
			return p.T("status.open_closes_on", data)
		}
		return p.T("status.unknown_until_on", data)
	}

	var reason string
	if st.Holiday.ID != "" {
		reason = p.HolidayName(st.Holiday)
	} else if !st.Reason.IsZero() {
		reason = p.Text(st.Reason)
	}
	if hasNext {
		switch days := dayDiff(now, next); days {
		case 0:
			data["Day"] = p.T("calendar.today", nil)
		case 1:
			data["Day"] = p.T("calendar.tomorrow", nil)
		default:
			data["Day"] = p.dayDate(days, next)
		}
		data["Time"] = p.Clock(next)
	}
	switch {
	case reason != "" && hasNext:
		data["Reason"] = reason
		return p.T("status.closed_for_opens", data)
	case reason != "":
		data["Reason"] = reason
		return p.T("status.closed_for", data)
	case hasNext:
		return p.T("status.closed_opens", data)
	}
	return p.T("status.closed", data)
}

// dayDate names the day of t, days days after today: with its weekday, and
// with its year unless it is in the coming nearDays days.
func (p *Printer) dayDate(days int, t time.Time) string {
	if days >= 0 && days < nearDays {
		return p.dateNoYear(date.NewAt(t))
	}
	return p.Date(date.NewAt(t))
}
