package main

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/examples/centres"
	"github.com/expatcentre/loket/route"
	"github.com/expatcentre/loket/schedule/holidays"
)

// The acceptance test of the language rule (issue 8): every command, with
// LANG=nl_NL.UTF-8, LANG=en_GB.UTF-8, LANG=C, --lang nl and --lang en and
// the precedence of LC_ALL and LC_MESSAGES, on success, for help, for bad
// usage and for an error of its work; each part of the output (standard
// output and standard error) is in the language the rule gives, every
// line of it.
//
// How a line's language is told: the words of each language are the words
// of its message files (i18n/locales/*.LANG.toml) and of the texts of the
// built-in centre and the holidays in it; a word in both is neither,
// except a few dozen common words that are always of their language (de,
// het, niet; the, with, not), so that a message left in English in a
// Dutch file is found. A line is Dutch when it has Dutch words and no
// English ones. Left out of a
// line first: URLs, file paths and what else was given on the command
// line as it is (an expression), text in double quotes (what a message
// quotes as written: a value of the input, a field name, an example),
// field paths (desks[1].hours), flags (--lang), ids (ind-biometrics, graduated_on, the ids of desks,
// services, routes, degrees and holidays, the names of the commands), and
// codes in capitals (IN, CET, BSN). The errors of the libraries (a centre
// file's errors, opening_hours syntax errors, facts that are not valid)
// are in the language asked for, like the messages of cmd/loket that
// frame them. JSON is checked value by value, leaving out keys and codes;
// the holidays' JSON has both languages by design.

// langWords are the words of each language, and the words to leave out.
type langWords struct {
	nl, en map[string]bool
	ids    map[string]bool
}

var (
	wordRE = regexp.MustCompile(`\pL+`)
	urlRE  = regexp.MustCompile(`https?://\S+`)
	// quoteRE is text in double quotes, as strconv.Quote writes it.
	quoteRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	// pathRE is a field path of a file: desks[1].hours, holidays.region.
	pathRE = regexp.MustCompile(`[\pL_]+(?:\[\d+\])?(?:\.[\pL_]+(?:\[\d+\])?)+|[\pL_]+\[\d+\]`)
	idRE   = regexp.MustCompile(`\b[\pL\d]+(?:[-_][\pL\d]+)+\b`)
	flagRE = regexp.MustCompile(`(^|[\s(])--?[a-z][a-z-]*`)
	codeRE = regexp.MustCompile(`^[a-z0-9_.:/+-]*$`)
)

// words returns the lower-case words of s.
func words(s string) []string {
	ws := wordRE.FindAllString(s, -1)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return ws
}

