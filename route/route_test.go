package route_test

import (
	"testing"

	"github.com/expatcentre/loket/route"
)

func TestParse(t *testing.T) {
	for _, r := range route.All() {
		got, err := route.Parse(r.String())
		if err != nil || got != r {
			t.Errorf("Parse(%q) = %q, %v", r, got, err)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"", `unknown route "": want one of eu-citizen, highly-skilled-migrant, eu-blue-card, researcher, orientation-year, family-member, intra-corporate-transferee`},
		{"Highly-Skilled-Migrant", `unknown route "Highly-Skilled-Migrant": want one of eu-citizen, highly-skilled-migrant, eu-blue-card, researcher, orientation-year, family-member, intra-corporate-transferee`},
	} {
		if r, err := route.Parse(tt.in); err == nil || r != "" || err.Error() != tt.want {
			t.Errorf("Parse(%q) = %q, %v\nwant the error %s", tt.in, r, err, tt.want)
		}
	}
}

// The lists are new slices: changing one changes no other.
func TestListsAreCopies(t *testing.T) {
	rs, os := route.All(), route.Outcomes()
	rs[0], os[0] = "x", "x"
	if route.All()[0] != route.EUCitizen || route.Outcomes()[0] != route.Eligible {
		t.Error("All or Outcomes returned a shared slice")
	}
	if len(route.All()) != 7 || len(route.Outcomes()) != 3 {
		t.Errorf("%d routes, %d outcomes", len(route.All()), len(route.Outcomes()))
	}
}
