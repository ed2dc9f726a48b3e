package main

import (
	"fmt"
	"io"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/report"
	"github.com/expatcentre/loket/municipality"
)

// setupCentres is "loket centres": which of the loaded centres (the
// example centres and those of --centre) serve a municipality, or the
// service area of each.
func setupCentres(fs *flagSet) func(c *context, args []string) int {
	muni := fs.String("municipality", "areas.arg.municipality", "areas.flag.municipality", false)
	day := fs.String("date", "cli.arg.date", "areas.flag.date", true)
	files := new([]string)
	fs.define("centre", "cli.arg.file", "areas.flag.centre", true, listValue{files})
	maxSize := addMaxSizeFlag(fs)
	format := addFormatFlag(fs)
	return func(c *context, args []string) int {
		if pr := cmpProblem(noArguments(args), checkFormat(*format)); pr != nil {
			return c.failUsage(pr)
		}
		d := date.NewAt(time.Now().In(amsterdam()))
		if fs.given("date") {
			t, err := time.Parse(time.DateOnly, *day)
			if err != nil {
				return c.failUsage(usageProblem("areas.cli.date_bad", map[string]any{"Value": quote(*day)}))
			}
			d = date.NewAt(t)
			if pr := checkDays("date", *day, d, d); pr != nil {
				return c.failUsage(pr)
			}
		}
		cs, ok := c.loadAllCentres(*files, int(*maxSize))
		if !ok {
			return 1
		}
		rep := centresReport{Lang: c.p.Language().String(), Date: d.String(), Centres: []centreAreaJSON{}}
		var finding *centre.Finding
		if fs.given("municipality") {
			f, err := centre.Find(cs, *muni, d)
			if err != nil {
				return c.failUsage(usageProblem("areas.cli.municipality_bad", map[string]any{"Error": c.p.Err(err)}))
			}
			finding = &f
			rep.fill(c.p, f)
			cs = f.Centres
		}
		for _, ce := range cs {
			rep.Centres = append(rep.Centres, centreArea(c.p, ce, d))
		}
		return c.writeOutput(*format == "json", rep, func(w io.Writer) error { return writeCentresText(w, c.p, rep, finding) })
	}
}

// amsterdam returns the zone in which "today" is taken: the example
// centres' (cmd/loket imports time/tzdata, so it is always there).
func amsterdam() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return time.UTC
	}
	return loc
}

// loadAllCentres returns the example centres and the centres of files,
// which replace an example centre of the same id; two files with one id
// are a problem. On failure it writes the problem.
func (c *context) loadAllCentres(files []string, maxSize int) ([]*centre.Centre, bool) {
	cs := centre.Examples()
	from := map[string]string{} // id -> file
	for _, file := range files {
		data, pr := readCentreFile(file, maxSize)
		if pr != nil {
			c.report(pr)
			return nil, false
		}
		ce, err := centre.LoadWithLimits(file, data, centre.Limits{MaxSize: maxSize})
		if err != nil {
			c.centreErrors(file, err)
			return nil, false
		}
		if other, dup := from[ce.ID]; dup {
			c.fail(1, "areas.cli.same_id", map[string]any{"File": other, "Other": file, "ID": ce.ID})
			return nil, false
		}
		from[ce.ID] = file
		replaced := false
		for i, x := range cs {
			if x.ID == ce.ID {
				cs[i], replaced = ce, true
			}
		}
		if !replaced {
			cs = append(cs, ce)
		}
	}
	return cs, true
}

// centresReport is the JSON form of `loket centres` (docs/json.md).
type centresReport struct {
	Lang         string           `json:"lang"`
	Date         string           `json:"date"`
	Query        *string          `json:"query"`
	Answer       *string          `json:"answer"`
	Municipality *municipalityRef `json:"municipality"`
	Merged       *mergerJSON      `json:"merged"`
	Centres      []centreAreaJSON `json:"centres"`
}

// municipalityRef is a municipality by code and name; Name is null for a
// code that no table names.
type municipalityRef = report.MunicipalityRef

