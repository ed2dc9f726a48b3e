// Package i18n holds loket's Dutch and English text: the messages of the
// go-i18n files in locales/, language matching, and localized dates, times
// and relative times, for Go programs and the command-line tool.
//
// The message files are compiled into tables at build time (go generate
// ./internal/catalog reads and checks them with go-i18n): at run time a
// Printer formats from those tables, the same path the browser widget
// takes, without go-i18n or text/template.
//
// # Message files
//
// Every file in locales/ is named <area>.<lang>.toml (status.nl.toml,
// status.en.toml) and is embedded into the binary. Each area has a file for
// every supported language, and every message id in it starts with the area
// and a dot ("status.closed_opens"), so areas never collide. Tests in this
// package fail when a message is missing in a language, when its
// placeholders differ between languages, when a plural message lacks a form
// that CLDR needs, or when Go code asks for an id that no file defines.
//
// Messages are templates of a small subset of Go templates ({{.Time}},
// {{if .Comment}} ... {{else}} ... {{end}}); a plural message has the CLDR
// forms "one" and "other" and is chosen by the number in data["Count"].
// To add messages, add the same ids to <area>.en.toml and <area>.nl.toml
// (a new area is a new pair of files), run go generate ./internal/catalog,
// and call Printer.T with the id as a string literal, so that the tests
// can check it exists.
//
// Everything cmd/loket prints, on standard output and standard error,
// usage, help and errors included, goes through a Printer: a test fails on
// any text literal in a command, and on one written to standard output or
// standard error elsewhere (see source_test.go). An exception is marked
// with a comment i18n:ignore that gives the reason.
//
// # Conventions
//
// Dutch follows CLDR nl and English follows CLDR en-GB: the weekday comes
// first, the day precedes the month, and clocks are 24-hour ("donderdag 3
// december 2026", "Thursday, 3 December 2026", "09:00–12:30" with an en
// dash). Golden tests compare the output with what Node's
// Intl.DateTimeFormat (ICU, CLDR 48) gives.
package i18n

import (
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/internal/catalog"
	"github.com/expatcentre/loket/internal/catalog/more"
	errmsg "github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/text"
)

// Supported returns the languages loket speaks, Dutch first: a new slice on
// each call.
func Supported() []language.Tag {
	return []language.Tag{language.Dutch, language.English}
}

// matcher matches preferences to the supported languages.
var matcher = language.NewMatcher(Supported())

// Match returns the supported language that best fits the preferences,
// given in priority order: typically the value of a --lang flag, the LANG
// environment variable (nl_NL.UTF-8) and an HTTP Accept-Language header
// ("fy;q=0.9,nl;q=0.8,en;q=0.5"). Each may be a BCP 47 tag (nl-BE, en-GB), a
// POSIX locale (nl_NL.UTF-8@euro), a colon-separated list as in the
// LANGUAGE variable (nl:en) or an Accept-Language value. Empty values,
// values that do not parse, "C" and "POSIX", and values naming no supported
// language (de, zh) are skipped. When none is left, Match returns the
// supported language closest to defaultLang, the centre's default.
func Match(defaultLang language.Tag, prefs ...string) language.Tag {
	for _, p := range prefs {
		tags := parsePref(p)
		if len(tags) == 0 {
			continue
		}
		if _, i, conf := matcher.Match(tags...); conf != language.No {
			return Supported()[i]
		}
	}
	return closest(defaultLang)
}

// closest returns the supported language closest to tag, English when
// there is none (English is what an expat centre falls back on).
func closest(tag language.Tag) language.Tag {
	if _, i, conf := matcher.Match(tag); conf != language.No {
		return Supported()[i]
	}
	return language.English
}

// parsePref parses one language preference (see Match).
func parsePref(s string) []language.Tag {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if strings.ContainsAny(s, ",;") {
		if tags, _, err := language.ParseAcceptLanguage(s); err == nil {
			return tags
		}
		// One bad entry: keep the others, in their order.
		var tags []language.Tag
		for e := range strings.SplitSeq(s, ",") {
			tag, _, _ := strings.Cut(e, ";")
			tags = append(tags, parsePref(tag)...)
		}
		return tags
	}
	var tags []language.Tag
	for e := range strings.SplitSeq(s, ":") {
		e, _, _ = strings.Cut(e, ".") // nl_NL.UTF-8
		e, _, _ = strings.Cut(e, "@") // nl_NL@euro
		e = strings.ReplaceAll(strings.TrimSpace(e), "_", "-")
		if e == "" || e == "C" || e == "POSIX" || e == "*" {
			continue
		}
		if tag, err := language.Parse(e); err == nil {
			tags = append(tags, tag)
		}
	}
	return tags
}

// Printer formats text in one language. It is immutable and safe for
// concurrent use; the zero value is not usable (use NewPrinter).
type Printer struct {
	tag  language.Tag
	lang text.Lang
}

var shared = [2]*Printer{
	{tag: language.Dutch, lang: text.Dutch},
	{tag: language.English, lang: text.English},
}

// NewPrinter returns the Printer for the supported language closest to tag:
// Dutch for nl, nl-BE or nl-NL, English for en, en-GB or en-US, and English
// for a language that is neither. Printers are made once per language and
// shared, so NewPrinter is cheap.
func NewPrinter(tag language.Tag) *Printer {
	if closest(tag) == language.Dutch {
		return shared[text.Dutch]
	}
	return shared[text.English]
}

// PrinterFor returns the Printer of language l.
func PrinterFor(l text.Lang) *Printer { return shared[l&1] }

// Lang returns the Printer's language: language.Dutch or language.English.
func (p *Printer) Lang() language.Tag { return p.tag }

// Language returns the Printer's language as a text.Lang.
func (p *Printer) Language() text.Lang { return p.lang }

// T returns the message id in the Printer's language, with data filled into
// its placeholders. A plural message takes its form from data["Count"] (an
// integer). An id that the message files lack, or a placeholder missing
// from data, is a programming error (which the package tests catch): T then
// returns the id in brackets, "[status.open]".
func (p *Printer) T(id string, data map[string]any) string {
	if catalog.Has(id) {
		return catalog.T(p.lang, id, data)
	}
	return more.T(p.lang, id, data)
}

// Err returns err in the Printer's language. The errors of loket's
// libraries word themselves in Dutch and English (each has a method
// In(text.Lang) string: centre.Errors, the errors of osm.Parse,
// eligibility.FactsError, services' errors): Err gives that wording, with
// what the input holds quoted as written. Another error, such as one of
// the operating system, is its Error text.
func (p *Printer) Err(err error) string { return errmsg.In(p.lang, err) }

// Text returns t in the Printer's language, or in the other language when
// that one is empty.
func (p *Printer) Text(t text.Text) string { return t.In(p.lang) }

// Comment returns the comment of an opening_hours rule in the Printer's
// language when it is one that the message files know in some language
// (see comment.en.toml: "by appointment" is "op afspraak" in Dutch, in
// either direction, ignoring case), and unchanged otherwise: comments are
// free text, written in the centre's file in one language.
func (p *Printer) Comment(c string) string { return catalog.Comment(p.lang, c) }

// Weekday returns the name of w: "donderdag", "Thursday".
func (p *Printer) Weekday(w time.Weekday) string { return catalog.Weekday(p.lang, w) }

// Month returns the name of m: "december", "December".
func (p *Printer) Month(m time.Month) string { return catalog.Month(p.lang, m) }
