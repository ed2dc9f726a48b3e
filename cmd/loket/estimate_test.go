package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// The acceptance example: an application as a highly skilled migrant
// submitted on Monday 21 December 2026 at Maastricht. The target of 2
// weeks is 10 working days on the centre's calendar: 22, 23, 28, 29, 30
// December and 4 to 8 January, skipping the weekends, Christmas Eve and
// New Year's Eve (the centre's example extra closures), Christmas Day and
// New Year's Day (public holidays): Friday 8 January 2027. Incomplete, 7
// weeks = 35 working days, also skipping carnival Monday and Tuesday (8-9
// February 2027): Tuesday 16 February. The statutory 90 days end on Sunday
// 21 March 2027, extended to Monday 22 March (Algemene termijnenwet art. 1).
func TestEstimateAcceptance(t *testing.T) {
	code, out, errOut := runLoket("estimate", "--service", "ind-hsm-decision", "--submitted", "2026-12-21", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, w := range []string{
		"IND decision on a highly skilled migrant application (ind-hsm-decision), submitted on Monday, 21 December 2026\n",
		"Expected by Friday, 8 January 2027: target for a complete application from a recognised sponsor\n",
		"Expected by Tuesday, 16 February 2027: target for an application that was incomplete\n",
		"At the latest on Monday, 22 March 2027: the statutory decision period\n",
		"Thursday, 24 December 2026 (Christmas Eve: the centre is closed)",
		"(Carnival Monday)",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}

	code, out, _ = runLoket("estimate", "--service", "ind-hsm-decision", "--submitted", "2026-12-21", "--format", "json", "--lang", "nl")
	if code != 0 {
		t.Fatalf("json: exit %d", code)
	}
	var got struct {
		Centre, Service, Lang, Submitted string
		Periods                          []struct {
			ID, Kind, Unit, Date, End string
			Value                     float64
			Days                      int
			Extended                  bool
			Skipped                   []struct{ Date, Why, Holiday, Name string }
			Source, Explanation       string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if got.Centre != "maastricht" || got.Service != "ind-hsm-decision" || got.Lang != "nl" || got.Submitted != "2026-12-21" || len(got.Periods) != 3 {
		t.Fatalf("json %+v", got)
	}
	p := got.Periods
	if p[0].Date != "2027-01-08" || p[0].Days != 10 || p[0].Unit != "weeks" || p[0].Value != 2 || len(p[0].Skipped) != 8 ||
		p[0].Skipped[0].Why != "closure" || p[0].Skipped[0].Name != "Kerstavond" || p[0].Skipped[1].Holiday != "christmas-day" ||
		!strings.HasPrefix(p[0].Explanation, "2 weken, geteld als 10 werkdagen") {
		t.Errorf("target %+v", p[0])
	}
	if p[1].Date != "2027-02-16" || p[1].Days != 35 {
		t.Errorf("incomplete %+v", p[1])
	}
	if p[2].Kind != "statutory" || p[2].End != "2027-03-21" || p[2].Date != "2027-03-22" || !p[2].Extended ||
		p[2].Source != "https://wetten.overheid.nl/BWBR0011823" {
		t.Errorf("statutory %+v", p[2])
	}
}

func TestEstimateErrors(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stderr string // all of it
	}{
		{[]string{"--service", "ind-hsm", "--submitted", "2026-12-21"}, 2,
			usageError("estimate", `--service "ind-hsm": unknown service; the services are brp-registration, one-stop-shop-intake, ind-biometrics, residence-permit-collect… (165 characters)`)},
		{[]string{"--submitted", "2026-12-21"}, 2,
			usageError("estimate", "--service is missing: the services with processing periods are brp-registration, ind-hsm-decision, ind-researcher-decision")},
		{[]string{"--service", "ind-hsm-decision"}, 2, usageError("estimate", "--submitted is missing: give the date of submission, like 2026-12-21")},
		{[]string{"--service", "ind-hsm-decision", "--submitted", "21-12-2026"}, 2, usageError("estimate", `--submitted "21-12-2026": want a date like 2026-12-21`)},
		{[]string{"--service", "ind-biometrics", "--submitted", "2026-12-21"}, 2,
			usageError("estimate", "service ind-biometrics has no processing periods; the services that have them are brp-registration, ind-hsm-decision, ind-researcher-decision")},
		{[]string{"--service", "ind-hsm-decision", "--submitted", "2026-12-21", "--format", "xml"}, 2, usageError("estimate", `--format "xml": want text or json`)},
		{[]string{"--service", "ind-hsm-decision", "--submitted", "2026-12-21", "extra"}, 2, usageError("estimate", `unexpected argument "extra": the command takes only flags`)},
		{[]string{"--service", "x", "--submitted", "2026-12-21", "--centre", "testdata/no-such-file.yaml"}, 1,
			"loket estimate: testdata/no-such-file.yaml: cannot be read: no such file\n"},
	}
	for _, tt := range tests {
		code, out, errOut := runLoket(append([]string{"estimate", "--lang", "en"}, tt.args...)...)
		if code != tt.code || out != "" || errOut != tt.stderr {
			t.Errorf("loket estimate %q: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.args, code, out, errOut, tt.code, tt.stderr)
		}
	}
}

// Dutch output has no English notes: the notes of the centre file are in
// English, so Dutch leaves them out and keeps the source and its date; a
// value that its source does not confirm says so in either language.
func TestEstimateNotes(t *testing.T) {
	args := []string{"estimate", "--service", "ind-hsm-decision", "--submitted", "2026-12-21"}
	_, nl, _ := runLoket(args...)
	_, en, _ := runLoket(append(args, "--lang", "en")...)
	for _, want := range []string{
		"  Bron: https://ind.nl/en/residence-permits/work/highly-skilled-migrant\n  (geldig vanaf maandag 1 januari 2024)\n",
		"  Niet geverifieerd: de bron bevestigt deze waarde niet.\n",
	} {
		if !strings.Contains(nl, want) {
			t.Errorf("Dutch output lacks %q:\n%s", want, nl)
		}
	}
	for _, english := range []string{"the IND aims", "not verified", "Source:", "valid from"} {
		if strings.Contains(nl, english) {
			t.Errorf("Dutch output has %q:\n%s", english, nl)
		}
	}
	for _, want := range []string{"the IND aims to decide within 2 weeks", "  Not verified: the source does not confirm this value.\n"} {
		if !strings.Contains(en, want) {
			t.Errorf("English output lacks %q:\n%s", want, en)
		}
	}
	_, js, _ := runLoket(append(args, "--format", "json")...)
	var got struct {
		Kind    string
		Periods []struct {
			Note     *string
			Verified bool
		}
	}
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatal(err)
	}
	if got.Kind != "procedure" || len(got.Periods) != 3 || got.Periods[0].Note != nil || !got.Periods[0].Verified || got.Periods[1].Verified {
		t.Errorf("Dutch JSON: %+v\n%s", got, js)
	}
}

func TestWrap(t *testing.T) {
	got := wrap("aa bb cc dddddddddd e", 5)
	want := []string{"aa bb", "cc", "dddddddddd", "e"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrap = %q, want %q", got, want)
	}
	if wrap("", 5) != nil {
		t.Error("wrap of nothing")
	}
}
