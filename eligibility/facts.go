package eligibility

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/municipality"
	"github.com/expatcentre/loket/route"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/text"
)

// Facts are what is known about a person on a reference date: the input of
// [Rules.Check]. Every field but Date and Nationality may be unknown (nil,
// or "" for the string types); a rule that needs an unknown fact makes its
// route [route.NeedsInformation] and names the fact.
//
// Facts mirror the JSON contract of "loket check" and the widget, read by
// [ParseFacts]; the JSON name of each field is in its tag.
type Facts struct {
	// Date is the reference date: the day the application would be made.
	// Ages, graduation windows and the parameters in force are counted on
	// it.
	Date date.Date `json:"date"`
	// Nationality is an ISO 3166-1 alpha-2 code in upper case ("IN").
	// ParseFacts accepts the code in any case ("in" is "IN", as ISO 3166
	// codes do not depend on case) and stores it in upper case; Validate
	// wants upper case.
	Nationality string `json:"nationality"`
	// BirthDate gives the age on Date; Age may replace it. When both are
	// known they must agree.
	BirthDate *date.Date `json:"birth_date"`
	// Age is the age in whole years on Date.
	Age *int `json:"age"`
	// Purpose is the route the person asks about; a [Result] lists it
	// first. "" asks about every route.
	Purpose route.Route `json:"purpose"`
	// GrossMonthlySalary is the gross salary per month without holiday
	// allowance.
	GrossMonthlySalary *Money `json:"gross_monthly_salary"`
	// RecognisedSponsor says whether the employer of a highly skilled
	// migrant is recognised by the IND as a sponsor. A researcher's
	// research organisation is ResearchOrganisationRecognised.
	RecognisedSponsor *bool `json:"recognised_sponsor"`
	// GraduatedOn is the day the programme of Degree was completed (for
	// scientific research, the day the research ended); for the EU Blue
	// Card, the day a higher education qualification was obtained.
	GraduatedOn *date.Date `json:"graduated_on"`
	// Degree is the completed programme or research, in the IND's
	// categories for the orientation year: whether it qualifies decides the
	// orientation year and the reduced income criterion of a highly
	// skilled migrant.
	Degree Degree `json:"degree"`
	// OrientationYearPermit says whether the person holds a residence
	// permit for the orientation year or applies straight after one ended:
	// then the reduced income criterion of a highly skilled migrant
	// applies, however long ago the degree was completed.
	OrientationYearPermit *bool `json:"orientation_year_permit"`
	// OrientationYearUsed says whether the person already had an
	// orientation year after completing the programme of Degree: there is
	// one orientation year per programme completed.
	OrientationYearUsed *bool `json:"orientation_year_used"`
	// ResearchOrganisationRecognised says whether the research organisation
	// that hosts a researcher is recognised by the IND for research
	// (an approved research organisation, Directive (EU) 2016/801,
	// Article 9; the IND's "recognised sponsor for research"): its own
	// recognition, not a highly skilled migrant's RecognisedSponsor.
	ResearchOrganisationRecognised *bool `json:"research_organisation_recognised"`
	// ContractMonths is the duration of the employment contract in months;
	// for an intra-corporate transferee, the duration of the transfer.
	ContractMonths *int `json:"contract_months"`
	// FamilyOf is, for a family member, the route on which the person they
	// join holds (or applies for) a residence permit.
	FamilyOf route.Route `json:"family_of"`
	// ICTRole is, for an intra-corporate transferee, the position in the
	// host entity.
	ICTRole ICTRole `json:"ict_role"`
	// GroupEmploymentMonths is, for an intra-corporate transferee, the
	// uninterrupted months of employment within the same undertaking or
	// group immediately before the transfer.
	GroupEmploymentMonths *int `json:"group_employment_months"`
	// Municipality is the municipality the person lives in or will live
	// in, as given: a CBS code ("GM0935") or a name ("Maastricht"), at
	// most municipality.MaxQuery characters. It decides no route; it
	// decides whether the services of a centre that are only for
	// residents of its service area are for the person (see
	// centre.Find). "" when not given.
	Municipality string `json:"municipality"`
}

