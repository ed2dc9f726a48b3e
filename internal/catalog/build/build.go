// Package build generates the message tables of package catalog from the
// go-i18n message files: it reads them with go-i18n, checks them, and
// writes Go source. It runs at build time (go generate, and a test that
// the tables are current); nothing at run time imports it.
package build

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/expatcentre/loket/internal/catalog"
)

// langs are the languages of the tables, in the order of text.Lang.
var langs = []language.Tag{language.Dutch, language.English}

// Message is one message in every language: Other and, for a plural
// message, One.
type Message struct {
	ID         string
	One, Other [2]string // by text.Lang
}

// Load reads the message files <area>.<lang>.toml in dir of fsys with
// go-i18n and checks that every message exists in both languages with the
// same placeholders and the same plural forms, and that its template is of
// the subset catalog.Render fills in. It returns the messages sorted by
// id, or every problem found.
func Load(fsys fs.FS, dir string) ([]Message, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no message files in %s", dir)
	}
	bundle := goi18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	byID := map[string]*Message{}
	seen := map[string][2]bool{}
	var errs []error
	for _, name := range names {
		buf, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f, err := bundle.ParseMessageFileBytes(buf, path.Base(name))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		li := slices.Index(langs, f.Tag)
		if li < 0 {
			errs = append(errs, fmt.Errorf("%s: language %s is neither nl nor en", name, f.Tag))
			continue
		}
		area, _, _ := strings.Cut(path.Base(name), ".")
		for _, m := range f.Messages {
			if !strings.HasPrefix(m.ID, area+".") {
				errs = append(errs, fmt.Errorf("%s: message %s is not in area %s", name, m.ID, area))
			}
			if seen[m.ID][li] {
				errs = append(errs, fmt.Errorf("%s: message %s is defined twice in %s", name, m.ID, f.Tag))
			}
			s := seen[m.ID]
			s[li] = true
			seen[m.ID] = s
			msg := byID[m.ID]
			if msg == nil {
				msg = &Message{ID: m.ID}
				byID[m.ID] = msg
			}
			msg.One[li], msg.Other[li] = m.One, m.Other
			for _, t := range []string{m.One, m.Other} {
				if t == "" {
					continue
				}
				if err := checkTemplate(t); err != nil {
					errs = append(errs, fmt.Errorf("%s: message %s: %w", name, m.ID, err))
				}
			}
			if m.Other == "" {
				errs = append(errs, fmt.Errorf("%s: message %s has no text (other)", name, m.ID))
			}
		}
	}
	var out []Message
	for _, id := range sortedKeys(byID) {
		m := byID[id]
		for li, tag := range langs {
			if !seen[id][li] {
				errs = append(errs, fmt.Errorf("message %s is missing in %s", id, tag))
			}
		}
		if (m.One[0] == "") != (m.One[1] == "") {
			errs = append(errs, fmt.Errorf("message %s is plural (has one) in one language only", id))
		}
		if a, b := placeholders(m.Other[0]+m.One[0]), placeholders(m.Other[1]+m.One[1]); !slices.Equal(a, b) {
			errs = append(errs, fmt.Errorf("message %s has placeholders %v in nl and %v in en", id, a, b))
		}
		out = append(out, *m)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// checkTemplate checks that t renders with catalog.Render when every
// placeholder is given, as true and as false.
func checkTemplate(t string) error {
	data := map[string]any{}
	for _, p := range placeholders(t) {
		data[p] = "x"
	}
	if _, ok := catalog.Render(t, data); !ok {
		return fmt.Errorf("template %q uses more than {{.Name}}, {{if .Name}}, {{else}} and {{end}}, or is malformed", t)
	}
	for _, p := range placeholders(t) {
		data[p] = ""
	}
	if _, ok := catalog.Render(t, data); !ok {
		return fmt.Errorf("template %q is malformed", t)
	}
	return nil
}

// placeholders returns the sorted names that t refers to (".Name").
func placeholders(t string) []string {
	var names []string
	for {
		i := strings.Index(t, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(t[i:], "}}")
		if j < 0 {
			break
		}
		action := strings.TrimSpace(t[i+2 : i+j])
		action = strings.TrimSpace(strings.TrimPrefix(action, "if "))
		if strings.HasPrefix(action, ".") && !slices.Contains(names, action[1:]) {
			names = append(names, action[1:])
		}
		t = t[i+j+2:]
	}
	slices.Sort(names)
	return names
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// QueryAreas are the areas of the messages the query side words its
// answers with, down to the browser: their tables are package catalog's.
// The other areas' tables are package catalog/more's, which only native
// programs link.
var QueryAreas = []string{"calendar", "comment", "hours", "status", "widget"}

// Split returns the messages of the query areas and the others.
func Split(msgs []Message) (query, more []Message) {
	for _, m := range msgs {
		area, _, _ := strings.Cut(m.ID, ".")
		if slices.Contains(QueryAreas, area) {
			query = append(query, m)
		} else {
			more = append(more, m)
		}
	}
	return query, more
}

// Source returns the Go source of the tables of package pkg (catalog or
// more) for msgs (sorted by id, as Load returns them).
func Source(pkg string, msgs []Message) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by go run ./gen from i18n/locales/*.toml; DO NOT EDIT.\n\npackage %s\n\n", pkg)
	b.WriteString("// ids are the message ids, sorted; msgs[i] is ids[i] in Dutch and English.\n")
	fmt.Fprintf(&b, "var ids = [%d]string{\n", len(msgs))
	for _, m := range msgs {
		fmt.Fprintf(&b, "\t%s,\n", strconv.Quote(m.ID))
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "var msgs = [%d][2]form{\n", len(msgs))
	for _, m := range msgs {
		fmt.Fprintf(&b, "\t{%s, %s},\n", formLiteral(m.One[0], m.Other[0]), formLiteral(m.One[1], m.Other[1]))
	}
	b.WriteString("}\n\n")
	if pkg != "catalog" {
		return format.Source(b.Bytes())
	}
	// The known comments: each comment.* message's text in any language,
	// in lower case, with its id.
	type pair struct{ text, id string }
	var cs []pair
	for _, m := range msgs {
		if !strings.HasPrefix(m.ID, "comment.") {
			continue
		}
		for _, t := range m.Other {
			p := pair{strings.ToLower(strings.TrimSpace(t)), m.ID}
			if !slices.Contains(cs, p) {
				cs = append(cs, p)
			}
		}
	}
	slices.SortFunc(cs, func(a, b pair) int { return strings.Compare(a.text, b.text) })
	for i := 1; i < len(cs); i++ {
		if cs[i].text == cs[i-1].text {
			return nil, fmt.Errorf("comment %q is the text of both %s and %s", cs[i].text, cs[i-1].id, cs[i].id)
		}
	}
	b.WriteString("// comments are the texts of the comment.* messages, in lower case, sorted, with their ids.\n")
	fmt.Fprintf(&b, "var comments = [%d][2]string{\n", len(cs))
	for _, c := range cs {
		fmt.Fprintf(&b, "\t{%s, %s},\n", strconv.Quote(c.text), strconv.Quote(c.id))
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

// formLiteral returns the Go literal of a catalog.Form (form in the
// generated files): keyed, since package more's is catalog's type, and One
// left out when the message is not plural.
func formLiteral(one, other string) string {
	if one == "" {
		return "{Other: " + strconv.Quote(other) + "}"
	}
	return "{One: " + strconv.Quote(one) + ", Other: " + strconv.Quote(other) + "}"
}
