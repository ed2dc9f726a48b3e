package osm

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/internal/timetable"
)

// The grammar accepted by ParseOSM, a strict subset of the OpenStreetMap
// opening_hours specification (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification):
//
//	expression = rule { ( ";" | "," | "||" ) rule }
//	rule       = [years] [dates] [weeks] [":"] [days] [comment times] [times] [state] [comment]
//	years      = year { "," year }         year  = YYYY [ "-" YYYY ] [ "/" N ] | YYYY "+"
//	dates      = date { "," date }         date  = Mon [ "-" Mon ] | [YYYY] Mon DD [ "-" DD [ "/" N ] ]
//	                                              | Mon DD "-" Mon DD | YYYY Mon DD "-" YYYY Mon DD
//	                                              | Mon DD "-" easter | easter [ "-" ( Mon DD | easter ) ]
//	easter     = "easter" [ ( "+" | "-" ) N ( "day" | "days" ) ]
//	weeks      = "week" week { "," ["week"] week }  week  = WW [ "-" WW [ "/" N ] ]
//	days       = day { "," day }           day   = Wd [ "-" Wd ] | Wd "[" nth { "," nth } "]" [offset] | "PH" [offset]
//	offset     = ( "+" | "-" ) N ( "day" | "days" )   (1 to 6 days after "]", 1 day after "PH")
//	times      = "24/7" | span { "," span } span  = HH:MM "-" HH:MM
//	state      = "open" | "closed" | "off" | "unknown"
//	comment    = '"' text '"'
//
// A "," starts an additional rule only after times, a state or a comment
// (elsewhere it separates list items), as in opening_hours.js. The ":"
// (the specification's separator for readability) may end the wide-range
// selectors (years, dates, weeks) when something follows. A rule has one
// comment, after its state or before its times (We "Call us" 10:00-16:00);
// the normal form puts it last. A range ending at easter excludes that
// day, as in opening_hours.js: easter -2 days-easter +2 days is four days.

// MaxRules is the largest number of rules, separated by ";", "," or "||",
// that ParseOSM accepts in one expression. Evaluating a day costs time in
// proportion to the rules that apply to it.
const MaxRules = timetable.MaxRules

type sepKind uint8

const (
	sepNormal     sepKind = iota // ;
	sepAdditional                // ,
	sepFallback                  // ||
)

type selKind uint8

const (
	selYear     selKind = iota // y1..y2 (y2 = MaxInt32 for "+"), every p years
	selMonths                  // mask of months, bit 0 = January
	selMonthDay                // m1 d1..d2 in the same month, in year y1 when y1 != 0
	selDateSpan                // y1 m1 d1 .. y2 m2 d2 (years 0 when absent), wraps over the year end
	selEaster                  // Easter Sunday + d1 days
	selWeek                    // ISO weeks y1..y2 every p weeks
	selWeekdays                // mask of weekdays, bit 0 = Sunday
	selNth                     // weekday d1, n-th (p) of the month; negative counts from the end; moved by d2 days
	selPH                      // a public holiday of the schedule's calendar, moved by d1 days
)

type sel struct {
	kind          selKind
	y1, m1, d1, p int
	y2, m2, d2    int
	mask          uint16
}

type span struct{ from, to int } // minutes since midnight; to may run past 24:00 (≤ 48:00)

type osmRule struct {
	sep        sepKind
	fallback   bool
	additional bool
	groups     [][]sel // AND of ORs
	spans      []span  // empty: the whole day
	hasTime    bool
	kind       timetable.Kind
	comment    string
	hasComment bool
	text       []string // canonical parts, joined by spaces
}

type parser struct {
	expr string
	toks []token
	i    int
}

func (p *parser) peek() token    { return p.toks[p.i] }
func (p *parser) at(k int) token { return p.toks[min(p.i+k, len(p.toks)-1)] }
func (p *parser) next() token    { t := p.toks[p.i]; p.advance(); return t }
func (p *parser) advance()       { p.i = min(p.i+1, len(p.toks)-1) }
func (p *parser) isPunct(k int, s string) bool {
	t := p.at(k)
	return t.kind == tPunct && t.text == s
}

// fail returns the syntax error at token t of the message id with data.
func (p *parser) fail(t token, id string, data map[string]any) error {
	return syntaxError(p.expr, t.col, message.New(id, data))
}

// expected returns the syntax error at token t that what (a message id)
// was expected.
func (p *parser) expected(t token, what string) error {
	return p.expectedMsg(t, m(what))
}

