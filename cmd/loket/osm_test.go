package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestOSMText(t *testing.T) {
	code, out, errOut := runLoket("osm", "Tu,Th 09:00-12:30; Fr 13:30-17:00; PH off", "--at", "2026-12-25T10:00:00+01:00", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	// Dates as CLDR en-GB writes them, with a comma after the weekday.
	want := `Tu,Th 09:00-12:30; Fr 13:30-17:00; PH off
At Friday, 25 December 2026 10:00 CET: closed (Christmas Day)
Next change: Tuesday, 29 December 2026 09:00 CET, becomes open

Week of Monday, 21 December 2026:
  Monday, 21 December 2026     closed
  Tuesday, 22 December 2026    09:00–12:30
  Wednesday, 23 December 2026  closed
  Thursday, 24 December 2026   09:00–12:30
  Friday, 25 December 2026     closed (Christmas Day)
  Saturday, 26 December 2026   closed (Second Christmas Day)
  Sunday, 27 December 2026     closed
`
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestOSMDutchAndWeek(t *testing.T) {
	code, out, errOut := runLoket("osm", "--lang", "nl", "--week", "2026-03-25", "--at", "2026-03-29T01:59:00+01:00", "Su 02:30-05:00")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{
		"Op zondag 29 maart 2026 01:59 CET: gesloten\n",
		"Volgende wijziging: zondag 29 maart 2026 03:00 CEST, wordt open\n",
		"Week van maandag 23 maart 2026:\n",
		"  zondag 29 maart 2026         03:00–05:00\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestOSMTextUnknown(t *testing.T) {
	for _, c := range []struct {
		lang string
		want string
	}{
		{"en", `Fr 22:00-02:00 "late"
At Friday, 25 December 2026 23:30 CET: unknown ("late")
Next change: Saturday, 26 December 2026 02:00 CET, becomes closed

Week of Monday, 21 December 2026:
  Monday, 21 December 2026     closed
  Tuesday, 22 December 2026    closed
  Wednesday, 23 December 2026  closed
  Thursday, 24 December 2026   closed
  Friday, 25 December 2026     22:00–24:00 unknown "late"
  Saturday, 26 December 2026   00:00–02:00 unknown "late"
  Sunday, 27 December 2026     closed
`},
		{"nl", `Fr 22:00-02:00 "late"
Op vrijdag 25 december 2026 23:30 CET: onbekend ("late")
Volgende wijziging: zaterdag 26 december 2026 02:00 CET, wordt gesloten

Week van maandag 21 december 2026:
  maandag 21 december 2026     gesloten
  dinsdag 22 december 2026     gesloten
  woensdag 23 december 2026    gesloten
  donderdag 24 december 2026   gesloten
  vrijdag 25 december 2026     22:00–24:00 onbekend "late"
  zaterdag 26 december 2026    00:00–02:00 onbekend "late"
  zondag 27 december 2026      gesloten
`},
	} {
		code, out, errOut := runLoket("osm", "--lang", c.lang, "--at", "2026-12-25T23:30:00+01:00", `Fr 22:00-02:00 "late"`)
		if code != 0 {
			t.Fatalf("exit %d, stderr %s", code, errOut)
		}
		if out != c.want {
			t.Errorf("--lang %s: got:\n%s\nwant:\n%s", c.lang, out, c.want)
		}
	}
}

func TestOSMJSON(t *testing.T) {
	code, out, errOut := runLoket("osm", "--format", "json", "--at", "2026-12-25T23:30:00+01:00", "Fr 22:00-02:00 \"late\"")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	type interval struct {
		Start   string  `json:"start"`
		End     string  `json:"end"`
		State   string  `json:"state"`
		Comment *string `json:"comment"`
		Reason  *string `json:"reason"`
	}
	var got struct {
		Expression string  `json:"expression"`
		Normalized string  `json:"normalized"`
		Lang       string  `json:"lang"`
		At         string  `json:"at"`
		State      string  `json:"state"`
		Comment    *string `json:"comment"`
		Holiday    *string `json:"holiday"`
		NextChange *string `json:"next_change"`
		NextState  *string `json:"next_state"`
		Week       []struct {
			Date      string     `json:"date"`
			Intervals []interval `json:"intervals"`
			Holiday   *string    `json:"holiday"`
			Closed    *struct {
				Why     string  `json:"why"`
				Holiday *string `json:"holiday"`
				Reason  *string `json:"reason"`
			} `json:"closed"`
		} `json:"week"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// Christmas Day is a public holiday, open in the evening.
	if got.State != "unknown" || got.Comment == nil || *got.Comment != "late" || got.NextChange == nil || *got.NextChange != "2026-12-26T02:00:00+01:00" ||
		*got.NextState != "closed" || got.Lang != "nl" {
		t.Errorf("state %q comment %v next %v %v", got.State, got.Comment, got.NextChange, got.NextState)
	}
	if len(got.Week) != 7 || got.Week[0].Date != "2026-12-21" {
		t.Fatalf("week = %+v", got.Week)
	}
	fri, sat := got.Week[4], got.Week[5]
	if len(fri.Intervals) != 1 || fri.Intervals[0].Start != "2026-12-25T22:00:00+01:00" || fri.Intervals[0].End != "2026-12-26T00:00:00+01:00" ||
		fri.Holiday == nil || *fri.Holiday != "christmas-day" || fri.Closed != nil {
		t.Errorf("Friday = %+v", fri)
	}
	if len(sat.Intervals) != 1 || sat.Intervals[0].Start != "2026-12-26T00:00:00+01:00" || sat.Intervals[0].End != "2026-12-26T02:00:00+01:00" {
		t.Errorf("Saturday = %+v", sat)
	}
	if mon := got.Week[0]; mon.Closed == nil || mon.Closed.Why != "hours" || mon.Closed.Reason != nil || mon.Holiday != nil {
		t.Errorf("Monday = %+v", mon)
	}

	// PH off closes Christmas Day: closed by the holiday, named in the
	// output language.
	_, out, _ = runLoket("osm", "--format", "json", "--lang", "en", "--at", "2026-12-25T10:00:00+01:00", "Mo-Fr 09:00-17:00; PH off")
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if fri := got.Week[4]; got.Holiday == nil || *got.Holiday != "christmas-day" || fri.Closed == nil || fri.Closed.Why != "holiday" ||
		*fri.Closed.Holiday != "christmas-day" || *fri.Closed.Reason != "Christmas Day" {
		t.Errorf("Friday = %+v, holiday %v", fri, got.Holiday)
	}
}

func TestOSMErrors(t *testing.T) {
	const syntax = "loket osm: not a valid opening_hours expression: "
	for _, c := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"Mo 9h-17h"}, syntax + "column 4: expected a time like 09:00, found \"9h\"\n  Mo 9h-17h\n     ^\n"},
		{[]string{"Mo-Fr 09:00-17:00; Sa 10:00-12:00; PH of"}, syntax + "column 39: expected a time like 09:00, a state (open, off, closed, unknown), a \"comment\" or \";\", found \"of\"\n  Mo-Fr 09:00-17:00; Sa 10:00-12:00; PH of\n                                        ^\n"},
		{[]string{}, usageError("osm", "want one expression in quotes, like 'Mo-Fr 09:00-17:00', got 0 arguments")},
		{[]string{"Mo", "Tu"}, usageError("osm", "want one expression in quotes, like 'Mo-Fr 09:00-17:00', got 2 arguments")},
		{[]string{"--at", "tomorrow", "Mo"}, usageError("osm", `--at "tomorrow": want an RFC 3339 instant like 2026-12-22T10:00:00+01:00`)},
		{[]string{"--week", "2026-13-01", "Mo"}, usageError("osm", `--week "2026-13-01": want a date like 2026-12-21`)},
		{[]string{"--format", "xml", "Mo"}, usageError("osm", `--format "xml": want text or json`)},
	} {
		code, out, errOut := runLoket(append([]string{"osm", "--lang", "en"}, c.args...)...)
		if code != 2 || out != "" || errOut != c.stderr {
			t.Errorf("loket osm %q: exit %d, stdout %q\nstderr:\n%s\nwant:\n%s", c.args, code, out, errOut, c.stderr)
		}
	}
	code, _, errOut := runLoket("osm", "Mo 9h")
	if code != 2 || !strings.HasPrefix(errOut, "loket osm: geen geldige opening_hours-expressie: kolom 4: verwacht een tijd zoals 09:00, gevonden: \"9h\"\n") {
		t.Errorf("in Dutch: exit %d, stderr %q", code, errOut)
	}
}
