package osm

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/teambition/rrule-go"

	"github.com/expatcentre/loket/internal/catalog"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/internal/timetable"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/text"
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
		c.fail(LayerRecurrences, MaxRecurrences, "rrule", message.NewError("errors.osm.too_many_recurrences", map[string]any{"Count": len(rcs), "Max": MaxRecurrences}))
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
			return x, "rrule", message.NewError("errors.osm.rrule.too_many", map[string]any{"Max": maxOccurrences, "Year": holidays.LastYear + 1})
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
		return x, "rrule", message.NewError("errors.osm.rrule.never", map[string]any{"Rule": excerpt.Quote(rc.RRule),
			"From": r.OrigOptions.Dtstart.Format(time.DateOnly), "To": schedule.LastDay})
	}
	return x, "", nil
}

// parseRRule parses an RRULE value with an optional DTSTART line; start is
// used when there is none. Only day-level recurrences are accepted, and
// none whose values mean nothing (see checkRRuleParts).
func parseRRule(text string, start date.Date) (*rrule.RRule, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, message.NewError("errors.osm.rrule.empty", nil)
	}
	if len(text) > MaxExpressionLength {
		return nil, message.NewError("errors.osm.rrule.too_long", map[string]any{"Length": len(text), "Max": MaxExpressionLength})
	}
	if err := checkRRuleParts(text); err != nil {
		return nil, err
	}
	opt, err := rrule.StrToROptionInLocation(text, time.UTC)
	if err != nil {
		return nil, message.NewError("errors.osm.rrule.invalid", map[string]any{"Rule": excerpt.Quote(text), "Error": rruleProblem(err)})
	}
	switch opt.Freq {
	case rrule.YEARLY, rrule.MONTHLY, rrule.WEEKLY, rrule.DAILY:
	default:
		return nil, message.NewError("errors.osm.rrule.freq", map[string]any{"Freq": fmt.Sprint(opt.Freq)})
	}
	if len(opt.Byhour)+len(opt.Byminute)+len(opt.Bysecond) > 0 {
		return nil, message.NewError("errors.osm.rrule.by_time", nil)
	}
	if opt.Dtstart.IsZero() {
		if start == 0 {
			return nil, message.NewError("errors.osm.rrule.no_start", nil)
		}
		opt.Dtstart = start.MidnightUTC()
	} else if start != 0 && date.NewAt(opt.Dtstart) != start {
		return nil, message.NewError("errors.osm.rrule.start_differs", map[string]any{"Dtstart": opt.Dtstart.Format("2006-01-02"), "Start": start})
	}
	y := opt.Dtstart.Year()
	if y < holidays.FirstYear || y > holidays.LastYear {
		return nil, message.NewError("errors.osm.rrule.start_year", map[string]any{"Year": y, "First": holidays.FirstYear, "Last": holidays.LastYear})
	}
	opt.Dtstart = time.Date(y, opt.Dtstart.Month(), opt.Dtstart.Day(), 0, 0, 0, 0, time.UTC)
	if !opt.Until.IsZero() && date.NewAt(opt.Until) < date.NewAt(opt.Dtstart) {
		return nil, message.NewError("errors.osm.rrule.until_before_start", map[string]any{
			"Until": opt.Until.Format(time.DateOnly), "Start": opt.Dtstart.Format(time.DateOnly)})
	}
	if err := checkMonthDays(opt); err != nil {
		return nil, err
	}
	r, err := rrule.NewRRule(*opt)
	if err != nil {
		return nil, message.NewError("errors.osm.rrule.refused", map[string]any{"Rule": excerpt.Quote(text), "Error": rruleProblem(err)})
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
			return message.NewError("errors.osm.rrule.twice", map[string]any{"Part": excerpt.Quote(key)})
		}
		seen[key] = true
		switch key {
		case "COUNT", "INTERVAL":
			n, err := strconv.Atoi(value)
			if err == nil && n < 1 {
				id := "errors.osm.rrule.count"
				if key == "INTERVAL" {
					id = "errors.osm.rrule.interval"
				}
				return message.NewError(id, map[string]any{"Value": n})
			}
		case "BYDAY":
			for day := range strings.SplitSeq(value, ",") {
				if n := strings.TrimLeft(day, "+-"); len(n) > 2 && strings.Trim(n[:len(n)-2], "0") == "" {
					return message.NewError("errors.osm.rrule.byday", map[string]any{"Day": excerpt.Quote(day)})
				}
			}
		}
	}
	if seen["COUNT"] && seen["UNTIL"] {
		return message.NewError("errors.osm.rrule.count_until", nil)
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
			return message.NewError("errors.osm.rrule.monthday", map[string]any{"Day": d, "Months": monthList(months)})
		}
	}
	return nil
}

