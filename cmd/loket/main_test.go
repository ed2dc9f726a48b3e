package main

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/expatcentre/loket/centre"
)

func TestRun(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		stdout   string // in stdout
		stderr   string // in stderr
		noStdout bool
		noStderr bool
	}{
		{args: nil, code: 2, stderr: "Gebruik:", noStdout: true},
		{args: []string{"help", "--lang", "en"}, code: 0, stdout: "holidays  list the Dutch holidays of a year", noStderr: true},
		{args: []string{"--help"}, code: 0, stdout: "Opdrachten:", noStderr: true},
		{args: []string{"-h", "--lang=en"}, code: 0, stdout: "Commands:", noStderr: true},
		{args: []string{"frobnicate", "--lang", "en"}, code: 2, stderr: "loket: unknown command \"frobnicate\"\n\nloket answers", noStdout: true},
		{args: []string{"help", "frobnicate", "--lang", "en"}, code: 2, stderr: "loket: unknown command \"frobnicate\"", noStdout: true},
		{args: []string{"help", "hours", "osm"}, code: 2, stderr: "loket help: verwacht één opdracht, gekregen: 2 argumenten\n", noStdout: true},
		{args: []string{"Holidays"}, code: 2, stderr: "loket: onbekende opdracht \"Holidays\"", noStdout: true},
		{args: []string{"--lang", "en", "help"}, code: 2, stderr: "loket: \"--lang\": the command comes first, then its flags: loket <command> [flags]\n\nloket answers", noStdout: true},
	}
	for _, tt := range tests {
		code, stdout, stderr := runLoket(tt.args...)
		cmd := "loket " + strings.Join(tt.args, " ")
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d", cmd, code, tt.code)
		}
		if !strings.Contains(stdout, tt.stdout) || tt.noStdout && stdout != "" {
			t.Errorf("%s: stdout %q, want %q", cmd, stdout, tt.stdout)
		}
		if !strings.Contains(stderr, tt.stderr) || tt.noStderr && stderr != "" {
			t.Errorf("%s: stderr %q, want %q", cmd, stderr, tt.stderr)
		}
	}
}

// The first line of loket help says what loket is, in both languages.
func TestHelpSaysWhatLoketIs(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "loket answers questions about an expat centre's desks: opening hours,\n",
		"nl": "loket beantwoordt vragen over de balies van een expatcentrum:\n",
	} {
		code, stdout, _ := runLoket("help", "--lang", lang)
		if first, _, _ := strings.Cut(stdout, "\n"); code != 0 || first+"\n" != want {
			t.Errorf("loket help --lang %s: exit %d, first line %q, want %q", lang, code, first, want)
		}
	}
}

// Every command has a unique name, texts, and answers -h and help with
// status 0, its usage on standard output and nothing on standard error.
func TestCommands(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range commands() {
		if c.name == "" || c.summary == "" || c.help == "" || c.args == "" || c.setup == nil || seen[c.name] {
			t.Errorf("command %+v: want a unique name, texts and a setup function", c)
		}
		seen[c.name] = true
		for _, args := range [][]string{{"help", c.name}, {c.name, "-h"}, {c.name, "--help", "--lang", "en"}} {
			code, stdout, stderr := runLoket(args...)
			if code != 0 || !strings.HasPrefix(stdout, "Usage: loket "+c.name) && !strings.HasPrefix(stdout, "Gebruik: loket "+c.name) || stderr != "" {
				t.Errorf("loket %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), code, stdout, stderr)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	for _, c := range []struct {
		info *debug.BuildInfo
		args []string
		code int
		out  string
	}{
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.9.0"}}, []string{"version", "--lang", "en"}, 0,
			"loket v0.9.0\nbuilt with go1.26.8\n"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123abc"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"},
		}}, []string{"--version"}, 0,
			"loket (devel)\nrevisie 0123abc van 2026-12-01T10:00:00Z, met lokale wijzigingen\ngebouwd met go1.26.8\n"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123abc"}}},
			[]string{"-version", "--lang", "en"}, 0, "loket (devel)\nrevision 0123abc of an unknown time\n"},
		{nil, []string{"version", "--lang", "en"}, 1, ""},
		{&debug.BuildInfo{}, []string{"version", "x", "--lang", "en"}, 2, ""},
	} {
		r := loketEnv(nil, nil, c.args...)
		inv := &invocation{stdout: new(strings.Builder), stderr: new(strings.Builder), getenv: func(string) string { return "" }, buildInfo: buildInfoFor(c.info)}
		code := runWith(inv, c.args)
		out := inv.stdout.(*strings.Builder).String()
		errOut := inv.stderr.(*strings.Builder).String()
		if code != c.code || out != c.out || (code == 0) != (errOut == "") {
			t.Errorf("loket %s: exit %d, stdout %q, stderr %q; want exit %d, stdout %q", strings.Join(c.args, " "), code, out, errOut, c.code, c.out)
		}
		_ = r
	}
}

