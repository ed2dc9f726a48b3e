// Package osm compiles opening hours into a [schedule.Schedule]: weekly
// rules in the OpenStreetMap opening_hours syntax
// (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification),
// evaluated exactly as the reference implementation opening_hours.js
// 3.15.0 evaluates them, plus three layers given as options: dated
// exceptions ([WithExceptions]), holiday closures ([WithHolidayClosures],
// on the calendar of [WithHolidays]) and RFC 5545 recurrences
// ([WithRecurrences], expanded once with github.com/teambition/rrule-go).
//
// It is the compiler side of schedules: compiling is where every error is
// found, and [Parse] reports all of them at once ([Errors]): a
// [*SyntaxError] with the column for a malformed expression, a
// [*LayerError] with its [Layer], index and field for each malformed
// option. The schedule it returns is data that package schedule queries
// and [schedule.Schedule.MarshalBinary] carries elsewhere.
//
// The parser is strict: it accepts the canonical spelling of the
// specification's constructs that a desk can use (with the ":" after the
// wide-range selectors, "Apr-Oct: Mo-Fr 09:00-17:00", a comment after
// the state or before the times, "We "Call us" 10:00-16:00", and day
// offsets on the n-th weekday of a month and on holidays, "Sa[-1] +3 days",
// "PH +1 day"), and refuses a few that opening_hours.js reads against
// their plain meaning, with an explanation (a list of dates, then months,
// then dates again; "Feb 20-28"; a single year before "easter"; a comment
// before the state, which opening_hours.js reads as unknown whatever the
// state; two comments in a rule; a weekday after "PH +1 day" in a list).
// Where the specification and opening_hours.js differ it follows
// opening_hours.js: a range that ends at easter leaves that day out
// ("easter -2 days-easter +2 days" is four days), one that ends before it
// starts wraps over the year end, and day offsets on the n-th weekday
// follow it where it reads them otherwise than plainly (see the README).
// An expression has at most [MaxExpressionLength] bytes and [MaxRules]
// rules.
package osm
