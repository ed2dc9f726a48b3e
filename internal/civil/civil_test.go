package civil

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"
)

// TestAgainstDate checks every function against rickb777/date and package
// time, at random days from year -20000 to 20000 and at every day of
// 1599-2401.
func TestAgainstDate(t *testing.T) {
	check := func(tb interface{ Fatalf(string, ...any) }, d Date) {
		want := date.Date(d)
		y, m, dd := d.Date()
		wy, wm, wd := want.Date()
		if y != wy || m != wm || dd != wd {
			tb.Fatalf("Date(%d) = %d-%d-%d, want %d-%d-%d", d, y, m, dd, wy, wm, wd)
		}
		if New(y, m, dd) != d {
			tb.Fatalf("New(%d, %d, %d) = %d, want %d", y, m, dd, New(y, m, dd), d)
		}
		if d.Weekday() != want.Weekday() {
			tb.Fatalf("%d: Weekday = %v, want %v", d, d.Weekday(), want.Weekday())
		}
		iy, iw := d.ISOWeek()
		ty, tw := want.MidnightUTC().ISOWeek()
		if iy != ty || iw != tw {
			tb.Fatalf("%d: ISOWeek = %d-%d, want %d-%d", d, iy, iw, ty, tw)
		}
		if y >= 0 && y <= 9999 && d.String() != want.String() {
			tb.Fatalf("String = %s, want %s", d, want)
		}
		if Of(want.MidnightUTC()) != d || d.Midnight(time.UTC) != want.MidnightUTC() {
			tb.Fatalf("%d: Of or Midnight disagree with date", d)
		}
	}
	for d := New(1599, time.January, 1); d < New(2402, time.January, 1); d++ {
		check(t, d)
	}
	rapid.Check(t, func(rt *rapid.T) {
		check(rt, Date(rapid.Int64Range(int64(New(-20000, 1, 1)), int64(New(20000, 1, 1))).Draw(rt, "day")))
	})
}

func TestNewNormalizes(t *testing.T) {
	for _, c := range []struct {
		y    int
		m    time.Month
		d    int
		want string
	}{
		{2026, 12, 32, "2027-01-01"}, {2026, 13, 1, "2027-01-01"}, {2026, 0, 1, "2025-12-01"},
		{2026, 3, 0, "2026-02-28"}, {2024, 3, 0, "2024-02-29"}, {2026, -11, 1, "2025-01-01"},
		{1, 1, 1, "0001-01-01"}, {0, 12, 31, "0000-12-31"}, {-1, 1, 1, "-0001-01-01"},
	} {
		got := New(c.y, c.m, c.d)
		if want := time.Date(c.y, c.m, c.d, 0, 0, 0, 0, time.UTC); got.Midnight(time.UTC) != want {
			t.Errorf("New(%d, %d, %d) = %s, want %s", c.y, c.m, c.d, got.Midnight(time.UTC), want)
		}
		if got.String() != c.want {
			t.Errorf("New(%d, %d, %d).String() = %s, want %s", c.y, c.m, c.d, got, c.want)
		}
	}
	if New(1, 1, 1) != 0 || FromUnixDay(0) != UnixEpoch || New(1970, 1, 1) != UnixEpoch || UnixEpoch.UnixDay() != 0 {
		t.Error("epochs disagree")
	}
}

func TestEaster(t *testing.T) {
	// Known dates (Meeus, and the calendars of those years).
	for y, want := range map[int]string{1818: "1818-03-22", 1943: "1943-04-25", 2026: "2026-04-05", 2038: "2038-04-25", 2285: "2285-03-22"} {
		if got := Easter(y).String(); got != want {
			t.Errorf("Easter(%d) = %s, want %s", y, got, want)
		}
	}
	for y := -3000; y < 5000; y++ {
		e := Easter(y)
		ey, m, d := e.Date()
		if ey != y || e.Weekday() != time.Sunday || m < time.March || m > time.April || m == time.March && d < 22 || m == time.April && d > 25 {
			t.Fatalf("Easter(%d) = %s", y, e)
		}
	}
}

func TestDaysIn(t *testing.T) {
	for y := 1896; y <= 2404; y++ {
		for m := time.January; m <= time.December; m++ {
			if got, want := DaysIn(y, m), time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Fatalf("DaysIn(%d, %v) = %d, want %d", y, m, got, want)
			}
		}
	}
}
