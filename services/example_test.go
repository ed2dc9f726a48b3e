package services_test

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/services"
)

// The acceptance example: a highly skilled migrant's application submitted
// on Monday 21 December 2026 at the Maastricht centre.
func ExampleCatalogue_Estimate() {
	cat := services.New(centre.Default())
	est, err := cat.Estimate("ind-hsm-decision", date.New(2026, 12, 21))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range est.Periods {
		fmt.Printf("%-18s %-9s %2.0f %-12s due %s\n", p.Target.ID, p.Target.Kind, p.Value.Value, p.Target.Unit, p.Due)
	}
	target, _ := est.Target()
	fmt.Println(target.Explain(i18n.NewPrinter(language.English)))
	// Output:
	// recognised-sponsor target     2 weeks        due 2027-01-08
	// incomplete         target     7 weeks        due 2027-02-16
	// statutory          statutory 90 days         due 2027-03-22
	// 2 weeks, counted as 10 working days on the centre's calendar from Tuesday, 22 December 2026: Friday, 8 January 2027. Not counted: 4 weekend days; Thursday, 24 December 2026 (Christmas Eve: the centre is closed); Friday, 25 December 2026 (Christmas Day); Thursday, 31 December 2026 (New Year's Eve: the centre is closed); Friday, 1 January 2027 (New Year's Day).
}

func ExampleCatalogue_Available() {
	c := centre.Default()
	cat := services.New(c)
	friday := time.Date(2026, 12, 18, 14, 0, 0, 0, c.Location)
	for _, s := range cat.Available(friday) {
		fmt.Println(s.ID, "at", s.Desk.ID)
	}
	// Output:
	// ind-biometrics at ind
	// residence-permit-collection at ind
	// residence-sticker at ind
	// immigration-advice at ind
}

func ExampleService_Next() {
	c := centre.Default()
	s, _ := services.New(c).Service("residence-permit-collection")
	from := time.Date(2026, 12, 22, 10, 0, 0, 0, c.Location)
	for _, iv := range s.Next(from, 3, 60*24*time.Hour) {
		fmt.Println(iv.Start.Format("Mon 2 Jan 2006 15:04"), "-", iv.End.Format("15:04"))
	}
	// Output:
	// Fri 8 Jan 2027 13:30 - 17:00
	// Fri 15 Jan 2027 13:30 - 17:00
	// Fri 22 Jan 2027 13:30 - 17:00
}
