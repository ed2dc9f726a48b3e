package schedule

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/teambition/rrule-go"

	"github.com/expatcentre/loket/schedule/holidays"
)

// recurrence is a compiled Recurrence: its days are expanded once, at
// compile time, into a bit set from the first occurrence to the last one
// before the end of holidays.LastYear, so a query costs the same whether the
// rule began last week or fifty years ago.
type recurrence struct {
	first date.Date
	days  []uint64 // bit k: first+k is an occurrence
	spans []span
	cell  cell
}

func (r *recurrence) occursOn(d date.Date) bool {
	k := int64(d - r.first)
	if k < 0 || k >= int64(len(r.days))*64 {
		return false
	}
	return r.days[k/64]&(1<<(k%64)) != 0
}

// maxOccurrences bounds the expansion of one recurrence (a daily rule from
// 1900 to 2199 has about 110,000 days).
const maxOccurrences = 120_000

func (s *Schedule) compileRecurrences(rcs []Recurrence) error {
	end := time.Date(holidays.LastYear+1, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, rc := range rcs {
		fail := func(field string, err error) error {
			return &LayerError{Layer: "recurrences", Index: i, Field: field, Err: err}
		}
		r, err := parseRRule(rc.RRule, rc.Start)
		if err != nil {
			return fail("rrule", err)
		}
		c := recurrence{cell: cell{kind: Open, source: SourceRecurrence, label: s.label(label{reason: rc.Reason})}}
		if rc.Closed {
			c.cell.kind = Closed
		}
		if strings.TrimSpace(rc.Hours) == "" {
			c.spans = []span{{0, minutesPerDay}}
		} else if c.spans, err = parseHours(rc.Hours); err != nil {
			return fail("hours", err)
		}
		next := r.Iterator()
		n := 0
		for {
			t, ok := next()
			if !ok || !t.Before(end) {
				break
			}
			if n++; n > maxOccurrences {
				return fail("rrule", fmt.Errorf("more than %d occurrences before %d: add UNTIL or COUNT", maxOccurrences, holidays.LastYear+1))
			}
			d := date.NewAt(t)
			if len(c.days) == 0 && c.first == 0 {
				c.first = d
			}
			k := int64(d - c.first)
			for int64(len(c.days))*64 <= k {
				c.days = append(c.days, 0)
			}
			c.days[k/64] |= 1 << (k % 64)
		}
		s.recurrences = append(s.recurrences, c)
	}
	return nil
}

// parseRRule parses an RRULE value with an optional DTSTART line; start is
// used when there is none. Only day-level recurrences are accepted.
func parseRRule(text string, start date.Date) (*rrule.RRule, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, errors.New("empty: expected an RFC 5545 rule such as FREQ=MONTHLY;BYDAY=1MO")
	}
	opt, err := rrule.StrToROptionInLocation(text, time.UTC)
	if err != nil {
		return nil, fmt.Errorf("%q is not an RFC 5545 recurrence rule: %v", text, err)
	}
	switch opt.Freq {
	case rrule.YEARLY, rrule.MONTHLY, rrule.WEEKLY, rrule.DAILY:
	default:
		return nil, fmt.Errorf("FREQ=%v: expected YEARLY, MONTHLY, WEEKLY or DAILY (times go in hours)", opt.Freq)
	}
	if len(opt.Byhour)+len(opt.Byminute)+len(opt.Bysecond) > 0 {
		return nil, errors.New("BYHOUR, BYMINUTE and BYSECOND are not supported: give times in hours")
	}
	if opt.Dtstart.IsZero() {
		if start == 0 {
			return nil, errors.New("no start: add a DTSTART line or a start date")
		}
		opt.Dtstart = start.MidnightUTC()
	} else if start != 0 && date.NewAt(opt.Dtstart) != start {
		return nil, fmt.Errorf("DTSTART %s differs from the start date %s", opt.Dtstart.Format("2006-01-02"), start)
	}
	y := opt.Dtstart.Year()
	if y < holidays.FirstYear || y > holidays.LastYear {
		return nil, fmt.Errorf("DTSTART year %d is outside %d-%d", y, holidays.FirstYear, holidays.LastYear)
	}
	opt.Dtstart = time.Date(y, opt.Dtstart.Month(), opt.Dtstart.Day(), 0, 0, 0, 0, time.UTC)
	r, err := rrule.NewRRule(*opt)
	if err != nil {
		return nil, fmt.Errorf("%q: %v", text, err)
	}
	return r, nil
}
