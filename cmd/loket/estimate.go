package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/services"
)

// runEstimate is "loket estimate": when the procedure of a service,
// submitted on a date, is expected to be decided, and the latest date by
// law.
func runEstimate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("estimate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: loket estimate -service ID -submitted YYYY-MM-DD [-centre FILE] [-lang nl|en] [-format text|json]

Estimate when the procedure that a service starts (an IND decision, a
registration) is done, for an application submitted on a date: each
processing period of the service counted from the day after submission, in
the unit it states. Working days and weeks (5 working days each) skip
weekends and the days the centre is closed (its holidays and extra
closures); a statutory period in calendar days that ends on a Saturday,
Sunday or public holiday is extended to the next day that is none of those
(Algemene termijnenwet, article 1). Every date comes with the days skipped
and why, and the source of the period.

Without -centre, the built-in Maastricht International Centre is used. The
language comes from -lang, else LANG, else the centre's default.
Flags may also be written with two dashes (--service).
Exit status: 0 with an estimate, 1 when the centre file cannot be loaded,
2 for bad usage: an unknown service, a service without processing periods,
a malformed date.

Flags:
`)
		fs.PrintDefaults()
	}
	serviceID := fs.String("service", "", "the service `id`, such as ind-hsm-decision")
	submitted := fs.String("submitted", "", "the `date` of submission, like 2026-12-21")
	flags := addCentreFlags(fs)
	c, p, code, ok := parseCentreCommand("estimate", fs, flags, args, stderr)
	if !ok {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "loket estimate: "+format+"\n", a...)
		return 2
	}
	cat := services.New(c)
	if *serviceID == "" {
		return fail("missing -service: the services are %s", strings.Join(cat.IDs(), ", "))
	}
	if *submitted == "" {
		return fail("missing -submitted: the date of submission, like 2026-12-21")
	}
	t, err := time.Parse(time.DateOnly, *submitted)
	if err != nil {
		return fail("-submitted %q: want a date like 2026-12-21", *submitted)
	}
	if err := checkDays("submitted", *submitted, date.NewAt(t), date.NewAt(t)); err != nil {
		return fail("%v", err)
	}
	est, err := cat.Estimate(*serviceID, date.NewAt(t))
	if err != nil {
		return fail("%v", err)
	}
	s, _ := cat.Service(est.Service)
	rep := estimateReport(p, c.ID, s, est)
	if *flags.format == "json" {
		if err := writeJSON(stdout, rep); err != nil {
			fmt.Fprintf(stderr, "loket estimate: %v\n", err)
			return 1
		}
		return 0
	}
	writeEstimateText(stdout, p, rep)
	return 0
}

// estimateJSON is the JSON form of `loket estimate`; the text form shows
// the same. Texts are in the output language.
type estimateJSON struct {
	Centre    string       `json:"centre"`
	Service   string       `json:"service"`
	Name      string       `json:"name"`
	Lang      string       `json:"lang"`
	Submitted string       `json:"submitted"`
	Periods   []periodJSON `json:"periods"`

	submitted date.Date
}

type periodJSON struct {
	ID          string        `json:"id"`
	Kind        string        `json:"kind"`
	Name        string        `json:"name"`
	Unit        string        `json:"unit"`
	Value       float64       `json:"value"`
	Days        int           `json:"days"`
	Start       string        `json:"start"`
	End         string        `json:"end"`
	Date        string        `json:"date"`
	Extended    bool          `json:"extended"`
	Skipped     []skippedJSON `json:"skipped"`
	ValidFrom   string        `json:"valid_from"`
	Source      string        `json:"source"`
	Note        string        `json:"note"`
	Explanation string        `json:"explanation"`

	due, from date.Date
}

type skippedJSON struct {
	Date    string `json:"date"`
	Why     string `json:"why"` // weekend, holiday or closure
	Holiday string `json:"holiday,omitempty"`
	Name    string `json:"name,omitempty"`
}

func estimateReport(p *i18n.Printer, centreID string, s services.Service, est services.Estimate) estimateJSON {
	rep := estimateJSON{
		Centre: centreID, Service: s.ID, Name: p.Text(s.Name), Lang: p.Lang().String(),
		Submitted: est.Submitted.String(), Periods: []periodJSON{}, submitted: est.Submitted,
	}
	for _, pd := range est.Periods {
		pj := periodJSON{
			ID: pd.Target.ID, Kind: string(pd.Target.Kind), Name: p.Text(pd.Target.Name), Unit: string(pd.Target.Unit),
			Value: pd.Value.Value, Days: pd.Days, Start: pd.Start.String(), End: pd.End.String(), Date: pd.Due.String(),
			Extended: pd.Extended(), Skipped: []skippedJSON{},
			ValidFrom: pd.Value.From.String(), Source: pd.Value.Source, Note: pd.Value.Note,
			Explanation: pd.Explain(p), due: pd.Due, from: pd.Value.From,
		}
		for _, sk := range pd.Skipped {
			pj.Skipped = append(pj.Skipped, skippedJSON{Date: sk.Date.String(), Why: sk.Why.String(), Holiday: sk.Holiday, Name: p.Text(sk.Name)})
		}
		rep.Periods = append(rep.Periods, pj)
	}
	return rep
}

func writeEstimateText(w io.Writer, p *i18n.Printer, rep estimateJSON) {
	fmt.Fprintln(w, p.T("estimate.title", map[string]any{"Name": rep.Name, "ID": rep.Service, "Date": p.Date(rep.submitted)}))
	for _, pj := range rep.Periods {
		fmt.Fprintln(w)
		data := map[string]any{"Date": p.Date(pj.due), "Name": pj.Name}
		if pj.Kind == string(centre.StatutoryPeriod) {
			fmt.Fprintln(w, p.T("estimate.statutory", data))
		} else {
			fmt.Fprintln(w, p.T("estimate.target", data))
		}
		for _, l := range wrap(pj.Explanation, 76) {
			fmt.Fprintln(w, "  "+l)
		}
		for _, l := range wrap(p.T("estimate.source", map[string]any{"URL": pj.Source, "From": p.Date(pj.from), "Note": pj.Note}), 76) {
			fmt.Fprintln(w, "  "+l)
		}
	}
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
