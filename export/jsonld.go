package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"time"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/text"
)

// Office is a desk as a schema.org GovernmentOffice
// (https://schema.org/GovernmentOffice), for search engines: what JSONLD
// writes, with the context "https://schema.org".
type Office struct {
	Context     string  `json:"@context"`
	Type        string  `json:"@type"`
	Name        string  `json:"name"`
	Description string  `json:"description,omitempty"`
	URL         string  `json:"url,omitempty"`
	Address     Address `json:"address"`
	Geo         *Geo    `json:"geo,omitempty"`
	// OpeningHours are the weekly hours: for each set of weekdays with the
	// same usual hours, one specification per interval.
	OpeningHours []Hours `json:"openingHoursSpecification"`
	// SpecialOpeningHours are the days of the range that differ from the
	// weekly hours, and the holidays and exceptions that close days the
	// weekly hours leave closed anyway.
	SpecialOpeningHours []Hours `json:"specialOpeningHoursSpecification"`
}

// Address is a schema.org PostalAddress.
type Address struct {
	Type       string `json:"@type"`
	Street     string `json:"streetAddress,omitempty"`
	PostalCode string `json:"postalCode,omitempty"`
	Locality   string `json:"addressLocality,omitempty"`
	Country    string `json:"addressCountry,omitempty"`
}

// Geo is a schema.org GeoCoordinates.
type Geo struct {
	Type      string  `json:"@type"`
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

// Hours is a schema.org OpeningHoursSpecification: open from Opens to
// Closes (wall-clock times, "09:00") on DayOfWeek, or, for a special day,
// from ValidFrom to ValidThrough (both that day). A closed day is Opens =
// Closes = "00:00".
type Hours struct {
	Type         string   `json:"@type"`
	Name         string   `json:"name,omitempty"`
	DayOfWeek    []string `json:"dayOfWeek,omitempty"`
	Opens        string   `json:"opens"`
	Closes       string   `json:"closes"`
	ValidFrom    string   `json:"validFrom,omitempty"`
	ValidThrough string   `json:"validThrough,omitempty"`
}

// JSONLD returns desk d of centre ce as a schema.org GovernmentOffice in
// JSON-LD, its texts in language l, with the weekly hours of r (for each
// weekday the hours it has most often in r) and the special hours of every
// day of r that differs from them or that a holiday, a closure, an
// exception or a recurrence closes: a closed day as opens = closes =
// "00:00" with validFrom = validThrough = the day, named for its reason.
// Use a Range of twelve months (Year) for search engines.
//
// schema.org cannot say "unknown": an interval of unknown state is left
// out (the day is special when that makes it differ). An interval that
// runs to midnight closes at "23:59", as search engines ask; one that
// runs past midnight closes at its wall-clock end on the next day.
//
// The JSON escapes <, > and & (as \u003c and the like), so that it can be
// put inside a <script type="application/ld+json"> element as it is.
func JSONLD(ce *centre.Centre, d *centre.Desk, r Range, l text.Lang) ([]byte, error) {
	o, err := NewOffice(ce, d, r, l)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(o); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// NewOffice returns the GovernmentOffice that JSONLD writes.
func NewOffice(ce *centre.Centre, d *centre.Desk, r Range, l text.Lang) (*Office, error) {
	if err := Check(r); err != nil {
		return nil, err
	}
	p := newPlan(d, r)
	o := &Office{
		Context: "https://schema.org", Type: "GovernmentOffice",
		Name:        d.Name.In(l) + " – " + ce.Name.In(l),
		Description: ce.Description.In(l),
		URL:         ce.Website,
		Address: Address{Type: "PostalAddress", Street: ce.Address.Street, PostalCode: ce.Address.PostalCode,
			Locality: ce.Address.City, Country: ce.Address.Country},
		OpeningHours:        []Hours{},
		SpecialOpeningHours: []Hours{},
	}
	if o.URL == "" {
		o.URL = d.BookingURL
	}
	if !ce.Coordinates.IsZero() {
		o.Geo = &Geo{Type: "GeoCoordinates", Latitude: ce.Coordinates.Lat, Longitude: ce.Coordinates.Lon}
	}
	// Weekdays with the same usual hours share their specifications,
	// Monday first.
	type group struct {
		days  []string
		spans [][2]string
	}
	var groups []*group
	for _, wd := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		i := p.usual[wd]
		if i < 0 {
			continue
		}
		spans := openSpans(p.days[i].intervals, p)
		if len(spans) == 0 {
			continue
		}
		k := slices.IndexFunc(groups, func(g *group) bool { return slices.Equal(g.spans, spans) })
		if k < 0 {
			groups = append(groups, &group{spans: spans})
			k = len(groups) - 1
		}
		groups[k].days = append(groups[k].days, "https://schema.org/"+wd.String())
	}
	for _, g := range groups {
		for _, s := range g.spans {
			o.OpeningHours = append(o.OpeningHours, Hours{Type: "OpeningHoursSpecification", DayOfWeek: g.days, Opens: s[0], Closes: s[1]})
		}
	}
	for i, dy := range p.days {
		reason, isClosed := closed(ce, d, dy.date, l)
		v := d.Schedule.Day(dy.date)
		special := !p.regular[i] || (isClosed && v.Closed.Source != schedule.SourceRule && v.Closed.Source != schedule.SourceNone)
		if !special {
			continue
		}
		day := dy.date.String()
		spans := openSpans(dy.intervals, p)
		if len(spans) == 0 {
			o.SpecialOpeningHours = append(o.SpecialOpeningHours, Hours{Type: "OpeningHoursSpecification", Name: reason,
				Opens: "00:00", Closes: "00:00", ValidFrom: day, ValidThrough: day})
			continue
		}
		note := ""
		for _, iv := range dy.intervals {
			if n := iv.Reason.In(l); n != "" {
				note = n
				break
			}
		}
		for _, s := range spans {
			o.SpecialOpeningHours = append(o.SpecialOpeningHours, Hours{Type: "OpeningHoursSpecification", Name: note,
				Opens: s[0], Closes: s[1], ValidFrom: day, ValidThrough: day})
		}
	}
	return o, nil
}

// openSpans returns the open intervals as wall-clock opening and closing
// times: 09:00 and 12:30, 23:59 for midnight at the end of the day.
func openSpans(ivs []schedule.Interval, p *plan) [][2]string {
	var spans [][2]string
	for _, iv := range ivs {
		if iv.Kind != schedule.Open {
			continue
		}
		start, end := iv.Start.In(p.loc), iv.End.In(p.loc)
		closes := end.Format("15:04")
		if closes == "00:00" && !end.Equal(start) {
			closes = "23:59"
		}
		spans = append(spans, [2]string{start.Format("15:04"), closes})
	}
	return spans
}