// An ICTRole is the position of an intra-corporate transferee, Directive
// 2014/66/EU, Article 3(e) to (g).
type ICTRole string

// The roles of an intra-corporate transferee.
const (
	Manager    ICTRole = "manager"
	Specialist ICTRole = "specialist"
	Trainee    ICTRole = "trainee"
)

// Money is an amount in euro cents.
type Money int64

// Euros returns m in euros.
func (m Money) Euros() float64 { return float64(m) / 100 }

// String returns m as a plain decimal with the euro sign, "€6100.00"; use
// a localized format for people.
func (m Money) String() string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	return fmt.Sprintf("%s€%d.%02d", sign, m/100, m%100)
}

// factNames are the JSON names of the facts, in the order of Facts.
func factNames() []string {
	return []string{"date", "nationality", "birth_date", "age", "purpose", "gross_monthly_salary",
		"recognised_sponsor", "graduated_on", "degree", "orientation_year_permit", "orientation_year_used",
		"research_organisation_recognised", "contract_months", "family_of", "ict_role",
		"group_employment_months", "municipality"}
}

// A FactsError is a fact that cannot be read or is not valid. Line and
// Column (1-based, counted in characters) place it in the JSON text; they
// are 0 when the place is not known, or for [Facts.Validate].
type FactsError struct {
	Line, Column int
	Field        string // the JSON name of the fact, "" for the text as a whole
	Err          error
}

// Error returns "LINE:COLUMN: FIELD: message", leaving out what is unknown.
func (e *FactsError) Error() string { return e.In(text.English) }

// In returns the error in language l, as Error does in English: the place
// and the field as they are, the message in l (for the errors of
// ParseFacts, Validate and Check; an Err made elsewhere that does not
// word itself is its Error text). What the facts hold is quoted as
// written.
func (e *FactsError) In(l text.Lang) string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d: ", e.Line, e.Column)
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(message.In(l, e.Err))
	return b.String()
}

// problem returns the error of the message id with data.
func problem(id string, data map[string]any) error {
	return message.NewError(id, data)
}

// Unwrap returns the underlying error.
func (e *FactsError) Unwrap() error { return e.Err }

// MaxFactsSize is the longest JSON text, in bytes, that [ParseFacts]
// reads: 64 KiB. The facts of a person take a few hundred bytes; a longer
// text is refused before it is decoded, so that no input makes parsing
// slow or echoes a huge value in an error. A text that is longer only for
// its white space can be compacted first with json.Compact.
const MaxFactsSize = 64 << 10

// maxFactText is the most characters of a text fact: a date, a country
// code, a route, a role. A longer text is refused as it is, with a
// message that quotes only its start.
const maxFactText = 64

