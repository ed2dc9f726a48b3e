package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
)

// The acceptance examples of the issue: open before Christmas, closed on
// Christmas Day with the next opening, closed on carnival Tuesday.
func TestHoursAcceptance(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"--at", "2026-12-22T10:00:00+01:00", "--lang", "en"}, []string{
			"IND service point — Maastricht International Centre\n",
			"Open now, closes at 12:30\n",
			"Week of Monday, 21 December 2026:\n",
			"  Tuesday, 22 December 2026     09:00–12:30\n",
			"  Friday, 25 December 2026      closed (Christmas Day)\n",
		}},
		{[]string{"--at", "2026-12-25T10:00:00+01:00", "--lang", "nl"}, []string{
			"Gesloten vanwege Eerste Kerstdag, opent dinsdag 29 december om 09:00\n",
			"  vrijdag 25 december 2026     gesloten (Eerste Kerstdag)\n",
		}},
		{[]string{"--at", "2026-02-17T10:00:00+01:00"}, []string{ // the centre's default language: Dutch
			"Gesloten vanwege Carnavalsdinsdag, opent donderdag 19 februari om 09:00\n",
			"  maandag 16 februari 2026     gesloten (Carnavalsmaandag)\n",
		}},
		{[]string{"--at", "2026-02-17T10:00:00+01:00", "--lang", "en"}, []string{
			"Closed for Carnival Tuesday, opens Thursday 19 February at 09:00\n",
		}},
		{[]string{"--desk", "municipality", "--at", "2026-01-03T10:30:00+01:00", "--lang", "en"}, []string{
			"Municipal desk — Maastricht International Centre\n",
			"Open now, closes at 13:00\n",
			"  Saturday, 3 January 2026      10:00–13:00 (Saturday opening for BRP registration)\n",
		}},
	} {
		code, out, errOut := runLoket(append([]string{"hours"}, c.args...)...)
		if code != 0 {
			t.Errorf("loket hours %q: exit %d, stderr %s", c.args, code, errOut)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("loket hours %q: output lacks %q:\n%s", c.args, w, out)
			}
		}
	}
}

func TestHoursLanguageFromLANG(t *testing.T) {
	r := loketEnv(map[string]string{"LANG": "en_GB.UTF-8"}, nil, "hours", "--at", "2026-12-22T10:00:00+01:00")
	if !strings.Contains(r.stdout, "Open now, closes at 12:30") {
		t.Errorf("LANG=en_GB.UTF-8 should give English:\n%s", r.stdout)
	}
}

