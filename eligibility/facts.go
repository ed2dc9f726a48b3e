package eligibility

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/route"
	"github.com/expatcentre/loket/schedule/holidays"
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
		"group_employment_months"}
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
func (e *FactsError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d: ", e.Line, e.Column)
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
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
			Err: errors.New("longer than 64 KiB (65536 bytes): the facts of a person take a few hundred bytes")}
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
			return fail(int64(len(data)), "", errors.New("malformed JSON: unexpected end of input"))
		case errors.As(err, &se):
			return fail(se.Offset-1, "", fmt.Errorf("malformed JSON: %s", se))
		}
		return fail(int64(len(data)), "", errors.New("malformed JSON"))
	}

	tok, err := dec.Token()
	if err != nil {
		return syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fail(pos.skipSpace(0), "", errors.New("want a JSON object of facts"))
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
			return fail(keyOff, key, errors.New("given twice"))
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
		return fail(end, "", errors.New("unexpected data after the object of facts"))
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

func (e errUnknownField) Error() string {
	return fmt.Sprintf("unknown field %s: want one of %s", excerpt.Quote(string(e)), strings.Join(factNames(), ", "))
}

// set decodes the JSON value raw into the fact called name.
func (f *Facts) set(name string, raw json.RawMessage) error {
	if string(raw) == "null" {
		switch name {
		case "date", "nationality":
			return errors.New("required, got null")
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
		if s, err = jsonString(raw, "a date YYYY-MM-DD"); err == nil {
			if f.Date, err = parseDate(s); err == nil {
				err = checkRange(f.Date)
			}
		}
	case "nationality":
		var s string
		if s, err = jsonString(raw, "an ISO 3166-1 alpha-2 country code"); err == nil {
			f.Nationality, err = parseCountry(s)
		}
	case "birth_date":
		f.BirthDate, err = jsonDate(raw)
	case "graduated_on":
		f.GraduatedOn, err = jsonDate(raw)
	case "age":
		f.Age, err = jsonInt(raw, "a whole number of years")
	case "contract_months":
		f.ContractMonths, err = jsonInt(raw, "a whole number of months")
	case "group_employment_months":
		f.GroupEmploymentMonths, err = jsonInt(raw, "a whole number of months")
	case "purpose", "family_of":
		var s string
		var r route.Route
		if s, err = jsonString(raw, "a route"); err == nil {
			r, err = route.Parse(s)
		}
		if name == "purpose" {
			f.Purpose = r
		} else {
			f.FamilyOf = r
		}
	case "ict_role":
		var s string
		if s, err = jsonString(raw, "manager, specialist or trainee"); err == nil {
			f.ICTRole = ICTRole(s)
		}
	case "gross_monthly_salary":
		var n json.Number
		if raw[0] == '"' || json.Unmarshal(raw, &n) != nil {
			return fmt.Errorf("want a number of euros, got %s", excerpt.Text(string(raw)))
		}
		var m Money
		m, err = parseMoney(n.String())
		f.GrossMonthlySalary = &m
	case "degree":
		var s string
		if s, err = jsonString(raw, "a degree"); err == nil {
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
	default:
		return errUnknownField(name)
	}
	return err
}

// jsonString decodes a JSON string of at most maxFactText characters.
func jsonString(raw json.RawMessage, want string) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("want %s as a string, got %s", want, excerpt.Text(string(raw)))
	}
	if utf8.RuneCountInString(s) > maxFactText {
		return "", fmt.Errorf("want %s, got %s", want, excerpt.Quote(s))
	}
	return s, nil
}

func jsonBool(raw json.RawMessage) (*bool, error) {
	var b bool
	if err := json.Unmarshal(raw, &b); err != nil {
		return nil, fmt.Errorf("want true or false, got %s", excerpt.Text(string(raw)))
	}
	return &b, nil
}

func jsonDate(raw json.RawMessage) (*date.Date, error) {
	s, err := jsonString(raw, "a date YYYY-MM-DD")
	if err != nil {
		return nil, err
	}
	d, err := parseDate(s)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

func jsonInt(raw json.RawMessage, want string) (*int, error) {
	var n json.Number
	if raw[0] == '"' || json.Unmarshal(raw, &n) != nil {
		return nil, fmt.Errorf("want %s, got %s", want, excerpt.Text(string(raw)))
	}
	i, err := n.Int64()
	if err != nil || i < math.MinInt32 || i > math.MaxInt32 {
		return nil, fmt.Errorf("want %s, got %s", want, excerpt.Text(string(raw)))
	}
	v := int(i)
	return &v, nil
}

// parseMoney parses a decimal number of euros with at most two decimals.
func parseMoney(s string) (Money, error) {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	bad := fmt.Errorf("want a number of euros with at most two decimals, got %s", excerpt.Text(s))
	if strings.ContainsAny(s, "eE") || intPart == "" || strings.HasPrefix(intPart, "-") {
		if strings.HasPrefix(intPart, "-") {
			return 0, fmt.Errorf("want an amount of 0 or more, got %s", excerpt.Text(s))
		}
		return 0, bad
	}
	if hasFrac && (len(frac) == 0 || len(frac) > 2) {
		return 0, bad
	}
	if len(intPart) > 9 {
		return 0, fmt.Errorf("%s euros a month is not a plausible salary", excerpt.Text(s))
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
		return "", fmt.Errorf("want an ISO 3166-1 alpha-2 country code such as \"IN\", got %s", excerpt.Quote(s))
	}
	r, err := language.ParseRegion(s)
	if err != nil || !r.IsCountry() {
		return "", fmt.Errorf("%q is not an ISO 3166-1 alpha-2 country code", s)
	}
	if c := r.Canonicalize(); c != r {
		return "", fmt.Errorf("%q is not an ISO 3166-1 alpha-2 country code; did you mean %q?", s, c.String())
	}
	return r.String(), nil
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// Validate checks facts made in Go the way [ParseFacts] checks JSON: the
// date and nationality are required, dates lie on or before Date, numbers
// are in range, Age agrees with BirthDate. The error is a *[FactsError]
// that names the field.
func (f Facts) Validate() error {
	bad := func(field, format string, a ...any) error {
		return &FactsError{Field: field, Err: fmt.Errorf(format, a...)}
	}
	if f.Date == 0 {
		return bad("date", "required")
	}
	if err := checkRange(f.Date); err != nil {
		return &FactsError{Field: "date", Err: err}
	}
	if f.Nationality == "" {
		return bad("nationality", "required")
	}
	if c, err := parseCountry(f.Nationality); err != nil {
		return &FactsError{Field: "nationality", Err: err}
	} else if c != f.Nationality {
		return bad("nationality", "want %q in upper case", c)
	}
	if f.BirthDate != nil {
		if *f.BirthDate > f.Date {
			return bad("birth_date", "%s is after the date %s", *f.BirthDate, f.Date)
		}
		if ageOn(*f.BirthDate, f.Date) > maxAge {
			return bad("birth_date", "%s gives an age over %d", *f.BirthDate, maxAge)
		}
	}
	if f.Age != nil {
		if *f.Age < 0 || *f.Age > maxAge {
			return bad("age", "want 0 to %d, got %d", maxAge, *f.Age)
		}
		if f.BirthDate != nil {
			if a := ageOn(*f.BirthDate, f.Date); a != *f.Age {
				return bad("age", "%d does not agree with birth_date %s, which gives %d on %s", *f.Age, *f.BirthDate, a, f.Date)
			}
		}
	}
	if f.Purpose != "" {
		if _, err := route.Parse(string(f.Purpose)); err != nil {
			return &FactsError{Field: "purpose", Err: err}
		}
	}
	if f.GrossMonthlySalary != nil && *f.GrossMonthlySalary < 0 {
		return bad("gross_monthly_salary", "want an amount of 0 or more, got %s", *f.GrossMonthlySalary)
	}
	if f.GraduatedOn != nil && *f.GraduatedOn > f.Date {
		return bad("graduated_on", "%s is after the date %s: give facts as they are on the date", *f.GraduatedOn, f.Date)
	}
	if f.Degree != "" {
		if _, err := ParseDegree(string(f.Degree)); err != nil {
			return &FactsError{Field: "degree", Err: err}
		}
	}
	if f.ContractMonths != nil && (*f.ContractMonths < 1 || *f.ContractMonths > maxMonths) {
		return bad("contract_months", "want 1 to %d, got %d", maxMonths, *f.ContractMonths)
	}
	if f.FamilyOf != "" {
		if _, err := route.Parse(string(f.FamilyOf)); err != nil {
			return &FactsError{Field: "family_of", Err: err}
		}
		if f.FamilyOf == route.FamilyMember {
			return bad("family_of", "want the route of the person joined, not %s", route.FamilyMember)
		}
	}
	switch f.ICTRole {
	case "", Manager, Specialist, Trainee:
	default:
		return bad("ict_role", "want manager, specialist or trainee, got %s", excerpt.Quote(string(f.ICTRole)))
	}
	if f.GroupEmploymentMonths != nil && (*f.GroupEmploymentMonths < 0 || *f.GroupEmploymentMonths > maxMonths) {
		return bad("group_employment_months", "want 0 to %d, got %d", maxMonths, *f.GroupEmploymentMonths)
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
		return fmt.Errorf("%s is outside the days loket answers for, %s to %s", d, first, last)
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
		return 0, fmt.Errorf("want a date YYYY-MM-DD, got %s", excerpt.Quote(s))
	}
	return date.NewAt(t), nil
}
