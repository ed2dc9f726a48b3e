// Package services is a centre's catalogue of services: which services can
// be used at an instant, the next times a service can be used, when the
// procedure a service starts is expected to be decided, and which services
// to book after an eligibility check.
//
//	cat := services.New(centre.Default())                      // once
//	open := cat.Available(now)                                 // services usable now
//	s, _ := cat.Service("ind-biometrics")
//	next := s.Next(now, 3, 90*24*time.Hour)                    // its next three opening intervals
//	est, err := cat.Estimate("ind-hsm-decision", submitted)    // target and statutory dates
//	book := cat.BookNext(res.Routes[0])                        // after an eligibility.Result
//
// The services themselves are data in the centre file (see
// [centre.Service]); this package adds the queries. Queries read no clock:
// instants and dates are passed in.
//
// # When a service can be used
//
// A service is a visit to its desk ([centre.Visit]: biometrics,
// registration) or a procedure that is decided without one
// ([centre.Procedure]: the IND's decision on an application). A procedure
// is never open and has no intervals: what it has are processing periods.
// A visit can be used when its desk is open and, if the service has
// hours of its own, those hours are open too: the intersection of the two
// schedules. The desk's schedule carries the centre's closures; the
// service's own hours only narrow it. An interval in which either schedule
// is "unknown" (a rule with only a comment) is unknown in the intersection.
//
// # Processing periods
//
// A service's processing periods ([centre.Target]) are counted from the day
// after submission, each in the unit it states, with the value in force on
// the date of submission:
//
//   - working-days: days on which the centre is open for business. Saturday,
//     Sunday, the holidays the centre closes on (its holidays.closed_on:
//     in Maastricht every public holiday and carnival Monday and Tuesday)
//     and its extra closures (Christmas Eve, New Year's Eve) are not
//     counted; the period ends on the last working day counted. Whether a
//     day is a closure of the centre, and which, is the check that closes
//     its desks ([centre.Centre.ClosedOn]): an extra closure that covers a
//     holiday is the reason given for that day.
//   - weeks: the IND states its targets in weeks ("a decision within 2
//     weeks"); loket counts a week as 5 working days on the centre's
//     calendar, so 2 weeks are 10 working days and a target across
//     Christmas skips the holidays and closures as well as the weekends.
//     This is an interpretation: the IND does not say how it counts.
//   - days: calendar days, every day counted.
//
// A statutory period (kind statutory, in days) is a period set by law, such
// as the 90 days of article 25 of the Vreemdelingenwet 2000 (60 days for
// researchers and students, Directive (EU) 2016/801). It runs from the day
// after submission, and by article 1 of the Algemene termijnenwet
// (https://wetten.overheid.nl/BWBR0002448) a statutory period that ends on
// a Saturday, a Sunday or an "algemeen erkende feestdag" is extended to the
// next day that is none of those. The feestdagen are those of article 3(1)
// ([holidays.Calendar.PublicOn], the same in every region) and Good Friday,
// which article 3(2) equates with them; the days that a royal decree
// equates with them under article 3(3) (some bridge days) are not known to
// loket. The centre's own closures do not extend a statutory period: the
// law does not know them. Article 2 of the Act, which lengthens periods of 3
// to 6 days, cannot apply to the periods of a week or more that centre
// files allow.
//
// Every [Period] lists the days it skipped and why ([Skipped]), and
// [Period.Explain] says it in Dutch or English.
//
// # After an eligibility check
//
// Package eligibility decides routes and names no services; the centre
// file says what to book next per route and outcome (book_next).
// [Catalogue.BookNext] joins the two: the services the centre advises for a
// route's result, or for the route that applies instead.
//
// # Concurrency
//
// A [*Catalogue] is immutable and safe for concurrent use, as are the
// [Service] values it returns.
package services
