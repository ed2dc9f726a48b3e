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
	t.Setenv("LANG", "")
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
	t.Setenv("LANG", "en_GB.UTF-8")
	_, out, _ := runLoket("hours", "--at", "2026-12-22T10:00:00+01:00")
	if !strings.Contains(out, "Open now, closes at 12:30") {
		t.Errorf("LANG=en_GB.UTF-8 should give English:\n%s", out)
	}
}

func TestHoursJSON(t *testing.T) {
	code, out, errOut := runLoket("hours", "--format", "json", "--lang", "en", "--at", "2026-12-25T10:00:00+01:00")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Centre, Desk, Lang, State, Status, NextChange, NextState string
		At                                                       string
		Week                                                     []struct {
			Date      string
			Intervals []struct{ Start, End, State string }
			Closed    *struct{ By, Holiday, Reason string }
		}
	}
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Centre != "maastricht" || got.Desk != "ind" || got.Lang != "en" || got.State != "closed" ||
		got.At != "2026-12-25T10:00:00+01:00" {
		t.Errorf("header = %+v", got)
	}
	// The JSON field names are snake_case; decode them separately.
	var raw map[string]any
	_ = json.Unmarshal([]byte(out), &raw)
	if raw["next_change"] != "2026-12-29T09:00:00+01:00" || raw["next_state"] != "open" {
		t.Errorf("next_change = %v, next_state = %v", raw["next_change"], raw["next_state"])
	}
	if got.Status != "Closed for Christmas Day, opens Tuesday 29 December at 09:00" {
		t.Errorf("status = %q", got.Status)
	}
	if len(got.Week) != 7 || got.Week[0].Date != "2026-12-21" {
		t.Fatalf("week = %+v", got.Week)
	}
	tue, fri := got.Week[1], got.Week[4]
	if len(tue.Intervals) != 1 || tue.Intervals[0].Start != "2026-12-22T09:00:00+01:00" || tue.Intervals[0].End != "2026-12-22T12:30:00+01:00" || tue.Closed != nil {
		t.Errorf("Tuesday = %+v", tue)
	}
	if fri.Closed == nil || fri.Closed.By != "holiday" || fri.Closed.Holiday != "christmas-day" || fri.Closed.Reason != "Christmas Day" {
		t.Errorf("Friday = %+v", fri)
	}
	thu := got.Week[3]
	if thu.Closed == nil || thu.Closed.By != "exception" || thu.Closed.Reason != "Christmas Eve" {
		t.Errorf("Thursday (extra closure) = %+v", thu)
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
		{[]string{"--desk", "post"}, 2, "loket hours: -desk \"post\": centre maastricht has no such desk; its desks: ind, municipality\n"},
		{[]string{"--at", "noon"}, 2, "loket hours: -at \"noon\": want an RFC 3339 instant like 2026-12-22T10:00:00+01:00\n"},
		{[]string{"--week", "2026-02-30"}, 2, "loket hours: -week \"2026-02-30\": want a date like 2026-12-21\n"},
		{[]string{"--lang", "de"}, 2, "loket hours: -lang \"de\": want nl or en\n"},
		{[]string{"--format", "csv"}, 2, "loket hours: -format \"csv\": want text or json\n"},
		{[]string{"today"}, 2, "loket hours: unexpected argument \"today\": the command takes only flags\n"},
		{[]string{"--centre", bad}, 1, "bad.yaml:6:15: desks[0].hours: column 4: expected a time like 09:00, found \"9h\"\n"},
	} {
		code, out, errOut := runLoket(append([]string{"hours"}, c.args...)...)
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