// The language rule: --lang, then the first of LC_ALL, LC_MESSAGES and
// LANG that is set and not empty (C and POSIX state no preference), then
// the centre's default.
func TestChooseLanguage(t *testing.T) {
	for _, c := range []struct {
		lang, env, centre string
		want              string
		preferred         bool
	}{
		{"en", "nl_NL.UTF-8", "nl", "en", true},
		{"nl", "en_GB.UTF-8", "en", "nl", true},
		{"", "en_GB.UTF-8", "nl", "en", true},
		{"", "nl_BE.UTF-8", "en", "nl", true},
		{"", "en_US", "nl", "en", true},
		{"", "nl", "en", "nl", true},
		{"", "C", "nl", "nl", false},
		{"", "C.UTF-8", "en", "en", false},
		{"", "POSIX", "en", "en", false},
		{"", "de_DE.UTF-8", "nl", "nl", false},
		{"", "", "en", "en", false},
		{"de", "", "nl", "nl", false},
	} {
		tag, preferred := chooseLanguage(c.lang, c.env, c.centre)
		if tag.String() != c.want || preferred != c.preferred {
			t.Errorf("chooseLanguage(%q, %q, %q) = %v, %v; want %s, %v", c.lang, c.env, c.centre, tag, preferred, c.want, c.preferred)
		}
	}
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "nl_NL.UTF-8", "LANG": "nl_NL.UTF-8"}, "en_GB.UTF-8"},
		{map[string]string{"LC_ALL": "", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, "en_GB.UTF-8"},
		{map[string]string{"LANG": "nl_NL.UTF-8"}, "nl_NL.UTF-8"},
		{map[string]string{"LC_ALL": "C", "LANG": "en_GB.UTF-8"}, "C"}, // LC_ALL decides: no preference
		{nil, ""},
	} {
		inv := &invocation{getenv: func(name string) string { return c.env[name] }}
		if got := inv.envLanguage(); got != c.want {
			t.Errorf("envLanguage with %v = %q, want %q", c.env, got, c.want)
		}
	}
}

func TestBuiltinLanguage(t *testing.T) {
	if got := centre.Default().DefaultLanguage; got != builtinLanguage {
		t.Errorf("the built-in centre's default language is %s, builtinLanguage %s", got, builtinLanguage)
	}
}

