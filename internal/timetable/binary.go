package timetable

import (
	"errors"
	"math"
	"strconv"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/holiday"
	"github.com/expatcentre/loket/internal/wire"
	"github.com/expatcentre/loket/text"
)

// The binary form of a Program, version 2: the magic "LKTT", the version,
// then the fields in the order of the Program type as varints and
// length-prefixed strings (recurrences as the gaps between their days),
// sealed with a checksum. It changes only with the version, and Unmarshal
// refuses versions it does not know. Version 2 added the period of a
// SelMonthDay (Jan 01-31/8), the Easter ends of a SelDateSpan and the day
// offsets of SelNth (D2) and SelPH (D1), which a reader of version 1
// would misread or ignore.
const (
	magic   = "LKTT"
	version = 2
	// maxText bounds a string of the binary form.
	maxText = 1 << 16
)

// AppendBinary appends the binary form of p to b (see Unmarshal).
func (p *Program) AppendBinary(b []byte) ([]byte, error) {
	w := &wire.Writer{}
	w.Raw([]byte(magic))
	w.Uint(version)
	p.write(w)
	w.Seal()
	return append(b, w.Bytes()...), nil
}

// MarshalBinary returns the binary form of p (see Unmarshal).
func (p *Program) MarshalBinary() ([]byte, error) { return p.AppendBinary(nil) }

// Write writes p into w without magic, version or seal, for a binary form
// that holds programs (a compiled centre); Read reads it back.
func (p *Program) Write(w *wire.Writer) { p.write(w) }

func (p *Program) write(w *wire.Writer) {
	w.String(p.Zone)
	w.String(p.Region)
	w.String(p.Expr)
	w.Uint(uint64(len(p.Labels)))
	for _, l := range p.Labels {
		w.String(l.Comment)
		writeText(w, l.Reason)
	}
	w.Uint(uint64(len(p.Rules)))
	for i := range p.Rules {
		r := &p.Rules[i]
		flags := byte(r.Kind)
		if r.Wrapped {
			flags |= 1 << 2
		}
		if r.Resets {
			flags |= 1 << 3
		}
		if r.Fallback {
			flags |= 1 << 4
		}
		w.Byte(flags)
		w.Uint(uint64(r.Label))
		writeSpans(w, r.Spans)
		w.Uint(uint64(len(r.Groups)))
		for _, g := range r.Groups {
			w.Uint(uint64(len(g)))
			for _, s := range g {
				w.Byte(byte(s.Kind))
				for _, v := range [...]int32{s.Y1, s.M1, s.D1, s.P, s.Y2, s.M2, s.D2} {
					w.Int(int64(v))
				}
				w.Uint(uint64(s.Mask))
			}
		}
	}
	w.Uint(uint64(len(p.ClosureKinds)))
	for _, k := range p.ClosureKinds {
		w.String(string(k))
	}
	w.Uint(uint64(len(p.ClosureIDs)))
	for _, id := range p.ClosureIDs {
		w.String(id)
	}
	w.Uint(uint64(len(p.Exceptions)))
	for _, e := range p.Exceptions {
		w.Int(int64(e.From))
		w.Int(int64(e.To - e.From))
		w.Uint(uint64(len(e.Segs)))
		for _, sg := range e.Segs {
			w.Uint(uint64(sg.Start))
			writeCell(w, sg.Cell)
		}
	}
	w.Uint(uint64(len(p.Recurrences)))
	for i := range p.Recurrences {
		r := &p.Recurrences[i]
		w.Int(int64(r.First))
		// The days as the gaps from one to the next, from First.
		var days []int64
		for k := range int64(len(r.Days)) * 64 {
			if r.Days[k/64]&(1<<(k%64)) != 0 {
				days = append(days, k)
			}
		}
		w.Uint(uint64(len(days)))
		prev := int64(0)
		for _, k := range days {
			w.Uint(uint64(k - prev))
			prev = k
		}
		writeSpans(w, r.Spans)
		writeCell(w, r.Cell)
	}
}

func writeText(w *wire.Writer, t text.Text) {
	w.String(t.NL)
	w.String(t.EN)
}

func writeSpans(w *wire.Writer, spans []Span) {
	w.Uint(uint64(len(spans)))
	for _, sp := range spans {
		w.Uint(uint64(sp.From))
		w.Uint(uint64(sp.To - sp.From))
	}
}

func writeCell(w *wire.Writer, c Cell) {
	b := byte(c.Kind) | byte(c.Source)<<2
	if c.Holiday != NoHoliday { // HolidayOnDay: cells of exceptions and recurrences have no other (see cellOK)
		b |= 1 << 5
	}
	w.Byte(b)
	w.Uint(uint64(c.Label))
}

// ErrVersion is the error of Unmarshal for a binary form of a version it
// does not know.
var ErrVersion = errors.New("unknown version of the binary form")

