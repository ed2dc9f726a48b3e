package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/report"
	"github.com/expatcentre/loket/services"
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

// contract is the JSON output of loket check, decoded strictly: the
// contract of package eligibility and the services its routes name.
type contract struct {
	Date     string            `json:"date"`
	Outdated *bool             `json:"outdated"`
	Routes   []contractRoute   `json:"routes"`
	Services []contractService `json:"services"`
	// Residence is the municipality of residence, when the facts give one.
	Residence *report.ResidenceJSON `json:"residence"`
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

type contractService struct {
	ID           string  `json:"id"`
	Kind         *string `json:"kind"`
	Name         *string `json:"name"`
	Desk         *string `json:"desk"`
	DeskName     *string `json:"desk_name"`
	BookingURL   *string `json:"booking_url"`
	AreaOnly     *bool   `json:"service_area_only"`
	ForResidence *bool   `json:"for_residence"`
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

// The JSON of loket check: the routes in order (purpose first), each
// with reasons and services, and every service named described once.
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
	named := map[string]bool{}
	for i, r := range c.Routes {
		if r.Route != want[i] {
			t.Errorf("route %d = %s, want %s (purpose first, then the others)", i, r.Route, want[i])
		}
		if r.Services == nil || r.Reasons == nil {
			t.Errorf("%s: services or reasons missing", r.Route)
		}
		for _, rs := range r.Reasons {
			if rs.Code == "" || rs.Message == "" || rs.Params == nil {
				t.Errorf("%s: reason %+v", r.Route, rs)
			}
		}
		for _, id := range r.Services {
			named[id] = true
		}
	}
	if len(c.Services) != len(named) {
		t.Errorf("%d services described, %d named", len(c.Services), len(named))
	}
	for _, s := range c.Services {
		if !named[s.ID] || s.Kind == nil || s.Name == nil || s.Desk == nil || s.DeskName == nil {
			t.Errorf("service %+v", s)
		}
		if s.ID == "ind-biometrics" && (*s.Kind != "visit" || *s.Name != "IND biometrics" || s.BookingURL == nil || *s.BookingURL != "https://oap.ind.nl/oap/") {
			t.Errorf("ind-biometrics %+v", s)
		}
		if s.ID == "brp-registration" && (*s.DeskName != "Municipal desk" || *s.BookingURL != "https://expatcentremaastrichtregion.nl/appointment") {
			t.Errorf("brp-registration %+v", s)
		}
	}
	// The contract's keys come in its order, then the services.
	if !strings.HasPrefix(stdout, "{\n  \"date\": \"2026-03-01\",\n  \"routes\": [\n    {\n      \"route\": \"highly-skilled-migrant\",\n") ||
		!strings.Contains(stdout, "\n  ],\n  \"services\": [\n    {\n      \"id\": ") {
		t.Errorf("output does not have the contract's order:\n%s", stdout)
	}
}

// A centre whose file gives no advice (book_next) names no services.
func TestCheckJSONNoAdvice(t *testing.T) {
	centreFile := writeTemp(t, "small.yaml", oneDesk)
	code, stdout, stderr := checkStdin(`{"date": "2026-03-01", "nationality": "BE", "purpose": "eu-citizen"}`, "--format", "json", "--centre", centreFile)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	c := decodeContract(t, stdout)
	if c.Services == nil || len(c.Services) != 0 {
		t.Errorf("services %+v, want []", c.Services)
	}
	for _, r := range c.Routes {
		if r.Services == nil || len(r.Services) != 0 {
			t.Errorf("%s: services %v, want []", r.Route, r.Services)
		}
	}
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
	want.WriteString(`
  ],
  "services": [
    {
      "id": "brp-registration",
      "kind": "visit",
      "name": "Versnelde inschrijving in de BRP",
      "desk": "municipality",
      "desk_name": "Gemeentebalie",
      "booking_url": "https://expatcentremaastrichtregion.nl/appointment",
      "service_area_only": true,
      "for_residence": null
    }
  ],
  "residence": null
}
`)
	if stdout != want.String() {
		t.Errorf("got:\n%s\nwant:\n%s", stdout, want.String())
	}
}

// The text output: the layout of loket check around the reasons, which
// package eligibility words and tests.
func TestCheckText(t *testing.T) {
	facts := `{"date": "2026-03-01", "nationality": "BE", "purpose": "eu-citizen"}`
	code, stdout, stderr := checkStdin(facts, "--lang", "en")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	wantEN := `Reference date: Sunday, 1 March 2026

EU, EEA or Swiss citizen: eligible
  ✓ `
	if !strings.HasPrefix(stdout, wantEN) || !strings.Contains(stdout, "\n  Book next: Fast-track registration in the BRP (brp-registration)\n\nHighly skilled migrant: not eligible\n") {
		t.Errorf("got:\n%s\nwant it to start with:\n%s", stdout, wantEN)
	}
	_, stdout, _ = checkStdin(facts)
	if !strings.HasPrefix(stdout, "Peildatum: zondag 1 maart 2026\n\nBurger van de EU, de EER of Zwitserland: komt in aanmerking\n  ✓ ") ||
		!strings.Contains(stdout, "\n  Boek hierna: Versnelde inschrijving in de BRP (brp-registration)\n") {
		t.Errorf("Dutch, the centre's language:\n%s", stdout)
	}
}

// The marks of the effects, and the procedures apart from the visits.
func TestCheckTextMarks(t *testing.T) {
	for e, want := range map[eligibility.Effect]string{
		eligibility.Met: "✓", eligibility.Failed: "✗", eligibility.Unknown: "?", eligibility.NotAssessed: "–", eligibility.Info: "·",
	} {
		if got := effectMark(e); got != want {
			t.Errorf("effectMark(%s) = %q, want %q", e, got, want)
		}
	}
	cat := services.New(centre.Default())
	var ss []services.Service
	for _, id := range []string{"ind-biometrics", "ind-hsm-decision", "brp-registration"} {
		s, _ := cat.Service(id)
		ss = append(ss, s)
	}
	visits, procedures := serviceNames(i18n.NewPrinter(language.English), ss)
	if strings.Join(visits, ", ") != "IND biometrics (ind-biometrics), Fast-track registration in the BRP (brp-registration)" ||
		strings.Join(procedures, ", ") != "IND decision on a highly skilled migrant application (ind-hsm-decision)" {
		t.Errorf("visits %q, procedures %q", visits, procedures)
	}
}

func TestCheckLanguageFromLANG(t *testing.T) {
	facts := strings.NewReader(`{"date": "2026-03-01", "nationality": "NL", "purpose": "eu-citizen"}`)
	r := loketEnv(map[string]string{"LANG": "en_GB.UTF-8"}, facts, "check")
	if !strings.HasPrefix(r.stdout, "Reference date: Sunday, 1 March 2026\n\nEU, EEA or Swiss citizen: eligible\n") {
		t.Errorf("with LANG=en_GB.UTF-8:\n%s", r.stdout)
	}
	facts.Seek(0, 0)
	r = loketEnv(map[string]string{"LANG": "en_GB.UTF-8"}, facts, "check", "-lang", "nl")
	if !strings.HasPrefix(r.stdout, "Peildatum: zondag 1 maart 2026\n") {
		t.Errorf("-lang nl beats LANG:\n%s", r.stdout)
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

// TestCheckErrors: bad facts name the place and the field, exit 2; the
// framing is in the output language, the words of package eligibility
// follow.
func TestCheckErrors(t *testing.T) {
	const bad = "loket check: the facts in <stdin> are not valid: "
	tests := []struct {
		input  string
		args   []string
		code   int
		stderr string // the whole of stderr
	}{
		{`{"date": "2026-03-01", "nationality": "IN",}`, nil, 2,
			bad + "1:44: malformed JSON: invalid character '}' looking for beginning of object key string\n"},
		{`{"date": "2026-03-01", "nationality": "India"}`, nil, 2,
			bad + "1:39: nationality: want an ISO 3166-1 alpha-2 country code such as \"IN\", got \"India\"\n"},
		{`{"date": "01-03-2026", "nationality": "IN"}`, nil, 2,
			bad + "1:10: date: want a date YYYY-MM-DD, got \"01-03-2026\"\n"},
		{`{"nationality": "IN"}`, nil, 2, bad + "date: required\n"},
		{``, nil, 2, bad + "1:1: malformed JSON: unexpected end of input\n"},
		{`{}`, []string{"-format", "yaml"}, 2, "loket check: --format \"yaml\": want text or json\nRun \"loket help check\" for its usage.\n"},
		{`{}`, []string{"a.json", "b.json"}, 2, "loket check: want at most one FILE, got 2 arguments: a.json b.json\nRun \"loket help check\" for its usage.\n"},
	}
	for _, tt := range tests {
		code, stdout, stderr := checkStdin(tt.input, append([]string{"--lang", "en"}, tt.args...)...)
		if code != tt.code || stderr != tt.stderr || stdout != "" {
			t.Errorf("loket check %s < %q:\nexit %d, stderr %q\nwant exit %d, stderr %q", strings.Join(tt.args, " "), tt.input, code, stderr, tt.code, tt.stderr)
		}
	}
	code, _, stderr := checkStdin(`{"nationality": "IN"}`, "-lang", "de")
	if code != 2 || stderr != "loket check: --lang \"de\": verwacht nl of en\nZie \"loket help check\" voor het gebruik.\n" {
		t.Errorf("-lang de: exit %d, stderr %q", code, stderr)
	}

	file := writeFacts(t, `{"date": "2026-03-01", "nationality": "UK"}`)
	code, _, stderr = runLoket("check", file)
	if want := "loket check: de feiten in " + file + " kloppen niet: 1:39: nationality: \"UK\" is geen landcode volgens ISO 3166-1 alpha-2; bedoelt u \"GB\"?\n"; code != 2 || stderr != want {
		t.Errorf("a bad file: exit %d, stderr %q, want %q", code, stderr, want)
	}
	missing := filepath.Join(t.TempDir(), "none.json")
	code, _, stderr = runLoket("check", missing, "--lang", "en")
	if code != 1 || stderr != "loket check: "+missing+": cannot be read: no such file\n" {
		t.Errorf("a missing file: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runLoket("check", "-frobnicate")
	if code != 2 || stderr != "loket check: onbekende optie -frobnicate\nZie \"loket help check\" voor het gebruik.\n" {
		t.Errorf("an unknown flag: exit %d, stderr %q", code, stderr)
	}
}

func TestCheckHelp(t *testing.T) {
	code, stdout, stderr := runLoket("help", "check", "--lang", "en")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "Usage: loket check [flags] [FILE]\n") ||
		!strings.Contains(stdout, "eu-citizen, highly-skilled-migrant, eu-blue-card") || !strings.Contains(stdout, "dutch-master") {
		t.Errorf("loket help check: exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
}
