package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkStdin runs loket check with args and the facts on standard input.
func checkStdin(input string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = check(args, strings.NewReader(input), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeFacts writes facts to a file in a temporary directory.
func writeFacts(t *testing.T, facts string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "facts.json")
	if err := os.WriteFile(name, []byte(facts), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// The example of the JSON contract in issue 4.
const issueFacts = `{"date": "2026-03-01", "nationality": "IN", "birth_date": "1994-05-10",
 "purpose": "highly-skilled-migrant", "gross_monthly_salary": 6100.00,
 "recognised_sponsor": true, "graduated_on": "2025-07-01", "contract_months": 24}`

// contract is the JSON output of loket check, decoded strictly.
type contract struct {
	Date     string          `json:"date"`
	Outdated *bool           `json:"outdated"`
	Routes   []contractRoute `json:"routes"`
}

type contractRoute struct {
	Route    string           `json:"route"`
	Outcome  string           `json:"outcome"`
	Reasons  []contractReason `json:"reasons"`
	Missing  []string         `json:"missing"`
	Services []string         `json:"services"`
}

type contractReason struct {
	Code    string             `json:"code"`
	Message string             `json:"message"`
	Params  map[string]float64 `json:"params"`
}

func decodeContract(t *testing.T, out string) contract {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	var c contract
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("output is not the JSON contract: %v\n%s", err, out)
	}
	return c
}

func TestCheckJSONContract(t *testing.T) {
	code, stdout, stderr := runLoket("check", "--format", "json", "--lang", "en", writeFacts(t, issueFacts))
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	c := decodeContract(t, stdout)
	if c.Date != "2026-03-01" || c.Outdated != nil {
		t.Errorf("date %q, outdated %v", c.Date, c.Outdated)
	}
	want := []string{"highly-skilled-migrant", "eu-citizen", "eu-blue-card", "researcher",
		"orientation-year", "family-member", "intra-corporate-transferee"}
	if len(c.Routes) != len(want) {
		t.Fatalf("%d routes, want %d", len(c.Routes), len(want))
	}
	for i, r := range c.Routes {
		if r.Route != want[i] {
			t.Errorf("route %d = %s, want %s (purpose first, then the others)", i, r.Route, want[i])
		}
		if r.Services == nil || r.Reasons == nil {
			t.Errorf("%s: services or reasons missing", r.Route)
		}
		if (r.Outcome == "needs-information") != (len(r.Missing) > 0) {
			t.Errorf("%s: outcome %s with missing %v", r.Route, r.Outcome, r.Missing)
		}
		for _, rs := range r.Reasons {
			if rs.Code == "" || rs.Message == "" || rs.Params == nil {
				t.Errorf("%s: reason %+v", r.Route, rs)
			}
		}
	}
	hsm := c.Routes[0]
	wantHSM := contractRoute{
		Route: "highly-skilled-migrant", Outcome: "eligible",
		Reasons: []contractReason{
			{"sponsor-recognised", "The employer is recognised by the IND as a sponsor.", map[string]float64{}},
			{"threshold-reduced", "You graduated on 1 July 2025, within 3 years (up to and including 1 July 2028): the reduced income criterion for recent graduates applies.", map[string]float64{"years": 3}},
			{"salary-meets-threshold", "The gross monthly salary of €6,100 meets the income criterion of €3,122.", map[string]float64{"threshold": 3122}},
		},
		Services: []string{"ind-biometrics", "residence-sticker", "residence-permit-collection", "brp-registration"},
	}
	if g, w := mustJSON(t, hsm), mustJSON(t, wantHSM); g != w {
		t.Errorf("highly-skilled-migrant:\n got %s\nwant %s", g, w)
	}
	// The keys come in the contract's order.
	if !strings.HasPrefix(stdout, "{\n  \"date\": \"2026-03-01\",\n  \"routes\": [\n    {\n      \"route\": \"highly-skilled-migrant\",\n      \"outcome\": \"eligible\",\n      \"reasons\": [\n        {\n          \"code\": \"sponsor-recognised\",\n          \"message\": ") {
		t.Errorf("output does not start as the contract does:\n%s", stdout)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCheckJSONExact checks a whole JSON output: an EU citizen asking
// about the Blue Card, in Dutch, on a date when the amounts may be
// outdated.
func TestCheckJSONExact(t *testing.T) {
	code, stdout, stderr := checkStdin(`{"date": "2027-02-01", "nationality": "BE", "purpose": "eu-blue-card"}`,
		"-format=json", "-lang=nl")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	free := `"reasons": [
        {
          "code": "free-movement-national",
          "message": "Als onderdaan van BE (EU, EER of Zwitserland) hebt u geen verblijfsvergunning nodig: schrijf u bij de gemeente in in de Basisregistratie Personen (BRP).",
          "params": {}
        }
      ],
      "services": [
        "brp-registration"
      ]`
	var want strings.Builder
	want.WriteString("{\n  \"date\": \"2027-02-01\",\n  \"outdated\": true,\n  \"routes\": [\n")
	for i, r := range []string{"eu-blue-card", "eu-citizen", "highly-skilled-migrant", "researcher", "orientation-year", "family-member", "intra-corporate-transferee"} {
		outcome := "not-eligible"
		if r == "eu-citizen" {
			outcome = "eligible"
		}
		if i > 0 {
			want.WriteString(",\n")
		}
		want.WriteString("    {\n      \"route\": \"" + r + "\",\n      \"outcome\": \"" + outcome + "\",\n      " + free + "\n    }")
	}
	want.WriteString("\n  ]\n}\n")
	if stdout != want.String() {
		t.Errorf("got:\n%s\nwant:\n%s", stdout, want.String())
	}
}

func TestCheckNeedsInformationJSON(t *testing.T) {
	code, stdout, _ := checkStdin(`{"date": "2026-03-01", "nationality": "IN", "purpose": "highly-skilled-migrant",
		"age": 31, "gross_monthly_salary": 4000}`, "--format", "json", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	hsm := decodeContract(t, stdout).Routes[0]
	if hsm.Outcome != "needs-information" || strings.Join(hsm.Missing, ",") != "recognised_sponsor,graduated_on" {
		t.Errorf("highly-skilled-migrant: %+v", hsm)
	}
	last := hsm.Reasons[len(hsm.Reasons)-1]
	if last.Code != "threshold-undetermined" || last.Params["threshold_reduced"] != 3122 || last.Params["threshold_30_plus"] != 5942 ||
		last.Message != "Whether a gross monthly salary of €4,000 is enough depends on which income criterion applies: give the graduation date (graduated_on)." {
		t.Errorf("last reason: %+v", last)
	}
}

func TestCheckText(t *testing.T) {
	facts := `{"date": "2026-03-01", "nationality": "IN", "purpose": "eu-blue-card",
		"gross_monthly_salary": 5000, "contract_months": 4}`
	code, stdout, stderr := checkStdin(facts, "--lang", "en")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	wantEN := `Reference date: Sunday, 1 March 2026

EU Blue Card: not eligible
  · For this permit the employer need not be recognised by the IND as a sponsor.
  ✗ The contract of 4 months is shorter than the minimum of 6 months.
  ? Whether a gross monthly salary of €5,000 is enough depends on which income criterion applies: give the graduation date (graduated_on).
  Book next: Information on Dutch immigration policy (immigration-advice)

EU, EEA or Swiss citizen: not eligible
  ✗ IN is not a country of the EU, the EEA or Switzerland: free movement does not apply.
  Book next: Information on Dutch immigration policy (immigration-advice)

Highly skilled migrant: more information needed
  ? It is not known whether the employer is recognised by the IND as a sponsor, which a highly skilled migrant needs.
  ? Whether a gross monthly salary of €5,000 is enough depends on which income criterion applies: give the graduation date (graduated_on) and the date of birth or age (birth_date).
  Needed: whether the employer is a recognised sponsor (recognised_sponsor), the graduation date (graduated_on) and the date of birth or age (birth_date)
  Book next: One-stop-shop intake for employees and family members (one-stop-shop-intake)
`
	if !strings.HasPrefix(stdout, wantEN) {
		t.Errorf("got:\n%s\nwant it to start with:\n%s", stdout, wantEN)
	}
	for _, s := range []string{"\nResearcher (Directive (EU) 2016/801): more information needed\n",
		"\nIntra-corporate transferee (Directive 2014/66/EU): more information needed\n"} {
		if !strings.Contains(stdout, s) {
			t.Errorf("output lacks %q", s)
		}
	}

	_, stdout, _ = checkStdin(facts, "--lang", "nl")
	wantNL := `Peildatum: zondag 1 maart 2026

Europese blauwe kaart: komt niet in aanmerking
  · Voor deze vergunning hoeft de werkgever niet door de IND erkend te zijn als referent.
  ✗ Het contract van 4 maanden is korter dan het minimum van 6 maanden.
  ? Of een brutomaandsalaris van € 5.000 genoeg is, hangt af van welk salariscriterium geldt: geef de datum van afstuderen (graduated_on).
  Boek hierna: Informatie over het Nederlandse migratiebeleid (immigration-advice)
`
	if !strings.HasPrefix(stdout, wantNL) {
		t.Errorf("got:\n%s\nwant it to start with:\n%s", stdout, wantNL)
	}
}

func TestCheckTextOutdatedAndPlural(t *testing.T) {
	_, stdout, _ := checkStdin(`{"date": "2027-03-01", "nationality": "IN", "purpose": "eu-blue-card", "contract_months": 1}`, "--lang", "en")
	for _, s := range []string{
		"Reference date: Monday, 1 March 2027\nNote: the amounts may be outdated. They are indexed every 1 January, and on Monday, 1 March 2027 newer amounts than these rules know are probably in force.\n",
		"  ✗ The contract of 1 month is shorter than the minimum of 6 months.\n",
	} {
		if !strings.Contains(stdout, s) {
			t.Errorf("output lacks %q:\n%s", s, stdout)
		}
	}
	_, stdout, _ = checkStdin(`{"date": "2027-03-01", "nationality": "IN", "purpose": "eu-blue-card", "contract_months": 1}`, "--lang", "nl")
	if !strings.Contains(stdout, "  ✗ Het contract van 1 maand is korter dan het minimum van 6 maanden.\n") {
		t.Errorf("Dutch output lacks the singular:\n%s", stdout)
	}
}

func TestCheckLanguageFromLANG(t *testing.T) {
	t.Setenv("LANG", "nl_NL.UTF-8")
	_, stdout, _ := checkStdin(`{"date": "2026-03-01", "nationality": "NL", "purpose": "eu-citizen"}`)
	if !strings.HasPrefix(stdout, "Peildatum: zondag 1 maart 2026\n\nBurger van de EU, de EER of Zwitserland: komt in aanmerking\n") {
		t.Errorf("with LANG=nl_NL.UTF-8:\n%s", stdout)
	}
	_, stdout, _ = checkStdin(`{"date": "2026-03-01", "nationality": "NL", "purpose": "eu-citizen"}`, "-lang", "en")
	if !strings.HasPrefix(stdout, "Reference date: Sunday, 1 March 2026\n") {
		t.Errorf("-lang en beats LANG:\n%s", stdout)
	}
}

func TestCheckInputs(t *testing.T) {
	facts := `{"date": "2026-03-01", "nationality": "CH"}`
	file := writeFacts(t, facts)
	_, fromFile, _ := runLoket("check", "-lang", "en", file)
	_, fromStdin, _ := checkStdin(facts, "-lang", "en")
	_, fromDash, _ := checkStdin(facts, "-lang", "en", "-")
	if fromFile == "" || fromFile != fromStdin || fromFile != fromDash {
		t.Errorf("FILE, standard input and - differ:\n%s\n%s\n%s", fromFile, fromStdin, fromDash)
	}
	if !strings.Contains(fromFile, "\nEU, EEA or Swiss citizen: eligible\n") {
		t.Errorf("without a purpose the routes come in their order:\n%s", fromFile)
	}
}

// TestCheckErrors: bad facts name the place and the field, exit 2.
func TestCheckErrors(t *testing.T) {
	tests := []struct {
		input  string
		args   []string
		code   int
		stderr string // the whole of stderr
	}{
		{`{"date": "2026-03-01", "nationality": "IN",}`, nil, 2,
			"loket check: <stdin>:1:44: malformed JSON: invalid character '}' looking for beginning of object key string\n"},
		{"{\"date\": \"2026-03-01\",\n  \"nationality\": \"IN\",\n  \"salary\": 6100}", nil, 2,
			"loket check: <stdin>:3:3: unknown field \"salary\": want one of date, nationality, birth_date, age, purpose, gross_monthly_salary, recognised_sponsor, graduated_on, contract_months, family_of, ict_role, group_employment_months\n"},
		{`{"date": "2026-03-01", "nationality": "India"}`, nil, 2,
			"loket check: <stdin>:1:39: nationality: want an ISO 3166-1 alpha-2 country code such as \"IN\", got \"India\"\n"},
		{`{"date": "2026-03-01", "nationality": "XX"}`, nil, 2,
			"loket check: <stdin>:1:39: nationality: \"XX\" is not an ISO 3166-1 alpha-2 country code\n"},
		{`{"date": "01-03-2026", "nationality": "IN"}`, nil, 2,
			"loket check: <stdin>:1:10: date: want a date YYYY-MM-DD, got \"01-03-2026\"\n"},
		{`{"date": "2026-03-01", "nationality": "IN", "birth_date": "1994-02-30"}`, nil, 2,
			"loket check: <stdin>:1:59: birth_date: want a date YYYY-MM-DD, got \"1994-02-30\"\n"},
		{`{"date": "2026-03-01", "nationality": "IN", "purpose": "student"}`, nil, 2,
			"loket check: <stdin>:1:56: purpose: unknown route \"student\": want one of eu-citizen, highly-skilled-migrant, eu-blue-card, researcher, orientation-year, family-member, intra-corporate-transferee\n"},
		{"{\n  \"date\": \"2023-12-31\",\n  \"nationality\": \"IN\"\n}", nil, 2,
			"loket check: <stdin>:2:11: date: 2023-12-31 is before the first date with legal parameters, 2024-01-01\n"},
		{`{"nationality": "IN"}`, nil, 2, "loket check: <stdin>: date: required\n"},
		{``, nil, 2, "loket check: <stdin>:1:1: malformed JSON: unexpected end of input\n"},
		{`{}`, []string{"-format", "yaml"}, 2, "loket check: -format \"yaml\": want text or json\n"},
		{`{}`, []string{"-lang", "de"}, 2, "loket check: -lang \"de\": want nl or en\n"},
		{`{}`, []string{"a.json", "b.json"}, 2, "loket check: want at most one FILE, got 2 arguments: a.json b.json\n"},
	}
	for _, tt := range tests {
		code, stdout, stderr := checkStdin(tt.input, tt.args...)
		if code != tt.code || stderr != tt.stderr || stdout != "" {
			t.Errorf("loket check %s < %q:\nexit %d, stderr %q\nwant exit %d, stderr %q", strings.Join(tt.args, " "), tt.input, code, stderr, tt.code, tt.stderr)
		}
	}

	file := writeFacts(t, `{"date": "2026-03-01", "nationality": "UK"}`)
	code, _, stderr := runLoket("check", file)
	if want := "loket check: " + file + ":1:39: nationality: \"UK\" is not an ISO 3166-1 alpha-2 country code; did you mean \"GB\"?\n"; code != 2 || stderr != want {
		t.Errorf("a bad file: exit %d, stderr %q, want %q", code, stderr, want)
	}
	code, _, stderr = runLoket("check", filepath.Join(t.TempDir(), "none.json"))
	if code != 1 || !strings.Contains(stderr, "none.json: no such file or directory") {
		t.Errorf("a missing file: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runLoket("check", "-frobnicate")
	if code != 2 || !strings.Contains(stderr, "flag provided but not defined: -frobnicate") {
		t.Errorf("an unknown flag: exit %d, stderr %q", code, stderr)
	}
}

func TestCheckHelp(t *testing.T) {
	code, stdout, stderr := runLoket("help", "check")
	if code != 0 || stderr != "" || !strings.Contains(stdout, "Usage: loket check [-lang nl|en] [-format text|json] [FILE]") ||
		!strings.Contains(stdout, "eu-citizen, highly-skilled-migrant, eu-blue-card") {
		t.Errorf("loket help check: exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
}
