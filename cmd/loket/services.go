package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/services"
)

// nextHorizon is how far `loket services` looks for a service's next
// available moment.
const nextHorizon = 90 * 24 * time.Hour

// setupServices is "loket services": a centre's catalogue, each visit
// with its next available moment, each procedure with its processing
// periods.
func setupServices(fs *flagSet) func(c *context, args []string) int {
	atFlag := addAtFlag(fs)
	flags := addCentreFlags(fs)
	return func(c *context, args []string) int {
		ce, code, ok := c.centreCommand(flags, args)
		if !ok {
			return code
		}
		at, _, pr := instantAndWeek(*atFlag, "", ce.Location)
		if pr == nil {
			pr = checkInstant(*atFlag, at)
		}
		if pr != nil {
			return c.failUsage(pr)
		}
		rep := servicesReport(c.p, services.New(ce), at)
		return c.writeOutput(*flags.format == "json", rep, func(w io.Writer) error { return writeServicesText(w, c.p, rep) })
	}
}

// servicesJSON is the JSON form of `loket services` (docs/json.md); the
// text form shows the same. Texts are in the output language.
type servicesJSON struct {
	Centre      string        `json:"centre"`
	Lang        string        `json:"lang"`
	At          time.Time     `json:"at"`
	HorizonDays int           `json:"horizon_days"`
	Services    []serviceJSON `json:"services"`

	title string
}

// serviceJSON is one service: what every service has, and for a visit
// what it takes to come.
type serviceJSON struct {
	ID          string          `json:"id"`
	Kind        string          `json:"kind"`
	Name        string          `json:"name"`
	Description *string         `json:"description"`
	Desk        string          `json:"desk"`
	DeskName    string          `json:"desk_name"`
	For         audienceJSON    `json:"for"`
	Documents   []string        `json:"documents"`
	Fee         *feeJSON        `json:"fee"`
	Processing  []periodDefJSON `json:"processing"`
	Visit       *visitJSON      `json:"visit"` // null for a procedure

	lines []string // the text form's lines after the first
}

// visitJSON is what a visit to a desk takes: its hours, whether to book,
// where, and when it can be used next.
type visitJSON struct {
	Hours           *string       `json:"hours"`
	Appointment     bool          `json:"appointment"`
	BookingURL      *string       `json:"booking_url"`
	DurationMinutes *int          `json:"duration_minutes"`
	AvailableNow    bool          `json:"available_now"`
	Next            *intervalJSON `json:"next"` // null: not within the horizon
}

type audienceJSON struct {
	Routes        []string `json:"routes"`
	EU            bool     `json:"eu"`
	NonEU         bool     `json:"non_eu"`
	FamilyMembers bool     `json:"family_members"`
}

// feeJSON is the fee in force at the instant asked about.
type feeJSON struct {
	Amount    float64 `json:"amount"`
	Currency  string  `json:"currency"`
	ValidFrom string  `json:"valid_from"`
	Source    string  `json:"source"`
	Note      *string `json:"note"`
	Verified  bool    `json:"verified"`
	Outdated  bool    `json:"outdated"`
}

// periodDefJSON is a processing period as the centre file states it, with
// the value in force at the instant asked about.
type periodDefJSON struct {
	ID        string  `json:"id"`
	Kind      string  `json:"kind"`
	Name      string  `json:"name"`
	Unit      string  `json:"unit"`
	Value     float64 `json:"value"`
	ValidFrom string  `json:"valid_from"`
	Source    string  `json:"source"`
	Note      *string `json:"note"`
	Verified  bool    `json:"verified"`
}

