package centre_test

import (
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/schedule"
)

// The closures of the Maastricht centre: its public holidays (on a
// weekend too), carnival Monday and Tuesday, and its extra closures; not
// Good Friday, an ordinary weekday or a weekend.
func TestClosedOnMaastricht(t *testing.T) {
	c := centre.Default()
	for _, tt := range []struct {
		day     date.Date
		closed  bool
		holiday string // the holiday's id, or "" for an extra closure
		name    string // in English
	}{
		{date.New(2026, 12, 25), true, "christmas-day", "Christmas Day"},
		{date.New(2026, 12, 26), true, "second-christmas-day", "Second Christmas Day"},
		{date.New(2026, 12, 24), true, "", "Christmas Eve"},
		{date.New(2026, 12, 31), true, "", "New Year's Eve"},
		{date.New(2026, 2, 16), true, "carnival-monday", "Carnival Monday"},
		{date.New(2026, 2, 17), true, "carnival-tuesday", "Carnival Tuesday"},
		{date.New(2026, 2, 18), false, "", ""}, // Ash Wednesday
		{date.New(2026, 4, 3), false, "", ""},  // Good Friday
		{date.New(2026, 12, 22), false, "", ""},
		{date.New(2026, 12, 19), false, "", ""}, // a Saturday
		{schedule.FirstDay - 1, false, "", ""},
		{schedule.LastDay + 1, false, "", ""},
	} {
		cl, closed := c.ClosedOn(tt.day)
		if closed != tt.closed || cl.Holiday.ID != tt.holiday || cl.IsHoliday() != (tt.holiday != "") || cl.Name.EN != tt.name ||
			closed && cl.Date != tt.day {
			t.Errorf("ClosedOn(%s) = %+v, %v; want %v, holiday %q, name %q", tt.day, cl, closed, tt.closed, tt.holiday, tt.name)
		}
	}
	if n := testing.AllocsPerRun(100, func() { c.ClosedOn(date.New(2026, 12, 25)) }); n != 0 {
		t.Errorf("ClosedOn allocates %v times", n)
	}
	if _, closed := (&centre.Centre{}).ClosedOn(date.New(2026, 12, 25)); closed {
		t.Error("a Centre that Load did not make has closures")
	}
}

// A desk is closed all day, for the same reason, on every day that
// ClosedOn reports, and a desk closed by a holiday is closed on a day that
// ClosedOn reports: the check is the one that closes the desks.
func TestClosedOnIsTheDesksClosures(t *testing.T) {
	c := centre.Default()
	for d := date.New(2025, 1, 1); d <= date.New(2028, 12, 31); d++ {
		cl, closed := c.ClosedOn(d)
		for _, desk := range c.Desks {
			v := desk.Schedule.Day(d)
			switch {
			case closed && len(v.Intervals) > 0:
				t.Fatalf("%s: the centre is closed (%s), desk %s is open", d, cl.Name.EN, desk.ID)
			case closed && cl.IsHoliday() && (v.Closed.Source != schedule.SourceHoliday || v.Closed.Holiday.ID != cl.Holiday.ID):
				t.Fatalf("%s: closed for %s, desk %s for %+v", d, cl.Holiday.ID, desk.ID, v.Closed)
			case closed && !cl.IsHoliday() && (v.Closed.Source != schedule.SourceException || v.Closed.Reason != cl.Name):
				t.Fatalf("%s: closed for %s, desk %s for %+v", d, cl.Name.EN, desk.ID, v.Closed)
			case !closed && len(v.Intervals) == 0 && v.Closed.Source == schedule.SourceHoliday:
				t.Fatalf("%s: desk %s is closed for %s, the centre is not", d, desk.ID, v.Closed.Holiday.ID)
			}
		}
	}
}

// An extra closure wins where it covers a holiday, in the desks' schedules
// and in ClosedOn; a desk's exception may open it on a holiday, but not on
// an extra closure, and the centre stays closed.
func TestClosedOnOverlaps(t *testing.T) {
	c, err := centre.Load("t.yaml", []byte(`id: t
name: {nl: T, en: T}
holidays:
  closed_on: {kinds: [public]}
  extra_closures:
    - {from: 2026-12-24, to: 2026-12-28, name: {nl: Kerstsluiting, en: Christmas closure}}
desks:
  - id: a
    name: {nl: A, en: A}
    hours: Mo-Fr 09:00-17:00
    exceptions:
      - {date: 2026-04-27, hours: "10:00-12:00", reason: {nl: Open op Koningsdag, en: Open on King's Day}}
`))
	if err != nil {
		t.Fatal(err)
	}
	cl, closed := c.ClosedOn(date.New(2026, 12, 25))
	if !closed || cl.IsHoliday() || cl.Name.EN != "Christmas closure" {
		t.Errorf("Christmas Day in the Christmas closure: %+v, %v", cl, closed)
	}
	if v := c.Desks[0].Schedule.Day(date.New(2026, 12, 25)); len(v.Intervals) > 0 || v.Closed.Reason.EN != "Christmas closure" {
		t.Errorf("the desk on Christmas Day: %+v", v)
	}
	cl, closed = c.ClosedOn(date.New(2026, 4, 27))
	if !closed || cl.Holiday.ID != "kingsday" {
		t.Errorf("King's Day: %+v, %v", cl, closed)
	}
	if v := c.Desks[0].Schedule.Day(date.New(2026, 4, 27)); len(v.Intervals) != 1 {
		t.Errorf("the desk opens on King's Day by its exception: %+v", v)
	}
}
