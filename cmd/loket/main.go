// Command loket answers the questions of an expat centre's desks from a
// terminal: when a desk is open, which holidays close it, which services
// it offers, how long a procedure takes and who is eligible for which
// residence permit, in Dutch or English.
//
// Usage:
//
//	loket <command> [flags] [arguments]
//	loket help [command]
//	loket version
//
// Every command follows the same rules. Flags may come before or after
// the arguments, with one dash or two, their value after a space or "="
// (--lang nl, -lang=nl); "--" ends them. The language is --lang, else the
// first of LC_ALL, LC_MESSAGES and LANG that is set and not empty (C and
// POSIX state none), else the centre's default language (Dutch for the
// built-in centre and for commands without a centre). Every message, on
// standard output and standard error, comes from the Dutch and English
// message files of package i18n (the area cli for the tool's own).
//
// Exit status: 0 on success, 1 when the work failed, 2 on bad usage.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Amsterdam must resolve on machines without a zone database

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/export"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/municipality"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
)

// command is one subcommand of loket: its name, its usage and help as
// message ids of the cli area, and the function that defines its flags and
// returns its run function (as cmd/go's base.Command keeps a command's
// texts beside its Run).
type command struct {
	name string
	// args is what follows "loket NAME" in the usage line: "[flags] FILE...".
	args string
	// summary says in one lower-case line what the command does.
	summary string
	// help explains the command: what it does and shows, and its exit
	// status, in paragraphs.
	help string
	// setup defines the command's flags on fs (--lang is every command's
	// and defined by runCommand) and returns the function that runs the
	// command with the arguments left after the flags.
	setup func(fs *flagSet) func(c *context, args []string) int
}

// commands returns loket's commands, in the order of the usage text.
func commands() []command {
	return []command{
		{"centres", "areas.cmd.args", "areas.cmd.summary", "areas.cmd.help", setupCentres},
		{"check", "cli.check.args", "cli.check.summary", "cli.check.help", setupCheck},
		{"estimate", "cli.estimate.args", "cli.estimate.summary", "cli.estimate.help", setupEstimate},
		{"export", "export.cli.args", "export.cli.summary", "export.cli.help", setupExport},
		{"holidays", "cli.holidays.args", "cli.holidays.summary", "cli.holidays.help", setupHolidays},
		{"hours", "cli.hours.args", "cli.hours.summary", "cli.hours.help", setupHours},
		{"osm", "cli.osm.args", "cli.osm.summary", "cli.osm.help", setupOSM},
		{"serve", "cli.serve.args", "cli.serve.summary", "cli.serve.help", setupServe},
		{"services", "cli.services.args", "cli.services.summary", "cli.services.help", setupServices},
		{"validate", "cli.validate.args", "cli.validate.summary", "cli.validate.help", setupValidate},
		{"version", "cli.version.args", "cli.version.summary", "cli.version.help", setupVersion},
		{"widget", "cli.widget.args", "cli.widget.summary", "cli.widget.help", setupWidget},
		{"help", "cli.helpcmd.args", "cli.helpcmd.summary", "cli.helpcmd.help", setupHelp},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs loket with the arguments after the program name, standard
// input and the process's environment, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	return runWith(&invocation{stdin: os.Stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, buildInfo: debug.ReadBuildInfo}, args)
}

// runWith runs loket as inv says, with the arguments after the program
// name, and returns the exit status.
func runWith(inv *invocation, args []string) int {
	if len(args) == 0 {
		c := newContext(inv, &command{}, "")
		writeUsage(c.stderr, c.p)
		return 2
	}
	name := args[0]
	switch {
	case isHelp(name):
		name = "help"
	case name == "--version" || name == "-version":
		name = "version"
	}
	cmd, ok := lookup(name)
	if !ok {
		c := newContext(inv, &command{}, prescanLang(args))
		id := "cli.error.unknown_command"
		if strings.HasPrefix(name, "-") {
			id = "cli.error.flag_first" // loket --lang en help
		}
		writeLine(c.stderr, c.p, id, map[string]any{"Name": quote(name)})
		fmt.Fprintln(c.stderr)
		writeUsage(c.stderr, c.p)
		return 2
	}
	return runCommand(inv, &cmd, args[1:])
}

// lookup returns the command name.
func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// runCommand reads the flags of cmd from args, decides the language, and
// runs it (or writes its help).
func runCommand(inv *invocation, cmd *command, args []string) int {
	fs, runFunc, lang := newFlagSet(cmd)
	pr := fs.parse(args)
	langValue := *lang
	if pr != nil || fs.help {
		langValue = prescanLang(args) // parse stopped before the end
	}
	c := newContext(inv, cmd, langValue)
	switch {
	case fs.help:
		writeHelp(c.stdout, c.p, cmd, fs)
		return 0
	case pr != nil:
		return c.failUsage(pr)
	case *lang != "" && !validLang(*lang):
		return c.failUsage(usageProblem("cli.flag.lang_bad", map[string]any{"Value": quote(*lang)}))
	}
	return runFunc(c, fs.args)
}

// newFlagSet returns the flags of cmd, with --lang last, the function
// that runs it, and the value of --lang.
func newFlagSet(cmd *command) (fs *flagSet, run func(c *context, args []string) int, lang *string) {
	fs = &flagSet{}
	run = cmd.setup(fs)
	lang = fs.String("lang", "cli.arg.lang", "cli.flag.lang", true)
	return fs, run, lang
}

// writeUsage writes loket's usage: what it is, its commands, and the
// rules that every command follows.
func writeUsage(w io.Writer, p *i18n.Printer) {
	writeLine(w, p, "cli.usage.about", nil)
	fmt.Fprintln(w)
	writeLine(w, p, "cli.usage.usage", nil)
	fmt.Fprintln(w)
	writeLine(w, p, "cli.usage.commands", nil)
	fmt.Fprintln(w)
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "\t%-*s  %s\n", width, c.name, p.T(c.summary, nil))
	}
	fmt.Fprintln(w)
	writeLine(w, p, "cli.usage.rules", nil)
}

// writeHelp writes the help of cmd, whose flags are fs: its usage line,
// what it does, its flags and the rules of every command.
func writeHelp(w io.Writer, p *i18n.Printer, cmd *command, fs *flagSet) {
	writeLine(w, p, "cli.help.usage", map[string]any{"Command": cmd.name, "Args": message{cmd.args, nil}})
	fmt.Fprintln(w)
	writeLine(w, p, cmd.help, helpData())
	fmt.Fprintln(w)
	writeLine(w, p, "cli.help.flags", nil)
	fs.writeFlags(w, p)
	fmt.Fprintln(w)
	writeLine(w, p, "cli.help.rules", nil)
}

// helpData is the data of the help texts and of the flags' usage: the
// numbers and lists they mention.
func helpData() map[string]any {
	return map[string]any{
		"Routes":      routeIDs(),
		"Degrees":     degreeIDs(),
		"MaxSize":     defaultMaxSize(),
		"MaxDepth":    centre.MaxDepth,
		"HorizonDays": int(nextHorizon / (24 * time.Hour)),
		"FirstYear":   holidays.FirstYear,
		"LastYear":    holidays.LastYear,
		"FirstDay":    schedule.FirstDay.String(),
		"MaxQuery":    municipality.MaxQuery,
		"LastDay":     schedule.LastDay.String(),
		"MaxDays":     export.MaxDays,

		"MaxRequests":     maxRequests,
		"ShutdownSeconds": int(shutdownTimeout / time.Second),
	}
}
