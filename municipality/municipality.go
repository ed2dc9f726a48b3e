// Package municipality names the municipalities of the Netherlands as
// Statistics Netherlands (CBS) codes them, "GM" and four digits (GM0935
// is Maastricht), and knows the mergers that concern the municipalities of
// loket's example centres: a code that no longer exists names its
// successor (GM0951, Nuth, became part of Beekdaelen, GM1954, on 1 January
// 2019).
//
// Municipalities merge, usually on 1 January: CBS then retires the codes
// of the old ones and gives the new one a code of its own. The mergers
// are data with a date and a source, like the legal parameters of package
// eligibility: [Mergers] lists them. The table is small on purpose: it
// holds the mergers of the municipalities that the example centre files
// name, not every merger since 1812.
//
// The package is a leaf: it imports nothing of loket but package dated's
// notion of a source, and does no I/O.
package municipality

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/unicode/norm"
)

// Code is a CBS municipality code: "GM" followed by four digits, such as
// "GM0935". The zero Code is no code.
type Code string

// ParseCode returns s as a Code when it is one, in any case and with
// white space around it ("gm0935" is GM0935), and false otherwise.
func ParseCode(s string) (Code, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 6 || !strings.EqualFold(s[:2], "GM") {
		return "", false
	}
	for i := 2; i < 6; i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	return Code("GM" + s[2:]), true
}

// LooksLikeCode reports whether s is meant as a code but is not one: "GM"
// followed by digits only, but not four of them ("GM935", "GM09350"). A
// caller refuses it rather than looking it up as a name.
func LooksLikeCode(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 3 || !strings.EqualFold(s[:2], "GM") {
		return false
	}
	for i := 2; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	_, ok := ParseCode(s)
	return !ok
}

// Municipality is a municipality by its code and its name as CBS writes
// it ("Beekdaelen", "'s-Gravenhage").
type Municipality struct {
	Code Code
	Name string
}

// Merger is the end of one or more municipalities, merged on a day into
// another one, new or existing.
type Merger struct {
	// On is the first day of the new situation: the old municipalities
	// existed until the day before.
	On date.Date
	// From are the municipalities that ceased to exist on On.
	From []Municipality
	// Into is the municipality their territory became part of.
	Into Municipality
	// Source is where the merger is published: an https URL, the law
	// that made it.
	Source string
	// Note says what the source confirms and, when Unverified, what it
	// does not.
	Note string
	// Unverified is set when a source does not confirm every code (the
	// law names the municipalities, not their CBS codes).
	Unverified bool
}

// mergers is the table of Mergers, sorted by date.
var mergers = []Merger{
	{
		On: date.New(2019, 1, 1),
		From: []Municipality{
			{"GM0951", "Nuth"},
			{"GM0881", "Onderbanken"},
			{"GM0962", "Schinnen"},
		},
		Into:   Municipality{"GM1954", "Beekdaelen"},
		Source: "https://zoek.officielebekendmakingen.nl/stb-2018-274.html",
		Note: "Wet van 11 juli 2018 tot samenvoeging van de gemeenten Nuth, Onderbanken en Schinnen (Stb. 2018, 274), " +
			"in force on 1 January 2019 (Provinciaal blad van Limburg 2018, 8954, https://zoek.officielebekendmakingen.nl/prb-2018-8954.html); " +
			"not verified: the CBS codes of the three old municipalities were not read in a CBS table; read 2026-12-02",
		Unverified: true,
	},
}

// Mergers returns the mergers that loket knows, sorted by date; each call
// returns a new copy.
func Mergers() []Merger {
	out := make([]Merger, len(mergers))
	for i, m := range mergers {
		m.From = append([]Municipality(nil), m.From...)
		out[i] = m
	}
	return out
}

// Successor returns the merger that ended the municipality with code on or
// before day, and false when the municipality still existed on day (or
// loket knows of no merger of it).
func Successor(code Code, day date.Date) (Merger, bool) {
	for _, m := range mergers {
		if m.On > day {
			continue
		}
		for _, f := range m.From {
			if f.Code == code {
				return m, true
			}
		}
	}
	return Merger{}, false
}

// Known returns the municipalities of the merger table, old and new, in
// the order of the table.
func Known() []Municipality {
	var out []Municipality
	for _, m := range mergers {
		out = append(out, m.From...)
		out = append(out, m.Into)
	}
	return out
}

// SameName reports whether a and b name the same municipality as people
// write it: without regard to case, accents, hyphens, apostrophes and
// spaces ("Den Haag" is not "'s-Gravenhage", but "sittard geleen" is
// "Sittard-Geleen" and "Sudwest-Fryslan" is "Súdwest-Fryslân").
func SameName(a, b string) bool { return fold(a) == fold(b) }

// fold returns s in lower case, without accents and without the
// characters that people leave out or write differently.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// MaxQuery is the longest question, in characters, that a lookup of a
// municipality takes: the longest Dutch municipality name has 29.
const MaxQuery = 100

// ValidQuery reports whether s may be looked up: not empty after white
// space is removed, at most MaxQuery characters, no control characters
// and valid UTF-8.
func ValidQuery(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || !utf8.ValidString(s) || utf8.RuneCountInString(s) > MaxQuery {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}
