package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/report"
	"github.com/expatcentre/loket/route"
	"github.com/expatcentre/loket/services"
)

// setupCheck is "loket check": which residence routes the facts in a
// JSON file (or standard input) are eligible for, and why.
func setupCheck(fs *flagSet) func(c *context, args []string) int {
	flags := addCentreFlags(fs)
	return func(c *context, args []string) int {
		if len(args) > 1 {
			return c.failUsage(usageProblem("cli.check.too_many", map[string]any{"Count": len(args), "Args": excerpt.Text(strings.Join(args, " "))}))
		}
		if pr := checkFormat(*flags.format); pr != nil {
			return c.failUsage(pr)
		}
		var file string
		if len(args) == 1 {
			file = args[0]
		}
		name, data, pr := readFacts(file, c.stdin)
		if pr != nil {
			return c.report(pr)
		}
		ce, ok := c.loadCentre(*flags.centre, int(*flags.maxSize))
		if !ok {
			return 1
		}
		rules, err := eligibility.Default()
		if err != nil {
			return c.fail(1, "cli.check.rules", map[string]any{"Error": c.p.Err(err)})
		}
		facts, err := eligibility.ParseFacts(data)
		if err == nil {
			var res eligibility.Result
			if res, err = rules.Check(facts); err == nil {
				cat := services.New(ce)
				var res2 *report.Residence
				if res2, err = report.FindResidence(ce, centre.Examples(), facts); err != nil {
					return c.fail(2, "cli.check.facts_bad", map[string]any{"File": name, "Error": c.p.Err(err)})
				}
				if *flags.format == "json" {
					v, err := report.Check(c.p, res, cat, res2)
					if err != nil {
						return c.fail(1, "cli.error.write", map[string]any{"Error": err.Error()})
					}
					return c.writeOutput(true, v, nil)
				}
				return c.writeOutput(false, nil, func(w io.Writer) error { return writeCheckText(w, res, c.p, cat, res2) })
			}
		}
		var fe *eligibility.FactsError
		if errors.As(err, &fe) {
			fe.Locate(data)
		}
		return c.fail(2, "cli.check.facts_bad", map[string]any{"File": name, "Error": c.p.Err(err)})
	}
}

// readFacts reads the facts from the file name, or from standard input for
// "" and "-", and returns the name to put in messages. It reads at most
// one byte more than eligibility.MaxFactsSize, for ParseFacts to refuse.
func readFacts(name string, in io.Reader) (string, []byte, *problem) {
	if name == "" || name == "-" {
		data, err := readAtMost(in, eligibility.MaxFactsSize)
		if err != nil {
			return stdinName, nil, &problem{status: 1, id: "cli.check.stdin", data: map[string]any{"Error": err.Error()}}
		}
		return stdinName, data, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return name, nil, readProblem(name, err)
	}
	defer f.Close()
	data, err := readAtMost(f, eligibility.MaxFactsSize)
	if err != nil {
		return name, nil, readProblem(name, err)
	}
	return name, data, nil
}

// stdinName names standard input in messages.
const stdinName = "<stdin>"

// routeIDs lists the route ids for the help.
func routeIDs() string {
	var ids []string
	for _, r := range route.All() {
		ids = append(ids, string(r))
	}
	return strings.Join(ids, ", ")
}

// degreeIDs lists the degree ids for the help.
func degreeIDs() string {
	var ids []string
	for _, d := range eligibility.Degrees() {
		ids = append(ids, string(d))
	}
	return strings.Join(ids, ", ")
}

// writeCheckText writes the reference date, the note on outdated amounts
// and one block per route: its name and outcome, a line per reason marked
// with its effect (✓ met, ✗ failed, ? unknown, – not assessed by loket, ·
// an explanation), the facts needed, the services to book next and the
// procedures decided without a visit.
func writeCheckText(w io.Writer, res eligibility.Result, p *i18n.Printer, cat *services.Catalogue, rs *report.Residence) error {
	fmt.Fprintln(w, p.T("eligibility.date", map[string]any{"date": p.Date(res.Date)}))
	if res.Outdated {
		fmt.Fprintln(w, p.T("eligibility.outdated", map[string]any{"date": p.Date(res.Date)}))
	}
	for _, rr := range res.Routes {
		fmt.Fprintln(w)
		fmt.Fprintln(w, p.T("eligibility.heading", map[string]any{
			"route": eligibility.RouteName(p, rr.Route), "outcome": eligibility.OutcomeName(p, rr.Outcome)}))
		for _, rs := range rr.Reasons {
			fmt.Fprintf(w, "  %s %s\n", effectMark(rs.Effect), rs.Message(p))
		}
		if len(rr.Missing) > 0 {
			fmt.Fprintf(w, "  %s\n", p.T("eligibility.needed", map[string]any{"facts": eligibility.FactList(p, rr.Missing)}))
		}
		visits, procedures := serviceNames(p, cat.BookNext(rr))
		if len(visits) > 0 {
			fmt.Fprintf(w, "  %s\n", p.T("eligibility.services", map[string]any{"services": strings.Join(visits, ", ")}))
		}
		if len(procedures) > 0 {
			fmt.Fprintf(w, "  %s\n", p.T("cli.check.procedures", map[string]any{"Services": strings.Join(procedures, ", ")}))
		}
		if rs != nil {
			for _, s := range cat.BookNext(rr) {
				if !rs.ForResident(s) {
					fmt.Fprintf(w, "  ✗ %s\n", notForYou(p, rs, s))
				}
			}
		}
	}
	if rs != nil {
		fmt.Fprintln(w)
		fmt.Fprintln(w, p.T("areas.check.residence", map[string]any{"Answer": rs.Finding.In(p.Language())}))
	}
	return nil
}

// effectMark is the mark before a reason in the text output.
func effectMark(e eligibility.Effect) string {
	switch e {
	case eligibility.Met:
		return "✓"
	case eligibility.Failed:
		return "✗"
	case eligibility.Unknown:
		return "?"
	case eligibility.NotAssessed:
		return "–"
	}
	return "·"
}

// serviceNames names services by their names, each followed by its id,
// apart: the visits to book and the procedures that are decided without a
// visit.
func serviceNames(p *i18n.Printer, ss []services.Service) (visits, procedures []string) {
	for _, s := range ss {
		name := p.T("eligibility.service", map[string]any{"name": p.Text(s.Name), "id": s.ID})
		if s.IsVisit() {
			visits = append(visits, name)
		} else {
			procedures = append(procedures, name)
		}
	}
	return visits, procedures
}
