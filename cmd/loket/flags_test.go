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
		{[]string{"hours", "--at", ""}, "loket hours: --at is empty: leave it out for its default, or give the instant, RFC 3339 like 2026-12-22T10:00:00+01:00 (default: now)\n"},
		{[]string{"hours", "--lang="}, "loket hours: --lang is empty: leave it out for its default, or give the language of the output: nl or en (default: from LC_ALL, LC_MESSAGES or LANG, else the centre's)\n"},
		{[]string{"hours", "--desk", ""}, "loket hours: --desk is empty: leave it out for its default, or give the desk's id (default: the centre's default desk)\n"},
		{[]string{"hours", "--centre", ""}, "loket hours: --centre is empty: leave it out for its default, or give a centre file (default: the built-in Maastricht International Centre)\n"},
		{[]string{"hours", "--week", ""}, "loket hours: --week is empty: leave it out for its default, or give a date in the week to show, like 2026-12-21 (default: the week of --at)\n"},
		{[]string{"osm", "--at=", "24/7"}, "loket osm: --at is empty: leave it out for its default, or give the instant, RFC 3339 like 2026-12-22T10:00:00+01:00 (default: now)\n"},
		{[]string{"services", "--at="}, "loket services: --at is empty: leave it out for its default, or give the instant, RFC 3339 like 2026-12-22T10:00:00+01:00 (default: now)\n"},
		{[]string{"estimate", "--service=", "--submitted", "2026-12-21"}, "loket estimate: --service is empty: give the service's id, such as ind-hsm-decision\n"},
		{[]string{"estimate", "--service", "ind-hsm-decision", "--submitted="}, "loket estimate: --submitted is empty: give the date of submission, like 2026-12-21\n"},
		{[]string{"holidays", "--region="}, "loket holidays: --region is empty: leave it out for its default, or give the province whose regional holidays to add: NL-LI or NL-NB (default: none)\n"},
		{[]string{"validate", "--max-size=", "x.yaml"}, "loket validate: --max-size is empty: leave it out for its default, or give the largest centre file to read: a size in bytes, or with KiB or MiB such as 4MiB (default: 1MiB)\n"},
		{[]string{"check", "--format="}, "loket check: --format is empty: leave it out for its default, or give "},
	} {
		r := loketEnv(map[string]string{"LANG": "en_GB.UTF-8"}, nil, c.args...)
		if r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, c.stderr) {
			t.Errorf("loket %q: exit %d, stdout %q, stderr %q\nwant exit 2, stderr %q", c.args, r.code, r.stdout, r.stderr, c.stderr)
		}
	}
}

// The flags are read as the help of every command says.
func TestParseFlags(t *testing.T) {
	for _, c := range []struct {
		args    []string
		at, fmt string
		rest    []string
		help    bool
		problem string // the message id
	}{
		{args: []string{"a", "--at", "x", "b"}, at: "x", fmt: "text", rest: []string{"a", "b"}},
		{args: []string{"-at=x", "-format", "json"}, at: "x", fmt: "json"},
		{args: []string{"--at", "-x"}, at: "-x", fmt: "text"}, // a value may start with a dash
		{args: []string{"--at", "1", "--at", "2"}, at: "2", fmt: "text"},
		{args: []string{"-", "--", "--at", "x"}, fmt: "text", rest: []string{"-", "--at", "x"}},
		{args: []string{"x", "-h"}, fmt: "text", help: true},
		{args: []string{"--nope", "-h"}, fmt: "text", help: true},
		{args: []string{"--", "-h"}, fmt: "text", rest: []string{"-h"}},
		{args: []string{"--nope"}, fmt: "text", problem: "cli.flag.unknown"},
		{args: []string{"---at", "x"}, fmt: "text", problem: "cli.flag.unknown"},
		{args: []string{"--=x"}, fmt: "text", problem: "cli.flag.unknown"},
		{args: []string{"--at"}, fmt: "text", problem: "cli.flag.no_value"},
		{args: []string{"--at="}, fmt: "text", problem: "cli.flag.empty_default"},
		{args: []string{"--year", "x"}, fmt: "text", problem: "cli.flag.not_a_number"},
	} {
		fs := &flagSet{}
		at := addAtFlag(fs)
		format := addFormatFlag(fs)
		fs.Int("year", "cli.arg.year", "cli.flag.year", true)
		pr := fs.parse(c.args)
		id := ""
		if pr != nil {
			id = pr.id
		}
		if id != c.problem || pr == nil && (*at != c.at || *format != c.fmt || strings.Join(fs.args, " ") != strings.Join(c.rest, " ") || fs.help != c.help) {
			t.Errorf("parse %q: at %q, format %q, args %q, help %v, problem %q", c.args, *at, *format, fs.args, fs.help, id)
		}
	}
	if got := prescanLang([]string{"a", "-lang", "en", "--lang=nl", "--", "--lang", "de"}); got != "nl" {
		t.Errorf("prescanLang = %q, want nl", got)
	}
}
