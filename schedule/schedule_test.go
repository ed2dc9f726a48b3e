package schedule_test

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/osm"
)

type osmCases struct {
	Intervals []struct {
		Name string
		Expr string
		From string
		To   string
		Want []string
	}
	States []struct {
		Name  string
		Expr  string
		At    string
		State string
		Next  string
	}
	Errors []struct {
		Expr    string
		Column  int
		Message string
	}
}

func mustAmsterdam(tb testing.TB) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

func loadCases(t *testing.T) osmCases {
	t.Helper()
	b, err := os.ReadFile("testdata/osm_cases.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c osmCases
	if err := yaml.UnmarshalWithOptions(b, &c, yaml.Strict()); err != nil {
		t.Fatalf("testdata/osm_cases.yaml: %v", err)
	}
	return c
}

// parseLocal reads "2026-12-22 09:00" as Amsterdam wall-clock time, or
// "2026-10-25 02:30+01:00" with an explicit offset. A bare clock time
// "12:30" takes the date from def.
func parseLocal(t *testing.T, s string, def time.Time) time.Time {
	t.Helper()
	loc := mustAmsterdam(t)
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "-") || strings.Index(s, "-") > 4 && len(s) <= 11 {
		s = def.Format("2006-01-02 ") + s
	}
	for _, layout := range []string{"2006-01-02 15:04Z07:00", "2006-01-02 15:04"} {
		var tt time.Time
		var err error
		if layout == "2006-01-02 15:04" {
			tt, err = time.ParseInLocation(layout, s, loc)
		} else {
			tt, err = time.Parse(layout, s)
		}
		if err == nil {
			return tt
		}
	}
	t.Fatalf("bad time %q in test data", s)
	return time.Time{}
}

var intervalRE = regexp.MustCompile(`^(\d{4}-\d\d-\d\d \d\d:\d\d(?:[+-]\d\d:\d\d)?) - ((?:\d{4}-\d\d-\d\d )?\d\d:\d\d(?:[+-]\d\d:\d\d)?)( unknown)?(?: "(.*)")?$`)

func formatInterval(iv schedule.Interval) string {
	s := iv.Start.Format("2006-01-02 15:04-07:00") + " - " + iv.End.Format("2006-01-02 15:04-07:00")
	if iv.Kind == schedule.Unknown {
		s += " unknown"
	}
	if iv.Comment != "" {
		s += fmt.Sprintf(" %q", iv.Comment)
	}
	return s
}

func TestIntervalsTable(t *testing.T) {
	for _, c := range loadCases(t).Intervals {
		t.Run(c.Name, func(t *testing.T) {
			s, err := osm.Parse(c.Expr)
			if err != nil {
				t.Fatalf("ParseOSM(%q): %v", c.Expr, err)
			}
			from := parseLocal(t, c.From, time.Time{})
			to := parseLocal(t, c.To, time.Time{})
			var want []string
			for _, w := range c.Want {
				m := intervalRE.FindStringSubmatch(w)
				if m == nil {
					t.Fatalf("bad interval %q in test data", w)
				}
				start := parseLocal(t, m[1], time.Time{})
				end := parseLocal(t, m[2], start)
				iv := schedule.Interval{Start: start, End: end, Kind: schedule.Open, Comment: m[4]}
				if m[3] != "" {
					iv.Kind = schedule.Unknown
				}
				want = append(want, formatInterval(iv))
			}
			var got []string
			for _, iv := range s.Intervals(from, to) {
				got = append(got, formatInterval(iv))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s\nIntervals(%s, %s):\ngot:\n  %s\nwant:\n  %s", c.Expr, from, to,
					strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}

func TestStatesTable(t *testing.T) {
	for _, c := range loadCases(t).States {
		t.Run(c.Name, func(t *testing.T) {
			s, err := osm.Parse(c.Expr)
			if err != nil {
				t.Fatalf("ParseOSM(%q): %v", c.Expr, err)
			}
			at := parseLocal(t, c.At, time.Time{})
			if got := s.State(at).Kind.String(); got != c.State {
				t.Errorf("%s: State(%s) = %s, want %s", c.Expr, at, got, c.State)
			}
			if got := s.IsOpen(at); got != (c.State == "open") {
				t.Errorf("%s: IsOpen(%s) = %v, want %v", c.Expr, at, got, c.State == "open")
			}
			next, ok := s.NextChange(at)
			if c.Next == "none" {
				if ok {
					t.Errorf("%s: NextChange(%s) = %s, want none", c.Expr, at, next)
				}
				return
			}
			want := parseLocal(t, c.Next, at)
			if !ok || !next.Equal(want) {
				t.Errorf("%s: NextChange(%s) = %s, %v; want %s", c.Expr, at, next, ok, want)
			}
			if ok && next.Location() != s.Location() {
				t.Errorf("NextChange location = %s, want %s", next.Location(), s.Location())
			}
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, c := range loadCases(t).Errors {
		t.Run(c.Expr, func(t *testing.T) {
			_, err := osm.Parse(c.Expr)
			var se *osm.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("ParseOSM(%q) error = %v, want a *SyntaxError", c.Expr, err)
			}
			want := fmt.Sprintf("column %d: %s", c.Column, c.Message)
			if err.Error() != want {
				t.Errorf("ParseOSM(%q):\n got: %s\nwant: %s", c.Expr, err, want)
			}
			if se.Expr != c.Expr {
				t.Errorf("SyntaxError.Expr = %q, want %q", se.Expr, c.Expr)
			}
		})
	}
}

// TestStringRoundTrip checks that the normalized form parses to an
// equivalent schedule and is a fixed point.
func TestStringRoundTrip(t *testing.T) {
	loc := mustAmsterdam(t)
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
	to := time.Date(2027, 1, 1, 0, 0, 0, 0, loc)
	cases := loadCases(t)
	exprs := []string{"mo-fr 9:00-17:00; sa 10:00-26:00 OPEN \"x\"", "dec 24-jan 06 Off", "week 1-53/2 Mo 09:00-10:00",
		"sa[-1]+1 days,su[2] -3 DAY 10:00-12:00; ph -1 DAYS off"}
	for _, c := range cases.Intervals {
		exprs = append(exprs, c.Expr)
	}
	for _, e := range exprs {
		s, err := osm.Parse(e)
		if err != nil {
			t.Fatalf("ParseOSM(%q): %v", e, err)
		}
		s2, err := osm.Parse(s.String())
		if err != nil {
			t.Fatalf("ParseOSM(String() = %q): %v", s.String(), err)
		}
		if s2.String() != s.String() {
			t.Errorf("String() is not a fixed point: %q then %q", s.String(), s2.String())
		}
		a, b := s.Intervals(from, to), s2.Intervals(from, to)
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%q and its normal form %q differ in 2026", e, s.String())
		}
	}
}
