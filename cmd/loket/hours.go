package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/report"
)

// setupHours is "loket hours": a desk's status now (or at an instant) and
// its hours for a week.
func setupHours(fs *flagSet) func(c *context, args []string) int {
	deskID := fs.String("desk", "cli.arg.id", "cli.flag.desk", true)
	atFlag := addAtFlag(fs)
	weekFlag := fs.String("week", "cli.arg.date", "cli.flag.week", true)
	flags := addCentreFlags(fs)
	return func(c *context, args []string) int {
		ce, code, ok := c.centreCommand(flags, args)
		if !ok {
			return code
		}
		id := *deskID
		if id == "" {
			id = ce.DefaultDesk
		}
		desk, found := ce.Desk(id)
		if !found {
			var ids []string
			for _, d := range ce.Desks {
				ids = append(ids, d.ID)
			}
			return c.failUsage(usageProblem("cli.hours.no_desk", map[string]any{"Desk": quote(id), "Centre": ce.ID, "Desks": joinIDs(ids)}))
		}
		at, monday, pr := instantAndWeek(*atFlag, *weekFlag, ce.Location)
		if pr == nil {
			pr = checkWeek(*atFlag, *weekFlag, at, monday)
		}
		if pr != nil {
			return c.failUsage(pr)
		}
		rep := hoursReport(c.p, ce, desk, at, monday)
		return c.writeOutput(*flags.format == "json", rep, func(w io.Writer) error { return writeHoursText(w, c.p, rep) })
	}
}

// The JSON values of the commands are package report's, which the HTTP
// API sends too.
type (
	hoursJSON    = report.Hours
	intervalJSON = report.Interval
	closedJSON   = report.Closed
)

var (
	orNull      = report.OrNull
	newInterval = report.NewInterval
	closedDay   = report.ClosedDay
	hoursReport = report.HoursOf
)

func writeHoursText(w io.Writer, p *i18n.Printer, rep hoursJSON) error {
	writeLine(w, p, "hours.title", map[string]any{"Desk": rep.DeskName, "Centre": rep.CentreName})
	var about []string
	if rep.Location != nil {
		about = append(about, *rep.Location)
	}
	if rep.Appointment {
		about = append(about, p.T("hours.appointment", nil))
	}
	if len(about) > 0 {
		fmt.Fprintln(w, strings.Join(about, " · "))
	}
	if rep.Appointment && rep.BookingURL != nil {
		writeLine(w, p, "hours.book", map[string]any{"URL": *rep.BookingURL})
	}
	fmt.Fprintln(w, rep.Status.Status)
	fmt.Fprintln(w)
	writeLine(w, p, "hours.week", map[string]any{"Date": rep.Week[0].Label})
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for _, d := range rep.Week {
		fmt.Fprintf(tw, "  %s\t%s\n", d.Label, d.Line)
	}
	return tw.Flush()
}
