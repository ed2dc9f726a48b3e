package holiday

import (
	"time"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/text"
)

// hid identifies a holiday. The constants are in the order of their IDs, so
// that ordering by hid is ordering by ID.
type hid uint8

const (
	ascensionDay hid = iota
	carnivalMonday
	carnivalSunday
	carnivalTuesday
	christmasDay
	easterMonday
	easterSunday
	goodFriday
	kingsDay
	liberationDay
	newYearsDay
	queensDay
	secondChristmasDay
	whitMonday
	whitSunday
	numHolidays
)

// Sets of holidays, as bits indexed by hid.
const (
	carnival = 1<<carnivalSunday | 1<<carnivalMonday | 1<<carnivalTuesday
	movable  = carnival | 1<<goodFriday | 1<<easterSunday | 1<<easterMonday |
		1<<ascensionDay | 1<<whitSunday | 1<<whitMonday
)

// inMonth, onDay and onWeekday return the holidays that can fall in a
// month, on a day of the month and on a weekday, in some year. They only
// narrow the search in Calendar.on, so that most days are settled without
// computing Easter; a test checks them against every day of every year.

// inMonth returns the holidays that can fall in month.
func inMonth(month time.Month) uint32 {
	switch month {
	case time.January:
		return 1 << newYearsDay
	case time.February:
		return carnival
	case time.March: // Easter is from 22 March to 25 April
		return carnival | 1<<goodFriday | 1<<easterSunday | 1<<easterMonday
	case time.April:
		return 1<<goodFriday | 1<<easterSunday | 1<<easterMonday | 1<<kingsDay |
			1<<queensDay | 1<<ascensionDay
	case time.May:
		return 1<<queensDay | 1<<liberationDay | 1<<ascensionDay | 1<<whitSunday | 1<<whitMonday
	case time.June:
		return 1<<ascensionDay | 1<<whitSunday | 1<<whitMonday
	case time.August:
		return 1 << queensDay
	case time.December:
		return 1<<christmasDay | 1<<secondChristmasDay
	}
	return 0
}

// onDay returns the holidays that can fall on a day of the month: every
// movable one, and a fixed one on the days its rules give.
func onDay(day int) uint32 {
	switch day {
	case 1:
		return movable | 1<<newYearsDay | 1<<queensDay // 1 May: queensday 1949-1979
	case 5:
		return movable | 1<<liberationDay
	case 25:
		return movable | 1<<christmasDay
	case 26:
		return movable | 1<<kingsDay | 1<<secondChristmasDay
	case 27:
		return movable | 1<<kingsDay
	case 29, 30, 31:
		return movable | 1<<queensDay
	}
	return movable
}

// onWeekday returns the holidays that can fall on a weekday: every fixed
// one, and a movable one on its own weekday.
func onWeekday(wd time.Weekday) uint32 {
	const fixed = (1<<numHolidays - 1) &^ movable
	switch wd {
	case time.Sunday:
		return fixed | 1<<easterSunday | 1<<whitSunday | 1<<carnivalSunday
	case time.Monday:
		return fixed | 1<<easterMonday | 1<<whitMonday | 1<<carnivalMonday
	case time.Tuesday:
		return fixed | 1<<carnivalTuesday
	case time.Thursday:
		return fixed | 1<<ascensionDay
	case time.Friday:
		return fixed | 1<<goodFriday
	}
	return fixed
}

