package main

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/examples/centres"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/services"
	"github.com/expatcentre/loket/text"
)

// The native library's answers to the bridge's questions, as the bridge
// gives them: the test holds the bridge (natively here, as WebAssembly in
// node_test.go) to them. They come from the public packages (centre,
// schedule, services, i18n) on the system's zone data, where the bridge
// answers from its compiled data on its embedded slim zone.

// query is one question to the bridge.
type query struct {
	Op     string  `json:"op"` // status, week or services
	Centre string  `json:"centre"`
	Desk   string  `json:"desk"`
	At     float64 `json:"at"` // ms
	Lang   string  `json:"lang"`
}

func ms(t time.Time) float64 { return float64(t.UnixMilli()) }

func nullable(ok bool, v any) any {
	if !ok {
		return nil
	}
	return v
}

// nativeAnswer answers q with the public packages.
func nativeAnswer(c *centre.Centre, q query) map[string]any {
	tl, _ := text.ParseLang(q.Lang)
	p := i18n.PrinterFor(tl)
	at := time.UnixMilli(int64(q.At)).In(c.Location)
	switch q.Op {
	case "status":
		d, _ := c.Desk(q.Desk)
		s := d.Schedule
		st := s.State(at)
		next, ok := s.NextChange(at)
		if ok && !s.Covers(next) {
			ok = false
		}
		return map[string]any{
			"centre": c.ID, "desk": d.ID, "lang": tl.String(), "at": ms(at),
			"covered": s.Covers(at), "state": st.Kind.String(), "source": st.Source.String(),
			"comment": st.Comment, "reason": p.Text(st.Reason), "holiday": st.Holiday.ID, "holidayName": p.Text(st.Holiday.Name),
			"sentence": d.Status(p, at), "next": nullable(ok, ms(next)), "nextState": nullable(ok, s.State(next).Kind.String()),
		}
	case "week":
		d, _ := c.Desk(q.Desk)
		day := date.NewAt(at)
		monday := day - date.Date((int(day.Weekday())+6)%7)
		var days []any
		for k := range 7 {
			v := d.Schedule.Day(monday + date.Date(k))
			ivs := []any{}
			line := ""
			for j, iv := range v.Intervals {
				span := p.Span(iv.Start, iv.End)
				if iv.Kind == schedule.Unknown {
					span = p.T("hours.unknown_span", map[string]any{"Span": span})
				}
				note := p.Text(iv.Reason)
				if note == "" {
					note = p.Comment(iv.Comment)
				}
				if note != "" {
					span = p.T("hours.span_note", map[string]any{"Span": span, "Note": note})
				}
				ivs = append(ivs, map[string]any{"start": ms(iv.Start), "end": ms(iv.End), "state": iv.Kind.String(),
					"source": iv.Source.String(), "comment": iv.Comment, "reason": p.Text(iv.Reason), "text": span})
				if j > 0 {
					line += ", "
				}
				line += span
			}
			dj := map[string]any{"date": v.Date.String(), "label": p.Date(v.Date), "intervals": ivs, "closed": nil}
			if len(v.Intervals) == 0 {
				why, hol, reason := "hours", "", ""
				switch {
				case v.Closed.Holiday.ID != "":
					why, hol, reason = "holiday", v.Closed.Holiday.ID, p.Text(v.Closed.Holiday.Name)
				case v.Closed.Source == schedule.SourceException:
					why, reason = "exception", p.Text(v.Closed.Reason)
					for _, cl := range c.ExtraClosures {
						if cl.Dates.Contains(v.Date) {
							why = "closure"
						}
					}
				case v.Closed.Source == schedule.SourceRecurrence:
					why, reason = "recurrence", p.Text(v.Closed.Reason)
				case v.Closed.Comment != "":
					reason = p.Comment(v.Closed.Comment)
				}
				dj["closed"] = map[string]any{"why": why, "holiday": hol, "reason": reason}
				if reason != "" {
					line = p.T("hours.closed_for", map[string]any{"Reason": reason})
				} else {
					line = p.T("hours.closed", nil)
				}
			}
			dj["line"] = line
			days = append(days, dj)
		}
		y, m, dd := (day + 1).Date()
		return map[string]any{"centre": c.ID, "desk": d.ID, "lang": tl.String(), "monday": monday.String(),
			"today": day.String(), "nextDay": ms(time.Date(y, m, dd, 0, 0, 0, 0, at.Location())),
			"title":   p.T("hours.week", map[string]any{"Date": p.Date(monday)}),
			"caption": p.T("widget.week.caption", map[string]any{"Date": p.Date(monday)}), "days": days}
	case "services":
		var list []any
		for _, s := range services.New(c).Services() {
			e := map[string]any{"id": s.ID, "kind": string(s.Kind), "name": p.Text(s.Name), "desk": s.Desk.ID,
				"deskName": p.Text(s.Desk.Name), "openNow": s.IsOpen(at), "next": nil}
			if next := s.Next(at, 1, 90*24*time.Hour); len(next) > 0 {
				iv := next[0]
				e["next"] = map[string]any{"start": ms(iv.Start), "end": ms(iv.End), "state": iv.Kind.String(),
					"text": p.DateSpan(iv.Start, iv.End)}
			}
			list = append(list, e)
		}
		return map[string]any{"centre": c.ID, "lang": tl.String(), "at": ms(at), "services": list}
	}
	return nil
}

