package holidays

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"
)

// first and last are the days of FirstYear..LastYear.
var first, last = date.New(FirstYear, time.January, 1), date.New(LastYear, time.December, 31)

func TestEaster(t *testing.T) {
	tests := []struct {
		year int
		want string
	}{
		{1818, "1818-03-22"}, // earliest possible
		{1900, "1900-04-15"},
		{1913, "1913-03-23"},
		{1943, "1943-04-25"}, // latest possible
		{1954, "1954-04-18"},
		{1961, "1961-04-02"},
		{2000, "2000-04-23"},
		{2008, "2008-03-23"},
		{2011, "2011-04-24"},
		{2016, "2016-03-27"},
		{2019, "2019-04-21"},
		{2024, "2024-03-31"},
		{2025, "2025-04-20"},
		{2026, "2026-04-05"},
		{2027, "2027-03-28"},
		{2038, "2038-04-25"}, // latest possible
		{2049, "2049-04-18"},
		{2095, "2095-04-24"},
		{2100, "2100-03-28"},
		{2150, "2150-04-12"},
		{2199, "2199-04-14"},
		{2285, "2285-03-22"}, // earliest possible
	}
	for _, tt := range tests {
		if got := Easter(tt.year).String(); got != tt.want {
			t.Errorf("Easter(%d) = %s, want %s", tt.year, got, tt.want)
		}
	}
}

func TestEasterIsASundayFrom22MarchTo25April(t *testing.T) {
	check := func(t interface{ Fatalf(string, ...any) }, year int) {
		e := Easter(year)
		y, m, d := e.Date()
		if y != year || e.Weekday() != time.Sunday ||
			date.New(year, time.March, 22) > e || e > date.New(year, time.April, 25) {
			t.Fatalf("Easter(%d) = %04d-%02d-%02d, a %s: want a Sunday from 22 March to 25 April of %d",
				year, y, m, d, e.Weekday(), year)
		}
	}
	for year := FirstYear; year <= LastYear; year++ {
		check(t, year)
	}
	rapid.Check(t, func(t *rapid.T) {
		check(t, rapid.IntRange(-20_000_000, 20_000_000).Draw(t, "year"))
	})
}

func TestEasterRepeatsAfter5700000Years(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		year := rapid.IntRange(-6_000_000, 6_000_000).Draw(t, "year")
		_, m1, d1 := Easter(year).Date()
		_, m2, d2 := Easter(year + 5_700_000).Date()
		if m1 != m2 || d1 != d2 {
			t.Fatalf("Easter(%d) on %s %d, Easter(%d) on %s %d", year, m1, d1, year+5_700_000, m2, d2)
		}
	})
}

func TestDays(t *testing.T) {
	for _, tc := range readDays(t, "testdata/days.txt") {
		region := tc.region
		if region == "NL" {
			region = ""
		}
		c, err := Netherlands(region)
		if err != nil {
			t.Fatalf("%s: %v", tc.pos, err)
		}
		all := formatHolidays(c.AllOn(tc.date, nil))
		if all != tc.want {
			t.Errorf("%s: %s %s: AllOn = %s, want %s", tc.pos, tc.date, tc.region, all, tc.want)
		}
		h, ok := c.On(tc.date)
		if want := firstByKind(tc.want); formatOn(h, ok) != want {
			t.Errorf("%s: %s %s: On = %s, want %s", tc.pos, tc.date, tc.region, formatOn(h, ok), want)
		}
		p, ok := c.PublicOn(tc.date)
		if want := firstPublic(tc.want); formatOn(p, ok) != want {
			t.Errorf("%s: %s %s: PublicOn = %s, want %s", tc.pos, tc.date, tc.region, formatOn(p, ok), want)
		}
		for _, h := range c.AllOn(tc.date, nil) {
			if h.Date != tc.date {
				t.Errorf("%s: AllOn(%s) holds %s on %s", tc.pos, tc.date, h.ID, h.Date)
			}
		}
	}
}

type dayCase struct {
	pos    string // file:line
	date   date.Date
	region string
	want   string // formatHolidays of the expected holidays
}