// in returns the date and kind of h in year, whose Easter Sunday is easter,
// and false when h is not held in that year. The package documentation
// gives the source of each rule.
func (h hid) in(year int, easter civil.Date) (civil.Date, Kind, bool) {
	switch h {
	case newYearsDay:
		return civil.New(year, time.January, 1), Public, true
	case goodFriday:
		return easter - 2, Observance, true
	case easterSunday:
		return easter, Public, true
	case easterMonday:
		return easter + 1, Public, true
	case kingsDay:
		// Besluit van 30 januari 2013, Stcrt. 2013, 4075: from 2014,
		// 27 April, or the Saturday before when it is a Sunday.
		if year < 2014 {
			return 0, "", false
		}
		return notSunday(civil.New(year, time.April, 27), -1), Public, true
	case queensDay:
		switch {
		case year < 1949: // Wilhelmina's birthday, kept on a Sunday too
			return civil.New(year, time.August, 31), Public, true
		case year < 1980: // Juliana: the Monday after when it is a Sunday
			return notSunday(civil.New(year, time.April, 30), +1), Public, true
		case year < 2014: // KB 24 april 1980, nr. 11: the Saturday before
			return notSunday(civil.New(year, time.April, 30), -1), Public, true
		}
		return 0, "", false
	case liberationDay:
		// Celebrated on 5 May from 1946; in article 3(1) of the Algemene
		// termijnenwet, and so Public, from 1982.
		if year < 1946 {
			return 0, "", false
		}
		k := Public
		if year < 1982 {
			k = Observance
		}
		return civil.New(year, time.May, 5), k, true
	case ascensionDay:
		return easter + 39, Public, true
	case whitSunday:
		return easter + 49, Public, true
	case whitMonday:
		return easter + 50, Public, true
	case christmasDay:
		return civil.New(year, time.December, 25), Public, true
	case secondChristmasDay:
		return civil.New(year, time.December, 26), Public, true
	case carnivalSunday:
		return easter - 49, Regional, true
	case carnivalMonday:
		return easter - 48, Regional, true
	case carnivalTuesday:
		return easter - 47, Regional, true
	}
	return 0, "", false
}

// notSunday returns d, or d+shift when d is a Sunday.
func notSunday(d civil.Date, shift civil.Date) civil.Date {
	if d.Weekday() == time.Sunday {
		return d + shift
	}
	return d
}

// holiday returns h as a Holiday on d in year, of kind k.
func (h hid) holiday(d civil.Date, k Kind, year int) Holiday {
	return Holiday{
		Date:    d,
		ID:      h.id(),
		Kind:    k,
		Name:    h.name(),
		Lustrum: h == liberationDay && year%5 == 0,
	}
}

// id returns h's stable ID.
func (h hid) id() string {
	switch h {
	case ascensionDay:
		return "ascension-day"
	case carnivalMonday:
		return "carnival-monday"
	case carnivalSunday:
		return "carnival-sunday"
	case carnivalTuesday:
		return "carnival-tuesday"
	case christmasDay:
		return "christmas-day"
	case easterMonday:
		return "easter-monday"
	case easterSunday:
		return "easter-sunday"
	case goodFriday:
		return "good-friday"
	case kingsDay:
		return "kingsday"
	case liberationDay:
		return "liberation-day"
	case newYearsDay:
		return "new-years-day"
	case queensDay:
		return "queensday"
	case secondChristmasDay:
		return "second-christmas-day"
	case whitMonday:
		return "whit-monday"
	case whitSunday:
		return "whit-sunday"
	}
	return ""
}

// name returns h's Dutch and English names.
func (h hid) name() text.Text {
	switch h {
	case ascensionDay:
		return text.Text{NL: "Hemelvaartsdag", EN: "Ascension Day"}
	case carnivalMonday:
		return text.Text{NL: "Carnavalsmaandag", EN: "Carnival Monday"}
	case carnivalSunday:
		return text.Text{NL: "Carnavalszondag", EN: "Carnival Sunday"}
	case carnivalTuesday:
		return text.Text{NL: "Carnavalsdinsdag", EN: "Carnival Tuesday"}
	case christmasDay:
		return text.Text{NL: "Eerste Kerstdag", EN: "Christmas Day"}
	case easterMonday:
		return text.Text{NL: "Tweede Paasdag", EN: "Easter Monday"}
	case easterSunday:
		return text.Text{NL: "Eerste Paasdag", EN: "Easter Sunday"}
	case goodFriday:
		return text.Text{NL: "Goede Vrijdag", EN: "Good Friday"}
	case kingsDay:
		return text.Text{NL: "Koningsdag", EN: "King's Day"}
	case liberationDay:
		return text.Text{NL: "Bevrijdingsdag", EN: "Liberation Day"}
	case newYearsDay:
		return text.Text{NL: "Nieuwjaarsdag", EN: "New Year's Day"}
	case queensDay:
		return text.Text{NL: "Koninginnedag", EN: "Queen's Day"}
	case secondChristmasDay:
		return text.Text{NL: "Tweede Kerstdag", EN: "Second Christmas Day"}
	case whitMonday:
		return text.Text{NL: "Tweede Pinksterdag", EN: "Whit Monday"}
	case whitSunday:
		return text.Text{NL: "Eerste Pinksterdag", EN: "Whit Sunday"}
	}
	return text.Text{}
}
