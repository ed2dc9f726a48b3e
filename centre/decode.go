package centre

import (
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/yamlfile"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
)

// Decoding walks the YAML syntax tree with package yamlfile, which goes
// on after a problem and reports every problem of the file at once, each
// with its line, column and field path. This file is the centre's schema:
// it checks the shape and the format of each value (fields, types, dates,
// URLs, ids); compile then checks what the values mean.

// config is a centre file as written, before compilation. Every value keeps
// the place where it was written, so that compile can point at it.
type config struct {
	doc                 at
	id                  val[string]
	name, description   val[schedule.Text]
	address             val[Address]
	coordinates         val[Coordinates]
	website, bookingURL val[string]
	timeZone            val[string]
	defaultLanguage     val[string]
	defaultDesk         val[string]
	holidays            holidayConfig
	desks               []deskConfig
	services            []serviceConfig
	bookNext            []adviceConfig
}

type holidayConfig struct {
	country, region val[string]
	kinds           []val[holidays.Kind]
	ids             []val[string]
	extra           []closureConfig
}

type closureConfig struct {
	days days
	name val[schedule.Text]
}

type deskConfig struct {
	At             at
	id             val[string]
	name, location val[schedule.Text]
	appointment    val[bool]
	bookingURL     val[string]
	hours          val[string]
	recurrences    []recurrenceConfig
	exceptions     []exceptionConfig
}

type recurrenceConfig struct {
	At     at
	rrule  val[string]
	start  val[date.Date]
	hours  val[string]
	closed val[bool]
	reason val[schedule.Text]
}

type exceptionConfig struct {
	days   days
	hours  val[string]
	reason val[schedule.Text]
}

// days is the date range of a closure or exception, written as one date or
// as from and to (both included).
type days struct {
	At       at // the closure or exception
	date     val[date.Date]
	from, to val[date.Date]
}

// at is the place of a value in the file, and val a decoded value with
// its place (see package yamlfile).
type (
	at         = yamlfile.At
	val[T any] = yamlfile.Val[T]
)

// centreFormat is the centre file for yamlfile: how it is named in
// messages, what real files are like, and the years of its dates.
func centreFormat(maxSize int) yamlfile.Format {
	return yamlfile.Format{
		Name:      "a centre file",
		Expected:  "a centre with id, name and desks",
		Depth:     6,
		Keys:      13,
		Values:    "a few hundred",
		MaxSize:   maxSize,
		FirstYear: holidays.FirstYear,
		LastYear:  holidays.LastYear,
	}
}

// decoder decodes one centre file, collecting errors.
type decoder struct {
	*yamlfile.Decoder
}

// field describes a field of a mapping: its name, what is missing when it
// is required and absent ("the centre's id"; empty when it is optional),
// and how to decode its value.
type field struct {
	name    string
	missing string
	decode  func(a at)
}

// mapping decodes the mapping at a field by field (see
// yamlfile.Decoder.Mapping). what describes the mapping for a type error
// ("a desk").
func (d *decoder) mapping(a at, what string, fields []field) bool {
	fs := make([]yamlfile.Field, len(fields))
	for i, f := range fields {
		fs[i] = yamlfile.Field{Name: f.name, Missing: f.missing, Decode: f.decode}
	}
	return d.Mapping(a, what, fs)
}

// quote quotes s for a message, cut to its first 80 characters.
func quote(s string) string { return excerpt.Quote(s) }

// hours decodes opening hours: text, with trailing white space (the line
// break that ends a "|" block) removed.
func (d *decoder) hours(a at, example string) val[string] {
	v := d.Str(a, "text: "+example)
	v.V = strings.TrimRight(v.V, " \t\r\n")
	return v
}

// id decodes an id: lower-case letters, digits and single hyphens.
func (d *decoder) id(a at) val[string] {
	const what = "an id of lower-case letters, digits and hyphens, such as maastricht"
	v := d.Str(a, "text: "+what)
	if v.OK && !isID(v.V) {
		d.Errorf(a, "expected %s, found %s", what, quote(v.V))
		v.OK = false
	}
	return v
}

