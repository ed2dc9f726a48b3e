package centre

import (
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/message"
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
	serviceArea         areaConfig
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
		Name:      m("errors.centre.format"),
		Expected:  m("errors.centre.expected"),
		Depth:     6,
		Keys:      15,
		Values:    m("errors.centre.values"),
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
	missing string // a message id
	decode  func(a at)
}

// m returns the message id, which has no data.
func m(id string) message.Message { return message.New(id, nil) }

// mapping decodes the mapping at a field by field (see
// yamlfile.Decoder.Mapping). what describes the mapping for a type error
// ("a desk"): the id of a message.
func (d *decoder) mapping(a at, what string, fields []field) bool {
	fs := make([]yamlfile.Field, len(fields))
	for i, f := range fields {
		fs[i] = yamlfile.Field{Name: f.name, Decode: f.decode}
		if f.missing != "" {
			fs[i].Missing = m(f.missing)
		}
	}
	return d.Mapping(a, m(what), fs)
}

// quote quotes s for a message, cut to its first 80 characters.
func quote(s string) string { return excerpt.Quote(s) }

// hours decodes opening hours: text, with trailing white space (the line
// break that ends a "|" block) removed. example is the id of a message
// that gives one.
func (d *decoder) hours(a at, example string) val[string] {
	v := d.Str(a, yamlfile.TextOf(m(example)))
	v.V = strings.TrimRight(v.V, " \t\r\n")
	return v
}

// id decodes an id: lower-case letters, digits and single hyphens.
func (d *decoder) id(a at) val[string] {
	what := m("errors.centre.what.id")
	v := d.Str(a, yamlfile.TextOf(what))
	if v.OK && !isID(v.V) {
		d.Report(a, yamlfile.ExpectedText(what, v.V))
		v.OK = false
	}
	return v
}

