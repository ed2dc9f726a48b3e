package main

import (
	"github.com/expatcentre/loket/centre"
)

// setupValidate is "loket validate": check centre files, writing every
// error of each, or a one-line summary of each file that loads.
func setupValidate(fs *flagSet) func(c *context, args []string) int {
	maxSize := addMaxSizeFlag(fs)
	return func(c *context, args []string) int {
		if len(args) == 0 {
			return c.failUsage(usageProblem("cli.validate.no_files", nil))
		}
		code := 0
		for _, name := range args {
			data, pr := readCentreFile(name, int(*maxSize))
			if pr != nil {
				code = c.report(pr)
				continue
			}
			ce, err := centre.LoadWithLimits(name, data, centre.Limits{MaxSize: int(*maxSize)})
			if err != nil {
				c.centreErrors(name, err)
				code = 1
				continue
			}
			writeLine(c.stdout, c.p, "centre.validate_ok", map[string]any{
				"File": name, "ID": ce.ID, "Count": len(ce.Desks), "Zone": ce.Location.String(),
			})
		}
		return code
	}
}
