package services_test

import (
	"slices"
	"testing"
	"time"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/services"
)

// at parses a wall-clock time in Amsterdam, "2026-12-22T10:00".
func at(t testing.TB, s string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	tm, err := time.ParseInLocation("2006-01-02T15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func ids(ss []services.Service) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

// The catalogue has the services the issue names, each at a desk.
func TestMaastrichtCatalogue(t *testing.T) {
	cat := maastricht(t)
	want := []string{"brp-registration", "one-stop-shop-intake", "ind-biometrics", "residence-permit-collection",
		"residence-sticker", "immigration-advice", "ind-hsm-decision", "ind-researcher-decision"}
	if got := cat.IDs(); !slices.Equal(got, want) {
		t.Errorf("IDs() = %v, want %v", got, want)
	}
	for _, s := range cat.Services() {
		if s.Desk == nil || s.Name.NL == "" || s.Name.EN == "" || s.Description.IsZero() {
			t.Errorf("%s: incomplete %+v", s.ID, s.Service)
		}
	}
	if cat.Centre().ID != "maastricht" {
		t.Error("Centre()")
	}
	if _, ok := cat.Service("nope"); ok {
		t.Error(`Service("nope") found`)
	}
}

// A service is available when its desk is open and its own hours are; the
// IND's decisions, procedures, never are.
func TestAvailable(t *testing.T) {
	cat := maastricht(t)
	ind := []string{"ind-biometrics", "residence-sticker", "immigration-advice"}
	tests := []struct {
		at   string
		want []string
	}{
		// Tuesday morning: both desks; the intake (Tu,Th mornings) too, but
		// collecting a card is on Fridays only.
		{"2026-12-22T10:00", append([]string{"brp-registration", "one-stop-shop-intake"}, ind...)},
		// Friday afternoon: the IND desk only, with card collection; the
		// municipal desk is closed.
		{"2026-12-18T14:00", []string{"ind-biometrics", "residence-permit-collection", "residence-sticker", "immigration-advice"}},
		// Thursday afternoon: the municipal desk is open, but the intake's
		// own hours are mornings.
		{"2026-12-17T14:00", []string{"brp-registration"}},
		// Christmas Day, and the centre's extra closure on Christmas Eve.
		{"2026-12-25T10:00", nil},
		{"2026-12-24T10:00", nil},
		// The municipal desk's maintenance week: the IND desk is open on
		// Tuesday 4 August, the intake is not.
		{"2026-08-04T10:00", ind},
		// The municipal desk's first-Saturday opening: registration only.
		{"2026-03-07T11:00", []string{"brp-registration"}},
	}
	for _, tt := range tests {
		if got := ids(cat.Available(at(t, tt.at))); !slices.Equal(got, tt.want) {
			t.Errorf("Available(%s) = %v, want %v", tt.at, got, tt.want)
		}
	}
}

type span struct{ start, end string }

func spans(ivs []schedule.Interval) []span {
	var out []span
	for _, iv := range ivs {
		out = append(out, span{iv.Start.Format("2006-01-02T15:04"), iv.End.Format("2006-01-02T15:04")})
	}
	return out
}

// The next moments a service can be used: its hours cut to its desk's,
// after the desk's closures.
func TestNext(t *testing.T) {
	cat := maastricht(t)
	day := 24 * time.Hour
	tests := []struct {
		service, from string
		n             int
		horizon       time.Duration
		want          []span
	}{
		// Open now: the first interval starts now. Then Christmas Eve and
		// Christmas Day are closed, and so are New Year's Eve and Day.
		{"ind-biometrics", "2026-12-22T10:00", 3, 90 * day, []span{
			{"2026-12-22T10:00", "2026-12-22T12:30"},
			{"2026-12-29T09:00", "2026-12-29T12:30"},
			{"2027-01-05T09:00", "2027-01-05T12:30"},
		}},
		// Card collection is on Fridays; 25 December and 1 January are
		// holidays.
		{"residence-permit-collection", "2026-12-22T10:00", 2, 90 * day, []span{
			{"2027-01-08T13:30", "2027-01-08T17:00"},
			{"2027-01-15T13:30", "2027-01-15T17:00"},
		}},
		// Within a week of 22 December there is no Friday to collect on.
		{"residence-permit-collection", "2026-12-22T10:00", 2, 7 * day, nil},
		// The intake is on Tuesday and Thursday mornings; the municipal desk
		// is closed 3-7 August.
		{"one-stop-shop-intake", "2026-08-01T00:00", 2, 90 * day, []span{
			{"2026-08-11T09:00", "2026-08-11T12:30"},
			{"2026-08-13T09:00", "2026-08-13T12:30"},
		}},
		// The municipal desk on Thursdays: two intervals on one day.
		{"brp-registration", "2026-12-17T08:00", 3, 90 * day, []span{
			{"2026-12-17T09:00", "2026-12-17T12:30"},
			{"2026-12-17T13:30", "2026-12-17T16:30"},
			{"2026-12-18T09:00", "2026-12-18T12:30"},
		}},
		{"brp-registration", "2026-12-17T08:00", 0, 90 * day, nil},
		{"brp-registration", "2026-12-17T08:00", 1, 0, nil},
	}
	for _, tt := range tests {
		s, ok := cat.Service(tt.service)
		if !ok {
			t.Fatalf("no service %s", tt.service)
		}
		if got := spans(s.Next(at(t, tt.from), tt.n, tt.horizon)); !slices.Equal(got, tt.want) {
			t.Errorf("%s.Next(%s, %d, %v) = %v, want %v", tt.service, tt.from, tt.n, tt.horizon, got, tt.want)
		}
	}
}

// Intervals longer than Next's steps are whole; unknown hours stay unknown
// in the intersection, with their comment.
func TestNextTestCentre(t *testing.T) {
	cat := testCentre(t)
	night, _ := cat.Service("night")
	from := at(t, "2026-03-01T12:00")
	got := night.Next(from, 2, 30*24*time.Hour)
	if len(got) != 1 || !got[0].Start.Equal(from) || !got[0].End.Equal(from.Add(30*24*time.Hour)) {
		t.Errorf("24/7 service: %v, want one interval to the horizon", spans(got))
	}
	// The desk closes on public holidays: Easter Sunday and Monday, King's
	// Day. The intervals run across Next's steps of 28 days.
	want := []span{{"2026-03-01T12:00", "2026-04-05T00:00"}, {"2026-04-07T00:00", "2026-04-27T00:00"}}
	if got := spans(night.Next(from, 2, 100*24*time.Hour)); !slices.Equal(got, want) {
		t.Errorf("24/7 service over Easter: %v, want %v", got, want)
	}

	advice, _ := cat.Service("advice")
	got = advice.Next(at(t, "2026-03-02T00:00"), 3, 30*24*time.Hour)
	want = []span{
		{"2026-03-02T10:00", "2026-03-02T11:00"},
		{"2026-03-04T13:00", "2026-03-04T15:00"},
		{"2026-03-09T10:00", "2026-03-09T11:00"}, // not Saturday: the office is closed
	}
	if !slices.Equal(spans(got), want) {
		t.Fatalf("advice: %v, want %v", spans(got), want)
	}
	if got[0].Kind != schedule.Unknown || got[0].Comment != "by appointment" || got[1].Kind != schedule.Unknown {
		t.Errorf("advice intervals %+v: want unknown, with the comment", got[:2])
	}
	if advice.IsOpen(at(t, "2026-03-02T10:30")) {
		t.Error("unknown counts as open")
	}
	if advice.Appointment || advice.BookingURL != "https://example.org/advice" {
		t.Errorf("advice: appointment %v, booking %q", advice.Appointment, advice.BookingURL)
	}
	decision, _ := cat.Service("decision")
	if !decision.Appointment || decision.BookingURL != "https://example.org/book" {
		t.Errorf("decision: appointment %v, booking %q: want the desk's and the centre's", decision.Appointment, decision.BookingURL)
	}
	if night.BookingURL != "https://example.org/always" {
		t.Errorf("night: booking %q, want its desk's", night.BookingURL)
	}
}

// A procedure is decided without a visit: it is never open, has no
// intervals, no appointment and no booking link, even though its desk is
// open around the clock; its processing periods are estimated as a
// visit's are.
func TestProcedure(t *testing.T) {
	cat := testCentre(t)
	permit, _ := cat.Service("permit")
	from := at(t, "2026-03-02T12:00")
	if permit.IsVisit() || permit.Kind != centre.Procedure || permit.IsOpen(from) || permit.Appointment || permit.BookingURL != "" {
		t.Errorf("permit: visit %v, kind %s, open %v, appointment %v, booking %q", permit.IsVisit(), permit.Kind, permit.IsOpen(from), permit.Appointment, permit.BookingURL)
	}
	if ivs := permit.Intervals(from, from.Add(24*time.Hour)); ivs != nil {
		t.Errorf("permit intervals %v", spans(ivs))
	}
	if next := permit.Next(from, 1, 30*24*time.Hour); next != nil {
		t.Errorf("permit next %v", spans(next))
	}
	for _, s := range cat.Available(from) {
		if s.ID == "permit" {
			t.Error("Available lists the procedure")
		}
	}
	night, _ := cat.Service("night")
	if !night.IsVisit() || !night.IsOpen(from) {
		t.Error("night: want a visit, open")
	}
	est, err := cat.Estimate("permit", day(t, "2026-03-02"))
	if err != nil || len(est.Periods) != 1 || est.Periods[0].Due != day(t, "2026-03-30") {
		t.Errorf("permit estimate %+v, %v", est, err)
	}
}

// IsOpen and Intervals agree at every hour of 2026, for every service.
func TestIsOpenMatchesIntervals(t *testing.T) {
	for _, cat := range []*services.Catalogue{maastricht(t), testCentre(t)} {
		from, to := at(t, "2026-01-01T00:00"), at(t, "2027-01-01T00:00")
		for _, s := range cat.Services() {
			ivs := s.Intervals(from, to)
			for k := 1; k < len(ivs); k++ {
				if ivs[k].Start.Before(ivs[k-1].End) {
					t.Fatalf("%s/%s: interval %d starts at %s, before %d ends at %s", cat.Centre().ID, s.ID, k, ivs[k].Start, k-1, ivs[k-1].End)
				}
			}
			// The intervals are in order and do not overlap: the one that
			// holds tm, if any, is the first that ends after it.
			k := 0
			for tm := from; tm.Before(to); tm = tm.Add(time.Hour + 7*time.Minute) {
				for k < len(ivs) && !ivs[k].End.After(tm) {
					k++
				}
				inOpen := k < len(ivs) && ivs[k].Kind == schedule.Open && !tm.Before(ivs[k].Start)
				if got := s.IsOpen(tm); got != inOpen {
					t.Fatalf("%s/%s at %s: IsOpen %v, in an open interval %v", cat.Centre().ID, s.ID, tm, got, inOpen)
				}
			}
		}
	}
}
