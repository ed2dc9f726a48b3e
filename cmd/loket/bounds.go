package main

import (
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/schedule"
)

// checkDays checks that the days from first to last, which a command shows
// for the value of a flag, are days loket answers for: from
// schedule.FirstDay to schedule.LastDay, the years of the holiday calendar.
// Outside them loket does not know the holidays, so every command refuses
// them with this problem (exit status 2) rather than guess.
func checkDays(flag, value string, first, last date.Date) *problem {
	data := map[string]any{"Flag": flag, "Value": quote(value),
		"First": schedule.FirstDay.String(), "Last": schedule.LastDay.String(), "Start": first.String(), "End": last.String()}
	switch {
	case first > last:
		return nil
	case last < schedule.FirstDay || first > schedule.LastDay:
		return usageProblem("cli.range.outside", data)
	case first < schedule.FirstDay:
		return usageProblem("cli.range.starts_before", data)
	case last > schedule.LastDay:
		return usageProblem("cli.range.runs_after", data)
	}
	return nil
}

// checkWeek checks the instant and the week that hours and osm show: the
// value of --at (or --week, when given) names the flag in the problem.
func checkWeek(atFlag, weekFlag string, at time.Time, monday date.Date) *problem {
	if pr := checkInstant(atFlag, at); pr != nil {
		return pr
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

// checkInstant checks the instant of --at, as checkDays does; atFlag is
// the flag's value as given, empty for now.
func checkInstant(atFlag string, at time.Time) *problem {
	if atFlag == "" {
		atFlag = at.Format(time.RFC3339)
	}
	return checkDays("at", atFlag, date.NewAt(at), date.NewAt(at))
}

// instantAndWeek reads the --at and --week flags shared by hours and osm:
// the instant (now when atFlag is empty) in loc, and the Monday of the
// week to show (the week of weekFlag, else of the instant). The problem
// names the flag and the form expected.
func instantAndWeek(atFlag, weekFlag string, loc *time.Location) (time.Time, date.Date, *problem) {
	at := time.Now().In(loc)
	if atFlag != "" {
		t, err := time.Parse(time.RFC3339, atFlag)
		if err != nil {
			return time.Time{}, 0, usageProblem("cli.flag.at_bad", map[string]any{"Value": quote(atFlag)})
		}
		at = t.In(loc)
	}
	day := date.NewAt(at)
	if weekFlag != "" {
		t, err := time.Parse(time.DateOnly, weekFlag)
		if err != nil {
			return time.Time{}, 0, usageProblem("cli.flag.week_bad", map[string]any{"Value": quote(weekFlag)})
		}
		day = date.NewAt(t)
	}
	return at, day - date.Date((int(day.Weekday())+6)%7), nil
}

// addAtFlag defines --at on fs: the instant asked about, now by default.
func addAtFlag(fs *flagSet) *string {
	return fs.String("at", "cli.arg.instant", "cli.flag.at", true)
}
