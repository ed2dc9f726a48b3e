package i18n

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
	"github.com/expatcentre/loket/text"
)

// cldrData is testdata/cldr_dates.json, written once by
// internal/oracle/js/intl_dates.js with Node's Intl (ICU, CLDR).
type cldrData struct {
	Node, ICU, CLDR string
	Date            []struct{ Date, NL, EN string }
	DayAtTime       []struct{ At, NL, EN string }         `json:"day_at_time"`
	DateSpan        []struct{ Start, End, NL, EN string } `json:"date_span"`
	Relative        []struct {
		Value  int
		Unit   string
		NL, EN string
	}
}

func readCLDR(t *testing.T) cldrData {
	t.Helper()
	buf, err := os.ReadFile("testdata/cldr_dates.json")
	if err != nil {
		t.Fatal(err)
	}
	var d cldrData
	if err := json.Unmarshal(buf, &d); err != nil {
		t.Fatalf("testdata/cldr_dates.json: %v", err)
	}
	if d.CLDR == "" || len(d.Date) == 0 {
		t.Fatal("testdata/cldr_dates.json: no CLDR version or no dates")
	}
	return d
}

// printers returns the Dutch and the English printer.
func printers() (nl, en *Printer) {
	return NewPrinter(language.Dutch), NewPrinter(language.English)
}

