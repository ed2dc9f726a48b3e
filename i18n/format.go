package i18n

import (
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/catalog"
	"github.com/expatcentre/loket/internal/civil"
)

// Date returns d with its weekday and year: "donderdag 3 december 2026",
// "Thursday, 3 December 2026" (CLDR's full date for nl and en-GB).
func (p *Printer) Date(d date.Date) string { return catalog.Date(p.lang, civil.Date(d)) }

// Clock returns the time of day of t in t's location, on the 24-hour clock:
// "09:00", "17:30". Seconds are dropped, not rounded.
func (p *Printer) Clock(t time.Time) string { return catalog.Clock(t) }

// Span returns the times of day from start to end with an en dash:
// "09:00–12:30". An end at midnight of the day after start's day is "24:00"
// ("22:00–24:00"). Each time is read in its own location.
func (p *Printer) Span(start, end time.Time) string { return catalog.Span(p.lang, start, end) }

// DateSpan returns start's date with the times from start to end:
// "donderdag 3 december 2026, 09:00–12:30", "Thursday, 3 December 2026,
// 09:00–12:30" (CLDR's date interval format). It is meant for a span
// within one day, ending at the latest at 24:00.
func (p *Printer) DateSpan(start, end time.Time) string {
	return catalog.DateSpan(p.lang, start, end)
}

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
func (p *Printer) Relative(now, t time.Time) string { return catalog.Relative(p.lang, now, t) }

// Situation is what a status sentence needs to know of a desk's state at
// an instant (see Printer.Status): whether it is Open, or Unknown (a rule
// that says neither), else closed; the Comment of the rule that decided it;
// and Why it is closed: a holiday's name, or the reason of an exception or
// recurrence.
type Situation = catalog.Situation

// Status returns the sentence that says whether a desk is open at now, given
// its situation then and, when hasNext, the instant next at which its state
// next changes. Days are counted in next's location, which for a schedule
// is its own. Package centre words a desk's state with it
// (centre.Desk.Status).
//
// Open: "Nu open, sluit om 12:30", "Open now, closes at 12:30"; closing on
// another day: "Open now, closes Saturday at 02:00" (a weekday for the next
// six days, a date beyond); without next: "Open now". Midnight at the end of
// today is 24:00. The comment of the rule that decided the state, if any,
// follows in parentheses (translated by Comment when it is a known one):
// "Open now (by appointment), closes at 12:30".
//
// Unknown: "Mogelijk open (op afspraak) tot 12:30", "Possibly open (by
// appointment) until 12:30", "Possibly open".
//
// Closed: "Gesloten, opent dinsdag 29 december om 09:00", "Closed, opens
// today at 13:30", "Closed, opens tomorrow at 09:00"; beyond tomorrow the
// opening always has its date (and its year when it is 180 days or more
// away); without next: "Closed". With Why: "Gesloten vanwege Eerste
// Kerstdag, opent dinsdag 29 december om 09:00", "Closed for staff
// training, opens tomorrow at 09:00".
func (p *Printer) Status(now time.Time, s Situation, next time.Time, hasNext bool) string {
	return catalog.Status(p.lang, now, s, next, hasNext)
}
