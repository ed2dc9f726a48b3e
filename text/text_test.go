package text

import "testing"

func TestIn(t *testing.T) {
	for _, c := range []struct {
		t      Text
		nl, en string
	}{
		{Text{NL: "Eerste Kerstdag", EN: "Christmas Day"}, "Eerste Kerstdag", "Christmas Day"},
		{Text{NL: "alleen Nederlands"}, "alleen Nederlands", "alleen Nederlands"},
		{Text{EN: "English only"}, "English only", "English only"},
		{Text{}, "", ""},
	} {
		if got := c.t.In(Dutch); got != c.nl {
			t.Errorf("%+v.In(Dutch) = %q, want %q", c.t, got, c.nl)
		}
		if got := c.t.In(English); got != c.en {
			t.Errorf("%+v.In(English) = %q, want %q", c.t, got, c.en)
		}
	}
}

func TestParseLang(t *testing.T) {
	for _, c := range []struct {
		code string
		want Lang
		ok   bool
	}{
		{"nl", Dutch, true}, {"nl-BE", Dutch, true}, {"NL_nl", Dutch, true},
		{"en", English, true}, {"en-GB", English, true}, {"EN-us", English, true},
		{"", Dutch, false}, {"e", Dutch, false}, {"de", Dutch, false}, {"nld", Dutch, false}, {"english", Dutch, false},
	} {
		got, ok := ParseLang(c.code)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseLang(%q) = %v, %v; want %v, %v", c.code, got, ok, c.want, c.ok)
		}
	}
	for _, l := range Langs() {
		if back, ok := ParseLang(l.String()); !ok || back != l {
			t.Errorf("ParseLang(%q) = %v, %v", l.String(), back, ok)
		}
	}
}
