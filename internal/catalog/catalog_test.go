package catalog

import (
	"testing"
	"time"

	"github.com/expatcentre/loket/internal/civil"
	"github.com/expatcentre/loket/text"
)

func TestRender(t *testing.T) {
	for _, c := range []struct {
		tmpl string
		data map[string]any
		want string
		ok   bool
	}{
		{"plain", nil, "plain", true},
		{"a {{.X}} b", map[string]any{"X": 3}, "a 3 b", true},
		{"{{.X}}", map[string]any{"X": 1500.0}, "1500", true},
		{"{{.X}}", map[string]any{"X": 1.5}, "", false},
		{"{{ .X }}", map[string]any{"X": "x"}, "x", true},
		{"{{if .C}}yes{{else}}no{{end}}", map[string]any{"C": "c"}, "yes", true},
		{"{{if .C}}yes{{else}}no{{end}}", map[string]any{"C": ""}, "no", true},
		{"{{if .C}}yes{{end}}", map[string]any{}, "", true},
		{"{{if .A}}a{{if .B}}b{{else}}!b{{end}}{{else}}!a{{if .B}}b{{end}}{{end}}", map[string]any{"A": 1, "B": 0}, "a!b", true},
		{"{{if .A}}a{{if .B}}b{{else}}!b{{end}}{{else}}!a{{if .B}}b{{end}}{{end}}", map[string]any{"A": 0, "B": 1}, "!ab", true},
		{"{{if .A}}{{.Missing}}{{end}}", map[string]any{"A": false}, "", true}, // not asked when not taken
		{"{{.Missing}}", map[string]any{}, "", false},
		{"{{if .A}}open", map[string]any{"A": 1}, "", false},
		{"{{end}}", nil, "", false},
		{"{{else}}", nil, "", false},
		{"{{.A", map[string]any{"A": 1}, "", false},
		{"{{printf \"%d\" .A}}", map[string]any{"A": 1}, "", false},
		{"{{.A}}", map[string]any{"A": []int{1}}, "", false},
	} {
		got, ok := Render(c.tmpl, c.data)
		if got != c.want || ok != c.ok {
			t.Errorf("Render(%q, %v) = %q, %v; want %q, %v", c.tmpl, c.data, got, ok, c.want, c.ok)
		}
	}
}

func TestT(t *testing.T) {
	if got := T(text.Dutch, "calendar.in_minutes", map[string]any{"Count": 1}); got != "over 1 minuut" {
		t.Errorf("one: %q", got)
	}
	if got := T(text.English, "calendar.in_minutes", map[string]any{"Count": 15}); got != "in 15 minutes" {
		t.Errorf("other: %q", got)
	}
	if got := T(text.Dutch, "no.such", nil); got != "[no.such]" {
		t.Errorf("missing: %q", got)
	}
	if !Has("status.open") || Has("no.such") || len(IDs()) != len(ids) {
		t.Error("Has or IDs")
	}
	for i := 1; i < len(ids); i++ {
		if ids[i-1] >= ids[i] {
			t.Fatalf("ids not sorted at %s", ids[i])
		}
	}
}

func TestCalendar(t *testing.T) {
	loc := time.FixedZone("CET", 3600)
	d := civil.New(2026, time.December, 3)
	if got := Date(text.Dutch, d) + " / " + Date(text.English, d); got != "donderdag 3 december 2026 / Thursday, 3 December 2026" {
		t.Errorf("Date: %q", got)
	}
	start := time.Date(2026, 12, 4, 22, 0, 0, 0, loc)
	if got := Span(text.English, start, start.Add(2*time.Hour)); got != "22:00–24:00" {
		t.Errorf("Span: %q", got)
	}
	if got := Clock(time.Date(2026, 1, 1, 9, 5, 59, 0, loc)); got != "09:05" {
		t.Errorf("Clock: %q", got)
	}
	if got := Comment(text.Dutch, "By Appointment"); got != "op afspraak" {
		t.Errorf("Comment: %q", got)
	}
	if got := Comment(text.English, "zelf weten"); got != "zelf weten" {
		t.Errorf("unknown comment: %q", got)
	}
}