// newLangWords reads the words of both languages.
func newLangWords(t *testing.T) *langWords {
	t.Helper()
	texts := map[string][]string{}
	for _, lang := range []string{"nl", "en"} {
		files, err := filepath.Glob("../../i18n/locales/*." + lang + ".toml")
		if err != nil || len(files) == 0 {
			t.Fatalf("no message files: %v", err)
		}
		for _, f := range files {
			var m map[string]any
			if _, err := toml.DecodeFile(f, &m); err != nil {
				t.Fatal(err)
			}
			var walk func(m map[string]any)
			walk = func(m map[string]any) {
				for k, v := range m {
					switch v := v.(type) {
					case map[string]any:
						walk(v)
					case string:
						if k != "description" {
							texts[lang] = append(texts[lang], v)
						}
					}
				}
			}
			walk(m)
		}
	}
	ids := map[string]bool{}
	add := func(nl, en string) {
		texts["nl"] = append(texts["nl"], nl)
		texts["en"] = append(texts["en"], en)
	}
	c := builtin()
	add(c.Name.NL, c.Name.EN)
	add(c.Description.NL, c.Description.EN)
	for _, cl := range c.ExtraClosures {
		add(cl.Name.NL, cl.Name.EN)
	}
	for _, d := range c.Desks {
		ids[d.ID] = true
		add(d.Name.NL, d.Name.EN)
		add(d.Location.NL, d.Location.EN)
	}
	for _, s := range c.Services {
		ids[s.ID] = true
		add(s.Name.NL, s.Name.EN)
		add(s.Description.NL, s.Description.EN)
		for _, d := range s.Documents {
			add(d.NL, d.EN)
		}
		for _, p := range s.Processing {
			add(p.Name.NL, p.Name.EN)
			for _, v := range p.Amount.Entries {
				texts["en"] = append(texts["en"], v.Note) // notes are English
			}
		}
		for _, v := range s.Fee.Entries {
			texts["en"] = append(texts["en"], v.Note)
		}
	}
	cal, err := holidays.Netherlands("NL-LI")
	if err != nil {
		t.Fatal(err)
	}
	for y := 2025; y <= 2027; y++ {
		for _, h := range cal.Year(y) {
			ids[h.ID] = true
			add(h.Name.NL, h.Name.EN)
		}
	}
	for _, r := range route.All() {
		ids[string(r)] = true
	}
	for _, d := range eligibility.Degrees() {
		ids[string(d)] = true
	}
	for _, cmd := range commands() {
		ids[cmd.name] = true
	}
	lw := &langWords{nl: map[string]bool{}, en: map[string]bool{}, ids: ids}
	for lang, set := range map[string]map[string]bool{"nl": lw.nl, "en": lw.en} {
		for _, s := range texts[lang] {
			for _, w := range words(s) {
				set[w] = true
			}
		}
	}
	for w := range lw.nl {
		if lw.en[w] {
			delete(lw.nl, w)
			delete(lw.en, w)
		}
	}
	// Words that are of one language whatever the message files say, so
	// that a message left in the other language in a file is found.
	for lang, ws := range map[string]string{
		"nl": "de het een van voor met niet geen wordt worden zijn aan bij tot als deze die dat naar uit ook nog maar om uw heeft hebt kan moet waar wanneer vanaf zonder verwacht gesloten",
		"en": "the and for with not no its has have this that which from when where are be been by to at on an or your you want give until closed",
	} {
		own, other := lw.nl, lw.en
		if lang == "en" {
			own, other = lw.en, lw.nl
		}
		for _, w := range strings.Fields(ws) {
			own[w] = true
			delete(other, w)
		}
	}
	if len(lw.nl) < 300 || len(lw.en) < 300 {
		t.Fatalf("%d Dutch and %d English words: the message files were not read", len(lw.nl), len(lw.en))
	}
	return lw
}

// markers returns the Dutch and the English words of a line, leaving out
// the strings of exempt first, then URLs, quoted text, flags, ids and
// codes.
func (lw *langWords) markers(line string, exempt []string) (nl, en []string) {
	for _, e := range exempt {
		if e != "" {
			line = strings.ReplaceAll(line, e, " ")
		}
	}
	line = urlRE.ReplaceAllString(line, " ")
	line = quoteRE.ReplaceAllString(line, " ")
	line = pathRE.ReplaceAllString(line, " ")
	line = flagRE.ReplaceAllString(line, " ")
	line = idRE.ReplaceAllString(line, " ")
	for _, w := range wordRE.FindAllString(line, -1) {
		if n := len([]rune(w)); n <= 3 && strings.IndexFunc(w, unicode.IsLower) < 0 {
			continue // a code: IN, CET, BSN, IND
		}
		w = strings.ToLower(w)
		switch {
		case lw.ids[w]:
		case lw.nl[w]:
			nl = append(nl, w)
		case lw.en[w]:
			en = append(en, w)
		}
	}
	return nl, en
}

// jsonLines returns the texts of a JSON output to check: its string
// values, except codes and the values of keys that hold what was written
// in a file or on the command line as it is.
func jsonLines(t *testing.T, out string) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var lines []string
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch v := v.(type) {
		case string:
			if !codeRE.MatchString(v) && key != "expression" && key != "normalized" && key != "comment" {
				lines = append(lines, v)
			}
		case []any:
			for _, x := range v {
				walk(key, x)
			}
		case map[string]any:
			for k, x := range v {
				walk(k, x)
			}
		}
	}
	walk("", v)
	return lines
}

// part is what a case expects of standard output or standard error: empty,
// in the output language, or language-neutral (JSON in both languages).
type part int

