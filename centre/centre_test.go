package centre_test

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/examples/centres"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/osm"
)

var update = flag.Bool("update", false, "rewrite testdata/invalid/*.golden from the errors Load reports")

// Each testdata/invalid/NAME.yaml has the errors Load must report in
// NAME.golden, one per line as Errors.Error prints them. Adding a case is
// adding a file: write the YAML, run go test -run TestInvalid -update, and
// read the golden file it writes.
func TestInvalid(t *testing.T) {
	files, err := filepath.Glob("testdata/invalid/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c, err := centre.Load(name, data)
			if c != nil {
				t.Errorf("Load returned a centre with the error %v", err)
			}
			var errs centre.Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("Load: error %v (%T), want centre.Errors", err, err)
			}
			checkErrors(t, name, errs)
			got := err.Error() + "\n"
			golden := strings.TrimSuffix(file, ".yaml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestInvalid -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s: errors differ from %s\n got:\n%s\nwant:\n%s%s", file, golden, got, want, lineDiff(got, string(want)))
			}
		})
	}
}

// checkErrors checks what every error of Load must satisfy: the file name,
// a place (or a problem of the whole file), a message, and sorting.
func checkErrors(t *testing.T, file string, errs centre.Errors) {
	t.Helper()
	for i, e := range errs {
		if e.File != file || e.Msg == "" || e.Line < 0 || e.Column < 0 || (e.Line == 0) != (e.Column == 0) {
			t.Errorf("error %d: %#v: want file %q, a message, and a line and column (or neither)", i, e, file)
		}
		if e.Line == 0 && e.Path != "" && e.Path != "time_zone" {
			t.Errorf("error %d: %v: a field's error must have a line", i, e)
		}
		if i > 0 && (errs[i-1].Line > e.Line || errs[i-1].Line == e.Line && errs[i-1].Column > e.Column) {
			t.Errorf("errors %d and %d out of order: %v, %v", i-1, i, errs[i-1], e)
		}
		if m := e.Msg; m != strings.TrimRight(m, ".") || capitalized(m) {
			t.Errorf("error %d: %q: want lower case without a final period", i, m)
		}
	}
}

// capitalized reports whether a message starts with a capitalized word
// other than a name (Local, the time zone), unlike "FREQ=HOURLY".
func capitalized(m string) bool {
	r := []rune(m + "  ")
	return unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) && !strings.HasPrefix(m, "Local ")
}

// lineDiff shows the first line in which got and want differ.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "\nfirst difference, line " + itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// Every golden file belongs to a test file.
func TestGoldenFilesHaveInputs(t *testing.T) {
	goldens, _ := filepath.Glob("testdata/invalid/*.golden")
	for _, g := range goldens {
		if _, err := os.Stat(strings.TrimSuffix(g, ".golden") + ".yaml"); err != nil {
			t.Errorf("%s has no .yaml file", g)
		}
	}
}

// A file with errors of many kinds reports every one of them, not only
// the first.
func TestAllErrorsAtOnce(t *testing.T) {
	data, err := os.ReadFile("testdata/invalid/several-errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = centre.Load("several-errors.yaml", data)
	var errs centre.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %v, want centre.Errors", err)
	}
	want := []string{
		"name.en: missing",
		"time_zone: unknown time zone",
		"default_language: expected nl or en",
		"default_desk: unknown desk \"balie\"",
		"ids[1]: unknown holiday id",
		"desks[0].hours: column 32:",
		"desks[0].recurrences[0].rrule:",
		"desks[0].exceptions[0].to: the end 2026-08-03 is before the start 2026-08-07",
		"desks[1].id: duplicate desk id \"ind\"",
		"desks[1].apointment: unknown field",
	}
	if len(errs) != len(want) {
		t.Errorf("%d errors, want %d:\n%v", len(errs), len(want), err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("no error with %q in:\n%v", w, err)
		}
	}
	// The expression's error wraps the schedule's syntax error.
	var se *osm.SyntaxError
	if !errors.As(err, &se) || se.Column != 32 {
		t.Errorf("errors.As(*osm.SyntaxError): %v", se)
	}
}

