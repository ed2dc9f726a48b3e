package holidays_test

import (
	"fmt"
	"time"

	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/rickb777/date/v2"
)

func ExampleCalendar_Year() {
	var nl holidays.Calendar // the zero value: national holidays
	for _, h := range nl.Year(2026) {
		fmt.Println(h.Date, h.Date.Weekday(), h.Name.NL, h.Kind)
	}
	// Output:
	// 2026-01-01 Thursday Nieuwjaarsdag public
	// 2026-04-03 Friday Goede Vrijdag observance
	// 2026-04-05 Sunday Eerste Paasdag public
	// 2026-04-06 Monday Tweede Paasdag public
	// 2026-04-27 Monday Koningsdag public
	// 2026-05-05 Tuesday Bevrijdingsdag public
	// 2026-05-14 Thursday Hemelvaartsdag public
	// 2026-05-24 Sunday Eerste Pinksterdag public
	// 2026-05-25 Monday Tweede Pinksterdag public
	// 2026-12-25 Friday Eerste Kerstdag public
	// 2026-12-26 Saturday Tweede Kerstdag public
}

func ExampleNetherlands() {
	limburg, err := holidays.Netherlands("NL-LI")
	if err != nil {
		panic(err)
	}
	for _, h := range limburg.Year(2026) {
		if h.Kind == holidays.Regional {
			fmt.Println(h.Date, h.ID, h.Name.EN)
		}
	}

	_, err = holidays.Netherlands("NL-ZH")
	fmt.Println(err)
	// Output:
	// 2026-02-15 carnival-sunday Carnival Sunday
	// 2026-02-16 carnival-monday Carnival Monday
	// 2026-02-17 carnival-tuesday Carnival Tuesday
	// unknown region "NL-ZH": want "" (national), "NL-LI" or "NL-NB"
}

func ExampleCalendar_PublicOn() {
	var nl holidays.Calendar
	for _, d := range []date.Date{
		date.New(2025, time.April, 26), // 27 April 2025 was a Sunday
		date.New(2025, time.April, 18), // Good Friday: not public
		date.New(2025, time.May, 5),
	} {
		h, ok := nl.PublicOn(d)
		fmt.Println(d, ok, h.ID, h.Lustrum)
	}
	// Output:
	// 2025-04-26 true kingsday false
	// 2025-04-18 false  false
	// 2025-05-05 true liberation-day true
}

func ExampleCalendar_On() {
	var nl holidays.Calendar
	d := date.New(2016, time.May, 5) // Ascension Day on Liberation Day
	h, _ := nl.On(d)
	fmt.Println("On:", h.Name.EN)
	for _, h := range nl.AllOn(d, nil) {
		fmt.Println("AllOn:", h.Name.EN)
	}
	// Output:
	// On: Ascension Day
	// AllOn: Ascension Day
	// AllOn: Liberation Day
}

func ExampleEaster() {
	for _, year := range []int{2025, 2026, 2027} {
		fmt.Println(holidays.Easter(year))
	}
	// Output:
	// 2025-04-20
	// 2026-04-05
	// 2027-03-28
}

func ExampleIDs() {
	fmt.Println(holidays.IDs())
	// Output:
	// [ascension-day carnival-monday carnival-sunday carnival-tuesday christmas-day easter-monday easter-sunday good-friday kingsday liberation-day new-years-day queensday second-christmas-day whit-monday whit-sunday]
}
