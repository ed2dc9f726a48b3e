// Package holiday computes the Dutch holidays of loket's query side on
// day numbers (internal/civil) with bilingual names (text.Text): what PH
// means and where holiday closures fall. The public package
// schedule/holidays documents the rules and their sources and wraps this
// one; this one holds them, so that a browser can evaluate them without
// github.com/rickb777/date.
package holiday

import (
	"math/bits"
	"time"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/text"
)

// FirstYear and LastYear bound the years the calendar covers. A date outside
// them has no holidays.
const FirstYear, LastYear = 1900, 2199

// Kind says how a holiday is recognized.
type Kind string

const (
	// Public is an "algemeen erkende feestdag" of article 3(1) of the
	// Algemene termijnenwet, including Eerste Paasdag and Eerste
	// Pinksterdag (see the package documentation). This is what the
	// OpenStreetMap opening_hours selector "PH" means.
	Public Kind = "public"
	// Observance is a day that is not in article 3(1) but on which a centre
	// may choose to close: Goede Vrijdag, and Bevrijdingsdag before 1982,
	// when the Act did not list it.
	Observance Kind = "observance"
	// Regional is a holiday of one province: carnival (Vastelaovend) in
	// NL-LI and NL-NB.
	Regional Kind = "regional"
)

// Holiday is one holiday on one date.
type Holiday struct {
	// Date is the day the holiday is celebrated in that year.
	Date civil.Date
	// ID names the holiday and is stable across years and releases:
	// "new-years-day", "good-friday", "easter-sunday", "easter-monday",
	// "kingsday", "queensday" (Koninginnedag before 2014, also on 31 August
	// before 1949), "liberation-day", "ascension-day", "whit-sunday",
	// "whit-monday", "christmas-day", "second-christmas-day",
	// "carnival-sunday", "carnival-monday" and "carnival-tuesday".
	ID string
	// Kind is how the holiday is recognized in that year.
	Kind Kind
	// Name is the holiday's name in Dutch and English.
	Name text.Text
	// Lustrum is set on Bevrijdingsdag in a year divisible by 5.
	Lustrum bool
}

// Calendar is the Dutch holiday calendar for the whole country or for one
// province. It is a small value: copy it freely. The zero value is the
// national calendar (no regional holidays). A Calendar is immutable and safe
// for concurrent use. Its queries never fail: a date outside
// FirstYear..LastYear simply has no holidays.
type Calendar struct {
	region province
}

// province is a Calendar's region.
type province uint8

const (
	national province = iota
	limburg
	northBrabant
)

// Netherlands returns the calendar of a region, given as an ISO 3166-2 code:
// "" for the national calendar, "NL-LI" (Limburg) or "NL-NB" (North
// Brabant), which add carnival; false for any other value.
func Netherlands(region string) (Calendar, bool) {
	switch region {
	case "":
		return Calendar{national}, true
	case "NL-LI":
		return Calendar{limburg}, true
	case "NL-NB":
		return Calendar{northBrabant}, true
	}
	return Calendar{}, false
}

// Region returns the ISO 3166-2 code of c's region, "" for the national
// calendar.
func (c Calendar) Region() string {
	switch c.region {
	case limburg:
		return "NL-LI"
	case northBrabant:
		return "NL-NB"
	}
	return ""
}

// Year returns every holiday of year in c, of all kinds, sorted by date and
// then by ID. It returns nil for a year outside FirstYear..LastYear.
func (c Calendar) Year(year int) []Holiday {
	if year < FirstYear || year > LastYear {
		return nil
	}
	easter := civil.Easter(year)
	// Collect and sort on the stack, then copy once to the heap.
	type entry struct {
		d civil.Date
		h hid
		k Kind
	}
	var es [numHolidays]entry
	n := 0
	for h := range numHolidays {
		if !c.has(h) {
			continue
		}
		if d, k, ok := h.in(year, easter); ok {
			// Insert by date, after equal dates: es stays in date-then-ID
			// order because h increases in ID order.
			i := n
			for ; i > 0 && es[i-1].d > d; i-- {
				es[i] = es[i-1]
			}
			es[i] = entry{d, h, k}
			n++
		}
	}
	hs := make([]Holiday, n)
	for i, e := range es[:n] {
		hs[i] = e.h.holiday(e.d, e.k, year)
	}
	return hs
}

