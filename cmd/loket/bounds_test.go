package main

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestRange holds the rule of issue 7 for every command: an instant or day
// outside 1900-01-01..2199-12-31 (the years of the holiday calendar) is
// refused with exit status 2 and a message naming the flag, rather than
// answered as if no holiday fell there. Before, hours said "Open now" on
// Christmas Day 2200 and estimate counted 1 January 2200 as a working day.
func TestRange(t *testing.T) {
	const rangeMsg = "loket answers for 1900-01-01 to 2199-12-31, the years of its holiday calendar"
	for _, c := range []struct {
		args   []string
		code   int
		stderr string // all of stderr
	}{
		{[]string{"hours", "--at", "2200-12-25T10:00:00+01:00"}, 2, usageError("hours", `--at "2200-12-25T10:00:00+01:00": `+rangeMsg)},
		{[]string{"hours", "--at", "1899-12-31T23:59:59+01:00"}, 2, usageError("hours", `--at "1899-12-31T23:59:59+01:00": `+rangeMsg)},
		{[]string{"hours", "--at", "2199-12-31T10:00:00+01:00"}, 2, usageError("hours", `--at "2199-12-31T10:00:00+01:00": the days shown run to 2200-01-05, after 2199-12-31, the last day loket answers for`)},
		{[]string{"hours", "--week", "1899-12-31"}, 2, usageError("hours", `--week "1899-12-31": `+rangeMsg)},
		{[]string{"hours", "--week", "1900-01-01"}, 0, ""}, // a Monday
		{[]string{"hours", "--at", "2199-12-27T10:00:00+01:00"}, 0, ""},
		{[]string{"hours", "--at", "1900-01-03T10:00:00+01:00", "--week", "1900-01-08"}, 0, ""},
		{[]string{"osm", "24/7", "--at", "2200-01-01T00:00:00+01:00"}, 2, usageError("osm", `--at "2200-01-01T00:00:00+01:00": `+rangeMsg)},
		{[]string{"osm", "24/7", "--at", "2199-12-25T10:00:00+01:00"}, 0, ""},
		{[]string{"services", "--at", "2200-12-25T10:00:00+01:00"}, 2, usageError("services", `--at "2200-12-25T10:00:00+01:00": `+rangeMsg)},
		{[]string{"services", "--at", "2199-12-30T10:00:00+01:00"}, 0, ""},
		{[]string{"estimate", "--service", "ind-hsm-decision", "--submitted", "2200-01-01"}, 2, usageError("estimate", `--submitted "2200-01-01": `+rangeMsg)},
		{[]string{"estimate", "--service", "ind-hsm-decision", "--submitted", "2199-12-20"}, 2,
			"loket estimate: the count leaves the days loket answers for: period recognised-sponsor of service ind-hsm-decision, submitted on 2199-12-20: the count reaches 2200-01-01: loket counts days from 1900-01-01 to 2199-12-31, the years of its holiday calendar\n"},
		{[]string{"holidays", "--year", "2200"}, 2, usageError("holidays", "--year 2200: want a year from 1900 to 2199")},
	} {
		code, _, stderr := runLoket(append(c.args, "--lang", "en")...)
		if code != c.code || stderr != c.stderr {
			t.Errorf("loket %s: exit %d, stderr %q\nwant exit %d, stderr %q", strings.Join(c.args, " "), code, stderr, c.code, c.stderr)
		}
	}
}

// TestLeapYearEnds is the regression test of the endless loop of issue 7:
// `loket hours --at 2040-06-01T10:00:00+01:00` and `loket osm '24/7' --at
// 2036-06-01T10:00:00+01:00` never returned, nor did any query whose days
// reached 31 December of a leap year from 2040 on (golang/go#81583).
func TestLeapYearEnds(t *testing.T) {
	runs := [][]string{
		{"hours", "--at", "2040-06-01T10:00:00+01:00"},
		{"osm", "24/7", "--at", "2036-06-01T10:00:00+01:00"},
	}
	for y := 2040; y <= 2196; y += 4 {
		if y%100 == 0 && y%400 != 0 {
			continue
		}
		runs = append(runs, []string{"hours", "--at", fmt.Sprintf("%d-12-31T10:00:00+01:00", y), "--week", fmt.Sprintf("%d-12-28", y)})
	}
	for _, args := range runs {
		done := make(chan int, 1)
		go func() {
			code, _, _ := runLoket(args...)
			done <- code
		}()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("loket %s: exit %d", strings.Join(args, " "), code)
			}
		case <-time.After(time.Minute):
			t.Fatalf("loket %s did not return within a minute", strings.Join(args, " "))
		}
	}
}