const (
	empty part = iota
	text
	jsonText
	neutral
	// icsText is an iCalendar file: the texts of its SUMMARY,
	// DESCRIPTION, LOCATION and X-WR-CALNAME are checked, not the words of
	// the format (BEGIN:STANDARD, UNTIL).
	icsText
	// osmText is an opening_hours value: its comments are checked, not
	// the words of the syntax (May, off).
	osmText
)

// icsLines returns the texts of an iCalendar file to check.
func icsLines(out string) []string {
	var lines []string
	for _, line := range strings.Split(strings.ReplaceAll(out, "\r\n ", ""), "\r\n") {
		name, value, ok := strings.Cut(line, ":")
		switch name {
		case "SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME":
			if ok {
				lines = append(lines, strings.NewReplacer(`\,`, ",", `\;`, ";", `\n`, " ").Replace(value))
			}
		}
	}
	return lines
}

// osmLines returns the comments of an opening_hours value.
func osmLines(out string) []string {
	var lines []string
	for _, q := range quoteRE.FindAllString(out, -1) {
		lines = append(lines, strings.Trim(q, `"`))
	}
	return lines
}

// langCase is one run of a command, apart from the language settings.
type langCase struct {
	name           string
	args           []string
	stdin          string
	code           int
	stdout, stderr part
	exempt         []string // what was given on the command line as it is: file paths, an expression
}

// wrong is a centre file with an error of many kinds: of the YAML walker,
// of the centre's schema, of the opening_hours compiler and of a
// recurrence rule.
const wrong = `id: Wrong
name: {nl: Fout, en: Wrong}
time_zone: Mars/Olympus
default_language: de
holidays:
  region: NL-ZH
  closed_on:
    ids: [carnaval-monday]
desks:
  - id: ind
    name: {nl: Balie, en: Desk}
    hours: Mo 09:00-17:00
    appointment: maybe
    recurrences:
      - rrule: FREQ=MONTHLY;COUNT=0
  - id: ind
    name: {nl: Balie twee, en: Desk two}
    hours: Tu 25:00-26:00
    exceptions:
      - date: 2026-02-30
services:
  - id: x
    name: {nl: X, en: X}
    desk: post
    duration: 9h
`

// centreNames are the names of the example centres and their municipalities, which are the same in both languages.
var centreNames = []string{"The Hague International Centre", "Holland Expat Center South", "Valkenburg aan de Geul", "Den Haag", "Maastricht International Centre"}

