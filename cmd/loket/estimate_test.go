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
	t.Setenv("LANG", "")
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
		stderr string
	}{
		{[]string{"--service", "ind-hsm", "--submitted", "2026-12-21"}, 2,
			`loket estimate: unknown service "ind-hsm"; the services are brp-registration, one-stop-shop-intake, ind-biometrics, ` +
				`residence-permit-collection, residence-sticker, immigration-advice, ind-hsm-decision, ind-researcher-decision`},
		{[]string{"--submitted", "2026-12-21"}, 2, "loket estimate: missing -service: the services are brp-registration, "},
		{[]string{"--service", "ind-hsm-decision"}, 2, "loket estimate: missing -submitted"},
		{[]string{"--service", "ind-hsm-decision", "--submitted", "21-12-2026"}, 2, `-submitted "21-12-2026": want a date like 2026-12-21`},
		{[]string{"--service", "ind-biometrics", "--submitted", "2026-12-21"}, 2, "service ind-biometrics has no processing periods"},
		{[]string{"--service", "ind-hsm-decision", "--submitted", "2026-12-21", "--lang", "de"}, 2, `-lang "de"`},
		{[]string{"--service", "ind-hsm-decision", "--submitted", "2026-12-21", "--format", "xml"}, 2, `-format "xml"`},
		{[]string{"--service", "ind-hsm-decision", "--submitted", "2026-12-21", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"--service", "x", "--submitted", "2026-12-21", "--centre", "testdata/no-such-file.yaml"}, 1, "loket estimate: open testdata/no-such-file.yaml"},
	}
	for _, tt := range tests {
		code, out, errOut := runLoket(append([]string{"estimate"}, tt.args...)...)
		if code != tt.code || out != "" || !strings.Contains(errOut, tt.stderr) {
			t.Errorf("loket estimate %q: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.args, code, out, errOut, tt.code, tt.stderr)
		}
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
