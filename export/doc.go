// Package export writes a centre's opening hours in the formats that other
// systems read: an RFC 5545 calendar (ICS), schema.org JSON-LD for search
// engines (JSONLD), the OpenStreetMap opening_hours tag (OSM), and the
// compiled centre as plain, documented JSON data (JSON, described in
// docs/json.md under loket export).
//
// Every export covers a Range of days, both included, of at most MaxDays
// days within the days a schedule answers for (schedule.FirstDay to
// schedule.LastDay); Year gives the usual one, twelve months from a day.
// Within its range an export says exactly what the desk's schedule says:
//
//   - ICS writes the weekly hours as one weekly RRULE event per interval of
//     a weekday (the hours that weekday has most often in the range), in
//     the centre's time zone with a VTIMEZONE made from the zone's own
//     transitions; each day that differs from them (a holiday, a closure,
//     an exception, a recurrence, a change of the weekly rules) is an
//     EXDATE of the weekly events, with its own events for the hours it
//     has, and, when it closes a day the weekly hours open, a transparent
//     all-day event that says why. Expanded by any RFC 5545 implementation,
//     the timed events are the schedule's Intervals over the range (a test
//     holds ical.js's expansion to them).
//   - OSM writes the desk's weekly rules, "PH off", and a dated rule for
//     every day of the range whose hours differ from what those give;
//     opening_hours.js evaluates it to the schedule's intervals over the
//     range (checked before it is returned, and by a test against
//     opening_hours.js). Beyond the range only the weekly rules and PH
//     apply.
//   - JSONLD writes a schema.org GovernmentOffice with the weekly hours as
//     openingHoursSpecification and every other day of the range (holidays,
//     closures, exceptions) as specialOpeningHoursSpecification.
//
// The package does no I/O and reads no clock: the range and the instant of
// a calendar's DTSTAMP are passed in. Texts are in the language asked for.
package export