// ParseFacts reads facts from the JSON contract: one object whose members
// are the fields of [Facts] under their JSON names. Dates are written
// YYYY-MM-DD, the salary as a number of euros with at most two decimals,
// null is the same as leaving a field out. It refuses a text longer than
// [MaxFactsSize], malformed JSON, unknown or repeated fields, and values
// that are not valid, with a *[FactsError] that gives the line and column.
// Its messages quote at most 80 characters of a value.
func ParseFacts(data []byte) (Facts, error) {
	var f Facts
	pos := newPositions(data)
	if len(data) > MaxFactsSize {
		line, col := pos.at(MaxFactsSize)
		return Facts{}, &FactsError{Line: line, Column: col,
			Err: problem("errors.facts.too_long", nil)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	fail := func(off int64, field string, err error) (Facts, error) {
		line, col := pos.at(off)
		return Facts{}, &FactsError{Line: line, Column: col, Field: field, Err: err}
	}
	syntax := func(error) (Facts, error) {
		// The offsets of the streaming decoder's errors are not reliable
		// inside values; a whole-text parse gives the place exactly.
		var v any
		err := json.Unmarshal(data, &v)
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se) && se.Error() == "unexpected end of JSON input":
			return fail(int64(len(data)), "", problem("errors.facts.json_end", nil))
		case errors.As(err, &se):
			return fail(se.Offset-1, "", problem("errors.facts.json_syntax", map[string]any{"Error": se.Error()}))
		}
		return fail(int64(len(data)), "", problem("errors.facts.json", nil))
	}

	tok, err := dec.Token()
	if err != nil {
		return syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fail(pos.skipSpace(0), "", problem("errors.facts.object", nil))
	}
	fieldPos := map[string]int64{}
	for dec.More() {
		keyOff := pos.skipSpace(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return syntax(err)
		}
		key := tok.(string) // inside an object, More is followed by a string key
		valOff := pos.skipSpace(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return syntax(err)
		}
		if _, dup := fieldPos[key]; dup {
			return fail(keyOff, key, problem("errors.facts.twice", nil))
		}
		fieldPos[key] = valOff
		if err := f.set(key, raw); err != nil {
			var unknown errUnknownField
			if errors.As(err, &unknown) {
				return fail(keyOff, "", err)
			}
			return fail(valOff, key, err)
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return syntax(err)
	}
	end := pos.skipSpace(dec.InputOffset())
	if _, err := dec.Token(); err != io.EOF {
		return fail(end, "", problem("errors.facts.after_object", nil))
	}
	if err := f.Validate(); err != nil {
		var fe *FactsError
		if errors.As(err, &fe) {
			if off, ok := fieldPos[fe.Field]; ok {
				fe.Line, fe.Column = pos.at(off)
			}
		}
		return Facts{}, err
	}
	return f, nil
}

// Locate sets the error's Line and Column, when they are not known, to the
// place of its field's value in data, the JSON text the facts were read
// from: [Rules.Check] reports errors (a date before the parameters) without
// the text.
func (e *FactsError) Locate(data []byte) {
	if e.Line > 0 || e.Field == "" {
		return
	}
	pos := newPositions(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		valOff := pos.skipSpace(dec.InputOffset())
		if tok == e.Field {
			e.Line, e.Column = pos.at(valOff)
			return
		}
		var raw json.RawMessage
		if dec.Decode(&raw) != nil {
			return
		}
	}
}

type errUnknownField string

func (e errUnknownField) Error() string { return e.In(text.English) }

func (e errUnknownField) In(l text.Lang) string {
	return message.New("errors.facts.unknown", map[string]any{"Name": excerpt.Quote(string(e)), "Names": strings.Join(factNames(), ", ")}).In(l)
}

// set decodes the JSON value raw into the fact called name.
func (f *Facts) set(name string, raw json.RawMessage) error {
	if string(raw) == "null" {
		switch name {
		case "date", "nationality":
			return problem("errors.facts.null", nil)
		}
		for _, n := range factNames() {
			if n == name {
				return nil
			}
		}
		return errUnknownField(name)
	}
	var err error
	switch name {
	case "date":
		var s string
		if s, err = jsonString(raw, "errors.facts.what.date"); err == nil {
			if f.Date, err = parseDate(s); err == nil {
				err = checkRange(f.Date)
			}
		}
	case "nationality":
		var s string
		if s, err = jsonString(raw, "errors.facts.what.country"); err == nil {
			f.Nationality, err = parseCountry(s)
		}
	case "birth_date":
		f.BirthDate, err = jsonDate(raw)
	case "graduated_on":
		f.GraduatedOn, err = jsonDate(raw)
	case "age":
		f.Age, err = jsonInt(raw, "errors.facts.what.years")
	case "contract_months":
		f.ContractMonths, err = jsonInt(raw, "errors.facts.what.months")
	case "group_employment_months":
		f.GroupEmploymentMonths, err = jsonInt(raw, "errors.facts.what.months")
	case "purpose", "family_of":
		var s string
		var r route.Route
		if s, err = jsonString(raw, "errors.facts.what.route"); err == nil {
			r, err = route.Parse(s)
		}
		if name == "purpose" {
			f.Purpose = r
		} else {
			f.FamilyOf = r
		}
	case "ict_role":
		var s string
		if s, err = jsonString(raw, "errors.facts.what.role"); err == nil {
			f.ICTRole = ICTRole(s)
		}
	case "gross_monthly_salary":
		var n json.Number
		if raw[0] == '"' || json.Unmarshal(raw, &n) != nil {
			return problem("errors.facts.euros", map[string]any{"Got": excerpt.Text(string(raw))})
		}
		var m Money
		m, err = parseMoney(n.String())
		f.GrossMonthlySalary = &m
	case "degree":
		var s string
		if s, err = jsonString(raw, "errors.facts.what.degree"); err == nil {
			f.Degree, err = ParseDegree(s)
		}
	case "recognised_sponsor":
		f.RecognisedSponsor, err = jsonBool(raw)
	case "orientation_year_permit":
		f.OrientationYearPermit, err = jsonBool(raw)
	case "orientation_year_used":
		f.OrientationYearUsed, err = jsonBool(raw)
	case "research_organisation_recognised":
		f.ResearchOrganisationRecognised, err = jsonBool(raw)
	case "municipality":
		f.Municipality, err = jsonMunicipality(raw)
	default:
		return errUnknownField(name)
	}
	return err
}

// jsonMunicipality decodes a municipality: a CBS code or a name, as
// municipality.ValidQuery allows, and not "GM" with other than four
// digits.
func jsonMunicipality(raw json.RawMessage) (string, error) {
	var s string
	want := message.New("areas.facts.municipality", map[string]any{"Max": municipality.MaxQuery})
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", problem("errors.facts.want_string", map[string]any{"Want": want, "Got": excerpt.Text(string(raw))})
	}
	if !municipality.ValidQuery(s) || municipality.LooksLikeCode(s) {
		return "", problem("errors.facts.want", map[string]any{"Want": want, "Got": excerpt.Quote(s)})
	}
	return strings.TrimSpace(s), nil
}