func amsterdam(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func instant(t testing.TB, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// TestDateCLDR compares Date with CLDR for one date per weekday and one per
// month, in both languages.
func TestDateCLDR(t *testing.T) {
	d := readCLDR(t)
	nl, en := printers()
	weekdays, months := map[time.Weekday]bool{}, map[time.Month]bool{}
	for _, c := range d.Date {
		day, err := date.ParseISO(c.Date)
		if err != nil {
			t.Fatal(err)
		}
		weekdays[day.Weekday()], months[day.Month()] = true, true
		if got := nl.Date(day); got != c.NL {
			t.Errorf("nl Date(%s) = %q, CLDR %s: %q", c.Date, got, d.CLDR, c.NL)
		}
		if got := en.Date(day); got != c.EN {
			t.Errorf("en Date(%s) = %q, CLDR %s: %q", c.Date, got, d.CLDR, c.EN)
		}
	}
	if len(weekdays) != 7 || len(months) != 12 {
		t.Errorf("the CLDR data covers %d weekdays and %d months, want 7 and 12", len(weekdays), len(months))
	}
}

func TestWeekdayAndMonth(t *testing.T) {
	nl, en := printers()
	if got := nl.Weekday(time.Thursday) + " " + en.Weekday(time.Thursday); got != "donderdag Thursday" {
		t.Errorf("Thursday: %q", got)
	}
	if got := nl.Month(time.May) + " " + en.Month(time.May); got != "mei May" {
		t.Errorf("May: %q", got)
	}
	if got := nl.Weekday(7) + nl.Month(0) + nl.Month(13); got != "[weekday 7][month 0][month 13]" {
		t.Errorf("out of range: %q", got)
	}
}

// TestDateSpanCLDR compares DateSpan with CLDR's date interval format.
func TestDateSpanCLDR(t *testing.T) {
	d := readCLDR(t)
	nl, en := printers()
	loc := amsterdam(t)
	for _, c := range d.DateSpan {
		start, end := instant(t, c.Start).In(loc), instant(t, c.End).In(loc)
		if got := nl.DateSpan(start, end); got != c.NL {
			t.Errorf("nl DateSpan(%s, %s) = %q, CLDR: %q", c.Start, c.End, got, c.NL)
		}
		if got := en.DateSpan(start, end); got != c.EN {
			t.Errorf("en DateSpan(%s, %s) = %q, CLDR: %q", c.Start, c.End, got, c.EN)
		}
	}
}

// TestStatusDayAtTimeCLDR checks that the opening day and time of a status
// beyond tomorrow reads as CLDR's date-at-time format
// ("dinsdag 29 december om 09:00", "Tuesday 29 December at 09:00").
func TestStatusDayAtTimeCLDR(t *testing.T) {
	d := readCLDR(t)
	nl, en := printers()
	loc := amsterdam(t)
	for _, c := range d.DayAtTime {
		next := instant(t, c.At).In(loc)
		now := next.AddDate(0, 0, -4)
		closed := Situation{}
		if got := nl.Status(now, closed, next, true); !strings.HasSuffix(got, ", opent "+c.NL) {
			t.Errorf("nl Status(.., %s) = %q, want it to end in CLDR's %q", c.At, got, c.NL)
		}
		if got := en.Status(now, closed, next, true); !strings.HasSuffix(got, ", opens "+c.EN) {
			t.Errorf("en Status(.., %s) = %q, want it to end in CLDR's %q", c.At, got, c.EN)
		}
	}
}

// TestRelativeCLDR compares Relative with Intl.RelativeTimeFormat.
func TestRelativeCLDR(t *testing.T) {
	d := readCLDR(t)
	nl, en := printers()
	loc := amsterdam(t)
	morning := time.Date(2026, 12, 22, 8, 0, 0, 0, loc)
	evening := time.Date(2026, 12, 22, 20, 0, 0, 0, loc)
	for _, c := range d.Relative {
		now, at := morning, morning
		switch c.Unit {
		case "second":
			at = now.Add(time.Duration(c.Value)*time.Second + 20*time.Second)
		case "minute":
			at = now.Add(time.Duration(c.Value) * time.Minute)
		case "hour":
			at = now.Add(time.Duration(c.Value) * time.Hour)
		case "day":
			// More than six hours away, so that days count.
			if c.Value < 0 {
				now = evening
			}
			at = morning.AddDate(0, 0, c.Value)
			if c.Value >= 0 {
				at = evening.AddDate(0, 0, c.Value)
			}
		default:
			t.Fatalf("unit %q", c.Unit)
		}
		if got := nl.Relative(now, at); got != c.NL {
			t.Errorf("nl Relative %d %s = %q, CLDR: %q", c.Value, c.Unit, got, c.NL)
		}
		if got := en.Relative(now, at); got != c.EN {
			t.Errorf("en Relative %d %s = %q, CLDR: %q", c.Value, c.Unit, got, c.EN)
		}
	}
}

// TestRelativeThresholds covers rounding and the switch from minutes to
// hours to days.
func TestRelativeThresholds(t *testing.T) {
	loc := amsterdam(t)
	now := time.Date(2026, 12, 22, 8, 0, 0, 0, loc) // a Tuesday
	nl, en := printers()
	for _, c := range []struct {
		d      time.Duration
		nl, en string
	}{
		{0, "nu", "now"},
		{59 * time.Second, "nu", "now"},
		{-59 * time.Second, "nu", "now"},
		{time.Minute, "over 1 minuut", "in 1 minute"},
		{89 * time.Second, "over 1 minuut", "in 1 minute"},
		{90 * time.Second, "over 2 minuten", "in 2 minutes"},
		{14*time.Minute + 50*time.Second, "over 15 minuten", "in 15 minutes"},
		{59*time.Minute + 29*time.Second, "over 59 minuten", "in 59 minutes"},
		{59*time.Minute + 30*time.Second, "over 1 uur", "in 1 hour"},
		{89 * time.Minute, "over 1 uur", "in 1 hour"},
		{90 * time.Minute, "over 2 uur", "in 2 hours"},
		{5*time.Hour + 59*time.Minute, "over 6 uur", "in 6 hours"},
		{-5 * time.Minute, "5 minuten geleden", "5 minutes ago"},
		{-2 * time.Hour, "2 uur geleden", "2 hours ago"},
		{6 * time.Hour, "vandaag", "today"},
		{15*time.Hour + 59*time.Minute, "vandaag", "today"},
		{16 * time.Hour, "morgen", "tomorrow"},
		{-8*time.Hour - time.Minute, "gisteren", "yesterday"},
		{-33 * time.Hour, "zondag 20 december 2026", "Sunday, 20 December 2026"},
		{2 * 24 * time.Hour, "donderdag", "Thursday"},
		{6 * 24 * time.Hour, "maandag", "Monday"},
		{7 * 24 * time.Hour, "dinsdag 29 december 2026", "Tuesday, 29 December 2026"},
	} {
		at := now.Add(c.d)
		if got := nl.Relative(now, at); got != c.nl {
			t.Errorf("nl Relative(+%v) = %q, want %q", c.d, got, c.nl)
		}
		if got := en.Relative(now, at); got != c.en {
			t.Errorf("en Relative(+%v) = %q, want %q", c.d, got, c.en)
		}
	}
}

func TestSpan(t *testing.T) {
	loc := amsterdam(t)
	p := NewPrinter(language.Dutch)
	day := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, loc) }
	for _, c := range []struct {
		start, end time.Time
		want       string
	}{
		{day(22, 9, 0), day(22, 12, 30), "09:00–12:30"},
		{day(25, 22, 0), day(26, 0, 0), "22:00–24:00"},
		{day(25, 0, 0), day(26, 0, 0), "00:00–24:00"},
		{day(25, 22, 0), day(27, 0, 0), "22:00–00:00"}, // not the next day: no 24:00
		{day(26, 0, 0), day(26, 2, 0), "00:00–02:00"},
		{day(22, 9, 0).UTC(), day(22, 12, 30).UTC(), "08:00–11:30"}, // in the times' own location
	} {
		if got := p.Span(c.start, c.end); got != c.want {
			t.Errorf("Span(%v, %v) = %q, want %q", c.start, c.end, got, c.want)
		}
	}
	if got := p.Clock(time.Date(2026, 12, 22, 9, 5, 59, 0, loc)); got != "09:05" {
		t.Errorf("Clock = %q", got)
	}
}

