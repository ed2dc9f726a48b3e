// Command loket is the terminal side of loket, for the staff of an expat
// centre desk: holidays now, opening hours and services as they are added.
//
// Usage:
//
//	loket <command> [flags]
//	loket help [command]
//
// Exit status: 0 on success, 1 when the work failed, 2 on bad usage.
package main

import (
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // Europe/Amsterdam must resolve on machines without a zone database
)

// command is one subcommand of loket.
type command struct {
	name    string
	summary string // one line, lower-case, for the usage text
	// run runs the command with the arguments after its name and returns
	// the exit status. It parses its own flags with a flag.FlagSet that
	// writes to stderr, and returns 0 after printing help for -h.
	run func(args []string, stdout, stderr io.Writer) int
}

// commands returns loket's subcommands, in the order of the usage text.
func commands() []command {
	return []command{
		{"check", "check eligibility for a residence route", runCheck},
		{"estimate", "estimate when a service's procedure is decided", runEstimate},
		{"holidays", "list the Dutch holidays of a year", runHolidays},
		{"hours", "show a desk's status and its hours this week", runHours},
		{"osm", "evaluate an OpenStreetMap opening_hours expression", runOSM},
		{"services", "list a centre's services and when each can be used", runServices},
		{"validate", "check centre files", runValidate},
		// More commands go here, one line each, with their run function in a
		// file of their own (osm.go: runOSM, ...).
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs loket with the arguments after the program name and returns the
// exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) == 1 {
			usage(stdout)
			return 0
		}
		if c, ok := lookup(args[1]); ok {
			// Help that was asked for goes to stdout.
			c.run([]string{"-h"}, stdout, stdout)
			return 0
		}
		name = args[1]
	default:
		if c, ok := lookup(name); ok {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "loket: unknown command %q\n\n", name)
	usage(stderr)
	return 2
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func usage(w io.Writer) {
	fmt.Fprint(w, `loket is the terminal side of loket, for expat centre desks.

Usage:

	loket <command> [flags]

Commands:

`)
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "\t%-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "loket help <command>" for a command's flags.
`)
}