// text decodes text of the kind what (a message id): "text: what".
func (d *decoder) text(a at, what string) val[string] {
	return d.NonEmpty(a, yamlfile.TextOf(m(what)))
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
	const hoursExample = "errors.centre.what.hours_example"
	d.mapping(doc, "errors.centre.what.centre", []field{
		{"id", "errors.centre.missing.centre_id", func(a at) { c.id = d.id(a) }},
		{"name", "errors.centre.missing.centre_name", func(a at) { c.name = d.Text(a) }},
		{"description", "", func(a at) { c.description = d.Text(a) }},
		{"address", "", func(a at) { c.address = d.address(a) }},
		{"coordinates", "", func(a at) { c.coordinates = d.coordinates(a) }},
		{"website", "", func(a at) { c.website = d.URL(a) }},
		{"booking_url", "", func(a at) { c.bookingURL = d.URL(a) }},
		{"time_zone", "", func(a at) { c.timeZone = d.NonEmpty(a, m("errors.centre.what.time_zone")) }},
		{"default_language", "", func(a at) { c.defaultLanguage = d.OneOf(a, "nl", "en") }},
		{"default_desk", "", func(a at) { c.defaultDesk = d.id(a) }},
		{"holidays", "", func(a at) { c.holidays = d.holidays(a) }},
		{"desks", "errors.centre.missing.desks", func(a at) {
			if d.LimitedList(a, m("errors.centre.what.desks"), maxDesks, m("errors.centre.items.desks"), func(a at) { c.desks = append(c.desks, d.desk(a, hoursExample)) }) &&
				yamlfile.Len(a) == 0 {
				d.Report(a, yamlfile.Expected(m("errors.centre.what.one_desk"), yamlfile.EmptyList()))
			}
		}},
		{"services", "", func(a at) {
			d.LimitedList(a, m("errors.centre.what.services"), maxServices, m("errors.centre.items.services"), func(a at) { c.services = append(c.services, d.service(a)) })
		}},
		{"book_next", "", func(a at) { c.bookNext = d.bookNext(a) }},
		{"service_area", "", func(a at) { c.serviceArea = d.serviceArea(a) }},
	})
	// Each recurrence is expanded over the whole range when its desk's
	// schedule is compiled: the desks share one schedule's allowance.
	n := 0
	for i := range c.desks {
		k := &c.desks[i]
		if keep := maxRecurrences - n; len(k.recurrences) > keep {
			if keep >= 0 {
				d.Fail(k.recurrences[keep].At, "errors.centre.too_many_recurrences", map[string]any{"Max": maxRecurrences})
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
	ok := d.mapping(a, "errors.centre.what.address", []field{
		{"street", "errors.centre.what.street", func(a at) { ad.Street = d.text(a, "errors.centre.what.street").V }},
		{"postal_code", "", func(a at) { ad.PostalCode = d.text(a, "errors.centre.what.postal_code").V }},
		{"city", "errors.centre.what.city", func(a at) { ad.City = d.text(a, "errors.centre.what.city").V }},
		{"country", "", func(a at) {
			v := d.Str(a, yamlfile.TextOf(m("errors.centre.what.country")))
			if v.OK && !isCountry(v.V) {
				d.Report(a, yamlfile.ExpectedText(m("errors.centre.what.iso_country"), v.V))
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
	ok := d.mapping(a, "errors.centre.what.coordinates", []field{
		{"lat", "errors.centre.missing.lat", func(a at) {
			v := d.Number(a)
			if v.OK && (v.V < -90 || v.V > 90) {
				d.Report(a, yamlfile.ExpectedNumber(m("errors.centre.what.lat"), v.V))
			}
			co.Lat = v.V
		}},
		{"lon", "errors.centre.missing.lon", func(a at) {
			v := d.Number(a)
			if v.OK && (v.V < -180 || v.V > 180) {
				d.Report(a, yamlfile.ExpectedNumber(m("errors.centre.what.lon"), v.V))
			}
			co.Lon = v.V
		}},
	})
	return val[Coordinates]{V: co, At: a, OK: ok}
}

func (d *decoder) holidays(a at) holidayConfig {
	var h holidayConfig
	d.mapping(a, "errors.centre.what.holidays", []field{
		{"country", "", func(a at) { h.country = d.Str(a, yamlfile.TextOf(m("errors.centre.what.country_code"))) }},
		{"region", "", func(a at) { h.region = d.Str(a, yamlfile.TextOf(m("errors.centre.what.region_code"))) }},
		{"closed_on", "", func(a at) {
			d.mapping(a, "errors.centre.what.closed_on", []field{
				{"kinds", "", func(a at) {
					d.List(a, m("errors.centre.what.kinds"), func(a at) {
						v := d.OneOf(a, string(holidays.Public), string(holidays.Observance), string(holidays.Regional))
						h.kinds = append(h.kinds, val[holidays.Kind]{V: holidays.Kind(v.V), At: a, OK: v.OK})
					})
				}},
				{"ids", "", func(a at) {
					d.List(a, m("errors.centre.what.holiday_ids"), func(a at) {
						h.ids = append(h.ids, d.Str(a, yamlfile.TextOf(m("errors.centre.what.holiday_id"))))
					})
				}},
			})
		}},
		{"extra_closures", "", func(a at) {
			d.LimitedList(a, m("errors.centre.what.closures"), maxClosures, m("errors.centre.items.closures"), func(a at) {
				var cl closureConfig
				cl.days.At = a
				d.mapping(a, "errors.centre.what.closure", append(cl.days.fields(d),
					field{"name", "errors.centre.missing.closure_name", func(a at) { cl.name = d.Text(a) }}))
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
	d.mapping(a, "errors.centre.what.desk", []field{
		{"id", "errors.centre.missing.desk_id", func(a at) { k.id = d.id(a) }},
		{"name", "errors.centre.missing.desk_name", func(a at) { k.name = d.Text(a) }},
		{"location", "", func(a at) { k.location = d.Text(a) }},
		{"appointment", "", func(a at) { k.appointment = d.Bool(a) }},
		{"booking_url", "", func(a at) { k.bookingURL = d.URL(a) }},
		{"hours", "errors.centre.missing.desk_hours", func(a at) { k.hours = d.hours(a, hoursExample) }},
		{"recurrences", "", func(a at) {
			d.LimitedList(a, m("errors.centre.what.recurrences"), maxRecurrences, m("errors.centre.items.recurrences"), func(a at) {
				r := recurrenceConfig{At: a}
				d.mapping(a, "errors.centre.what.recurrence", []field{
					{"rrule", "errors.centre.missing.rrule", func(a at) {
						r.rrule = d.text(a, "errors.centre.what.rrule")
					}},
					{"start", "", func(a at) { r.start = d.Date(a) }},
					{"hours", "", func(a at) { r.hours = d.hours(a, "errors.centre.what.times_example") }},
					{"closed", "", func(a at) { r.closed = d.Bool(a) }},
					{"reason", "", func(a at) { r.reason = d.Text(a) }},
				})
				k.recurrences = append(k.recurrences, r)
			})
		}},
		{"exceptions", "", func(a at) {
			d.LimitedList(a, m("errors.centre.what.exceptions"), maxClosures, m("errors.centre.items.exceptions"), func(a at) {
				var ex exceptionConfig
				ex.days.At = a
				d.mapping(a, "errors.centre.what.exception", append(ex.days.fields(d),
					field{"hours", "", func(a at) { ex.hours = d.hours(a, "errors.centre.what.times_example") }},
					field{"reason", "", func(a at) { ex.reason = d.Text(a) }}))
				k.exceptions = append(k.exceptions, ex)
			})
		}},
	})
	return k
}
