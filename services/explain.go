package services

import (
	"strings"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/i18n"
)

// Explain says in the printer's language how the period was counted and
// which days it skipped and why: "2 weeks, counted as 10 working days on
// the centre's calendar from Tuesday, 22 December 2026: Friday, 8 January
// 2027. Not counted: 6 weekend days; Thursday, 24 December 2026 (Christmas
// Eve: the centre is closed); ...". For a statutory period it names the
// article of the Algemene termijnenwet that extended it.
func (p Period) Explain(pr *i18n.Printer) string {
	data := map[string]any{
		"Count": p.Days, "Days": p.Days,
		"Start": pr.Date(p.Start), "End": pr.Date(p.End), "Due": pr.Date(p.Due),
	}
	var b strings.Builder
	switch {
	case p.Target.Unit == centre.Weeks:
		data["Count"] = int(p.Value.Value)
		b.WriteString(pr.T("services.period.weeks", data))
	case p.Target.Unit == centre.WorkingDays:
		b.WriteString(pr.T("services.period.working_days", data))
	case p.Target.Kind == centre.StatutoryPeriod:
		b.WriteString(pr.T("services.period.statutory", data))
		if p.Extended() {
			b.WriteString(" ")
			b.WriteString(pr.T("services.period.extended", map[string]any{
				"Days": strings.Join(skippedDays(pr, p.Skipped, false), "; "), "Due": data["Due"],
			}))
		}
		return b.String()
	default:
		b.WriteString(pr.T("services.period.days", data))
	}
	if len(p.Skipped) > 0 {
		b.WriteString(" ")
		b.WriteString(pr.T("services.period.not_counted", map[string]any{
			"Days": strings.Join(skippedDays(pr, p.Skipped, true), "; "),
		}))
	}
	return b.String()
}

// skippedDays names the skipped days: each holiday and closure with its
// date and name, and the weekend days each by date or, when counted, as
// their number first.
func skippedDays(pr *i18n.Printer, days []Skipped, countWeekends bool) []string {
	var out []string
	weekends := 0
	for _, sk := range days {
		switch {
		case sk.Why == Weekend && countWeekends:
			weekends++
		case sk.Why == Weekend:
			out = append(out, pr.Date(sk.Date))
		case sk.Why == Closure:
			out = append(out, pr.T("services.skip.closure", map[string]any{"Date": pr.Date(sk.Date), "Name": pr.Text(sk.Name)}))
		default:
			out = append(out, pr.T("services.skip.holiday", map[string]any{"Date": pr.Date(sk.Date), "Name": pr.Text(sk.Name)}))
		}
	}
	if weekends > 0 {
		out = append([]string{pr.T("services.skip.weekend", map[string]any{"Count": weekends})}, out...)
	}
	return out
}
