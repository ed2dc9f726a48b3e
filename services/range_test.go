package services_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/services"
)

// TestEstimateOutOfRange checks the rule of issue 7: an estimate that needs
// a day outside schedule.FirstDay..LastDay (where loket does not know the
// holidays) is refused with ErrOutOfRange, not counted as if no holiday
// fell there. Before, 1 January 2200 counted as a working day.
func TestEstimateOutOfRange(t *testing.T) {
	cat := maastricht(t)
	for _, c := range []struct {
		service, submitted string
		want               string // "" for an estimate
	}{
		{"ind-hsm-decision", "2199-09-01", ""},
		{"ind-hsm-decision", "2199-12-20", "period recognised-sponsor of service ind-hsm-decision, submitted on 2199-12-20: the count reaches 2200-01-01: loket counts days from 1900-01-01 to 2199-12-31, the years of its holiday calendar"},
		{"ind-hsm-decision", "2200-01-01", "submission date 2200-01-01: loket counts days from 1900-01-01 to 2199-12-31, the years of its holiday calendar"},
		{"ind-hsm-decision", "1899-12-31", "submission date 1899-12-31: loket counts days from 1900-01-01 to 2199-12-31, the years of its holiday calendar"},
		{"ind-researcher-decision", "2199-11-30", "period statutory of service ind-researcher-decision, submitted on 2199-11-30: the count reaches 2200-01-29: loket counts days from 1900-01-01 to 2199-12-31, the years of its holiday calendar"},
	} {
		_, err := cat.Estimate(c.service, day(t, c.submitted))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s on %s: %v", c.service, c.submitted, err)
		case c.want != "" && (err == nil || err.Error() != c.want || !errors.Is(err, services.ErrOutOfRange)):
			t.Errorf("%s on %s:\n got: %v\nwant: %s", c.service, c.submitted, err, c.want)
		}
	}
}

// TestEstimateClosedForYears checks that a centre closed for decades gives
// an error rather than a date: before, the count stopped silently after
// 11,000 days.
func TestEstimateClosedForYears(t *testing.T) {
	src := `id: closed
name: {nl: Gesloten, en: Closed}
holidays:
  extra_closures:
    - from: 2030-01-01
      to: 2070-12-31
      name: {nl: verbouwing, en: renovation}
desks:
  - id: desk
    name: {nl: Balie, en: Desk}
    hours: Mo-Fr 09:00-17:00
services:
  - id: decision
    name: {nl: Besluit, en: Decision}
    desk: desk
    processing:
      - id: target
        kind: target
        name: {nl: Alle, en: All}
        unit: working-days
        values:
          - {from: 2024-01-01, value: 10, source: "https://example.org/target", note: test value}
`
	c, err := centre.Load("closed.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = services.New(c).Estimate("decision", day(t, "2029-12-28"))
	if err == nil || !strings.Contains(err.Error(), "10 working days are not reached in 11000 days: the centre is closed for years") {
		t.Errorf("error = %v", err)
	}
}

// TestNextWithinRange checks that Next offers no interval after the last
// day loket answers for, where it would be Unknown.
func TestNextWithinRange(t *testing.T) {
	cat := maastricht(t)
	s, _ := cat.Service("ind-biometrics")
	loc := cat.Centre().Location
	at := time.Date(2199, 12, 27, 10, 0, 0, 0, loc)
	next := s.Next(at, 10, 90*24*time.Hour)
	if len(next) == 0 || len(next) >= 10 {
		t.Fatalf("Next from %s = %d intervals, want some, fewer than 10", at, len(next))
	}
	for _, iv := range next {
		if iv.Source == schedule.SourceOutOfRange || iv.End.Year() > 2199 {
			t.Errorf("Next from %s offers %+v", at, iv)
		}
	}
}
