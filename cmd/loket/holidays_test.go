package main

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestHolidaysText(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"holidays", "--year", "2026", "--lang", "en"}, `
2026-01-01  Thursday  New Year's Day        public
2026-04-03  Friday    Good Friday           observance
2026-04-05  Sunday    Easter Sunday         public
2026-04-06  Monday    Easter Monday         public
2026-04-27  Monday    King's Day            public
2026-05-05  Tuesday   Liberation Day        public
2026-05-14  Thursday  Ascension Day         public
2026-05-24  Sunday    Whit Sunday           public
2026-05-25  Monday    Whit Monday           public
2026-12-25  Friday    Christmas Day         public
2026-12-26  Saturday  Second Christmas Day  public
`},
		{[]string{"holidays", "-year=2025", "-region=NL-LI", "-lang=nl"}, `
2025-01-01  woensdag   Nieuwjaarsdag       feestdag
2025-03-02  zondag     Carnavalszondag     regionaal
2025-03-03  maandag    Carnavalsmaandag    regionaal
2025-03-04  dinsdag    Carnavalsdinsdag    regionaal
2025-04-18  vrijdag    Goede Vrijdag       gedenkdag
2025-04-20  zondag     Eerste Paasdag      feestdag
2025-04-21  maandag    Tweede Paasdag      feestdag
2025-04-26  zaterdag   Koningsdag          feestdag
2025-05-05  maandag    Bevrijdingsdag      feestdag  lustrum
2025-05-29  donderdag  Hemelvaartsdag      feestdag
2025-06-08  zondag     Eerste Pinksterdag  feestdag
2025-06-09  maandag    Tweede Pinksterdag  feestdag
2025-12-25  donderdag  Eerste Kerstdag     feestdag
2025-12-26  vrijdag    Tweede Kerstdag     feestdag
`},
		{[]string{"holidays", "--year", "1947", "--format", "text", "-lang", "en"}, `
1947-01-01  Wednesday  New Year's Day        public
1947-04-04  Friday     Good Friday           observance
1947-04-06  Sunday     Easter Sunday         public
1947-04-07  Monday     Easter Monday         public
1947-05-05  Monday     Liberation Day        observance
1947-05-15  Thursday   Ascension Day         public
1947-05-25  Sunday     Whit Sunday           public
1947-05-26  Monday     Whit Monday           public
1947-08-31  Sunday     Queen's Day           public
1947-12-25  Thursday   Christmas Day         public
1947-12-26  Friday     Second Christmas Day  public
`},
	}
	for _, tt := range tests {
		code, stdout, stderr := runLoket(tt.args...)
		if code != 0 || stderr != "" {
			t.Errorf("loket %s: exit %d, stderr %q", strings.Join(tt.args, " "), code, stderr)
		}
		if want := strings.TrimPrefix(tt.want, "\n"); stdout != want {
			t.Errorf("loket %s:\n%s\nwant:\n%s", strings.Join(tt.args, " "), stdout, want)
		}
	}
}

type jsonOut struct {
	Date string `json:"date"`
	ID   string `json:"id"`
	Kind string `json:"kind"`
	Name struct {
		NL string `json:"nl"`
		EN string `json:"en"`
	} `json:"name"`
	Lustrum *bool `json:"lustrum"` // a pointer, to see that it is there
}

