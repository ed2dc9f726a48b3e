package main

import (
	"bufio"
	"encoding/json"
	"maps"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// docField is a row of a table of docs/json.md: a field and its types.
type docField struct {
	types []string // string, number, integer, boolean, object, list, map, null
	line  int
}

// jsonDoc reads docs/json.md: for each command with a section "##
// `loket COMMAND --format json`", the fields of its table by path.
func jsonDoc(t *testing.T) map[string]map[string]docField {
	t.Helper()
	f, err := os.Open("../../docs/json.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	heading := regexp.MustCompile("^## `loket ([a-z]+) --format json`$")
	row := regexp.MustCompile("^\\| `([^`]+)` \\| ([a-z ]+) \\| .+ \\|$")
	out := map[string]map[string]docField{}
	var cmd string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if m := heading.FindStringSubmatch(line); m != nil {
			cmd = m[1]
			out[cmd] = map[string]docField{}
			continue
		}
		if strings.HasPrefix(line, "## ") {
			cmd = ""
		}
		if cmd == "" || !strings.HasPrefix(line, "| `") {
			continue
		}
		m := row.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("docs/json.md:%d: want a row | `field` | type | meaning |: %s", n, line)
			continue
		}
		if _, dup := out[cmd][m[1]]; dup {
			t.Errorf("docs/json.md:%d: %s is listed twice", n, m[1])
		}
		out[cmd][m[1]] = docField{types: strings.Split(m[2], " or "), line: n}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// jsonFields adds to fields the path of every value in v, with the types
// it has, not looking into the values of fields that doc says are maps.
// The elements of a list have no path of their own: the list's row says
// what they are, and their fields are under path[].
func jsonFields(v any, path string, doc map[string]docField, fields map[string]map[string]bool) {
	jsonValues(v, path, false, doc, fields)
}

func jsonValues(v any, path string, element bool, doc map[string]docField, fields map[string]map[string]bool) {
	add := func(typ string) {
		if path == "" || element {
			return
		}
		if fields[path] == nil {
			fields[path] = map[string]bool{}
		}
		fields[path][typ] = true
	}
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	switch v := v.(type) {
	case nil:
		add("null")
	case bool:
		add("boolean")
	case string:
		add("string")
	case float64:
		if v == math.Trunc(v) {
			add("integer")
		} else {
			add("number")
		}
	case []any:
		add("list")
		for _, el := range v {
			jsonValues(el, path+"[]", true, doc, fields)
		}
	case map[string]any:
		if slices.Contains(doc[path].types, "map") {
			add("map")
			return
		}
		add("object")
		for k, x := range v {
			jsonValues(x, join(k), false, doc, fields)
		}
	}
}

// TestJSONDocumented holds docs/json.md and the JSON outputs to each
// other: every field that a command writes is in the table of its
// section, with its type, and every field of the table is written by one
// of the runs below, which between them give each nullable object and
// each list a value.
func TestJSONDocumented(t *testing.T) {
	facts := writeTemp(t, "facts.json", `{"date": "2027-03-01", "nationality": "IN", "purpose": "highly-skilled-migrant", "age": 31}`)
	venlo := writeTemp(t, "venlo.json", `{"date": "2026-12-02", "nationality": "BE", "municipality": "Venlo"}`)
	heerlen := writeTemp(t, "heerlen.json", `{"date": "2026-12-02", "nationality": "BE", "municipality": "Heerlen"}`)
	runs := map[string][][]string{
		"hours": {
			{"--at", "2026-12-25T10:00:00+01:00"},
			{"--desk", "municipality", "--at", "2026-01-03T10:30:00+01:00"},
		},
		"osm":      {{"Mo-Fr 09:00-17:00 \"by appointment\"; PH off", "--at", "2026-12-25T10:00:00+01:00"}},
		"holidays": {{"--year", "2025", "--region", "NL-LI"}},
		"services": {{"--at", "2026-12-18T14:00:00+01:00"}, {"--at", "2026-12-18T14:00:00+01:00", "--lang", "en"}},
		"estimate": {{"--service", "ind-hsm-decision", "--submitted", "2026-12-21"}, {"--service", "brp-registration", "--submitted", "2026-12-21", "--lang", "en"}},
		"check":    {{facts}, {facts, "--lang", "en"}, {venlo}, {heerlen, "--lang", "en"}},
		// Days with reasons, holidays, comments and closures of the
		// centre; a centre with no description, address or coordinates.
		"export": {
			{"--from", "2026-01-01", "--to", "2026-12-31"},
			{"--from", "2026-03-01", "--to", "2026-03-02", "--centre", writeTemp(t, "bare.yaml", "id: bare\nname: {nl: Kaal, en: Bare}\ndesks:\n  - id: d\n    name: {nl: D, en: D}\n    hours: Mo 09:00-12:00 \"by appointment\"\n")},
		},
		"centres": {
			{"--date", "2026-12-02"},
			{"--municipality", "GM0951", "--date", "2026-12-02", "--lang", "en"},
			{"--municipality", "GM0983", "--date", "2026-12-02"},
		},
	}
	doc := jsonDoc(t)
	if got := slices.Sorted(maps.Keys(doc)); !slices.Equal(got, slices.Sorted(maps.Keys(runs))) {
		t.Fatalf("docs/json.md has sections for %v, want one for each of %v", got, slices.Sorted(maps.Keys(runs)))
	}
	for cmd, argss := range runs {
		fields := map[string]map[string]bool{}
		for _, args := range argss {
			args = append([]string{cmd, "--format", "json"}, args...)
			code, stdout, stderr := runLoket(args...)
			if code != 0 {
				t.Fatalf("loket %s: exit %d: %s", strings.Join(args, " "), code, stderr)
			}
			var v any
			if err := json.Unmarshal([]byte(stdout), &v); err != nil {
				t.Fatalf("loket %s: %v", strings.Join(args, " "), err)
			}
			jsonFields(v, "", doc[cmd], fields)
		}
		for _, path := range slices.Sorted(maps.Keys(fields)) {
			d, ok := doc[cmd][path]
			if !ok {
				t.Errorf("loket %s --format json writes %s, which docs/json.md does not list", cmd, path)
				continue
			}
			for typ := range fields[path] {
				if !slices.Contains(d.types, typ) && !(typ == "integer" && slices.Contains(d.types, "number")) {
					t.Errorf("docs/json.md:%d: %s is %s, but loket %s writes a %s", d.line, path, strings.Join(d.types, " or "), cmd, typ)
				}
			}
		}
		for _, path := range slices.Sorted(maps.Keys(doc[cmd])) {
			if fields[path] == nil {
				t.Errorf("docs/json.md:%d: %s of loket %s --format json is not written by any run of the test", doc[cmd][path].line, path, cmd)
			}
		}
	}
}
