package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// messageIDs returns the message ids of the files ../../i18n/locales/*.LANG.toml.
func messageIDs(t *testing.T, lang string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("../../i18n/locales/*." + lang + ".toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no message files: %v", err)
	}
	ids := map[string]bool{}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			if sub, ok := v.(map[string]any); ok {
				walk(prefix+k+".", sub)
			} else if k == "other" {
				ids[strings.TrimSuffix(prefix, ".")] = true
			}
		}
	}
	for _, f := range files {
		var m map[string]any
		if _, err := toml.DecodeFile(f, &m); err != nil {
			t.Fatal(err)
		}
		walk("", m)
	}
	return ids
}

// idLiteral matches a string that is a message id of an area that
// cmd/loket prints from.
var idLiteral = regexp.MustCompile(`^(cli|hours|osm|services|estimate|centre|eligibility|calendar|status|comment)\.[a-z0-9_.]+$`)

// Every message id that cmd/loket names exists in Dutch and in English,
// and every message of the cli area is used: the ids are passed around
// as values (a command's help, a flag's usage, a problem), which the
// i18n package's test of the calls of T does not see.
func TestMessageIDs(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]string{} // id -> place
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && idLiteral.MatchString(s) {
					used[s] = fset.Position(lit.Pos()).String()
				}
			}
			return true
		})
	}
	if len(used) < 100 {
		t.Fatalf("found %d message ids: the scan is broken", len(used))
	}
	for _, lang := range []string{"en", "nl"} {
		ids := messageIDs(t, lang)
		for _, id := range slices.Sorted(maps.Keys(used)) {
			if !ids[id] {
				t.Errorf("%s: message %s is not in i18n/locales/*.%s.toml", used[id], id, lang)
			}
		}
		for _, id := range slices.Sorted(maps.Keys(ids)) {
			if strings.HasPrefix(id, "cli.") && used[id] == "" {
				t.Errorf("message %s of i18n/locales/cli.%s.toml is not used", id, lang)
			}
		}
	}
}
