package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/excerpt"
)

// runCheck is "loket check": which residence routes the facts in a JSON
// file (or standard input) are eligible for, and why.
func runCheck(args []string, stdout, stderr io.Writer) int {
	return check(args, os.Stdin, stdout, stderr)
}

// check is runCheck reading standard input from stdin.
func check(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: loket check [-lang nl|en] [-format text|json] [FILE]

Decide for every residence route whether the facts are eligible, with the
reasons, the legal parameters they cite and the centre's services to book
next. The facts are a JSON object of at most 64 KiB, read from FILE or,
without FILE or with "-", from standard input:

  {"date": "2026-03-01", "nationality": "IN", "birth_date": "1994-05-10",
   "purpose": "highly-skilled-migrant", "gross_monthly_salary": 6100.00,
   "recognised_sponsor": true, "graduated_on": "2025-07-01", "contract_months": 24}

date (YYYY-MM-DD) and nationality (ISO 3166-1 alpha-2) are required; age may
replace birth_date; family_of (the route of the person a family member
joins), ict_role (manager, specialist or trainee) and group_employment_months
describe family members and intra-corporate transferees. purpose is one of
%s;
that route comes first, then the others.

With -format json the result is
  {"date": ..., "routes": [{"route": ..., "outcome": ..., "reasons":
    [{"code": ..., "message": ..., "params": {...}}], "services": [...]}]}
with "outdated": true after the date when the amounts may be outdated (a
year or more after their last known indexation), and "missing" (the facts
asked for) in a route whose outcome is needs-information.

The language comes from -lang, else LANG, else English.
Flags may also be written with two dashes (--lang nl).
Exit status: 0 with a result, 1 when FILE cannot be read, 2 for bad usage or
facts that are not valid.

Flags:
`, routeIDs())
		fs.PrintDefaults()
	}
	lang := fs.String("lang", "", "`language` of the messages: nl or en (default from LANG, else en)")
	format := fs.String("format", "text", "output `format`: text or json")
	centreFile := fs.String("centre", "", "a centre `file` whose service names the text output uses (default: the built-in Maastricht International Centre)")
	maxSize := addMaxSizeFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(stderr, "loket check: "+format+"\n", a...)
		return code
	}
	if *format != "text" && *format != "json" {
		return fail(2, "-format %s: want text or json", excerpt.Quote(*format))
	}
	if *lang != "" && *lang != "nl" && *lang != "en" {
		return fail(2, "-lang %s: want nl or en", excerpt.Quote(*lang))
	}
	if fs.NArg() > 1 {
		return fail(2, "want at most one FILE, got %d arguments: %s", fs.NArg(), excerpt.Text(strings.Join(fs.Args(), " ")))
	}

	name, data, err := readFacts(fs.Arg(0), stdin)
	if err != nil {
		return fail(1, "%v", err)
	}
	c, ok := loadCentre("check", *centreFile, int(*maxSize), stderr)
	if !ok {
		return 1
	}
	rules, err := eligibility.Default()
	if err != nil {
		return fail(1, "%v", err)
	}
	facts, err := eligibility.ParseFacts(data)
	if err == nil {
		var res eligibility.Result
		res, err = rules.Check(facts)
		if err == nil {
			p := i18n.NewPrinter(i18n.Match(language.English, *lang, os.Getenv("LANG")))
			if *format == "json" {
				err = writeCheckJSON(stdout, res, p)
			} else {
				err = writeCheckText(stdout, res, p, c)
			}
			if err != nil {
				return fail(1, "%v", err)
			}
			return 0
		}
	}
	var fe *eligibility.FactsError
	if errors.As(err, &fe) {
		fe.Locate(data)
		if fe.Line > 0 {
			return fail(2, "%s:%v", name, err)
		}
	}
	return fail(2, "%s: %v", name, err)
}

// readFacts reads the facts from the file name, or from standard input for
// "" and "-", and returns the name to put in messages. It reads at most
// one byte more than eligibility.MaxFactsSize, for ParseFacts to refuse.
func readFacts(name string, in io.Reader) (string, []byte, error) {
	if name == "" || name == "-" {
		data, err := readAtMost(in, eligibility.MaxFactsSize)
		if err != nil {
			return "<stdin>", nil, fmt.Errorf("reading standard input: %w", err)
		}
		return "<stdin>", data, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return name, nil, err
	}
	defer f.Close()
	data, err := readAtMost(f, eligibility.MaxFactsSize)
	return name, data, err
}

// routeIDs lists the route ids for the usage text.
func routeIDs() string {
	ids := make([]string, 0, 7)
	for _, r := range eligibility.Routes() {
		ids = append(ids, string(r))
	}
	return strings.Join(ids, ", ")
}

// writeCheckJSON writes the JSON contract of loket check.
func writeCheckJSON(w io.Writer, res eligibility.Result, p *i18n.Printer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res.Contract(p))
}

// writeCheckText writes the reference date, the note on outdated amounts
// and one block per route: its name and outcome, a line per reason marked
// with its effect (✓ met, ✗ failed, ? unknown, · an explanation), the facts
// needed and the services to book next.
func writeCheckText(w io.Writer, res eligibility.Result, p *i18n.Printer, c *centre.Centre) error {
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
		_, err := fmt.Fprintf(w, "  %s\n", p.T("eligibility.services", map[string]any{"services": serviceNames(p, c, rr.Services)}))
		if err != nil {
			return err
		}
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
	}
	return "·"
}

// serviceNames lists services by their names in the centre's catalogue,
// each followed by its id; an id the centre lacks is shown as it is.
func serviceNames(p *i18n.Printer, c *centre.Centre, ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		for _, s := range c.Services {
			if s.ID == id {
				names[i] = p.T("eligibility.service", map[string]any{"name": p.Text(s.Name), "id": id})
			}
		}
	}
	return strings.Join(names, ", ")
}
