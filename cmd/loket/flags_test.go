package main

import (
	"strings"
	"testing"
)

// TestEmptyFlagValues checks that a flag given with an empty value is bad
// usage (exit 2) with a message naming it, for every command, rather than
// the flag's default (issue 7: an empty --at, --lang, --desk or --centre
// quietly meant now, LANG, the default desk and Maastricht).
func TestEmptyFlagValues(t *testing.T) {
	for _, c := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"hours", "--at", ""}, "loket hours: -at is empty: leave it out for its default, or give the instant, RFC 3339 like 2026-12-22T10:00:00+01:00 (default now)\n"},
		{[]string{"hours", "--lang="}, "loket hours: -lang is empty: leave it out for its default, or give language: nl or en (default from LANG, else the centre's)\n"},
		{[]string{"hours", "--desk", ""}, "loket hours: -desk is empty: leave it out for its default, or give the desk id (default: the centre's default desk)\n"},
		{[]string{"hours", "--centre", ""}, "loket hours: -centre is empty: leave it out for its default, or give a centre file (default: the built-in Maastricht International Centre)\n"},
		{[]string{"hours", "--week", ""}, "loket hours: -week is empty: leave it out for its default, or give a date in the week to show, like 2026-12-21 (default the week of -at)\n"},
		{[]string{"osm", "--at=", "24/7"}, "loket osm: -at is empty: leave it out for its default, or give the instant, RFC 3339 like 2026-12-22T10:00:00+01:00 (default now)\n"},
		{[]string{"services", "--at="}, "loket services: -at is empty: leave it out for its default, or give the instant, RFC 3339 like 2026-12-22T10:00:00+01:00 (default now)\n"},
		{[]string{"estimate", "--service=", "--submitted", "2026-12-21"}, "loket estimate: -service is empty: give the service id, such as ind-hsm-decision\n"},
		{[]string{"estimate", "--service", "ind-hsm-decision", "--submitted="}, "loket estimate: -submitted is empty: give the date of submission, like 2026-12-21\n"},
		{[]string{"holidays", "--region="}, "loket holidays: -region is empty: leave it out for its default, or give the province whose regional holidays to add: NL-LI or NL-NB (default none)\n"},
		{[]string{"check", "--lang="}, "loket check: -lang is empty: leave it out for its default, or give "},
	} {
		code, stdout, stderr := runLoket(c.args...)
		if code != 2 || stdout != "" || !strings.HasPrefix(stderr, c.stderr) {
			t.Errorf("loket %q: exit %d, stdout %q, stderr %q\nwant exit 2, stderr %q", c.args, code, stdout, stderr, c.stderr)
		}
	}
}
