package main

import (
	_ "embed"
	"errors"
	"strconv"
	"time"

	"github.com/expatcentre/loket/internal/answer"
	"github.com/expatcentre/loket/internal/catalog"
	"github.com/expatcentre/loket/internal/centredata"
	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/internal/timetable"
	"github.com/expatcentre/loket/internal/wire"
	"github.com/expatcentre/loket/text"
)

// zoneData is Europe/Amsterdam as a slim TZif file (zic -b slim, tzdata
// 2025c, from Go's lib/time/zoneinfo.zip): the one zone the widget knows.
//
//go:embed zoneinfo/Europe-Amsterdam
var zoneData []byte

// zoneName is the name of the embedded zone.
const zoneName = "Europe/Amsterdam"

// bridge holds the loaded centres and answers the widget's questions with
// plain values (maps, slices, strings, numbers, booleans) that JavaScript
// receives as objects. Instants are milliseconds since 1970-01-01 UTC;
// languages are "nl", "en" or "" for the centre's default.
type bridge struct {
	loc     *time.Location
	centres map[string]*centredata.Live
	words   map[string]any // the outline's words, the same for every centre
}

func newBridge() (*bridge, error) {
	loc, err := time.LoadLocationFromTZData(zoneName, zoneData)
	if err != nil {
		return nil, errors.New("the embedded time zone: " + err.Error())
	}
	return &bridge{loc: loc, centres: map[string]*centredata.Live{}, words: fixedWords()}, nil
}

// bridgeWords are the widget's fixed words: the outline's words.nl and words.en
// (name: message id of the catalog, a message without data), so that
// rendering the widget needs no text call for them.
var bridgeWords = [...][2]string{
	{"appointment", "hours.appointment"},
	{"book", "widget.book"},
	{"day", "widget.week.day"},
	{"hours", "widget.week.hours"},
	{"services", "widget.services.title"},
	{"procedure", "widget.services.procedure"},
	{"openNow", "widget.services.open_now"},
	{"none", "widget.services.none"},
}

// load decodes a compiled centre (see `loket widget`) and keeps it under
// its id, replacing one loaded before. It returns the centre's outline:
// its names, desks (each with the widget's accessible name for it, label)
// and services, and the widget's fixed words in both languages.
func (b *bridge) load(data []byte) (map[string]any, error) {
	c, err := centredata.Unmarshal(data)
	if err != nil {
		return nil, err
	}
	if c.Zone != zoneName {
		return nil, errors.New("centre " + c.ID + " keeps the time zone " + c.Zone + "; the widget knows " + zoneName + " only")
	}
	l, err := centredata.NewLive(c, b.loc)
	if err != nil {
		return nil, err
	}
	b.centres[c.ID] = l
	desks := make([]any, len(c.Desks))
	for i, d := range c.Desks {
		label := map[string]any{}
		for _, l := range text.Langs() {
			label[l.String()] = catalog.T(l, "widget.region", map[string]any{"Desk": d.Name.In(l), "Centre": c.Name.In(l)})
		}
		desks[i] = map[string]any{"id": d.ID, "name": textValue(d.Name), "location": textValue(d.Location),
			"appointment": d.Appointment, "bookingUrl": d.BookingURL, "label": label}
	}
	services := make([]any, len(c.Services))
	for i, s := range c.Services {
		services[i] = map[string]any{"id": s.ID, "kind": s.Kind, "name": textValue(s.Name), "desk": s.Desk,
			"appointment": s.Appointment, "bookingUrl": s.BookingURL}
	}
	return map[string]any{
		"id": c.ID, "name": textValue(c.Name), "defaultLanguage": c.DefaultLanguage,
		"defaultDesk": c.DefaultDesk, "desks": desks, "services": services, "words": b.words,
	}, nil
}

// fixedWords returns the outline's words: for each language, bridgeWords
// in it.
func fixedWords() map[string]any {
	fixed := map[string]any{}
	for _, l := range text.Langs() {
		w := make(map[string]any, len(bridgeWords))
		for _, word := range bridgeWords {
			w[word[0]] = catalog.T(l, word[1], nil)
		}
		fixed[l.String()] = w
	}
	return fixed
}

func textValue(t text.Text) map[string]any { return map[string]any{"nl": t.NL, "en": t.EN} }

// centre returns a loaded centre and the language asked (or its default).
func (b *bridge) centre(id, lang string) (*centredata.Live, text.Lang, error) {
	l, ok := b.centres[id]
	if !ok {
		return nil, 0, errors.New("no centre " + wire.Quoted(id) + " is loaded")
	}
	if lang == "" {
		lang = l.DefaultLanguage
	}
	tl, ok := text.ParseLang(lang)
	if !ok {
		return nil, 0, errors.New("language " + wire.Quoted(lang) + ": want nl or en")
	}
	return l, tl, nil
}

// desk returns the index of a desk of l ("" for the default desk).
func desk(l *centredata.Live, id string) (int, error) {
	if id == "" {
		id = l.DefaultDesk
	}
	i, ok := l.DeskIndex(id)
	if !ok {
		return 0, errors.New("centre " + l.ID + " has no desk " + wire.Quoted(id))
	}
	return i, nil
}

// instant converts milliseconds since the epoch to an instant in zone loc.
func instant(ms float64, loc *time.Location) (time.Time, error) {
	// Years 1 to 9999; outside, the query side answers out of range anyway.
	if !(ms >= -62135596800000 && ms <= 253402300799000) {
		return time.Time{}, errors.New("instant " + strconv.FormatInt(int64(ms), 10) + " ms is not a time between years 1 and 9999")
	}
	return time.UnixMilli(int64(ms)).In(loc), nil
}

