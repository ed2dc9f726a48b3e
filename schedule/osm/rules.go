package osm

import (
	"github.com/expatcentre/loket/internal/timetable"
)

// compileRules turns parsed rules into the rules of a program, with the
// override logic of opening_hours.js (getStatePair): a rule resets the
// rules matched before it for that day when it has a date selector (or is
// a dateless open rule after a dateless rule), means open or unknown, and
// is neither wrapped, additional nor a fallback. A rule whose times run
// past midnight is followed by a wrapped rule that applies the part after
// midnight on the next day, with the date selectors asked about the day
// before.
func compileRules(rules []osmRule, labelOf func(comment string) uint16) []timetable.Rule {
	var out []timetable.Rule
	for _, r := range rules {
		groups := make([][]timetable.Selector, len(r.groups))
		for i, g := range r.groups {
			groups[i] = make([]timetable.Selector, len(g))
			for j, s := range g {
				groups[i][j] = timetable.Selector{
					Kind: timetable.SelKind(s.kind),
					Y1:   int32(s.y1), M1: int32(s.m1), D1: int32(s.d1), P: int32(s.p),
					Y2: int32(s.y2), M2: int32(s.m2), D2: int32(s.d2),
					Mask: s.mask,
				}
			}
		}
		ir := timetable.Rule{Groups: groups, Kind: r.kind, Fallback: r.fallback}
		if r.hasComment {
			ir.Label = labelOf(r.comment)
		}
		var wrap []timetable.Span
		if !r.hasTime {
			ir.Spans = []timetable.Span{{From: 0, To: minutesPerDay}}
		}
		for _, s := range r.spans {
			if s.to > minutesPerDay {
				ir.Spans = append(ir.Spans, timetable.Span{From: int32(s.from), To: minutesPerDay})
				wrap = append(wrap, timetable.Span{From: 0, To: int32(s.to - minutesPerDay)})
			} else {
				ir.Spans = append(ir.Spans, timetable.Span{From: int32(s.from), To: int32(s.to)})
			}
		}
		prevDateless := len(out) > 0 && len(out[len(out)-1].Groups) == 0
		ir.Resets = (len(r.groups) > 0 || len(out) > 0 && r.kind == timetable.Open && prevDateless) &&
			(r.kind == timetable.Open || r.kind == timetable.Unknown) && !r.additional && !r.fallback
		out = append(out, ir)
		if len(wrap) > 0 {
			out = append(out, timetable.Rule{Groups: groups, Spans: wrap, Kind: r.kind, Label: ir.Label, Wrapped: true})
		}
	}
	return out
}
