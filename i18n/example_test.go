package i18n_test

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/text"
)

func ExampleMatch() {
	// The centre's default is Dutch. Preferences come in priority order:
	// a --lang flag (not given), LANG, then an Accept-Language header.
	fmt.Println(i18n.Match(language.Dutch, "", "en_GB.UTF-8", "nl-NL,nl;q=0.9"))
	fmt.Println(i18n.Match(language.Dutch, "", "C.UTF-8", "fy;q=0.9,en;q=0.8"))
	fmt.Println(i18n.Match(language.Dutch, "de"))
	fmt.Println(i18n.Match(language.English, "nl-BE"))
	// Output:
	// en
	// en
	// nl
	// nl
}

func ExamplePrinter_Date() {
	d := date.New(2026, time.December, 3)
	fmt.Println(i18n.NewPrinter(language.Dutch).Date(d))
	fmt.Println(i18n.NewPrinter(language.English).Date(d))
	// Output:
	// donderdag 3 december 2026
	// Thursday, 3 December 2026
}

func ExamplePrinter_DateSpan() {
	amsterdam, _ := time.LoadLocation("Europe/Amsterdam")
	start := time.Date(2026, time.December, 3, 9, 0, 0, 0, amsterdam)
	end := time.Date(2026, time.December, 3, 12, 30, 0, 0, amsterdam)
	fmt.Println(i18n.NewPrinter(language.Dutch).DateSpan(start, end))
	fmt.Println(i18n.NewPrinter(language.English).DateSpan(start, end))
	// Output:
	// donderdag 3 december 2026, 09:00–12:30
	// Thursday, 3 December 2026, 09:00–12:30
}

func ExamplePrinter_Relative() {
	amsterdam, _ := time.LoadLocation("Europe/Amsterdam")
	now := time.Date(2026, time.December, 22, 10, 0, 0, 0, amsterdam)
	nl, en := i18n.NewPrinter(language.Dutch), i18n.NewPrinter(language.English)
	for _, d := range []time.Duration{time.Minute, 15 * time.Minute, 2 * time.Hour, 24 * time.Hour} {
		fmt.Printf("%s / %s\n", nl.Relative(now, now.Add(d)), en.Relative(now, now.Add(d)))
	}
	// Output:
	// over 1 minuut / in 1 minute
	// over 15 minuten / in 15 minutes
	// over 2 uur / in 2 hours
	// morgen / tomorrow
}

func ExamplePrinter_Status() {
	amsterdam, _ := time.LoadLocation("Europe/Amsterdam")
	now := time.Date(2026, time.December, 25, 10, 0, 0, 0, amsterdam)
	next := time.Date(2026, time.December, 29, 9, 0, 0, 0, amsterdam)
	closed := i18n.Situation{Why: text.Text{NL: "Eerste Kerstdag", EN: "Christmas Day"}}
	for _, p := range []*i18n.Printer{i18n.NewPrinter(language.Dutch), i18n.NewPrinter(language.English)} {
		fmt.Println(p.Status(now, closed, next, true))
		fmt.Println(p.Status(next, i18n.Situation{Open: true}, next.Add(3*time.Hour+30*time.Minute), true))
	}
	// Output:
	// Gesloten vanwege Eerste Kerstdag, opent dinsdag 29 december om 09:00
	// Nu open, sluit om 12:30
	// Closed for Christmas Day, opens Tuesday 29 December at 09:00
	// Open now, closes at 12:30
}

func ExamplePrinter_T() {
	p := i18n.NewPrinter(language.Dutch)
	fmt.Println(p.T("calendar.in_minutes", map[string]any{"Count": 1}))
	fmt.Println(p.T("calendar.in_minutes", map[string]any{"Count": 15}))
	fmt.Println(p.T("no.such.message", nil))
	// Output:
	// over 1 minuut
	// over 15 minuten
	// [no.such.message]
}
