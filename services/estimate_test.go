package services_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/services"
)

// day parses a date written YYYY-MM-DD.
func day(t testing.TB, s string) date.Date {
	t.Helper()
	d, err := date.ParseISO(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// maastricht is the catalogue of the built-in centre.
func maastricht(t testing.TB) *services.Catalogue {
	t.Helper()
	return services.New(centre.Default())
}

// testCentre is the catalogue of testdata/test-centre.yaml.
func testCentre(t testing.TB) *services.Catalogue {
	t.Helper()
	data, err := os.ReadFile("testdata/test-centre.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := centre.Load("test-centre.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return services.New(c)
}

// The estimates of the Maastricht centre across holidays, worked out by
// hand. The centre closes on every public holiday (kinds: [public]), on
// carnival Monday and Tuesday (Limburg), and on its example extra closures
// Thursday 24 and Thursday 31 December 2026; Good Friday is no closure.
// Working days start the day after submission; a statutory period ends
// submitted + N days and moves past a Saturday, Sunday, public holiday or
// Good Friday (Algemene termijnenwet art. 1 and 3), but not past the
// centre's own closures.
func TestEstimateMaastricht(t *testing.T) {
	cat := maastricht(t)
	tests := []struct {
		name      string
		service   string
		submitted string
		period    string // the period's id
		end, due  string // due defaults to end
		skipped   []string
	}{
		// The acceptance example: Monday 21 December 2026, a highly skilled
		// migrant with a recognised sponsor. 2 weeks = 10 working days:
		// Tu 22 (1), We 23 (2); Th 24 Christmas Eve (closure), Fr 25
		// Christmas Day, Sa 26, Su 27 skipped; Mo 28 (3), Tu 29 (4), We 30
		// (5); Th 31 New Year's Eve (closure), Fr 1 New Year's Day, Sa 2,
		// Su 3 skipped; Mo 4 (6), Tu 5 (7), We 6 (8), Th 7 (9), Fr 8
		// January 2027 (10).
		{"HSM across Christmas and New Year", "ind-hsm-decision", "2026-12-21", "recognised-sponsor", "2027-01-08", "",
			[]string{"2026-12-24", "2026-12-25", "2026-12-26", "2026-12-27", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"}},
		// Incomplete: 7 weeks = 35 working days. From Fr 8 January (10),
		// 11-15 (15), 18-22 (20), 25-29 (25), 1-5 February (30); carnival
		// Monday 8 and Tuesday 9 February 2027 (Easter is 28 March)
		// skipped; We 10 (31), Th 11 (32), Fr 12 (33), Mo 15 (34), Tu 16
		// February 2027 (35).
		{"HSM incomplete across carnival", "ind-hsm-decision", "2026-12-21", "incomplete", "2027-02-16", "", nil},
		// Statutory: 90 days from Tu 22 December 2026 end on Su 21 March
		// 2027, extended to Mo 22 March.
		{"HSM statutory ends on a Sunday", "ind-hsm-decision", "2026-12-21", "statutory", "2027-03-21", "2027-03-22",
			[]string{"2027-03-21"}},
		// 3 working days from We 30 December 2026: Th 31 (closure), Fr 1
		// (New Year's Day), Sa 2, Su 3 skipped; Mo 4 (1), Tu 5 (2), We 6
		// January 2027 (3).
		{"BRP across New Year", "brp-registration", "2026-12-30", "fast-track", "2027-01-06", "",
			[]string{"2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"}},
		// Carnival 2026 (Easter 5 April): Fr 13 February, then Sa 14, Su 15
		// (also carnival Sunday), Mo 16 and Tu 17 skipped; We 18 (1), Th 19
		// (2), Fr 20 February (3).
		{"BRP across carnival in Limburg", "brp-registration", "2026-02-13", "fast-track", "2026-02-20", "",
			[]string{"2026-02-14", "2026-02-15", "2026-02-16", "2026-02-17"}},
		// Easter 2026: Good Friday 3 April is a working day of the centre
		// (it closes on public holidays only): Fr 3 (1); Sa 4, Su 5, Mo 6
		// (Easter Monday) skipped; Tu 7 (2), We 8 April (3).
		{"BRP across Easter", "brp-registration", "2026-04-02", "fast-track", "2026-04-08", "",
			[]string{"2026-04-04", "2026-04-05", "2026-04-06"}},
		// King's Day Monday 27 April 2026 and Liberation Day Tuesday 5 May
		// (a public holiday every year): from Fr 24 April, Mo 27 skipped;
		// Tu 28 (1), We 29 (2), Th 30 (3), Fr 1 May (4), Mo 4 (5), Tu 5
		// skipped, We 6 (6), Th 7 (7), Fr 8 (8), Mo 11 (9), Tu 12 May (10).
		{"HSM across King's Day and Liberation Day", "ind-hsm-decision", "2026-04-24", "recognised-sponsor", "2026-05-12", "",
			[]string{"2026-04-25", "2026-04-26", "2026-04-27", "2026-05-02", "2026-05-03", "2026-05-05", "2026-05-09", "2026-05-10"}},
		// 90 days from Su 27 September 2026 end on Fr 25 December
		// (Christmas Day), then Sa 26, Su 27: Mo 28 December.
		{"statutory ends on Christmas Day", "ind-hsm-decision", "2026-09-26", "statutory", "2026-12-25", "2026-12-28",
			[]string{"2026-12-25", "2026-12-26", "2026-12-27"}},
		// 90 days end on Th 24 December 2026: the centre is closed, but the
		// law does not know its closures.
		{"statutory ends on a centre closure", "ind-hsm-decision", "2026-09-25", "statutory", "2026-12-24", "", nil},
		// 90 days end on Good Friday 26 March 2027 (article 3(2)), then Sa
		// 27, Easter Sunday 28, Easter Monday 29: Tu 30 March.
		{"statutory ends on Good Friday", "ind-hsm-decision", "2026-12-26", "statutory", "2027-03-26", "2027-03-30",
			[]string{"2027-03-26", "2027-03-27", "2027-03-28", "2027-03-29"}},
		// Researchers: 60 days from Fr 27 February end on Mo 27 April 2026,
		// King's Day: Tu 28 April.
		{"researcher ends on King's Day", "ind-researcher-decision", "2026-02-26", "statutory", "2026-04-27", "2026-04-28",
			[]string{"2026-04-27"}},
		// Carnival is no algemeen erkende feestdag: 60 days ending on
		// carnival Monday 8 February 2027 are not extended.
		{"statutory ends on carnival Monday", "ind-researcher-decision", "2026-12-10", "statutory", "2027-02-08", "", nil},
		// Ascension Day Th 14 May 2026: extended to the Friday (the bridge
		// day that a royal decree may equate with a holiday is not known).
		{"statutory ends on Ascension Day", "ind-hsm-decision", "2026-02-13", "statutory", "2026-05-14", "2026-05-15",
			[]string{"2026-05-14"}},
		// Whit Sunday 24 May 2026 and Whit Monday 25 May: Tu 26 May.
		{"statutory ends on Whit Sunday", "ind-hsm-decision", "2026-02-23", "statutory", "2026-05-24", "2026-05-26",
			[]string{"2026-05-24", "2026-05-25"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := cat.Estimate(tt.service, day(t, tt.submitted))
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(e.Periods, func(p services.Period) bool { return p.Target.ID == tt.period })
			if i < 0 {
				t.Fatalf("no period %q in %+v", tt.period, e)
			}
			p := e.Periods[i]
			due := tt.due
			if due == "" {
				due = tt.end
			}
			if p.Start != day(t, tt.submitted)+1 || p.End.String() != tt.end || p.Due.String() != due {
				t.Errorf("%s submitted %s: start %s, end %s, due %s; want end %s, due %s",
					tt.service, tt.submitted, p.Start, p.End, p.Due, tt.end, due)
			}
			if p.Extended() != (due != tt.end) {
				t.Errorf("Extended() = %v", p.Extended())
			}
			if tt.skipped != nil {
				var got []string
				for _, s := range p.Skipped {
					got = append(got, s.Date.String())
				}
				if !slices.Equal(got, tt.skipped) {
					t.Errorf("skipped %v, want %v", got, tt.skipped)
				}
			}
		})
	}
}

// The reasons given for each skipped day of the acceptance example.
func TestEstimateReasons(t *testing.T) {
	e, err := maastricht(t).Estimate("ind-hsm-decision", day(t, "2026-12-21"))
	if err != nil {
		t.Fatal(err)
	}
	target, ok := e.Target()
	if !ok || target.Target.ID != "recognised-sponsor" || target.Days != 10 || target.Value.Value != 2 {
		t.Fatalf("Target() = %+v, %v", target, ok)
	}
	want := []struct {
		date, why, name, holiday string
	}{
		{"2026-12-24", "closure", "Christmas Eve", ""},
		{"2026-12-25", "holiday", "Christmas Day", "christmas-day"},
		{"2026-12-26", "weekend", "", ""},
		{"2026-12-27", "weekend", "", ""},
		{"2026-12-31", "closure", "New Year's Eve", ""},
		{"2027-01-01", "holiday", "New Year's Day", "new-years-day"},
		{"2027-01-02", "weekend", "", ""},
		{"2027-01-03", "weekend", "", ""},
	}
	if len(target.Skipped) != len(want) {
		t.Fatalf("skipped %+v", target.Skipped)
	}
	for i, w := range want {
		s := target.Skipped[i]
		if s.Date.String() != w.date || s.Why.String() != w.why || s.Name.EN != w.name || s.Holiday != w.holiday {
			t.Errorf("skipped[%d] = %+v, want %+v", i, s, w)
		}
	}
	statutory, ok := e.Statutory()
	if !ok || statutory.Days != 90 || statutory.Skipped[0].Why != services.Weekend {
		t.Errorf("Statutory() = %+v, %v", statutory, ok)
	}
}

// The explanation of the acceptance example, in both languages.
func TestExplain(t *testing.T) {
	e, err := maastricht(t).Estimate("ind-hsm-decision", day(t, "2026-12-21"))
	if err != nil {
		t.Fatal(err)
	}
	en, nl := i18n.NewPrinter(language.English), i18n.NewPrinter(language.Dutch)
	tests := []struct {
		period int
		p      *i18n.Printer
		want   string
	}{
		{0, en, "2 weeks, counted as 10 working days on the centre's calendar from Tuesday, 22 December 2026: Friday, 8 January 2027. " +
			"Not counted: 4 weekend days; Thursday, 24 December 2026 (Christmas Eve: the centre is closed); Friday, 25 December 2026 (Christmas Day); " +
			"Thursday, 31 December 2026 (New Year's Eve: the centre is closed); Friday, 1 January 2027 (New Year's Day)."},
		{0, nl, "2 weken, geteld als 10 werkdagen volgens de kalender van het centrum vanaf dinsdag 22 december 2026: vrijdag 8 januari 2027. " +
			"Niet meegeteld: 4 weekenddagen; donderdag 24 december 2026 (Kerstavond: het centrum is gesloten); vrijdag 25 december 2026 (Eerste Kerstdag); " +
			"donderdag 31 december 2026 (Oudejaarsdag: het centrum is gesloten); vrijdag 1 januari 2027 (Nieuwjaarsdag)."},
		{2, en, "90 days from the day after submission, Tuesday, 22 December 2026, end on Sunday, 21 March 2027. " +
			"Article 1 of the Algemene termijnenwet extends a statutory period that ends on a Saturday, Sunday or public holiday " +
			"to the next day that is none of those: past Sunday, 21 March 2027 to Monday, 22 March 2027."},
		{2, nl, "90 dagen vanaf de dag na de indiening, dinsdag 22 december 2026, eindigen op zondag 21 maart 2027. " +
			"Artikel 1 van de Algemene termijnenwet verlengt een wettelijke termijn die op een zaterdag, zondag of algemeen erkende feestdag eindigt " +
			"tot de eerstvolgende dag die dat niet is: voorbij zondag 21 maart 2027 tot maandag 22 maart 2027."},
	}
	for _, tt := range tests {
		if got := e.Periods[tt.period].Explain(tt.p); got != tt.want {
			t.Errorf("Explain(%s):\n got %s\nwant %s", tt.p.Lang(), got, tt.want)
		}
	}
	// A statutory period that is not extended says only how it ends; one
	// in working days without skipped days says nothing is skipped.
	e, _ = maastricht(t).Estimate("ind-hsm-decision", day(t, "2026-09-25"))
	if got := e.Periods[2].Explain(en); strings.Contains(got, "Algemene termijnenwet") {
		t.Errorf("not extended, but: %s", got)
	}
	e, _ = testCentre(t).Estimate("decision", day(t, "2026-03-02"))
	if got := e.Periods[0].Explain(en); got != "3 working days on the centre's calendar from Tuesday, 3 March 2026: Thursday, 5 March 2026." {
		t.Errorf("no days skipped: %s", got)
	}
	if got := e.Periods[1].Explain(nl); got != "10 kalenderdagen vanaf dinsdag 3 maart 2026: donderdag 12 maart 2026." {
		t.Errorf("calendar days: %s", got)
	}
}

// The value in force on the date of submission counts; calendar-day
// targets are not extended; the centre's extra closures are skipped.
func TestEstimateDatedValues(t *testing.T) {
	cat := testCentre(t)
	tests := []struct {
		submitted string
		want      map[string]string // period id -> due
	}{
		// Before 2026 the calendar target has no value: two periods.
		{"2025-06-02", map[string]string{"quick": "2025-06-05", "law": "2025-06-16"}},
		// 10 calendar days from Mo 5 January 2026 end on Th 15 January.
		// 14 days end on Mo 19 January.
		{"2026-01-05", map[string]string{"quick": "2026-01-08", "calendar": "2026-01-15", "law": "2026-01-19"}},
		// From 1 July 2026, 5 working days. From Fr 17 July: the summer
		// closure 20-31 July and the weekends; Mo 3 August (1) to Fr 7
		// August (5). The calendar target ends on Mo 27 July, a closure
		// day: not moved. The statutory 14 days end on Fr 31 July: not a
		// day of the Algemene termijnenwet.
		{"2026-07-17", map[string]string{"quick": "2026-08-07", "calendar": "2026-07-27", "law": "2026-07-31"}},
		// 14 days from Sa 11 April 2026 end on Sa 25 April, then Su 26,
		// and Mo 27 April is King's Day: Tu 28 April.
		{"2026-04-11", map[string]string{"quick": "2026-04-15", "calendar": "2026-04-21", "law": "2026-04-28"}},
	}
	for _, tt := range tests {
		e, err := cat.Estimate("decision", day(t, tt.submitted))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, p := range e.Periods {
			got[p.Target.ID] = p.Due.String()
		}
		if len(got) != len(tt.want) {
			t.Errorf("submitted %s: periods %v, want %v", tt.submitted, got, tt.want)
		}
		for id, w := range tt.want {
			if got[id] != w {
				t.Errorf("submitted %s: %s due %s, want %s", tt.submitted, id, got[id], w)
			}
		}
	}
}

func TestEstimateErrors(t *testing.T) {
	cat := maastricht(t)
	_, err := cat.Estimate("ind-hsm", day(t, "2026-12-21"))
	var unknown *services.UnknownServiceError
	if !errors.As(err, &unknown) || unknown.ID != "ind-hsm" || !slices.Contains(unknown.IDs, "ind-hsm-decision") ||
		!strings.HasPrefix(err.Error(), `unknown service "ind-hsm"; the services are brp-registration, `) {
		t.Errorf("unknown service: %v", err)
	}
	if _, err := cat.Estimate("ind-biometrics", day(t, "2026-12-21")); err == nil ||
		err.Error() != "service ind-biometrics has no processing periods; the services that have them are brp-registration, ind-hsm-decision, ind-researcher-decision" {
		t.Errorf("no periods: %v", err)
	}
	if _, err := cat.Estimate("ind-researcher-decision", day(t, "2018-01-01")); err == nil ||
		err.Error() != "no processing period of service ind-researcher-decision is known for a submission on 2018-01-01: the earliest is valid from 2018-05-23" {
		t.Errorf("before the data: %v", err)
	}
}

// A working day is a day on which the centre is not closed as its desks'
// schedules have it (centre.Centre.ClosedOn): where an extra closure covers
// a holiday, the closure is the reason, as the desks' hours give it.
func TestEstimateClosureOverHoliday(t *testing.T) {
	c, err := centre.Load("t.yaml", []byte(`id: t
name: {nl: T, en: T}
holidays:
  closed_on: {kinds: [public]}
  extra_closures:
    - {from: 2026-12-24, to: 2026-12-28, name: {nl: Kerstsluiting, en: Christmas closure}}
desks:
  - id: a
    name: {nl: A, en: A}
    hours: Mo-Fr 09:00-17:00
services:
  - id: p
    kind: procedure
    name: {nl: P, en: P}
    desk: a
    processing:
      - id: w
        kind: target
        name: {nl: W, en: W}
        unit: working-days
        values:
          - {from: 2026-01-01, value: 3, source: "https://example.org/", note: three days}
`))
	if err != nil {
		t.Fatal(err)
	}
	e, err := services.New(c).Estimate("p", day(t, "2026-12-22"))
	if err != nil {
		t.Fatal(err)
	}
	// We 23 (1); Th 24, Fr 25 (Christmas Day), Sa 26, Su 27 and Mo 28 in
	// the closure; Tu 29 (2), We 30 (3).
	p := e.Periods[0]
	var got []string
	for _, s := range p.Skipped {
		got = append(got, s.Date.String()+" "+s.Why.String()+" "+s.Name.EN)
	}
	want := []string{"2026-12-24 closure Christmas closure", "2026-12-25 closure Christmas closure",
		"2026-12-26 weekend ", "2026-12-27 weekend ", "2026-12-28 closure Christmas closure"}
	if p.Due != day(t, "2026-12-30") || strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("due %s, skipped %q\nwant due 2026-12-30, skipped %q", p.Due, got, want)
	}
}