func millis(t time.Time) float64 { return float64(t.UnixMilli()) }

// deskAt returns what status and week ask about: a loaded centre, the
// language asked, the index of one of its desks and an instant in its
// zone.
func (b *bridge) deskAt(centreID, deskID string, atMs float64, lang string) (l *centredata.Live, tl text.Lang, i int, at time.Time, err error) {
	if l, tl, err = b.centre(centreID, lang); err != nil {
		return nil, 0, 0, time.Time{}, err
	}
	if i, err = desk(l, deskID); err != nil {
		return nil, 0, 0, time.Time{}, err
	}
	if at, err = instant(atMs, l.Loc); err != nil {
		return nil, 0, 0, time.Time{}, err
	}
	return l, tl, i, at, nil
}

// status answers "is the desk open at this instant, and when does that
// change?".
func (b *bridge) status(centreID, deskID string, atMs float64, lang string) (map[string]any, error) {
	l, tl, i, at, err := b.deskAt(centreID, deskID, atMs, lang)
	if err != nil {
		return nil, err
	}
	s := answer.StatusOf(tl, l.Desk(i), at)
	out := map[string]any{
		"centre": l.ID, "desk": l.Desks[i].ID, "lang": tl.String(), "at": millis(at),
		"covered": s.State.Source != timetable.SourceOutOfRange,
		"state":   s.State.Kind.String(), "source": s.State.Source.String(),
		"comment": s.State.Comment, "reason": s.State.Reason.In(tl),
		"holiday": s.State.Holiday.ID, "holidayName": s.State.Holiday.Name.In(tl),
		"sentence": s.Sentence, "next": nil, "nextState": nil,
	}
	if s.HasNext {
		out["next"], out["nextState"] = millis(s.Next), s.NextState.String()
	}
	return out, nil
}

// week answers "what are the desk's hours in the week of this instant?".
// today is the instant's date in the centre's zone and nextDay the instant
// the next date starts there (when the week's marked day changes).
func (b *bridge) week(centreID, deskID string, atMs float64, lang string) (map[string]any, error) {
	l, tl, i, at, err := b.deskAt(centreID, deskID, atMs, lang)
	if err != nil {
		return nil, err
	}
	today := civil.Of(at)
	monday := answer.Monday(today)
	days := answer.Week(tl, l.Desk(i), monday, answer.Closures(l.ExtraClosures))
	list := make([]any, len(days))
	for k, d := range days {
		ivs := make([]any, len(d.Intervals))
		for j, iv := range d.Intervals {
			ivs[j] = map[string]any{"start": millis(iv.Start), "end": millis(iv.End), "state": iv.Kind.String(),
				"source": iv.Source.String(), "comment": iv.Comment, "reason": iv.Reason.In(tl), "text": iv.Text}
		}
		day := map[string]any{"date": d.Date.String(), "label": d.Label, "intervals": ivs, "line": d.Line, "closed": nil}
		if d.Closed != nil {
			day["closed"] = map[string]any{"why": d.Closed.Why, "holiday": d.Closed.Holiday, "reason": d.Closed.Reason}
		}
		list[k] = day
	}
	return map[string]any{
		"centre": l.ID, "desk": l.Desks[i].ID, "lang": tl.String(), "monday": monday.String(),
		"today": today.String(), "nextDay": millis((today + 1).Midnight(l.Loc)),
		"title":   catalog.T(tl, "hours.week", map[string]any{"Date": catalog.Date(tl, monday)}),
		"caption": catalog.T(tl, "widget.week.caption", map[string]any{"Date": catalog.Date(tl, monday)}),
		"days":    list,
	}, nil
}

// nextHorizon is how far services looks for a service's next time.
const nextHorizon = 90 * 24 * time.Hour

// services answers "when can each service next be used?".
func (b *bridge) services(centreID string, atMs float64, lang string) (map[string]any, error) {
	l, tl, err := b.centre(centreID, lang)
	if err != nil {
		return nil, err
	}
	at, err := instant(atMs, l.Loc)
	if err != nil {
		return nil, err
	}
	list := make([]any, len(l.Services))
	for i, s := range l.Services {
		entry := map[string]any{"id": s.ID, "kind": s.Kind, "name": s.Name.In(tl), "desk": s.Desk,
			"deskName": l.Desks[l.ServiceDesk(i)].Name.In(tl), "openNow": l.ServiceOpen(i, at), "next": nil}
		if next := l.ServiceNext(i, at, 1, nextHorizon); len(next) > 0 {
			iv := next[0]
			entry["next"] = map[string]any{"start": millis(iv.Start), "end": millis(iv.End), "state": iv.Kind.String(),
				"text": catalog.DateSpan(tl, iv.Start, iv.End)}
		}
		list[i] = entry
	}
	return map[string]any{"centre": l.ID, "lang": tl.String(), "at": millis(at), "services": list}, nil
}

// text returns message id of the query side's catalog (the widget's own
// words, widget.*, and those it shares with the command-line tool) in
// language lang ("nl" or "en"), with data (strings and numbers) filled in.
func (b *bridge) text(lang, id string, data map[string]any) (map[string]any, error) {
	tl, ok := text.ParseLang(lang)
	if !ok {
		return nil, errors.New("language " + wire.Quoted(lang) + ": want nl or en")
	}
	if !catalog.Has(id) {
		return nil, errors.New("no message " + wire.Quoted(id))
	}
	return map[string]any{"text": catalog.T(tl, id, data)}, nil
}
