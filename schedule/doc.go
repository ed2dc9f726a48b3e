// Package schedule answers questions about the opening hours of a desk: is
// it open at an instant, when does that change, which intervals is it open
// in, what does a given day look like. It is the query side of loket's
// schedules: a [Schedule] is compiled by package schedule/osm from weekly
// rules in the OpenStreetMap opening_hours syntax
// (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification),
// RFC 5545 recurrences, holiday closures and dated exceptions, or loaded
// from its compiled binary form with [Unmarshal], and then only queried.
// See [Schedule] for the precedence of the layers.
//
// This package links no parser, no RRULE expansion and no YAML: what a
// schedule needs to answer is data ([Schedule.MarshalBinary]), evaluated by
// loket's one engine (internal/timetable), which the browser widget runs
// too.
//
// The package does no I/O and reads no clock: every instant is passed in,
// and the answers depend only on the schedule's time zone, never on the
// machine's. Queries never fail. A schedule answers for the days from
// [FirstDay] to [LastDay] (1900 to 2199, the years of its holiday
// calendar); outside them the state is Unknown with [SourceOutOfRange].
//
// Where opening_hours.js itself is inconsistent, loket follows its
// getState (the state at an instant) and keeps NextChange consistent with
// it: the state holds until just before NextChange(t) and differs at it.
// opening_hours.js's getNextChange departs from its own getState in a few
// cases (a year or list of years never ends, the part of a fallback rule
// after midnight, the hours around daylight-saving changes); loket's
// differential test checks each such case against getState.
package schedule
