package centre

import (
	"strings"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/catalog"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/municipality"
	"github.com/expatcentre/loket/text"
)

// Finding answers "which centre serves me?" for one municipality on one
// day, across the centres given to [Find]. It is a value; its slices must
// not be modified. Finding words itself in either language ([Finding.In]).
type Finding struct {
	// Query is the question as asked, without the white space around it.
	Query string
	// Day is the day the answer is for.
	Day date.Date
	// Municipality is the municipality asked about, by code and name as
	// the centres' files or the merger table write them. Its Name is
	// empty when none of them knows it (see Known); its Code is empty too
	// when the query was a name.
	Municipality municipality.Municipality
	// Merged is the merger that ended the municipality on or before Day;
	// nil when it still existed then (or loket knows of no merger). The
	// centres then serve Merged.Into, or its own successor.
	Merged *municipality.Merger
	// Served is the municipality the Centres serve on Day: Municipality,
	// or the last successor when it merged.
	Served municipality.Municipality
	// Centres are the centres that serve Served on Day, in the order given
	// to Find; empty when none does.
	Centres []*Centre
}

// Known reports whether the municipality asked about is known: named by
// a centre's service area or by the merger table.
func (f Finding) Known() bool { return f.Municipality.Name != "" }

// maxMergers bounds how many mergers Find follows: a chain of mergers of
// the same territory on different days.
const maxMergers = 16

// Find answers which of centres serve the municipality query on day. The
// query is a CBS code ("GM0935", in any case) or a name ("Maastricht",
// "sittard geleen": case, accents, spaces and hyphens do not matter, see
// [municipality.SameName]). A code that ceased to exist before day (a
// municipality that merged) is answered for its successor, and Merged
// says so; an unknown code or name gets a Finding with no centres, which
// says so too. Find does no I/O and reads no clock; it is what `loket
// centres --municipality` and the HTTP API's
// GET /api/v1/centres?municipality= ask.
//
// Find returns an error (worded in either language, see
// message.Localized) for a query that cannot be a municipality: empty,
// longer than [municipality.MaxQuery] characters, with control
// characters, or "GM" with other than four digits.
func Find(centres []*Centre, query string, day date.Date) (Finding, error) {
	q := strings.TrimSpace(query)
	switch {
	case !municipality.ValidQuery(q):
		return Finding{}, message.NewError("areas.error.query", map[string]any{"Max": municipality.MaxQuery})
	case municipality.LooksLikeCode(q):
		return Finding{}, message.NewError("areas.error.code", map[string]any{"Code": quoteQuery(q)})
	}
	f := Finding{Query: q, Day: day}
	if code, ok := municipality.ParseCode(q); ok {
		f.Municipality = municipality.Municipality{Code: code, Name: nameOf(centres, code, day)}
	} else {
		f.Municipality = byName(centres, q, day)
	}
	f.Served = f.Municipality
	for range maxMergers {
		if f.Served.Code == "" {
			break
		}
		mg, ok := municipality.Successor(f.Served.Code, day)
		if !ok {
			break
		}
		if f.Merged == nil {
			f.Merged = &mg
		}
		f.Served = mg.Into
	}
	if f.Served.Code == "" {
		return f, nil
	}
	for _, c := range centres {
		if _, ok := c.Serves(f.Served.Code, day); ok {
			f.Centres = append(f.Centres, c)
		}
	}
	return f, nil
}

// nameOf returns the name of the municipality with code: as a centre
// serves it on day, else as any centre or the merger table names it; ""
// when none does.
func nameOf(centres []*Centre, code municipality.Code, day date.Date) string {
	name := ""
	for _, c := range centres {
		for _, m := range c.ServiceArea.Municipalities {
			if m.Code == code {
				if m.On(day) {
					return m.Name
				}
				if name == "" {
					name = m.Name
				}
			}
		}
	}
	if name != "" {
		return name
	}
	for _, m := range municipality.Known() {
		if m.Code == code {
			return m.Name
		}
	}
	return ""
}

// byName returns the municipality called name, as a centre serves it on
// day, else as any centre or the merger table names it; the zero
// Municipality when none does.
func byName(centres []*Centre, name string, day date.Date) municipality.Municipality {
	var found municipality.Municipality
	for _, c := range centres {
		for _, m := range c.ServiceArea.Municipalities {
			if municipality.SameName(m.Name, name) {
				if m.On(day) {
					return municipality.Municipality{Code: m.Code, Name: m.Name}
				}
				if found.Code == "" {
					found = municipality.Municipality{Code: m.Code, Name: m.Name}
				}
			}
		}
	}
	if found.Code != "" {
		return found
	}
	for _, m := range municipality.Known() {
		if municipality.SameName(m.Name, name) {
			return m
		}
	}
	return municipality.Municipality{}
}

// quoteQuery quotes a query for a message, cut to its first 80 characters.
func quoteQuery(s string) string { return quote(s) }

// In returns the answer as a sentence in language l: which centres serve
// the municipality, or that none does, and for a merged municipality its
// successor and the day of the merger. Names of centres and
// municipalities are as their files write them.
func (f Finding) In(l text.Lang) string { return f.message().In(l) }

// String returns the answer in English.
func (f Finding) String() string { return f.In(text.English) }

func (f Finding) message() message.Message {
	data := map[string]any{
		"Query": quoteQuery(f.Query), "Name": f.Municipality.Name, "Code": string(f.Municipality.Code),
		"Into": f.Served.Name, "IntoCode": string(f.Served.Code), "Centres": centreList(f.Centres),
	}
	if f.Merged != nil {
		data["On"] = day(f.Merged.On)
	}
	switch {
	case !f.Known() && f.Municipality.Code == "":
		return message.New("areas.answer.unknown_name", data)
	case !f.Known():
		return message.New("areas.answer.unknown_code", data)
	case f.Merged != nil && len(f.Centres) > 0:
		return message.New("areas.answer.merged", data)
	case f.Merged != nil:
		return message.New("areas.answer.merged_none", data)
	case len(f.Centres) > 0:
		return message.New("areas.answer.served", data)
	}
	return message.New("areas.answer.none", data)
}

// centreNames is a list of centres in a sentence: each name with its id.
type centreNames []*Centre

func centreList(cs []*Centre) centreNames { return centreNames(cs) }

// In implements message.Localized: "Maastricht International Centre
// (maastricht), ...".
func (cs centreNames) In(l text.Lang) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Name.In(l) + " (" + c.ID + ")"
	}
	return strings.Join(parts, ", ")
}

// day is a date in a sentence, as the calendar words it in a language.
type day date.Date

func (d day) In(l text.Lang) string { return catalog.Date(l, civil.Date(d)) }
