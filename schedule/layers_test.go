package schedule_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
)

func TestLayerErrors(t *testing.T) {
	day := timespan.OneDayRange(date.New(2026, time.December, 22))
	rrule := func(r string) osm.Option {
		return osm.WithRecurrences(osm.Recurrence{RRule: r, Start: date.New(2026, 1, 1)})
	}
	for _, c := range []struct {
		name string
		opt  osm.Option
		want string
	}{
		{"exception hours", osm.WithExceptions(osm.Exception{Dates: day, Hours: "10:00-1200"}),
			`exceptions[0].hours: column 7: expected a time like 09:00, found "1200"`},
		{"exception past midnight", osm.WithExceptions(osm.Exception{Dates: day, Hours: "22:00-02:00"}),
			`exceptions[0].hours: 22:00-02:00 runs past midnight: end by 24:00 and cover the next day separately`},
		{"exception empty range", osm.WithExceptions(osm.Exception{Dates: timespan.EmptyRange(date.New(2026, 1, 1))}),
			`exceptions[0].dates: the date range is empty`},
		{"exceptions overlap", osm.WithExceptions(
			osm.Exception{Dates: timespan.DayRange(date.New(2026, time.December, 21), 3)},
			osm.Exception{Dates: day}),
			`exceptions[1].dates: overlaps exception 0 (2026-12-21 to 2026-12-23)`},
		{"rrule syntax", osm.WithRecurrences(osm.Recurrence{RRule: "FREQ=FORTNIGHTLY", Start: date.New(2026, 1, 1)}),
			`recurrences[0].rrule: "FREQ=FORTNIGHTLY" is not an RFC 5545 recurrence rule: undefined frequency: FORTNIGHTLY`},
		{"rrule hourly", osm.WithRecurrences(osm.Recurrence{RRule: "FREQ=HOURLY", Start: date.New(2026, 1, 1)}),
			`recurrences[0].rrule: FREQ=HOURLY: expected YEARLY, MONTHLY, WEEKLY or DAILY (times go in hours)`},
		{"rrule without start", osm.WithRecurrences(osm.Recurrence{RRule: "FREQ=MONTHLY;BYDAY=1MO"}),
			`recurrences[0].rrule: no start: add a DTSTART line or a start date`},
		{"rrule hours", osm.WithRecurrences(osm.Recurrence{RRule: "FREQ=MONTHLY;BYDAY=1MO", Start: date.New(2026, 1, 1), Hours: "9"}),
			`recurrences[0].hours: column 1: expected a time like 09:00, found "9"`},
		// Values that mean nothing are refused, not reinterpreted (issue 7).
		{"rrule count 0", rrule("FREQ=WEEKLY;COUNT=0;BYDAY=MO"),
			`recurrences[0].rrule: COUNT=0: expected the number of occurrences, 1 or more`},
		{"rrule count -1", rrule("FREQ=WEEKLY;COUNT=-1;BYDAY=MO"),
			`recurrences[0].rrule: COUNT=-1: expected the number of occurrences, 1 or more`},
		{"rrule interval 0", rrule("FREQ=WEEKLY;INTERVAL=0;BYDAY=MO"),
			`recurrences[0].rrule: INTERVAL=0: expected the number of periods between occurrences (1: every one), 1 or more`},
		{"rrule until before start", rrule("FREQ=WEEKLY;UNTIL=20251231;BYDAY=MO"),
			`recurrences[0].rrule: UNTIL 2025-12-31 is before the start 2026-01-01: the rule would never occur`},
		{"rrule February 30", rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
			`recurrences[0].rrule: BYMONTHDAY=30 never occurs in February`},
		{"rrule April 31", rrule("FREQ=DAILY;BYMONTH=4,6;BYMONTHDAY=-31"),
			`recurrences[0].rrule: BYMONTHDAY=-31 never occurs in April, June`},
		{"rrule never", rrule("FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=1"),
			`recurrences[0].rrule: "FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=1" never occurs from 2026-01-01 to 2199-12-31`},
		{"rrule count and until", rrule("FREQ=WEEKLY;COUNT=3;UNTIL=20270101"),
			`recurrences[0].rrule: COUNT and UNTIL together: RFC 5545 allows one of them`},
		{"rrule part twice", rrule("FREQ=WEEKLY;COUNT=3;COUNT=5"),
			`recurrences[0].rrule: "COUNT" is given twice: give each part once`},
		{"rrule ordinal 0", rrule("FREQ=MONTHLY;BYDAY=0MO"),
			`recurrences[0].rrule: BYDAY="0MO": an ordinal is 1 to 53 or -1 to -53 (1MO: the first Monday), or none (MO: every Monday)`},
		{"rrule quoted at most 80 characters", rrule("FREQ=MONTHLY;BYDAY=" + strings.Repeat("MO,", 200) + "XX"),
			`recurrences[0].rrule: "FREQ=MONTHLY;BYDAY=MO,MO,MO,MO,MO,MO,MO,MO,MO,MO,MO,MO,MO,MO,MO,MO,MO,MO,MO,MO,M"… (621 characters) is not an RFC 5545 recurrence rule: undefined weekday: XX`},
		{"rrule too long", rrule("FREQ=MONTHLY;BYDAY=" + strings.Repeat("MO,", 2000) + "MO"),
			`recurrences[0].rrule: the rule is 6021 bytes long: at most 4096 are accepted`},
		{"too many recurrences", osm.WithRecurrences(slices.Repeat([]osm.Recurrence{{RRule: "FREQ=WEEKLY;BYDAY=MO", Start: date.New(2026, 1, 1)}}, osm.MaxRecurrences+1)...),
			`recurrences[32].rrule: 33 recurrences: a schedule takes at most 32`},
		{"too many exceptions", osm.WithExceptions(slices.Repeat([]osm.Exception{{Dates: day}}, osm.MaxExceptions+1)...),
			`exceptions[10000].dates: 10001 exceptions: a schedule takes at most 10000`},
		{"exceptions overlap far apart", osm.WithExceptions(
			osm.Exception{Dates: timespan.DayRange(date.New(2026, time.December, 1), 30)},
			osm.Exception{Dates: timespan.OneDayRange(date.New(2027, time.January, 5))},
			osm.Exception{Dates: timespan.OneDayRange(date.New(2026, time.November, 5))},
			osm.Exception{Dates: day}),
			`exceptions[3].dates: overlaps exception 0 (2026-12-01 to 2026-12-30)`},
		{"unknown holiday", osm.WithHolidayClosures(osm.Closures{IDs: []string{"easter-tuesday"}}),
			`closures[0].ids: unknown holiday id "easter-tuesday"; known ids: ascension-day, carnival-monday, carnival-sunday, carnival-tuesday, christmas-day, easter-monday, easter-sunday, good-friday, kingsday, liberation-day, new-years-day, queensday, second-christmas-day, whit-monday, whit-sunday`},
		{"unknown kind", osm.WithHolidayClosures(osm.Closures{Kinds: []holidays.Kind{"bank"}}),
			`closures[0].kinds: unknown holiday kind "bank"; expected public, observance or regional`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := osm.Parse("Mo-Fr 09:00-17:00", c.opt)
			var le *osm.LayerError
			if !errors.As(err, &le) {
				t.Fatalf("error = %v, want a *LayerError", err)
			}
			if err.Error() != c.want {
				t.Errorf("\n got: %s\nwant: %s", err, c.want)
			}
		})
	}
}

