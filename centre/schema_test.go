package centre

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/expatcentre/loket/examples/centres"
	"github.com/expatcentre/loket/internal/yamlfile"
	"github.com/expatcentre/loket/route"
	"github.com/expatcentre/loket/schedule/holidays"
)

// The JSON Schema of the centre file (examples/centres/centre.schema.json)
// is a second description of what decode.go checks, for editors: these
// tests hold the two together.

const schemaFile = "../examples/centres/centre.schema.json"

// schemaCannot lists the invalid files of testdata/invalid that the schema
// cannot refuse, and why: what they break is beyond JSON Schema (the
// meaning of an expression, a relation between values, the bytes and
// syntax of the file), so the schema accepts them, or the file is no YAML
// value that a schema could see. Load refuses each; the schema must refuse
// every other invalid file. A file with a problem of this kind and another
// that the schema sees (bad-hours.yaml has an id with an accent) is not
// listed: both refuse it.
var schemaCannot = map[string]string{
	// What a string means: a grammar of its own, or a database.
	"bad-rrule.yaml":       "an RRULE that does not parse, never occurs, or has COUNT or INTERVAL below 1",
	"bad-time-zone.yaml":   "a time zone that the zone database does not know",
	"exception-hours.yaml": "exception hours that are not times of the opening_hours syntax",
	// Relations between values.
	"exception-end-before-start.yaml": "to before from: JSON Schema does not compare two values",
	"overlapping-exceptions.yaml":     "exceptions whose dates overlap",
	"duplicate-desk-id.yaml":          "two desks with one id: uniqueness of one field of the items",
	"unknown-default-desk.yaml":       "a default_desk that names no desk of the file",
	"unknown-default-desk-far.yaml":   "a default_desk that names no desk of the file",
	"limit-many-recurrences.yaml":     "more than 32 recurrences in all the desks together, none with more than 32",
	// No YAML value: the YAML library refuses the file.
	"duplicate-key.yaml":     "a key given twice",
	"merge-cycle.yaml":       "merge keys in a cycle",
	"bad-alias.yaml":         "an alias without an anchor",
	"limit-long-values.yaml": "an alias without an anchor (beside values too long to quote)",
	"yaml-syntax.yaml":       "a flow mapping without its closing brace",
	// The file itself: its bytes and syntax, not its value.
	"two-documents.yaml":           "a second YAML document: the value is the first",
	"limit-blank-lines.yaml":       "too many blank lines in a row",
	"limit-control-character.yaml": "a control character",
	"limit-invalid-utf8.yaml":      "bytes that are not UTF-8",
	"limit-bom-inside.yaml":        "a byte-order mark inside the file",
}

// compileSchema compiles the centre file's schema.
func compileSchema(t *testing.T) (*jsonschema.Schema, map[string]any) {
	t.Helper()
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(schemaFile, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(schemaFile)
	if err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	if d := doc.(map[string]any)["$schema"]; d != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("%s: $schema is %v, want draft 2020-12", schemaFile, d)
	}
	return sch, doc.(map[string]any)
}

// instance returns the YAML data as the value of a JSON document, as an
// editor's YAML language server gives it to the schema.
func instance(data []byte) (any, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	j, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(j))
}

func TestSchemaExamples(t *testing.T) {
	sch, _ := compileSchema(t)
	files := centres.Files()
	if len(files) < 3 {
		t.Fatalf("centres.Files() = %v, want the three examples", files)
	}
	valid, _ := filepath.Glob("testdata/valid/*.yaml")
	for _, name := range files {
		data, err := fs.ReadFile(centres.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := bytes.Cut(data, []byte("\n"))
		if want := "# yaml-language-server: $schema=centre.schema.json"; string(first) != want {
			t.Errorf("%s: first line is %q, want %q", name, first, want)
		}
		checkValid(t, sch, name, data)
	}
	for _, file := range valid {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		checkValid(t, sch, file, data)
	}
}

// checkValid checks that both Load and the schema accept a centre file.
func checkValid(t *testing.T, sch *jsonschema.Schema, name string, data []byte) {
	t.Helper()
	if _, err := Load(name, data); err != nil {
		t.Errorf("Load: %v", err)
	}
	v, err := instance(data)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("%s: the schema refuses it: %v", name, err)
	}
}

