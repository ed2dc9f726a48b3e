package osm_test

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"

	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
	"github.com/expatcentre/loket/text"
)

// The IND service point in Maastricht: is it open, and when does that change?
func ExampleParse() {
	s, err := osm.Parse("Tu,Th 09:00-12:30; Fr 13:30-17:00; PH off")
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 12, 22, 10, 0, 0, 0, s.Location())
	next, _ := s.NextChange(at)
	fmt.Println(s.IsOpen(at), next)
	// Output: true 2026-12-22 12:30:00 +0100 CET
}

func ExampleParse_syntaxError() {
	_, err := osm.Parse("Mo-Fr 9h-17h")
	fmt.Println(err)
	// Output: column 7: expected a time like 09:00, found "9h"
}

// A schedule with every layer: weekly rules, a monthly closure, carnival
// closures in Limburg and a dated exception.
func ExampleWithExceptions() {
	limburg, _ := holidays.Netherlands("NL-LI")
	s, err := osm.Parse("Tu,Th 09:00-12:30; Fr 13:30-17:00",
		osm.WithHolidays(limburg),
		osm.WithHolidayClosures(osm.Closures{
			Kinds: []holidays.Kind{holidays.Public},
			IDs:   []string{"carnival-monday", "carnival-tuesday"},
		}),
		osm.WithRecurrences(osm.Recurrence{
			RRule:  "FREQ=MONTHLY;BYDAY=1TH",
			Start:  date.New(2026, time.January, 1),
			Closed: true,
			Reason: text.Text{NL: "teamoverleg", EN: "team meeting"},
		}),
		osm.WithExceptions(osm.Exception{
			Dates:  timespan.OneDayRange(date.New(2026, time.December, 22)),
			Hours:  "10:00-12:00",
			Reason: text.Text{NL: "personeelstraining", EN: "staff training"},
		}),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range []date.Date{
		date.New(2026, time.February, 17), // carnival Tuesday
		date.New(2026, time.March, 5),     // first Thursday
		date.New(2026, time.March, 12),
		date.New(2026, time.December, 22),
	} {
		v := s.Day(d)
		if len(v.Intervals) == 0 {
			fmt.Printf("%s closed by %s: %s%s\n", d, v.Closed.Source, v.Closed.Holiday.Name.NL, v.Closed.Reason.EN)
			continue
		}
		iv := v.Intervals[0]
		fmt.Printf("%s %s-%s", d, iv.Start.Format("15:04"), iv.End.Format("15:04"))
		if iv.Reason.EN != "" {
			fmt.Print(" (", iv.Reason.EN, ")")
		}
		fmt.Println()
	}
	// Output:
	// 2026-02-17 closed by holiday: Carnavalsdinsdag
	// 2026-03-05 closed by recurrence: team meeting
	// 2026-03-12 09:00-12:30
	// 2026-12-22 10:00-12:00 (staff training)
}
