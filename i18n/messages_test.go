package i18n

import (
	"embed"
	"fmt"
	"go/ast"
	"go/token"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template/parse"

	"github.com/BurntSushi/toml"
	"github.com/expatcentre/loket/internal/catalog"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// locales are the message files, as the tests read them (the package
// itself formats from the tables generated from them).
//
//go:embed locales/*.toml
var locales embed.FS

// message is one message of one language, as a test sees it.
type message struct {
	file  string
	forms map[string]string // CLDR plural form ("one", "other") -> template
}

// messages parses the embedded message files into area -> lang -> id ->
// message, reporting every malformed file name and id.
func messages(t *testing.T) map[string]map[string]map[string]message {
	t.Helper()
	names, err := fs.Glob(locales, "locales/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("no message files in locales/")
	}
	unmarshal := map[string]goi18n.UnmarshalFunc{"toml": toml.Unmarshal}
	out := map[string]map[string]map[string]message{}
	for _, name := range names {
		base := path.Base(name)
		parts := strings.Split(base, ".")
		if len(parts) != 3 || parts[2] != "toml" || parts[0] == "" {
			t.Errorf("%s: want a name like status.nl.toml (<area>.<lang>.toml)", name)
			continue
		}
		area, lang := parts[0], parts[1]
		if !slices.ContainsFunc(Supported(), func(tag language.Tag) bool { return tag.String() == lang }) {
			t.Errorf("%s: language %q is not one of %v", name, lang, Supported())
			continue
		}
		buf, err := fs.ReadFile(locales, name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := goi18n.ParseMessageFileBytes(buf, base, unmarshal)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if out[area] == nil {
			out[area] = map[string]map[string]message{}
		}
		ids := map[string]message{}
		out[area][lang] = ids
		for _, m := range f.Messages {
			if !strings.HasPrefix(m.ID, area+".") {
				t.Errorf("%s: message id %q does not start with %q", name, m.ID, area+".")
			}
			forms := map[string]string{}
			for form, s := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
				if s != "" {
					forms[form] = s
				}
			}
			if forms["other"] == "" {
				t.Errorf("%s: message %q has no \"other\" text", name, m.ID)
			}
			ids[m.ID] = message{file: base, forms: forms}
		}
	}
	return out
}

// TestMessagesInEveryLanguage checks that every message exists in every
// supported language, with the same placeholders.
func TestMessagesInEveryLanguage(t *testing.T) {
	var problems []string
	for area, langs := range messages(t) {
		all := map[string]bool{}
		for _, ids := range langs {
			for id := range ids {
				all[id] = true
			}
		}
		for _, tag := range Supported() {
			lang := tag.String()
			ids, ok := langs[lang]
			if !ok {
				problems = append(problems, fmt.Sprintf("%s.%s.toml is missing", area, lang))
				continue
			}
			for _, id := range slices.Sorted(maps.Keys(all)) {
				if _, ok := ids[id]; !ok {
					problems = append(problems, fmt.Sprintf("%s.%s.toml: %s is missing", area, lang, id))
				}
			}
		}
		for _, id := range slices.Sorted(maps.Keys(all)) {
			var first, firstFile string
			for _, tag := range Supported() {
				m, ok := langs[tag.String()][id]
				if !ok {
					continue
				}
				ph, err := placeholders(m.forms)
				if err != nil {
					problems = append(problems, fmt.Sprintf("%s: %s: %v", m.file, id, err))
					continue
				}
				if firstFile == "" {
					first, firstFile = ph, m.file
				} else if ph != first {
					problems = append(problems, fmt.Sprintf("%s: placeholders {%s} in %s, {%s} in %s", id, first, firstFile, ph, m.file))
				}
			}
		}
	}
	slices.Sort(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

// placeholders returns the fields that the templates of all forms use, as
// a sorted, comma-separated list.
func placeholders(forms map[string]string) (string, error) {
	fields := map[string]bool{}
	for form, src := range forms {
		trees, err := parse.Parse(form, src, "{{", "}}")
		if err != nil {
			return "", err
		}
		for _, tree := range trees {
			walkFields(tree.Root, fields)
		}
	}
	return strings.Join(slices.Sorted(maps.Keys(fields)), ","), nil
}

func walkFields(n parse.Node, fields map[string]bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkFields(c, fields)
			}
		}
	case *parse.ActionNode:
		walkFields(n.Pipe, fields)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walkFields(c, fields)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkFields(a, fields)
		}
	case *parse.FieldNode:
		fields[strings.Join(n.Ident, ".")] = true
	case *parse.IfNode:
		walkFields(n.Pipe, fields)
		walkFields(n.List, fields)
		walkFields(n.ElseList, fields)
	case *parse.RangeNode:
		walkFields(n.Pipe, fields)
		walkFields(n.List, fields)
		walkFields(n.ElseList, fields)
	case *parse.WithNode:
		walkFields(n.Pipe, fields)
		walkFields(n.List, fields)
		walkFields(n.ElseList, fields)
	}
}

// cldrForms returns the plural forms that CLDR's cardinal rules give
// whole numbers in lang (the counts loket passes are whole numbers).
func cldrForms(tag language.Tag) []string {
	names := map[plural.Form]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many"}
	set := map[string]bool{}
	for i := range 10_000 {
		set[names[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)]] = true
	}
	return slices.Sorted(maps.Keys(set))
}

