package main

import (
	goctx "context"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/widget"
)

// invocation is what one run of loket is given: the standard streams, the
// environment and the build information, so that tests can run loket with
// their own.
type invocation struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// getenv returns an environment variable, "" when it is not set.
	getenv func(string) string
	// buildInfo returns the build information of the binary
	// (debug.ReadBuildInfo).
	buildInfo func() (*debug.BuildInfo, bool)

	builtin *centre.Centre // the built-in centre, once loaded

	// buildWidget builds the browser widget (loket widget, loket serve);
	// nil builds it with the go command (widget.Build), which tests
	// replace with a faster build.
	buildWidget func(ctx goctx.Context, opt widget.Options) (*widget.Bundle, error)
}

// defaultCentre returns the built-in centre, loading it on first use.
func (inv *invocation) defaultCentre() *centre.Centre {
	if inv.builtin == nil {
		inv.builtin = centre.Default()
	}
	return inv.builtin
}

// The language rule, the same for every command:
//
//  1. --lang nl or --lang en;
//  2. else the first of LC_ALL, LC_MESSAGES and LANG that is set and not
//     empty, as POSIX orders them: its language when it is Dutch or
//     English (nl_NL.UTF-8, en_GB.UTF-8, nl, en-US); C, POSIX or another
//     language state no preference;
//  3. else the centre's default language: default_language in the centre
//     file that the command shows, and before that file is loaded (or for
//     a command without one: osm, holidays, validate, version, help) the
//     built-in centre's, Dutch.

// builtinLanguage is the default language of the built-in centre
// (default_language in examples/centres/maastricht.yaml, which
// TestBuiltinLanguage checks): the language before a centre is loaded, and
// of the commands without one. A constant, so that those commands need not
// compile the built-in centre to learn it.
const builtinLanguage = "nl"

// envLanguage returns the value of the first of LC_ALL, LC_MESSAGES and
// LANG (the variables that state a language, in the order of precedence
// of POSIX) that is set and not empty, and "" when none is.
func (inv *invocation) envLanguage() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := inv.getenv(name); v != "" {
			return v
		}
	}
	return ""
}

// validLang reports whether s is a value of --lang: nl or en.
func validLang(s string) bool { return s == "nl" || s == "en" }

// chooseLanguage decides the language of the output by the language rule:
// lang is the value of --lang (ignored unless nl or en), env the value of
// envLanguage, and centreDefault the default language of the centre shown
// ("nl" or "en"). preferred reports whether lang or env decided, so that
// no centre's default changes the choice.
func chooseLanguage(lang, env, centreDefault string) (tag language.Tag, preferred bool) {
	if validLang(lang) {
		return language.Make(lang), true
	}
	if tag, ok := envTag(env); ok {
		return tag, true
	}
	return i18n.Match(language.Make(centreDefault)), false
}

// envTag returns the language that env, a value of envLanguage, names,
// and false when it names neither Dutch nor English (C, POSIX, de_DE, "").
func envTag(env string) (language.Tag, bool) {
	// Match falls back on its first argument when env names no language
	// it supports: asked with two fallbacks, it gives two answers.
	nl, en := i18n.Match(language.Dutch, env), i18n.Match(language.English, env)
	return nl, nl == en
}

// message is a message id with its data, put in the output language when
// it is printed: a value of the data of another message may be one.
type message struct {
	id   string
	data map[string]any
}

// render returns the message id in p's language, with the values of data
// that are messages rendered first.
func render(p *i18n.Printer, id string, data map[string]any) string {
	if len(data) > 0 {
		d := make(map[string]any, len(data))
		for k, v := range data {
			if m, ok := v.(message); ok {
				v = render(p, m.id, m.data)
			}
			d[k] = v
		}
		data = d
	}
	return p.T(id, data)
}

// writeLine writes the message id in p's language and a newline.
func writeLine(w io.Writer, p *i18n.Printer, id string, data map[string]any) {
	fmt.Fprintln(w, render(p, id, data))
}

// context is one command being run: its invocation, its name, and the
// language decided so far.
type context struct {
	*invocation
	cmd *command
	// lang is --lang as given when it is nl or en, else "".
	lang string
	// p speaks the output language; preferred is set when --lang or the
	// environment chose it, so that a centre's default does not.
	p         *i18n.Printer
	preferred bool
}

// newContext returns the context of cmd with the language chosen from
// lang (--lang), the environment and the built-in centre.
func newContext(inv *invocation, cmd *command, lang string) *context {
	c := &context{invocation: inv, cmd: cmd}
	if validLang(lang) {
		c.lang = lang
	}
	c.setCentreLanguage("")
	return c
}

// setCentreLanguage applies the language rule with the default language
// of the centre shown ("nl" or "en"), or of the built-in centre for "".
func (c *context) setCentreLanguage(centreDefault string) {
	if centreDefault == "" {
		centreDefault = builtinLanguage
	}
	tag, preferred := chooseLanguage(c.lang, c.envLanguage(), centreDefault)
	c.p, c.preferred = i18n.NewPrinter(tag), preferred
}

// useCentre makes the centre's default language the output language,
// unless --lang or the environment chose one.
func (c *context) useCentre(ce *centre.Centre) {
	if !c.preferred {
		c.setCentreLanguage(ce.DefaultLanguage)
	}
}

// fail writes "loket COMMAND: " and the message id on standard error in
// the output language, and returns status.
func (c *context) fail(status int, id string, data map[string]any) int {
	writeLine(c.stderr, c.p, "cli.error.command", map[string]any{"Command": c.cmd.name, "Message": message{id, data}})
	return status
}

// report writes a problem as fail does and returns its exit status.
func (c *context) report(pr *problem) int {
	return c.fail(pr.status, pr.id, pr.data)
}

// failUsage reports bad usage and says where the usage is explained.
func (c *context) failUsage(pr *problem) int {
	c.report(pr)
	writeLine(c.stderr, c.p, "cli.error.see_help", map[string]any{"Command": c.cmd.name})
	return pr.status
}

// quote quotes a value given on the command line for a message: at most
// 80 characters of it.
func quote(s string) string { return excerpt.Quote(s) }

// joinIDs lists ids for a message: "a, b, c".
func joinIDs(ids []string) string { return excerpt.Text(strings.Join(ids, ", ")) }

// writeJSON writes v as indented JSON, with <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeOutput writes the output of a command: JSON when json is set, else
// text with writeText. A failure to write is reported (exit status 1).
func (c *context) writeOutput(json bool, v any, writeText func(w io.Writer) error) int {
	w := &errWriter{w: c.stdout}
	var err error
	if json {
		err = writeJSON(w, v)
	} else {
		err = writeText(w)
	}
	if err == nil {
		err = w.err
	}
	if err != nil {
		return c.fail(1, "cli.error.write", map[string]any{"Error": err.Error()})
	}
	return 0
}

// errWriter writes to w until a write fails, and remembers the error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	e.err = err
	return n, err
}