// statusCase is one case of testdata/status.yaml.
type statusCase struct {
	Name    string
	Now     string
	Kind    string
	Comment string
	Holiday string
	Reason  schedule.Text
	Next    string
	NL, EN  string
}

func TestStatus(t *testing.T) {
	buf, err := os.ReadFile("testdata/status.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cases []statusCase
	if err := yaml.UnmarshalWithOptions(buf, &cases, yaml.Strict()); err != nil {
		t.Fatalf("testdata/status.yaml: %v", err)
	}
	cal, err := holidays.Netherlands("NL-LI")
	if err != nil {
		t.Fatal(err)
	}
	loc := amsterdam(t)
	nl, en := printers()
	for _, c := range cases {
		now := instant(t, c.Now)
		st := Situation{Comment: c.Comment, Why: c.Reason}
		switch c.Kind {
		case "open":
			st.Open = true
		case "unknown":
			st.Unknown = true
		case "closed":
		default:
			t.Fatalf("%s: kind %q", c.Name, c.Kind)
		}
		if c.Holiday != "" {
			st.Why = text.Text{}
			for _, h := range cal.AllOn(date.NewAt(now.In(loc)), nil) {
				if h.ID == c.Holiday {
					st.Why = h.Name
				}
			}
			if st.Why.IsZero() {
				t.Fatalf("%s: no holiday %q on %s", c.Name, c.Holiday, c.Now)
			}
			st.Open, st.Unknown = false, false
		}
		var next time.Time
		if c.Next != "" {
			next = instant(t, c.Next).In(loc)
		}
		if got := nl.Status(now, st, next, c.Next != ""); got != c.NL {
			t.Errorf("%s: nl\n got %q\nwant %q", c.Name, got, c.NL)
		}
		if got := en.Status(now, st, next, c.Next != ""); got != c.EN {
			t.Errorf("%s: en\n got %q\nwant %q", c.Name, got, c.EN)
		}
	}
}

// TestStatusFromSchedule runs the acceptance instants through a
// schedule like the Maastricht IND desk's.
func TestStatusFromSchedule(t *testing.T) {
	loc := amsterdam(t)
	cal, err := holidays.Netherlands("NL-LI")
	if err != nil {
		t.Fatal(err)
	}
	s, err := osm.Parse("Tu,Th 09:00-12:30; Fr 13:30-17:00",
		osm.WithLocation(loc), osm.WithHolidays(cal),
		osm.WithHolidayClosures(osm.Closures{Kinds: []holidays.Kind{holidays.Public}, IDs: []string{"carnival-monday", "carnival-tuesday"}}))
	if err != nil {
		t.Fatal(err)
	}
	nl, en := printers()
	for _, c := range []struct {
		at     string
		nl, en string
	}{
		{"2026-12-22T10:00:00+01:00", "Nu open, sluit om 12:30", "Open now, closes at 12:30"},
		{"2026-12-25T10:00:00+01:00",
			"Gesloten vanwege Eerste Kerstdag, opent dinsdag 29 december om 09:00",
			"Closed for Christmas Day, opens Tuesday 29 December at 09:00"},
		{"2026-02-17T10:00:00+01:00",
			"Gesloten vanwege Carnavalsdinsdag, opent donderdag 19 februari om 09:00",
			"Closed for Carnival Tuesday, opens Thursday 19 February at 09:00"},
		{"2026-12-22T12:45:00+01:00", "Gesloten, opent donderdag 24 december om 09:00", "Closed, opens Thursday 24 December at 09:00"},
		{"2026-12-23T18:00:00+01:00", "Gesloten, opent morgen om 09:00", "Closed, opens tomorrow at 09:00"},
	} {
		now := instant(t, c.at)
		next, ok := s.NextChange(now)
		st := situationOf(s.State(now))
		if got := nl.Status(now, st, next, ok); got != c.nl {
			t.Errorf("nl %s: %q, want %q", c.at, got, c.nl)
		}
		if got := en.Status(now, st, next, ok); got != c.en {
			t.Errorf("en %s: %q, want %q", c.at, got, c.en)
		}
	}
}

// situationOf is centre.Situation, which this package's tests cannot
// import.
func situationOf(st schedule.State) Situation {
	s := Situation{Open: st.Kind == schedule.Open, Unknown: st.Kind == schedule.Unknown, Comment: st.Comment}
	if st.Kind == schedule.Closed {
		s.Why = st.Reason
		if st.Holiday.ID != "" {
			s.Why = st.Holiday.Name
		}
	}
	return s
}

func TestText(t *testing.T) {
	nl, en := printers()
	both := schedule.Text{NL: "personeelstraining", EN: "staff training"}
	if nl.Text(both) != "personeelstraining" || en.Text(both) != "staff training" {
		t.Errorf("Text(%v): %q, %q", both, nl.Text(both), en.Text(both))
	}
	if got := en.Text(schedule.Text{NL: "verbouwing"}); got != "verbouwing" {
		t.Errorf("en Text falls back to Dutch: %q", got)
	}
	if got := nl.Text(schedule.Text{EN: "renovation"}); got != "renovation" {
		t.Errorf("nl Text falls back to English: %q", got)
	}
}

func TestComment(t *testing.T) {
	nl, en := printers()
	for _, c := range []struct{ in, nl, en string }{
		{"by appointment", "op afspraak", "by appointment"},
		{"Op afspraak", "op afspraak", "by appointment"},
		{" alleen op afspraak ", "alleen op afspraak", "by appointment only"},
		{"ring the bell", "ring the bell", "ring the bell"},
		{"", "", ""},
	} {
		if got := nl.Comment(c.in); got != c.nl {
			t.Errorf("nl Comment(%q) = %q, want %q", c.in, got, c.nl)
		}
		if got := en.Comment(c.in); got != c.en {
			t.Errorf("en Comment(%q) = %q, want %q", c.in, got, c.en)
		}
	}
}

func TestMatch(t *testing.T) {
	nl, en := language.Dutch, language.English
	for _, c := range []struct {
		def   language.Tag
		prefs []string
		want  language.Tag
	}{
		{nl, nil, nl},
		{en, nil, en},
		{nl, []string{"en"}, en},
		{en, []string{"nl-BE"}, nl},
		{en, []string{"nl_NL.UTF-8"}, nl},
		{en, []string{"nl_BE.UTF-8@euro"}, nl},
		{nl, []string{"en_GB.UTF-8"}, en},
		{nl, []string{"en-GB"}, en},
		{nl, []string{"en-US,en;q=0.9"}, en},
		{en, []string{"fy;q=0.9,nl;q=0.8"}, nl},
		{en, []string{"de-DE,de;q=0.9,nl;q=0.5,en;q=0.4"}, nl},
		{nl, []string{"de-DE,de;q=0.9,en;q=0.5,nl;q=0.4"}, en},
		{nl, []string{"C.UTF-8"}, nl},
		{en, []string{"C.UTF-8"}, en},
		{en, []string{"POSIX"}, en},
		{nl, []string{"de"}, nl},
		{en, []string{"zh-Hant-TW"}, en},
		{en, []string{"*"}, en},
		{nl, []string{"", "", "en"}, en},
		{nl, []string{"de", "C.UTF-8", "en-GB,en;q=0.9"}, en},
		{en, []string{"nl", "en_US.UTF-8"}, nl},     // --lang wins over LANG
		{nl, []string{"", "en_US.UTF-8", "nl"}, en}, // LANG wins over the header
		{en, []string{"nl:en"}, nl},                 // LANGUAGE
		{en, []string{"x-bad-tag!,nl;q=0.5"}, nl},   // one bad entry
		{nl, []string{"not a tag"}, nl},
		{language.MustParse("nl-BE"), nil, nl},
		{language.German, nil, en},
	} {
		if got := Match(c.def, c.prefs...); got != c.want {
			t.Errorf("Match(%v, %q) = %v, want %v", c.def, c.prefs, got, c.want)
		}
	}
}

func TestNewPrinter(t *testing.T) {
	for _, c := range []struct{ in, want language.Tag }{
		{language.Dutch, language.Dutch},
		{language.MustParse("nl-NL"), language.Dutch},
		{language.MustParse("nl-BE"), language.Dutch},
		{language.English, language.English},
		{language.BritishEnglish, language.English},
		{language.AmericanEnglish, language.English},
		{language.German, language.English},
		{language.Und, language.English},
	} {
		if got := NewPrinter(c.in).Lang(); got != c.want {
			t.Errorf("NewPrinter(%v).Lang() = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestSupported(t *testing.T) {
	s := Supported()
	s[0] = language.German
	if got := Supported(); got[0] != language.Dutch || got[1] != language.English || len(got) != 2 {
		t.Errorf("Supported() = %v", got)
	}
}

// TestConcurrent uses one Printer from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	loc := amsterdam(t)
	p := NewPrinter(language.Dutch)
	now := time.Date(2026, 12, 25, 10, 0, 0, 0, loc)
	next := time.Date(2026, 12, 29, 9, 0, 0, 0, loc)
	want := p.Status(now, Situation{}, next, true)
	done := make(chan string)
	for range 8 {
		go func() {
			var s string
			for range 100 {
				s = p.Status(now, Situation{}, next, true)
			}
			done <- s
		}()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("concurrent Status = %q, want %q", got, want)
		}
	}
}

func BenchmarkDate(b *testing.B) {
	p := NewPrinter(language.Dutch)
	d := date.New(2026, 12, 3)
	b.ReportAllocs()
	for b.Loop() {
		p.Date(d)
	}
}

func BenchmarkStatus(b *testing.B) {
	loc := amsterdam(b)
	p := NewPrinter(language.English)
	now := time.Date(2026, 12, 25, 10, 0, 0, 0, loc)
	next := time.Date(2026, 12, 29, 9, 0, 0, 0, loc)
	st := Situation{Why: text.Text{NL: "Eerste Kerstdag", EN: "Christmas Day"}}
	b.ReportAllocs()
	for b.Loop() {
		p.Status(now, st, next, true)
	}
}

func BenchmarkNewPrinter(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		NewPrinter(language.Dutch)
	}
}

func BenchmarkMatch(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Match(language.Dutch, "", "en_US.UTF-8", "fy;q=0.9,nl;q=0.8")
	}
}