// jsonString decodes a JSON string of at most maxFactText characters.
// want is the id of the message that says what the string should be.
func jsonString(raw json.RawMessage, want string) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", problem("errors.facts.want_string", map[string]any{"Want": message.New(want, nil), "Got": excerpt.Text(string(raw))})
	}
	if utf8.RuneCountInString(s) > maxFactText {
		return "", problem("errors.facts.want", map[string]any{"Want": message.New(want, nil), "Got": excerpt.Quote(s)})
	}
	return s, nil
}

func jsonBool(raw json.RawMessage) (*bool, error) {
	var b bool
	if err := json.Unmarshal(raw, &b); err != nil {
		return nil, problem("errors.facts.want", map[string]any{"Want": message.New("errors.facts.what.bool", nil), "Got": excerpt.Text(string(raw))})
	}
	return &b, nil
}

func jsonDate(raw json.RawMessage) (*date.Date, error) {
	s, err := jsonString(raw, "errors.facts.what.date")
	if err != nil {
		return nil, err
	}
	d, err := parseDate(s)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// jsonInt decodes a whole number; want is the id of the message that
// says what it should be.
func jsonInt(raw json.RawMessage, want string) (*int, error) {
	bad := problem("errors.facts.want", map[string]any{"Want": message.New(want, nil), "Got": excerpt.Text(string(raw))})
	var n json.Number
	if raw[0] == '"' || json.Unmarshal(raw, &n) != nil {
		return nil, bad
	}
	i, err := n.Int64()
	if err != nil || i < math.MinInt32 || i > math.MaxInt32 {
		return nil, bad
	}
	v := int(i)
	return &v, nil
}

// parseMoney parses a decimal number of euros with at most two decimals.
func parseMoney(s string) (Money, error) {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	bad := problem("errors.facts.cents", map[string]any{"Got": excerpt.Text(s)})
	if strings.ContainsAny(s, "eE") || intPart == "" || strings.HasPrefix(intPart, "-") {
		if strings.HasPrefix(intPart, "-") {
			return 0, problem("errors.facts.negative", map[string]any{"Got": excerpt.Text(s)})
		}
		return 0, bad
	}
	if hasFrac && (len(frac) == 0 || len(frac) > 2) {
		return 0, bad
	}
	if len(intPart) > 9 {
		return 0, problem("errors.facts.implausible", map[string]any{"Amount": excerpt.Text(s)})
	}
	var cents int64
	for _, c := range intPart + (frac + "00")[:2] {
		if c < '0' || c > '9' {
			return 0, bad
		}
		cents = cents*10 + int64(c-'0')
	}
	return Money(cents), nil
}

// parseCountry returns the ISO 3166-1 alpha-2 code s in upper case, or an
// error for anything else: a three-letter or numeric code, an exceptionally
// reserved code (UK, EU) or an unassigned one.
func parseCountry(s string) (string, error) {
	if len(s) != 2 || !isLetter(s[0]) || !isLetter(s[1]) {
		return "", problem("errors.facts.country", map[string]any{"Got": excerpt.Quote(s)})
	}
	r, err := language.ParseRegion(s)
	if err != nil || !r.IsCountry() {
		return "", problem("errors.facts.not_country", map[string]any{"Code": strconv.Quote(s)})
	}
	if c := r.Canonicalize(); c != r {
		return "", problem("errors.facts.not_country_mean", map[string]any{"Code": strconv.Quote(s), "Suggestion": strconv.Quote(c.String())})
	}
	return r.String(), nil
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// Validate checks facts made in Go the way [ParseFacts] checks JSON: the
// date and nationality are required, dates lie on or before Date, numbers
// are in range, Age agrees with BirthDate. The error is a *[FactsError]
// that names the field.
func (f Facts) Validate() error {
	bad := func(field, id string, data map[string]any) error {
		return &FactsError{Field: field, Err: problem(id, data)}
	}
	if f.Date == 0 {
		return bad("date", "errors.facts.required", nil)
	}
	if err := checkRange(f.Date); err != nil {
		return &FactsError{Field: "date", Err: err}
	}
	if f.Nationality == "" {
		return bad("nationality", "errors.facts.required", nil)
	}
	if c, err := parseCountry(f.Nationality); err != nil {
		return &FactsError{Field: "nationality", Err: err}
	} else if c != f.Nationality {
		return bad("nationality", "errors.facts.upper_case", map[string]any{"Code": strconv.Quote(c)})
	}
	if f.BirthDate != nil {
		if *f.BirthDate > f.Date {
			return bad("birth_date", "errors.facts.birth_after", map[string]any{"Birth": *f.BirthDate, "Date": f.Date})
		}
		if ageOn(*f.BirthDate, f.Date) > maxAge {
			return bad("birth_date", "errors.facts.too_old", map[string]any{"Birth": *f.BirthDate, "Max": maxAge})
		}
	}
	if f.Age != nil {
		if *f.Age < 0 || *f.Age > maxAge {
			return bad("age", "errors.facts.range", map[string]any{"Min": 0, "Max": maxAge, "Got": *f.Age})
		}
		if f.BirthDate != nil {
			if a := ageOn(*f.BirthDate, f.Date); a != *f.Age {
				return bad("age", "errors.facts.age_disagrees", map[string]any{"Age": *f.Age, "Birth": *f.BirthDate, "Computed": a, "Date": f.Date})
			}
		}
	}
	if f.Purpose != "" {
		if _, err := route.Parse(string(f.Purpose)); err != nil {
			return &FactsError{Field: "purpose", Err: err}
		}
	}
	if f.GrossMonthlySalary != nil && *f.GrossMonthlySalary < 0 {
		return bad("gross_monthly_salary", "errors.facts.negative", map[string]any{"Got": f.GrossMonthlySalary.String()})
	}
	if f.GraduatedOn != nil && *f.GraduatedOn > f.Date {
		return bad("graduated_on", "errors.facts.graduated_after", map[string]any{"Graduated": *f.GraduatedOn, "Date": f.Date})
	}
	if f.Degree != "" {
		if _, err := ParseDegree(string(f.Degree)); err != nil {
			return &FactsError{Field: "degree", Err: err}
		}
	}
	if f.ContractMonths != nil && (*f.ContractMonths < 1 || *f.ContractMonths > maxMonths) {
		return bad("contract_months", "errors.facts.range", map[string]any{"Min": 1, "Max": maxMonths, "Got": *f.ContractMonths})
	}
	if f.FamilyOf != "" {
		if _, err := route.Parse(string(f.FamilyOf)); err != nil {
			return &FactsError{Field: "family_of", Err: err}
		}
		if f.FamilyOf == route.FamilyMember {
			return bad("family_of", "errors.facts.family_of_family", map[string]any{"Route": string(route.FamilyMember)})
		}
	}
	switch f.ICTRole {
	case "", Manager, Specialist, Trainee:
	default:
		return bad("ict_role", "errors.facts.want", map[string]any{"Want": message.New("errors.facts.what.role", nil), "Got": excerpt.Quote(string(f.ICTRole))})
	}
	if f.GroupEmploymentMonths != nil && (*f.GroupEmploymentMonths < 0 || *f.GroupEmploymentMonths > maxMonths) {
		return bad("group_employment_months", "errors.facts.range", map[string]any{"Min": 0, "Max": maxMonths, "Got": *f.GroupEmploymentMonths})
	}
	return nil
}

const (
	maxAge    = 130
	maxMonths = 1200
)

// checkRange refuses a reference date outside the days loket answers
// for, the years of its holiday calendar (as every command and package
// does), so that 0001-01-01, the zero date, is not taken for "no date".
func checkRange(d date.Date) error {
	first := date.New(holidays.FirstYear, time.January, 1)
	last := date.New(holidays.LastYear, time.December, 31)
	if d < first || d > last {
		return problem("errors.facts.out_of_range", map[string]any{"Date": d, "First": first, "Last": last})
	}
	return nil
}

// ageOn returns the age in whole years on d of someone born on birth: the
// age goes up on the birthday. Someone born on 29 February has their
// birthday on 1 March in common years.
func ageOn(birth, d date.Date) int {
	by, bm, bd := birth.Date()
	y, m, dd := d.Date()
	age := y - by
	if m < bm || m == bm && dd < bd {
		age--
	}
	return age
}

// positions turns byte offsets of a JSON text into lines and columns.
type positions struct{ data []byte }

func newPositions(data []byte) positions { return positions{data} }

// at returns the 1-based line and column (in characters) of offset off.
func (p positions) at(off int64) (line, col int) {
	off = max(0, min(off, int64(len(p.data))))
	before := p.data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// skipSpace returns the offset of the first byte at or after off that is
// not JSON white space, a comma or a colon: the start of the next token.
func (p positions) skipSpace(off int64) int64 {
	for off < int64(len(p.data)) {
		switch p.data[off] {
		case ' ', '\t', '\n', '\r', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

// parseDate parses a calendar date written YYYY-MM-DD, refusing days that
// do not exist (2026-02-30) rather than rolling them over.
func parseDate(s string) (date.Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, problem("errors.facts.want", map[string]any{"Want": message.New("errors.facts.what.date", nil), "Got": excerpt.Quote(s)})
	}
	return date.NewAt(t), nil
}
