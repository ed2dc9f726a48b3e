// Package centredata is a centre compiled to data: everything its file
// says (names, address, holiday policy, closures, desks with their
// compiled schedules, services with their fees and processing periods) as
// plain values, with a compact, versioned, checksummed binary form.
//
// It is the one compiled form of a centre: package centre compiles a
// centre file into it and loads it back (centre.Default decodes the
// embedded example centres instead of compiling their YAML), `loket
// widget` writes it beside the widget, and the browser decodes it with
// this package and internal/timetable alone, without the compilers, YAML,
// rickb777/date or fmt.
package centredata

import (
	"errors"
	"math"
	"strconv"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/timetable"
	"github.com/expatcentre/loket/internal/wire"
	"github.com/expatcentre/loket/text"
)

// Centre is a compiled centre.
type Centre struct {
	ID                                string
	Name, Description                 text.Text
	Street, PostalCode, City, Country string
	Lat, Lon                          float64 // both 0 when not given
	Website, BookingURL               string
	Zone                              string // IANA name of the time zone
	DefaultLanguage                   string // "nl" or "en"
	DefaultDesk                       string
	Region                            string   // of the holiday calendar: "", "NL-LI", "NL-NB"
	ClosureKinds, ClosureIDs          []string // the holidays every desk closes on
	ExtraClosures                     []Closure
	// Closures is the program of the centre's closures: open around the
	// clock except on its holiday closures and extra closures.
	Closures timetable.Program
	Desks    []Desk
	Services []Service
	Advice   []Advice
	// AreaName and Area are the centre's service area: the
	// municipalities it serves; both empty when it has none.
	AreaName text.Text
	Area     []Member
}

// Member is a municipality of a centre's service area, served from From
// to Until (both included).
type Member struct {
	Code, Name   string
	From, Until  civil.Date
	Source, Note string
	Unverified   bool
}

// Advice is what the centre advises to book after an eligibility check
// that gives Outcome for Route: the ids of services, in order.
type Advice struct {
	Route, Outcome string
	Services       []string
}

// Closure is a named closure of the whole centre, from From to To
// (excluded).
type Closure struct {
	From, To civil.Date
	Name     text.Text
}

// Desk is a desk with its compiled schedule.
type Desk struct {
	ID             string
	Name, Location text.Text
	Appointment    bool
	BookingURL     string // resolved: the desk's, else the centre's
	Hours          string // as written
	Program        timetable.Program
}

// Service is a service of the centre.
type Service struct {
	ID                string
	Kind              string // "visit" or "procedure"
	Name, Description text.Text
	Desk              string             // the id of its desk
	Hours             string             // a visit's own hours, as written; "" for none
	Program           *timetable.Program // Hours compiled; nil for none
	Appointment       bool               // resolved
	BookingURL        string             // resolved
	DurationSeconds   int64
	Routes            []string
	EU, NonEU         bool
	FamilyMembers     bool
	AreaOnly          bool // for residents of the service area only
	Documents         []text.Text
	Fee               Series
	Processing        []Target
}

// Target is a processing period of a service.
type Target struct {
	ID     string
	Kind   string // "target" or "statutory"
	Name   text.Text
	Unit   string // "working-days", "weeks" or "days"
	Amount Series
}

// Series is a dated, sourced value.
type Series struct {
	Indexed bool
	Entries []Entry
}

// Entry is one value of a Series.
type Entry struct {
	From       civil.Date
	Value      float64
	Source     string
	Note       string
	Unverified bool
}

// The binary form, version 3: the magic "LKCE", the version, then the
// fields in the order of the types above (programs as internal/timetable
// writes them), sealed with a checksum. Version 2 added the service area
// and a service's AreaOnly; version 3 the programs of internal/timetable's
// version 2 (periods of monthday ranges, Easter as a range end).
const (
	magic   = "LKCE"
	version = 3
	maxText = 1 << 16
	maxList = 1 << 16
)

// ErrVersion is the error of Unmarshal for a binary form of a version it
// does not know.
var ErrVersion = errors.New("unknown version of the compiled centre form")

