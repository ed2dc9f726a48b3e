package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// loket services lists the Maastricht catalogue with each service's next
// available moment.
func TestServicesText(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		// Tuesday morning before Christmas: most services are available now;
		// cards are collected on Fridays, and 25 December and 1 January
		// are holidays.
		{[]string{"--at", "2026-12-22T10:00:00+01:00", "--lang", "en"}, []string{
			"Services of Maastricht International Centre on Tuesday, 22 December 2026, 10:00\n",
			"\nind-biometrics: IND biometrics\n",
			"  IND service point · by appointment · about 15 minutes\n",
			"  Available now, until 12:30\n",
			"\nresidence-permit-collection: Collecting a residence permit card\n",
			"  Next: Friday, 8 January 2027, 13:30–17:00\n",
			"  Fee: €423 (from Thursday, 1 January 2026)\n",
			"  Processing: the BSN by post after fast-track registration, 3 working days\n",
		}},
		// Christmas Day, in Dutch (the centre's language).
		{[]string{"--at", "2026-12-25T10:00:00+01:00"}, []string{
			"Diensten van Maastricht International Centre op vrijdag 25 december 2026 om 10:00\n",
			"\nbrp-registration: Versnelde inschrijving in de BRP\n",
			"  Eerstvolgende: maandag 28 december 2026, 09:00–12:30\n",
			"  Eerstvolgende: dinsdag 29 december 2026, 09:00–12:30\n",
			"  Gemeentebalie · op afspraak · ongeveer 20 minuten\n",
		}},
	}
	for _, tt := range tests {
		code, out, errOut := runLoket(append([]string{"services"}, tt.args...)...)
		if code != 0 {
			t.Fatalf("loket services %q: exit %d: %s", tt.args, code, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("loket services %q: output lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
}

func TestServicesJSON(t *testing.T) {
	code, out, errOut := runLoket("services", "--format", "json", "--lang", "en", "--at", "2026-12-18T14:00:00+01:00")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	type dated struct {
		Amount    float64 `json:"amount"`
		Currency  string  `json:"currency"`
		ValidFrom string  `json:"valid_from"`
		Source    string  `json:"source"`
		Note      *string `json:"note"`
		Verified  bool    `json:"verified"`
		Outdated  bool    `json:"outdated"`
	}
	var got struct {
		Centre      string `json:"centre"`
		Lang        string `json:"lang"`
		At          string `json:"at"`
		HorizonDays int    `json:"horizon_days"`
		Services    []struct {
			ID          string  `json:"id"`
			Kind        string  `json:"kind"`
			Name        string  `json:"name"`
			Description *string `json:"description"`
			Desk        string  `json:"desk"`
			DeskName    string  `json:"desk_name"`
			For         struct {
				Routes        []string `json:"routes"`
				EU            bool     `json:"eu"`
				NonEU         bool     `json:"non_eu"`
				FamilyMembers bool     `json:"family_members"`
			} `json:"for"`
			Documents  []string `json:"documents"`
			Fee        *dated   `json:"fee"`
			Processing []struct {
				ID        string  `json:"id"`
				Kind      string  `json:"kind"`
				Name      string  `json:"name"`
				Unit      string  `json:"unit"`
				Value     float64 `json:"value"`
				ValidFrom string  `json:"valid_from"`
				Source    string  `json:"source"`
				Note      *string `json:"note"`
				Verified  bool    `json:"verified"`
			} `json:"processing"`
			Visit *struct {
				Hours           *string `json:"hours"`
				Appointment     bool    `json:"appointment"`
				BookingURL      *string `json:"booking_url"`
				DurationMinutes *int    `json:"duration_minutes"`
				AvailableNow    bool    `json:"available_now"`
				Next            *struct {
					Start   string  `json:"start"`
					End     string  `json:"end"`
					State   string  `json:"state"`
					Comment *string `json:"comment"`
					Reason  *string `json:"reason"`
				} `json:"next"`
			} `json:"visit"`
		} `json:"services"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if got.Centre != "maastricht" || got.Lang != "en" || got.HorizonDays != 90 || len(got.Services) != 8 {
		t.Fatalf("json %+v", got)
	}
	byID := map[string]int{}
	for i, s := range got.Services {
		byID[s.ID] = i
	}
	// Friday afternoon: the IND desk is open, the municipal desk is not.
	col := got.Services[byID["residence-permit-collection"]]
	if v := col.Visit; col.Kind != "visit" || v == nil || !v.AvailableNow || *v.Hours != "Fr 13:30-17:00" || v.Next == nil || v.Next.Start != "2026-12-18T14:00:00+01:00" ||
		v.Next.End != "2026-12-18T17:00:00+01:00" || col.For.EU || !col.For.NonEU || len(col.Documents) != 2 || *v.BookingURL != "https://oap.ind.nl/oap/" {
		t.Errorf("residence-permit-collection %+v", col)
	}
	brp := got.Services[byID["brp-registration"]]
	if v := brp.Visit; v == nil || v.AvailableNow || v.Next == nil || v.Next.Start != "2026-12-21T09:00:00+01:00" || !brp.For.EU || len(brp.For.Routes) != 7 ||
		*v.DurationMinutes != 20 || v.Hours != nil || brp.Fee != nil || len(brp.Processing) != 1 || brp.Processing[0].Unit != "working-days" ||
		*v.BookingURL != "https://expatcentremaastrichtregion.nl/appointment" {
		t.Errorf("brp-registration %+v", brp)
	}
	// A procedure: no visit, its fee and periods, each saying whether its
	// source confirms it.
	hsm := got.Services[byID["ind-hsm-decision"]]
	if hsm.Kind != "procedure" || hsm.Visit != nil || hsm.Fee == nil || hsm.Fee.Amount != 423 || hsm.Fee.Verified || hsm.Fee.Note == nil ||
		len(hsm.Processing) != 3 || !hsm.Processing[0].Verified || hsm.Processing[1].Verified {
		t.Errorf("ind-hsm-decision %+v", hsm)
	}
}

// A procedure is not "available now": it says what it is and how to
// estimate it; each visit books at its own desk's page.
func TestServicesKinds(t *testing.T) {
	_, out, _ := runLoket("services", "--at", "2026-12-22T10:00:00+01:00", "--lang", "en")
	hsm := out[strings.Index(out, "\nind-hsm-decision: "):]
	if !strings.Contains(hsm, "\n  A procedure, decided without a visit (desk: IND service point)\n") ||
		!strings.Contains(hsm, "\n  When it is decided: loket estimate --service ind-hsm-decision --submitted\n    DATE\n") ||
		strings.Contains(hsm, "Available") || strings.Contains(hsm, "Book:") {
		t.Errorf("ind-hsm-decision:\n%s", hsm)
	}
	brp := out[strings.Index(out, "\nbrp-registration: "):strings.Index(out, "\none-stop-shop-intake: ")]
	if !strings.Contains(brp, "\n  Book: https://expatcentremaastrichtregion.nl/appointment\n") || strings.Contains(brp, "oap.ind.nl") {
		t.Errorf("brp-registration:\n%s", brp)
	}
}

func TestServicesErrors(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"--at", "tomorrow"}, 2, usageError("services", `--at "tomorrow": want an RFC 3339 instant like 2026-12-22T10:00:00+01:00`)},
		{[]string{"--format", "yaml"}, 2, usageError("services", `--format "yaml": want text or json`)},
		{[]string{"extra"}, 2, usageError("services", `unexpected argument "extra": the command takes only flags`)},
		{[]string{"--centre", "testdata/no-such-file.yaml"}, 1, "loket services: testdata/no-such-file.yaml: cannot be read: no such file\n"},
	}
	for _, tt := range tests {
		code, out, errOut := runLoket(append([]string{"services", "--lang", "en"}, tt.args...)...)
		if code != tt.code || out != "" || errOut != tt.stderr {
			t.Errorf("loket services %q: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.args, code, out, errOut, tt.code, tt.stderr)
		}
	}
}