// queries returns n questions about every desk of c at random instants
// across the whole range loket answers for (and its edges), in both
// languages, plus the instants where the widget's acceptance cases look.
func queries(c *centre.Centre, n int, seed uint64) []query {
	r := rand.New(rand.NewPCG(seed, 1))
	lo := time.Date(1900, 1, 2, 0, 0, 0, 0, time.UTC).UnixMilli()
	hi := time.Date(2199, 12, 20, 0, 0, 0, 0, time.UTC).UnixMilli()
	var ats []float64
	for _, s := range []string{"2026-12-22T10:00:00+01:00", "2026-12-25T10:00:00+01:00", "2026-12-22T12:29:57+01:00", "2026-02-17T10:00:00+01:00"} {
		t, _ := time.Parse(time.RFC3339, s)
		ats = append(ats, ms(t))
	}
	for range n {
		switch r.IntN(4) {
		case 0: // around 2026, where the centre's dated closures are
			ats = append(ats, float64(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()+r.Int64N(3*365*24*3600*1000)))
		default:
			ats = append(ats, float64(lo+r.Int64N(hi-lo)))
		}
	}
	var qs []query
	for i, at := range ats {
		lang := []string{"nl", "en"}[i%2]
		for _, d := range c.Desks {
			qs = append(qs, query{Op: "status", Centre: c.ID, Desk: d.ID, At: at, Lang: lang})
			if i%4 == 0 {
				qs = append(qs, query{Op: "week", Centre: c.ID, Desk: d.ID, At: at, Lang: lang})
			}
		}
		if i%4 == 1 {
			qs = append(qs, query{Op: "services", Centre: c.ID, At: at, Lang: lang})
		}
	}
	return qs
}

// canonical returns v as JSON, so that answers from Go and from
// JavaScript compare alike.
func canonical(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var back any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b, _ = json.Marshal(back)
	return string(b)
}

// exampleCentres returns the compiled example centres.
func exampleCentres(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, name := range centres.Files() {
		data, ok := centres.Compiled(name)
		if !ok {
			t.Fatalf("example centre %s has no compiled form", name)
		}
		out[strings.TrimSuffix(name, ".yaml")] = data
	}
	if len(out) < 3 {
		t.Fatalf("example centres %v", centres.Files())
	}
	return out
}

// TestBridgeNatively asks the bridge, built for this machine, what the
// WebAssembly build is asked in node_test.go, and compares.
func TestBridgeNatively(t *testing.T) {
	b, err := newBridge()
	if err != nil {
		t.Fatal(err)
	}
	for id, data := range exampleCentres(t) {
		if _, err := b.load(data); err != nil {
			t.Fatal(err)
		}
		c, err := centre.Decode(data)
		if err != nil || c.ID != id {
			t.Fatal(err, c.ID)
		}
		n := 300
		if testing.Short() {
			n = 50
		}
		for _, q := range queries(c, n, 1) {
			var got map[string]any
			switch q.Op {
			case "status":
				got, err = b.status(q.Centre, q.Desk, q.At, q.Lang)
			case "week":
				got, err = b.week(q.Centre, q.Desk, q.At, q.Lang)
			case "services":
				got, err = b.services(q.Centre, q.At, q.Lang)
			}
			if err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			if g, w := canonical(t, got), canonical(t, nativeAnswer(c, q)); g != w {
				t.Fatalf("%+v:\nbridge: %s\nnative: %s", q, g, w)
			}
		}
	}
}