func servicesReport(p *i18n.Printer, cat *services.Catalogue, at time.Time) servicesJSON {
	c := cat.Centre()
	today := date.NewAt(at)
	rep := servicesJSON{
		Centre: c.ID, Lang: p.Lang().String(), At: at, HorizonDays: int(nextHorizon / (24 * time.Hour)),
		Services: []serviceJSON{},
		title: p.T("services.list.title", map[string]any{
			"Centre": p.Text(c.Name), "At": p.T("services.list.date_time", map[string]any{"Date": p.Date(today), "Time": p.Clock(at)}),
		}),
	}
	for _, s := range cat.Services() {
		sj := serviceJSON{
			ID: s.ID, Kind: string(s.Kind), Name: p.Text(s.Name), Description: orNull(p.Text(s.Description)),
			Desk: s.Desk.ID, DeskName: p.Text(s.Desk.Name),
			For:       audienceJSON{Routes: []string{}, EU: s.For.EU, NonEU: s.For.NonEU, FamilyMembers: s.For.FamilyMembers},
			Documents: []string{}, Processing: []periodDefJSON{},
		}
		for _, r := range s.For.Routes {
			sj.For.Routes = append(sj.For.Routes, string(r))
		}
		for _, d := range s.Documents {
			sj.Documents = append(sj.Documents, p.Text(d))
		}
		if v, ok := s.Fee.At(today); ok {
			sj.Fee = &feeJSON{Amount: v.Value, Currency: "EUR", ValidFrom: v.From.String(), Source: v.Source, Note: orNull(noteIn(p, v)),
				Verified: !v.Unverified, Outdated: s.Fee.Outdated(today)}
		}
		for _, t := range s.Processing {
			v, ok := t.Amount.At(today)
			if !ok {
				continue
			}
			sj.Processing = append(sj.Processing, periodDefJSON{ID: t.ID, Kind: string(t.Kind), Name: p.Text(t.Name),
				Unit: string(t.Unit), Value: v.Value, ValidFrom: v.From.String(), Source: v.Source, Note: orNull(noteIn(p, v)),
				Verified: !v.Unverified})
		}
		if s.IsVisit() {
			vj := &visitJSON{Hours: orNull(s.Hours), Appointment: s.Appointment, BookingURL: orNull(s.BookingURL), AvailableNow: s.IsOpen(at)}
			if s.Duration > 0 {
				minutes := int(s.Duration / time.Minute)
				vj.DurationMinutes = &minutes
			}
			if next := s.Next(at, 1, nextHorizon); len(next) > 0 {
				iv := newInterval(p, next[0])
				vj.Next = &iv
			}
			sj.Visit = vj
		}
		sj.lines = serviceLines(p, s, sj, at)
		rep.Services = append(rep.Services, sj)
	}
	return rep
}

// serviceLines are the lines of the text form that describe a service.
func serviceLines(p *i18n.Printer, s services.Service, sj serviceJSON, at time.Time) []string {
	var lines []string
	if sj.Description != nil {
		lines = append(lines, *sj.Description)
	}
	if v := sj.Visit; v != nil {
		about := []string{sj.DeskName}
		if v.Appointment {
			about = append(about, p.T("services.list.appointment", nil))
		} else {
			about = append(about, p.T("services.list.no_appointment", nil))
		}
		if v.DurationMinutes != nil {
			about = append(about, p.T("services.list.duration", map[string]any{"Count": *v.DurationMinutes}))
		}
		lines = append(lines, strings.Join(about, " · "))
	} else {
		lines = append(lines, p.T("services.list.procedure", map[string]any{"Desk": sj.DeskName}))
	}
	lines = append(lines, audienceText(p, s.For))
	if len(sj.Documents) > 0 {
		lines = append(lines, p.T("services.list.documents", map[string]any{"Documents": strings.Join(sj.Documents, "; ")}))
	}
	if v, ok := s.Fee.At(date.NewAt(at)); ok {
		data := map[string]any{
			"Amount": eligibility.FormatMoney(eligibility.Money(math.Round(v.Value*100)), p.Lang()),
			"From":   p.Date(v.From),
		}
		if sj.Fee.Outdated {
			lines = append(lines, p.T("services.list.fee_outdated", data))
		} else {
			lines = append(lines, p.T("services.list.fee", data))
		}
		if !sj.Fee.Verified {
			lines = append(lines, p.T("services.list.fee_unverified", nil))
		}
	}
	if len(sj.Processing) > 0 {
		var ps []string
		for _, pd := range sj.Processing {
			data := map[string]any{"Name": pd.Name, "Length": periodLength(p, centre.Unit(pd.Unit), int(pd.Value))}
			if pd.Verified {
				ps = append(ps, p.T("services.list.period", data))
			} else {
				ps = append(ps, p.T("services.list.period_unverified", data))
			}
		}
		lines = append(lines, p.T("services.list.processing", map[string]any{"Periods": strings.Join(ps, "; ")}))
	}
	v := sj.Visit
	if v == nil {
		return append(lines, p.T("services.list.estimate", map[string]any{"ID": sj.ID}))
	}
	if v.Appointment && v.BookingURL != nil {
		lines = append(lines, p.T("services.list.book", map[string]any{"URL": *v.BookingURL}))
	}
	return append(lines, nextText(p, *v, at))
}

