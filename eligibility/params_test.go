package eligibility

import (
	"errors"
	"io/fs"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/yamlfile"
)

// TestIncomeCriteria checks the income criteria of the issue, date by date:
// the value in force on each valid-from date and on the day before it.
func TestIncomeCriteria(t *testing.T) {
	rules := mustDefault(t)
	type row struct {
		from                                 string
		hsm30, hsmUnder30, reduced, bc, bcRe float64 // -1: no reduced Blue Card criterion
	}
	table := []row{
		{"2024-01-01", 5331, 3909, 2801, 6245, -1},
		{"2024-06-12", 5331, 3909, 2801, 5331, 4265},
		{"2025-01-01", 5688, 4171, 2989, 5688, 4551},
		{"2026-01-01", 5942, 4357, 3122, 5942, 4754},
	}
	ids := []string{idHSM30Plus, idHSMUnder30, idHSMReduced, idBlueCard, idBlueCardReduced}
	for i, r := range table {
		want := []float64{r.hsm30, r.hsmUnder30, r.reduced, r.bc, r.bcRe}
		d := date.MustParseISO(r.from)
		for j, id := range ids {
			p, ok := rules.Param(id, d)
			switch {
			case want[j] < 0 && ok:
				t.Errorf("%s on %s = %v, want no value", id, d, p.Value)
			case want[j] >= 0 && (!ok || p.Value != want[j]):
				t.Errorf("%s on %s = %v (%v), want %v", id, d, p.Value, ok, want[j])
			case ok && p.Unit != EUR:
				t.Errorf("%s: unit %s, want EUR", id, p.Unit)
			}
			if i > 0 {
				prev := []float64{table[i-1].hsm30, table[i-1].hsmUnder30, table[i-1].reduced, table[i-1].bc, table[i-1].bcRe}[j]
				p, ok := rules.Param(id, d-1)
				if prev >= 0 && (!ok || p.Value != prev) {
					t.Errorf("%s on %s = %v (%v), want %v", id, d-1, p.Value, ok, prev)
				}
			}
		}
	}
	if _, ok := rules.Param(idHSM30Plus, date.MustParseISO("2023-12-31")); ok {
		t.Error("a parameter has a value before its first date")
	}
	if _, ok := rules.Param("income.nonexistent", date.MustParseISO("2026-01-01")); ok {
		t.Error("an unknown parameter has a value")
	}
}

func TestStartAndOutdated(t *testing.T) {
	rules := mustDefault(t)
	if got := rules.Start().String(); got != "2024-01-01" {
		t.Errorf("Start() = %s, want 2024-01-01", got)
	}
	for _, tt := range []struct {
		d    string
		want bool
	}{
		{"2024-01-01", false},
		{"2026-12-31", false},
		{"2027-01-01", true}, // a year after the indexation of 2026-01-01
		{"2030-06-01", true},
	} {
		if got := rules.Outdated(date.MustParseISO(tt.d)); got != tt.want {
			t.Errorf("Outdated(%s) = %v, want %v", tt.d, got, tt.want)
		}
	}
}

// TestParamSources checks that every value of every parameter cites an
// https source and has a note: rules as code are traceable.
func TestParamSources(t *testing.T) {
	rules := mustDefault(t)
	if len(rules.params) != len(rules.ParamIDs()) {
		t.Errorf("%d parameters, want %d", len(rules.params), len(rules.ParamIDs()))
	}
	for id, p := range rules.params {
		for _, e := range p.values.Entries {
			u, err := url.Parse(e.Source)
			if err != nil || u.Scheme != "https" || e.Note == "" || e.Unverified {
				t.Errorf("%s from %s: source %q, note %q, unverified %v", id, e.From, e.Source, e.Note, e.Unverified)
			}
		}
	}
}

