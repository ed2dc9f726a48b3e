package centre

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/examples/centres"
	"github.com/expatcentre/loket/internal/wire"
	"github.com/expatcentre/loket/schedule"
)

// TestCompiledExamplesAreCurrent fails when an example centre file
// changed and go generate ./examples/centres was not run.
func TestCompiledExamplesAreCurrent(t *testing.T) {
	names := centres.Files()
	if len(names) < 3 || names[0] != centres.MaastrichtFile {
		t.Fatalf("example centres %v: want maastricht.yaml first and at least three", names)
	}
	for _, name := range names {
		src, _ := centres.File(name)
		c, err := Load(name, src)
		if err != nil {
			t.Fatal(err)
		}
		bin, err := c.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		compiled, ok := centres.Compiled(name)
		if !ok || !bytes.Equal(bin, compiled) {
			t.Fatalf("the compiled form of examples/centres/%s is not what it compiles to: run go generate ./examples/centres", name)
		}
		if d, err := Decode(compiled); err != nil || !reflect.DeepEqual(d.ServiceArea, c.ServiceArea) {
			t.Errorf("%s: the service area does not survive the compiled form: %v\n%+v\n%+v", name, err, d.ServiceArea, c.ServiceArea)
		}
	}
}

// TestDecodeIsLoad checks decode(encode(x)) against x: every field equal,
// and every schedule answering alike at instants across every year
// loket answers for and beyond its edges.
func TestDecodeIsLoad(t *testing.T) {
	loaded, err := Load(centres.MaastrichtFile, centres.Maastricht())
	if err != nil {
		t.Fatal(err)
	}
	decoded := Default()
	same := func(what string, a, b any) {
		t.Helper()
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s differs:\nloaded:  %+v\ndecoded: %+v", what, a, b)
		}
	}
	same("closures program", programBytes(t, loaded.closures), programBytes(t, decoded.closures))
	same("ID, names", fmt.Sprint(loaded.ID, loaded.Name, loaded.Description), fmt.Sprint(decoded.ID, decoded.Name, decoded.Description))
	same("address", loaded.Address, decoded.Address)
	same("coordinates", loaded.Coordinates, decoded.Coordinates)
	same("links", loaded.Website+loaded.BookingURL, decoded.Website+decoded.BookingURL)
	same("zone", loaded.Location.String(), decoded.Location.String())
	same("language, default desk", loaded.DefaultLanguage+loaded.DefaultDesk, decoded.DefaultLanguage+decoded.DefaultDesk)
	same("holidays", loaded.Holidays, decoded.Holidays)
	same("holiday closures", loaded.HolidayClosures, decoded.HolidayClosures)
	same("extra closures", loaded.ExtraClosures, decoded.ExtraClosures)
	if len(loaded.Desks) != len(decoded.Desks) || len(loaded.Services) != len(decoded.Services) || len(loaded.Advice) != len(decoded.Advice) {
		t.Fatal("desks, services or advice differ in number")
	}
	var scheds [][2]*schedule.Schedule
	for i, d := range loaded.Desks {
		e := decoded.Desks[i]
		same("desk "+d.ID, []any{d.ID, d.Name, d.Location, d.Appointment, d.BookingURL, d.Hours},
			[]any{e.ID, e.Name, e.Location, e.Appointment, e.BookingURL, e.Hours})
		same("desk "+d.ID+" program", programBytes(t, d.Schedule), programBytes(t, e.Schedule))
		scheds = append(scheds, [2]*schedule.Schedule{d.Schedule, e.Schedule})
	}
	for i, s := range loaded.Services {
		e := decoded.Services[i]
		same("service "+s.ID, []any{s.ID, s.Kind, s.Name, s.Description, s.Desk.ID, s.Hours, s.Appointment, s.BookingURL,
			s.Duration, s.For, s.Documents, s.Fee, s.Processing},
			[]any{e.ID, e.Kind, e.Name, e.Description, e.Desk.ID, e.Hours, e.Appointment, e.BookingURL,
				e.Duration, e.For, e.Documents, e.Fee, e.Processing})
		if (s.Schedule == nil) != (e.Schedule == nil) {
			t.Fatalf("service %s: own schedule lost", s.ID)
		}
		if s.Schedule != nil {
			scheds = append(scheds, [2]*schedule.Schedule{s.Schedule, e.Schedule})
		}
	}
	for i, a := range loaded.Advice {
		b := decoded.Advice[i]
		ids := func(a Advice) []string {
			var out []string
			for _, s := range a.Services {
				out = append(out, s.ID)
			}
			return out
		}
		same("advice", []any{a.Route, a.Outcome, ids(a)}, []any{b.Route, b.Outcome, ids(b)})
	}
	scheds = append(scheds, [2]*schedule.Schedule{loaded.closures, decoded.closures})
	r := rand.New(rand.NewPCG(9, 9))
	lo := time.Date(1899, 6, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2200, 6, 1, 0, 0, 0, 0, time.UTC).Unix()
	for range 3000 {
		at := time.Unix(lo+r.Int64N(hi-lo), 0)
		for _, s := range scheds {
			n1, ok1 := s[0].NextChange(at)
			n2, ok2 := s[1].NextChange(at)
			if s[0].State(at) != s[1].State(at) || ok1 != ok2 || !n1.Equal(n2) ||
				fmt.Sprint(s[0].Intervals(at, at.AddDate(0, 0, 7))) != fmt.Sprint(s[1].Intervals(at, at.AddDate(0, 0, 7))) {
				t.Fatalf("at %s the decoded schedule answers otherwise", at)
			}
		}
		d := date.NewAt(at.In(loaded.Location))
		c1, ok1 := loaded.ClosedOn(d)
		c2, ok2 := decoded.ClosedOn(d)
		if c1 != c2 || ok1 != ok2 {
			t.Fatalf("ClosedOn(%s) differs", d)
		}
	}
}

// FuzzDecode checks that no damage to a compiled centre makes Decode
// panic: it returns a centre or an error.
func FuzzDecode(f *testing.F) {
	good := centres.MaastrichtCompiled()
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte{})
	f.Add([]byte("LKCE"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := Decode(data); err == nil && !bytes.Equal(data, good) {
			// Any other data that decodes must have a valid checksum: it
			// is very unlikely, and then a centre like any other.
			t.Logf("decoded %d bytes", len(data))
		}
	})
}

// TestDecodeRefusesDamage flips each byte of the compiled Maastricht
// centre in turn and truncates it at every length: each gives an error
// (the checksum sees every flip), none a panic.
func TestDecodeRefusesDamage(t *testing.T) {
	good := centres.MaastrichtCompiled()
	for i := 0; i < len(good); i += 7 {
		bad := bytes.Clone(good)
		bad[i] ^= 0x5a
		if _, err := Decode(bad); err == nil {
			t.Fatalf("a flip at byte %d went unnoticed", i)
		}
	}
	for n := 0; n < len(good); n += 13 {
		if _, err := Decode(good[:n]); !errors.Is(err, wire.ErrCorrupt) {
			t.Fatalf("truncated at %d: %v", n, err)
		}
	}
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Default()
	}
}

// programBytes returns the binary form of s's program: equal programs,
// whatever nil or empty slices they hold, have equal forms.
func programBytes(t *testing.T, s *schedule.Schedule) []byte {
	t.Helper()
	b, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}