// TestBridgeErrors checks that bad questions get an error, not a panic.
func TestBridgeErrors(t *testing.T) {
	b, err := newBridge()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.load([]byte("not a centre")); err == nil {
		t.Error("load accepted junk")
	}
	if _, err := b.load(centres.MaastrichtCompiled()); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		call func() error
	}{
		{"unknown centre", func() error { _, err := b.status("utrecht", "", 0, "nl"); return err }},
		{"unknown desk", func() error { _, err := b.week("maastricht", "nope", 0, "nl"); return err }},
		{"unknown language", func() error { _, err := b.services("maastricht", 0, "de"); return err }},
		{"instant beyond year 9999", func() error { _, err := b.status("maastricht", "", 1e20, "en"); return err }},
		{"not a number", func() error { _, err := b.status("maastricht", "", nan(), "en"); return err }},
		{"no such message", func() error { _, err := b.text("en", "widget.nope", nil); return err }},
		{"text in German", func() error { _, err := b.text("de", "widget.book", nil); return err }},
	} {
		if err := c.call(); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
}

func nan() float64 { z := 0.0; return z / z }

// TestBridgeText checks that the bridge words the widget's messages in
// both languages, with data.
func TestBridgeText(t *testing.T) {
	b, err := newBridge()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, id string
		data     map[string]any
		want     string
	}{
		{"nl", "widget.book", nil, "Maak een afspraak"},
		{"en", "widget.services.next", map[string]any{"When": "tomorrow"}, "next: tomorrow"},
		{"en", "calendar.in_minutes", map[string]any{"Count": 1}, "in 1 minute"},
	} {
		got, err := b.text(c.lang, c.id, c.data)
		if err != nil || got["text"] != c.want {
			t.Errorf("text(%s, %s) = %v, %v; want %q", c.lang, c.id, got, err, c.want)
		}
	}
}

// TestBridgeOutline checks the outline's words and desk labels, which the
// widget shows without asking text: each is the catalog's message in its
// language, the label with the desk's and the centre's names.
func TestBridgeOutline(t *testing.T) {
	b, err := newBridge()
	if err != nil {
		t.Fatal(err)
	}
	for id, data := range exampleCentres(t) {
		outline, err := b.load(data)
		if err != nil {
			t.Fatal(err)
		}
		c, err := centre.Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"nl", "en"} {
			tl, _ := text.ParseLang(lang)
			p := i18n.PrinterFor(tl)
			words := outline["words"].(map[string]any)[lang].(map[string]any)
			want := map[string]string{
				"appointment": "hours.appointment", "book": "widget.book",
				"day": "widget.week.day", "hours": "widget.week.hours",
				"services": "widget.services.title", "procedure": "widget.services.procedure",
				"openNow": "widget.services.open_now", "none": "widget.services.none",
			}
			if len(words) != len(want) {
				t.Errorf("%s: %d words in %s, want %d", id, len(words), lang, len(want))
			}
			for name, msg := range want {
				if w := p.T(msg, nil); words[name] != w || w == "" {
					t.Errorf("%s: word %s in %s is %q, want %q", id, name, lang, words[name], w)
				}
			}
			for i, d := range outline["desks"].([]any) {
				desk := c.Desks[i]
				label := p.T("widget.region", map[string]any{"Desk": desk.Name.In(tl), "Centre": c.Name.In(tl)})
				if got := d.(map[string]any)["label"].(map[string]any)[lang]; got != label {
					t.Errorf("%s: desk %s's label in %s is %q, want %q", id, desk.ID, lang, got, label)
				}
			}
		}
	}
}
