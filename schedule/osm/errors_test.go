package osm_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"

	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/schedule/osm"
	"github.com/expatcentre/loket/text"
)

// englishWords are words of the English messages, of loket's and of
// rrule-go and the time package, that no Dutch message has (the words of
// the format, such as unknown, are the same in both): a Dutch error
// with one of them has English left in it.
var englishWords = regexp.MustCompile(`\b(not|must|between|expect|expected|undefined|invalid|wrong|format|required|value|parsing|cannot|option|greater|than|failed|property|before|together|allows|supported|give|column|found|occurs|never|twice|overlaps)\b`)

// quotedText is text in double quotes: what an error quotes as written.
var quotedText = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// Every error of Parse, of the expression and of each layer, in Dutch
// and in English: Error is the English, and the Dutch has no English
// left, the messages of rrule-go and of the time package that it writes
// into its own included.
func TestErrorsInBothLanguages(t *testing.T) {
	rules := []string{
		"UNTIL=2026-01-01;FREQ=DAILY", "FREQ=DAILY;COUNT=x", "FREQ=FOO", "FREQ=DAILY;BYDAY=XX", "FREQ=DAILY;FOO=1",
		"FOO:1\nRRULE:FREQ=DAILY", "DTSTART:bad\nRRULE:FREQ=DAILY", "FREQ=DAILY;COUNT=", "FREQ=DAILY;COUNT", "BYDAY=MO",
		"a\nb\nc", "FREQ=DAILY;BYMONTH=13", "FREQ=DAILY;BYMONTHDAY=32", "FREQ=MONTHLY;BYDAY=54MO", "FREQ=DAILY;INTERVAL=-1",
		"FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;COUNT=0", "FREQ=DAILY;BYSETPOS=400", "FREQ=YEARLY;BYWEEKNO=60",
		"FREQ=YEARLY;BYYEARDAY=400", "FREQ=HOURLY", "FREQ=DAILY;BYHOUR=3", "FREQ=DAILY;WKST=XX", "FREQ=DAILY;UNTIL=20200101",
		"FREQ=DAILY;COUNT=1;UNTIL=20300101", "FREQ=DAILY;;", "FREQ=DAILY;FREQ=DAILY", "", "FREQ=MONTHLY;BYDAY=0MO",
		"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "DTSTART:20270101\nRRULE:FREQ=DAILY",
	}
	var cases []struct {
		name string
		err  error
	}
	add := func(name, expr string, opts ...osm.Option) {
		_, err := osm.Parse(expr, opts...)
		cases = append(cases, struct {
			name string
			err  error
		}{name, err})
	}
	for _, r := range rules {
		add(r, "Mo 09:00-12:00", osm.WithRecurrences(osm.Recurrence{RRule: r, Start: date.New(2026, 1, 1)}))
	}
	for _, expr := range []string{"Mo 9h-17h", "Mo-Fr 09:00-17:00; PH of", "Mo 25:00-26:00", "", "Jan 32", "Mo[6]", `Mo "x`, "SH off", "18:00+", "sunrise-sunset",
		"Mo: 10:00-12:00", "Dec:", `Mo "x" off`, `Mo "a" 10:00-12:00 "b"`, "Jan 01-31/1", "Feb,Nov 17: 10:00-12:00", "easter-Mo",
		"Sa[-1] +7 days", "PH +2 days", "PH +1 day,Su", "Su[1] +3 dayz"} {
		add(expr, expr)
	}
	day := timespan.OneDayRange(date.New(2026, 12, 24))
	add("overlapping exceptions", "Mo 09:00-12:00", osm.WithExceptions(
		osm.Exception{Dates: day}, osm.Exception{Dates: day, Hours: "9h"}))
	add("unknown holiday", "Mo 09:00-12:00", osm.WithHolidayClosures(osm.Closures{IDs: []string{"no-such-day"}}))

	for _, c := range cases {
		if c.err == nil {
			t.Errorf("%q: no error", c.name)
			continue
		}
		en, nl := message.In(text.English, c.err), message.In(text.Dutch, c.err)
		if en != c.err.Error() {
			t.Errorf("%q: In(English) = %q, Error() = %q", c.name, en, c.err.Error())
		}
		if nl == en || strings.Contains(nl+en, "[errors.") {
			t.Errorf("%q: not worded in Dutch:\n%s\n%s", c.name, nl, en)
		}
		if w := englishWords.FindAllString(quotedText.ReplaceAllString(nl, `""`), -1); w != nil {
			t.Errorf("%q: English %q in the Dutch error:\n%s\n(English: %s)", c.name, w, nl, en)
		}
	}
}

// The constructs of the specification that loket does not support are
// refused with their own message, naming the construct, wherever they
// stand.
func TestUnsupportedConstructs(t *testing.T) {
	for _, c := range []struct{ expr, want string }{
		{"SH off", "column 1: school holidays (SH) are not supported"},
		{"Mo-Fr 09:00-17:00; SH off", "column 20: school holidays (SH) are not supported"},
		{"Mo 18:00+", `column 9: open end ("+") is not supported`},
		{"sunrise-sunset", "column 1: sun times (sunrise) are not supported"},
		{"Mo 09:00-sunset", "column 10: sun times (sunset) are not supported"},
		{"Mo dusk-dawn", "column 4: sun times (dusk) are not supported"},
		{"Mo 09:00-12:00,Dawn-22:00", "column 16: sun times (Dawn) are not supported"},
		// Found by FuzzParseOSM: the normal form would end in the token 24/7.
		{"2000-2001/1DeC1-024/7", "column 17: a range that ends at 24 cannot take the period 7: Dec 01-24/7"},
		{"week 1-024/7", "column 8: a range that ends at 24 cannot take the period 7: week 01-24/7"},
	} {
		_, err := osm.Parse(c.expr)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.expr, err, c.want)
		}
	}
}
