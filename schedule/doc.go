// Package schedule models the opening hours of a desk and answers questions
// about them: is it open at an instant, when does that change, which
// intervals is it open in, what does a given day look like.
//
// A schedule is compiled once by [ParseOSM] from weekly rules in the
// OpenStreetMap opening_hours syntax
// (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification),
// evaluated exactly as the reference implementation opening_hours.js 3.15.0
// evaluates them, plus three layers given as options: dated exceptions
// ([WithExceptions]), holiday closures ([WithHolidayClosures], on the
// calendar of [WithHolidays]) and RFC 5545 recurrences ([WithRecurrences]).
// See [Schedule] for their precedence.
//
// The package does no I/O and reads no clock: every instant is passed in,
// and the answers depend only on the schedule's time zone, never on the
// machine's. Compilation is where every error is found: a malformed
// expression gives a [*SyntaxError] with its column, a malformed option a
// [*LayerError]. Queries never fail.
//
// Where opening_hours.js itself is inconsistent, this package follows its
// getState (the state at an instant) and keeps NextChange consistent with
// it: the state holds until just before NextChange(t) and differs at it.
// opening_hours.js's getNextChange departs from its own getState in a few
// cases (a year or list of years never ends, the part of a fallback rule
// after midnight, the hours around daylight-saving changes); loket's
// differential test checks each such case against getState. A few
// constructs that opening_hours.js reads against their plain meaning are
// refused with an explanation instead (a list of dates, then months, then
// dates again; "Feb 20-28"; a single year before "easter").
package schedule