func TestSchemaInvalid(t *testing.T) {
	sch, _ := compileSchema(t)
	files, err := filepath.Glob("testdata/invalid/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	refused := 0
	for _, file := range files {
		name := filepath.Base(file)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if c, err := Load(name, data); c != nil || err == nil {
			t.Errorf("%s: Load accepts it", name)
		}
		why, cannot := schemaCannot[name]
		v, err := instance(data)
		switch {
		case err != nil && !cannot:
			t.Errorf("%s: not a YAML value (%v): list it in schemaCannot", name, err)
			continue
		case err != nil:
			continue
		}
		err = sch.Validate(v)
		switch {
		case err == nil && !cannot:
			t.Errorf("%s: the schema accepts it", name)
		case err != nil && cannot:
			t.Errorf("%s: the schema refuses it (%v), but schemaCannot says %q: take it off the list", name, detail(err), why)
		case err != nil:
			refused++
		}
	}
	for name := range schemaCannot {
		if !slices.Contains(files, filepath.Join("testdata/invalid", name)) {
			t.Errorf("schemaCannot lists %s, which is not a file of testdata/invalid", name)
		}
	}
	t.Logf("%d invalid files refused by both, %d by Load only", refused, len(schemaCannot))
}

// TestSchemaFields compares the fields of every mapping of the schema with
// those the walker knows (decode.go): a field added to one and not to the
// other fails it. The walker's fields are those it gives yamlfile when it
// decodes a file made from the schema, with every field of every mapping
// that the schema knows; a mapping of the walker that the schema lacks is
// a field the schema lacks one level up.
func TestSchemaFields(t *testing.T) {
	_, doc := compileSchema(t)
	want := map[string][]string{} // the schema's fields, by path with [] for list elements
	sample := sampleOf(t, doc, doc, "", want)
	data, err := yaml.Marshal(sample)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	d := &decoder{yamlfile.NewDecoder("sample.yaml", data, centreFormat(0))}
	index := regexp.MustCompile(`\[[0-9]+\]`)
	d.OnMapping(func(path string, names []string) {
		path = index.ReplaceAllString(path, "[]")
		names = slices.Sorted(slices.Values(names))
		if prev, ok := got[path]; ok && !slices.Equal(prev, names) {
			t.Errorf("%s: the walker gives fields %v and %v", path, prev, names)
		}
		got[path] = names
	})
	root, ok := d.Parse()
	if !ok {
		t.Fatalf("the sample file does not parse: %v\n%s", d.Errors(), data)
	}
	d.centre(root)
	for _, path := range slices.Sorted(mapsKeys(want, got)) {
		w, g := want[path], got[path]
		switch {
		case g == nil:
			t.Errorf("%q: the schema has a mapping with fields %v, the walker none", path, w)
		case w == nil:
			t.Errorf("%q: the walker has a mapping with fields %v, the schema none", path, g)
		default:
			for _, f := range g {
				if !slices.Contains(w, f) {
					t.Errorf("%q: field %s of the walker is not in the schema", path, f)
				}
			}
			for _, f := range w {
				if !slices.Contains(g, f) {
					t.Errorf("%q: field %s of the schema is not in the walker", path, f)
				}
			}
		}
	}
	if len(got) < 20 {
		t.Errorf("the walker decoded %d mappings of the sample, want every one: %v", len(got), got)
	}
}

func mapsKeys(ms ...map[string][]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		seen := map[string]bool{}
		for _, m := range ms {
			for k := range m {
				if !seen[k] && !yield(k) {
					return
				}
				seen[k] = true
			}
		}
	}
}