// The JSON of loket hours: every field there, null where there is nothing.
func TestHoursJSON(t *testing.T) {
	code, out, errOut := runLoket("hours", "--format", "json", "--lang", "en", "--at", "2026-12-25T10:00:00+01:00")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	type closed struct {
		Why     string  `json:"why"`
		Holiday *string `json:"holiday"`
		Reason  *string `json:"reason"`
	}
	var got struct {
		Centre      string  `json:"centre"`
		Desk        string  `json:"desk"`
		DeskName    string  `json:"desk_name"`
		Location    *string `json:"location"`
		Appointment bool    `json:"appointment"`
		BookingURL  *string `json:"booking_url"`
		Lang        string  `json:"lang"`
		At          string  `json:"at"`
		State       string  `json:"state"`
		Status      string  `json:"status"`
		NextChange  *string `json:"next_change"`
		NextState   *string `json:"next_state"`
		Week        []struct {
			Date      string `json:"date"`
			Intervals []struct {
				Start   string  `json:"start"`
				End     string  `json:"end"`
				State   string  `json:"state"`
				Comment *string `json:"comment"`
				Reason  *string `json:"reason"`
			} `json:"intervals"`
			Closed *closed `json:"closed"`
		} `json:"week"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Centre != "maastricht" || got.Desk != "ind" || got.DeskName != "IND service point" || got.Lang != "en" || got.State != "closed" ||
		got.At != "2026-12-25T10:00:00+01:00" || !got.Appointment || got.BookingURL == nil || *got.BookingURL != "https://oap.ind.nl/oap/" ||
		got.Location == nil || *got.Location != "Ground floor, desk 2" {
		t.Errorf("header = %+v", got)
	}
	if got.NextChange == nil || *got.NextChange != "2026-12-29T09:00:00+01:00" || got.NextState == nil || *got.NextState != "open" {
		t.Errorf("next_change = %v, next_state = %v", got.NextChange, got.NextState)
	}
	if got.Status != "Closed for Christmas Day, opens Tuesday 29 December at 09:00" {
		t.Errorf("status = %q", got.Status)
	}
	if len(got.Week) != 7 || got.Week[0].Date != "2026-12-21" {
		t.Fatalf("week = %+v", got.Week)
	}
	str := func(s *string) string {
		if s == nil {
			return "null"
		}
		return *s
	}
	tue := got.Week[1]
	if len(tue.Intervals) != 1 || tue.Intervals[0].Start != "2026-12-22T09:00:00+01:00" || tue.Intervals[0].End != "2026-12-22T12:30:00+01:00" ||
		tue.Intervals[0].Comment != nil || tue.Intervals[0].Reason != nil || tue.Closed != nil {
		t.Errorf("Tuesday = %+v", tue)
	}
	for i, want := range map[int]closed{
		0: {Why: "hours"},
		3: {Why: "closure", Reason: orNull("Christmas Eve")},
		4: {Why: "holiday", Holiday: orNull("christmas-day"), Reason: orNull("Christmas Day")},
		5: {Why: "holiday", Holiday: orNull("second-christmas-day"), Reason: orNull("Second Christmas Day")},
	} {
		c := got.Week[i].Closed
		if c == nil || c.Why != want.Why || str(c.Holiday) != str(want.Holiday) || str(c.Reason) != str(want.Reason) {
			t.Errorf("%s closed = %+v, want %+v", got.Week[i].Date, c, want)
		}
	}
	// A plain closed day is "closed": {"why": "hours", ...}, not "by": "none".
	if !strings.Contains(out, `"closed": {
        "why": "hours",
        "holiday": null,
        "reason": null
      }`) {
		t.Errorf("Monday:\n%s", out)
	}
}

// A desk's exception and a recurrence closing a day say so.
func TestHoursClosedWhy(t *testing.T) {
	file := writeTemp(t, "c.yaml", oneDesk+`    exceptions:
      - date: 2026-12-22
        reason: {nl: teamdag, en: team day}
    recurrences:
      - rrule: FREQ=MONTHLY;BYDAY=1WE
        start: 2026-01-01
        closed: true
        reason: {nl: onderhoud, en: maintenance}
`)
	_, out, errOut := runLoket("hours", "--centre", file, "--week", "2026-12-21", "--format", "json", "--lang", "en")
	var got struct {
		Week []struct {
			Closed *struct {
				Why    string  `json:"why"`
				Reason *string `json:"reason"`
			} `json:"closed"`
		} `json:"week"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Week) != 7 {
		t.Fatalf("%v: %s%s", err, out, errOut)
	}
	if c := got.Week[1].Closed; c == nil || c.Why != "exception" || *c.Reason != "team day" {
		t.Errorf("Tuesday: %+v", c)
	}
	if c := got.Week[5].Closed; c == nil || c.Why != "hours" || c.Reason != nil {
		t.Errorf("Saturday: %+v", c)
	}
	_, out, _ = runLoket("hours", "--centre", file, "--week", "2027-01-04", "--format", "json", "--lang", "en")
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if c := got.Week[2].Closed; c == nil || c.Why != "recurrence" || *c.Reason != "maintenance" {
		t.Errorf("Wednesday 6 January 2027: %+v", c)
	}
}

func TestHoursErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("id: x\nname: {nl: X, en: X}\ndesks:\n  - id: a\n    name: {nl: A, en: A}\n    hours: Mo 9h\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"--desk", "post"}, 2, usageError("hours", `--desk "post": centre maastricht has no such desk; its desks: ind, municipality`)},
		{[]string{"--at", "noon"}, 2, usageError("hours", `--at "noon": want an RFC 3339 instant like 2026-12-22T10:00:00+01:00`)},
		{[]string{"--week", "2026-02-30"}, 2, usageError("hours", `--week "2026-02-30": want a date like 2026-12-21`)},
		{[]string{"--format", "csv"}, 2, usageError("hours", `--format "csv": want text or json`)},
		{[]string{"today"}, 2, usageError("hours", `unexpected argument "today": the command takes only flags`)},
		// The path as given, then the errors as package centre words them.
		{[]string{"--centre", bad}, 1, "loket hours: the centre file " + bad + " has 1 error:\n" +
			bad + ":6:15: desks[0].hours: column 4: expected a time like 09:00, found \"9h\"\n"},
	} {
		code, out, errOut := runLoket(append([]string{"hours", "--lang", "en"}, c.args...)...)
		if code != c.code || out != "" || errOut != c.stderr {
			t.Errorf("loket hours %q: exit %d, stdout %q\nstderr: %q\nwant:   %q", c.args, code, out, errOut, c.stderr)
		}
	}
}

// BenchmarkHoursWeek measures `loket hours` without start-up: the status and
// a week's table of the IND desk, as text.
func BenchmarkHoursWeek(b *testing.B) {
	c := centre.Default()
	desk, _ := c.Desk("ind")
	p := i18n.NewPrinter(language.Dutch)
	at := time.Date(2026, 12, 25, 10, 0, 0, 0, c.Location)
	monday := date.New(2026, time.December, 21)
	b.ReportAllocs()
	for b.Loop() {
		writeHoursText(io.Discard, p, hoursReport(p, c, desk, at, monday))
	}
}

// BenchmarkHoursCommand measures the whole command as run from a terminal,
// including compiling the embedded centre file.
func BenchmarkHoursCommand(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if code := run([]string{"hours", "--at", "2026-12-25T10:00:00+01:00", "--lang", "nl"}, io.Discard, io.Discard); code != 0 {
			b.Fatal(code)
		}
	}
}
