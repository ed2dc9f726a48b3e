package timetable

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/wire"
	"github.com/expatcentre/loket/text"
)

// sample is a program with every kind of part.
func sample() Program {
	return Program{
		Zone: "Europe/Amsterdam", Region: "NL-LI", Expr: "Mo-Fr 09:00-17:00; PH off",
		Labels: []Label{{}, {Comment: "by appointment"}, {Reason: text.Text{NL: "team", EN: "team"}}},
		Rules: []Rule{
			{Groups: [][]Selector{{{Kind: SelWeekdays, Mask: 0b0111110}}}, Spans: []Span{{540, 1020}}, Kind: Open, Label: 1, Resets: true},
			{Groups: [][]Selector{{{Kind: SelPH}}, {{Kind: SelYear, Y1: 2026, Y2: 2030, P: 2}}}, Spans: []Span{{0, 1440}}, Kind: Closed},
			// Jan 01-31/8,Apr 05-easter -1 day,easter-Apr 20,easter -2 days-easter +2 days
			{Groups: [][]Selector{{{Kind: SelMonthDay, M1: 1, D1: 1, D2: 31, P: 8}, {Kind: SelDateSpan, M1: 4, D1: 5, D2: -1},
				{Kind: SelDateSpan, M2: 4, D2: 20}, {Kind: SelDateSpan, D1: -2, D2: 2}}}, Spans: []Span{{600, 720}}, Kind: Open},
			{Groups: [][]Selector{{{Kind: SelNth, D1: 6, P: -1, D2: 3}, {Kind: SelPH, D1: -1}}}, Spans: []Span{{600, 720}}, Kind: Open},
		},
		ClosureKinds: nil, ClosureIDs: []string{"carnival-monday"},
		Exceptions:  []Exception{{From: civil.New(2026, 12, 24), To: civil.New(2026, 12, 25), Segs: []Seg{{0, Cell{Kind: Closed, Source: SourceException, Label: 2}}}}},
		Recurrences: []Recurrence{{First: civil.New(2026, 1, 5), Days: []uint64{1 | 1<<7 | 1<<63, 1}, Spans: []Span{{600, 660}}, Cell: Cell{Kind: Open, Source: SourceRecurrence, Label: 2}}},
	}
}

func TestBinaryRoundTrip(t *testing.T) {
	p := sample()
	data, err := p.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	q, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := q.MarshalBinary()
	if !bytes.Equal(data, again) {
		t.Fatal("the decoded program encodes otherwise")
	}
	if _, err := New(q, time.UTC); err != nil {
		t.Fatal(err)
	}
	// Every damage is seen; every truncation is corrupt.
	for i := range data {
		bad := bytes.Clone(data)
		bad[i] ^= 0x20
		if _, err := Unmarshal(bad); err == nil {
			t.Fatalf("a flip at byte %d went unnoticed", i)
		}
	}
	for n := range len(data) {
		if _, err := Unmarshal(data[:n]); !errors.Is(err, wire.ErrCorrupt) {
			t.Fatalf("truncated at %d: %v", n, err)
		}
	}
}

// FuzzUnmarshal checks that no input makes decoding, or querying what
// decodes, panic. Inputs get a valid checksum, so that the fuzzer reaches
// the decoder and the checks of New.
func FuzzUnmarshal(f *testing.F) {
	p := sample()
	good, _ := p.MarshalBinary()
	f.Add(good[:len(good)-8])
	f.Add([]byte("LKTT\x02"))
	f.Fuzz(func(t *testing.T, body []byte) {
		// A program within New's limits answers in well under a second;
		// ten would be a loop that should not be there.
		start := time.Now()
		defer func() {
			if d := time.Since(start); d > 10*time.Second {
				t.Fatalf("decoding and querying took %s", d)
			}
		}()
		w := &wire.Writer{}
		w.Raw(body)
		w.Seal()
		q, err := Unmarshal(w.Bytes())
		if err != nil {
			return
		}
		tt, err := New(q, time.UTC)
		if err != nil {
			return
		}
		at := time.Date(2026, 12, 24, 10, 0, 0, 0, time.UTC)
		tt.State(at)
		tt.NextChange(at)
		tt.Intervals(at, at.AddDate(0, 0, 7))
		tt.Day(civil.Of(at))
	})
}

// TestSelectorOK checks the bounds New puts on the selectors of version 2:
// a period of a monthday range, and the Easter ends of a date span, which
// take no years.
func TestSelectorOK(t *testing.T) {
	for _, c := range []struct {
		s  Selector
		ok bool
	}{
		{Selector{Kind: SelMonthDay, M1: 1, D1: 1, D2: 31, P: 8}, true},
		{Selector{Kind: SelMonthDay, M1: 1, D1: 1, D2: 31, P: -1}, false},
		{Selector{Kind: SelMonthDay, M1: 1, D1: 1, D2: 31, P: 32}, false},
		{Selector{Kind: SelDateSpan, M1: 4, D1: 5, D2: -1}, true},
		{Selector{Kind: SelDateSpan, D1: -2, M2: 4, D2: 20}, true},
		{Selector{Kind: SelDateSpan, D1: -2, D2: 2}, true},
		{Selector{Kind: SelDateSpan, D1: -401, D2: 2}, false},
		{Selector{Kind: SelDateSpan, D1: 0, M2: 4, D2: 32}, false},
		{Selector{Kind: SelDateSpan, Y1: 2026, Y2: 2026, D1: 0, M2: 4, D2: 20}, false},
		{Selector{Kind: SelDateSpan, M1: 13, D1: 1, D2: 2}, false},
	} {
		if got := c.s.ok(); got != c.ok {
			t.Errorf("%+v: ok() = %v, want %v", c.s, got, c.ok)
		}
	}
}
