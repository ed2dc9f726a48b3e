package export

import (
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/internal/answer"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/text"
)

// Centre is a compiled centre as plain data for other systems: what
// `loket export --format json` writes, every field described in
// docs/json.md. Texts are in the language of Lang; a value that does not
// exist is null, never a missing key.
type Centre struct {
	Centre          string       `json:"centre"`
	Lang            string       `json:"lang"`
	From            string       `json:"from"`
	To              string       `json:"to"`
	Name            string       `json:"name"`
	Description     *string      `json:"description"`
	Address         AddressData  `json:"address"`
	Coordinates     *Coordinates `json:"coordinates"`
	Website         *string      `json:"website"`
	BookingURL      *string      `json:"booking_url"`
	TimeZone        string       `json:"time_zone"`
	DefaultLanguage string       `json:"default_language"`
	DefaultDesk     string       `json:"default_desk"`
	Holidays        HolidayData  `json:"holidays"`
	Closures        []Closure    `json:"closures"`
	Desks           []Desk       `json:"desks"`
}

// AddressData is a centre's postal address; each field null when the
// file does not give it.
type AddressData struct {
	Street     *string `json:"street"`
	PostalCode *string `json:"postal_code"`
	City       *string `json:"city"`
	Country    *string `json:"country"`
}

// Coordinates are a latitude and a longitude in degrees (WGS 84).
type Coordinates struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// AddressOf returns the postal address of ce.
func AddressOf(ce *centre.Centre) AddressData {
	return AddressData{Street: orNull(ce.Address.Street), PostalCode: orNull(ce.Address.PostalCode),
		City: orNull(ce.Address.City), Country: orNull(ce.Address.Country)}
}

// CoordinatesOf returns the coordinates of ce, or nil when its file gives
// none.
func CoordinatesOf(ce *centre.Centre) *Coordinates {
	if ce.Coordinates.IsZero() {
		return nil
	}
	return &Coordinates{Lat: ce.Coordinates.Lat, Lon: ce.Coordinates.Lon}
}

// HolidayData is a centre's holiday policy: the region of its calendar
// and the holidays every desk closes on.
type HolidayData struct {
	Region   *string `json:"region"`
	ClosedOn struct {
		Kinds []string `json:"kinds"`
		IDs   []string `json:"ids"`
	} `json:"closed_on"`
}

// Closure is a closure of the whole centre.
type Closure struct {
	From string `json:"from"`
	To   string `json:"to"`
	Name string `json:"name"`
}

// Desk is a desk with its hours and each day of the range.
type Desk struct {
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	Location     *string `json:"location"`
	Appointment  bool    `json:"appointment"`
	BookingURL   *string `json:"booking_url"`
	Hours        string  `json:"hours"`
	OpeningHours *string `json:"opening_hours"`
	Days         []Day   `json:"days"`
}

// Day is one day of a desk: its intervals, or why it is closed.
type Day struct {
	Date      string     `json:"date"`
	Intervals []Interval `json:"intervals"`
	Closed    *Closed    `json:"closed"`
}

// Interval is a stretch of a day in which the desk is open or in an
// unknown state.
type Interval struct {
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
	State   string    `json:"state"`
	Comment *string   `json:"comment"`
	Reason  *string   `json:"reason"`
}

// Closed says why a day has no intervals.
type Closed struct {
	Why     string  `json:"why"`
	Holiday *string `json:"holiday"`
	Reason  *string `json:"reason"`
}

// JSON returns centre ce as data over range r, its texts in language l:
// the centre's names, address and holiday policy, and for each desk its
// weekly hours, its OpenStreetMap value (OSM; null when that cannot be
// exact) and every day of r, with intervals cut to the day as
// schedule.Schedule.Day gives them.
func JSON(ce *centre.Centre, r Range, l text.Lang) (*Centre, error) {
	if err := Check(r); err != nil {
		return nil, err
	}
	c := &Centre{
		Centre: ce.ID, Lang: langCode(l), From: r.From.String(), To: r.To.String(),
		Name: ce.Name.In(l), Description: orNull(ce.Description.In(l)),
		Address: AddressOf(ce), Coordinates: CoordinatesOf(ce),
		Website: orNull(ce.Website), BookingURL: orNull(ce.BookingURL),
		TimeZone: ce.Location.String(), DefaultLanguage: ce.DefaultLanguage, DefaultDesk: ce.DefaultDesk,
		Closures: []Closure{}, Desks: []Desk{},
	}
	c.Holidays.Region = orNull(ce.Holidays.Region())
	c.Holidays.ClosedOn.Kinds = []string{}
	for _, k := range ce.HolidayClosures.Kinds {
		c.Holidays.ClosedOn.Kinds = append(c.Holidays.ClosedOn.Kinds, string(k))
	}
	c.Holidays.ClosedOn.IDs = append([]string{}, ce.HolidayClosures.IDs...)
	for _, cl := range ce.ExtraClosures {
		c.Closures = append(c.Closures, Closure{From: cl.Dates.Start().String(), To: cl.Dates.Last().String(), Name: cl.Name.In(l)})
	}
	isClosure := func(x civil.Date) bool {
		for _, cl := range ce.ExtraClosures {
			if cl.Dates.Contains(date.Date(x)) {
				return true
			}
		}
		return false
	}
	for _, d := range ce.Desks {
		dj := Desk{ID: d.ID, Name: d.Name.In(l), Location: orNull(d.Location.In(l)), Appointment: d.Appointment,
			BookingURL: orNull(d.BookingURL), Hours: d.Hours, Days: []Day{}}
		if v, err := OSM(ce, d, r, l); err == nil {
			dj.OpeningHours = &v
		}
		for day := r.From; day <= r.To; day++ {
			a := answer.DayOf(l, d.Schedule.Timetable(), civil.Date(day), isClosure)
			dy := Day{Date: day.String(), Intervals: []Interval{}}
			for _, iv := range a.Intervals {
				dy.Intervals = append(dy.Intervals, Interval{Start: iv.Start, End: iv.End, State: iv.Kind.String(),
					Comment: orNull(iv.Comment), Reason: orNull(iv.Reason.In(l))})
			}
			if a.Closed != nil {
				dy.Closed = &Closed{Why: a.Closed.Why, Holiday: orNull(a.Closed.Holiday), Reason: orNull(a.Closed.Reason)}
			}
			dj.Days = append(dj.Days, dy)
		}
		c.Desks = append(c.Desks, dj)
	}
	return c, nil
}

// orNull returns nil for "", else a pointer to s: a JSON null for text
// that is not there.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
