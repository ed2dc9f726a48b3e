package i18n_test

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/i18n"
)

// FuzzMatch feeds arbitrary --lang, LANG and Accept-Language values to
// Match: it never panics and always answers Dutch or English.
func FuzzMatch(f *testing.F) {
	for _, seed := range []string{"nl", "en-GB", "nl_NL.UTF-8@euro", "fy;q=0.9,nl;q=0.8", "de-DE,de;q=0.9,*;q=0.1", "C", "nl:en", ";q=", "x-klingon"} {
		f.Add(seed, seed)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		got := i18n.Match(language.Dutch, a, b)
		if got != language.Dutch && got != language.English {
			t.Fatalf("Match(nl, %q, %q) = %v, want nl or en", a, b, got)
		}
	})
}