// expectedMsg returns the syntax error at token t that what was expected;
// a construct of the specification that loket does not support (school
// holidays, sun times) gets its own message wherever it stands.
func (p *parser) expectedMsg(t token, what message.Message) error {
	if t.kind == tWord {
		switch strings.ToLower(t.text) {
		case "sh":
			return p.fail(t, "errors.osm.school_holidays", nil)
		case "sunrise", "sunset", "dusk", "dawn":
			return p.fail(t, "errors.osm.sun_times", map[string]any{"Word": t.text})
		}
	}
	return p.fail(t, "errors.osm.expected", map[string]any{"What": what, "Found": p.found(t)})
}

// m returns the message id, which has no data.
func m(id string) message.Message { return message.New(id, nil) }

// found describes token t for an error message: a number or word with the
// characters glued to it ("9h"), a comment, or the end of the expression.
func (p *parser) found(t token) message.Localized {
	if t.kind != tNum && t.kind != tWord {
		return t.describe()
	}
	runes := []rune(p.expr)
	end := t.col - 1
	for end < len(runes) && !unicode.IsSpace(runes[end]) && !strings.ContainsRune(";,|\"-:[]", runes[end]) {
		end++
	}
	if end <= t.col-1 {
		return t.describe()
	}
	return quoted(excerpt.Quote(string(runes[t.col-1 : end])))
}

