package main

import (
	"io"
	"strconv"
	"strings"

	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/excerpt"
)

// Every command reads its flags with a flagSet rather than package flag,
// so that the flags, their help and their errors are in the output
// language, and so that every command reads them the same way:
//
//   - a flag is written with one dash or two (-lang, --lang), its value
//     after a space or an equals sign (--lang nl, --lang=nl);
//   - flags may come before, between and after the arguments;
//   - "--" ends the flags: what follows is arguments, even when it starts
//     with a dash; "-" alone is an argument (standard input);
//   - -h, -help and --help anywhere before "--" ask for the command's help;
//   - a flag given twice takes its last value;
//   - a flag given empty (--at=) is bad usage: leaving it out is how to
//     get its default.

// problem is something that went wrong, to be said in the output language
// on standard error: a message id (of the cli area), the data for its
// placeholders, and the exit status.
type problem struct {
	status int
	id     string
	data   map[string]any
}

// usageProblem returns a problem of bad usage (exit status 2).
func usageProblem(id string, data map[string]any) *problem {
	return &problem{status: 2, id: id, data: data}
}

// flagValue is the value of a flag: set reads it from the command line.
type flagValue interface {
	set(s string) *problem
}

// stringValue is a flag holding text as given.
type stringValue struct{ p *string }

func (v stringValue) set(s string) *problem { *v.p = s; return nil }

// intValue is a flag holding a whole number.
type intValue struct {
	p    *int
	name string
}

func (v intValue) set(s string) *problem {
	n, err := strconv.Atoi(s)
	if err != nil {
		return usageProblem("cli.flag.not_a_number", map[string]any{"Flag": v.name, "Value": excerpt.Quote(s)})
	}
	*v.p = n
	return nil
}

// flagDef is one flag of a command.
type flagDef struct {
	name string
	// arg and usage are message ids: the name of the value in the help
	// ("FILE"), and what the flag is, with its default.
	arg, usage string
	// hasDefault is set when leaving the flag out gives a default value
	// (which usage states).
	hasDefault bool
	value      flagValue
	given      bool
}

// flagSet is the flags of one command and the arguments left after them.
type flagSet struct {
	flags []*flagDef
	args  []string
	help  bool
}

// define adds a flag.
func (fs *flagSet) define(name, arg, usage string, hasDefault bool, v flagValue) {
	fs.flags = append(fs.flags, &flagDef{name: name, arg: arg, usage: usage, hasDefault: hasDefault, value: v})
}

// String defines a text flag with the value empty until it is given.
func (fs *flagSet) String(name, arg, usage string, hasDefault bool) *string {
	p := new(string)
	fs.define(name, arg, usage, hasDefault, stringValue{p})
	return p
}

// Int defines a whole-number flag with the value 0 until it is given.
func (fs *flagSet) Int(name, arg, usage string, hasDefault bool) *int {
	p := new(int)
	fs.define(name, arg, usage, hasDefault, intValue{p, name})
	return p
}

// lookup returns the flag name, or nil.
func (fs *flagSet) lookup(name string) *flagDef {
	for _, f := range fs.flags {
		if f.name == name {
			return f
		}
	}
	return nil
}

// given reports whether the flag name was given.
func (fs *flagSet) given(name string) bool {
	f := fs.lookup(name)
	return f != nil && f.given
}

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}

// flagName returns the name of the flag that arg is, without its dashes
// and its value, and the value after "=" if any; ok is false for an
// argument that is no flag ("-", "x", "").
func flagName(arg string) (name, value string, hasValue, ok bool) {
	if len(arg) < 2 || arg[0] != '-' {
		return "", "", false, false
	}
	name = strings.TrimPrefix(arg[1:], "-")
	name, value, hasValue = strings.Cut(name, "=")
	return name, value, hasValue, true
}

// parse reads args: the flags into their values, the rest into fs.args.
// It sets fs.help when help is asked for, and then reads nothing else.
// It returns the first problem, with fs.args holding the arguments read so
// far.
func (fs *flagSet) parse(args []string) *problem {
	for _, a := range args {
		if a == "--" {
			break
		}
		if isHelp(a) {
			fs.help = true
			return nil
		}
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			fs.args = append(fs.args, args[i+1:]...)
			return nil
		}
		name, value, hasValue, ok := flagName(a)
		if !ok {
			fs.args = append(fs.args, a)
			continue
		}
		f := fs.lookup(name)
		if f == nil || name == "" || strings.HasPrefix(name, "-") {
			return usageProblem("cli.flag.unknown", map[string]any{"Flag": excerpt.Text(a)})
		}
		if !hasValue {
			if i+1 == len(args) {
				return usageProblem("cli.flag.no_value", map[string]any{"Flag": name})
			}
			i++
			value = args[i]
		}
		if value == "" {
			id := "cli.flag.empty"
			if f.hasDefault {
				id = "cli.flag.empty_default"
			}
			return usageProblem(id, map[string]any{"Flag": name, "Usage": message{f.usage, helpData()}})
		}
		if pr := f.value.set(value); pr != nil {
			return pr
		}
		f.given = true
	}
	return nil
}

// prescanLang returns the value of the last --lang in args before "--",
// or "": what the language of a message about bad usage is decided from,
// when the flags could not all be read.
func prescanLang(args []string) string {
	lang := ""
	for i := 0; i < len(args); i++ {
		if args[i] == "--" {
			break
		}
		name, value, hasValue, ok := flagName(args[i])
		if !ok || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			i++
			value = args[i]
		}
		lang = value
	}
	return lang
}

// writeFlags writes the help of the flags: each flag with the name of its
// value, and what it is on the next line.
func (fs *flagSet) writeFlags(w io.Writer, p *i18n.Printer) {
	for _, f := range fs.flags {
		writeLine(w, p, "cli.help.flag", map[string]any{"Flag": f.name, "Arg": message{f.arg, nil}})
		writeLine(w, p, "cli.help.flag_usage", map[string]any{"Usage": message{f.usage, helpData()}})
	}
	writeLine(w, p, "cli.help.flag_help", nil)
	writeLine(w, p, "cli.help.flag_help_usage", nil)
}
