package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/text"
)

const (
	localFormat = "20060102T150405"
	utcFormat   = "20060102T150405Z"
	dateFormat  = "20060102"
)

// ICS writes the opening hours of desk d of centre ce over r as an RFC
// 5545 calendar to w, its texts in language l; stamp is the instant the
// calendar is made (its DTSTAMPs). r must pass Check.
//
// The calendar has a VTIMEZONE for the centre's time zone with every
// change of offset from before r to its end, and three kinds of events,
// each with a UID that stays the same from one export to the next as long
// as what it describes does, so that a subscribed calendar updates in
// place:
//
//   - for each weekday that is usually open, one event per interval of
//     its usual hours, repeated weekly (RRULE with UNTIL) in the centre's
//     time zone, with an EXDATE for each day in between that differs;
//   - for each day that differs, an event for each interval it has, with
//     the reason of the exception or recurrence that made it;
//   - for each day that differs and is closed although its weekday is
//     usually open, a transparent all-day event (VALUE=DATE) that names
//     the desk and why it is closed: a holiday, a closure of the centre,
//     an exception or a recurrence.
//
// The timed events are the schedule's Intervals over r: an interval of
// unknown state (opening_hours "unknown" or a bare comment) is an event
// with STATUS:TENTATIVE. An interval that runs past midnight is one event.
func ICS(w io.Writer, ce *centre.Centre, d *centre.Desk, r Range, l text.Lang, stamp time.Time) error {
	if err := Check(r); err != nil {
		return err
	}
	p := newPlan(d, r)
	pr := i18n.PrinterFor(l)
	tzid := p.loc.String()
	deskName, centreName := d.Name.In(l), ce.Name.In(l)

	cal := ics.NewCalendar()
	cal.SetProductId("-//expatcentre//loket export//" + strings.ToUpper(langCode(l)))
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	cal.SetXWRCalName(pr.T("export.ics.name", map[string]any{"Desk": deskName, "Centre": centreName}))
	cal.SetXWRTimezone(tzid)
	addTimezone(cal, p)

	uid := func(what string) string { return what + "." + d.ID + "." + ce.ID + "@loket" }
	where := location(ce, d, l)
	describe := func(e *ics.VEvent, summary string, notes ...string) {
		e.SetDtStampTime(stamp)
		e.SetSummary(summary)
		var lines []string
		for _, n := range notes {
			if n != "" {
				lines = append(lines, n)
			}
		}
		if d.Appointment {
			if d.BookingURL != "" {
				lines = append(lines, pr.T("export.ics.appointment_at", map[string]any{"URL": d.BookingURL}))
			} else {
				lines = append(lines, pr.T("export.ics.appointment", nil))
			}
		}
		if len(lines) > 0 {
			e.SetDescription(strings.Join(lines, "\n"))
		}
		if where != "" {
			e.SetLocation(where)
		}
		if d.BookingURL != "" {
			e.SetURL(d.BookingURL)
		}
		if !ce.Coordinates.IsZero() {
			e.SetGeo(ce.Coordinates.Lat, ce.Coordinates.Lon)
		}
	}
	timed := func(e *ics.VEvent, iv schedule.Interval) {
		note := iv.Reason.In(l)
		if note == "" {
			note = pr.Comment(iv.Comment)
		}
		summary := pr.T("export.ics.open", map[string]any{"Desk": deskName})
		if iv.Kind == schedule.Unknown {
			summary = pr.T("export.ics.unknown", map[string]any{"Desk": deskName})
			e.SetStatus(ics.ObjectStatusTentative)
		}
		describe(e, summary, note)
		setTime(e, ics.ComponentPropertyDtStart, iv.Start, p.loc)
		setTime(e, ics.ComponentPropertyDtEnd, iv.End, p.loc)
	}

	// The weekly events.
	for wd := range 7 {
		first := p.usual[wd]
		if first < 0 {
			continue
		}
		last := p.days[p.last[wd]]
		for _, iv := range p.days[first].intervals {
			start := iv.Start.In(p.loc)
			e := cal.AddEvent(uid(fmt.Sprintf("weekly-%s-%s-%s", weekdayCode(time.Weekday(wd)), start.Format("1504"), iv.End.In(p.loc).Format("1504"))))
			timed(e, iv)
			until := atWall(last.date, start, p.loc)
			e.AddRrule("FREQ=WEEKLY;BYDAY=" + strings.ToUpper(weekdayCode(time.Weekday(wd))) + ";UNTIL=" + until.UTC().Format(utcFormat))
			for i := first; i <= p.last[wd]; i += 7 {
				if !p.regular[i] {
					e.AddExdate(atWall(p.days[i].date, start, p.loc).Format(localFormat), ics.WithTZID(tzid))
				}
			}
		}
	}
	// The days that differ.
	for i, dy := range p.days {
		if p.regular[i] {
			continue
		}
		for _, iv := range dy.intervals {
			e := cal.AddEvent(uid("day-" + iv.Start.In(p.loc).Format("20060102T1504")))
			timed(e, iv)
		}
		if p.usual[dy.date.Weekday()] < 0 {
			continue
		}
		if reason, ok := closed(ce, d, dy.date, l); ok {
			e := cal.AddEvent(uid("closed-" + dy.date.Format(dateFormat)))
			summary := pr.T("export.ics.closed", map[string]any{"Desk": deskName})
			if reason != "" {
				summary = pr.T("export.ics.closed_for", map[string]any{"Desk": deskName, "Reason": reason})
			}
			describe(e, summary, reason)
			e.SetAllDayStartAt(dy.date.Midnight())
			e.SetAllDayEndAt((dy.date + 1).Midnight())
			e.SetTimeTransparency(ics.TransparencyTransparent)
		}
	}
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

// setTime sets a DATE-TIME property to t: in loc's wall-clock time with
// TZID when that time names t alone, else in UTC.
func setTime(e *ics.VEvent, prop ics.ComponentProperty, t time.Time, loc *time.Location) {
	t = t.In(loc)
	if wallExact(t, loc) {
		e.SetProperty(prop, t.Format(localFormat), ics.WithTZID(loc.String()))
		return
	}
	e.SetProperty(prop, t.UTC().Format(utcFormat))
}

// atWall returns day d at the wall-clock time of t, in loc.
func atWall(d date.Date, t time.Time, loc *time.Location) time.Time {
	y, m, dd := d.Date()
	h, mi, s := t.Clock()
	return time.Date(y, m, dd, h, mi, s, 0, loc)
}

// weekdayCode returns the RFC 5545 and opening_hours code of a weekday:
// "mo" to "su", lower case.
func weekdayCode(w time.Weekday) string {
	return [...]string{"su", "mo", "tu", "we", "th", "fr", "sa"}[w]
}

// langCode returns "nl" or "en".
func langCode(l text.Lang) string {
	if l == text.English {
		return "en"
	}
	return "nl"
}

// location returns where the desk is: its place in the building and the
// centre's address, as one line.
func location(ce *centre.Centre, d *centre.Desk, l text.Lang) string {
	var parts []string
	if s := d.Location.In(l); s != "" {
		parts = append(parts, s)
	}
	a := ce.Address
	if a.Street != "" {
		parts = append(parts, a.Street)
	}
	if city := strings.TrimSpace(a.PostalCode + " " + a.City); city != "" {
		parts = append(parts, city)
	}
	return strings.Join(parts, ", ")
}

// addTimezone adds the VTIMEZONE of p's location: one observance for
// each period of one offset that overlaps p's range, each starting at
// the change that began it, so that the calendar needs no zone database.
func addTimezone(cal *ics.Calendar, p *plan) {
	tz := cal.AddTimezone(p.loc.String())
	from, to := p.r.bounds(p.loc)
	for t := from; t.Before(to); {
		start, end := t.ZoneBounds()
		name, offset := t.Zone()
		var c *ics.ComponentBase
		if t.IsDST() {
			dl := &ics.Daylight{}
			tz.Components = append(tz.Components, dl)
			c = &dl.ComponentBase
		} else {
			c = &tz.AddStandard().ComponentBase
		}
		before := offset
		onset := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
		if !start.IsZero() {
			_, before = start.Add(-time.Second).Zone()
			onset = start.In(time.FixedZone("", before))
		}
		c.SetProperty(ics.ComponentPropertyDtStart, onset.Format(localFormat))
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), utcOffset(before))
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), utcOffset(offset))
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzname), name)
		if end.IsZero() {
			break
		}
		t = end
	}
}

// utcOffset writes an offset east of UTC in seconds as RFC 5545 does:
// +0100, -0330, +001530.
func utcOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec/60%60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}