type mergerJSON struct {
	On       string          `json:"on"`
	Into     municipalityRef `json:"into"`
	Source   string          `json:"source"`
	Verified bool            `json:"verified"`
}

type centreAreaJSON struct {
	ID             string       `json:"id"`
	Name           string       `json:"name"`
	City           *string      `json:"city"`
	Website        *string      `json:"website"`
	Area           *string      `json:"area"`
	Municipalities []memberJSON `json:"municipalities"`
}

type memberJSON struct {
	Code     string  `json:"code"`
	Name     string  `json:"name"`
	From     *string `json:"from"`
	Until    *string `json:"until"`
	Source   string  `json:"source"`
	Verified bool    `json:"verified"`
}

// fill sets the fields of the answer about a municipality.
func (r *centresReport) fill(p *i18n.Printer, f centre.Finding) {
	q, answer := f.Query, f.In(p.Language())
	r.Query, r.Answer = &q, &answer
	r.Municipality = ref(f.Municipality)
	if f.Merged != nil {
		r.Merged = &mergerJSON{On: f.Merged.On.String(), Into: *ref(f.Served), Source: f.Merged.Source, Verified: !f.Merged.Unverified}
	}
}

// ref returns m for JSON: nil for no municipality (an unknown name).
func ref(m municipality.Municipality) *municipalityRef { return report.Ref(m) }

// centreArea returns the service area of ce on day, for JSON and text.
func centreArea(p *i18n.Printer, ce *centre.Centre, day date.Date) centreAreaJSON {
	out := centreAreaJSON{ID: ce.ID, Name: p.Text(ce.Name), City: orNull(ce.Address.City), Website: orNull(ce.Website),
		Area: orNull(p.Text(ce.ServiceArea.Name)), Municipalities: []memberJSON{}}
	for _, m := range ce.ServiceArea.OnDay(day) {
		mj := memberJSON{Code: string(m.Code), Name: m.Name, Source: m.Source, Verified: !m.Unverified}
		if m.From != date.Min() {
			mj.From = orNull(m.From.String())
		}
		if m.Until != date.Max() {
			mj.Until = orNull(m.Until.String())
		}
		out.Municipalities = append(out.Municipalities, mj)
	}
	return out
}

// writeCentresText writes the answer about a municipality, if asked, and
// each centre with the municipalities it serves on the day.
func writeCentresText(w io.Writer, p *i18n.Printer, rep centresReport, f *centre.Finding) error {
	if f != nil {
		fmt.Fprintln(w, *rep.Answer)
		if rep.Merged != nil {
			fmt.Fprintln(w, p.T("areas.out.merger_source", map[string]any{"Source": rep.Merged.Source}))
		}
		if len(rep.Centres) > 0 {
			fmt.Fprintln(w)
		}
	}
	for i, ca := range rep.Centres {
		if i > 0 {
			fmt.Fprintln(w)
		}
		city := ""
		if ca.City != nil {
			city = *ca.City
		}
		fmt.Fprintln(w, p.T("areas.out.centre", map[string]any{"Name": ca.Name, "ID": ca.ID, "City": city}))
		if ca.Area == nil && len(ca.Municipalities) == 0 {
			fmt.Fprintln(w, p.T("areas.out.no_area", nil))
			continue
		}
		area := ""
		if ca.Area != nil {
			area = *ca.Area
		}
		fmt.Fprintln(w, p.T("areas.out.area", map[string]any{"Area": area, "Count": len(ca.Municipalities), "Date": p.Date(mustDate(rep.Date))}))
		for _, m := range ca.Municipalities {
			id := "areas.out.member"
			if !m.Verified {
				id = "areas.out.member_unverified"
			}
			fmt.Fprintln(w, p.T(id, map[string]any{"Name": m.Name, "Code": m.Code}))
		}
	}
	return nil
}

// mustDate parses a date that this program wrote.
func mustDate(s string) date.Date {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return date.Date(0)
	}
	return date.NewAt(t)
}
