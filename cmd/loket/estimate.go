package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/report"
	"github.com/expatcentre/loket/services"
)

// setupEstimate is "loket estimate": when the procedure of a service,
// submitted on a date, is expected to be decided, and the latest date by
// law.
func setupEstimate(fs *flagSet) func(c *context, args []string) int {
	serviceID := fs.String("service", "cli.arg.id", "cli.flag.service", false)
	submitted := fs.String("submitted", "cli.arg.date", "cli.flag.submitted", false)
	flags := addCentreFlags(fs)
	return func(c *context, args []string) int {
		ce, code, ok := c.centreCommand(flags, args)
		if !ok {
			return code
		}
		cat := services.New(ce)
		var withPeriods []string
		for _, s := range cat.Services() {
			if len(s.Processing) > 0 {
				withPeriods = append(withPeriods, s.ID)
			}
		}
		switch {
		case *serviceID == "":
			return c.failUsage(usageProblem("cli.estimate.no_service", map[string]any{"Services": joinIDs(withPeriods)}))
		case *submitted == "":
			return c.failUsage(usageProblem("cli.estimate.no_submitted", nil))
		}
		s, found := cat.Service(*serviceID)
		switch {
		case !found:
			return c.failUsage(usageProblem("cli.estimate.unknown_service", map[string]any{"Service": quote(*serviceID), "Services": joinIDs(cat.IDs())}))
		case len(s.Processing) == 0:
			return c.failUsage(usageProblem("cli.estimate.no_periods", map[string]any{"Service": s.ID, "Services": joinIDs(withPeriods)}))
		}
		t, err := time.Parse(time.DateOnly, *submitted)
		if err != nil {
			return c.failUsage(usageProblem("cli.flag.submitted_bad", map[string]any{"Value": quote(*submitted)}))
		}
		if pr := checkDays("submitted", *submitted, date.NewAt(t), date.NewAt(t)); pr != nil {
			return c.failUsage(pr)
		}
		est, err := cat.Estimate(s.ID, date.NewAt(t))
		switch {
		case errors.Is(err, services.ErrOutOfRange):
			return c.fail(2, "cli.estimate.out_of_range", map[string]any{"Error": c.p.Err(err)})
		case err != nil:
			return c.fail(2, "cli.estimate.error", map[string]any{"Error": c.p.Err(err)})
		}
		rep := report.EstimateOf(c.p, ce.ID, s, est)
		return c.writeOutput(*flags.format == "json", rep, func(w io.Writer) error { return writeEstimateText(w, c.p, rep) })
	}
}

// writeEstimateText writes the estimate as text: per period the date it
// gives, how it was counted, and its source, saying when the source does
// not confirm the value.
func writeEstimateText(w io.Writer, p *i18n.Printer, rep report.Estimate) error {
	fmt.Fprintln(w, p.T("estimate.title", map[string]any{"Name": rep.Name, "ID": rep.Service, "Date": p.Date(rep.SubmittedDate)}))
	for _, pj := range rep.Periods {
		fmt.Fprintln(w)
		data := map[string]any{"Date": p.Date(pj.Due), "Name": pj.Name}
		if pj.Kind == string(centre.StatutoryPeriod) {
			fmt.Fprintln(w, p.T("estimate.statutory", data))
		} else {
			fmt.Fprintln(w, p.T("estimate.target", data))
		}
		lines := []string{pj.Explanation}
		if !pj.Verified {
			lines = append(lines, p.T("estimate.unverified", nil))
		}
		if pj.Note != nil {
			lines = append(lines, p.T("estimate.source", map[string]any{"URL": pj.Source, "From": p.Date(pj.From), "Note": *pj.Note}))
		} else {
			lines = append(lines, p.T("estimate.source_no_note", map[string]any{"URL": pj.Source, "From": p.Date(pj.From)}))
		}
		for _, text := range lines {
			for _, l := range wrap(text, 76) {
				fmt.Fprintln(w, "  "+l)
			}
		}
	}
	return nil
}

// wrap breaks text into lines of at most width characters at spaces; a
// word longer than width gets a line of its own.
func wrap(text string, width int) []string {
	var lines []string
	var line strings.Builder
	n := 0
	for _, word := range strings.Fields(text) {
		wn := len([]rune(word))
		if n > 0 && n+1+wn > width {
			lines = append(lines, line.String())
			line.Reset()
			n = 0
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(word)
		n += wn
	}
	if n > 0 {
		lines = append(lines, line.String())
	}
	return lines
}
