package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/export"
)

// exportFormats are the values of loket export's --format.
var exportFormats = []string{"ics", "jsonld", "osm", "json"}

// setupExport is "loket export": a desk's opening hours (or, for json,
// the whole centre) over a range of days, in a format for other systems.
func setupExport(fs *flagSet) func(c *context, args []string) int {
	format := fs.String("format", "cli.arg.format", "export.flag.format", false)
	deskID := fs.String("desk", "cli.arg.id", "cli.flag.desk", true)
	fromFlag := fs.String("from", "cli.arg.date", "export.flag.from", true)
	toFlag := fs.String("to", "cli.arg.date", "export.flag.to", true)
	centreFile := fs.String("centre", "cli.arg.file", "cli.flag.centre", true)
	maxSize := addMaxSizeFlag(fs)
	return func(c *context, args []string) int {
		if pr := cmpProblem(noArguments(args), checkExportFormat(*format)); pr != nil {
			return c.failUsage(pr)
		}
		from, pr := exportDate("from", *fromFlag)
		to, pr2 := exportDate("to", *toFlag)
		if pr := cmpProblem(pr, pr2); pr != nil {
			return c.failUsage(pr)
		}
		ce, ok := c.loadCentre(*centreFile, int(*maxSize))
		if !ok {
			return 1
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
		now := time.Now().In(ce.Location)
		if *fromFlag == "" {
			from = date.NewAt(now)
		}
		r := export.Year(from)
		if *toFlag != "" {
			r.To = to
		}
		if err := export.Check(r); err != nil {
			return c.failUsage(usageProblem("export.error.range", map[string]any{"From": r.From.String(), "To": r.To.String(), "Error": c.p.Err(err)}))
		}
		l := c.p.Language()
		var err error
		w := &errWriter{w: c.stdout}
		switch *format {
		case "ics":
			err = export.ICS(w, ce, desk, r, l, now)
		case "jsonld":
			var b []byte
			if b, err = export.JSONLD(ce, desk, r, l); err == nil {
				_, err = w.Write(b)
			}
		case "osm":
			var v string
			if v, err = export.OSM(ce, desk, r, l); err == nil {
				_, err = fmt.Fprintln(w, v)
			}
		case "json":
			var v *export.Centre
			if v, err = export.JSON(ce, r, l); err == nil {
				err = writeJSON(w, v)
			}
		}
		switch {
		case err == nil && w.err != nil:
			err = w.err
		case err != nil && !errors.Is(err, w.err):
			return c.fail(1, "export.error.failed", map[string]any{"Error": c.p.Err(err)})
		}
		if err != nil {
			return c.fail(1, "cli.error.write", map[string]any{"Error": err.Error()})
		}
		return 0
	}
}

// checkExportFormat checks the value of loket export's --format, which
// has no default.
func checkExportFormat(format string) *problem {
	if format == "" {
		return usageProblem("export.error.format_missing", nil)
	}
	for _, f := range exportFormats {
		if f == format {
			return nil
		}
	}
	return usageProblem("export.error.format_bad", map[string]any{"Value": quote(format)})
}

// exportDate reads the date of --from or --to; "" is no date.
func exportDate(flag, value string) (date.Date, *problem) {
	if value == "" {
		return 0, nil
	}
	t, err := time.Parse(time.DateOnly, value)
	if err != nil {
		return 0, usageProblem("export.error.date_bad", map[string]any{"Flag": flag, "Value": quote(value)})
	}
	return date.NewAt(t), nil
}

// writeTo is io.Writer's use in loket export: errWriter keeps the first
// error of a write, which the export returns too.
var _ io.Writer = (*errWriter)(nil)