// MarshalBinary returns the binary form of c.
func (c *Centre) MarshalBinary() ([]byte, error) {
	w := &wire.Writer{}
	w.Raw([]byte(magic))
	w.Uint(version)
	w.String(c.ID)
	writeText(w, c.Name)
	writeText(w, c.Description)
	for _, s := range []string{c.Street, c.PostalCode, c.City, c.Country} {
		w.String(s)
	}
	w.Uint(math.Float64bits(c.Lat))
	w.Uint(math.Float64bits(c.Lon))
	for _, s := range []string{c.Website, c.BookingURL, c.Zone, c.DefaultLanguage, c.DefaultDesk, c.Region} {
		w.String(s)
	}
	writeStrings(w, c.ClosureKinds)
	writeStrings(w, c.ClosureIDs)
	w.Uint(uint64(len(c.ExtraClosures)))
	for _, x := range c.ExtraClosures {
		w.Int(int64(x.From))
		w.Int(int64(x.To - x.From))
		writeText(w, x.Name)
	}
	c.Closures.Write(w)
	w.Uint(uint64(len(c.Desks)))
	for i := range c.Desks {
		d := &c.Desks[i]
		w.String(d.ID)
		writeText(w, d.Name)
		writeText(w, d.Location)
		writeBool(w, d.Appointment)
		w.String(d.BookingURL)
		w.String(d.Hours)
		d.Program.Write(w)
	}
	w.Uint(uint64(len(c.Services)))
	for i := range c.Services {
		s := &c.Services[i]
		w.String(s.ID)
		w.String(s.Kind)
		writeText(w, s.Name)
		writeText(w, s.Description)
		w.String(s.Desk)
		w.String(s.Hours)
		writeBool(w, s.Program != nil)
		if s.Program != nil {
			s.Program.Write(w)
		}
		writeBool(w, s.Appointment)
		w.String(s.BookingURL)
		w.Int(s.DurationSeconds)
		writeStrings(w, s.Routes)
		writeBool(w, s.EU)
		writeBool(w, s.NonEU)
		writeBool(w, s.FamilyMembers)
		writeBool(w, s.AreaOnly)
		w.Uint(uint64(len(s.Documents)))
		for _, t := range s.Documents {
			writeText(w, t)
		}
		writeSeries(w, s.Fee)
		w.Uint(uint64(len(s.Processing)))
		for _, t := range s.Processing {
			w.String(t.ID)
			w.String(t.Kind)
			writeText(w, t.Name)
			w.String(t.Unit)
			writeSeries(w, t.Amount)
		}
	}
	w.Uint(uint64(len(c.Advice)))
	for _, a := range c.Advice {
		w.String(a.Route)
		w.String(a.Outcome)
		writeStrings(w, a.Services)
	}
	writeText(w, c.AreaName)
	w.Uint(uint64(len(c.Area)))
	for _, m := range c.Area {
		w.String(m.Code)
		w.String(m.Name)
		w.Int(int64(m.From))
		w.Int(int64(m.Until))
		w.String(m.Source)
		w.String(m.Note)
		writeBool(w, m.Unverified)
	}
	w.Seal()
	return w.Bytes(), nil
}

func writeText(w *wire.Writer, t text.Text) {
	w.String(t.NL)
	w.String(t.EN)
}

func writeBool(w *wire.Writer, b bool) {
	if b {
		w.Byte(1)
	} else {
		w.Byte(0)
	}
}

func writeStrings(w *wire.Writer, ss []string) {
	w.Uint(uint64(len(ss)))
	for _, s := range ss {
		w.String(s)
	}
}

func writeSeries(w *wire.Writer, s Series) {
	writeBool(w, s.Indexed)
	w.Uint(uint64(len(s.Entries)))
	for _, e := range s.Entries {
		w.Int(int64(e.From))
		w.Uint(math.Float64bits(e.Value))
		w.String(e.Source)
		w.String(e.Note)
		writeBool(w, e.Unverified)
	}
}

