package timetable

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// paint is the plain way to put c over minutes [from, to) of a day, a span
// at a time: the reference Overlay must agree with.
func paint(segs []Seg, from, to int, c Cell) []Seg {
	if from >= to {
		return segs
	}
	var out []Seg
	add := func(start int, c Cell) {
		if len(out) > 0 && out[len(out)-1].Cell == c {
			return
		}
		out = append(out, Seg{Start: uint16(start), Cell: c})
	}
	for _, sg := range segs {
		if int(sg.Start) < from {
			add(int(sg.Start), sg.Cell)
		}
	}
	add(from, c)
	if to < MinutesPerDay {
		add(to, cellAt(segs, to))
		for _, sg := range segs {
			if int(sg.Start) > to {
				add(int(sg.Start), sg.Cell)
			}
		}
	}
	return out
}

// TestOverlay checks Overlay against painting every span of every layer
// in turn, for random days and layers.
func TestOverlay(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		cell := func(name string) Cell {
			return Cell{Kind: Kind(rapid.IntRange(0, 2).Draw(rt, name)), Source: SourceRecurrence, Label: uint16(rapid.IntRange(0, 3).Draw(rt, name+" label"))}
		}
		base := []Seg{{0, cell("base 0")}}
		starts := rapid.SliceOfDistinct(rapid.IntRange(1, MinutesPerDay-1), rapid.ID).Draw(rt, "base starts")
		slices.Sort(starts)
		for i, m := range starts {
			c := cell("base")
			if c != base[len(base)-1].Cell {
				base = append(base, Seg{uint16(m), c})
			}
			_ = i
		}
		var layers []Layer
		for range rapid.IntRange(0, 6).Draw(rt, "layers") {
			l := Layer{Cell: cell("layer")}
			for range rapid.IntRange(0, 5).Draw(rt, "spans") {
				from := rapid.IntRange(0, MinutesPerDay).Draw(rt, "from")
				to := rapid.IntRange(0, MinutesPerDay).Draw(rt, "to")
				l.Spans = append(l.Spans, Span{int32(from), int32(to)})
			}
			layers = append(layers, l)
		}
		want := base
		for _, l := range layers {
			for _, sp := range l.Spans {
				want = paint(want, int(sp.From), int(sp.To), l.Cell)
			}
		}
		got := Overlay(base, layers)
		for m := 0; m < MinutesPerDay; m++ {
			if cellAt(got, m) != cellAt(want, m) {
				rt.Fatalf("minute %d: Overlay gives %+v, painting %+v\nbase %v\nlayers %v\ngot %v", m, cellAt(got, m), cellAt(want, m), base, layers, got)
			}
		}
		for i := 1; i < len(got); i++ {
			if got[i].Start <= got[i-1].Start || got[i].Cell == got[i-1].Cell {
				rt.Fatalf("segments out of order or not merged: %v", got)
			}
		}
	})
}