func TestHolidaysJSON(t *testing.T) {
	tests := []struct {
		args []string
		want []string // entries that must be in the output, as compact JSON
		not  []string // IDs that must not be
		n    int      // number of holidays
	}{
		{
			args: []string{"holidays", "--year", "2026", "--format", "json"},
			want: []string{
				`{"date":"2026-04-27","id":"kingsday","kind":"public","name":{"nl":"Koningsdag","en":"King's Day"},"lustrum":false}`,
				`{"date":"2026-04-03","id":"good-friday","kind":"observance","name":{"nl":"Goede Vrijdag","en":"Good Friday"},"lustrum":false}`,
				`{"date":"2026-05-05","id":"liberation-day","kind":"public","name":{"nl":"Bevrijdingsdag","en":"Liberation Day"},"lustrum":false}`,
			},
			not: []string{"carnival-monday", "queensday"},
			n:   11,
		},
		{
			args: []string{"holidays", "--year", "2026", "--region", "NL-LI", "--format", "json"},
			want: []string{
				`{"date":"2026-02-15","id":"carnival-sunday","kind":"regional","name":{"nl":"Carnavalszondag","en":"Carnival Sunday"},"lustrum":false}`,
				`{"date":"2026-02-16","id":"carnival-monday","kind":"regional","name":{"nl":"Carnavalsmaandag","en":"Carnival Monday"},"lustrum":false}`,
				`{"date":"2026-02-17","id":"carnival-tuesday","kind":"regional","name":{"nl":"Carnavalsdinsdag","en":"Carnival Tuesday"},"lustrum":false}`,
				`{"date":"2026-04-27","id":"kingsday","kind":"public","name":{"nl":"Koningsdag","en":"King's Day"},"lustrum":false}`,
			},
			n: 14,
		},
		{
			args: []string{"holidays", "--year", "2026", "--region", "NL-NB", "--format", "json", "--lang", "nl"},
			want: []string{
				`{"date":"2026-02-16","id":"carnival-monday","kind":"regional","name":{"nl":"Carnavalsmaandag","en":"Carnival Monday"},"lustrum":false}`,
			},
			n: 14,
		},
		{
			args: []string{"holidays", "--year", "2014", "--format", "json"},
			want: []string{
				`{"date":"2014-04-26","id":"kingsday","kind":"public","name":{"nl":"Koningsdag","en":"King's Day"},"lustrum":false}`,
			},
			not: []string{"queensday"},
			n:   11,
		},
		{
			args: []string{"holidays", "--year", "2013", "--format", "json"},
			want: []string{
				`{"date":"2013-04-30","id":"queensday","kind":"public","name":{"nl":"Koninginnedag","en":"Queen's Day"},"lustrum":false}`,
			},
			not: []string{"kingsday"},
			n:   11,
		},
		{
			args: []string{"holidays", "--year", "2025", "--format", "json"},
			want: []string{
				`{"date":"2025-05-05","id":"liberation-day","kind":"public","name":{"nl":"Bevrijdingsdag","en":"Liberation Day"},"lustrum":true}`,
				`{"date":"2025-04-26","id":"kingsday","kind":"public","name":{"nl":"Koningsdag","en":"King's Day"},"lustrum":false}`,
			},
			n: 11,
		},
		{
			args: []string{"holidays", "--year", "2016", "--format", "json"},
			want: []string{
				`{"date":"2016-05-05","id":"ascension-day","kind":"public","name":{"nl":"Hemelvaartsdag","en":"Ascension Day"},"lustrum":false}`,
				`{"date":"2016-05-05","id":"liberation-day","kind":"public","name":{"nl":"Bevrijdingsdag","en":"Liberation Day"},"lustrum":false}`,
			},
			n: 11,
		},
	}
	for _, tt := range tests {
		cmd := "loket " + strings.Join(tt.args, " ")
		code, stdout, stderr := runLoket(tt.args...)
		if code != 0 || stderr != "" {
			t.Errorf("%s: exit %d, stderr %q", cmd, code, stderr)
			continue
		}
		var raw []json.RawMessage
		if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
			t.Errorf("%s: %v\n%s", cmd, err, stdout)
			continue
		}
		got := map[string]bool{}
		ids := map[string]bool{}
		for _, r := range raw {
			var buf bytes.Buffer
			if err := json.Compact(&buf, r); err != nil {
				t.Fatal(err)
			}
			got[buf.String()] = true
			var h jsonOut
			if err := json.Unmarshal(r, &h); err != nil {
				t.Fatal(err)
			}
			ids[h.ID] = true
			if h.Lustrum == nil {
				t.Errorf("%s: %s has no \"lustrum\"", cmd, h.ID)
			}
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%s: no %s in\n%s", cmd, w, stdout)
			}
		}
		for _, id := range tt.not {
			if ids[id] {
				t.Errorf("%s: has %s, want none", cmd, id)
			}
		}
		if len(raw) != tt.n {
			t.Errorf("%s: %d holidays, want %d", cmd, len(raw), tt.n)
		}
	}
}

// Without -year the command lists the current year in Europe/Amsterdam.
func TestHolidaysDefaultYear(t *testing.T) {
	amsterdam, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // once more if the year turned during the test
		year := time.Now().In(amsterdam).Year()
		_, got, _ := runLoket("holidays")
		_, want, _ := runLoket("holidays", "-year", strconv.Itoa(year))
		if !strings.Contains(want, "Nieuwjaarsdag") {
			t.Fatalf("loket holidays -year %d: want Dutch, the default:\n%s", year, want)
		}
		if got == want {
			return
		}
		if year == time.Now().In(amsterdam).Year() {
			t.Fatalf("loket holidays:\n%s\nwant the holidays of %d:\n%s", got, year, want)
		}
	}
}

func TestHolidaysBadUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"--year", "1899"}, "loket holidays: --year 1899: want a year from 1900 to 2199\n"},
		{[]string{"--year", "2200"}, "loket holidays: --year 2200: want a year from 1900 to 2199\n"},
		{[]string{"--year", "0"}, "loket holidays: --year 0: want a year from 1900 to 2199\n"},
		{[]string{"--year", "twenty"}, "loket holidays: --year \"twenty\": want a whole number\n"},
		{[]string{"--region", "NL-ZH"}, `loket holidays: --region "NL-ZH": want NL-LI (Limburg) or NL-NB (Noord-Brabant), or leave it out for the national holidays` + "\n"},
		{[]string{"--region", "nl-li"}, `--region "nl-li"`},
		{[]string{"--format", "yaml"}, "loket holidays: --format \"yaml\": want text or json\n"},
		{[]string{"2026"}, "loket holidays: unexpected argument \"2026\": for a year, write --year 2026\n"},
		{[]string{"--year", "2026", "extra"}, "loket holidays: unexpected argument \"extra\": the command takes only flags\n"},
		{[]string{"--years", "2026"}, "loket holidays: unknown flag --years\nRun \"loket help holidays\" for its usage.\n"},
	}
	for _, tt := range tests {
		args := append([]string{"holidays", "--lang", "en"}, tt.args...)
		code, stdout, stderr := runLoket(args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, tt.want) {
			t.Errorf("loket %s: exit %d, stdout %q, stderr %q; want exit 2 and %q on stderr",
				strings.Join(args, " "), code, stdout, stderr, tt.want)
		}
	}
	code, _, stderr := runLoket("holidays", "--lang", "de")
	if code != 2 || stderr != "loket holidays: --lang \"de\": verwacht nl of en\nZie \"loket help holidays\" voor het gebruik.\n" {
		t.Errorf("loket holidays --lang de: exit %d, stderr %q", code, stderr)
	}
}

// Help that is asked for goes to standard output, with exit status 0.
func TestHolidaysHelp(t *testing.T) {
	for _, args := range [][]string{{"holidays", "-h"}, {"holidays", "--year", "2026", "--help"}, {"help", "holidays"}} {
		code, stdout, stderr := runLoket(append(args, "--lang", "en")...)
		if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "Usage: loket holidays [flags]\n") || !strings.Contains(stdout, "--region PROVINCE") {
			t.Errorf("loket %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), code, stdout, stderr)
		}
	}
}