func TestCLDRPluralFormsOfDutchAndEnglish(t *testing.T) {
	for _, tag := range Supported() {
		if got := cldrForms(tag); !slices.Equal(got, []string{"one", "other"}) {
			t.Errorf("CLDR forms for %v = %v, want [one other]", tag, got)
		}
	}
}

// TestPluralForms checks that a message that is plural in any language has
// every form CLDR needs in each language.
func TestPluralForms(t *testing.T) {
	var problems []string
	for _, langs := range messages(t) {
		plurals := map[string]bool{}
		for _, ids := range langs {
			for id, m := range ids {
				if len(m.forms) > 1 || m.forms["other"] == "" {
					plurals[id] = true
				}
			}
		}
		for id := range plurals {
			for _, tag := range Supported() {
				m, ok := langs[tag.String()][id]
				if !ok {
					continue // TestMessagesInEveryLanguage reports it
				}
				for _, form := range cldrForms(tag) {
					if m.forms[form] == "" {
						problems = append(problems, fmt.Sprintf("%s: plural message %s lacks the form %q", m.file, id, form))
					}
				}
			}
		}
	}
	slices.Sort(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

// TestPlurals checks that the bundle applies the plural rules.
func TestPlurals(t *testing.T) {
	for _, c := range []struct {
		lang  language.Tag
		id    string
		count int
		want  string
	}{
		{language.Dutch, "calendar.in_minutes", 1, "over 1 minuut"},
		{language.Dutch, "calendar.in_minutes", 0, "over 0 minuten"},
		{language.Dutch, "calendar.in_minutes", 21, "over 21 minuten"},
		{language.English, "calendar.in_minutes", 1, "in 1 minute"},
		{language.English, "calendar.in_minutes", 11, "in 11 minutes"},
		{language.English, "calendar.in_hours", 1, "in 1 hour"},
		{language.English, "calendar.in_hours", 2, "in 2 hours"},
		{language.Dutch, "calendar.in_hours", 2, "over 2 uur"},
	} {
		if got := NewPrinter(c.lang).T(c.id, map[string]any{"Count": c.count}); got != c.want {
			t.Errorf("%v %s %d = %q, want %q", c.lang, c.id, c.count, got, c.want)
		}
	}
}

func TestMissingMessage(t *testing.T) {
	p := NewPrinter(language.Dutch)
	if got := p.T("status.no_such_message", nil); got != "[status.no_such_message]" {
		t.Errorf("missing id = %q", got)
	}
	// A placeholder without data is a programming error too.
	if got := p.T("status.closed_opens", map[string]any{"Comment": ""}); got != "[status.closed_opens]" {
		t.Errorf("missing data = %q", got)
	}
}

// TestIDsInCode checks that every message id that Go code in the module
// asks for exists in every language: the ids passed as a string literal
// (or a constant of the same package) to a method T with two arguments,
// p.T("status.open", data), and the names of weekdays and months.
func TestIDsInCode(t *testing.T) {
	defined := map[string]map[string]bool{} // lang -> ids
	for _, langs := range messages(t) {
		for lang, ids := range langs {
			if defined[lang] == nil {
				defined[lang] = map[string]bool{}
			}
			for id := range ids {
				defined[lang][id] = true
			}
		}
	}
	type use struct{ id, pos string }
	var uses []use
	for _, id := range catalog.IDs() {
		if strings.HasPrefix(id, "calendar.weekday.") || strings.HasPrefix(id, "calendar.month.") {
			uses = append(uses, use{id, "internal/catalog"})
		}
	}
	root := moduleRoot(t)
	pkgs := goPackages(t, root)
	n := 0
	for _, pkg := range pkgs {
		consts := stringConsts(pkg.files)
		for _, f := range pkg.files {
			ast.Inspect(f, func(node ast.Node) bool {
				call, ok := node.(*ast.CallExpr)
				if !ok || len(call.Args) != 2 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "T" {
					return true
				}
				p := pkg.fset.Position(call.Pos())
				rel, _ := filepath.Rel(root, p.Filename)
				pos := fmt.Sprintf("%s:%d:%d", rel, p.Line, p.Column)
				switch a := call.Args[0].(type) {
				case *ast.BasicLit:
					if a.Kind == token.STRING {
						id, _ := strconv.Unquote(a.Value)
						uses = append(uses, use{id, pos})
						n++
					}
				case *ast.Ident:
					if id, ok := consts[a.Name]; ok {
						uses = append(uses, use{id, pos})
						n++
					}
				}
				return true
			})
		}
	}
	if n == 0 {
		t.Fatal("found no calls of T in the module: the scan is broken")
	}
	for _, u := range uses {
		for _, tag := range Supported() {
			if !defined[tag.String()][u.id] {
				t.Errorf("%s: message %q is not in any %s file", u.pos, u.id, tag)
			}
		}
	}
}

// stringConsts returns the package-level string constants of files.
func stringConsts(files []*ast.File) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i < len(vs.Values) {
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							out[name.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			}
		}
	}
	return out
}
