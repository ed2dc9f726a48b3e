package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// loket services lists the Maastricht catalogue with each service's next
// available moment.
func TestServicesText(t *testing.T) {
	t.Setenv("LANG", "")
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
	var got struct {
		Centre, Lang string
		HorizonDays  int `json:"horizon_days"`
		Services     []struct {
			ID, Desk, Hours string
			Appointment     bool
			Duration        int `json:"duration_minutes"`
			For             struct {
				Routes        []string
				EU            bool
				NonEU         bool `json:"non_eu"`
				FamilyMembers bool `json:"family_members"`
			}
			Documents    []string
			Fee          *struct{ Amount float64 }
			Processing   []struct{ ID, Kind, Unit string }
			AvailableNow bool `json:"available_now"`
			Next         *struct{ Start, End, State string }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
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
	if !col.AvailableNow || col.Hours != "Fr 13:30-17:00" || col.Next == nil || col.Next.Start != "2026-12-18T14:00:00+01:00" ||
		col.Next.End != "2026-12-18T17:00:00+01:00" || col.For.EU || !col.For.NonEU || len(col.Documents) != 2 {
		t.Errorf("residence-permit-collection %+v", col)
	}
	brp := got.Services[byID["brp-registration"]]
	if brp.AvailableNow || brp.Next == nil || brp.Next.Start != "2026-12-21T09:00:00+01:00" || !brp.For.EU || len(brp.For.Routes) != 7 ||
		brp.Duration != 20 || brp.Fee != nil || len(brp.Processing) != 1 || brp.Processing[0].Unit != "working-days" {
		t.Errorf("brp-registration %+v", brp)
	}
	hsm := got.Services[byID["ind-hsm-decision"]]
	if hsm.Appointment || hsm.Fee == nil || hsm.Fee.Amount != 423 || len(hsm.Processing) != 3 {
		t.Errorf("ind-hsm-decision %+v", hsm)
	}
}

func TestServicesErrors(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"--at", "tomorrow"}, 2, `-at "tomorrow"`},
		{[]string{"--lang", "fr"}, 2, `-lang "fr"`},
		{[]string{"--format", "yaml"}, 2, `-format "yaml"`},
		{[]string{"extra"}, 2, `unexpected argument "extra"`},
		{[]string{"--centre", "testdata/no-such-file.yaml"}, 1, "loket services: open testdata/no-such-file.yaml"},
	}
	for _, tt := range tests {
		code, out, errOut := runLoket(append([]string{"services"}, tt.args...)...)
		if code != tt.code || out != "" || !strings.Contains(errOut, tt.stderr) {
			t.Errorf("loket services %q: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.args, code, out, errOut, tt.code, tt.stderr)
		}
	}
}
