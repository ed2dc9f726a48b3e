package eligibility

import (
	"io/fs"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rickb777/date/v2"
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
		for _, e := range p.values {
			u, err := url.Parse(e.source)
			if err != nil || u.Scheme != "https" || e.note == "" {
				t.Errorf("%s from %s: source %q, note %q", id, e.from, e.source, e.note)
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

func TestServiceIDs(t *testing.T) {
	got := strings.Join(mustDefault(t).ServiceIDs(), " ")
	want := "brp-registration immigration-advice ind-biometrics one-stop-shop-intake residence-permit-collection residence-sticker"
	if got != want {
		t.Errorf("ServiceIDs() = %s\nwant %s", got, want)
	}
}

// TestCompileErrors checks that broken parameter and service files are
// refused with the file, line and column.
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
	edit := func(file, old, new string) fstest.MapFS {
		m := good()
		s := string(m[file].Data)
		if !strings.Contains(s, old) {
			t.Fatalf("%s has no %q", file, old)
		}
		m[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
		return m
	}
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"a day that does not exist", edit("params/income.yaml", "from: 2025-01-01", "from: 2025-02-30"),
			`params/income.yaml:24:13: income.highly-skilled-migrant.30-plus.values[1].from: want a date YYYY-MM-DD, got "2025-02-30"`},
		{"dates out of order", edit("params/income.yaml", "from: 2025-01-01", "from: 2023-01-01"),
			"params/income.yaml:24:13: income.highly-skilled-migrant.30-plus.values[1].from: 2023-01-01 is not after the previous entry's 2024-01-01"},
		{"a source that is not https", edit("params/income.yaml", "source: https://ind.nl/en/required-amounts-income-requirements", "source: ind.nl"),
			`params/income.yaml:22:15: income.highly-skilled-migrant.30-plus.values[0].source: want an https URL, got "ind.nl"`},
		{"a value that is not a number", edit("params/income.yaml", "value: 5331", "value: lots"),
			"params/income.yaml:21:14: income.highly-skilled-migrant.30-plus.values[0].value: want a number, got lots"},
		{"a null where the rule must exist", edit("params/income.yaml", "value: 5331", "value: null"),
			"income.highly-skilled-migrant.30-plus.values[0].value: missing"},
		{"a misspelt field", edit("params/income.yaml", "  indexed: yearly\n", "  indexd: yearly\n"),
			`params/income.yaml:18:3: unknown field "indexd"`},
		{"an unknown parameter", edit("params/conditions.yaml", "highly-skilled-migrant.age-boundary:", "highly-skilled-migrant.age-limit:"),
			`params/conditions.yaml:4:1: unknown parameter "highly-skilled-migrant.age-limit"`},
		{"a wrong unit", edit("params/conditions.yaml", "unit: years", "unit: months"),
			`highly-skilled-migrant.age-boundary.unit: got "months", want "years"`},
		{"a fraction of a year", edit("params/conditions.yaml", "value: 30", "value: 30.5"),
			"highly-skilled-migrant.age-boundary.values[0].value: 30.5 is not a valid amount of years"},
		{"a bad country code", edit("params/nationality.yaml", "FR, GR,", "FR, EL,"),
			`"EL" is not an ISO 3166-1 alpha-2 code in upper case`},
		{"a missing note", edit("params/conditions.yaml", "      note: Article 12(1), 1 year\n", ""),
			"intra-corporate-transferee.maximum.trainee.values[0].note: missing"},
		{"a service id with capitals", edit("services.yaml", "[brp-registration]", "[BRP]"),
			`services.yaml: routes.eu-citizen.eligible: "BRP" is not a service id`},
		{"an outcome without services", edit("services.yaml", "    needs-information: [immigration-advice]\n", ""),
			"services.yaml: routes.eu-citizen: no services for outcome needs-information"},
		{"an unknown reason code", edit("services.yaml", "free-movement-national:", "free-movement:"),
			`services.yaml: by_reason: unknown reason code "free-movement"`},
	}
	for _, tt := range tests {
		_, err := Compile(tt.fsys)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v\nwant one containing %s", tt.name, err, tt.want)
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
