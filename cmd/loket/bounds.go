package main

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/schedule"
)

// checkDays checks that the days from first to last, which a command shows
// for the value of a flag, are days loket answers for: from
// schedule.FirstDay to schedule.LastDay, the years of the holiday calendar.
// Outside them loket does not know the holidays, so every command refuses
// them with this error (exit status 2) rather than guess.
func checkDays(flag, value string, first, last date.Date) error {
	switch {
	case first > last:
		return nil
	case last < schedule.FirstDay || first > schedule.LastDay:
		return fmt.Errorf("-%s %s: loket answers for %s to %s, the years of its holiday calendar", flag, value, schedule.FirstDay, schedule.LastDay)
	case first < schedule.FirstDay:
		return fmt.Errorf("-%s %s: the days shown start on %s, before %s, the first day loket answers for", flag, value, first, schedule.FirstDay)
	case last > schedule.LastDay:
		return fmt.Errorf("-%s %s: the days shown run to %s, after %s, the last day loket answers for", flag, value, last, schedule.LastDay)
	}
	return nil
}

// checkWeek checks the instant and the week that hours and osm show: the
// value of -at (or -week, when given) names the flag in the error.
func checkWeek(atFlag, weekFlag string, at time.Time, monday date.Date) error {
	if err := checkInstant(atFlag, at); err != nil {
		return err
	}
	flag, value := "at", atFlag
	if atFlag == "" {
		value = at.Format(time.RFC3339)
	}
	if weekFlag != "" {
		flag, value = "week", weekFlag
	}
	return checkDays(flag, value, monday, monday+6)
}

// nextChange is s.NextChange(at), except that a change at the end of the
// days loket answers for is no change it knows of.
func nextChange(s *schedule.Schedule, at time.Time) (time.Time, bool) {
	next, ok := s.NextChange(at)
	if ok && !s.Covers(next) {
		return time.Time{}, false
	}
	return next, ok
}

// checkInstant checks the instant of -at, as checkDays does; atFlag is the
// flag's value as given, empty for now.
func checkInstant(atFlag string, at time.Time) error {
	if atFlag == "" {
		atFlag = at.Format(time.RFC3339)
	}
	return checkDays("at", atFlag, date.NewAt(at), date.NewAt(at))
}
