package centre_test

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/route"
)

// The Maastricht services: their desks, defaults taken from the desk and
// the centre, own hours, routes and dated numbers.
func TestMaastrichtServices(t *testing.T) {
	c := centre.Default()
	if len(c.Services) < 8 {
		t.Fatalf("%d services", len(c.Services))
	}
	bio, ok := c.Service("ind-biometrics")
	if !ok || bio.Kind != centre.Visit || bio.Desk == nil || bio.Desk.ID != "ind" || !bio.Appointment || bio.BookingURL != bio.Desk.BookingURL ||
		bio.Duration != 15*time.Minute || bio.Schedule != nil || bio.Hours != "" || bio.For.EU || !bio.For.NonEU ||
		len(bio.Documents) != 2 || len(bio.Processing) != 0 || len(bio.Fee.Entries) != 0 {
		t.Errorf("ind-biometrics %+v", bio)
	}
	col, _ := c.Service("residence-permit-collection")
	if col.Hours != "Fr 13:30-17:00" || col.Schedule == nil || col.Schedule.Location() != c.Location || col.Schedule.Holidays() != c.Holidays {
		t.Errorf("residence-permit-collection: hours %q, schedule %v", col.Hours, col.Schedule)
	}
	advice, _ := c.Service("immigration-advice")
	if !advice.For.EU || !advice.For.NonEU || !advice.For.FamilyMembers || len(advice.For.Routes) != 0 {
		t.Errorf("immigration-advice is for %+v", advice.For)
	}
	if brp, _ := c.Service("brp-registration"); brp.Kind != centre.Visit || brp.BookingURL != "https://expatcentremaastrichtregion.nl/appointment" ||
		brp.Desk.BookingURL == bio.Desk.BookingURL || brp.Desk.BookingURL == brp.BookingURL {
		t.Errorf("brp-registration books at %q, its desk at %q, the IND desk at %q: want three pages", brp.BookingURL, brp.Desk.BookingURL, bio.Desk.BookingURL)
	}
	if col, _ := c.Service("residence-permit-collection"); col.BookingURL != col.Desk.BookingURL || col.BookingURL == c.BookingURL {
		t.Errorf("residence-permit-collection books at %q, want its desk's %q", col.BookingURL, col.Desk.BookingURL)
	}
	hsm, _ := c.Service("ind-hsm-decision")
	if hsm.Kind != centre.Procedure || hsm.Appointment || hsm.BookingURL != "" || hsm.Duration != 0 || len(hsm.For.Routes) != 1 || hsm.For.Routes[0] != route.HighlySkilledMigrant || len(hsm.Processing) != 3 {
		t.Fatalf("ind-hsm-decision %+v", hsm)
	}
	st := hsm.Processing[2]
	if st.ID != "statutory" || st.Kind != centre.StatutoryPeriod || st.Unit != centre.Days || st.Name.EN != "the statutory decision period" {
		t.Errorf("statutory period %+v", st)
	}
	if v, ok := st.Amount.At(date.New(2026, 12, 21)); !ok || v.Value != 90 || v.Source != "https://wetten.overheid.nl/BWBR0011823" {
		t.Errorf("statutory value %+v, %v", v, ok)
	}
	if _, ok := c.Service("nope"); ok {
		t.Error(`Service("nope") found`)
	}
}
