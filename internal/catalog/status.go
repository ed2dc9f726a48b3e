package catalog

import (
	"time"

	"github.com/expatcentre/loket/text"
)

// Situation is what the status sentence needs to know of a desk's state
// at an instant.
type Situation struct {
	// Open or Unknown (a rule that says neither); else closed.
	Open, Unknown bool
	// Comment is the comment of the rule that decided the state.
	Comment string
	// Why is what closed the desk: a holiday's name, or the reason of an
	// exception or recurrence; zero when nothing in particular did.
	Why text.Text
}

// Status returns the sentence that says whether a desk is open at now,
// given its situation then and, when hasNext, the instant next at which
// its state next changes. Days are counted in next's location.
//
// Open: "Nu open, sluit om 12:30", "Open now, closes at 12:30"; closing on
// another day: "Open now, closes Saturday at 02:00" (a weekday for the
// next six days, a date beyond); without next: "Open now". Midnight at the
// end of today is 24:00. The comment of the rule that decided the state,
// if any, follows in parentheses (translated by Comment when it is a known
// one): "Open now (by appointment), closes at 12:30".
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
func Status(l text.Lang, now time.Time, s Situation, next time.Time, hasNext bool) string {
	data := map[string]any{"Comment": Comment(l, s.Comment)}
	if s.Open || s.Unknown {
		if !hasNext {
			if s.Open {
				return T(l, "status.open", data)
			}
			return T(l, "status.unknown", data)
		}
		switch days := DayDiff(now, next); {
		case days == 0 || days == 1 && next.Hour() == 0 && next.Minute() == 0:
			data["Time"] = EndClock(now.In(next.Location()), next)
			if s.Open {
				return T(l, "status.open_closes_at", data)
			}
			return T(l, "status.unknown_until", data)
		case days > 0 && days < 7:
			data["Day"] = Weekday(l, next.Weekday())
		default:
			data["Day"] = dayDate(l, days, next)
		}
		data["Time"] = Clock(next)
		if s.Open {
			return T(l, "status.open_closes_on", data)
		}
		return T(l, "status.unknown_until_on", data)
	}

	reason := s.Why.In(l)
	if hasNext {
		switch days := DayDiff(now, next); days {
		case 0:
			data["Day"] = T(l, "calendar.today", nil)
		case 1:
			data["Day"] = T(l, "calendar.tomorrow", nil)
		default:
			data["Day"] = dayDate(l, days, next)
		}
		data["Time"] = Clock(next)
	}
	switch {
	case reason != "" && hasNext:
		data["Reason"] = reason
		return T(l, "status.closed_for_opens", data)
	case reason != "":
		data["Reason"] = reason
		return T(l, "status.closed_for", data)
	case hasNext:
		return T(l, "status.closed_opens", data)
	}
	return T(l, "status.closed", data)
}
