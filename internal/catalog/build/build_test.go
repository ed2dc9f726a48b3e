package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	gotemplate "text/template"

	"github.com/expatcentre/loket/internal/catalog"
)

// root is the module root, from this package's directory.
var root = filepath.Join("..", "..", "..")

// TestTablesAreCurrent fails when the message files changed and go
// generate ./internal/catalog was not run.
func TestTablesAreCurrent(t *testing.T) {
	msgs, err := Load(os.DirFS(root), "i18n/locales")
	if err != nil {
		t.Fatal(err)
	}
	query, more := Split(msgs)
	for _, c := range []struct {
		pkg, file string
		msgs      []Message
	}{
		{"catalog", filepath.Join("..", "messages_gen.go"), query},
		{"more", filepath.Join("..", "more", "messages_gen.go"), more},
	} {
		src, err := Source(c.pkg, c.msgs)
		if err != nil {
			t.Fatal(err)
		}
		have, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(src, have) {
			t.Errorf("%s is not what i18n/locales/*.toml give: run go generate ./internal/catalog", c.file)
		}
	}
}

// TestRenderIsTextTemplate renders every message in both languages with
// catalog.Render and with text/template (which go-i18n uses), for data
// that makes each {{if}} true and then false, and a Count of 1 and 5: the
// two agree on every message.
func TestRenderIsTextTemplate(t *testing.T) {
	msgs, err := Load(os.DirFS(root), "i18n/locales")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range msgs {
		for l := range 2 {
			for _, tmpl := range []string{m.One[l], m.Other[l]} {
				if tmpl == "" {
					continue
				}
				for _, value := range []any{"a value", "", 5, 1} {
					data := map[string]any{}
					for _, p := range placeholders(tmpl) {
						data[p] = value
					}
					tt, err := gotemplate.New(m.ID).Option("missingkey=error").Parse(tmpl)
					if err != nil {
						t.Fatalf("%s: %v", m.ID, err)
					}
					var want strings.Builder
					if err := tt.Execute(&want, data); err != nil {
						t.Fatalf("%s: %v", m.ID, err)
					}
					got, ok := catalog.Render(tmpl, data)
					if !ok || got != want.String() {
						t.Errorf("%s with %v: Render = %q, %v; text/template = %q", m.ID, value, got, ok, want.String())
					}
					n++
				}
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d renderings compared", n)
	}
}

// TestLoadReportsEveryProblem checks the generator's checks of the files.
func TestLoadReportsEveryProblem(t *testing.T) {
	files := fstest.MapFS{
		"l/good.en.toml":  {Data: []byte("[good.x]\nother = \"x {{.A}}\"\n")},
		"l/good.nl.toml":  {Data: []byte("[good.x]\nother = \"x {{.B}}\"\n")},
		"l/bad.nl.toml":   {Data: []byte("[bad.x\nother = \"x\"\n")},
		"l/only.en.toml":  {Data: []byte("[only.y]\nother = \"y\"\n[only.p]\none = \"1\"\nother = \"n\"\n")},
		"l/only.nl.toml":  {Data: []byte("[only.p]\nother = \"n\"\n[only.t]\nother = \"{{printf \\\"%d\\\" .N}}\"\n")},
		"l/other.en.toml": {Data: []byte("[area.z]\nother = \"z\"\n")},
	}
	_, err := Load(files, "l")
	if err == nil {
		t.Fatal("Load accepted bad files")
	}
	for _, want := range []string{
		"l/bad.nl.toml",
		"message only.y is missing in nl",
		"message only.p is plural (has one) in one language only",
		"message good.x has placeholders [B] in nl and [A] in en",
		"only.t: template",
		"message area.z is not in area other",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
}
