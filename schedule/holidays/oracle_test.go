package holidays_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/expatcentre/loket/internal/oracle"
	"github.com/expatcentre/loket/schedule/holidays"
)

// dhHoliday is one holiday as internal/oracle/js/holidays.js prints it.
type dhHoliday struct {
	Date       string `json:"date"`
	Type       string `json:"type"`
	Name       string `json:"name"`
	NameEn     string `json:"nameEn"`
	Rule       string `json:"rule"`
	Substitute bool   `json:"substitute"`
}

func (h dhHoliday) String() string {
	return fmt.Sprintf("%s %s %q (%s, rule %q)", h.Date, h.Type, h.Name, h.NameEn, h.Rule)
}

type dhOutput struct {
	Version string            `json:"version"`
	States  map[string]string `json:"states"`
	Regions map[string][]struct {
		Year     int         `json:"year"`
		Holidays []dhHoliday `json:"holidays"`
	} `json:"regions"`
}

// TestAgainstDateHolidays compares the national calendar with npm
// date-holidays 3.37.0 (data in node_modules/date-holidays/data/countries/NL.yaml)
// for every year FirstYear..LastYear, which includes the 1990-2100 of the
// design. Their holidays are matched to ours by their Dutch name.
//
// The Public days must be exactly date-holidays' days of type "public",
// date by date, except for these deliberate differences, each asserted to be
// exactly what is described and nothing more:
//
//   - Bevrijdingsdag. date-holidays has rule "05-05" with "type: school" in
//     every year (no "since"). Article 3(1) of the Algemene termijnenwet
//     lists "de vijfde mei" from 1982, so it is Public here from 1982;
//     Observance in 1946-1981, lustrum years included (the Act of 1964 did
//     not list it; https://nl.wikipedia.org/wiki/Algemene_termijnenwet,
//     https://www.4en5mei.nl/vieren/geschiedenis-5-mei); absent before 1946.
//     See the package documentation.
//   - Goede Vrijdag. date-holidays has rule "easter -2" with "type: school";
//     it is not in article 3(1), so it is an Observance here. Neither is
//     public, so the Public comparison holds; the test checks the date and
//     both classifications.
//
// date-holidays also lists days this package does not model: Nationale
// Dodenherdenking (05-04), Moederdag, Vaderdag, Prinsjesdag, Sint-Maarten,
// Sinterklaasavond and Koninkrijksdag as "observance", and Oudejaarsavond
// (12-31) as "bank". The test checks that none of them is public.
//
// Carnival: date-holidays 3.37.0 has no NL-LI or NL-NB state (getStates gives
// GR, NH and ZH) and no carnival anywhere in NL, and new Holidays('NL', 'LI')
// silently returns the national calendar. The test asserts that absence, so
// that a release that adds them makes it fail and the comparison is added;
// until then carnival is checked by testdata/days.txt and
// TestKindsFollowTheLaw.
//
// The years compared are every year FirstYear..LastYear with
// LOKET_ORACLE=full (as CI runs it), and without it the 1990-2100 of the
// design and the first and last ten years of the calendar.
func TestAgainstDateHolidays(t *testing.T) {
	nodeModules := oracle.NodeModules(t, "date-holidays")
	var spans [][2]int // ranges of years, first and last
	if oracle.Full(t) {
		spans = [][2]int{{holidays.FirstYear, holidays.LastYear}}
	} else {
		spans = [][2]int{{holidays.FirstYear, holidays.FirstYear + 9}, {1990, 2100}, {holidays.LastYear - 9, holidays.LastYear}}
	}
	dh, asked := dateHolidays(t, nodeModules, spans, runtime.GOMAXPROCS(0))
	if dh.Version != "3.37.0" {
		t.Errorf("date-holidays %s, want 3.37.0: review the documented differences and update this test", dh.Version)
	}
	for _, state := range []string{"LI", "NB"} {
		if name, ok := dh.States[state]; ok || len(dh.Regions[state]) > 0 {
			t.Errorf("date-holidays now has state NL-%s (%s): compare its carnival with ours", state, name)
		}
	}

	// Their Dutch names, mapped to our IDs.
	ids := map[string]string{
		"Nieuwjaar":          "new-years-day",
		"Goede Vrijdag":      "good-friday",
		"Pasen":              "easter-sunday",
		"Tweede paasdag":     "easter-monday",
		"Koningsdag":         "kingsday",
		"Koninginnedag":      "queensday",
		"Bevrijdingsdag":     "liberation-day",
		"Hemelvaartsdag":     "ascension-day",
		"Pinksteren":         "whit-sunday",
		"Tweede pinksterdag": "whit-monday",
		"Kerstmis":           "christmas-day",
		"Tweede kerstdag":    "second-christmas-day",
	}
	// Their days that we do not model, with their type.
	notModelled := map[string]string{
		"Nationale Dodenherdenking": "observance",
		"Moederdag":                 "observance",
		"Vaderdag":                  "observance",
		"Prinsjesdag":               "observance",
		"Sint-Maarten":              "observance",
		"Sinterklaasavond":          "observance",
		"Koninkrijksdag":            "observance",
		"Oudejaarsavond":            "bank",
	}
	// want returns the kind loket must give to a holiday that date-holidays
	// has in year with type typ, and false when loket must not have it.
	want := func(id, typ string, year int) (holidays.Kind, bool) {
		switch {
		case id == "good-friday" && typ == "school":
			return holidays.Observance, true
		case id == "liberation-day" && typ == "school":
			switch {
			case year < 1946:
				return "", false
			case year >= 1982:
				return holidays.Public, true
			}
			return holidays.Observance, true
		case typ == "public":
			return holidays.Public, true
		}
		return "", false
	}

	var nl holidays.Calendar
	years := dh.Regions[""]
	if len(years) != asked {
		t.Fatalf("holidays.js printed %d years, want %d", len(years), asked)
	}
	for _, y := range years {
		ours := map[string]holidays.Holiday{}
		var ourPublic []string
		for _, h := range nl.Year(y.Year) {
			ours[h.ID] = h
			if h.Kind == holidays.Public {
				ourPublic = append(ourPublic, h.Date.String()+" "+h.ID)
			}
		}
		var theirPublic []string // their public days, and Bevrijdingsdag where the law makes it public
		seen := map[string]bool{}
		for _, th := range y.Holidays {
			if th.Substitute {
				t.Errorf("%d: date-holidays has a substitute day %s: not modelled", y.Year, th)
			}
			id, ok := ids[th.Name]
			if !ok {
				typ, known := notModelled[th.Name]
				switch {
				case !known:
					t.Errorf("%d: date-holidays has %s, which loket neither maps nor lists as not modelled", y.Year, th)
				case typ != th.Type || th.Type == "public":
					t.Errorf("%d: date-holidays has %s, want type %s (not modelled)", y.Year, th, typ)
				}
				continue
			}
			seen[id] = true
			kind, wanted := want(id, th.Type, y.Year)
			if kind == holidays.Public {
				theirPublic = append(theirPublic, th.Date+" "+id)
			}
			h, have := ours[id]
			switch {
			case wanted && !have:
				t.Errorf("%d: date-holidays has %s; loket has no %s, want it %s", y.Year, th, id, kind)
			case !wanted && have:
				t.Errorf("%d: date-holidays has %s; loket has %s %s %s, want none", y.Year, th, h.Date, id, h.Kind)
			case have && (h.Date.String() != th.Date || h.Kind != kind):
				t.Errorf("%d: date-holidays has %s; loket has %s %s %s, want %s %s", y.Year, th, h.Date, id, h.Kind, th.Date, kind)
			}
		}
		for id, h := range ours {
			if !seen[id] {
				t.Errorf("%d: loket has %s %s %s; date-holidays has no %s", y.Year, h.Date, id, h.Kind, id)
			}
		}
		if onlyOurs, onlyTheirs := minus(ourPublic, theirPublic), minus(theirPublic, ourPublic); len(onlyOurs)+len(onlyTheirs) > 0 {
			t.Errorf("%d: Public days differ: only loket's: [%s]; only date-holidays' (type public, and Bevrijdingsdag where the law makes it public): [%s]",
				y.Year, strings.Join(onlyOurs, ", "), strings.Join(onlyTheirs, ", "))
		}
	}
}