func isID(s string) bool {
	if s == "" || len(s) > 64 || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// The most items of the lists that make compiling a centre expensive:
// every desk's schedule holds the extra closures of the centre; a desk
// is compiled once, reporting every error at once; a recurrence is
// expanded over the whole range. A centre has a few desks, tens of
// closures and a few recurrences; the recurrences of all desks together
// may be as many as one schedule takes.
const (
	maxDesks       = 100
	maxClosures    = 1000 // extra closures of the centre, exceptions of a desk
	maxRecurrences = osm.MaxRecurrences
	maxServices    = 1000
)

// centre decodes the whole file.
func (d *decoder) centre(doc at) *config {
	c := &config{doc: doc}
	const hoursExample = `an opening_hours expression such as "Tu,Th 09:00-12:30"`
	d.mapping(doc, "a centre: a mapping with id, name, desks and more", []field{
		{"id", "the centre's id, such as maastricht", func(a at) { c.id = d.id(a) }},
		{"name", "the centre's name in nl and en", func(a at) { c.name = d.Text(a) }},
		{"description", "", func(a at) { c.description = d.Text(a) }},
		{"address", "", func(a at) { c.address = d.address(a) }},
		{"coordinates", "", func(a at) { c.coordinates = d.coordinates(a) }},
		{"website", "", func(a at) { c.website = d.URL(a) }},
		{"booking_url", "", func(a at) { c.bookingURL = d.URL(a) }},
		{"time_zone", "", func(a at) { c.timeZone = d.NonEmpty(a, "a time zone such as Europe/Amsterdam") }},
		{"default_language", "", func(a at) { c.defaultLanguage = d.OneOf(a, "nl", "en") }},
		{"default_desk", "", func(a at) { c.defaultDesk = d.id(a) }},
		{"holidays", "", func(a at) { c.holidays = d.holidays(a) }},
		{"desks", "the desks: a list with at least one desk", func(a at) {
			if d.LimitedList(a, "a list of desks (- id: ...)", maxDesks, "desks", func(a at) { c.desks = append(c.desks, d.desk(a, hoursExample)) }) &&
				yamlfile.Len(a) == 0 {
				d.Errorf(a, "expected at least one desk, found an empty list")
			}
		}},
		{"services", "", func(a at) {
			d.LimitedList(a, "a list of services (- id: ...)", maxServices, "services", func(a at) { c.services = append(c.services, d.service(a)) })
		}},
		{"book_next", "", func(a at) { c.bookNext = d.bookNext(a) }},
	})
	// Each recurrence is expanded over the whole range when its desk's
	// schedule is compiled: the desks share one schedule's allowance.
	n := 0
	for i := range c.desks {
		k := &c.desks[i]
		if keep := maxRecurrences - n; len(k.recurrences) > keep {
			if keep >= 0 {
				d.Errorf(k.recurrences[keep].At, "more than %d recurrences in the centre's desks: they have at most %d in all", maxRecurrences, maxRecurrences)
			}
			k.recurrences = k.recurrences[:max(keep, 0)]
			n = maxRecurrences + 1
			continue
		}
		n += len(k.recurrences)
	}
	return c
}

func (d *decoder) address(a at) val[Address] {
	var ad Address
	ok := d.mapping(a, "an address (street, postal_code, city)", []field{
		{"street", "the street and number", func(a at) { ad.Street = d.NonEmpty(a, "text: the street and number").V }},
		{"postal_code", "", func(a at) { ad.PostalCode = d.NonEmpty(a, "text: the postal code").V }},
		{"city", "the city", func(a at) { ad.City = d.NonEmpty(a, "text: the city").V }},
		{"country", "", func(a at) {
			v := d.Str(a, "text: a country code such as NL")
			if v.OK && !isCountry(v.V) {
				d.Errorf(a, "expected a two-letter ISO 3166 country code such as NL, found %s", quote(v.V))
			}
			ad.Country = v.V
		}},
	})
	return val[Address]{V: ad, At: a, OK: ok}
}

func isCountry(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}

func (d *decoder) coordinates(a at) val[Coordinates] {
	var co Coordinates
	ok := d.mapping(a, "coordinates (lat, lon)", []field{
		{"lat", "the latitude in degrees", func(a at) {
			v := d.Number(a)
			if v.OK && (v.V < -90 || v.V > 90) {
				d.Errorf(a, "expected a latitude from -90 to 90 degrees, found %v", v.V)
			}
			co.Lat = v.V
		}},
		{"lon", "the longitude in degrees", func(a at) {
			v := d.Number(a)
			if v.OK && (v.V < -180 || v.V > 180) {
				d.Errorf(a, "expected a longitude from -180 to 180 degrees, found %v", v.V)
			}
			co.Lon = v.V
		}},
	})
	return val[Coordinates]{V: co, At: a, OK: ok}
}

func (d *decoder) holidays(a at) holidayConfig {
	var h holidayConfig
	d.mapping(a, "a holiday policy (country, region, closed_on, extra_closures)", []field{
		{"country", "", func(a at) { h.country = d.Str(a, "text: a country code") }},
		{"region", "", func(a at) { h.region = d.Str(a, "text: a region code such as NL-LI") }},
		{"closed_on", "", func(a at) {
			d.mapping(a, "the holidays the centre is closed on (kinds, ids)", []field{
				{"kinds", "", func(a at) {
					d.List(a, "a list of holiday kinds such as [public]", func(a at) {
						v := d.OneOf(a, string(holidays.Public), string(holidays.Observance), string(holidays.Regional))
						h.kinds = append(h.kinds, val[holidays.Kind]{V: holidays.Kind(v.V), At: a, OK: v.OK})
					})
				}},
				{"ids", "", func(a at) {
					d.List(a, "a list of holiday ids such as [carnival-monday]", func(a at) {
						h.ids = append(h.ids, d.Str(a, "text: a holiday id such as carnival-monday"))
					})
				}},
			})
		}},
		{"extra_closures", "", func(a at) {
			d.LimitedList(a, "a list of closures (- date: ...)", maxClosures, "closures", func(a at) {
				var cl closureConfig
				cl.days.At = a
				d.mapping(a, "a closure (date or from and to, name)", append(cl.days.fields(d),
					field{"name", "the closure's name in nl and en", func(a at) { cl.name = d.Text(a) }}))
				h.extra = append(h.extra, cl)
			})
		}},
	})
	return h
}

// fields returns the fields of a date range: date, or from and to.
func (ds *days) fields(d *decoder) []field {
	return []field{
		{"date", "", func(a at) { ds.date = d.Date(a) }},
		{"from", "", func(a at) { ds.from = d.Date(a) }},
		{"to", "", func(a at) { ds.to = d.Date(a) }},
	}
}

func (d *decoder) desk(a at, hoursExample string) deskConfig {
	k := deskConfig{At: a}
	d.mapping(a, "a desk: a mapping with id, name, hours and more", []field{
		{"id", "the desk's id, such as ind", func(a at) { k.id = d.id(a) }},
		{"name", "the desk's name in nl and en", func(a at) { k.name = d.Text(a) }},
		{"location", "", func(a at) { k.location = d.Text(a) }},
		{"appointment", "", func(a at) { k.appointment = d.Bool(a) }},
		{"booking_url", "", func(a at) { k.bookingURL = d.URL(a) }},
		{"hours", "the desk's hours: " + hoursExample, func(a at) { k.hours = d.hours(a, hoursExample) }},
		{"recurrences", "", func(a at) {
			d.LimitedList(a, "a list of recurrences (- rrule: ...)", maxRecurrences, "recurrences", func(a at) {
				r := recurrenceConfig{At: a}
				d.mapping(a, "a recurrence (rrule, start, hours, closed, reason)", []field{
					{"rrule", "the RFC 5545 rule, such as FREQ=MONTHLY;BYDAY=1MO", func(a at) {
						r.rrule = d.NonEmpty(a, "text: an RFC 5545 rule such as FREQ=MONTHLY;BYDAY=1MO")
					}},
					{"start", "", func(a at) { r.start = d.Date(a) }},
					{"hours", "", func(a at) { r.hours = d.hours(a, `times such as "10:00-12:00"`) }},
					{"closed", "", func(a at) { r.closed = d.Bool(a) }},
					{"reason", "", func(a at) { r.reason = d.Text(a) }},
				})
				k.recurrences = append(k.recurrences, r)
			})
		}},
		{"exceptions", "", func(a at) {
			d.LimitedList(a, "a list of exceptions (- date: ...)", maxClosures, "exceptions", func(a at) {
				var ex exceptionConfig
				ex.days.At = a
				d.mapping(a, "an exception (date or from and to, hours, reason)", append(ex.days.fields(d),
					field{"hours", "", func(a at) { ex.hours = d.hours(a, `times such as "10:00-12:00"`) }},
					field{"reason", "", func(a at) { ex.reason = d.Text(a) }}))
				k.exceptions = append(k.exceptions, ex)
			})
		}},
	})
	return k
}
