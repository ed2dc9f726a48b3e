package municipality

import (
	"testing"

	"github.com/rickb777/date/v2"
)

func TestParseCode(t *testing.T) {
	for _, tt := range []struct {
		in   string
		code Code
		ok   bool
		bad  bool // LooksLikeCode
	}{
		{"GM0935", "GM0935", true, false},
		{" gm0935 ", "GM0935", true, false},
		{"GM935", "", false, true},
		{"GM09350", "", false, true},
		{"GMabcd", "", false, false},
		{"Maastricht", "", false, false},
		{"0935", "", false, false},
	} {
		code, ok := ParseCode(tt.in)
		if code != tt.code || ok != tt.ok || LooksLikeCode(tt.in) != tt.bad {
			t.Errorf("ParseCode(%q) = %q, %v, LooksLikeCode %v; want %q, %v, %v", tt.in, code, ok, LooksLikeCode(tt.in), tt.code, tt.ok, tt.bad)
		}
	}
}

func TestSameName(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"Sittard-Geleen", "sittard geleen", true},
		{"Súdwest-Fryslân", "Sudwest-Fryslan", true},
		{"'s-Gravenhage", "s Gravenhage", true},
		{"Den Haag", "'s-Gravenhage", false},
		{"Beek", "Beekdaelen", false},
	} {
		if SameName(tt.a, tt.b) != tt.same {
			t.Errorf("SameName(%q, %q) = %v", tt.a, tt.b, !tt.same)
		}
	}
}

func TestSuccessor(t *testing.T) {
	if _, ok := Successor("GM0951", date.New(2018, 12, 31)); ok {
		t.Error("Nuth merged before 1 January 2019")
	}
	m, ok := Successor("GM0951", date.New(2019, 1, 1))
	if !ok || m.Into.Code != "GM1954" || m.Into.Name != "Beekdaelen" {
		t.Errorf("Successor(GM0951) = %+v, %v", m, ok)
	}
	if _, ok := Successor("GM1954", date.New(2026, 1, 1)); ok {
		t.Error("Beekdaelen has no successor")
	}
	ms := Mergers()
	ms[0].From[0].Name = "changed"
	if Mergers()[0].From[0].Name == "changed" {
		t.Error("Mergers returns the table itself")
	}
}

func TestValidQuery(t *testing.T) {
	for s, want := range map[string]bool{"Venlo": true, "": false, " ": false, "a\tb": false, "\xff": false,
		string(make([]byte, MaxQuery+1)): false} {
		if ValidQuery(s) != want {
			t.Errorf("ValidQuery(%q) = %v", s, !want)
		}
	}
}