// dateHolidays runs holidays.js on the years of spans, with the states LI
// and NB, in about n processes at once (date-holidays takes some 10 ms a
// year), and returns its output for all of them together, the years in
// the order of spans, with the number of years asked.
func dateHolidays(t *testing.T, nodeModules string, spans [][2]int, n int) (dhOutput, int) {
	t.Helper()
	years := 0
	for _, s := range spans {
		years += s[1] - s[0] + 1
	}
	per := (years + n - 1) / n
	var args [][]string
	for _, s := range spans {
		for from := s[0]; from <= s[1]; from += per {
			to := min(from+per-1, s[1])
			args = append(args, []string{strconv.Itoa(from), strconv.Itoa(to), "LI", "NB"})
		}
	}
	var all dhOutput
	for i, out := range oracle.RunArgs(t, nodeModules, "Europe/Amsterdam", oracle.Script(t, "holidays.js"), args) {
		var dh dhOutput
		if err := json.Unmarshal(out, &dh); err != nil {
			t.Fatalf("holidays.js %s: %v", strings.Join(args[i], " "), err)
		}
		if i == 0 {
			all = dh
			continue
		}
		if dh.Version != all.Version || !maps.Equal(dh.States, all.States) {
			t.Fatalf("holidays.js %s: version %s, states %v; %s before", strings.Join(args[i], " "), dh.Version, dh.States, all.Version)
		}
		for region, ys := range dh.Regions {
			all.Regions[region] = append(all.Regions[region], ys...)
		}
	}
	return all, years
}

// minus returns the elements of a that are not in b.
func minus(a, b []string) []string {
	var d []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			d = append(d, s)
		}
	}
	return d
}