func readDays(t *testing.T, name string) []dayCase {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []dayCase
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		pos := fmt.Sprintf("%s:%d", name, line)
		if len(fields) < 3 {
			t.Fatalf("%s: want date, region and holidays, got %q", pos, text)
		}
		d, err := date.ParseISO(fields[0])
		if err != nil {
			t.Fatalf("%s: %v", pos, err)
		}
		var want []string
		for _, h := range strings.Split(strings.Join(fields[2:], " "), ",") {
			want = append(want, strings.Join(strings.Fields(h), " "))
		}
		cases = append(cases, dayCase{pos: pos, date: d, region: fields[1], want: strings.Join(want, ", ")})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// formatHolidays formats holidays as in testdata/days.txt.
func formatHolidays(hs []Holiday) string {
	if len(hs) == 0 {
		return "-"
	}
	s := make([]string, len(hs))
	for i, h := range hs {
		s[i] = formatOn(h, true)
	}
	return strings.Join(s, ", ")
}

func formatOn(h Holiday, ok bool) string {
	if !ok {
		return "-"
	}
	s := h.ID + " " + string(h.Kind)
	if h.Lustrum {
		s += " lustrum"
	}
	return s
}

// firstByKind returns the holiday of a days.txt list that On must return.
func firstByKind(list string) string {
	for _, k := range []Kind{Public, Observance, Regional} {
		for h := range strings.SplitSeq(list, ", ") {
			if f := strings.Fields(h); len(f) > 1 && f[1] == string(k) {
				return h
			}
		}
	}
	return "-"
}

func firstPublic(list string) string {
	for h := range strings.SplitSeq(list, ", ") {
		if f := strings.Fields(h); len(f) > 1 && f[1] == string(Public) {
			return h
		}
	}
	return "-"
}

// Year, On, AllOn and PublicOn agree on every day of the covered range and
// its surroundings, in every region. This also checks that inMonth lets
// through every holiday it must.
func TestYearAgreesWithOn(t *testing.T) {
	for _, region := range []string{"", "NL-LI", "NL-NB"} {
		c, err := Netherlands(region)
		if err != nil {
			t.Fatal(err)
		}
		byDate := map[date.Date][]Holiday{}
		for year := FirstYear - 1; year <= LastYear+1; year++ {
			hs := c.Year(year)
			if (year < FirstYear || year > LastYear) != (hs == nil) {
				t.Errorf("%q: Year(%d) = %v", region, year, hs)
			}
			if !slices.IsSortedFunc(hs, func(a, b Holiday) int {
				if a.Date != b.Date {
					return int(a.Date - b.Date)
				}
				return strings.Compare(a.ID, b.ID)
			}) {
				t.Errorf("%q: Year(%d) is not sorted by date and ID: %v", region, year, hs)
			}
			for _, h := range hs {
				if h.Date.Year() != year {
					t.Errorf("%q: Year(%d) holds %s on %s", region, year, h.ID, h.Date)
				}
				byDate[h.Date] = append(byDate[h.Date], h)
			}
		}
		for d := first - 400; d <= last+400; d++ {
			want := byDate[d]
			if got := c.AllOn(d, nil); !slices.Equal(got, want) {
				t.Fatalf("%q: AllOn(%s) = %v, want %v (from Year)", region, d, got, want)
			}
			h, ok := c.On(d)
			if want := best(want); ok != (len(want) > 0) || ok && h != want[0] {
				t.Fatalf("%q: On(%s) = %v, %t; want %v", region, d, h, ok, want)
			}
			p, ok := c.PublicOn(d)
			wantP := slices.DeleteFunc(slices.Clone(want), func(h Holiday) bool { return h.Kind != Public })
			if ok != (len(wantP) > 0) || ok && p != wantP[0] {
				t.Fatalf("%q: PublicOn(%s) = %v, %t; want %v", region, d, p, ok, wantP)
			}
		}
	}
}

// rank orders kinds by the preference Calendar.On documents.
func rank(k Kind) int {
	return slices.Index([]Kind{Public, Observance, Regional}, k)
}

// best sorts hs stably by kind preference.
func best(hs []Holiday) []Holiday {
	hs = slices.Clone(hs)
	slices.SortStableFunc(hs, func(a, b Holiday) int { return rank(a.Kind) - rank(b.Kind) })
	return hs
}

// The coincidences documented on Calendar.On are all there are.
func TestCoincidences(t *testing.T) {
	want := []string{
		"2005-05-05: ascension-day, liberation-day",
		"2016-05-05: ascension-day, liberation-day",
		"2157-05-05: ascension-day, liberation-day",
		"2168-05-05: ascension-day, liberation-day",
	}
	for _, region := range []string{"", "NL-LI", "NL-NB"} {
		c, _ := Netherlands(region)
		var got []string
		for d := first; d <= last; d++ {
			if hs := c.AllOn(d, nil); len(hs) > 1 {
				var ids []string
				for _, h := range hs {
					ids = append(ids, h.ID)
				}
				got = append(got, d.String()+": "+strings.Join(ids, ", "))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: days with more than one holiday:\n%s\nwant (as documented on On):\n%s",
				region, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// From 1982 on, the Public days are exactly those of article 3(1) of the
// Algemene termijnenwet, which lists 5 May from 1982, with the first Easter
// and Whit days; Good Friday is an Observance and carnival is Regional, in
// NL-LI and NL-NB only. Before 1982 Bevrijdingsdag is an Observance, in
// lustrum years too.
func TestKindsFollowTheLaw(t *testing.T) {
	for _, region := range []string{"", "NL-LI", "NL-NB"} {
		c, _ := Netherlands(region)
		for year := 1946; year < 1982; year++ {
			var lib []Holiday
			for _, h := range c.AllOn(date.New(year, time.May, 5), nil) {
				if h.ID == "liberation-day" {
					lib = append(lib, h)
				}
			}
			if len(lib) != 1 || lib[0].Kind != Observance || lib[0].Lustrum != (year%5 == 0) {
				t.Errorf("%q %d-05-05: %+v; want liberation-day observance", region, year, lib)
			}
		}
		for year := 1982; year <= LastYear; year++ {
			royal := "kingsday"
			if year < 2014 {
				royal = "queensday"
			}
			want := map[string]Kind{
				"new-years-day": Public, "good-friday": Observance,
				"easter-sunday": Public, "easter-monday": Public, royal: Public,
				"liberation-day": Public, "ascension-day": Public,
				"whit-sunday": Public, "whit-monday": Public,
				"christmas-day": Public, "second-christmas-day": Public,
			}
			if region != "" {
				want["carnival-sunday"] = Regional
				want["carnival-monday"] = Regional
				want["carnival-tuesday"] = Regional
			}
			got := map[string]Kind{}
			for _, h := range c.Year(year) {
				got[h.ID] = h.Kind
				if h.Lustrum != (h.ID == "liberation-day" && year%5 == 0) {
					t.Errorf("%q %d: %s has Lustrum %t", region, year, h.ID, h.Lustrum)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%q %d: kinds\n got %v\nwant %v", region, year, got, want)
			}
		}
	}
}

func TestNetherlands(t *testing.T) {
	for _, region := range []string{"", "NL-LI", "NL-NB"} {
		c, err := Netherlands(region)
		if err != nil || c.Region() != region {
			t.Errorf("Netherlands(%q) = %v, %v; Region() = %q", region, c, err, c.Region())
		}
	}
	if c, _ := Netherlands(""); c != (Calendar{}) {
		t.Errorf("Netherlands(\"\") = %v, want the zero Calendar", c)
	}
	for _, region := range []string{"NL", "nl-li", "NL-ZH", "LI", " NL-LI", "BE-VLI"} {
		_, err := Netherlands(region)
		if err == nil {
			t.Errorf("Netherlands(%q): no error", region)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, fmt.Sprintf("%q", region)) || !strings.Contains(msg, `"NL-LI"`) ||
			!strings.Contains(msg, `"NL-NB"`) {
			t.Errorf("Netherlands(%q): error %q does not name the value and the accepted ones", region, msg)
		}
	}
}

func TestOnDoesNotAllocate(t *testing.T) {
	c, _ := Netherlands("NL-LI")
	days := []date.Date{
		date.New(2026, time.April, 27), date.New(2016, time.May, 5), date.New(2026, time.February, 16),
		date.New(2026, time.July, 1), date.New(1800, time.January, 1),
	}
	for _, d := range days {
		if n := testing.AllocsPerRun(100, func() { c.On(d) }); n != 0 {
			t.Errorf("On(%s): %v allocations", d, n)
		}
		if n := testing.AllocsPerRun(100, func() { c.PublicOn(d) }); n != 0 {
			t.Errorf("PublicOn(%s): %v allocations", d, n)
		}
		dst := make([]Holiday, 0, 4)
		if n := testing.AllocsPerRun(100, func() { dst = c.AllOn(d, dst[:0]) }); n != 0 {
			t.Errorf("AllOn(%s) with room in dst: %v allocations", d, n)
		}
	}
}

// benchDays are the days of 2024-2027, the range a desk asks about.
func benchDays() []date.Date {
	var days []date.Date
	for d := date.New(2024, time.January, 1); d < date.New(2028, time.January, 1); d++ {
		days = append(days, d)
	}
	return days
}

func BenchmarkPublicOn(b *testing.B) {
	c, _ := Netherlands("NL-LI")
	days := benchDays()
	b.ReportAllocs()
	n := 0
	for i := 0; b.Loop(); i++ {
		if _, ok := c.PublicOn(days[i%len(days)]); ok {
			n++
		}
	}
	_ = n
}

// BenchmarkPublicOnHoliday measures the slowest case: a day in the Easter
// season that is a holiday.
func BenchmarkPublicOnHoliday(b *testing.B) {
	c, _ := Netherlands("NL-LI")
	d := date.New(2026, time.May, 25)
	b.ReportAllocs()
	for b.Loop() {
		c.PublicOn(d)
	}
}

func BenchmarkOn(b *testing.B) {
	c, _ := Netherlands("NL-LI")
	days := benchDays()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.On(days[i%len(days)])
	}
}

func BenchmarkYear(b *testing.B) {
	c, _ := Netherlands("NL-LI")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.Year(2024 + i%4)
	}
}