// TestLayerPrecedence checks exceptions > holiday closures > recurrences >
// weekly rules on one schedule.
func TestLayerPrecedence(t *testing.T) {
	loc := mustAmsterdam(t)
	limburg, _ := holidays.Netherlands("NL-LI")
	s, err := osm.Parse("Mo-Sa 09:00-17:00", osm.WithLocation(loc),
		osm.WithHolidays(limburg),
		osm.WithHolidayClosures(osm.Closures{Kinds: []holidays.Kind{holidays.Public}, IDs: []string{"carnival-tuesday"}}),
		osm.WithRecurrences(
			osm.Recurrence{RRule: "FREQ=WEEKLY;BYDAY=TU", Start: date.New(2026, 1, 1), Hours: "12:00-13:00", Closed: true,
				Reason: schedule.Text{NL: "lunch", EN: "lunch"}},
			osm.Recurrence{RRule: "DTSTART:20260103\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", Hours: "18:00-20:00",
				Reason: schedule.Text{NL: "avondopenstelling", EN: "evening opening"}},
		),
		osm.WithExceptions(osm.Exception{
			Dates: timespan.OneDayRange(date.New(2026, time.December, 25)), Hours: "10:00-11:00",
			Reason: schedule.Text{NL: "noodopenstelling", EN: "emergency opening"}}),
	)
	if err != nil {
		t.Fatal(err)
	}
	at := func(y int, m time.Month, d, h, mi int) time.Time { return time.Date(y, m, d, h, mi, 0, 0, loc) }
	for _, c := range []struct {
		at     time.Time
		kind   schedule.Kind
		source schedule.Source
		why    string
	}{
		{at(2026, 12, 22, 12, 30), schedule.Closed, schedule.SourceRecurrence, "lunch"},         // Tuesday recurrence closes 12-13
		{at(2026, 12, 22, 13, 30), schedule.Open, schedule.SourceRule, ""},                      // weekly rule again
		{at(2026, 2, 17, 10, 0), schedule.Closed, schedule.SourceHoliday, "Carnavalsdinsdag"},   // closure beats recurrence and rule
		{at(2026, 12, 25, 10, 30), schedule.Open, schedule.SourceException, "noodopenstelling"}, // exception beats holiday
		{at(2026, 12, 25, 12, 0), schedule.Closed, schedule.SourceException, "noodopenstelling"},
		{at(2026, 1, 3, 19, 0), schedule.Open, schedule.SourceRecurrence, "avondopenstelling"}, // every other Saturday from 3 January
		{at(2026, 1, 10, 19, 0), schedule.Closed, schedule.SourceNone, ""},
		{at(2026, 1, 17, 19, 0), schedule.Open, schedule.SourceRecurrence, "avondopenstelling"},
	} {
		st := s.State(c.at)
		why := st.Reason.NL + st.Holiday.Name.NL
		if st.Kind != c.kind || st.Source != c.source || why != c.why {
			t.Errorf("State(%s) = %v from %v (%q), want %v from %v (%q)", c.at, st.Kind, st.Source, why, c.kind, c.source, c.why)
		}
	}
}