// Every file in testdata/valid and every example centre loads.
func TestValid(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*.yaml")
	examples, _ := fs.Glob(centres.FS(), "*.yaml")
	if len(files) == 0 || len(examples) == 0 {
		t.Fatal("no valid files")
	}
	read := func(name string) ([]byte, error) {
		if strings.HasPrefix(name, "testdata/") {
			return os.ReadFile(name)
		}
		return fs.ReadFile(centres.FS(), name)
	}
	for _, name := range append(files, examples...) {
		data, err := read(name)
		if err != nil {
			t.Fatal(err)
		}
		c, err := centre.Load(filepath.Base(name), data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(c.Desks) == 0 || c.Location == nil || c.DefaultDesk == "" {
			t.Errorf("%s: incomplete centre %+v", name, c)
		}
		if _, ok := c.Desk(c.DefaultDesk); !ok {
			t.Errorf("%s: default desk %q not found", name, c.DefaultDesk)
		}
		for _, d := range c.Desks {
			if d.Schedule == nil || d.Schedule.Location() != c.Location || d.Schedule.Holidays() != c.Holidays {
				t.Errorf("%s: desk %s: schedule %v not in the centre's zone and calendar", name, d.ID, d.Schedule)
			}
		}
	}
}

func TestDefault(t *testing.T) {
	c := centre.Default()
	if c.ID != "maastricht" || c.DefaultLanguage != "nl" || c.Location.String() != "Europe/Amsterdam" ||
		c.Holidays.Region() != "NL-LI" || c.Address.Street != "Mosae Forum 10" || c.DefaultDesk != "ind" {
		t.Errorf("Default() = %+v", c)
	}
	ind, ok := c.Desk("ind")
	if !ok || ind.Hours != "Tu,Th 09:00-12:30; Fr 13:30-17:00" || !ind.Appointment ||
		ind.Name != (schedule.Text{NL: "IND-servicepunt", EN: "IND service point"}) {
		t.Fatalf("Desk(ind) = %+v, %v", ind, ok)
	}
	if _, ok := c.Desk("municipality"); !ok {
		t.Error("no municipality desk")
	}
	if d, ok := c.Desk("nope"); ok || d != nil {
		t.Errorf("Desk(nope) = %v, %v", d, ok)
	}
	amsterdam := c.Location
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02T15:04", s, amsterdam)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		at      string
		kind    schedule.Kind
		source  schedule.Source
		holiday string // holiday ID
		reason  string // English reason
	}{
		{"2026-12-22T10:00", schedule.Open, schedule.SourceRule, "", ""},
		{"2026-12-22T12:30", schedule.Closed, schedule.SourceNone, "", ""},
		{"2026-12-25T10:00", schedule.Closed, schedule.SourceHoliday, "christmas-day", ""},
		{"2026-02-17T10:00", schedule.Closed, schedule.SourceHoliday, "carnival-tuesday", ""},
		{"2026-02-19T10:00", schedule.Open, schedule.SourceRule, "", ""}, // Thursday after carnival
		{"2026-12-24T10:00", schedule.Closed, schedule.SourceException, "", "Christmas Eve"},
		{"2026-12-29T09:00", schedule.Open, schedule.SourceRule, "", ""},
		{"2026-09-15T10:30", schedule.Open, schedule.SourceException, "", "shorter hours because of a team day"},
		{"2026-09-15T11:30", schedule.Closed, schedule.SourceException, "", "shorter hours because of a team day"},
	}
	for _, tt := range tests {
		s := ind.Schedule.State(at(tt.at))
		if s.Kind != tt.kind || s.Source != tt.source || s.Holiday.ID != tt.holiday || s.Reason.EN != tt.reason {
			t.Errorf("IND at %s: %+v, want %v from %v (holiday %q, reason %q)", tt.at, s, tt.kind, tt.source, tt.holiday, tt.reason)
		}
	}
	// After Christmas, the IND desk opens again on Tuesday 29 December.
	if next, ok := ind.Schedule.NextChange(at("2026-12-25T10:00")); !ok || !next.Equal(at("2026-12-29T09:00")) {
		t.Errorf("NextChange after Christmas = %v, %v", next, ok)
	}
	// The municipal desk's example recurrence: the first Saturday of the month.
	mun, _ := c.Desk("municipality")
	if s := mun.Schedule.State(at("2026-03-07T11:00")); s.Kind != schedule.Open || s.Source != schedule.SourceRecurrence {
		t.Errorf("municipality on the first Saturday of March: %+v", s)
	}
	if s := mun.Schedule.State(at("2026-03-14T11:00")); s.Kind != schedule.Closed {
		t.Errorf("municipality on the second Saturday of March: %+v", s)
	}
}

// Default compiles anew on each call: the centres are independent values.
func TestDefaultIsFresh(t *testing.T) {
	a, b := centre.Default(), centre.Default()
	if a == b || a.Desks[0] == b.Desks[0] {
		t.Error("Default returned shared values")
	}
}

// Anchors, aliases and merge keys share values; extra closures win over a
// desk's exceptions, which apply on the other days of their range.
func TestAnchors(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/anchors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := centre.Load("anchors.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if c.Description != c.Name || c.DefaultDesk != "second" || c.DefaultLanguage != "en" || c.Location != time.UTC ||
		len(c.Desks) != 3 || c.Desks[1].Hours != "Mo-Fr 09:00-12:00" || c.Desks[2].Hours != "24/7" {
		t.Fatalf("centre %+v", c)
	}
	second, _ := c.Desk("second")
	tests := []struct {
		at     string
		kind   schedule.Kind
		source schedule.Source
		reason string
	}{
		{"2026-12-15T10:30", schedule.Open, schedule.SourceException, "Christmas period"},
		{"2026-12-15T09:30", schedule.Closed, schedule.SourceException, "Christmas period"},
		{"2026-12-22T10:30", schedule.Closed, schedule.SourceException, "Christmas holidays"},
		{"2027-01-01T10:30", schedule.Closed, schedule.SourceException, "Christmas holidays"},
		{"2027-01-05T10:30", schedule.Open, schedule.SourceException, "Christmas period"},
		{"2027-01-11T09:30", schedule.Open, schedule.SourceRule, ""},
		{"2026-02-02T09:30", schedule.Closed, schedule.SourceRecurrence, "meeting"},
		{"2026-02-03T09:30", schedule.Open, schedule.SourceRule, ""},
		{"2026-04-03T09:30", schedule.Closed, schedule.SourceHoliday, ""}, // Good Friday
		{"2026-02-16T09:30", schedule.Closed, schedule.SourceHoliday, ""}, // carnival in NL-NB
	}
	for _, tt := range tests {
		at, _ := time.Parse("2006-01-02T15:04", tt.at)
		if s := second.Schedule.State(at); s.Kind != tt.kind || s.Source != tt.source || s.Reason.EN != tt.reason {
			t.Errorf("second desk at %s: %+v, want %v from %v, reason %q", tt.at, s, tt.kind, tt.source, tt.reason)
		}
	}
}
