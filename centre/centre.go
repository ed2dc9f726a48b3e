// Package centre describes an expat centre: its names, address, time zone,
// holiday policy and desks, each desk with a compiled opening-hours
// schedule. A centre is written as one YAML file (the Maastricht
// International Centre's, examples/centres/maastricht.yaml, is built in as
// [Default]); [Load] decodes and checks it and compiles it once into an
// immutable [*Centre].
//
// # The file
//
//	id: maastricht                       # required: lower-case letters, digits, hyphens
//	name: {nl: ..., en: ...}             # required; every text has nl and en
//	description: {nl: ..., en: ...}
//	address: {street: Mosae Forum 10, postal_code: 6211 DW, city: Maastricht, country: NL}
//	coordinates: {lat: 50.8493, lon: 5.6951}
//	website: https://...                 # absolute http(s) URLs
//	booking_url: https://...
//	time_zone: Europe/Amsterdam          # the default
//	default_language: nl                 # nl (the default) or en
//	default_desk: ind                    # a desk id; the default is the first desk
//	holidays:
//	  country: NL                        # the only country known, and the default
//	  region: NL-LI                      # NL-LI or NL-NB add carnival; the default is none
//	  closed_on:
//	    kinds: [public]                  # public, observance, regional
//	    ids: [carnival-monday, carnival-tuesday]
//	  extra_closures:                    # the whole centre, all day
//	    - date: 2026-12-24               # or from: and to:, both included
//	      name: {nl: Kerstavond, en: Christmas Eve}
//	desks:                               # required, at least one
//	  - id: ind                          # required, unique
//	    name: {nl: IND-servicepunt, en: IND service point}   # required
//	    location: {nl: ..., en: ...}     # where in the building
//	    appointment: true
//	    booking_url: https://...                             # absent: the centre's
//	    hours: Tu,Th 09:00-12:30; Fr 13:30-17:00             # required: opening_hours syntax
//	    recurrences:
//	      - rrule: FREQ=MONTHLY;BYDAY=1SA                    # RFC 5545, day-level
//	        start: 2026-01-03                                # unless the rule has DTSTART
//	        hours: "10:00-13:00"                             # absent: all day
//	        closed: false                                    # true: a closure
//	        reason: {nl: ..., en: ...}
//	    exceptions:
//	      - date: 2026-09-15                                 # or from: and to:, both included
//	        hours: "09:00-11:00"                             # absent: closed
//	        reason: {nl: ..., en: ...}
//	services:                            # what the centre offers, see [Service]
//	  - id: ind-hsm-decision             # required, unique
//	    kind: procedure                  # visit (the default) or procedure, see [ServiceKind]
//	    name: {nl: ..., en: ...}         # required
//	    description: {nl: ..., en: ...}
//	    desk: ind                        # required: the desk that provides it
//	    hours: Tu 09:00-12:30            # a visit's: narrower than the desk's; absent: the desk's hours
//	    appointment: true                # a visit's: absent: the desk's
//	    booking_url: https://...         # a visit's: absent: the desk's, else the centre's
//	    duration: 15m                    # a visit's usual length, 1m to 8h
//	    for:
//	      routes: [highly-skilled-migrant]   # residence routes, see package route
//	      nationality: [non-eu]          # eu, non-eu; absent: both
//	      family_members: true
//	      service_area_only: true        # only for residents of service_area
//	    documents:
//	      - {nl: ..., en: ...}
//	    fee:                             # euros, only with a source and a date
//	      indexed: yearly                # absent: changes only when the law does
//	      values:
//	        - {from: 2018-05-03, value: 582, source: https://..., note: ...}
//	    processing:                      # counted from the day after submission
//	      - id: recognised-sponsor       # required, unique within the service
//	        kind: target                 # target (a policy aim) or statutory (the law)
//	        name: {nl: ..., en: ...}     # which applications it is for
//	        unit: weeks                  # working-days, weeks (of 5 working days) or days
//	        values:
//	          - {from: 2024-01-01, value: 2, source: https://..., note: ...}
//	          - {from: 2026-01-01, value: 3, source: https://..., note: ..., verified: false}
//	                                     # verified: false marks a value no source confirms
//	book_next:                           # what to book after an eligibility check, see [Centre.BookNext]
//	  highly-skilled-migrant:            # a residence route of package route
//	    eligible: [ind-biometrics, brp-registration]   # eligible, not-eligible or needs-information:
//	    not-eligible: [immigration-advice]             # service ids, in the order of the visits
//	service_area:                        # the municipalities the centre serves, see [ServiceArea]
//	  name: {nl: Zuid-Limburg, en: South Limburg}
//	  municipalities:                    # required, at least one
//	    - code: GM0935                   # required: the CBS code, GM and four digits
//	      name: Maastricht               # required
//	      from: 2020-01-01               # the first day served; absent: always
//	      until: 2018-12-31              # the last day served; absent: still
//	      source: https://...            # required: an https URL
//	      note: ...
//	      verified: false                # the source does not confirm it
//
// examples/centres/centre.schema.json describes the file as a JSON Schema
// (draft 2020-12) for editors; a test holds it to the fields decoded here.
//
// # Checks
//
// Loading is strict: an unknown field at any depth, a value of the wrong
// type, a missing required field, a malformed date, id or URL, an unknown
// time zone, language, region, holiday kind or holiday id, a malformed
// opening_hours expression or RRULE, an exception that ends before it
// starts or overlaps another, a duplicate desk id and a default_desk that
// names no desk are all errors; so are a duplicate service id, a service
// whose desk does not exist, malformed service hours, a route that package
// route does not know, a statutory period not in days, dated
// values out of date order or without an https source and a note, a
// procedure without processing periods or with the fields of a visit
// (hours, appointment, booking_url, duration), and advice (book_next) for
// an unknown route or outcome or with a service that does not exist or is
// listed twice; so are a malformed municipality code, a municipality
// listed twice for periods that overlap, and a service for residents of
// the service area (service_area_only) in a centre without one. Load
// reports every error of
// a file at once, each with its line, column and field path (see [Error]),
// and returns no centre at all when there is one.
//
// Before it parses a file, Load checks it against [Limits]: a file larger
// than 1 MiB (the size limit can be raised), nested more than [MaxDepth]
// deep, not UTF-8 or otherwise beyond what a centre file needs is refused
// with one error that gives the place, in bounded time and memory. Error
// messages quote at most 80 characters of a value.
//
// # How the layers combine
//
// A desk's schedule is its weekly hours, overridden by its recurrences,
// then by the centre's holiday closures, then by its exceptions (see
// [schedule.Schedule]). The centre's extra closures close every desk and
// win over a desk's own exceptions: an exception that spans a closure
// applies on its other days. [Centre.ClosedOn] tells whether a day is a
// closure of the whole centre, and why, by the same check.
package centre

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2/timespan"

	"github.com/expatcentre/loket/examples/centres"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
)