// audienceText says who a service is for.
func audienceText(p *i18n.Printer, a centre.Audience) string {
	var who string
	switch {
	case a.EU && a.NonEU:
		who = p.T("services.who.everyone", nil)
	case a.EU:
		who = p.T("services.who.eu", nil)
	default:
		who = p.T("services.who.non_eu", nil)
	}
	if a.FamilyMembers {
		who = p.T("services.who.with_family", map[string]any{"Who": who})
	}
	if len(a.Routes) == 0 {
		return p.T("services.list.for", map[string]any{"Who": who})
	}
	routes := make([]string, len(a.Routes))
	for i, r := range a.Routes {
		routes[i] = eligibility.RouteName(p, r)
	}
	return p.T("services.list.for_routes", map[string]any{"Who": who, "Routes": strings.Join(routes, ", ")})
}

// periodLength writes the length of a period in its unit: "2 weeks".
func periodLength(p *i18n.Printer, u centre.Unit, n int) string {
	data := map[string]any{"Count": n}
	switch u {
	case centre.WorkingDays:
		return p.T("services.unit.working_days", data)
	case centre.Weeks:
		return p.T("services.unit.weeks", data)
	}
	return p.T("services.unit.days", data)
}

// nextText says when a visit can be made next.
func nextText(p *i18n.Printer, v visitJSON, at time.Time) string {
	if v.Next == nil {
		return p.T("services.list.none", map[string]any{"Count": int(nextHorizon / (24 * time.Hour))})
	}
	iv := schedule.Interval{Start: v.Next.Start, End: v.Next.End}
	if v.AvailableNow {
		until := endClock(iv)
		if date.NewAt(iv.End) != date.NewAt(at) && until != "24:00" {
			until = p.T("services.list.date_time", map[string]any{"Date": p.Date(date.NewAt(iv.End)), "Time": p.Clock(iv.End)})
		}
		return p.T("services.list.now", map[string]any{"Until": until})
	}
	var when string
	if date.NewAt(iv.Start) == date.NewAt(iv.End) || endClock(iv) == "24:00" {
		when = p.DateSpan(iv.Start, iv.End)
	} else {
		when = p.T("services.list.days_span", map[string]any{
			"Start": p.T("services.list.date_time", map[string]any{"Date": p.Date(date.NewAt(iv.Start)), "Time": p.Clock(iv.Start)}),
			"End":   p.T("services.list.date_time", map[string]any{"Date": p.Date(date.NewAt(iv.End)), "Time": p.Clock(iv.End)}),
		})
	}
	if v.Next.State == schedule.Unknown.String() {
		return p.T("services.list.next_unknown", map[string]any{"When": when})
	}
	return p.T("services.list.next", map[string]any{"When": when})
}

// endClock is the clock time an interval ends: "24:00" for midnight at
// the end of its first day.
func endClock(iv schedule.Interval) string {
	if iv.End.Hour() == 0 && iv.End.Minute() == 0 && date.NewAt(iv.End) == date.NewAt(iv.Start)+1 {
		return "24:00"
	}
	return iv.End.Format("15:04")
}

func writeServicesText(w io.Writer, p *i18n.Printer, rep servicesJSON) error {
	fmt.Fprintln(w, rep.title)
	for _, s := range rep.Services {
		fmt.Fprintln(w)
		fmt.Fprintln(w, p.T("services.list.heading", map[string]any{"ID": s.ID, "Name": s.Name}))
		for _, l := range s.lines {
			for i, part := range wrap(l, 76) {
				indent := "  "
				if i > 0 {
					indent = "    "
				}
				fmt.Fprintln(w, indent+part)
			}
		}
	}
	return nil
}