// On returns the holiday on d, of any kind, and false when there is none.
//
// When two holidays fall on one day, a Public one is preferred, then an
// Observance, then a Regional one, and among those of one kind the first by
// ID. In FirstYear..LastYear the only coincidence is Ascension Day on 5 May,
// Bevrijdingsdag, when Easter is on 27 March: in 2005, 2016, 2157 and 2168,
// both Public. On then returns Ascension Day; [Calendar.AllOn] returns both.
// Carnival never meets another holiday.
//
// On does not allocate.
func (c Calendar) On(d civil.Date) (Holiday, bool) {
	set, year, easter := c.on(d)
	var best Holiday
	found := false
	for set != 0 {
		h := hid(bits.TrailingZeros32(set))
		set &= set - 1
		_, k, _ := h.in(year, easter)
		if !found || rank(k) < rank(best.Kind) {
			best, found = h.holiday(d, k, year), true
		}
	}
	return best, found
}

// AllOn appends every holiday on d, in ID order, to dst and returns the
// extended slice.
func (c Calendar) AllOn(d civil.Date, dst []Holiday) []Holiday {
	set, year, easter := c.on(d)
	for set != 0 {
		h := hid(bits.TrailingZeros32(set))
		set &= set - 1
		_, k, _ := h.in(year, easter)
		dst = append(dst, h.holiday(d, k, year))
	}
	return dst
}

// PublicOn returns the Public holiday on d, and false when d is not a public
// holiday. This is what the OpenStreetMap opening_hours selector "PH" asks.
// PublicOn does not allocate.
func (c Calendar) PublicOn(d civil.Date) (Holiday, bool) {
	set, year, easter := c.on(d)
	for set != 0 {
		h := hid(bits.TrailingZeros32(set))
		set &= set - 1
		if _, k, _ := h.in(year, easter); k == Public {
			return h.holiday(d, k, year), true
		}
	}
	return Holiday{}, false
}

// rank orders kinds by preference in On.
func rank(k Kind) int {
	switch k {
	case Public:
		return 0
	case Observance:
		return 1
	}
	return 2
}

// First and Last are FirstYear-01-01 and LastYear-12-31.
const (
	First = civil.Date(693595) // 1900-01-01
	Last  = civil.Date(803167) // 2199-12-31
)

// on returns the set of holidays on d in c, as bits indexed by hid, with the
// year of d and its Easter Sunday (valid only when the set is not empty).
func (c Calendar) on(d civil.Date) (set uint32, year int, easter civil.Date) {
	if d < First || d > Last {
		return 0, 0, 0
	}
	year, month, day, march1 := split(d)
	candidates := inMonth(month) & onDay(day) & onWeekday(d.Weekday())
	if c.region == national {
		candidates &^= carnival
	}
	if candidates == 0 {
		return 0, 0, 0
	}
	if candidates&movable != 0 {
		// Easter(year), counting from 1 March rather than through ymd.
		em, ed := civil.EasterDay(uint64(year))
		easter = march1 + civil.Date(ed-1)
		if em == time.April {
			easter += 31
		}
	}
	for cs := candidates; cs != 0; cs &= cs - 1 {
		h := hid(bits.TrailingZeros32(cs))
		if hd, _, ok := h.in(year, easter); ok && hd == d {
			set |= 1 << h
		}
	}
	return set, year, easter
}

// has reports whether h is in c's calendar at all.
func (c Calendar) has(h hid) bool {
	return c.region != national || (1<<h)&carnival == 0
}

// split returns the year, month and day of d, which must not be before
// 0001-01-01, and the date of 1 March of that year: civil.Date.Date with 1
// March for free, for the hot path of on (after Howard Hinnant's
// civil_from_days).
func split(d civil.Date) (year int, month time.Month, day int, march1 civil.Date) {
	const daysPer400Years = 146097
	z := uint64(d + 306) // days since 0000-03-01
	era, doe := z/daysPer400Years, z%daysPer400Years
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365], from 1 March
	mp := (5*doy + 2) / 153                                // [0, 11], from March
	day = int(doy - (153*mp+2)/5 + 1)
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	march1 = d - civil.Date(doy)
	if m <= 2 { // January and February end the year that starts in March
		y++
		march1 += 365
		if civil.IsLeap(int(y)) {
			march1++
		}
	}
	return int(y), time.Month(m), day, march1
}
