// Package i18n holds loket's Dutch and English text: one go-i18n bundle
// built from the message files in locales/, language matching, and
// localized dates, times, relative times and status sentences.
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
// Messages are Go templates ({{.Time}}); a plural message has the CLDR
// forms "one" and "other" and is chosen by the number in data["Count"].
// To add messages, add the same ids to <area>.en.toml and <area>.nl.toml
// (a new area is a new pair of files) and call Printer.T with the id as a
// string literal, so that the tests can check it exists.
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
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
)

//go:embed locales/*.toml
var locales embed.FS

// Supported returns the languages loket speaks, Dutch first: a new slice on
// each call.
func Supported() []language.Tag {
	return []language.Tag{language.Dutch, language.English}
}

// catalog is the bundle with what the package derives from it. It is built
// once, by the shared function, and never modified afterwards, so it is safe
// for concurrent use.
type catalog struct {
	bundle  *goi18n.Bundle
	matcher language.Matcher
	// plural holds the ids of plural messages (those with a "one" form).
	plural map[string]bool
	// comments maps the text of each message comment.* in any language,
	// in lower case, to its id (see Printer.Comment).
	comments map[string]string
	// parser executes messages; a placeholder without data is an error.
	parser template.Parser
	// printers holds the Printer of each supported language, in the order
	// of Supported.
	printers []*Printer
	// err is what went wrong loading the message files; the package tests
	// fail on it. Messages of a file that failed to load print as [id].
	err error
}

// shared is the package's one catalog, built on first use from the embedded
// files and immutable after construction.
var shared = sync.OnceValue(func() *catalog { return loadCatalog(locales) })

// loadCatalog builds a catalog from the files locales/*.toml of fsys.
func loadCatalog(fsys fs.FS) *catalog {
	c := &catalog{
		bundle:   goi18n.NewBundle(language.English),
		matcher:  language.NewMatcher(Supported()),
		plural:   map[string]bool{},
		comments: map[string]string{},
		parser:   &template.TextParser{Option: "missingkey=error"},
	}
	c.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	names, err := fs.Glob(fsys, "locales/*.toml")
	if err != nil {
		c.err = err
		return c
	}
	var errs []error
	for _, name := range names {
		buf, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f, err := c.bundle.ParseMessageFileBytes(buf, path.Base(name))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		for _, m := range f.Messages {
			if m.One != "" {
				c.plural[m.ID] = true
			}
			if strings.HasPrefix(m.ID, "comment.") {
				c.comments[strings.ToLower(m.Other)] = m.ID
			}
		}
	}
	c.err = errors.Join(errs...)
	for _, tag := range Supported() {
		c.printers = append(c.printers, newPrinter(c, tag))
	}
	return c
}

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
	c := shared()
	for _, p := range prefs {
		tags := parsePref(p)
		if len(tags) == 0 {
			continue
		}
		if _, i, conf := c.matcher.Match(tags...); conf != language.No {
			return Supported()[i]
		}
	}
	return closest(defaultLang)
}

// closest returns the supported language closest to tag, English when
// there is none (English is what an expat centre falls back on).
func closest(tag language.Tag) language.Tag {
	if _, i, conf := shared().matcher.Match(tag); conf != language.No {
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
	tag      language.Tag
	cat      *catalog
	loc      *goi18n.Localizer
	weekdays [7]string  // by time.Weekday
	months   [12]string // by time.Month - 1
}

var (
	weekdayIDs = [7]string{
		"calendar.weekday.sunday", "calendar.weekday.monday", "calendar.weekday.tuesday",
		"calendar.weekday.wednesday", "calendar.weekday.thursday", "calendar.weekday.friday",
		"calendar.weekday.saturday",
	}
	monthIDs = [12]string{
		"calendar.month.january", "calendar.month.february", "calendar.month.march",
		"calendar.month.april", "calendar.month.may", "calendar.month.june",
		"calendar.month.july", "calendar.month.august", "calendar.month.september",
		"calendar.month.october", "calendar.month.november", "calendar.month.december",
	}
)

// NewPrinter returns the Printer for the supported language closest to tag:
// Dutch for nl, nl-BE or nl-NL, English for en, en-GB or en-US, and English
// for a language that is neither. Printers are built once per language and
// shared, so NewPrinter is cheap.
func NewPrinter(tag language.Tag) *Printer {
	tag = closest(tag)
	c := shared()
	for _, p := range c.printers {
		if p.tag == tag {
			return p
		}
	}
	return newPrinter(c, tag)
}

// newPrinter builds the Printer of a supported language from c.
func newPrinter(c *catalog, tag language.Tag) *Printer {
	p := &Printer{tag: tag, cat: c, loc: goi18n.NewLocalizer(c.bundle, tag.String())}
	for i, id := range weekdayIDs {
		p.weekdays[i] = p.T(id, nil)
	}
	for i, id := range monthIDs {
		p.months[i] = p.T(id, nil)
	}
	return p
}

// Lang returns the Printer's language: language.Dutch or language.English.
func (p *Printer) Lang() language.Tag { return p.tag }

// T returns the message id in the Printer's language, with data filled into
// its placeholders. A plural message takes its form from data["Count"] (an
// integer). An id that the Printer's language lacks, or a placeholder
// missing from data, is a programming error (which the package tests catch):
// T then returns the id in brackets, "[status.open]".
func (p *Printer) T(id string, data map[string]any) string {
	lc := goi18n.LocalizeConfig{MessageID: id, TemplateData: data, TemplateParser: p.cat.parser}
	if p.cat.plural[id] {
		lc.PluralCount = data["Count"]
	}
	s, err := p.loc.Localize(&lc)
	if err != nil {
		return "[" + id + "]"
	}
	return s
}

// Text returns t in the Printer's language, or in the other language when
// that one is empty.
func (p *Printer) Text(t schedule.Text) string {
	if p.tag == language.Dutch {
		return either(t.NL, t.EN)
	}
	return either(t.EN, t.NL)
}

// HolidayName returns the name of h in the Printer's language ("Eerste
// Kerstdag", "Christmas Day"), or in the other language when that one is
// empty.
func (p *Printer) HolidayName(h holidays.Holiday) string {
	return p.Text(schedule.Text{NL: h.Name.NL, EN: h.Name.EN})
}

// Comment returns the comment of an opening_hours rule in the Printer's
// language when it is one that the message files know in some language
// (see comment.en.toml: "by appointment" is "op afspraak" in Dutch, in
// either direction, ignoring case), and unchanged otherwise: comments are
// free text, written in the centre's file in one language.
func (p *Printer) Comment(c string) string {
	if id, ok := p.cat.comments[strings.ToLower(strings.TrimSpace(c))]; ok {
		return p.T(id, nil)
	}
	return c
}

// either returns the first non-empty string of a and b.
func either(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Weekday returns the name of w: "donderdag", "Thursday".
func (p *Printer) Weekday(w time.Weekday) string {
	if w < time.Sunday || w > time.Saturday {
		return "[weekday " + fmt.Sprint(int(w)) + "]"
	}
	return p.weekdays[w]
}

// Month returns the name of m: "december", "December".
func (p *Printer) Month(m time.Month) string {
	if m < time.January || m > time.December {
		return "[month " + fmt.Sprint(int(m)) + "]"
	}
	return p.months[m-1]
}
