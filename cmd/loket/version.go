package main

import "fmt"

// setupVersion is "loket version" (and "loket --version"): the module
// version from the build information, "(devel)" for a binary built from a
// checkout, with the revision and its time when the build recorded them.
func setupVersion(*flagSet) func(c *context, args []string) int {
	return func(c *context, args []string) int {
		if len(args) > 0 {
			return c.failUsage(usageProblem("cli.error.no_arguments", map[string]any{"Arg": quote(args[0])}))
		}
		info, ok := c.buildInfo()
		if !ok {
			return c.fail(1, "cli.version.unknown", nil)
		}
		version := info.Main.Version
		if version == "" {
			version = "(devel)" // a test binary
		}
		writeLine(c.stdout, c.p, "cli.version.version", map[string]any{"Version": version})
		settings := map[string]string{}
		for _, s := range info.Settings {
			settings[s.Key] = s.Value
		}
		if rev := settings["vcs.revision"]; rev != "" {
			data := map[string]any{"Revision": rev, "Time": settings["vcs.time"]}
			if data["Time"] == "" {
				data["Time"] = message{"cli.version.time_unknown", nil}
			}
			id := "cli.version.revision"
			if settings["vcs.modified"] == "true" {
				id = "cli.version.revision_modified"
			}
			writeLine(c.stdout, c.p, id, data)
		}
		if info.GoVersion != "" {
			writeLine(c.stdout, c.p, "cli.version.go", map[string]any{"Go": info.GoVersion})
		}
		return 0
	}
}

// setupHelp is "loket help [command]": loket's usage, or a command's
// help, on standard output.
func setupHelp(*flagSet) func(c *context, args []string) int {
	return func(c *context, args []string) int {
		switch len(args) {
		case 0:
			writeUsage(c.stdout, c.p)
			return 0
		case 1:
		default:
			return c.failUsage(usageProblem("cli.helpcmd.too_many", map[string]any{"Count": len(args)}))
		}
		cmd, ok := lookup(args[0])
		if !ok {
			writeLine(c.stderr, c.p, "cli.error.unknown_command", map[string]any{"Name": quote(args[0])})
			fmt.Fprintln(c.stderr)
			writeUsage(c.stderr, c.p)
			return 2
		}
		fs, _, _ := newFlagSet(&cmd)
		writeHelp(c.stdout, c.p, &cmd, fs)
		return 0
	}
}
