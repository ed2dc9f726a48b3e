package holiday

import (
	"slices"
	"testing"
	"time"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/text"
)

// The public package schedule/holidays tests the calendar through its
// API, against date-holidays and the law; these tests check what only
// this package can see.

func TestNames(t *testing.T) {
	want := map[string]text.Text{
		"new-years-day":        {NL: "Nieuwjaarsdag", EN: "New Year's Day"},
		"good-friday":          {NL: "Goede Vrijdag", EN: "Good Friday"},
		"easter-sunday":        {NL: "Eerste Paasdag", EN: "Easter Sunday"},
		"easter-monday":        {NL: "Tweede Paasdag", EN: "Easter Monday"},
		"kingsday":             {NL: "Koningsdag", EN: "King's Day"},
		"queensday":            {NL: "Koninginnedag", EN: "Queen's Day"},
		"liberation-day":       {NL: "Bevrijdingsdag", EN: "Liberation Day"},
		"ascension-day":        {NL: "Hemelvaartsdag", EN: "Ascension Day"},
		"whit-sunday":          {NL: "Eerste Pinksterdag", EN: "Whit Sunday"},
		"whit-monday":          {NL: "Tweede Pinksterdag", EN: "Whit Monday"},
		"christmas-day":        {NL: "Eerste Kerstdag", EN: "Christmas Day"},
		"second-christmas-day": {NL: "Tweede Kerstdag", EN: "Second Christmas Day"},
		"carnival-sunday":      {NL: "Carnavalszondag", EN: "Carnival Sunday"},
		"carnival-monday":      {NL: "Carnavalsmaandag", EN: "Carnival Monday"},
		"carnival-tuesday":     {NL: "Carnavalsdinsdag", EN: "Carnival Tuesday"},
	}
	var ids []string
	for h := range numHolidays {
		ids = append(ids, h.id())
		if got := h.name(); got != want[h.id()] {
			t.Errorf("%s: name %q, want %q", h.id(), got, want[h.id()])
		}
	}
	// The hid constants are in ID order: Year relies on it.
	if !slices.IsSorted(ids) || len(slices.Compact(slices.Clone(ids))) != len(want) {
		t.Errorf("hid constants are not in strict ID order or not complete: %q", ids)
	}
}

// TestBounds checks First and Last.
func TestBounds(t *testing.T) {
	if First != civil.New(FirstYear, time.January, 1) || Last != civil.New(LastYear, time.December, 31) {
		t.Errorf("First, Last = %s, %s; want %d-01-01, %d-12-31", First, Last, FirstYear, LastYear)
	}
}

// TestSplit checks split against civil.Date.Date and civil.New.
func TestSplit(t *testing.T) {
	for d := First - 800; d <= Last+800; d++ {
		y, m, dd, m1 := split(d)
		wy, wm, wd := d.Date()
		if y != wy || m != wm || dd != wd || m1 != civil.New(wy, time.March, 1) {
			t.Fatalf("split(%s) = %d-%d-%d, 1 March %s", d, y, m, dd, m1)
		}
	}
}