// Unmarshal decodes the binary form of a Program. Damaged, truncated or
// foreign data gives an error (wrapping wire.ErrCorrupt or ErrVersion),
// never a panic; the program is then checked as New checks it.
func Unmarshal(data []byte) (Program, error) {
	r, err := wire.Open(data)
	if err != nil {
		return Program{}, err
	}
	if string(r.Raw(len(magic))) != magic {
		return Program{}, wire.Corrupt("not a compiled schedule")
	}
	if v := r.Uint(); v != version {
		return Program{}, versionError{v}
	}
	p := Read(r)
	r.Done()
	if err := r.Err(); err != nil {
		return Program{}, err
	}
	if err := p.check(); err != nil {
		return Program{}, err
	}
	return p, nil
}

// Read reads a program written by Program.Write. Problems are recorded in
// r; the program is not checked (New checks it).
func Read(r *wire.Reader) Program {
	var p Program
	p.Zone = r.String(256)
	p.Region = r.String(16)
	p.Expr = r.String(maxText)
	p.Labels = make([]Label, r.Count(3, 1<<16))
	for i := range p.Labels {
		p.Labels[i] = Label{Comment: r.String(maxText), Reason: readText(r)}
	}
	p.Rules = make([]Rule, r.Count(4, 2*MaxRules))
	for i := range p.Rules {
		rl := &p.Rules[i]
		flags := r.Byte()
		rl.Kind = Kind(flags & 3)
		rl.Wrapped, rl.Resets, rl.Fallback = flags&(1<<2) != 0, flags&(1<<3) != 0, flags&(1<<4) != 0
		if flags>>5 != 0 {
			r.Fail("bad rule flags")
		}
		rl.Label = uint16(r.UintMax(math.MaxUint16))
		rl.Spans = readSpans(r)
		rl.Groups = make([][]Selector, r.Count(1, maxSelectors))
		for j := range rl.Groups {
			g := make([]Selector, r.Count(9, maxSelectors))
			for k := range g {
				s := &g[k]
				s.Kind = SelKind(r.Byte())
				for _, f := range [...]*int32{&s.Y1, &s.M1, &s.D1, &s.P, &s.Y2, &s.M2, &s.D2} {
					*f = int32(r.IntIn(math.MinInt32, math.MaxInt32))
				}
				s.Mask = uint16(r.UintMax(math.MaxUint16))
			}
			rl.Groups[j] = g
		}
	}
	p.ClosureKinds = make([]holiday.Kind, r.Count(1, 3))
	for i := range p.ClosureKinds {
		p.ClosureKinds[i] = holiday.Kind(r.String(32))
	}
	p.ClosureIDs = make([]string, r.Count(1, 64))
	for i := range p.ClosureIDs {
		p.ClosureIDs[i] = r.String(64)
	}
	p.Exceptions = make([]Exception, r.Count(3, MaxExceptions))
	for i := range p.Exceptions {
		e := &p.Exceptions[i]
		e.From = civil.Date(r.IntIn(int64(FirstDay)-1<<20, int64(LastDay)+1<<20))
		e.To = e.From + civil.Date(r.IntIn(1, 1<<20))
		e.Segs = make([]Seg, r.Count(3, MinutesPerDay))
		for j := range e.Segs {
			e.Segs[j] = Seg{Start: uint16(r.UintMax(MinutesPerDay)), Cell: readCell(r)}
		}
	}
	p.Recurrences = make([]Recurrence, r.Count(4, MaxRecurrences))
	for i := range p.Recurrences {
		rc := &p.Recurrences[i]
		rc.First = civil.Date(r.IntIn(int64(FirstDay)-1<<20, int64(LastDay)+1<<20))
		n := r.Count(1, maxRecurDays*64)
		k := int64(0)
		for j := range n {
			gap := int64(r.UintMax(uint64(maxRecurDays * 64)))
			if j > 0 && gap == 0 {
				r.Fail("a recurrence's day twice")
			}
			if k += gap; k >= int64(maxRecurDays)*64 || r.Err() != nil {
				r.Fail("a recurrence's day out of range")
				break
			}
			for int64(len(rc.Days))*64 <= k {
				rc.Days = append(rc.Days, 0)
			}
			rc.Days[k/64] |= 1 << (k % 64)
		}
		rc.Spans = readSpans(r)
		rc.Cell = readCell(r)
	}
	return p
}

func readText(r *wire.Reader) text.Text {
	return text.Text{NL: r.String(maxText), EN: r.String(maxText)}
}

func readSpans(r *wire.Reader) []Span {
	spans := make([]Span, r.Count(2, maxSpansPerRule))
	for i := range spans {
		from := int32(r.UintMax(MinutesPerDay))
		spans[i] = Span{From: from, To: from + int32(r.UintMax(MinutesPerDay))}
	}
	return spans
}

func readCell(r *wire.Reader) Cell {
	b := r.Byte()
	if b>>6 != 0 {
		r.Fail("bad cell")
	}
	return Cell{Kind: Kind(b & 3), Source: Source(b >> 2 & 7), Holiday: HolidayRef(b >> 5 & 1), Label: uint16(r.UintMax(math.MaxUint16))}
}

// versionError is the error of Unmarshal for an unknown version.
type versionError struct{ v uint64 }

func (e versionError) Error() string {
	return ErrVersion.Error() + " " + strconv.FormatUint(e.v, 10) + " (this build reads " + strconv.Itoa(version) + ")"
}
func (e versionError) Unwrap() error { return ErrVersion }
