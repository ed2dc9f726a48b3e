package holidays

import (
	"fmt"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/holiday"
	"github.com/expatcentre/loket/text"
)

// FirstYear and LastYear bound the years the calendar covers. A date outside
// them has no holidays.
const FirstYear, LastYear = holiday.FirstYear, holiday.LastYear

// Kind says how a holiday is recognized.
type Kind = holiday.Kind

const (
	// Public is an "algemeen erkende feestdag" of article 3(1) of the
	// Algemene termijnenwet, including Eerste Paasdag and Eerste
	// Pinksterdag (see the package documentation). This is what the
	// OpenStreetMap opening_hours selector "PH" means.
	Public = holiday.Public
	// Observance is a day that is not in article 3(1) but on which a centre
	// may choose to close: Goede Vrijdag, and Bevrijdingsdag before 1982,
	// when the Act did not list it.
	Observance = holiday.Observance
	// Regional is a holiday of one province: carnival (Vastelaovend) in
	// NL-LI and NL-NB.
	Regional = holiday.Regional
)

// Name is the name of a holiday in Dutch and in English: loket's one
// bilingual text type.
type Name = text.Text

// Holiday is one holiday on one date.
type Holiday struct {
	// Date is the day the holiday is celebrated in that year.
	Date date.Date
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
	Name Name
	// Lustrum is set on Bevrijdingsdag in a year divisible by 5.
	Lustrum bool
}

// fromInternal returns the public form of h.
func fromInternal(h holiday.Holiday) Holiday {
	return Holiday{Date: date.Date(h.Date), ID: h.ID, Kind: h.Kind, Name: h.Name, Lustrum: h.Lustrum}
}

// Calendar is the Dutch holiday calendar for the whole country or for one
// province. It is a small value: copy it freely. The zero value is the
// national calendar (no regional holidays). A Calendar is immutable and safe
// for concurrent use. Its queries never fail: a date outside
// FirstYear..LastYear simply has no holidays.
type Calendar struct {
	c holiday.Calendar
}

// Netherlands returns the calendar of a region, given as an ISO 3166-2 code:
// "" for the national calendar, "NL-LI" (Limburg) or "NL-NB" (North
// Brabant), which add carnival. Any other value is an error that names it.
func Netherlands(region string) (Calendar, error) {
	c, ok := holiday.Netherlands(region)
	if !ok {
		return Calendar{}, fmt.Errorf("unknown region %q: want \"\" (national), \"NL-LI\" or \"NL-NB\"", region)
	}
	return Calendar{c}, nil
}

// Region returns the ISO 3166-2 code of c's region, "" for the national
// calendar.
func (c Calendar) Region() string { return c.c.Region() }

// Year returns every holiday of year in c, of all kinds, sorted by date and
// then by ID. It returns nil for a year outside FirstYear..LastYear.
func (c Calendar) Year(year int) []Holiday {
	in := c.c.Year(year)
	if in == nil {
		return nil
	}
	hs := make([]Holiday, len(in))
	for i, h := range in {
		hs[i] = fromInternal(h)
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
func (c Calendar) On(d date.Date) (Holiday, bool) {
	h, ok := c.c.On(civil.Date(d))
	return fromInternal(h), ok
}

// AllOn appends every holiday on d, in ID order, to dst and returns the
// extended slice.
func (c Calendar) AllOn(d date.Date, dst []Holiday) []Holiday {
	var buf [4]holiday.Holiday
	for _, h := range c.c.AllOn(civil.Date(d), buf[:0]) {
		dst = append(dst, fromInternal(h))
	}
	return dst
}

// PublicOn returns the Public holiday on d, and false when d is not a public
// holiday. This is what the OpenStreetMap opening_hours selector "PH" asks.
// PublicOn does not allocate.
func (c Calendar) PublicOn(d date.Date) (Holiday, bool) {
	h, ok := c.c.PublicOn(civil.Date(d))
	return fromInternal(h), ok
}

// Easter returns the date of Easter Sunday in year, in the Gregorian
// calendar, by the anonymous Gregorian algorithm (Nature, 1876; Meeus,
// Astronomical Algorithms, ch. 8). Easter is always a Sunday
// from 22 March to 25 April. The result is historically meaningful from 1583,
// the first full year of the Gregorian calendar; for earlier years (including
// year 0 and negative years) it is the proleptic Gregorian date, computed
// through the 5,700,000-year cycle after which the dates repeat.
func Easter(year int) date.Date { return date.Date(civil.Easter(year)) }

// IDs returns the id of every holiday the calendar knows, in every region
// and year, sorted: the values a closure policy may name.
func IDs() []string { return holiday.IDs() }
