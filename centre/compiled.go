package centre

import (
	"errors"
	"fmt"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"

	"github.com/expatcentre/loket/dated"
	"github.com/expatcentre/loket/internal/centredata"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/timetable"
	"github.com/expatcentre/loket/municipality"
	"github.com/expatcentre/loket/route"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
	"github.com/expatcentre/loket/text"
)

// MarshalBinary returns the centre in loket's compiled binary form:
// everything its file says, with every schedule compiled, versioned and
// sealed with a checksum. [Decode] loads it without the compilers or YAML,
// and so does the browser widget (`loket widget` writes it).
func (c *Centre) MarshalBinary() ([]byte, error) {
	if c.closures == nil {
		return nil, errors.New("centre: MarshalBinary of a centre that Load or Decode did not make")
	}
	return c.compiled().MarshalBinary()
}

// Decode loads a centre from its compiled binary form (see
// [Centre.MarshalBinary]), in the time zone the form names, which
// time.LoadLocation must know. It answers exactly as the centre that was
// encoded. Damaged, truncated or foreign data gives an error, never a
// panic.
func Decode(data []byte) (*Centre, error) {
	cd, err := centredata.Unmarshal(data)
	if err != nil {
		return nil, fmt.Errorf("centre: %w", err)
	}
	loc, err := time.LoadLocation(cd.Zone)
	if err != nil {
		return nil, fmt.Errorf("centre: the time zone of compiled centre %s: %w", cd.ID, err)
	}
	return fromCompiled(cd, loc)
}

func texts(ts []text.Text) []text.Text { return append([]text.Text(nil), ts...) }

func seriesOut(s dated.Series[float64]) centredata.Series {
	out := centredata.Series{Indexed: s.Indexed}
	for _, e := range s.Entries {
		out.Entries = append(out.Entries, centredata.Entry{
			From: civil.Date(e.From), Value: e.Value, Source: e.Source, Note: e.Note, Unverified: e.Unverified})
	}
	return out
}

func seriesIn(s centredata.Series) dated.Series[float64] {
	out := dated.Series[float64]{Indexed: s.Indexed}
	for _, e := range s.Entries {
		out.Entries = append(out.Entries, dated.Entry[float64]{
			From: date.Date(e.From), Value: e.Value, Source: e.Source, Note: e.Note, Unverified: e.Unverified})
	}
	return out
}

// compiled returns c as compiled data.
func (c *Centre) compiled() *centredata.Centre {
	cd := &centredata.Centre{
		ID: c.ID, Name: c.Name, Description: c.Description,
		Street: c.Address.Street, PostalCode: c.Address.PostalCode, City: c.Address.City, Country: c.Address.Country,
		Lat: c.Coordinates.Lat, Lon: c.Coordinates.Lon,
		Website: c.Website, BookingURL: c.BookingURL, Zone: c.Location.String(),
		DefaultLanguage: c.DefaultLanguage, DefaultDesk: c.DefaultDesk, Region: c.Holidays.Region(),
		ClosureIDs: append([]string(nil), c.HolidayClosures.IDs...),
		Closures:   c.closures.Timetable().Program(),
	}
	for _, k := range c.HolidayClosures.Kinds {
		cd.ClosureKinds = append(cd.ClosureKinds, string(k))
	}
	for _, x := range c.ExtraClosures {
		cd.ExtraClosures = append(cd.ExtraClosures, centredata.Closure{
			From: civil.Date(x.Dates.Start()), To: civil.Date(x.Dates.End()), Name: x.Name})
	}
	for _, d := range c.Desks {
		cd.Desks = append(cd.Desks, centredata.Desk{
			ID: d.ID, Name: d.Name, Location: d.Location, Appointment: d.Appointment,
			BookingURL: d.BookingURL, Hours: d.Hours, Program: d.Schedule.Timetable().Program()})
	}
	for _, s := range c.Services {
		cs := centredata.Service{
			ID: s.ID, Kind: string(s.Kind), Name: s.Name, Description: s.Description, Desk: s.Desk.ID,
			Hours: s.Hours, Appointment: s.Appointment, BookingURL: s.BookingURL,
			DurationSeconds: int64(s.Duration / time.Second),
			EU:              s.For.EU, NonEU: s.For.NonEU, FamilyMembers: s.For.FamilyMembers,
			AreaOnly:  s.For.ServiceAreaOnly,
			Documents: texts(s.Documents), Fee: seriesOut(s.Fee),
		}
		if s.Schedule != nil {
			p := s.Schedule.Timetable().Program()
			cs.Program = &p
		}
		for _, r := range s.For.Routes {
			cs.Routes = append(cs.Routes, string(r))
		}
		for _, t := range s.Processing {
			cs.Processing = append(cs.Processing, centredata.Target{
				ID: t.ID, Kind: string(t.Kind), Name: t.Name, Unit: string(t.Unit), Amount: seriesOut(t.Amount)})
		}
		cd.Services = append(cd.Services, cs)
	}
	for _, a := range c.Advice {
		ca := centredata.Advice{Route: string(a.Route), Outcome: string(a.Outcome), Services: []string{}}
		for _, s := range a.Services {
			ca.Services = append(ca.Services, s.ID)
		}
		cd.Advice = append(cd.Advice, ca)
	}
	cd.AreaName = c.ServiceArea.Name
	for _, m := range c.ServiceArea.Municipalities {
		cd.Area = append(cd.Area, centredata.Member{Code: string(m.Code), Name: m.Name,
			From: civil.Date(m.From), Until: civil.Date(m.Until), Source: m.Source, Note: m.Note, Unverified: m.Unverified})
	}
	return cd
}

