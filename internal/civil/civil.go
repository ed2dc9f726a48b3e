// Package civil is calendar arithmetic on day numbers for loket's query
// side: dates, weekdays, ISO weeks and Easter, with nothing but package
// time, so that it costs a browser next to nothing.
//
// A [Date] counts days from 1 January of year 1 in the proleptic Gregorian
// calendar, which is also the representation of
// github.com/rickb777/date/v2's date.Date: the public packages convert
// between the two with a type conversion, date.Date(d) and civil.Date(d).
// The arithmetic follows Howard Hinnant's days_from_civil and
// civil_from_days (https://howardhinnant.github.io/date_algorithms.html)
// and is exact for every int64 day a time.Time can reach.
package civil

import (
	"strconv"
	"time"
)

// Date is a calendar day: days since 0001-01-01. The zero value is
// 0001-01-01, a Monday.
type Date int64

// UnixEpoch is 1970-01-01 as a Date.
const UnixEpoch Date = 719162

// daysPer400Years is the length of the Gregorian cycle: 20871 weeks.
const daysPer400Years = 146097

// New returns the date of year, month and day. Days and months outside
// their usual ranges are normalized as time.Date normalizes them
// (2026-12-32 is 2027-01-01).
func New(year int, month time.Month, day int) Date {
	m := int(month) - 1
	year += m / 12
	if m %= 12; m < 0 {
		m += 12
		year--
	}
	// Shift to a positive year by whole 400-year cycles, then count in
	// unsigned arithmetic from 0000-03-01.
	var shift int64
	if year < 1 {
		shift = int64(-year/400 + 1)
		year += int(shift) * 400
	}
	y, mm := uint64(year), uint64(m+1)
	if mm <= 2 {
		y--
	}
	era, yoe := y/400, y%400
	doy := (153*((mm+9)%12) + 2) / 5       // the first of the month, [0, 334] from 1 March
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	// 0000-03-01 is 306 days before 0001-01-01; the day is added last, so
	// that any day of the month (0, 32, -5) counts on from its first.
	return Date(int64(era*daysPer400Years+doe)-306-shift*daysPer400Years) + Date(day-1)
}

// Date returns the year, month and day of d.
func (d Date) Date() (year int, month time.Month, day int) {
	var shift int64
	if d < 0 {
		shift = int64(-d)/daysPer400Years + 1
		d += Date(shift * daysPer400Years)
	}
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
	y := int64(yoe + era*400)
	if m <= 2 { // January and February end the year that starts in March
		y++
	}
	return int(y - shift*400), time.Month(m), day
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	w := (int64(d) + 1) % 7 // 0001-01-01 is a Monday
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// ISOWeek returns the ISO 8601 year and week of d: weeks start on Monday,
// and week 1 holds the year's first Thursday.
func (d Date) ISOWeek() (year, week int) {
	thursday := d - Date((int(d.Weekday())+6)%7) + 3
	year, _, _ = thursday.Date()
	return year, int(thursday-New(year, time.January, 1))/7 + 1
}

// String returns d as YYYY-MM-DD (with a sign and more digits for years
// outside 0 to 9999, as time.Time formats them).
func (d Date) String() string {
	y, m, dd := d.Date()
	var b []byte
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	ys := strconv.Itoa(y)
	for i := len(ys); i < 4; i++ {
		b = append(b, '0')
	}
	b = append(b, ys...)
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return string(b)
}

// Of returns the date of t in t's location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return New(y, m, d)
}

// FromUnixDay returns the date ld days after 1970-01-01.
func FromUnixDay(ld int64) Date { return UnixEpoch + Date(ld) }

// UnixDay returns the days from 1970-01-01 to d.
func (d Date) UnixDay() int64 { return int64(d - UnixEpoch) }

// Midnight returns the first instant of d in loc (which is not 00:00 on a
// day whose clocks jump at midnight).
func (d Date) Midnight(loc *time.Location) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// IsLeap reports whether year has 29 February.
func IsLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

// DaysIn returns the number of days of month in year.
func DaysIn(year int, month time.Month) int {
	switch month {
	case time.February:
		if IsLeap(year) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Easter returns Easter Sunday of year in the Gregorian calendar, by the
// anonymous Gregorian algorithm (Nature, 1876; Meeus, Astronomical
// Algorithms, ch. 8): always a Sunday from 22 March to 25 April. It is
// historically meaningful from 1583; for earlier years it is the proleptic
// Gregorian date, through the 5,700,000-year cycle after which the dates
// repeat.
func Easter(year int) Date {
	const cycle = 5_700_000
	y := year
	if y < 1 {
		y += (-y/cycle + 1) * cycle
	}
	m, d := EasterDay(uint64(y))
	return New(year, m, d)
}

// EasterDay returns the month and day of Easter Sunday in a positive year;
// unsigned, because that is faster, for callers on a hot path.
func EasterDay(y uint64) (time.Month, int) {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b + 15 - d - g) % 30 // b >= d + g
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7 // h <= 29, k <= 3
	m := (a + 11*h + 22*l) / 451
	n := h + l + 114 - 7*m // m <= 1 when h + l >= 7*m
	return time.Month(n / 31), int(n%31 + 1)
}