// Centre is a compiled centre file. It is immutable once loaded and safe
// for concurrent use; its slices and the desks they point to must not be
// modified.
type Centre struct {
	// ID is the centre's short name, such as "maastricht": lower-case
	// letters, digits and hyphens.
	ID string
	// Name and Description are in Dutch and English. Description may be
	// empty.
	Name, Description schedule.Text
	// Address is the centre's postal address; its fields are empty when
	// not given.
	Address Address
	// Coordinates locate the centre; zero when not given.
	Coordinates Coordinates
	// Website and BookingURL are absolute http or https URLs, or empty.
	Website, BookingURL string
	// Location is the centre's time zone, Europe/Amsterdam unless the file
	// names another. Every desk's hours are wall-clock times in it.
	Location *time.Location
	// DefaultLanguage is "nl" or "en": the language for a visitor who
	// states none. "nl" unless the file says otherwise.
	DefaultLanguage string
	// Holidays is the holiday calendar of the centre's region: what PH
	// means in the hours, and where holiday closures are looked up.
	Holidays holidays.Calendar
	// HolidayClosures are the holidays on which every desk is closed.
	HolidayClosures osm.Closures
	// ExtraClosures are the other days on which every desk is closed,
	// sorted by date; they do not overlap.
	ExtraClosures []Closure
	// Desks are the centre's desks, in the order of the file; there is at
	// least one, and their IDs differ.
	Desks []*Desk
	// DefaultDesk is the ID of the desk to show when none is asked for:
	// the one the file names, or else the first.
	DefaultDesk string
	// Services are the centre's services, in the order of the file; their
	// IDs differ, and each names one of Desks. A centre may list none.
	Services []*Service
	// Advice is what the centre advises to book after an eligibility
	// check, per route and outcome (see BookNext), in the order of the
	// file; empty when the file gives none.
	Advice []Advice
	// ServiceArea is the municipalities the centre serves (see Serves);
	// the zero ServiceArea when the file gives none.
	ServiceArea ServiceArea

	// closures is the schedule of the centre's closures (see ClosedOn).
	closures *schedule.Schedule
}