func TestLanguageOfEveryPart(t *testing.T) {
	lw := newLangWords(t)
	dir := t.TempDir()
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	brokenFile := write("broken.yaml", broken)
	wrongFile := write("wrong.yaml", wrong)
	goodFile := write("maastricht.yaml", string(centres.Maastricht()))
	const badExpr = "Mo 9h-17h; PH of"
	badFacts := `{"date": "2026-03-01", "nationality": "India"}`
	facts := `{"date": "2026-03-01", "nationality": "IN", "purpose": "highly-skilled-migrant", "age": 31, "gross_monthly_salary": 6100}`
	missing := filepath.Join(dir, "missing.yaml")
	notEmpty := filepath.Join(dir, "not-empty")
	if err := os.MkdirAll(notEmpty, 0o755); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join("not-empty", "index.html"), "")
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { taken.Close() }) // after the parallel subtests
	takenAddr := taken.Addr().String()

	cases := []langCase{
		{name: "centres", args: []string{"centres", "--date", "2026-12-02"}, stdout: text, exempt: centreNames},
		{name: "centres json", args: []string{"centres", "--municipality", "GM0951", "--date", "2026-12-02", "--format", "json"}, stdout: jsonText, exempt: centreNames},
		{name: "centres merged", args: []string{"centres", "--municipality", "Nuth", "--date", "2026-12-02"}, stdout: text, exempt: centreNames},
		{name: "centres unknown", args: []string{"centres", "--municipality", "Venlo"}, stdout: text},
		{name: "centres bad code", args: []string{"centres", "--municipality", "GM12"}, code: 2, stderr: text},
		{name: "centres bad date", args: []string{"centres", "--date", "tomorrow"}, code: 2, stderr: text},
		{name: "centres -h", args: []string{"centres", "-h"}, stdout: text},
		{name: "check venlo", args: []string{"check"}, stdin: `{"date": "2026-03-01", "nationality": "BE", "municipality": "Venlo"}`, stdout: text, exempt: centreNames},
		{name: "check bad municipality", args: []string{"check"}, stdin: `{"date": "2026-03-01", "nationality": "BE", "municipality": "GM1"}`, code: 2, stderr: text},
		{name: "check", args: []string{"check"}, stdin: facts, stdout: text},
		{name: "check json", args: []string{"check", "--format", "json"}, stdin: facts, stdout: jsonText},
		{name: "check bad facts", args: []string{"check"}, stdin: badFacts, code: 2, stderr: text},
		{name: "check facts not valid", args: []string{"check"}, stdin: `{"date": "2026-03-01", "nationality": "IN", "age": 31, "birth_date": "1990-01-01"}`, code: 2, stderr: text},
		{name: "check two files", args: []string{"check", "a.json", "b.json"}, code: 2, stderr: text, exempt: []string{"a.json", "b.json"}},
		{name: "check -h", args: []string{"check", "-h"}, stdout: text},
		{name: "estimate", args: []string{"estimate", "--service", "ind-hsm-decision", "--submitted", "2026-12-21"}, stdout: text},
		{name: "estimate json", args: []string{"estimate", "--service", "ind-hsm-decision", "--submitted", "2026-12-21", "--format", "json"}, stdout: jsonText},
		{name: "estimate unknown service", args: []string{"estimate", "--service", "x", "--submitted", "2026-12-21"}, code: 2, stderr: text,
			exempt: []string{"characters"}}, // excerpt's "(165 characters)" is English in both languages
		{name: "estimate beyond the years", args: []string{"estimate", "--service", "ind-hsm-decision", "--submitted", "2199-12-30"}, code: 2, stderr: text},
		{name: "estimate missing centre", args: []string{"estimate", "--service", "x", "--submitted", "2026-12-21", "--centre", missing}, code: 1, stderr: text, exempt: []string{missing}},
		{name: "estimate --help", args: []string{"estimate", "--help"}, stdout: text},
		{name: "export ics", args: []string{"export", "--format", "ics", "--from", "2026-12-01"}, stdout: icsText},
		{name: "export jsonld", args: []string{"export", "--format", "jsonld", "--from", "2026-12-01"}, stdout: jsonText},
		{name: "export osm", args: []string{"export", "--format", "osm", "--desk", "municipality", "--from", "2026-12-01"}, stdout: osmText},
		{name: "export json", args: []string{"export", "--format", "json", "--from", "2026-12-01", "--to", "2026-12-31"}, stdout: jsonText},
		{name: "export no format", args: []string{"export"}, code: 2, stderr: text},
		{name: "export bad format", args: []string{"export", "--format", "pdf"}, code: 2, stderr: text},
		{name: "export bad date", args: []string{"export", "--format", "ics", "--from", "2026-02-30"}, code: 2, stderr: text},
		{name: "export to before from", args: []string{"export", "--format", "ics", "--from", "2026-12-01", "--to", "2026-11-30"}, code: 2, stderr: text},
		{name: "export too long", args: []string{"export", "--format", "osm", "--from", "2026-01-01", "--to", "2029-12-31"}, code: 2, stderr: text},
		{name: "export beyond the years", args: []string{"export", "--format", "json", "--from", "2199-06-01"}, code: 2, stderr: text},
		{name: "export no such desk", args: []string{"export", "--format", "ics", "--desk", "post"}, code: 2, stderr: text},
		{name: "export broken centre", args: []string{"export", "--format", "ics", "--centre", brokenFile}, code: 1, stderr: text, exempt: []string{brokenFile}},
		{name: "export -h", args: []string{"export", "-h"}, stdout: text},
		{name: "holidays", args: []string{"holidays", "--year", "2025", "--region", "NL-LI"}, stdout: text},
		{name: "holidays json", args: []string{"holidays", "--year", "2025", "--format", "json"}, stdout: neutral},
		{name: "holidays bad year", args: []string{"holidays", "--year", "2200"}, code: 2, stderr: text},
		{name: "holidays unknown flag", args: []string{"holidays", "--years", "2025"}, code: 2, stderr: text},
		{name: "holidays -h", args: []string{"holidays", "-h"}, stdout: text},
		{name: "hours", args: []string{"hours", "--at", "2026-12-25T10:00:00+01:00"}, stdout: text},
		{name: "hours json", args: []string{"hours", "--at", "2026-12-25T10:00:00+01:00", "--format", "json"}, stdout: jsonText},
		{name: "hours no such desk", args: []string{"hours", "--desk", "post"}, code: 2, stderr: text},
		{name: "hours broken centre", args: []string{"hours", "--centre", brokenFile}, code: 1, stderr: text, exempt: []string{brokenFile}},
		{name: "hours -h", args: []string{"hours", "-h"}, stdout: text},
		{name: "osm", args: []string{"osm", "Tu,Th 09:00-12:30; PH off", "--at", "2026-12-25T10:00:00+01:00"}, stdout: text, exempt: []string{"Tu,Th 09:00-12:30; PH off"}},
		{name: "osm json", args: []string{"osm", "Tu,Th 09:00-12:30; PH off", "--at", "2026-12-25T10:00:00+01:00", "--format", "json"}, stdout: jsonText},
		{name: "osm syntax error", args: []string{"osm", badExpr}, code: 2, stderr: text, exempt: []string{badExpr}},
		{name: "osm two expressions", args: []string{"osm", "Mo", "Tu"}, code: 2, stderr: text},
		{name: "osm -h", args: []string{"osm", "-h"}, stdout: text},
		{name: "services", args: []string{"services", "--at", "2026-12-22T10:00:00+01:00"}, stdout: text},
		{name: "services json", args: []string{"services", "--at", "2026-12-22T10:00:00+01:00", "--format", "json"}, stdout: jsonText},
		{name: "services bad instant", args: []string{"services", "--at", "noon"}, code: 2, stderr: text},
		{name: "services -h", args: []string{"services", "-h"}, stdout: text},
		{name: "validate", args: []string{"validate", goodFile}, stdout: text, exempt: []string{goodFile}},
		{name: "validate broken", args: []string{"validate", goodFile, brokenFile, missing}, code: 1, stdout: text, stderr: text,
			exempt: []string{goodFile, brokenFile, missing}},
		{name: "validate wrong", args: []string{"validate", wrongFile}, code: 1, stderr: text, exempt: []string{wrongFile}},
		{name: "validate no files", args: []string{"validate"}, code: 2, stderr: text},
		{name: "validate -h", args: []string{"validate", "-h"}, stdout: text},
		{name: "serve -h", args: []string{"serve", "-h"}, stdout: text},
		{name: "serve bad address", args: []string{"serve", "--addr", "8080"}, code: 2, stderr: text},
		{name: "serve address taken", args: []string{"serve", "--addr", takenAddr}, code: 1, stderr: text, exempt: []string{takenAddr}},
		{name: "serve broken centre", args: []string{"serve", "--centre", brokenFile}, code: 1, stderr: text, exempt: []string{brokenFile}},
		{name: "version", args: []string{"version"}, stdout: text},
		{name: "version argument", args: []string{"version", "x1"}, code: 2, stderr: text},
		{name: "version -h", args: []string{"version", "-h"}, stdout: text},
		// {{dir}}: a new directory for each run.
		{name: "widget", args: []string{"widget", "-o", "{{dir}}"}, stdout: text, stderr: text},
		{name: "widget two centres", args: []string{"widget", "--output", "{{dir}}", "--centre", goodFile, "--centre", goodFile}, code: 1, stderr: text, exempt: []string{goodFile}},
		{name: "widget not empty", args: []string{"widget", "-o", notEmpty}, code: 1, stderr: text, exempt: []string{notEmpty}},
		{name: "widget no output", args: []string{"widget"}, code: 2, stderr: text},
		{name: "widget bad url", args: []string{"widget", "-o", "{{dir}}", "--url", "ftp://x"}, code: 2, stderr: text},
		{name: "widget -h", args: []string{"widget", "-h"}, stdout: text},
		{name: "help", args: []string{"help"}, stdout: text},
		{name: "help command", args: []string{"help", "check"}, stdout: text},
		{name: "help unknown command", args: []string{"help", "frobnicate"}, code: 2, stderr: text},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, stderr: text},
		{name: "flag first", args: []string{"-x", "hours"}, code: 2, stderr: text},
	}
	// The first six settings apply to every case; the others, of the
	// precedence of the variables, to the first case of each command.
	settings := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"LANG=nl_NL.UTF-8", map[string]string{"LANG": "nl_NL.UTF-8"}, nil, "nl"},
		{"LANG=en_GB.UTF-8", map[string]string{"LANG": "en_GB.UTF-8"}, nil, "en"},
		{"LANG=C", map[string]string{"LANG": "C"}, nil, "nl"}, // no preference: the centre's default
		{"no LANG", nil, nil, "nl"},
		{"--lang nl over LANG=en_GB.UTF-8", map[string]string{"LANG": "en_GB.UTF-8"}, []string{"--lang", "nl"}, "nl"},
		{"--lang en over LANG=nl_NL.UTF-8", map[string]string{"LANG": "nl_NL.UTF-8"}, []string{"--lang", "en"}, "en"},
		{"-lang=en over LC_ALL=nl_NL.UTF-8", map[string]string{"LC_ALL": "nl_NL.UTF-8"}, []string{"-lang=en"}, "en"},
		{"LC_ALL=en_GB.UTF-8 over LANG=nl_NL.UTF-8", map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, nil, "en"},
		{"LC_MESSAGES=nl_NL.UTF-8 over LANG=en_GB.UTF-8", map[string]string{"LC_MESSAGES": "nl_NL.UTF-8", "LANG": "en_GB.UTF-8"}, nil, "nl"},
		{"LC_ALL=C over LANG=en_GB.UTF-8", map[string]string{"LC_ALL": "C", "LANG": "en_GB.UTF-8"}, nil, "nl"},
		{"empty LC_ALL, LC_MESSAGES=en_US.UTF-8", map[string]string{"LC_ALL": "", "LC_MESSAGES": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, nil, "en"},
		{"LANG=de_DE.UTF-8", map[string]string{"LANG": "de_DE.UTF-8"}, nil, "nl"},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		first := !seen[c.args[0]]
		seen[c.args[0]] = true
		for i, s := range settings {
			if i >= 6 && !first {
				continue
			}
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				t.Parallel()
				args := append(slices.Clone(c.args), s.args...)
				exempt := c.exempt
				for i, a := range args {
					if a == "{{dir}}" {
						args[i] = t.TempDir()
						exempt = append(slices.Clone(exempt), args[i])
					}
				}
				r := loketEnv(s.env, strings.NewReader(c.stdin), args...)
				what := fmt.Sprintf("%v loket %s", s.env, strings.Join(args, " "))
				if r.code != c.code {
					t.Fatalf("%s: exit %d, want %d\n%s%s", what, r.code, c.code, r.stdout, r.stderr)
				}
				for _, p := range []struct {
					name string
					want part
					out  string
				}{{"standard output", c.stdout, r.stdout}, {"standard error", c.stderr, r.stderr}} {
					var lines []string
					switch p.want {
					case empty:
						if p.out != "" {
							t.Errorf("%s: %s should be empty:\n%s", what, p.name, p.out)
						}
						continue
					case neutral:
						if p.out == "" {
							t.Errorf("%s: %s is empty", what, p.name)
						}
						continue
					case jsonText:
						lines = jsonLines(t, p.out)
					case icsText:
						lines = icsLines(p.out)
					case osmText:
						lines = osmLines(p.out)
					case text:
						lines = strings.Split(p.out, "\n")
					}
					found := 0
					for _, line := range lines {
						nl, en := lw.markers(line, exempt)
						wrong, right := en, nl
						if s.want == "en" {
							wrong, right = nl, en
						}
						found += len(right)
						if len(wrong) > 0 {
							t.Errorf("%s: %s has a line not in %s (%q):\n%s", what, p.name, s.want, wrong, line)
						}
					}
					if found == 0 {
						t.Errorf("%s: %s has no word of %s:\n%s", what, p.name, s.want, p.out)
					}
				}
			})
		}
	}
	for _, c := range commands() {
		if !seen[c.name] {
			t.Errorf("no case runs loket %s", c.name)
		}
	}
}
