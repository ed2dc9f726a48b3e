package dated_test

import (
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/dated"
)

func TestSeries(t *testing.T) {
	s := dated.Series[float64]{Indexed: true, Entries: []dated.Entry[float64]{
		{From: date.New(2025, 1, 1), Value: 100},
		{From: date.New(2026, 1, 1), Value: 104},
	}}
	tests := []struct {
		day      date.Date
		value    float64
		ok       bool
		outdated bool
	}{
		{date.New(2024, 12, 31), 0, false, false},
		{date.New(2025, 1, 1), 100, true, false},
		{date.New(2025, 12, 31), 100, true, false},
		{date.New(2026, 1, 1), 104, true, false},
		{date.New(2026, 12, 31), 104, true, false},
		{date.New(2027, 1, 1), 104, true, true},
	}
	for _, tt := range tests {
		e, ok := s.At(tt.day)
		if e.Value != tt.value || ok != tt.ok || s.Outdated(tt.day) != tt.outdated {
			t.Errorf("At(%s) = %v, %v, outdated %v; want %v, %v, %v", tt.day, e.Value, ok, s.Outdated(tt.day), tt.value, tt.ok, tt.outdated)
		}
	}
	if got := s.StaleFrom(); got != date.New(2027, 1, 1) {
		t.Errorf("StaleFrom() = %s, want 2027-01-01", got)
	}
	s.Indexed = false
	if s.Outdated(date.New(2040, 1, 1)) || s.StaleFrom() != date.Max() {
		t.Error("a series that is not indexed is never outdated")
	}
	if _, ok := (dated.Series[float64]{}).At(date.New(2026, 1, 1)); ok {
		t.Error("the zero Series has a value")
	}
	if (dated.Series[float64]{Indexed: true}).StaleFrom() != date.Max() {
		t.Error("an indexed series without entries goes stale")
	}
}

// Outdated counts a year from the entry in force, so a gap of years
// without a sourced value is flagged as well as the time after the last;
// StaleFrom is only the time after the last.
func TestOutdatedInAGap(t *testing.T) {
	s := dated.Series[float64]{Indexed: true, Entries: []dated.Entry[float64]{
		{From: date.New(2019, 1, 1), Value: 285},
		{From: date.New(2023, 1, 1), Value: 350},
	}}
	for _, tt := range []struct {
		day  date.Date
		want bool
	}{
		{date.New(2019, 12, 31), false},
		{date.New(2020, 1, 1), true},
		{date.New(2022, 12, 31), true},
		{date.New(2023, 1, 1), false},
		{date.New(2024, 1, 1), true},
	} {
		if got := s.Outdated(tt.day); got != tt.want {
			t.Errorf("Outdated(%s) = %v, want %v", tt.day, got, tt.want)
		}
	}
	if got := s.StaleFrom(); got != date.New(2024, 1, 1) {
		t.Errorf("StaleFrom() = %s, want 2024-01-01", got)
	}
}

func TestValidSource(t *testing.T) {
	for s, want := range map[string]bool{
		"https://ind.nl/en/required-amounts-income-requirements": true,
		"https://wetten.overheid.nl/BWBR0011823":                 true,
		"http://ind.nl/":                                         false,
		"ind.nl":                                                 false,
		"https://":                                               false,
		"https:///path":                                          false,
		"HTTPS://ind.nl/":                                        false,
		"ftp://ind.nl/":                                          false,
		"":                                                       false,
		"https://ind.nl/%zz":                                     false,
	} {
		if got := dated.ValidSource(s); got != want {
			t.Errorf("ValidSource(%q) = %v, want %v", s, got, want)
		}
	}
}
