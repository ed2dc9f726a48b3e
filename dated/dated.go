// Package dated holds values that change over time and go stale: a legal
// parameter, a fee, a processing period. Each value is kept with the date
// it is valid from, where it is published and what it is, as OpenFisca
// keeps a parameter:
//
//	values:
//	  - from: 2026-01-01
//	    value: 5942
//	    source: https://ind.nl/en/required-amounts-income-requirements
//	    note: indexation of 1 January 2026
//
// Code asks for the value on a date ([Series.At]), never for "the"
// value, and learns whether a newer value is probably in force that the
// data does not have yet ([Series.Outdated]).
//
// The package is a leaf: it imports nothing of loket and nothing that
// parses, so that a query side can hold dated values; the files that
// write them are decoded elsewhere (package centre, package eligibility).
package dated

import (
	"net/url"
	"strings"

	"github.com/rickb777/date/v2"
)

// Entry is one value of a [Series]: the value in force from a date, with
// its source.
type Entry[T any] struct {
	// From is the first day on which Value applies.
	From date.Date
	// Value is the value: a number in the unit of its series, or whatever
	// T is.
	Value T
	// Source is where the value is published: an https URL (see
	// [ValidSource]).
	Source string
	// Note says what the value is (an indexation, the law that sets it)
	// and, for an Unverified value, what could not be confirmed.
	Note string
	// Unverified is set for a value that its source does not confirm (an
	// amount from a firm's table, an example): its file says "verified:
	// false". Every output that shows the value must say that it is not
	// verified. The zero value is a value its source confirms.
	Unverified bool
}

// Series is a value that changes over time: its entries, each valid from
// its date until the next one's. The zero value has no entries. A Series
// is not modified once built and is then safe for concurrent use.
type Series[T any] struct {
	// Indexed is set for a value that is indexed every year (IND fees
	// and income criteria change every 1 January): a year after its
	// last entry, a newer value is probably in force (see Outdated).
	Indexed bool
	// Entries are sorted by From, ascending; no two have the same From.
	Entries []Entry[T]
}

// At returns the entry in force on day: the last one that is valid from
// day or earlier. It returns false when day is before the first entry or
// there are none.
func (s Series[T]) At(day date.Date) (Entry[T], bool) {
	for i := len(s.Entries) - 1; i >= 0; i-- {
		if s.Entries[i].From <= day {
			return s.Entries[i], true
		}
	}
	return Entry[T]{}, false
}

// Outdated reports whether the entry At returns for day may be outdated:
// for an Indexed series, from one year after the entry in force on day,
// when no newer entry is known (after the last entry, or in a gap of years
// whose values could not be sourced). It is false for a series that is not
// Indexed and for a day before the first entry.
func (s Series[T]) Outdated(day date.Date) bool {
	e, ok := s.At(day)
	if !s.Indexed || !ok {
		return false
	}
	return day >= e.From.AddDate(1, 0, 0)
}

// StaleFrom returns the first day from which the last entry of an Indexed
// series may be outdated, a year after it: from then on Outdated is true.
// It returns date.Max() for a series that is not Indexed or has no
// entries.
func (s Series[T]) StaleFrom() date.Date {
	if !s.Indexed || len(s.Entries) == 0 {
		return date.Max()
	}
	return s.Entries[len(s.Entries)-1].From.AddDate(1, 0, 0)
}

// ValidSource reports whether s may be the Source of an entry: an
// absolute https URL with a host, such as
// https://ind.nl/en/required-amounts-income-requirements.
func ValidSource(s string) bool {
	if !strings.HasPrefix(s, "https://") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && u.Host != ""
}