// sampleOf returns a value that the schema s describes, with every field of
// every mapping (a value of the right shape, not necessarily valid), and
// records the fields of each mapping in fields by path. It checks the
// rules every mapping of the schema keeps: additionalProperties false (the
// walker knows no other field) and a description for every field.
func sampleOf(t *testing.T, root, s map[string]any, path string, fields map[string][]string) any {
	t.Helper()
	if ref, ok := s["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		def, _ := root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok || def == nil {
			t.Fatalf("%s: $ref %s is not one of $defs", path, ref)
		}
		return sampleOf(t, root, def, path, fields)
	}
	if props, ok := s["properties"].(map[string]any); ok && s["type"] == "object" {
		if s["additionalProperties"] != false {
			t.Errorf("%q: the schema allows fields beyond its properties: the walker does not", path)
		}
		out := map[string]any{}
		for name, p := range props {
			p := p.(map[string]any)
			if d, _ := p["description"].(string); d == "" {
				t.Errorf("%q: property %s has no description", path, name)
			}
			fields[path] = append(fields[path], name)
			sub := name
			if path != "" {
				sub = path + "." + name
			}
			out[name] = sampleOf(t, root, p, sub, fields)
		}
		sort.Strings(fields[path])
		return out
	}
	switch s["type"] {
	case "array":
		return []any{sampleOf(t, root, s["items"].(map[string]any), path+"[]", fields)}
	case "object":
		t.Errorf("%q: an object without properties", path)
		return map[string]any{}
	case "boolean":
		return true
	case "integer", "number":
		return 1
	case "string":
		if e, ok := s["enum"].([]any); ok {
			return e[len(e)-1]
		}
		return "x"
	}
	t.Fatalf("%q: no type in %v", path, s)
	return nil
}

// TestSchemaVocabularies holds the schema's enums to the vocabularies of
// the code.
func TestSchemaVocabularies(t *testing.T) {
	_, doc := compileSchema(t)
	var routes, outcomes []string
	for _, r := range route.All() {
		routes = append(routes, string(r))
	}
	for _, o := range route.Outcomes() {
		outcomes = append(outcomes, string(o))
	}
	for _, c := range []struct {
		pointer string
		want    []string
	}{
		{"properties/holidays/properties/closed_on/properties/ids/items/enum", holidays.IDs()},
		{"properties/holidays/properties/closed_on/properties/kinds/items/enum", []string{string(holidays.Public), string(holidays.Observance), string(holidays.Regional)}},
		{"properties/services/items/properties/kind/enum", []string{string(Visit), string(Procedure)}},
		{"properties/services/items/properties/processing/items/properties/kind/enum", []string{string(PolicyTarget), string(StatutoryPeriod)}},
		{"properties/services/items/properties/processing/items/properties/unit/enum", []string{string(WorkingDays), string(Weeks), string(Days)}},
		{"properties/services/items/properties/for/properties/routes/items/enum", routes},
		{"properties/services/items/properties/for/properties/nationality/items/enum", []string{nationalityEU, nationalityNonEU}},
		{"properties/default_language/enum", []string{"nl", "en"}},
		{"properties/book_next/properties", routes},
		{"properties/book_next/properties/eu-citizen/properties", outcomes},
	} {
		v := lookup(doc, c.pointer)
		var got []string
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				got = append(got, fmt.Sprint(e))
			}
		case map[string]any:
			for k := range v {
				got = append(got, k)
			}
		default:
			t.Errorf("%s: %v, want an enum or properties", c.pointer, v)
			continue
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(c.want))
		if !slices.Equal(got, want) {
			t.Errorf("%s: the schema has %v, the code %v", c.pointer, got, want)
		}
	}
	for _, region := range lookup(doc, "properties/holidays/properties/region/enum").([]any) {
		if _, err := holidays.Netherlands(region.(string)); err != nil {
			t.Errorf("region %q of the schema: %v", region, err)
		}
	}
}

func lookup(v any, pointer string) any {
	for _, k := range strings.Split(pointer, "/") {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

// detail returns the schema's reasons for refusing a value, cut to 600
// bytes.
func detail(err error) string {
	s := fmt.Sprintf("%#v", err)
	if len(s) > 600 {
		s = s[:600]
	}
	return s
}
