package schedule_test

import (
	"errors"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
)

func TestLayerErrors(t *testing.T) {
	day := timespan.OneDayRange(date.New(2026, time.December, 22))
	for _, c := range []struct {
		name string
		opt  schedule.Option
		want string
	}{
		{"exception hours", schedule.WithExceptions(schedule.Exception{Dates: day, Hours: "10:00-1200"}),
			`exceptions[0].hours: column 7: expected a time like 09:00, found "1200"`},
		{"exception past midnight", schedule.WithExceptions(schedule.Exception{Dates: day, Hours: "22:00-02:00"}),
			`exceptions[0].hours: 22:00-02:00 runs past midnight: end by 24:00 and cover the next day separately`},
		{"exception empty range", schedule.WithExceptions(schedule.Exception{Dates: timespan.EmptyRange(date.New(2026, 1, 1))}),
			`exceptions[0].dates: the date range is empty`},
		{"exceptions overlap", schedule.WithExceptions(
			schedule.Exception{Dates: timespan.DayRange(date.New(2026, time.December, 21), 3)},
			schedule.Exception{Dates: day}),
			`exceptions[1].dates: overlaps exception 0 (2026-12-21 to 2026-12-23)`},
		{"rrule syntax", schedule.WithRecurrences(schedule.Recurrence{RRule: "FREQ=FORTNIGHTLY", Start: date.New(2026, 1, 1)}),
			`recurrences[0].rrule: "FREQ=FORTNIGHTLY" is not an RFC 5545 recurrence rule: undefined frequency: FORTNIGHTLY`},
		{"rrule hourly", schedule.WithRecurrences(schedule.Recurrence{RRule: "FREQ=HOURLY", Start: date.New(2026, 1, 1)}),
			`recurrences[0].rrule: FREQ=HOURLY: expected YEARLY, MONTHLY, WEEKLY or DAILY (times go in hours)`},
		{"rrule without start", schedule.WithRecurrences(schedule.Recurrence{RRule: "FREQ=MONTHLY;BYDAY=1MO"}),
			`recurrences[0].rrule: no start: add a DTSTART line or a start date`},
		{"rrule hours", schedule.WithRecurrences(schedule.Recurrence{RRule: "FREQ=MONTHLY;BYDAY=1MO", Start: date.New(2026, 1, 1), Hours: "9"}),
			`recurrences[0].hours: column 1: expected a time like 09:00, found "9"`},
		{"unknown holiday", schedule.WithHolidayClosures(schedule.Closures{IDs: []string{"easter-tuesday"}}),
			`closures[0].ids: unknown holiday id "easter-tuesday"; known ids: ascension-day, carnival-monday, carnival-sunday, carnival-tuesday, christmas-day, easter-monday, easter-sunday, good-friday, kingsday, liberation-day, new-years-day, queensday, second-christmas-day, whit-monday, whit-sunday`},
		{"unknown kind", schedule.WithHolidayClosures(schedule.Closures{Kinds: []holidays.Kind{"bank"}}),
			`closures[0].kinds: unknown holiday kind "bank"; expected public, observance or regional`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := schedule.ParseOSM("Mo-Fr 09:00-17:00", c.opt)
			var le *schedule.LayerError
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
	s, err := schedule.ParseOSM("Mo-Sa 09:00-17:00", schedule.WithLocation(loc),
		schedule.WithHolidays(limburg),
		schedule.WithHolidayClosures(schedule.Closures{Kinds: []holidays.Kind{holidays.Public}, IDs: []string{"carnival-tuesday"}}),
		schedule.WithRecurrences(
			schedule.Recurrence{RRule: "FREQ=WEEKLY;BYDAY=TU", Start: date.New(2026, 1, 1), Hours: "12:00-13:00", Closed: true,
				Reason: schedule.Text{NL: "lunch", EN: "lunch"}},
			schedule.Recurrence{RRule: "DTSTART:20260103\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", Hours: "18:00-20:00",
				Reason: schedule.Text{NL: "avondopenstelling", EN: "evening opening"}},
		),
		schedule.WithExceptions(schedule.Exception{
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

// TestExtremeInstants checks that instants far outside the calendar are
// answered (as at the edge of years 1-9999) without panicking.
func TestExtremeInstants(t *testing.T) {
	s, err := schedule.ParseOSM("Mo-Fr 09:00-17:00; PH off")
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []time.Time{time.Unix(1<<62, 0), time.Unix(-1<<62, 0), {}, time.Date(9999, 12, 31, 12, 0, 0, 0, time.UTC)} {
		s.IsOpen(at)
		s.State(at)
		s.NextChange(at)
		s.Intervals(at, at.Add(48*time.Hour))
	}
	for _, d := range []date.Date{date.Max(), date.Min(), 0, date.New(9999, time.December, 31), date.New(1, time.January, 1)} {
		s.Day(d)
	}
	if !s.IsOpen(time.Date(9999, 12, 31, 12, 0, 0, 0, s.Location())) {
		t.Error("Friday 31 December 9999 at noon should be open")
	}
}
