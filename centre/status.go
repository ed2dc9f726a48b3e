package centre

import (
	"time"

	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/schedule"
)

// Status returns the sentence that says whether the desk is open at t and
// when that changes, in p's language: "Nu open, sluit om 12:30", "Closed
// for Christmas Day, opens Tuesday 29 December at 09:00" (see
// i18n.Printer.Status). A change at the end of the days the schedule
// answers for is no change it knows of.
func (d *Desk) Status(p *i18n.Printer, t time.Time) string {
	s := d.Schedule
	next, ok := s.NextChange(t)
	if ok && !s.Covers(next) {
		ok = false
	}
	return p.Status(t, Situation(s.State(t)), next, ok)
}

// Situation returns what a status sentence needs to know of a schedule's
// state: whether it is open or unknown, the rule's comment, and why it is
// closed (the holiday's name, or the exception's or recurrence's reason).
func Situation(st schedule.State) i18n.Situation {
	s := i18n.Situation{Open: st.Kind == schedule.Open, Unknown: st.Kind == schedule.Unknown, Comment: st.Comment}
	if st.Kind == schedule.Closed {
		if st.Holiday.ID != "" {
			s.Why = st.Holiday.Name
		} else {
			s.Why = st.Reason
		}
	}
	return s
}