// Unmarshal decodes the binary form of a centre. Damaged, truncated or
// foreign data gives an error (wrapping wire.ErrCorrupt or ErrVersion),
// never a panic. The desks' programs are not checked here: timetable.New
// checks each when the desk's timetable is made.
func Unmarshal(data []byte) (*Centre, error) {
	r, err := wire.Open(data)
	if err != nil {
		return nil, err
	}
	if string(r.Raw(len(magic))) != magic {
		return nil, wire.Corrupt("not a compiled centre")
	}
	if v := r.Uint(); v != version {
		return nil, versionError{v}
	}
	c := &Centre{}
	c.ID = r.String(maxText)
	c.Name, c.Description = readText(r), readText(r)
	c.Street, c.PostalCode, c.City, c.Country = r.String(maxText), r.String(maxText), r.String(maxText), r.String(maxText)
	c.Lat, c.Lon = math.Float64frombits(r.Uint()), math.Float64frombits(r.Uint())
	c.Website, c.BookingURL, c.Zone = r.String(maxText), r.String(maxText), r.String(256)
	c.DefaultLanguage, c.DefaultDesk, c.Region = r.String(16), r.String(maxText), r.String(16)
	c.ClosureKinds, c.ClosureIDs = readStrings(r), readStrings(r)
	c.ExtraClosures = make([]Closure, r.Count(3, maxList))
	for i := range c.ExtraClosures {
		from := civil.Date(r.IntIn(int64(timetable.FirstDay)-1<<20, int64(timetable.LastDay)+1<<20))
		c.ExtraClosures[i] = Closure{From: from, To: from + civil.Date(r.IntIn(1, 1<<20)), Name: readText(r)}
	}
	c.Closures = timetable.Read(r)
	c.Desks = make([]Desk, r.Count(8, maxList))
	for i := range c.Desks {
		d := &c.Desks[i]
		d.ID = r.String(maxText)
		d.Name, d.Location = readText(r), readText(r)
		d.Appointment = readBool(r)
		d.BookingURL, d.Hours = r.String(maxText), r.String(maxText)
		d.Program = timetable.Read(r)
	}
	c.Services = make([]Service, r.Count(16, maxList))
	for i := range c.Services {
		s := &c.Services[i]
		s.ID, s.Kind = r.String(maxText), r.String(32)
		s.Name, s.Description = readText(r), readText(r)
		s.Desk, s.Hours = r.String(maxText), r.String(maxText)
		if readBool(r) {
			p := timetable.Read(r)
			s.Program = &p
		}
		s.Appointment = readBool(r)
		s.BookingURL = r.String(maxText)
		s.DurationSeconds = r.IntIn(0, 1<<40)
		s.Routes = readStrings(r)
		s.EU, s.NonEU, s.FamilyMembers = readBool(r), readBool(r), readBool(r)
		s.AreaOnly = readBool(r)
		s.Documents = make([]text.Text, r.Count(2, maxList))
		for j := range s.Documents {
			s.Documents[j] = readText(r)
		}
		s.Fee = readSeries(r)
		s.Processing = make([]Target, r.Count(6, maxList))
		for j := range s.Processing {
			t := &s.Processing[j]
			t.ID, t.Kind = r.String(maxText), r.String(32)
			t.Name = readText(r)
			t.Unit = r.String(32)
			t.Amount = readSeries(r)
		}
	}
	c.Advice = make([]Advice, r.Count(3, maxList))
	for i := range c.Advice {
		c.Advice[i] = Advice{Route: r.String(64), Outcome: r.String(64), Services: readStrings(r)}
	}
	c.AreaName = readText(r)
	c.Area = make([]Member, r.Count(7, maxList))
	for i := range c.Area {
		m := &c.Area[i]
		m.Code, m.Name = r.String(16), r.String(maxText)
		m.From, m.Until = civil.Date(r.Int()), civil.Date(r.Int())
		m.Source, m.Note = r.String(maxText), r.String(maxText)
		m.Unverified = readBool(r)
	}
	r.Done()
	if err := r.Err(); err != nil {
		return nil, err
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

func readText(r *wire.Reader) text.Text {
	return text.Text{NL: r.String(maxText), EN: r.String(maxText)}
}

func readBool(r *wire.Reader) bool {
	switch r.Byte() {
	case 0:
		return false
	case 1:
		return true
	}
	r.Fail("bad bool")
	return false
}

func readStrings(r *wire.Reader) []string {
	ss := make([]string, r.Count(1, maxList))
	for i := range ss {
		ss[i] = r.String(maxText)
	}
	return ss
}

func readSeries(r *wire.Reader) Series {
	s := Series{Indexed: readBool(r)}
	s.Entries = make([]Entry, r.Count(12, maxList))
	for i := range s.Entries {
		s.Entries[i] = Entry{
			From:  civil.Date(r.IntIn(int64(civil.New(1, 1, 1)), int64(civil.New(9999, 12, 31)))),
			Value: math.Float64frombits(r.Uint()), Source: r.String(maxText), Note: r.String(maxText),
			Unverified: readBool(r),
		}
	}
	return s
}

// check reports the first way in which c is not a centre: no desks, a
// default desk or service desk that names no desk, two desks or services
// with one id.
func (c *Centre) check() error {
	if len(c.Desks) == 0 {
		return wire.Corrupt("compiled centre without desks")
	}
	seen := map[string]bool{}
	for _, d := range c.Desks {
		if seen[d.ID] {
			return errors.New("compiled centre with desk " + wire.Quoted(d.ID) + " twice")
		}
		seen[d.ID] = true
	}
	if !seen[c.DefaultDesk] {
		return errors.New("compiled centre whose default desk " + wire.Quoted(c.DefaultDesk) + " is none of its desks")
	}
	services := map[string]bool{}
	for _, s := range c.Services {
		if !seen[s.Desk] || services[s.ID] {
			return errors.New("compiled centre with service " + wire.Quoted(s.ID) + " twice or at no desk")
		}
		services[s.ID] = true
	}
	for _, a := range c.Advice {
		for _, id := range a.Services {
			if !services[id] {
				return errors.New("compiled centre whose advice names no service " + wire.Quoted(id))
			}
		}
	}
	return nil
}

// DeskIndex returns the index of desk id in c.Desks, and false when there
// is none.
func (c *Centre) DeskIndex(id string) (int, bool) {
	for i := range c.Desks {
		if c.Desks[i].ID == id {
			return i, true
		}
	}
	return 0, false
}

// versionError is the error of Unmarshal for an unknown version.
type versionError struct{ v uint64 }

func (e versionError) Error() string {
	return ErrVersion.Error() + " " + strconv.FormatUint(e.v, 10) + " (this build reads " + strconv.Itoa(version) + ")"
}
func (e versionError) Unwrap() error { return ErrVersion }