// monthList is a list of months, worded in a language: "February, April"
// in English, "februari, april" in Dutch.
type monthList []int

func (ms monthList) In(l text.Lang) string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = catalog.Month(l, time.Month(m))
	}
	return strings.Join(names, ", ")
}

// rruleBounds is how rrule-go says that a value is out of range:
// "bymonthday must be between 1 and 31 or -1 and -31".
var rruleBounds = regexp.MustCompile(`^([a-z]+) must be between (-?\d+) and (-?\d+)( or (-?\d+) and (-?\d+))?$`)

// rruleTime is the start of a message of the time package that rrule-go
// writes into its own: the value that is not a time.
var rruleTime = regexp.MustCompile(`^parsing time "([^"]*)"`)

// rruleProblem words an error of github.com/teambition/rrule-go, which
// reads the rules, in either language: its messages, recognized by their
// English wording, become messages of the tables (the English wording
// kept); one it does not know stays as rrule-go gives it.
func rruleProblem(err error) message.Localized {
	var ne *strconv.NumError
	if errors.As(err, &ne) {
		return message.New("errors.osm.rrule.lib.number", map[string]any{"Value": excerpt.Quote(ne.Num)})
	}
	var te *time.ParseError
	if errors.As(err, &te) {
		return message.New("errors.osm.rrule.lib.time", map[string]any{"Value": excerpt.Quote(te.Value)})
	}
	s := err.Error()
	for _, p := range []struct{ prefix, id string }{
		{"undefined frequency: ", "errors.osm.rrule.lib.frequency"},
		{"undefined weekday: ", "errors.osm.rrule.lib.weekday"},
		{"unknown RRULE property: ", "errors.osm.rrule.lib.property"},
		{"expect DTSTART but: ", "errors.osm.rrule.lib.dtstart_line"},
		{"StrToDtStart failed: ", "errors.osm.rrule.lib.dtstart"},
	} {
		if v, ok := strings.CutPrefix(s, p.prefix); ok {
			if t := rruleTime.FindStringSubmatch(v); t != nil {
				// rrule-go writes the time package's error, not wraps it
				return message.New("errors.osm.rrule.lib.time", map[string]any{"Value": excerpt.Quote(t[1])})
			}
			return message.New(p.id, map[string]any{"Value": v})
		}
	}
	if part, ok := strings.CutSuffix(s, " option has no value"); ok {
		return message.New("errors.osm.rrule.lib.no_value", map[string]any{"Part": part})
	}
	if b := rruleBounds.FindStringSubmatch(s); b != nil {
		data := map[string]any{"Part": strings.ToUpper(b[1]), "From": b[2], "To": b[3], "Or": b[4] != "", "NegFrom": b[5], "NegTo": b[6]}
		return message.New("errors.osm.rrule.lib.bounds", data)
	}
	switch s {
	case "invalid RRULE string":
		return m("errors.osm.rrule.lib.lines")
	case "wrong format":
		return m("errors.osm.rrule.lib.format")
	case "RRULE property FREQ is required":
		return m("errors.osm.rrule.lib.no_freq")
	case "byday must be between 1 and 53 or -1 and -53":
		return m("errors.osm.rrule.lib.byday")
	case "interval must be greater than 0":
		return m("errors.osm.rrule.lib.interval")
	}
	return message.OfError(err)
}