// A centre file's default language is the output language, unless --lang
// or the environment says otherwise; before the file is loaded, the
// built-in centre's (Dutch) is.
func TestCentreLanguage(t *testing.T) {
	english := strings.Replace(oneDesk, "time_zone: UTC\n", "time_zone: UTC\ndefault_language: en\n", 1)
	file := writeTemp(t, "english.yaml", english)
	for _, c := range []struct {
		env  map[string]string
		args []string
		want string // in stdout or stderr
	}{
		{nil, []string{"hours", "--centre", file, "--at", "2026-12-22T10:00:00+01:00"}, "Open now, closes at 17:00"},
		{map[string]string{"LANG": "nl_NL.UTF-8"}, []string{"hours", "--centre", file, "--at", "2026-12-22T10:00:00+01:00"}, "Nu open, sluit om 17:00"},
		{map[string]string{"LANG": "C"}, []string{"hours", "--centre", file, "--at", "2026-12-22T10:00:00+01:00"}, "Open now"},
		{nil, []string{"hours", "--centre", file, "--lang", "nl", "--at", "2026-12-22T10:00:00+01:00"}, "Nu open"},
		// The error is found after the file is loaded: in its language.
		{nil, []string{"hours", "--centre", file, "--desk", "nope"}, "loket hours: --desk \"nope\": centre small has no such desk"},
		// A bad flag is found before: in the built-in centre's.
		{nil, []string{"hours", "--centre", file, "--nope"}, "loket hours: onbekende optie --nope"},
	} {
		r := loketEnv(c.env, nil, c.args...)
		if !strings.Contains(r.stdout+r.stderr, c.want) {
			t.Errorf("%v loket %s: exit %d\n%s%s\nwant %q", c.env, strings.Join(c.args, " "), r.code, r.stdout, r.stderr, c.want)
		}
	}
}

// Every command reads flags before, between and after its arguments, with
// one dash or two; "--" ends them.
func TestFlagOrder(t *testing.T) {
	facts := writeTemp(t, "facts.json", issueFacts)
	centreFile := writeTemp(t, "small.yaml", oneDesk)
	for _, c := range []struct {
		args []string
		want string // in stdout
	}{
		{[]string{"check", facts, "--lang", "en"}, "Reference date: Sunday, 1 March 2026"},
		{[]string{"check", "--lang", "en", facts}, "Reference date: Sunday, 1 March 2026"},
		{[]string{"check", "-lang=en", "--", facts}, "Reference date: Sunday, 1 March 2026"},
		{[]string{"validate", centreFile, "--lang", "en"}, "ok, centre small"},
		{[]string{"validate", "--lang", "en", centreFile}, "ok, centre small"},
		{[]string{"osm", "24/7", "--lang", "en", "--at", "2026-12-22T10:00:00+01:00"}, "At Tuesday, 22 December 2026 10:00 CET: open"},
		{[]string{"osm", "--lang", "en", "24/7", "-at=2026-12-22T10:00:00+01:00"}, "At Tuesday, 22 December 2026 10:00 CET: open"},
		{[]string{"hours", "--at", "2026-12-22T10:00:00+01:00", "-lang", "en"}, "Open now, closes at 12:30"},
		{[]string{"estimate", "--submitted", "2026-12-21", "--service=ind-hsm-decision", "--lang", "en"}, "Expected by Friday, 8 January 2027"},
		{[]string{"help", "osm", "--lang", "en"}, "Usage: loket osm [flags] EXPRESSION"},
		{[]string{"version", "--lang", "en"}, "loket (devel)"},
	} {
		r := loketEnv(nil, nil, c.args...)
		if r.code != 0 || !strings.Contains(r.stdout, c.want) {
			t.Errorf("loket %s: exit %d, stdout %q, stderr %q; want %q", strings.Join(c.args, " "), r.code, r.stdout, r.stderr, c.want)
		}
	}
	// After "--", a dash is an argument.
	r := loketEnv(nil, nil, "osm", "--lang", "en", "--", "--at")
	if r.code != 2 || !strings.HasPrefix(r.stderr, "loket osm: not a valid opening_hours expression: ") {
		t.Errorf("loket osm -- --at: exit %d, stderr %q", r.code, r.stderr)
	}
	r = loketEnv(nil, nil, "osm", "--lang", "en", "24/7", "--at")
	if r.code != 2 || r.stderr != "loket osm: --at needs a value\nRun \"loket help osm\" for its usage.\n" {
		t.Errorf("loket osm 24/7 --at: exit %d, stderr %q", r.code, r.stderr)
	}
}