func TestFreeMovement(t *testing.T) {
	rules := mustDefault(t)
	list, ok := rules.FreeMovement(date.MustParseISO("2026-03-01"))
	if !ok || len(list) != 27+3+1 {
		t.Fatalf("FreeMovement = %d countries (%v), want 31 (EU 27, EEA 3, Switzerland)", len(list), ok)
	}
	for _, c := range []string{"NL", "DE", "GR", "HR", "IS", "LI", "NO", "CH"} {
		if !strings.Contains(strings.Join(list, ","), c) {
			t.Errorf("FreeMovement lacks %s", c)
		}
	}
	for _, c := range []string{"GB", "TR", "EL", "UK"} {
		if strings.Contains(strings.Join(list, ","), c) {
			t.Errorf("FreeMovement has %s", c)
		}
	}
	if _, ok := rules.FreeMovement(date.MustParseISO("2023-12-31")); ok {
		t.Error("FreeMovement before the start has a value")
	}
}

// TestCompileErrors checks that broken parameter files are refused with
// every error at once, each with the file, line, column and field path.
func TestCompileErrors(t *testing.T) {
	good := func() fstest.MapFS {
		m := fstest.MapFS{}
		err := fs.WalkDir(embedded, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(embedded, path)
			m[path] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	if _, err := Compile(good()); err != nil {
		t.Fatalf("the embedded files copied: %v", err)
	}
	// edit makes each change (file, old text, new text, ...) to the good
	// files.
	edit := func(changes ...string) fstest.MapFS {
		m := good()
		for i := 0; i+2 < len(changes); i += 3 {
			file, old, new := changes[i], changes[i+1], changes[i+2]
			s := string(m[file].Data)
			if !strings.Contains(s, old) {
				t.Fatalf("%s has no %q", file, old)
			}
			m[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
		}
		return m
	}
	const (
		income     = "params/income.yaml"
		conditions = "params/conditions.yaml"
		nationals  = "params/nationality.yaml"
	)
	tests := []struct {
		name string
		fsys fstest.MapFS
		want []string // the lines of the error
	}{
		{"a day that does not exist", edit(income, "from: 2025-01-01", "from: 2025-02-30"), []string{
			`params/income.yaml:24:13: income.highly-skilled-migrant.30-plus.values[1].from: expected a date like 2026-12-24, found "2025-02-30": day out of range`}},
		{"dates out of order", edit(income, "from: 2025-01-01", "from: 2023-01-01"), []string{
			"params/income.yaml:24:13: income.highly-skilled-migrant.30-plus.values[1].from: the values must be in date order: 2023-01-01 is not after 2024-01-01, the date of the value before it"}},
		{"a source that is not a URL", edit(income, "source: https://ind.nl/en/required-amounts-income-requirements", "source: ind.nl"), []string{
			`params/income.yaml:22:15: income.highly-skilled-migrant.30-plus.values[0].source: expected an absolute http or https URL such as https://example.org/, found "ind.nl"`}},
		{"a source that is not https", edit(income, "source: https://ind.nl/en/required-amounts-income-requirements", "source: http://ind.nl/"), []string{
			`params/income.yaml:22:15: income.highly-skilled-migrant.30-plus.values[0].source: expected an https URL, found "http://ind.nl/"`}},
		{"a value that is not a number", edit(income, "value: 5331", "value: lots"), []string{
			`params/income.yaml:21:14: income.highly-skilled-migrant.30-plus.values[0].value: expected a number, found text "lots"`}},
		{"a null where the rule must exist", edit(income, "value: 5331", "value: null"), []string{
			"params/income.yaml:21:14: income.highly-skilled-migrant.30-plus.values[0].value: expected a value: this parameter has one on every date (null is for a rule that did not exist yet)"}},
		{"a misspelt field", edit(income, "  indexed: yearly\n", "  indexd: yearly\n"), []string{
			`params/income.yaml:18:3: income.highly-skilled-migrant.30-plus.indexd: unknown field "indexd"; did you mean "indexed"?`}},
		{"a misspelt parameter", edit(conditions, "highly-skilled-migrant.age-boundary:", "highly-skilled-migrant.age-boundry:"), []string{
			`params/conditions.yaml:4:1: highly-skilled-migrant.age-boundry: unknown parameter "highly-skilled-migrant.age-boundry"; did you mean "highly-skilled-migrant.age-boundary"?`}},
		{"a wrong unit", edit(conditions, "unit: years", "unit: months"), []string{
			`params/conditions.yaml:8:9: highly-skilled-migrant.age-boundary.unit: expected years, the unit of highly-skilled-migrant.age-boundary, found "months"`}},
		{"a fraction of a year", edit(conditions, "value: 30", "value: 30.5"), []string{
			"params/conditions.yaml:11:14: highly-skilled-migrant.age-boundary.values[0].value: expected a whole number of years, found 30.5"}},
		{"a bad country code", edit(nationals, "FR, GR,", "FR, EL,"), []string{
			`params/nationality.yaml:13:59: free-movement.countries.values[0].value[11]: expected an ISO 3166-1 alpha-2 code in upper case such as NL, found "EL"`}},
		{"a missing note", edit(conditions, "      note: Article 12(1), 1 year\n", ""), []string{
			"params/conditions.yaml:108:7: intra-corporate-transferee.maximum.trainee.values[0].note: missing a note that says what the value is"}},
		{"a parameter in two files", func() fstest.MapFS {
			m := good()
			m["params/extra.yaml"] = &fstest.MapFile{Data: []byte(`highly-skilled-migrant.age-boundary:
  description: the age boundary again
  unit: years
  values:
    - {from: 2024-01-01, value: 30, source: "https://example.org/", note: a copy}
`)}
			return m
		}(), []string{
			"params/extra.yaml:2:3: highly-skilled-migrant.age-boundary: parameter highly-skilled-migrant.age-boundary is defined in params/conditions.yaml too"}},
		{"a parameter twice in a file", edit(conditions, "highly-skilled-migrant.reduced-window:", "highly-skilled-migrant.age-boundary:"), []string{
			"params/conditions.yaml:15:1: highly-skilled-migrant.age-boundary: parameter highly-skilled-migrant.age-boundary is given twice (first on line 4)"}},
		{"every error of every file at once", edit(
			income, "from: 2025-01-01", "from: 2025-02-30",
			income, "value: 5331", "value: lots",
			income, "  indexed: yearly\n", "  indexd: yearly\n",
			conditions, "unit: years", "unit: months",
			conditions, "value: 30", "value: 30.5",
			nationals, "FR, GR,", "FR, EL,",
		), []string{
			`params/conditions.yaml:8:9: highly-skilled-migrant.age-boundary.unit: expected years, the unit of highly-skilled-migrant.age-boundary, found "months"`,
			"params/conditions.yaml:11:14: highly-skilled-migrant.age-boundary.values[0].value: expected a whole number of years, found 30.5",
			`params/income.yaml:18:3: income.highly-skilled-migrant.30-plus.indexd: unknown field "indexd"; did you mean "indexed"?`,
			`params/income.yaml:21:14: income.highly-skilled-migrant.30-plus.values[0].value: expected a number, found text "lots"`,
			`params/income.yaml:24:13: income.highly-skilled-migrant.30-plus.values[1].from: expected a date like 2026-12-24, found "2025-02-30": day out of range`,
			`params/nationality.yaml:13:59: free-movement.countries.values[0].value[11]: expected an ISO 3166-1 alpha-2 code in upper case such as NL, found "EL"`,
		}},
		{"not YAML", edit(nationals, "free-movement.countries:", "free-movement.countries: ["), []string{}},
		{"an empty file", func() fstest.MapFS {
			m := good()
			m["params/extra.yaml"] = &fstest.MapFile{Data: []byte("# nothing yet\n")}
			return m
		}(), []string{"params/extra.yaml: the file is empty: expected parameters by id (income.eu-blue-card: ...)"}},
	}
	for _, tt := range tests {
		_, err := Compile(tt.fsys)
		var errs yamlfile.Errors
		switch {
		case err == nil:
			t.Errorf("%s: no error", tt.name)
		case !errors.As(err, &errs):
			t.Errorf("%s: error %v (%T), want yamlfile.Errors", tt.name, err, err)
		case len(tt.want) == 0:
			if len(errs) != 1 || !strings.HasPrefix(errs[0].Msg, "invalid YAML: ") || errs[0].Line == 0 {
				t.Errorf("%s: got %v, want one error of invalid YAML with a place", tt.name, err)
			}
		case err.Error() != strings.Join(tt.want, "\n"):
			t.Errorf("%s: got\n%v\nwant\n%s", tt.name, err, strings.Join(tt.want, "\n"))
		}
	}
	m := good()
	delete(m, "params/nationality.yaml")
	if _, err := Compile(m); err == nil || err.Error() != "params: missing parameter free-movement.countries" {
		t.Errorf("a missing parameter: got %v", err)
	}
}

// TestCorrectedNotes holds the notes that issue 8 corrected: the range of
// Article 5(1)(b) of Directive 2014/66/EU differs for trainee employees
// (https://eur-lex.europa.eu/eli/dir/2014/66/oj), and the reduced criterion
// of a highly skilled migrant needs a programme that qualifies for an
// orientation year.
func TestCorrectedNotes(t *testing.T) {
	rules := mustDefault(t)
	for _, tt := range []struct {
		id   string
		want []string
	}{
		{idICTGroupMinimum, []string{"3 to 12 uninterrupted months for managers and specialists", "3 to 6 months for trainee employees", "the Netherlands asks 3 for all", "Stb. 2016, 408"}},
		{idHSMWindow, []string{"qualifies for an orientation year", "during or straight after an orientation year"}},
	} {
		p, ok := rules.Param(tt.id, date.MustParseISO("2026-03-01"))
		if !ok {
			t.Fatalf("no parameter %s", tt.id)
		}
		note := strings.Join(strings.Fields(p.Note), " ")
		for _, w := range tt.want {
			if !strings.Contains(note, w) {
				t.Errorf("%s: note %q lacks %q", tt.id, note, w)
			}
		}
	}
	if p, _ := rules.Param(idICTGroupMinimum, date.MustParseISO("2026-03-01")); p.Value != 3 {
		t.Errorf("%s = %v, want 3", idICTGroupMinimum, p.Value)
	}
}

// FuzzParamFile feeds an arbitrary file in place of params/income.yaml:
// nothing may panic, and a refusal lists errors that each name the file
// and a place in it (or the file as a whole) with a message.
func FuzzParamFile(f *testing.F) {
	income, err := fs.ReadFile(embedded, "params/income.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{string(income), "", "a: b", "income.eu-blue-card: []", "- 1", "income.eu-blue-card:\n  values: [{value: null}]\n",
		"&a x: *a", strings.Repeat("[", 200)} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m := fstest.MapFS{"params/income.yaml": &fstest.MapFile{Data: data}}
		for _, name := range []string{"params/conditions.yaml", "params/nationality.yaml"} {
			b, err := fs.ReadFile(embedded, name)
			if err != nil {
				t.Fatal(err)
			}
			m[name] = &fstest.MapFile{Data: b}
		}
		_, err := Compile(m)
		if err == nil {
			return
		}
		var errs yamlfile.Errors
		if !errors.As(err, &errs) || len(errs) == 0 {
			t.Fatalf("error %v (%T), want yamlfile.Errors", err, err)
		}
		for _, e := range errs {
			if e.Msg == "" || (e.Line == 0) != (e.Column == 0) || e.File != "params/income.yaml" && e.File != "params" {
				t.Fatalf("error %#v", e)
			}
		}
	})
}
