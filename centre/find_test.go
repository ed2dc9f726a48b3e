package centre_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/municipality"
	"github.com/expatcentre/loket/text"
)

// TestFindEveryExampleMunicipality asks Find about every municipality
// code of every example centre's service area, on a day it is served:
// the centre that lists it, and no other, serves it, and the answer says
// so in both languages.
func TestFindEveryExampleMunicipality(t *testing.T) {
	cs := centre.Examples()
	n := 0
	for _, c := range cs {
		if c.ServiceArea.IsZero() {
			t.Errorf("example centre %s has no service area", c.ID)
		}
		for _, m := range c.ServiceArea.Municipalities {
			day := max(m.From, date.New(2026, 12, 2))
			for _, q := range []string{string(m.Code), strings.ToLower(string(m.Code)), m.Name, strings.ToUpper(m.Name)} {
				f, err := centre.Find(cs, q, day)
				if err != nil {
					t.Fatalf("Find(%q): %v", q, err)
				}
				if len(f.Centres) != 1 || f.Centres[0] != c || f.Merged != nil || f.Municipality.Code != m.Code {
					t.Errorf("Find(%q, %s) = %+v, want %s alone", q, day, f, c.ID)
				}
				for _, l := range text.Langs() {
					if s := f.In(l); !strings.Contains(s, c.Name.In(l)+" ("+c.ID+")") || !strings.Contains(s, m.Name) {
						t.Errorf("Find(%q).In(%s) = %q: no centre or municipality", q, l, s)
					}
				}
			}
			n++
		}
	}
	if n < 20 {
		t.Errorf("only %d municipalities in the example centres", n)
	}
}

// TestFind is the table of answers: merged municipalities, unknown ones,
// days before a centre served a municipality, in Dutch and English.
func TestFind(t *testing.T) {
	cs := centre.Examples()
	day := date.New(2026, 12, 2)
	tests := []struct {
		query   string
		day     date.Date
		centres string // ids, space-separated
		merged  string // the successor's code
		en, nl  string
	}{
		{"Venlo", day, "", "",
			`No loaded centre serves "Venlo": none of their files names a municipality so (a CBS code such as GM0983 may help).`,
			`Geen geladen centrum bedient "Venlo": geen van hun bestanden noemt een gemeente zo (een CBS-code zoals GM0983 kan helpen).`},
		{"GM0983", day, "", "",
			"No loaded centre serves the municipality with code GM0983: none of their files names it.",
			"Geen geladen centrum bedient de gemeente met code GM0983: geen van hun bestanden noemt haar."},
		{"GM0951", day, "maastricht", "GM1954",
			"Nuth (GM0951) became part of Beekdaelen (GM1954) on Tuesday, 1 January 2019; Beekdaelen is served by Maastricht International Centre (maastricht).",
			"Nuth (GM0951) is op dinsdag 1 januari 2019 opgegaan in Beekdaelen (GM1954); Beekdaelen wordt bediend door Maastricht International Centre (maastricht)."},
		{"Onderbanken", day, "maastricht", "GM1954",
			"Onderbanken (GM0881) became part of Beekdaelen (GM1954) on Tuesday, 1 January 2019; Beekdaelen is served by Maastricht International Centre (maastricht).",
			"Onderbanken (GM0881) is op dinsdag 1 januari 2019 opgegaan in Beekdaelen (GM1954); Beekdaelen wordt bediend door Maastricht International Centre (maastricht)."},
		{"gm0962", day, "maastricht", "GM1954",
			"Schinnen (GM0962) became part of Beekdaelen (GM1954) on Tuesday, 1 January 2019; Beekdaelen is served by Maastricht International Centre (maastricht).",
			"Schinnen (GM0962) is op dinsdag 1 januari 2019 opgegaan in Beekdaelen (GM1954); Beekdaelen wordt bediend door Maastricht International Centre (maastricht)."},
		{"Schinnen", date.New(2018, 12, 31), "", "", // before the merger, and before the fast track
			"No loaded centre serves Schinnen (GM0962).",
			"Geen geladen centrum bedient Schinnen (GM0962)."},
		{"GM1954", date.New(2020, 9, 23), "", "", // the day before the fast track reached South Limburg
			"No loaded centre serves Beekdaelen (GM1954).",
			"Geen geladen centrum bedient Beekdaelen (GM1954)."},
		{"  den haag ", day, "den-haag", "",
			"Den Haag (GM0518) is served by The Hague International Centre (den-haag).",
			"Den Haag (GM0518) wordt bediend door The Hague International Centre (den-haag)."},
		{"sittard geleen", day, "maastricht", "",
			"Sittard-Geleen (GM1883) is served by Maastricht International Centre (maastricht).",
			"Sittard-Geleen (GM1883) wordt bediend door Maastricht International Centre (maastricht)."},
		{"Eindhoven", day, "eindhoven", "",
			"Eindhoven (GM0772) is served by Holland Expat Center South (eindhoven).",
			"Eindhoven (GM0772) wordt bediend door Holland Expat Center South (eindhoven)."},
	}
	for _, tt := range tests {
		f, err := centre.Find(cs, tt.query, tt.day)
		if err != nil {
			t.Fatalf("Find(%q): %v", tt.query, err)
		}
		var ids []string
		for _, c := range f.Centres {
			ids = append(ids, c.ID)
		}
		merged := ""
		if f.Merged != nil {
			merged = string(f.Served.Code)
		}
		if strings.Join(ids, " ") != tt.centres || merged != tt.merged {
			t.Errorf("Find(%q, %s): centres %v, successor %q; want %q, %q", tt.query, tt.day, ids, merged, tt.centres, tt.merged)
		}
		if got := f.In(text.English); got != tt.en {
			t.Errorf("Find(%q).In(en)\n got %s\nwant %s", tt.query, got, tt.en)
		}
		if got := f.In(text.Dutch); got != tt.nl {
			t.Errorf("Find(%q).In(nl)\n got %s\nwant %s", tt.query, got, tt.nl)
		}
	}
}