var (
	weekdayNames = [7]string{"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"}
	monthNames   = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

func weekdayIndex(w string) int {
	for i, n := range weekdayNames {
		if strings.EqualFold(n, w) {
			return i
		}
	}
	return -1
}

func monthIndex(w string) int {
	for i, n := range monthNames {
		if strings.EqualFold(n, w) {
			return i + 1
		}
	}
	return -1
}

func isYear(t token) bool { return t.kind == tNum && t.num > 1900 }

// isNumber reports whether token k is a number that does not start a time:
// not "10:00" (a number, ":", a number, and no second ":"). "Dec 24:
// 18:00" is a date followed by the ":" that may end the wide-range
// selectors, "Dec 10:00" a month followed by a time.
func (p *parser) isNumber(k int) bool {
	return p.at(k).kind == tNum && !(p.isPunct(k+1, ":") && p.at(k+2).kind == tNum && !p.isPunct(k+3, ":"))
}

// isWideStart reports whether token k starts a wide-range selector: a
// year, a month, easter or week.
func (p *parser) isWideStart(k int) bool {
	return isYear(p.at(k)) || p.isMonth(k) || p.isWord(k, "week", "easter")
}

func (p *parser) isWord(k int, words ...string) bool {
	t := p.at(k)
	if t.kind != tWord {
		return false
	}
	for _, w := range words {
		if strings.EqualFold(t.text, w) {
			return true
		}
	}
	return false
}

func (p *parser) isMonth(k int) bool { t := p.at(k); return t.kind == tWord && monthIndex(t.text) > 0 }
func (p *parser) isWeekday(k int) bool {
	t := p.at(k)
	return t.kind == tWord && weekdayIndex(t.text) >= 0
}

// parseRules parses the whole expression.
func parseRules(expr string) ([]osmRule, error) {
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	p := &parser{expr: expr, toks: toks}
	if p.peek().kind == tEOF {
		return nil, p.fail(p.peek(), "errors.osm.empty", nil)
	}
	var rules []osmRule
	sep := sepNormal
	fallback := false
	for {
		r, endsWithModifier, err := p.parseRule()
		if err != nil {
			return nil, err
		}
		r.sep = sep
		r.fallback = fallback
		r.additional = sep == sepAdditional
		rules = append(rules, r)
		t := p.peek()
		if t.kind != tEOF && len(rules) == MaxRules {
			return nil, p.fail(t, "errors.osm.too_many_rules", map[string]any{"Max": MaxRules})
		}
		switch {
		case t.kind == tEOF:
			return rules, nil
		case t.kind == tPunct && t.text == ";":
			sep, fallback = sepNormal, false
		case t.kind == tOr:
			sep, fallback = sepFallback, true
		case t.kind == tPunct && t.text == ",":
			if !endsWithModifier {
				return nil, p.fail(t, "errors.osm.comma", nil)
			}
			sep = sepAdditional
		default:
			return nil, p.expected(t, "errors.osm.what.separator")
		}
		p.advance()
		if p.peek().kind == tEOF {
			return nil, p.expectedMsg(p.peek(), message.New("errors.osm.what.rule_after", map[string]any{"Separator": strconv.Quote(t.text)}))
		}
	}
}

// parseRule parses one rule up to a separator. endsWithModifier tells whether
// the rule ended with times, a state or a comment (so "," may follow).
func (p *parser) parseRule() (r osmRule, endsWithModifier bool, err error) {
	r.kind = timetable.Open
	start := p.i
	// years, or a date bound to a single year ("2026 Dec 24")
	if isYear(p.peek()) {
		if p.isMonth(1) && p.isNumber(2) || p.isWord(1, "easter") {
			g, err := p.parseDates(&r)
			if err != nil {
				return r, false, err
			}
			r.groups = append(r.groups, g)
		} else {
			g, text, err := p.parseYears()
			if err != nil {
				return r, false, err
			}
			r.groups = append(r.groups, g)
			r.text = append(r.text, text)
		}
	}
	if p.isMonth(0) || p.isWord(0, "easter") {
		g, err := p.parseDates(&r)
		if err != nil {
			return r, false, err
		}
		r.groups = append(r.groups, g)
	}
	if p.isWord(0, "week") {
		g, text, err := p.parseWeeks()
		if err != nil {
			return r, false, err
		}
		r.groups = append(r.groups, g)
		r.text = append(r.text, text)
	}
	if len(r.groups) > 0 && p.isPunct(0, ":") {
		// The separator for readability after the wide-range selectors
		// ("Apr-Oct: Mo-Fr 09:00-17:00"), which opening_hours.js skips.
		t := p.peek()
		if p.isWideStart(1) {
			return r, false, p.fail(t, "errors.osm.colon_place", nil)
		}
		if k := p.at(1); k.kind == tEOF || k.kind == tOr || k.kind == tPunct && (k.text == ";" || k.text == ",") {
			return r, false, p.expected(k, "errors.osm.what.after_colon")
		}
		p.advance()
		r.text[len(r.text)-1] += ":"
	}
	if p.isWeekday(0) || p.isWord(0, "PH") {
		g, text, err := p.parseDays()
		if err != nil {
			return r, false, err
		}
		r.groups = append(r.groups, g)
		r.text = append(r.text, text)
	}
	var preComment token // a comment before the times: We "Call us" 10:00-16:00
	if p.peek().kind == tComment && (p.at(1).kind == tNum || p.at(1).kind == t247) {
		preComment = p.next()
		r.comment, r.hasComment = preComment.text, true
	}
	if p.peek().kind == t247 {
		p.advance()
		r.hasTime = true
		r.spans = []span{{0, minutesPerDay}}
		r.text = append(r.text, "24/7")
		endsWithModifier = true
	} else if p.peek().kind == tNum {
		spans, text, err := p.parseTimes()
		if err != nil {
			return r, false, err
		}
		r.hasTime = true
		r.spans = spans
		r.text = append(r.text, text)
		endsWithModifier = true
	}
	explicitState := false
	if p.isWord(0, "open", "closed", "off", "unknown") {
		if preComment.kind == tComment {
			// opening_hours.js reads every rule with a comment before its
			// state as unknown, whatever the state says.
			return r, false, p.fail(preComment, "errors.osm.comment_before_state", map[string]any{"State": strings.ToLower(p.peek().text)})
		}
		t := p.next()
		w := strings.ToLower(t.text)
		switch w {
		case "open":
			r.kind = timetable.Open
		case "closed", "off":
			r.kind = timetable.Closed
		case "unknown":
			r.kind = timetable.Unknown
		}
		explicitState = true
		r.text = append(r.text, w)
		endsWithModifier = true
	}
	if p.peek().kind == tComment {
		t := p.next()
		if r.hasComment {
			return r, false, p.fail(t, "errors.osm.two_comments", nil)
		}
		r.comment, r.hasComment = t.text, true
		endsWithModifier = true
	}
	if r.hasComment {
		if !explicitState {
			r.kind = timetable.Unknown // a comment without a state means "unknown", as in the specification
		}
		// The comment goes last in the normal form, wherever it was
		// written: the rule means the same.
		r.text = append(r.text, `"`+r.comment+`"`)
	}
	if p.i == start {
		t := p.peek()
		if t.kind == tNum {
			return r, false, p.expected(t, "errors.osm.what.time")
		}
		return r, false, p.expected(t, "errors.osm.what.rule")
	}
	t := p.peek()
	if t.kind == tEOF || t.kind == tOr || t.kind == tPunct && (t.text == ";" || t.text == ",") {
		return r, endsWithModifier, nil
	}
	switch {
	case isYear(t) || p.isMonth(0) || p.isWord(0, "week", "easter") || p.isWeekday(0) || p.isWord(0, "PH"):
		return r, false, p.fail(t, "errors.osm.order", map[string]any{"Selector": t.describe()})
	case t.kind == tNum && len(r.text) > 0 && r.text[len(r.text)-1] == "24/7":
		return r, false, p.fail(t, "errors.osm.always", nil)
	case t.kind == tNum:
		return r, false, p.expected(t, "errors.osm.what.time")
	case t.kind == tWord && strings.EqualFold(t.text, "SH"):
		return r, false, p.fail(t, "errors.osm.school_holidays", nil)
	case t.kind == tPunct && t.text == ":":
		return r, false, p.fail(t, "errors.osm.colon_place", nil)
	case t.kind == tComment && r.hasComment:
		return r, false, p.fail(t, "errors.osm.two_comments", nil)
	case r.hasComment && p.isWord(0, "open", "closed", "off", "unknown"):
		return r, false, p.fail(t, "errors.osm.comment_before_state", map[string]any{"State": strings.ToLower(t.text)})
	}
	return r, false, p.expected(t, "errors.osm.what.after_selectors")
}

func (p *parser) parseYears() ([]sel, string, error) {
	var g []sel
	var parts []string
	for {
		t := p.peek()
		if !isYear(t) {
			return nil, "", p.expected(t, "errors.osm.what.year")
		}
		p.advance()
		s := sel{kind: selYear, y1: t.num, y2: t.num}
		text := fmt.Sprint(t.num)
		switch {
		case p.isPunct(0, "+"):
			p.advance()
			s.y2 = math.MaxInt32
			text += "+"
		case p.isPunct(0, "-"):
			p.advance()
			t2 := p.peek()
			if !isYear(t2) {
				return nil, "", p.expected(t2, "errors.osm.what.last_year")
			}
			if t2.num <= t.num {
				return nil, "", p.fail(t2, "errors.osm.year_range", map[string]any{"From": t.num, "To": t2.num})
			}
			p.advance()
			s.y2 = t2.num
			text += fmt.Sprintf("-%d", t2.num)
		}
		if p.isPunct(0, "/") {
			p.advance()
			n := p.peek()
			if n.kind != tNum || n.num < 1 {
				return nil, "", p.expected(n, "errors.osm.what.years_period")
			}
			p.advance()
			s.p = n.num
			if s.y2 == s.y1 {
				s.y2 = math.MaxInt32
			}
			text += fmt.Sprintf("/%d", n.num)
		}
		g = append(g, s)
		parts = append(parts, text)
		if !p.isPunct(0, ",") || !isYear(p.at(1)) {
			return g, strings.Join(parts, ","), nil
		}
		p.advance()
	}
}

// daysIn returns the number of days of a month in a leap year (the widest).
func maxDaysIn(m int) int {
	switch m {
	case 2:
		return 29
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func (p *parser) monthDay(m int) (int, error) {
	t := p.peek()
	if t.kind != tNum {
		return 0, p.expected(t, "errors.osm.what.day")
	}
	if t.num < 1 || t.num > maxDaysIn(m) {
		return 0, p.fail(t, "errors.osm.no_such_day", map[string]any{"Month": monthNames[m-1], "Day": t.num})
	}
	p.advance()
	return t.num, nil
}

// parseDates parses a list of months, month-day dates and ranges, and
// Easter-relative days. They form one group: a day matches if any item does.
func (p *parser) parseDates(r *osmRule) ([]sel, error) {
	var g []sel
	var parts []string
	switches := 0
	for {
		t := p.peek()
		s, text, err := p.parseDate()
		if err != nil {
			return nil, err
		}
		// opening_hours.js files list items under "month" or "monthday"
		// depending on how the list switches between plain months and
		// dates; after two switches the two halves must both match, so
		// Oct 27-30,Nov,Oct 05-22 never matches. Such lists are refused.
		if len(g) > 0 && (g[len(g)-1].kind == selMonths) != (s.kind == selMonths) {
			if g[len(g)-1].kind == selMonths && (s.kind == selEaster || s.kind == selDateSpan && s.m1 == 0) {
				return nil, p.fail(t, "errors.osm.easter_after_month", map[string]any{"Month": parts[0]})
			}
			if s.kind == selMonths && !strings.Contains(text, "-") && p.isWeekday(0) && p.isPunct(1, "[") {
				return nil, p.fail(t, "errors.osm.month_after_date", nil)
			}
			if switches++; switches == 2 {
				return nil, p.fail(t, "errors.osm.dates_months_dates", nil)
			}
		}
		g = append(g, s)
		parts = append(parts, text)
		if !p.isPunct(0, ",") || !(p.isMonth(1) || p.isWord(1, "easter") || isYear(p.at(1)) && (p.isMonth(2) || p.isWord(2, "easter"))) {
			break
		}
		p.advance()
	}
	if n := len(g); n >= 2 && g[n-2].kind == selMonths && g[n-1].kind == selMonthDay && g[n-1].d1 == g[n-1].d2 && g[n-1].p == 0 &&
		p.isPunct(0, ":") && p.at(1).kind == tNum {
		// opening_hours.js reads "Feb,Nov 17: 10:00-12:00" as a list of
		// months followed by a time "17: 10" and refuses it.
		return nil, p.fail(p.peek(), "errors.osm.colon_month_date", map[string]any{"Date": parts[n-1], "Month": parts[n-2]})
	}
	r.text = append(r.text, strings.Join(parts, ","))
	return g, nil
}

func (p *parser) parseDate() (sel, string, error) {
	year := 0
	yearTok := p.peek()
	if isYear(yearTok) {
		year = yearTok.num
		p.advance()
	}
	if p.isWord(0, "easter") {
		if year != 0 {
			return sel{}, "", p.fail(yearTok, "errors.osm.year_easter", map[string]any{"Year": year, "Next": year + 1, "Later": year + 2})
		}
		p.advance()
		off, offText, err := p.easterOffset()
		if err != nil {
			return sel{}, "", err
		}
		text := "easter" + offText
		if !p.isPunct(0, "-") {
			return sel{kind: selEaster, d1: off}, text, nil
		}
		// a range from Easter: easter-Apr 20, easter -2 days-easter +2 days
		dash := p.next()
		if p.isWord(0, "easter") {
			p.advance()
			off2, offText2, err := p.easterOffset()
			if err != nil {
				return sel{}, "", err
			}
			return sel{kind: selDateSpan, d1: off, d2: off2}, text + "-easter" + offText2, nil
		}
		m2t := p.peek()
		m2 := monthIndex(m2t.text)
		if m2t.kind != tWord || m2 < 0 {
			return sel{}, "", p.expectedMsg(m2t, message.New("errors.osm.what.date_or_easter", map[string]any{"After": strconv.Quote(dash.text)}))
		}
		p.advance()
		d2, err := p.monthDay(m2)
		if err != nil {
			return sel{}, "", err
		}
		return sel{kind: selDateSpan, d1: off, m2: m2, d2: d2}, text + fmt.Sprintf("-%s %02d", monthNames[m2-1], d2), nil
	}
	mt := p.peek()
	m := monthIndex(mt.text)
	if mt.kind != tWord || m < 0 {
		return sel{}, "", p.expected(mt, "errors.osm.what.month")
	}
	p.advance()
	if !p.isNumber(0) {
		if year != 0 {
			return sel{}, "", p.expectedMsg(p.peek(), message.New("errors.osm.what.day_after", map[string]any{"Month": monthNames[m-1]}))
		}
		// month or month range
		s := sel{kind: selMonths}
		text := monthNames[m-1]
		m2 := m
		if p.isPunct(0, "-") && p.isMonth(1) {
			p.advance()
			m2 = monthIndex(p.next().text)
			text += "-" + monthNames[m2-1]
		}
		for k := m; ; k = k%12 + 1 {
			s.mask |= 1 << (k - 1)
			if k == m2 {
				break
			}
		}
		return s, text, nil
	}
	d1, err := p.monthDay(m)
	if err != nil {
		return sel{}, "", err
	}
	text := fmt.Sprintf("%s %02d", monthNames[m-1], d1)
	if year != 0 {
		text = fmt.Sprintf("%d %s", year, text)
	}
	if !p.isPunct(0, "-") {
		return sel{kind: selMonthDay, y1: year, m1: m, d1: d1, d2: d1}, text, nil
	}
	dash := p.next()
	switch t := p.peek(); {
	case t.kind == tNum && !isYear(t):
		d2, err := p.monthDay(m)
		if err != nil {
			return sel{}, "", err
		}
		if d2 < d1 {
			return sel{}, "", p.fail(t, "errors.osm.days_backwards", map[string]any{"From": fmt.Sprintf("%02d", d1), "To": fmt.Sprintf("%02d", d2),
				"Month": monthNames[m-1], "Next": monthNames[m%12]})
		}
		if m == 2 && d2 >= 28 && d1 != d2 {
			// opening_hours.js never matches "Feb DD-28" in common years, nor "Feb DD-29"
			return sel{}, "", p.fail(t, "errors.osm.february", map[string]any{"From": fmt.Sprintf("%02d", d1), "To": fmt.Sprintf("%02d", d2)})
		}
		s := sel{kind: selMonthDay, y1: year, m1: m, d1: d1, d2: d2}
		text += fmt.Sprintf("-%02d", d2)
		if p.isPunct(0, "/") {
			// every n-th day from the first: Jan 01-31/8 is Jan 01, 09, 17 and 25
			p.advance()
			n := p.peek()
			if n.kind != tNum || n.num < 2 || n.num > 30 {
				return sel{}, "", p.expected(n, "errors.osm.what.days_period")
			}
			if d2 == 24 && n.num == 7 {
				// written out, "-24/7" is the token 24/7 (always open), as
				// opening_hours.js reads it too: no spelling parses back
				return sel{}, "", p.fail(t, "errors.osm.period_24_7", map[string]any{"Range": fmt.Sprintf("%s %02d", monthNames[m-1], d1)})
			}
			p.advance()
			s.p = n.num
			text += fmt.Sprintf("/%d", n.num)
		}
		return s, text, nil
	case year != 0:
		if !isYear(t) {
			return sel{}, "", p.fail(t, "errors.osm.year_both_ends", map[string]any{"Example": fmt.Sprintf("%d %s %02d-%d Jan 06", year, monthNames[m-1], d1, year+1)})
		}
		p.advance()
		m2t := p.peek()
		m2 := monthIndex(m2t.text)
		if m2t.kind != tWord || m2 < 0 {
			return sel{}, "", p.expected(m2t, "errors.osm.what.month")
		}
		p.advance()
		d2, err := p.monthDay(m2)
		if err != nil {
			return sel{}, "", err
		}
		return sel{kind: selDateSpan, y1: year, m1: m, d1: d1, y2: t.num, m2: m2, d2: d2},
			text + fmt.Sprintf("-%d %s %02d", t.num, monthNames[m2-1], d2), nil
	case p.isWord(0, "easter"):
		p.advance()
		off, offText, err := p.easterOffset()
		if err != nil {
			return sel{}, "", err
		}
		return sel{kind: selDateSpan, m1: m, d1: d1, d2: off}, text + "-easter" + offText, nil
	default:
		m2 := monthIndex(t.text)
		if t.kind != tWord || m2 < 0 {
			if isYear(t) {
				return sel{}, "", p.fail(t, "errors.osm.year_one_end", nil)
			}
			return sel{}, "", p.expectedMsg(t, message.New("errors.osm.what.day_or_date", map[string]any{"After": strconv.Quote(dash.text)}))
		}
		p.advance()
		d2, err := p.monthDay(m2)
		if err != nil {
			return sel{}, "", err
		}
		return sel{kind: selDateSpan, m1: m, d1: d1, m2: m2, d2: d2},
			text + fmt.Sprintf("-%s %02d", monthNames[m2-1], d2), nil
	}
}

// easterOffset parses the offset after "easter", if any: "+1 day", "-2
// days". It returns the offset in days and its normal form (" -2 days"),
// both zero without one. A "-" followed by no number ends a range
// ("easter-Apr 20") and is left alone.
func (p *parser) easterOffset() (int, string, error) {
	if !p.isPunct(0, "+") && !(p.isPunct(0, "-") && p.at(1).kind == tNum) {
		return 0, "", nil
	}
	sign := 1
	if p.next().text == "-" {
		sign = -1
	}
	n := p.peek()
	if n.kind != tNum {
		return 0, "", p.expected(n, "errors.osm.what.days")
	}
	if sign*n.num < -80 || n.num > 200 {
		return 0, "", p.fail(n, "errors.osm.easter_offset", map[string]any{"Offset": sign * n.num})
	}
	p.advance()
	signText := "+"
	if sign < 0 {
		signText = "-"
	}
	text, err := p.dayWord(signText, n.num)
	if err != nil {
		return 0, "", err
	}
	return sign * n.num, text, nil
}

// dayWord parses the "day" or "days" after the number of a day offset and
// returns the offset's normal form: " +1 day", " -2 days".
func (p *parser) dayWord(sign string, n int) (string, error) {
	if !p.isWord(0, "day", "days") {
		return "", p.expected(p.peek(), "errors.osm.what.day_word")
	}
	p.advance()
	unit := "days"
	if n == 1 {
		unit = "day"
	}
	return fmt.Sprintf(" %s%d %s", sign, n, unit), nil
}

func (p *parser) parseWeeks() ([]sel, string, error) {
	p.advance() // "week"
	var g []sel
	var parts []string
	for {
		t := p.peek()
		if t.kind != tNum || t.num < 1 || t.num > 53 {
			return nil, "", p.expected(t, "errors.osm.what.week")
		}
		p.advance()
		s := sel{kind: selWeek, y1: t.num, y2: t.num}
		text := fmt.Sprintf("%02d", t.num)
		if p.isPunct(0, "-") {
			p.advance()
			t2 := p.peek()
			if t2.kind != tNum || t2.num < 1 || t2.num > 53 {
				return nil, "", p.expected(t2, "errors.osm.what.week")
			}
			if t2.num < t.num {
				return nil, "", p.fail(t2, "errors.osm.weeks_backwards", map[string]any{"From": fmt.Sprintf("%02d", t.num), "To": fmt.Sprintf("%02d", t2.num)})
			}
			p.advance()
			s.y2 = t2.num
			text += fmt.Sprintf("-%02d", t2.num)
			if p.isPunct(0, "/") {
				p.advance()
				n := p.peek()
				if n.kind != tNum || n.num < 2 || n.num > 26 {
					return nil, "", p.expected(n, "errors.osm.what.weeks_period")
				}
				if t2.num == 24 && n.num == 7 {
					// written out, "-24/7" is the token 24/7: see parseDate
					return nil, "", p.fail(t2, "errors.osm.period_24_7", map[string]any{"Range": fmt.Sprintf("week %02d", t.num)})
				}
				p.advance()
				s.p = n.num
				text += fmt.Sprintf("/%d", n.num)
			}
		}
		g = append(g, s)
		parts = append(parts, text)
		switch {
		case p.isPunct(0, ",") && p.isNumber(1):
			p.advance()
		case p.isPunct(0, ",") && p.isWord(1, "week") && p.at(2).kind == tNum:
			p.advance() // "week 01,week 03" is "week 01,03"
			p.advance()
		default:
			return g, "week " + strings.Join(parts, ","), nil
		}
	}
}

func (p *parser) parseDays() ([]sel, string, error) {
	var g []sel
	var parts []string
	// opening_hours.js files a list that starts with PH and an offset
	// ("PH +1 day,Su") under a holiday selector and the weekdays after it
	// under a second one that must match too: the day after a holiday
	// that is a Sunday. Such lists are refused (with the weekdays first
	// they mean either).
	phOffsetFirst := false
	for {
		t := p.peek()
		switch {
		case p.isWord(0, "PH"):
			p.advance()
			off, text, err := p.parseDayOffset(maxPHOffset, "errors.osm.ph_offset")
			if err != nil {
				return nil, "", err
			}
			phOffsetFirst = phOffsetFirst || len(parts) == 0 && off != 0
			g = append(g, sel{kind: selPH, d1: off})
			parts = append(parts, "PH"+text)
		case p.isWeekday(0) && phOffsetFirst:
			return nil, "", p.fail(t, "errors.osm.ph_offset_first", map[string]any{"First": strings.Join(parts, ","), "Weekday": quoted(t.text)})
		case p.isWeekday(0):
			p.advance()
			w := weekdayIndex(t.text)
			if p.isPunct(0, "[") {
				p.advance()
				text := weekdayNames[w] + "["
				bracket := len(g) // the selectors of these brackets start here
				for first := true; ; first = false {
					if !first {
						text += ","
					}
					neg := false
					if p.isPunct(0, "-") {
						neg = true
						p.advance()
					}
					n := p.peek()
					if n.kind != tNum || n.num < 1 || n.num > 5 {
						return nil, "", p.expected(n, "errors.osm.what.nth")
					}
					p.advance()
					from := n.num
					if neg {
						from = -from
					}
					to := from
					if !neg && p.isPunct(0, "-") && p.at(1).kind == tNum {
						p.advance()
						n2 := p.next()
						if n2.num < from || n2.num > 5 {
							return nil, "", p.fail(n2, "errors.osm.nth_end", map[string]any{"From": from})
						}
						to = n2.num
						text += fmt.Sprintf("%d-%d", from, to)
					} else {
						text += fmt.Sprint(from)
					}
					for k := from; k <= to; k++ {
						g = append(g, sel{kind: selNth, d1: w, p: k})
					}
					if !p.isPunct(0, ",") {
						break
					}
					p.advance()
				}
				if !p.isPunct(0, "]") {
					return nil, "", p.expected(p.peek(), "errors.osm.what.nth_more")
				}
				p.advance()
				off, offText, err := p.parseDayOffset(maxNthOffset, "errors.osm.nth_offset")
				if err != nil {
					return nil, "", err
				}
				for k := range g[bracket:] {
					g[bracket+k].d2 = off // every number in the brackets moves alike
				}
				parts = append(parts, text+"]"+offText)
			} else {
				w2 := w
				text := weekdayNames[w]
				if p.isPunct(0, "-") && p.isWeekday(1) {
					p.advance()
					w2 = weekdayIndex(p.next().text)
					text += "-" + weekdayNames[w2]
				}
				var mask uint16
				for k := w; ; k = (k + 1) % 7 {
					mask |= 1 << k
					if k == w2 {
						break
					}
				}
				g = append(g, sel{kind: selWeekdays, mask: mask})
				parts = append(parts, text)
			}
		default:
			return nil, "", p.expected(t, "errors.osm.what.weekday")
		}
		if !p.isPunct(0, ",") || !(p.isWeekday(1) || p.isWord(1, "PH")) {
			return g, strings.Join(parts, ","), nil
		}
		p.advance()
	}
}

// The largest day offsets opening_hours.js accepts: after the n-th weekday
// of a month (Sa[-1] +3 days) and after PH (PH +1 day, the day after a
// public holiday).
const (
	maxNthOffset = 6
	maxPHOffset  = 1
)

// parseDayOffset parses the day offset that may follow the n-th weekday of
// a month or PH: "+3 days", "-1 day", at most most days either way (a
// larger one is the error tooFar, a message id). It returns 0 and "" when
// none follows, else the offset and its canonical text with a leading
// space.
func (p *parser) parseDayOffset(most int, tooFar string) (int, string, error) {
	if !(p.isPunct(0, "+") || p.isPunct(0, "-")) || p.at(1).kind != tNum {
		return 0, "", nil
	}
	sign := p.next().text
	n := p.next()
	if n.num == 0 || n.num > most {
		return 0, "", p.fail(n, tooFar, map[string]any{"Offset": sign + n.text, "Max": most})
	}
	text, err := p.dayWord(sign, n.num)
	if err != nil {
		return 0, "", err
	}
	off := n.num
	if sign == "-" {
		off = -off
	}
	return off, text, nil
}

const minutesPerDay = timetable.MinutesPerDay

// parseClock parses HH:MM; maxMinutes bounds the value (inclusive). start
// tells a start time from an end time.
func (p *parser) parseClock(maxMinutes int, start bool) (int, error) {
	h := p.peek()
	if start && h.kind == tNum && len(h.text) == 4 && h.num <= 1900 && !p.isPunct(1, ":") && !p.isPunct(1, "-") {
		return 0, p.fail(h, "errors.osm.year_or_time", map[string]any{"Found": strconv.Quote(h.text)})
	}
	if h.kind != tNum || len(h.text) > 2 || !p.isPunct(1, ":") {
		return 0, p.expected(h, "errors.osm.what.time")
	}
	mt := p.at(2)
	if mt.kind != tNum || len(mt.text) != 2 {
		return 0, p.expected(mt, "errors.osm.what.minutes")
	}
	if mt.num > 59 {
		return 0, p.fail(mt, "errors.osm.minutes", map[string]any{"Minutes": mt.text})
	}
	v := h.num*60 + mt.num
	if v > maxMinutes {
		id := "errors.osm.end_too_late"
		if start {
			id = "errors.osm.start_too_late"
		}
		return 0, p.fail(h, id, map[string]any{"Time": fmt.Sprintf("%02d:%02d", h.num, mt.num), "Max": fmt.Sprintf("%02d:%02d", maxMinutes/60, maxMinutes%60)})
	}
	p.i += 3
	return v, nil
}

func (p *parser) parseTimes() ([]span, string, error) {
	var spans []span
	var parts []string
	for {
		from, err := p.parseClock(minutesPerDay-1, true)
		if err != nil {
			return nil, "", err
		}
		if !p.isPunct(0, "-") {
			t := p.peek()
			if p.isPunct(0, "+") {
				return nil, "", p.fail(t, "errors.osm.open_end", nil)
			}
			return nil, "", p.expected(t, "errors.osm.what.end_time")
		}
		p.advance()
		to, err := p.parseClock(2*minutesPerDay, false)
		if err != nil {
			return nil, "", err
		}
		written := to // 26:00 stays 26:00 and 02:00 stays 02:00, as opening_hours.js prettifies them
		if to <= from {
			to += minutesPerDay // 22:00-02:00 runs past midnight; 10:00-10:00 lasts 24 hours
		}
		if to > 2*minutesPerDay {
			return nil, "", p.fail(p.at(-3), "errors.osm.past_midnight_twice", nil)
		}
		spans = append(spans, span{from, to})
		parts = append(parts, fmt.Sprintf("%02d:%02d-%02d:%02d", from/60, from%60, written/60, written%60))
		if !p.isPunct(0, ",") || p.at(1).kind != tNum || p.isNumber(1) {
			return spans, strings.Join(parts, ","), nil // "10:00-12:00, 2026: Sa" is an additional rule
		}
		p.advance()
	}
}
