// Package report builds loket's answers as JSON values: a desk's status
// and week, a centre's services, the estimate of a procedure and the
// result of an eligibility check, each with its texts in one language.
// The command-line tool prints them (--format json, docs/json.md) and the
// HTTP API (package api, docs/api.md) sends them, so that both give the
// same data and the same sentences.
//
// Every field is always there: a value that does not exist is a JSON null
// (a nil pointer), never a missing key, and a list that is empty is [].
// The fields tagged json:"-" are for the text form of the command-line
// tool.
package report

import (
	"encoding/json"
	"time"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/dated"
	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/answer"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/services"
)

// NextHorizon is how far [Services] looks for a visit's next available
// moment.
const NextHorizon = 90 * 24 * time.Hour

// OrNull returns nil for "", else a pointer to s: a JSON null for text
// that is not there.
func OrNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Interval is an interval of a schedule: open, or unknown (a rule that
// says neither open nor closed).
type Interval struct {
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
	State   string    `json:"state"`
	Comment *string   `json:"comment"`
	Reason  *string   `json:"reason"`
}

// NewInterval returns the JSON form of iv, its reason in p's language.
func NewInterval(p *i18n.Printer, iv schedule.Interval) Interval {
	return Interval{Start: iv.Start, End: iv.End, State: iv.Kind.String(), Comment: OrNull(iv.Comment), Reason: OrNull(p.Text(iv.Reason))}
}

// Closed says why a day has no intervals.
type Closed struct {
	// Why is hours (the weekly hours do not open that day), holiday,
	// closure (the whole centre is closed), exception or recurrence.
	Why string `json:"why"`
	// Holiday is the id of the holiday that closes the day.
	Holiday *string `json:"holiday"`
	// Reason is the holiday's name, the closure's, the exception's or
	// recurrence's reason, or the comment of the rule, in the output
	// language.
	Reason *string `json:"reason"`
}

// ClosedDay says why the day v, which has no intervals, is closed; ce is
// the centre whose extra closures it may be, or nil.
func ClosedDay(p *i18n.Printer, v schedule.DayView, ce *centre.Centre) *Closed {
	cj := &Closed{Why: "hours"}
	switch {
	case v.Closed.Holiday.ID != "":
		cj.Why, cj.Holiday, cj.Reason = "holiday", OrNull(v.Closed.Holiday.ID), OrNull(p.Text(v.Closed.Holiday.Name))
	case v.Closed.Source == schedule.SourceException:
		cj.Why, cj.Reason = "exception", OrNull(p.Text(v.Closed.Reason))
		if ce != nil {
			for _, cl := range ce.ExtraClosures {
				if cl.Dates.Contains(v.Date) {
					cj.Why = "closure"
				}
			}
		}
	case v.Closed.Source == schedule.SourceRecurrence:
		cj.Why, cj.Reason = "recurrence", OrNull(p.Text(v.Closed.Reason))
	case v.Closed.Comment != "":
		cj.Reason = OrNull(p.Comment(v.Closed.Comment))
	}
	return cj
}

// NoteIn returns the note of a dated value when p speaks its language:
// centre files write their notes in English, so a Dutch output leaves
// them out (and keeps the source, its date and whether it is verified).
func NoteIn(p *i18n.Printer, v dated.Entry[float64]) string {
	if p.Lang() != language.English {
		return ""
	}
	return v.Note
}

// Status is a desk's state at an instant: the answer of the API's status
// route, and the first part of [Hours].
type Status struct {
	Centre      string     `json:"centre"`
	Desk        string     `json:"desk"`
	DeskName    string     `json:"desk_name"`
	Location    *string    `json:"location"`
	Appointment bool       `json:"appointment"`
	BookingURL  *string    `json:"booking_url"`
	Lang        string     `json:"lang"`
	At          time.Time  `json:"at"`
	State       string     `json:"state"`
	Status      string     `json:"status"`
	NextChange  *time.Time `json:"next_change"`
	NextState   *string    `json:"next_state"`

	// CentreName is the centre's name, for the text form.
	CentreName string `json:"-"`
}

// Hours is the answer of `loket hours`: a desk's status at an instant
// and its week, Monday to Sunday.
type Hours struct {
	Status
	Week []Day `json:"week"`
}

// Day is one day of a desk's week.
type Day struct {
	Date      string     `json:"date"`
	Intervals []Interval `json:"intervals"`
	Closed    *Closed    `json:"closed"`

	// Label is the day as text: "dinsdag 22 december 2026".
	Label string `json:"-"`
	// Line is its hours as text: "09:00–12:30", "gesloten (Eerste
	// Kerstdag)".
	Line string `json:"-"`
}

// StatusOf returns desk d's status at at, worded by p.
func StatusOf(p *i18n.Printer, ce *centre.Centre, d *centre.Desk, at time.Time) Status {
	s := d.Schedule
	st := s.State(at)
	rep := Status{
		Centre: ce.ID, Desk: d.ID, DeskName: p.Text(d.Name), Location: OrNull(p.Text(d.Location)),
		Appointment: d.Appointment, BookingURL: OrNull(d.BookingURL),
		Lang: p.Lang().String(), At: at, State: st.Kind.String(),
		Status:     d.Status(p, at),
		CentreName: p.Text(ce.Name),
	}
	if next, ok := s.NextChange(at); ok && s.Covers(next) {
		rep.NextChange = &next
		rep.NextState = OrNull(s.State(next).Kind.String())
	}
	return rep
}

// WeekOf returns the seven days of desk d from monday, worded by p.
func WeekOf(p *i18n.Printer, ce *centre.Centre, d *centre.Desk, monday date.Date) []Day {
	isClosure := func(day civil.Date) bool {
		for _, cl := range ce.ExtraClosures {
			if cl.Dates.Contains(date.Date(day)) {
				return true
			}
		}
		return false
	}
	week := make([]Day, 0, 7)
	for day := monday; day < monday+7; day++ {
		a := answer.DayOf(p.Language(), d.Schedule.Timetable(), civil.Date(day), isClosure)
		dj := Day{Date: day.String(), Intervals: []Interval{}, Label: a.Label, Line: a.Line}
		for _, iv := range a.Intervals {
			dj.Intervals = append(dj.Intervals, NewInterval(p, iv.Interval))
		}
		if a.Closed != nil {
			dj.Closed = &Closed{Why: a.Closed.Why, Holiday: OrNull(a.Closed.Holiday), Reason: OrNull(a.Closed.Reason)}
		}
		week = append(week, dj)
	}
	return week
}

// HoursOf returns the answer of `loket hours` for desk d: its status at
// at and the week from monday.
func HoursOf(p *i18n.Printer, ce *centre.Centre, d *centre.Desk, at time.Time, monday date.Date) Hours {
	return Hours{Status: StatusOf(p, ce, d, at), Week: WeekOf(p, ce, d, monday)}
}

// Services is the answer of `loket services`: a centre's services at an
// instant. Texts are in the language of Lang.
type Services struct {
	Centre      string    `json:"centre"`
	Lang        string    `json:"lang"`
	At          time.Time `json:"at"`
	HorizonDays int       `json:"horizon_days"`
	Services    []Service `json:"services"`
}

// Service is one service: what every service has, and for a visit what
// it takes to come.
type Service struct {
	ID          string      `json:"id"`
	Kind        string      `json:"kind"`
	Name        string      `json:"name"`
	Description *string     `json:"description"`
	Desk        string      `json:"desk"`
	DeskName    string      `json:"desk_name"`
	For         Audience    `json:"for"`
	Documents   []string    `json:"documents"`
	Fee         *Fee        `json:"fee"`
	Processing  []PeriodDef `json:"processing"`
	Visit       *Visit      `json:"visit"` // null for a procedure
}

// Visit is what a visit to a desk takes: its hours, whether to book,
// where, and when it can be used next.
type Visit struct {
	Hours           *string   `json:"hours"`
	Appointment     bool      `json:"appointment"`
	BookingURL      *string   `json:"booking_url"`
	DurationMinutes *int      `json:"duration_minutes"`
	AvailableNow    bool      `json:"available_now"`
	Next            *Interval `json:"next"` // null: not within the horizon
}

// Audience is who a service is for.
type Audience struct {
	Routes        []string `json:"routes"`
	EU            bool     `json:"eu"`
	NonEU         bool     `json:"non_eu"`
	FamilyMembers bool     `json:"family_members"`
}

// Fee is the fee in force at the instant asked about.
type Fee struct {
	Amount    float64 `json:"amount"`
	Currency  string  `json:"currency"`
	ValidFrom string  `json:"valid_from"`
	Source    string  `json:"source"`
	Note      *string `json:"note"`
	Verified  bool    `json:"verified"`
	Outdated  bool    `json:"outdated"`
}

// PeriodDef is a processing period as the centre file states it, with
// the value in force at the instant asked about.
type PeriodDef struct {
	ID        string  `json:"id"`
	Kind      string  `json:"kind"`
	Name      string  `json:"name"`
	Unit      string  `json:"unit"`
	Value     float64 `json:"value"`
	ValidFrom string  `json:"valid_from"`
	Source    string  `json:"source"`
	Note      *string `json:"note"`
	Verified  bool    `json:"verified"`
}

// ServicesOf returns the services of cat at at, worded by p, each visit
// with its next available moment within [NextHorizon].
func ServicesOf(p *i18n.Printer, cat *services.Catalogue, at time.Time) Services {
	c := cat.Centre()
	today := date.NewAt(at)
	rep := Services{
		Centre: c.ID, Lang: p.Lang().String(), At: at, HorizonDays: int(NextHorizon / (24 * time.Hour)),
		Services: []Service{},
	}
	for _, s := range cat.Services() {
		sj := Service{
			ID: s.ID, Kind: string(s.Kind), Name: p.Text(s.Name), Description: OrNull(p.Text(s.Description)),
			Desk: s.Desk.ID, DeskName: p.Text(s.Desk.Name),
			For:       Audience{Routes: []string{}, EU: s.For.EU, NonEU: s.For.NonEU, FamilyMembers: s.For.FamilyMembers},
			Documents: []string{}, Processing: []PeriodDef{},
		}
		for _, r := range s.For.Routes {
			sj.For.Routes = append(sj.For.Routes, string(r))
		}
		for _, d := range s.Documents {
			sj.Documents = append(sj.Documents, p.Text(d))
		}
		if v, ok := s.Fee.At(today); ok {
			sj.Fee = &Fee{Amount: v.Value, Currency: "EUR", ValidFrom: v.From.String(), Source: v.Source, Note: OrNull(NoteIn(p, v)),
				Verified: !v.Unverified, Outdated: s.Fee.Outdated(today)}
		}
		for _, t := range s.Processing {
			v, ok := t.Amount.At(today)
			if !ok {
				continue
			}
			sj.Processing = append(sj.Processing, PeriodDef{ID: t.ID, Kind: string(t.Kind), Name: p.Text(t.Name),
				Unit: string(t.Unit), Value: v.Value, ValidFrom: v.From.String(), Source: v.Source, Note: OrNull(NoteIn(p, v)),
				Verified: !v.Unverified})
		}
		if s.IsVisit() {
			vj := &Visit{Hours: OrNull(s.Hours), Appointment: s.Appointment, BookingURL: OrNull(s.BookingURL), AvailableNow: s.IsOpen(at)}
			if s.Duration > 0 {
				minutes := int(s.Duration / time.Minute)
				vj.DurationMinutes = &minutes
			}
			if next := s.Next(at, 1, NextHorizon); len(next) > 0 {
				iv := NewInterval(p, next[0])
				vj.Next = &iv
			}
			sj.Visit = vj
		}
		rep.Services = append(rep.Services, sj)
	}
	return rep
}

// Estimate is the answer of `loket estimate`: when the procedure of a
// service, submitted on a date, is decided. Texts are in the language of
// Lang.
type Estimate struct {
	Centre    string   `json:"centre"`
	Service   string   `json:"service"`
	Kind      string   `json:"kind"`
	Name      string   `json:"name"`
	Lang      string   `json:"lang"`
	Submitted string   `json:"submitted"`
	Periods   []Period `json:"periods"`

	// SubmittedDate is Submitted as a date, for the text form.
	SubmittedDate date.Date `json:"-"`
}

// Period is a processing period counted from a submission.
type Period struct {
	ID          string    `json:"id"`
	Kind        string    `json:"kind"`
	Name        string    `json:"name"`
	Unit        string    `json:"unit"`
	Value       float64   `json:"value"`
	Days        int       `json:"days"`
	Start       string    `json:"start"`
	End         string    `json:"end"`
	Date        string    `json:"date"`
	Extended    bool      `json:"extended"`
	Skipped     []Skipped `json:"skipped"`
	ValidFrom   string    `json:"valid_from"`
	Source      string    `json:"source"`
	Note        *string   `json:"note"`
	Verified    bool      `json:"verified"`
	Explanation string    `json:"explanation"`

	// Due and From are Date and ValidFrom as dates, for the text form.
	Due, From date.Date `json:"-"`
}

// Skipped is a day a period did not count.
type Skipped struct {
	Date    string  `json:"date"`
	Why     string  `json:"why"` // weekend, holiday or closure
	Holiday *string `json:"holiday"`
	Name    *string `json:"name"`
}

// EstimateOf returns the estimate est of service s of the centre
// centreID, worded by p.
func EstimateOf(p *i18n.Printer, centreID string, s services.Service, est services.Estimate) Estimate {
	rep := Estimate{
		Centre: centreID, Service: s.ID, Kind: string(s.Kind), Name: p.Text(s.Name), Lang: p.Lang().String(),
		Submitted: est.Submitted.String(), Periods: []Period{}, SubmittedDate: est.Submitted,
	}
	for _, pd := range est.Periods {
		pj := Period{
			ID: pd.Target.ID, Kind: string(pd.Target.Kind), Name: p.Text(pd.Target.Name), Unit: string(pd.Target.Unit),
			Value: pd.Value.Value, Days: pd.Days, Start: pd.Start.String(), End: pd.End.String(), Date: pd.Due.String(),
			Extended: pd.Extended(), Skipped: []Skipped{},
			ValidFrom: pd.Value.From.String(), Source: pd.Value.Source, Note: OrNull(NoteIn(p, pd.Value)), Verified: !pd.Value.Unverified,
			Explanation: pd.Explain(p), Due: pd.Due, From: pd.Value.From,
		}
		for _, sk := range pd.Skipped {
			pj.Skipped = append(pj.Skipped, Skipped{Date: sk.Date.String(), Why: sk.Why.String(), Holiday: OrNull(sk.Holiday), Name: OrNull(p.Text(sk.Name))})
		}
		rep.Periods = append(rep.Periods, pj)
	}
	return rep
}

// Check returns the answer of `loket check`: the contract of package
// eligibility (eligibility.Result.Contract), with the services the
// centre of cat advises for each route, and under "services" those
// services, as the centre describes them, each saying whether it is for
// the person when rs (FindResidence; nil when the facts name no
// municipality) says where they will live; then "residence".
func Check(p *i18n.Printer, res eligibility.Result, cat *services.Catalogue, rs *Residence) (Object, error) {
	raw, err := json.Marshal(res.Contract(p, cat.BookNextIDs))
	if err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, err
	}
	list := []CheckService{}
	seen := map[string]bool{}
	for _, rr := range res.Routes {
		for _, s := range cat.BookNext(rr) {
			if seen[s.ID] {
				continue
			}
			seen[s.ID] = true
			sj := CheckService{ID: s.ID, Kind: string(s.Kind), Name: p.Text(s.Name),
				Desk: s.Desk.ID, DeskName: p.Text(s.Desk.Name), BookingURL: OrNull(s.BookingURL),
				AreaOnly: s.For.ServiceAreaOnly}
			if rs != nil {
				ok := rs.ForResident(s)
				sj.ForResidence = &ok
			}
			list = append(list, sj)
		}
	}
	if fields["services"], err = json.Marshal(list); err != nil {
		return nil, err
	}
	var rj *ResidenceJSON
	if rs != nil {
		rj = rs.JSON(p)
	}
	if fields["residence"], err = json.Marshal(rj); err != nil {
		return nil, err
	}
	// The contract's keys in its order, then services and residence, then
	// any key the contract may add later.
	return ordered(fields, "date", "outdated", "routes", "services", "residence"), nil
}

// CheckService is a service that the answer of `loket check` names.
type CheckService struct {
	ID         string  `json:"id"`
	Kind       string  `json:"kind"`
	Name       string  `json:"name"`
	Desk       string  `json:"desk"`
	DeskName   string  `json:"desk_name"`
	BookingURL *string `json:"booking_url"` // null for a procedure
	// AreaOnly is set for a service only for residents of the centre's
	// service area; ForResidence says whether it is for the person, by
	// the municipality of the facts (null without one).
	AreaOnly     bool  `json:"service_area_only"`
	ForResidence *bool `json:"for_residence"`
}