// TestFindBadQuery checks that a query that cannot be a municipality is
// an error in both languages, and that every merger's codes are codes.
func TestFindBadQuery(t *testing.T) {
	cs := centre.Examples()
	for _, q := range []string{"", "   ", "GM935", "gm09350", "Maas\x00tricht", strings.Repeat("x", municipality.MaxQuery+1), "\xff"} {
		_, err := centre.Find(cs, q, date.New(2026, 12, 2))
		var me *message.Error
		if !errors.As(err, &me) || me.In(text.Dutch) == me.In(text.English) || strings.HasPrefix(me.In(text.Dutch), "[") {
			t.Errorf("Find(%q) = %v, want a bilingual error", q, err)
		}
	}
	for _, m := range municipality.Mergers() {
		for _, x := range append(m.From, m.Into) {
			if c, ok := municipality.ParseCode(string(x.Code)); !ok || c != x.Code || x.Name == "" {
				t.Errorf("merger of %s: bad municipality %+v", m.On, x)
			}
		}
		if !strings.HasPrefix(m.Source, "https://") || m.Note == "" {
			t.Errorf("merger of %s has no source or note", m.On)
		}
	}
}

func ExampleFind() {
	cs := centre.Examples()
	for _, q := range []string{"Heerlen", "GM0951", "Venlo"} {
		f, err := centre.Find(cs, q, date.New(2026, 12, 2))
		if err != nil {
			panic(err)
		}
		fmt.Println(f.In(text.English))
	}
	// Output:
	// Heerlen (GM0917) is served by Maastricht International Centre (maastricht).
	// Nuth (GM0951) became part of Beekdaelen (GM1954) on Tuesday, 1 January 2019; Beekdaelen is served by Maastricht International Centre (maastricht).
	// No loaded centre serves "Venlo": none of their files names a municipality so (a CBS code such as GM0983 may help).
}
