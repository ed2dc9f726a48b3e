package osm

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/teambition/rrule-go"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/timetable"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
)

// maxOccurrences bounds the expansion of one recurrence (a daily rule from
// 1900 to 2199 has about 110,000 days).
const maxOccurrences = 120_000

// MaxRecurrences is the largest number of recurrences a schedule takes
// (timetable.MaxRecurrences).
// Each is expanded once, when the schedule is compiled, which takes up to
// about 15 ms for a daily rule over the whole range, and up to about 120 ms
// for a rule that turns out never to occur (the expansion looks as far as
// year 9999 before it gives up).
const MaxRecurrences = timetable.MaxRecurrences

func (c *compiler) compileRecurrences(rcs []Recurrence) {
	if len(rcs) > MaxRecurrences {
		c.fail(LayerRecurrences, MaxRecurrences, "rrule", fmt.Errorf("%d recurrences: a schedule takes at most %d", len(rcs), MaxRecurrences))
		return
	}
	end := time.Date(holidays.LastYear+1, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, rc := range rcs {
		if x, field, err := c.recurrence(rc, end); err != nil {
			c.fail(LayerRecurrences, i, field, err)
		} else {
			c.p.Recurrences = append(c.p.Recurrences, x)
		}
	}
}

// recurrence compiles one recurrence, expanding its days before end. The
// error names the field it is about.
func (c *compiler) recurrence(rc Recurrence, end time.Time) (x timetable.Recurrence, field string, err error) {
	r, err := parseRRule(rc.RRule, rc.Start)
	if err != nil {
		return x, "rrule", err
	}
	x.Cell = timetable.Cell{Kind: timetable.Open, Source: timetable.SourceRecurrence, Label: c.label(timetable.Label{Reason: rc.Reason})}
	if rc.Closed {
		x.Cell.Kind = timetable.Closed
	}
	if strings.TrimSpace(rc.Hours) == "" {
		x.Spans = []timetable.Span{{From: 0, To: minutesPerDay}}
	} else {
		spans, err := parseHours(rc.Hours)
		if err != nil {
			return x, "hours", err
		}
		for _, sp := range spans {
			x.Spans = append(x.Spans, timetable.Span{From: int32(sp.from), To: int32(sp.to)})
		}
	}
	next := r.Iterator()
	n := 0
	for {
		t, ok := next()
		if !ok || !t.Before(end) {
			break
		}
		if n++; n > maxOccurrences {
			return x, "rrule", fmt.Errorf("more than %d occurrences before %d: add UNTIL or COUNT", maxOccurrences, holidays.LastYear+1)
		}
		d := civil.Date(date.NewAt(t))
		if n == 1 {
			x.First = d
		}
		k := int64(d - x.First)
		for int64(len(x.Days))*64 <= k {
			x.Days = append(x.Days, 0)
		}
		x.Days[k/64] |= 1 << (k % 64)
	}
	if n == 0 {
		return x, "rrule", fmt.Errorf("%s never occurs from %s to %s", excerpt.Quote(rc.RRule),
			r.OrigOptions.Dtstart.Format(time.DateOnly), schedule.LastDay)
	}
	return x, "", nil
}

// parseRRule parses an RRULE value with an optional DTSTART line; start is
// used when there is none. Only day-level recurrences are accepted, and
// none whose values mean nothing (see checkRRuleParts).
func parseRRule(text string, start date.Date) (*rrule.RRule, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, errors.New("empty: expected an RFC 5545 rule such as FREQ=MONTHLY;BYDAY=1MO")
	}
	if len(text) > MaxExpressionLength {
		return nil, fmt.Errorf("the rule is %d bytes long: at most %d are accepted", len(text), MaxExpressionLength)
	}
	if err := checkRRuleParts(text); err != nil {
		return nil, err
	}
	opt, err := rrule.StrToROptionInLocation(text, time.UTC)
	if err != nil {
		return nil, fmt.Errorf("%s is not an RFC 5545 recurrence rule: %v", excerpt.Quote(text), err)
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
	if !opt.Until.IsZero() && date.NewAt(opt.Until) < date.NewAt(opt.Dtstart) {
		return nil, fmt.Errorf("UNTIL %s is before the start %s: the rule would never occur",
			opt.Until.Format(time.DateOnly), opt.Dtstart.Format(time.DateOnly))
	}
	if err := checkMonthDays(opt); err != nil {
		return nil, err
	}
	r, err := rrule.NewRRule(*opt)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", excerpt.Quote(text), err)
	}
	return r, nil
}

// checkRRuleParts refuses the parts of a rule that rrule-go would read as
// something else rather than refuse: COUNT or INTERVAL below 1 (taken as no
// count, or as 1), a part given twice (the last one wins), COUNT together
// with UNTIL (RFC 5545 forbids it) and a BYDAY with ordinal 0 (taken as no
// ordinal).
func checkRRuleParts(text string) error {
	line := text
	if i := strings.LastIndexByte(text, '\n'); i >= 0 {
		line = text[i+1:]
	}
	line = strings.TrimPrefix(strings.TrimSpace(line), "RRULE:")
	seen := map[string]bool{}
	for part := range strings.SplitSeq(line, ";") {
		key, value, ok := strings.Cut(part, "=")
		if !ok {
			continue // rrule-go names the malformed part
		}
		if seen[key] {
			return fmt.Errorf("%s is given twice: give each part once", excerpt.Quote(key))
		}
		seen[key] = true
		switch key {
		case "COUNT", "INTERVAL":
			n, err := strconv.Atoi(value)
			if err == nil && n < 1 {
				what := "the number of occurrences"
				if key == "INTERVAL" {
					what = "the number of periods between occurrences (1: every one)"
				}
				return fmt.Errorf("%s=%d: expected %s, 1 or more", key, n, what)
			}
		case "BYDAY":
			for day := range strings.SplitSeq(value, ",") {
				if n := strings.TrimLeft(day, "+-"); len(n) > 2 && strings.Trim(n[:len(n)-2], "0") == "" {
					return fmt.Errorf("BYDAY=%s: an ordinal is 1 to 53 or -1 to -53 (1MO: the first Monday), or none (MO: every Monday)", excerpt.Quote(day))
				}
			}
		}
	}
	if seen["COUNT"] && seen["UNTIL"] {
		return errors.New("COUNT and UNTIL together: RFC 5545 allows one of them")
	}
	return nil
}

// checkMonthDays refuses a BYMONTHDAY that no month of the rule has (30 in
// February, 31 in April): the rule would never occur.
func checkMonthDays(opt *rrule.ROption) error {
	if len(opt.Bymonthday) == 0 {
		return nil
	}
	months := opt.Bymonth
	if len(months) == 0 {
		return nil // every day from 1 to 31 (or -1 to -31) occurs in some month
	}
	for _, d := range opt.Bymonthday {
		longest := 0
		for _, m := range months {
			longest = max(longest, maxDaysIn(m))
		}
		if d > longest || -d > longest {
			names := make([]string, len(months))
			for i, m := range months {
				names[i] = time.Month(m).String()
			}
			return fmt.Errorf("BYMONTHDAY=%d never occurs in %s", d, strings.Join(names, ", "))
		}
	}
	return nil
}
