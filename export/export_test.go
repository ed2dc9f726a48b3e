package export_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/examples/centres"
	"github.com/expatcentre/loket/export"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/internal/oracle"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/text"
)

// testCentres returns every example centre (examples/centres/*.yaml) and
// the tricky centre of testdata, compiled.
func testCentres(t *testing.T) []*centre.Centre {
	t.Helper()
	var out []*centre.Centre
	names, err := fs.Glob(centres.FS(), "*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no example centres: %v", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(centres.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		c, err := centre.Load(name, data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	data, err := os.ReadFile("testdata/tricky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := centre.Load("tricky.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return append(out, c)
}

// testRanges are the ranges the exports are compared over: a calendar
// year, and twelve months across a year's end, each with both changes of
// daylight saving time.
var testRanges = []export.Range{
	{From: date.New(2026, 1, 1), To: date.New(2026, 12, 31)},
	export.Year(date.New(2026, 7, 1)),
}

// job is one desk of one centre over one range.
type job struct {
	c *centre.Centre
	d *centre.Desk
	r export.Range
}

func (j job) String() string { return fmt.Sprintf("%s/%s %s..%s", j.c.ID, j.d.ID, j.r.From, j.r.To) }

func (j job) bounds() (from, to time.Time) {
	loc := j.d.Schedule.Location()
	y, m, d := j.r.From.Date()
	from = time.Date(y, m, d, 0, 0, 0, 0, loc)
	y, m, d = (j.r.To + 1).Date()
	return from, time.Date(y, m, d, 0, 0, 0, 0, loc)
}

func jobs(t *testing.T) []job {
	var out []job
	for _, c := range testCentres(t) {
		for _, d := range c.Desks {
			for _, r := range testRanges {
				out = append(out, job{c, d, r})
			}
		}
	}
	return out
}

var stamp = time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)

// TestICSByICalJS is the acceptance test of the calendar: ical.js (Mozilla's
// parser) expands each desk's calendar over each range to exactly the
// schedule's Intervals, start, end and state, DST weeks, holidays,
// closures, exceptions and recurrences included; the all-day events are
// transparent notices of closed days.
func TestICSByICalJS(t *testing.T) {
	nm := oracle.NodeModules(t, "ical.js")
	js := jobs(t)
	type request struct {
		ICS    string `json:"ics"`
		From   int64  `json:"from"`
		To     int64  `json:"to"`
		AllDay bool   `json:"all_day"`
	}
	var reqs []request
	for _, j := range js {
		var b bytes.Buffer
		if err := export.ICS(&b, j.c, j.d, j.r, text.English, stamp); err != nil {
			t.Fatalf("%s: %v", j, err)
		}
		from, to := j.bounds()
		reqs = append(reqs, request{ICS: b.String(), From: from.UnixMilli(), To: to.UnixMilli()},
			request{ICS: b.String(), From: from.UnixMilli(), To: to.UnixMilli(), AllDay: true})
	}
	in, _ := json.Marshal(reqs)
	out := oracle.Run(t, nm, "UTC", oracle.Script(t, "ical.js"), in)
	var got []json.RawMessage
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(reqs) {
		t.Fatalf("ical.js: %v: %.300s", err, out)
	}
	type occurrence struct {
		Start, End int64
		Tentative  bool
		Summary    string
	}
	type allDay struct {
		Start, End, Summary string
		Transparent         bool
	}
	compared := 0
	for k, j := range js {
		var occ []occurrence
		var notes []allDay
		if err := json.Unmarshal(got[2*k], &occ); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(got[2*k+1], &notes); err != nil {
			t.Fatal(err)
		}
		from, to := j.bounds()
		want := j.d.Schedule.Intervals(from, to)
		if len(occ) != len(want) {
			t.Errorf("%s: ical.js gives %d events, the schedule %d intervals", j, len(occ), len(want))
		}
		for i := range min(len(occ), len(want)) {
			o, w := occ[i], want[i]
			if o.Start != w.Start.UnixMilli() || o.End != w.End.UnixMilli() || o.Tentative != (w.Kind == schedule.Unknown) {
				t.Errorf("%s: event %d is %s to %s (tentative %v), want %s to %s (%s)", j, i,
					time.UnixMilli(o.Start).In(from.Location()), time.UnixMilli(o.End).In(from.Location()), o.Tentative, w.Start, w.End, w.Kind)
				break
			}
		}
		for _, n := range notes {
			d, err := date.Parse("2006-01-02", n.Start)
			if err != nil || !n.Transparent {
				t.Errorf("%s: all-day event %+v: want a transparent notice of a closed day", j, n)
				continue
			}
			if v := j.d.Schedule.Day(d); len(v.Intervals) != 0 {
				t.Errorf("%s: a notice of closure (%s) on %s, which has intervals", j, n.Summary, d)
			}
		}
		compared += len(want)
	}
	t.Logf("%d desk-ranges of 365 days, %d intervals equal", len(js), compared)
}

// TestICSUIDsStable checks that two exports of overlapping ranges give the
// same UID to the same weekly hours and days, and that UIDs are unique
// within a calendar.
func TestICSUIDsStable(t *testing.T) {
	c := centre.Default()
	d, _ := c.Desk("ind")
	uids := func(r export.Range) map[string]bool {
		var b bytes.Buffer
		if err := export.ICS(&b, c, d, r, text.Dutch, stamp); err != nil {
			t.Fatal(err)
		}
		cal, err := ics.ParseCalendar(&b)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range cal.Events() {
			if seen[e.Id()] {
				t.Errorf("UID %s twice", e.Id())
			}
			seen[e.Id()] = true
		}
		return seen
	}
	a := uids(export.Year(date.New(2026, 12, 1)))
	b := uids(export.Year(date.New(2026, 12, 2)))
	for _, id := range []string{"weekly-tu-0900-1230.ind.maastricht@loket", "weekly-fr-1330-1700.ind.maastricht@loket", "closed-20261225.ind.maastricht@loket"} {
		if !a[id] || !b[id] {
			t.Errorf("UID %s: in the first export %v, in the second %v", id, a[id], b[id])
		}
	}
}

// merged returns the intervals with adjacent ones of the same state
// joined: opening_hours.js ends an interval where the comment changes,
// loket also where the reason or source does.
func merged(ivs [][3]int64) [][3]int64 {
	var out [][3]int64
	for _, iv := range ivs {
		if n := len(out); n > 0 && out[n-1][1] == iv[0] && out[n-1][2] == iv[2] {
			out[n-1][1] = iv[1]
			continue
		}
		out = append(out, iv)
	}
	return out
}

// TestOSMByOpeningHoursJS is the acceptance test of the OpenStreetMap
// value: opening_hours.js, under TZ=Europe/Amsterdam, gives the same open
// and unknown intervals over each range as the desk's schedule.
func TestOSMByOpeningHoursJS(t *testing.T) {
	nm := oracle.NodeModules(t, "opening_hours")
	js := jobs(t)
	var reqs []map[string]any
	for _, j := range js {
		v, err := export.OSM(j.c, j.d, j.r, text.Dutch)
		if err != nil {
			t.Fatalf("%s: %v", j, err)
		}
		from, to := j.bounds()
		reqs = append(reqs, map[string]any{"expr": v, "from": from.UnixMilli(), "to": to.UnixMilli()})
	}
	in, _ := json.Marshal(reqs)
	out := oracle.Run(t, nm, "Europe/Amsterdam", oracle.Script(t, "osm_intervals.js"), in)
	var got []struct {
		Error     string
		Intervals [][3]any
	}
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(reqs) {
		t.Fatalf("osm_intervals.js: %v: %.300s", err, out)
	}
	compared := 0
	for k, j := range js {
		if got[k].Error != "" {
			t.Errorf("%s: opening_hours.js refuses %q: %s", j, reqs[k]["expr"], got[k].Error)
			continue
		}
		var theirs, ours [][3]int64
		for _, iv := range got[k].Intervals {
			unknown := int64(0)
			if iv[2] == true {
				unknown = 1
			}
			theirs = append(theirs, [3]int64{int64(iv[0].(float64)), int64(iv[1].(float64)), unknown})
		}
		from, to := j.bounds()
		for _, iv := range j.d.Schedule.Intervals(from, to) {
			unknown := int64(0)
			if iv.Kind == schedule.Unknown {
				unknown = 1
			}
			ours = append(ours, [3]int64{iv.Start.UnixMilli(), iv.End.UnixMilli(), unknown})
		}
		theirs, ours = merged(theirs), merged(ours)
		if len(theirs) != len(ours) {
			t.Errorf("%s: opening_hours.js gives %d intervals, loket %d, for %s", j, len(theirs), len(ours), reqs[k]["expr"])
		}
		for i := range min(len(theirs), len(ours)) {
			if theirs[i] != ours[i] {
				loc := from.Location()
				t.Errorf("%s: interval %d: opening_hours.js %s to %s (unknown %d), loket %s to %s (unknown %d), for %s", j, i,
					time.UnixMilli(theirs[i][0]).In(loc), time.UnixMilli(theirs[i][1]).In(loc), theirs[i][2],
					time.UnixMilli(ours[i][0]).In(loc), time.UnixMilli(ours[i][1]).In(loc), ours[i][2], reqs[k]["expr"])
				break
			}
		}
		compared += len(ours)
	}
	t.Logf("%d desk-ranges of 365 days, %d intervals equal", len(js), compared)
}

// TestJSONLDByJSONLDJS is the acceptance test of the JSON-LD: jsonld.js
// expands each desk's document in safe mode (no term dropped) with the
// schema.org context from testdata, and the expansion has every property
// search engines need; each closed special day is opens = closes = 00:00
// on one day.
func TestJSONLDByJSONLDJS(t *testing.T) {
	nm := oracle.NodeModules(t, "jsonld")
	var docs []json.RawMessage
	var names []string
	for _, c := range testCentres(t) {
		for _, d := range c.Desks {
			b, err := export.JSONLD(c, d, export.Year(date.New(2026, 12, 2)), text.English)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, b)
			names = append(names, c.ID+"/"+d.ID)
		}
	}
	in, _ := json.Marshal(docs)
	out := oracle.Run(t, nm, "UTC", oracle.Script(t, "jsonld.js"), in, "testdata/schemaorg-context-30.0.jsonld")
	var got []struct {
		Error    string
		Expanded []map[string]any
	}
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(docs) {
		t.Fatalf("jsonld.js: %v: %.300s", err, out)
	}
	const s = "http://schema.org/"
	for k, g := range got {
		if g.Error != "" || len(g.Expanded) != 1 {
			t.Errorf("%s: jsonld.js: %s (%d nodes)", names[k], g.Error, len(g.Expanded))
			continue
		}
		node := g.Expanded[0]
		if fmt.Sprint(node["@type"]) != "["+s+"GovernmentOffice]" {
			t.Errorf("%s: @type %v", names[k], node["@type"])
		}
		for _, p := range []string{"name", "address", "geo", "url", "openingHoursSpecification", "specialOpeningHoursSpecification"} {
			if node[s+p] == nil {
				t.Errorf("%s: no %s in the expansion", names[k], p)
			}
		}
		specials, _ := node[s+"specialOpeningHoursSpecification"].([]any)
		closedDays := 0
		for _, x := range specials {
			sp := x.(map[string]any)
			val := func(p string) string {
				vs, _ := sp[s+p].([]any)
				if len(vs) != 1 {
					return ""
				}
				return fmt.Sprint(vs[0].(map[string]any)["@value"])
			}
			if val("validFrom") == "" || val("validFrom") != val("validThrough") {
				t.Errorf("%s: special hours %v: want validFrom = validThrough", names[k], sp)
			}
			if val("opens") == "00:00" && val("closes") == "00:00" {
				closedDays++
			}
		}
		if strings.HasPrefix(names[k], "maastricht/") && closedDays < 8 {
			t.Errorf("%s: %d closed special days in twelve months, want every holiday and closure", names[k], closedDays)
		}
	}
}

// TestJSONLDSpecialDays checks, without jsonld.js, that the special hours
// of the Maastricht IND desk over twelve months are its holidays,
// closures and exception.
func TestJSONLDSpecialDays(t *testing.T) {
	c := centre.Default()
	d, _ := c.Desk("ind")
	o, err := export.NewOffice(c, d, export.Year(date.New(2026, 1, 1)), text.Dutch)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range o.SpecialOpeningHours {
		got = append(got, h.ValidFrom+" "+h.Opens+"-"+h.Closes+" "+h.Name)
	}
	for _, w := range []string{
		"2026-01-01 00:00-00:00 Nieuwjaarsdag",
		"2026-02-17 00:00-00:00 Carnavalsdinsdag",
		"2026-04-06 00:00-00:00 Tweede Paasdag",
		"2026-09-15 09:00-11:00 korter open vanwege een teamdag",
		"2026-12-24 00:00-00:00 Kerstavond",
		"2026-12-25 00:00-00:00 Eerste Kerstdag",
	} {
		if !strings.Contains(strings.Join(got, "\n"), w) {
			t.Errorf("special hours lack %q:\n%s", w, strings.Join(got, "\n"))
		}
	}
	if len(o.OpeningHours) != 2 || strings.Join(o.OpeningHours[0].DayOfWeek, ",") != "https://schema.org/Tuesday,https://schema.org/Thursday" {
		t.Errorf("weekly hours %+v", o.OpeningHours)
	}
}

// TestJSONLDInScript checks that the JSON-LD can be put in a script
// element as it is: a name with </script> in it stays inside.
func TestJSONLDInScript(t *testing.T) {
	c, err := centre.Load("x.yaml", []byte(`id: x
name: {nl: "</script><script>alert(1)</script>", en: "a & b <!-- c"}
desks:
  - id: d
    name: {nl: D, en: D}
    hours: Mo 09:00-12:00
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range text.Langs() {
		b, err := export.JSONLD(c, c.Desks[0], export.Year(date.New(2026, 1, 1)), l)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.ContainsAny(b, "<>&") {
			t.Errorf("the JSON-LD holds <, > or &:\n%s", b)
		}
		var v map[string]any
		if err := json.Unmarshal(b, &v); err != nil || !strings.Contains(v["name"].(string), "</script>") && !strings.Contains(v["name"].(string), "<!--") {
			t.Errorf("name %v (%v)", v["name"], err)
		}
	}
}

// TestCheck is the table of ranges an export refuses, each with its
// message in both languages.
func TestCheck(t *testing.T) {
	cases := []struct {
		r    export.Range
		want string // "" for a range that is exported
	}{
		{export.Year(date.New(2026, 12, 2)), ""},
		{export.Range{From: date.New(2026, 1, 1), To: date.New(2026, 1, 1)}, ""},
		{export.Range{From: date.New(2026, 1, 1), To: date.New(2026, 1, 1) + export.MaxDays - 1}, ""},
		{export.Range{From: date.New(2026, 1, 1), To: date.New(2026, 1, 1) + export.MaxDays}, "732 days, more than the 731"},
		{export.Range{From: date.New(2026, 1, 2), To: date.New(2026, 1, 1)}, "ends on 2026-01-01, before it starts on 2026-01-02"},
		{export.Range{From: date.New(1899, 12, 31), To: date.New(1900, 1, 5)}, "not within the days loket answers for, 1900-01-01 to 2199-12-31"},
		{export.Range{From: date.New(2199, 12, 1), To: date.New(2200, 1, 1)}, "not within"},
		{export.Range{}, "not within"},
	}
	for _, c := range cases {
		err := export.Check(c.r)
		if c.want == "" {
			if err != nil {
				t.Errorf("%v: %v", c.r, err)
			}
			continue
		}
		if !errors.Is(err, export.ErrRange) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want ErrRange with %q", c.r, err, c.want)
			continue
		}
		if nl := message.In(text.Dutch, err); nl == err.Error() || !strings.Contains(nl, "periode") {
			t.Errorf("%v: in Dutch %q", c.r, nl)
		}
	}
	var b bytes.Buffer
	c := centre.Default()
	bad := export.Range{From: date.New(2026, 1, 2), To: date.New(2026, 1, 1)}
	if err := export.ICS(&b, c, c.Desks[0], bad, text.Dutch, stamp); !errors.Is(err, export.ErrRange) || b.Len() != 0 {
		t.Errorf("ICS of a bad range: %v, %d bytes", err, b.Len())
	}
	if _, err := export.OSM(c, c.Desks[0], bad, text.Dutch); !errors.Is(err, export.ErrRange) {
		t.Errorf("OSM of a bad range: %v", err)
	}
	if _, err := export.JSONLD(c, c.Desks[0], bad, text.Dutch); !errors.Is(err, export.ErrRange) {
		t.Errorf("JSONLD of a bad range: %v", err)
	}
	if _, err := export.JSON(c, bad, text.Dutch); !errors.Is(err, export.ErrRange) {
		t.Errorf("JSON of a bad range: %v", err)
	}
}

// TestOSMInexact checks that a value that cannot be exact is an error
// rather than a wrong value: here one that would need more dated rules
// than an expression may hold (osm.MaxRules).
func TestOSMInexact(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: x\nname: {nl: X, en: X}\ndesks:\n  - id: d\n    name: {nl: D, en: D}\n    hours: Mo-Su 09:00-17:00\n    exceptions:\n")
	for i := range 300 {
		fmt.Fprintf(&b, "      - date: %s\n", date.New(2026, 1, 1)+date.Date(i))
	}
	c, err := centre.Load("x.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = export.OSM(c, c.Desks[0], export.Year(date.New(2026, 1, 1)), text.English)
	if !errors.Is(err, export.ErrInexact) {
		t.Fatalf("OSM of 300 closed days: %v, want ErrInexact", err)
	}
	if nl := message.In(text.Dutch, err); !strings.Contains(nl, "opening_hours-waarde") {
		t.Errorf("in Dutch: %q", nl)
	}
}