// fromCompiled returns the centre of compiled data in loc.
func fromCompiled(cd *centredata.Centre, loc *time.Location) (*Centre, error) {
	cal, err := holidays.Netherlands(cd.Region)
	if err != nil {
		return nil, fmt.Errorf("centre: compiled centre %s: %w", cd.ID, err)
	}
	sched := func(what string, p timetable.Program) (*schedule.Schedule, error) {
		s, err := schedule.New(p, loc)
		if err != nil {
			return nil, fmt.Errorf("centre: compiled centre %s: %s: %w", cd.ID, what, err)
		}
		return s, nil
	}
	c := &Centre{
		ID: cd.ID, Name: cd.Name, Description: cd.Description,
		Address:     Address{Street: cd.Street, PostalCode: cd.PostalCode, City: cd.City, Country: cd.Country},
		Coordinates: Coordinates{Lat: cd.Lat, Lon: cd.Lon},
		Website:     cd.Website, BookingURL: cd.BookingURL, Location: loc,
		DefaultLanguage: cd.DefaultLanguage, Holidays: cal, DefaultDesk: cd.DefaultDesk,
		HolidayClosures: osm.Closures{IDs: append([]string(nil), cd.ClosureIDs...)},
	}
	for _, k := range cd.ClosureKinds {
		c.HolidayClosures.Kinds = append(c.HolidayClosures.Kinds, holidays.Kind(k))
	}
	for _, x := range cd.ExtraClosures {
		c.ExtraClosures = append(c.ExtraClosures, Closure{
			Dates: timespan.BetweenDates(date.Date(x.From), date.Date(x.To)), Name: x.Name})
	}
	if c.closures, err = sched("closures", cd.Closures); err != nil {
		return nil, err
	}
	desks := map[string]*Desk{}
	for _, d := range cd.Desks {
		s, err := sched("desk "+d.ID, d.Program)
		if err != nil {
			return nil, err
		}
		desk := &Desk{ID: d.ID, Name: d.Name, Location: d.Location, Appointment: d.Appointment,
			BookingURL: d.BookingURL, Hours: d.Hours, Schedule: s}
		c.Desks = append(c.Desks, desk)
		desks[d.ID] = desk
	}
	services := map[string]*Service{}
	for _, s := range cd.Services {
		svc := &Service{
			ID: s.ID, Kind: ServiceKind(s.Kind), Name: s.Name, Description: s.Description, Desk: desks[s.Desk],
			Hours: s.Hours, Appointment: s.Appointment, BookingURL: s.BookingURL,
			Duration:  time.Duration(s.DurationSeconds) * time.Second,
			For:       Audience{EU: s.EU, NonEU: s.NonEU, FamilyMembers: s.FamilyMembers, ServiceAreaOnly: s.AreaOnly},
			Documents: texts(s.Documents), Fee: seriesIn(s.Fee),
		}
		if s.Program != nil {
			if svc.Schedule, err = sched("service "+s.ID, *s.Program); err != nil {
				return nil, err
			}
		}
		for _, r := range s.Routes {
			svc.For.Routes = append(svc.For.Routes, route.Route(r))
		}
		for _, t := range s.Processing {
			svc.Processing = append(svc.Processing, Target{
				ID: t.ID, Kind: TargetKind(t.Kind), Name: t.Name, Unit: Unit(t.Unit), Amount: seriesIn(t.Amount)})
		}
		c.Services = append(c.Services, svc)
		services[s.ID] = svc
	}
	for _, a := range cd.Advice {
		adv := Advice{Route: route.Route(a.Route), Outcome: route.Outcome(a.Outcome), Services: []*Service{}}
		for _, id := range a.Services {
			adv.Services = append(adv.Services, services[id])
		}
		c.Advice = append(c.Advice, adv)
	}
	c.ServiceArea.Name = cd.AreaName
	for _, m := range cd.Area {
		c.ServiceArea.Municipalities = append(c.ServiceArea.Municipalities, Member{Code: municipality.Code(m.Code), Name: m.Name,
			From: date.Date(m.From), Until: date.Date(m.Until), Source: m.Source, Note: m.Note, Unverified: m.Unverified})
	}
	return c, nil
}
