package centre_test

import (
	"strings"
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
)

// The fee of a highly skilled migrant application in the Maastricht file:
// the amount in force on each date, whether its source confirms it, and
// whether a newer amount is probably in force (issue 8, "Highly-skilled-
// migrant fee"). Each row cites its source; the file cites them too.
func TestMaastrichtHSMFee(t *testing.T) {
	hsm, ok := centre.Default().Service("ind-hsm-decision")
	if !ok {
		t.Fatal("no service ind-hsm-decision")
	}
	tests := []struct {
		day        date.Date
		amount     float64 // 0: none
		unverified bool
		outdated   bool
		source     string
	}{
		// Before the first amount loket has a source for.
		{date.New(2018, 5, 2), 0, false, false, ""},
		// 3 May 2018, lowered from 938 euros: IND news, confirmed by PwC.
		{date.New(2018, 5, 3), 582, false, false, "https://ind.nl/nieuws/Paginas/Aanpassing-leges-per-3-mei-2018.aspx"},
		{date.New(2018, 12, 31), 582, false, false, "https://ind.nl/nieuws/Paginas/Aanpassing-leges-per-3-mei-2018.aspx"},
		// 1 January 2019, lowered to 285 euros, not raised: Stcrt. 2018, 71186,
		// row d. The note of 582 said that a higher, indexed amount applied.
		{date.New(2019, 1, 1), 285, false, false, "https://zoek.officielebekendmakingen.nl/stcrt-2018-71186.html"},
		// 2020-2022 could not be sourced: the 2019 amount, possibly outdated.
		{date.New(2021, 6, 1), 285, false, true, "https://zoek.officielebekendmakingen.nl/stcrt-2018-71186.html"},
		// 2023, 2024, 2025: Grant Thornton's tables, not verified.
		{date.New(2023, 1, 1), 350, true, false, "https://grantthornton.nl/insights/actualiteiten/mobility-perspectives"},
		{date.New(2024, 6, 1), 380, true, false, "https://www.grantthornton.nl/en/insights-en/topics/tax/mobility-perspectives/"},
		{date.New(2025, 6, 1), 405, true, false, "https://grantthornton.nl/en/insights-en/tax/salary-update-in-2025-for-highly-skilled-migrants"},
		// 2026: a recruiter's page, not verified.
		{date.New(2026, 12, 18), 423, true, false, "https://smartjobsfast.com/netherlands-work-visa-ind-fees-explained-2026"},
		// A year after the last amount, a newer one is probably in force.
		{date.New(2027, 1, 1), 423, true, true, "https://smartjobsfast.com/netherlands-work-visa-ind-fees-explained-2026"},
	}
	for _, tt := range tests {
		v, ok := hsm.Fee.At(tt.day)
		if !ok {
			if tt.amount != 0 {
				t.Errorf("%s: no fee, want %v", tt.day, tt.amount)
			}
			continue
		}
		if v.Value != tt.amount || v.Unverified != tt.unverified || hsm.Fee.Outdated(tt.day) != tt.outdated || v.Source != tt.source {
			t.Errorf("%s: fee %v unverified %v outdated %v source %s\n\twant %v unverified %v outdated %v source %s",
				tt.day, v.Value, v.Unverified, hsm.Fee.Outdated(tt.day), v.Source, tt.amount, tt.unverified, tt.outdated, tt.source)
		}
		if strings.Contains(v.Note, "newer amount applies") {
			t.Errorf("%s: the note still says a newer amount applies: %s", tt.day, v.Note)
		}
	}
}

// Every dated value of the Maastricht file that its source does not
// confirm says so in its note, and the processing periods that issue 8
// left unverified stay marked: the BRP fast track (three or five days),
// the 7 weeks for an incomplete application, the statutory 90 days (the
// article not read) and the researchers' 60 days (the Dutch rule not
// read). The 2 weeks of a recognised sponsor is confirmed.
func TestMaastrichtUnverifiedValues(t *testing.T) {
	c := centre.Default()
	want := map[string]bool{
		"brp-registration/fast-track":         true,
		"ind-hsm-decision/recognised-sponsor": false,
		"ind-hsm-decision/incomplete":         true,
		"ind-hsm-decision/statutory":          true,
		"ind-researcher-decision/statutory":   true,
	}
	seen := map[string]bool{}
	for _, s := range c.Services {
		for _, v := range s.Fee.Entries {
			if v.Unverified && !strings.HasPrefix(v.Note, "not verified") {
				t.Errorf("%s fee from %s: unverified, but the note does not say so: %s", s.ID, v.From, v.Note)
			}
		}
		for _, p := range s.Processing {
			id := s.ID + "/" + p.ID
			seen[id] = true
			for _, v := range p.Amount.Entries {
				if v.Unverified && !strings.HasPrefix(v.Note, "not verified") {
					t.Errorf("%s from %s: unverified, but the note does not say so: %s", id, v.From, v.Note)
				}
				if w, ok := want[id]; ok && v.Unverified != w {
					t.Errorf("%s from %s: unverified %v, want %v", id, v.From, v.Unverified, w)
				}
			}
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("no processing period %s", id)
		}
	}
}

// verified: false marks a value as unverified; verified: true and no
// verified field mark it as confirmed; anything but a boolean is an error
// at its place.
func TestDatedVerified(t *testing.T) {
	const head = `id: test
name: {nl: T, en: T}
address: {street: S 1, city: C, country: NL}
default_language: nl
desks:
  - id: ind
    name: {nl: I, en: I}
    hours: Mo 09:00-12:00
services:
  - id: s
    name: {nl: S, en: S}
    desk: ind
    fee:
      values:
`
	c, err := centre.Load("t.yaml", []byte(head+`        - {from: 2024-01-01, value: 10, source: "https://example.org/a", note: a}
        - {from: 2025-01-01, value: 11, source: "https://example.org/b", note: b, verified: true}
        - {from: 2026-01-01, value: 12, source: "https://example.org/c", note: c, verified: false}
`))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := c.Service("s")
	var got []bool
	for _, v := range s.Fee.Entries {
		got = append(got, v.Unverified)
	}
	if len(got) != 3 || got[0] || got[1] || !got[2] {
		t.Errorf("unverified = %v, want [false false true]", got)
	}
	_, err = centre.Load("t.yaml", []byte(head+`        - {from: 2024-01-01, value: 10, source: "https://example.org/a", note: a, verified: "no"}
`))
	if err == nil || !strings.Contains(err.Error(), "t.yaml:15:93: services[0].fee.values[0].verified: expected true or false") {
		t.Errorf("verified: \"no\" gives %v, want one at t.yaml:15:93", err)
	}
}
