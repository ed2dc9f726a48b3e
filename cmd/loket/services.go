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
	"github.com/expatcentre/loket/internal/report"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/services"
)

// nextHorizon is how far `loket services` looks for a service's next
// available moment.
const nextHorizon = report.NextHorizon

type (
	servicesJSON = report.Services
	serviceJSON  = report.Service
	visitJSON    = report.Visit
)

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
		cat := services.New(ce)
		rep := report.ServicesOf(c.p, cat, at)
		return c.writeOutput(*flags.format == "json", rep, func(w io.Writer) error { return writeServicesText(w, c.p, cat, rep) })
	}
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

// writeServicesText writes rep, the services of cat, as text: a title,
// then per service its heading and the lines that describe it.
func writeServicesText(w io.Writer, p *i18n.Printer, cat *services.Catalogue, rep servicesJSON) error {
	fmt.Fprintln(w, p.T("services.list.title", map[string]any{
		"Centre": p.Text(cat.Centre().Name),
		"At":     p.T("services.list.date_time", map[string]any{"Date": p.Date(date.NewAt(rep.At)), "Time": p.Clock(rep.At)}),
	}))
	for _, sj := range rep.Services {
		s, _ := cat.Service(sj.ID)
		fmt.Fprintln(w)
		fmt.Fprintln(w, p.T("services.list.heading", map[string]any{"ID": sj.ID, "Name": sj.Name}))
		for _, l := range serviceLines(p, s, sj, rep.At) {
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