// Address is a postal address.
type Address struct {
	Street     string // street and number: "Mosae Forum 10"
	PostalCode string // "6211 DW"
	City       string // "Maastricht"
	Country    string // ISO 3166-1 alpha-2 code: "NL"
}

// Coordinates are a latitude and a longitude in degrees (WGS 84).
type Coordinates struct {
	Lat, Lon float64
}

// IsZero reports whether c is the zero value, which stands for "not
// given".
func (c Coordinates) IsZero() bool { return c == Coordinates{} }

// Closure is a named closure of the whole centre, such as Christmas Eve.
type Closure struct {
	// Dates are the days closed, all day.
	Dates timespan.DateRange
	// Name is the reason shown to visitors, in Dutch and English.
	Name schedule.Text
}

// Desk is one desk (service point) of a centre. It is immutable and safe
// for concurrent use.
type Desk struct {
	// ID is the desk's short name within its centre, such as "ind".
	ID string
	// Name is the desk's name; Location says where it is in the building,
	// and may be empty.
	Name, Location schedule.Text
	// Appointment is set when visitors need an appointment.
	Appointment bool
	// BookingURL is where to book a visit to the desk: the desk's
	// booking_url, else the centre's; empty when neither is given.
	BookingURL string
	// Hours is the desk's weekly opening_hours expression, as written.
	Hours string
	// Schedule is the desk's compiled schedule: its hours, recurrences and
	// exceptions, with the centre's holiday closures and extra closures.
	Schedule *schedule.Schedule
}

// Desk returns the desk with the given ID, and false when there is none.
func (c *Centre) Desk(id string) (*Desk, bool) {
	for _, d := range c.Desks {
		if d.ID == id {
			return d, true
		}
	}
	return nil, false
}

// Load decodes and compiles a centre file. filename names the file in
// errors; data is its contents. When the file has problems, Load returns
// nil and an [Errors] listing every one of them.
//
// Load refuses a file larger than [DefaultMaxSize] (1 MiB), nested more
// than [MaxDepth] deep, or otherwise beyond the default [Limits], before
// parsing it, with one error; [LoadWithLimits] takes other limits.
//
// Load does no I/O except loading the time zone (time.LoadLocation), which
// reads the system's zone database or the one embedded by importing
// time/tzdata.
func Load(filename string, data []byte) (*Centre, error) {
	return LoadWithLimits(filename, data, Limits{})
}

// Default returns the built-in centre: the Maastricht International
// Centre of the embedded examples/centres/maastricht.yaml, decoded from its
// compiled form (maastricht.loket, which a test holds equal to what the
// YAML compiles to): a decode, not a YAML compile (see
// BenchmarkDefault). Each call decodes anew, so keep the result.
//
// Default panics if the embedded data does not load. The package's tests
// rule out broken data, which leaves one cause: a machine without a time
// zone database that knows Europe/Amsterdam. Programs for such machines
// import time/tzdata, as cmd/loket does.
func Default() *Centre {
	c, err := Decode(centres.MaastrichtCompiled())
	if err != nil {
		panic(fmt.Sprintf("centre: the embedded %s does not load: %v", centres.MaastrichtCompiledFile, err))
	}
	return c
}

// Examples returns the example centres that ship with loket
// (examples/centres: Maastricht, the default, first, then The Hague and
// Eindhoven), each decoded from its compiled form. Each call decodes
// anew, so keep the result. It panics, as Default does, when the embedded
// data does not load.
func Examples() []*Centre {
	var out []*Centre
	for _, name := range centres.Files() {
		data, ok := centres.Compiled(name)
		if !ok {
			panic(fmt.Sprintf("centre: the embedded %s has no compiled form", name))
		}
		c, err := Decode(data)
		if err != nil {
			panic(fmt.Sprintf("centre: the embedded compiled form of %s does not load: %v", name, err))
		}
		out = append(out, c)
	}
	return out
}
