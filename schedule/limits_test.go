package schedule_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/expatcentre/loket/schedule/osm"
)

// TestLimits checks that ParseOSM refuses expressions longer than
// MaxExpressionLength and with more than MaxRules rules, at the column
// where the limit is passed, and accepts them at the limit.
func TestLimits(t *testing.T) {
	atLimit := strings.Repeat("Mo 09:00-10:00; ", osm.MaxRules-1) + "Tu 09:00-10:00"
	if _, err := osm.Parse(atLimit); err != nil {
		t.Errorf("%d rules: %v", osm.MaxRules, err)
	}
	long := strings.Repeat(" ", osm.MaxExpressionLength-len("24/7")) + "24/7"
	if _, err := osm.Parse(long); err != nil {
		t.Errorf("%d bytes: %v", len(long), err)
	}
	for _, c := range []struct {
		name, expr string
		column     int
		message    string
	}{
		{"too long", long + " ", 4097,
			`the expression is 4097 bytes long: at most 4096 are accepted`},
		{"too long, in characters", strings.Repeat("€", 2000), 1366,
			`the expression is 6000 bytes long: at most 4096 are accepted`},
		{"2.3 MB", strings.Repeat("Mo-Fr 09:00-17:00; ", 121_000), 4097,
			`the expression is 2299000 bytes long: at most 4096 are accepted`},
		{"many short rules", strings.Repeat("off;", osm.MaxRules) + "off", 1024,
			`more than 256 rules: a schedule takes at most 256`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := osm.Parse(c.expr)
			var se *osm.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error = %v, want a *SyntaxError", err)
			}
			if se.Column != c.column || se.Msg != c.message {
				t.Errorf("got column %d: %s\nwant column %d: %s", se.Column, se.Msg, c.column, c.message)
			}
		})
	}
}

// TestNormalForm checks how String writes times: as written, so an end
// past midnight keeps the form it was given in (26:00 or 02:00, and 24:01,
// extended time that opening_hours.js also keeps).
func TestNormalForm(t *testing.T) {
	for _, c := range []struct{ expr, want string }{
		{"Mo 09:00-24:01", "Mo 09:00-24:01"},
		{"sa 10:00-26:00", "Sa 10:00-26:00"},
		{"Sa 22:00-02:00", "Sa 22:00-02:00"},
		{"Su 00:00-48:00", "Su 00:00-48:00"},
		{"Mo 10:00-10:00", "Mo 10:00-10:00"},
	} {
		s, err := osm.Parse(c.expr)
		if err != nil {
			t.Fatalf("ParseOSM(%q): %v", c.expr, err)
		}
		if got := s.String(); got != c.want {
			t.Errorf("ParseOSM(%q).String() = %q, want %q", c.expr, got, c.want)
		}
	}
}
