package excerpt

import (
	"runtime"
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	long := strings.Repeat("é", Max) + "xyz"
	tests := []struct{ in, want string }{
		{"", `""`},
		{"9h", `"9h"`},
		{"a\nb", `"a\nb"`},
		{strings.Repeat("a", Max), `"` + strings.Repeat("a", Max) + `"`},
		{long, `"` + strings.Repeat("é", Max) + `"… (83 characters)`},
		{"\xff" + strings.Repeat("b", Max), `"\xff` + strings.Repeat("b", Max-1) + `"… (81 characters)`},
	}
	for _, tt := range tests {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"[1,\n 2]", "[1,  2]"},
		{`"6100"`, `"6100"`},
		{"[" + strings.Repeat("1,", 1<<20) + "1]", "[" + strings.Repeat("1,", Max/2-1) + "1… (2097155 characters)"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%.20q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// A message about a huge value costs what Max characters cost: Quote
// reads the value, it does not copy it.
func TestQuoteMemory(t *testing.T) {
	huge := strings.Repeat("a", 100<<20)
	// TotalAlloc counts the whole process: the least of a few runs is what
	// Quote itself allocates.
	least := uint64(1 << 62)
	var s string
	for range 5 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		s = Quote(huge)
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	if least > 4096 || len(s) > 2*Max {
		t.Errorf("Quote of 100 MB: %d bytes allocated, %d returned", least, len(s))
	}
}
