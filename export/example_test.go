package export_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/export"
	"github.com/expatcentre/loket/text"
)

func ExampleOSM() {
	c := centre.Default()
	ind, _ := c.Desk("ind")
	v, err := export.OSM(c, ind, export.Range{From: date.New(2026, 9, 1), To: date.New(2026, 12, 31)}, text.English)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rule := range strings.Split(v, "; ") {
		fmt.Println(rule)
	}
	// Output:
	// Tu,Th 09:00-12:30
	// Fr 13:30-17:00
	// PH off
	// 2026 Sep 15 09:00-11:00 open "shorter hours because of a team day"
	// 2026 Dec 24 off "Christmas Eve"
	// 2026 Dec 31 off "New Year's Eve"
}

func ExampleICS() {
	c := centre.Default()
	ind, _ := c.Desk("ind")
	var b strings.Builder
	made := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	if err := export.ICS(&b, c, ind, export.Year(date.New(2026, 12, 1)), text.English, made); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\r\n") {
		if strings.HasPrefix(line, "RRULE:") || strings.HasPrefix(line, "SUMMARY:") && strings.Contains(line, "closed") {
			fmt.Println(line)
		}
	}
	// Output:
	// RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20271130T080000Z
	// RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20271125T080000Z
	// RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20271126T123000Z
	// SUMMARY:IND service point closed: Christmas Eve
	// SUMMARY:IND service point closed: Christmas Day
	// SUMMARY:IND service point closed: New Year's Eve
	// SUMMARY:IND service point closed: New Year's Day
	// SUMMARY:IND service point closed: Carnival Tuesday
	// SUMMARY:IND service point closed: King's Day
	// SUMMARY:IND service point closed: Ascension Day
}

func ExampleNewOffice() {
	c := centre.Default()
	ind, _ := c.Desk("ind")
	o, err := export.NewOffice(c, ind, export.Range{From: date.New(2026, 12, 14), To: date.New(2026, 12, 27)}, text.Dutch)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(o.Type, o.Name)
	for _, h := range o.OpeningHours {
		fmt.Println(h.DayOfWeek, h.Opens, h.Closes)
	}
	for _, h := range o.SpecialOpeningHours {
		fmt.Println(h.ValidFrom, h.Opens, h.Closes, h.Name)
	}
	// Output:
	// GovernmentOffice IND-servicepunt – Maastricht International Centre
	// [https://schema.org/Tuesday https://schema.org/Thursday] 09:00 12:30
	// [https://schema.org/Friday] 13:30 17:00
	// 2026-12-24 00:00 00:00 Kerstavond
	// 2026-12-25 00:00 00:00 Eerste Kerstdag
	// 2026-12-26 00:00 00:00 Tweede Kerstdag
}

func ExampleJSONLD() {
	c := centre.Default()
	ind, _ := c.Desk("ind")
	b, err := export.JSONLD(c, ind, export.Year(date.New(2026, 12, 2)), text.English)
	if err != nil {
		fmt.Println(err)
		return
	}
	// It goes into a page as it is, in <script type="application/ld+json">:
	// <, > and & are escaped. Its first lines:
	for _, line := range strings.SplitN(string(b), "\n", 6)[:5] {
		fmt.Println(line)
	}
	// Output:
	// {
	//   "@context": "https://schema.org",
	//   "@type": "GovernmentOffice",
	//   "name": "IND service point – Maastricht International Centre",
	//   "description": "One-stop shop for international employees and their families, with the municipality and the IND under one roof.",
}

func ExampleCheck() {
	err := export.Check(export.Range{From: date.New(2026, 12, 31), To: date.New(2026, 12, 1)})
	fmt.Println(err)
	fmt.Println(export.Year(date.New(2026, 3, 1)))
	// Output:
	// the range ends on 2026-12-01, before it starts on 2026-12-31
	// {2026-03-01 2027-02-28}
}
