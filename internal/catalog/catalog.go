// Package catalog is loket's Dutch and English text as tables: every
// message of the go-i18n files in i18n/locales, generated into Go source
// (messages_gen.go) by go generate, and the small renderer and calendar
// formatting that the command-line tool and the browser widget both word
// their answers with.
//
// The message files are the source of truth that translators edit; the
// generator (internal/catalog/gen, with internal/catalog/build) reads and
// checks them with go-i18n, once, at build time, the way golang.org/x/text
// builds its tables. At run time this package needs neither go-i18n nor
// text/template nor golang.org/x/text: a message is a template of the
// subset the generator accepts ({{.Name}}, {{if .Name}}, {{else}},
// {{end}}), filled from a map of strings and numbers, and a plural message
// takes its form from data["Count"] by the CLDR rule of Dutch and English
// (one for the integer 1, other for the rest).
package catalog

import (
	"strconv"
	"strings"

	"github.com/expatcentre/loket/text"
)

//go:generate go run ./gen

// Form is one language's wording of a message: Other, and One for a
// plural message ("" when the message is not plural).
type Form struct{ One, Other string }

// form is the name the generated tables use.
type form = Form

// Table is a generated table of messages: IDs sorted, and Msgs[i] the
// Dutch and English wording of IDs[i]. This package has one; package more
// has the messages only native programs word.
type Table struct {
	IDs  []string
	Msgs [][2]Form
}

// index returns the place of id in t.IDs, and false when there is none.
func (t Table) index(id string) (int, bool) {
	lo, hi := 0, len(t.IDs)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if t.IDs[mid] < id {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < len(t.IDs) && t.IDs[lo] == id
}

// Has reports whether t has message id.
func (t Table) Has(id string) bool {
	_, ok := t.index(id)
	return ok
}

// T returns message id of t in language l with data filled into its
// placeholders. A plural message takes its form from data["Count"]. An id
// t lacks, or a placeholder missing from data, is a programming error
// that the tests catch: T then returns the id in brackets,
// "[status.open]".
func (t Table) T(l text.Lang, id string, data map[string]any) string {
	i, ok := t.index(id)
	if !ok {
		return "[" + id + "]"
	}
	f := t.Msgs[i][l&1]
	tmpl := f.Other
	if f.One != "" && IsOne(data["Count"]) {
		tmpl = f.One
	}
	s, ok := Render(tmpl, data)
	if !ok {
		return "[" + id + "]"
	}
	return s
}

// table is this package's messages.
var table = Table{IDs: ids[:], Msgs: msgs[:]}

// Has reports whether the catalog has message id.
func Has(id string) bool { return table.Has(id) }

// IDs returns the ids of every message, sorted: a new slice on each call.
func IDs() []string { return append([]string(nil), ids[:]...) }

// T returns message id in language l with data filled in (see
// [Table.T]).
func T(l text.Lang, id string, data map[string]any) string { return table.T(l, id, data) }

// IsOne reports whether v is the integer 1: CLDR's "one" in Dutch and
// English (i = 1 and v = 0).
func IsOne(v any) bool {
	switch n := v.(type) {
	case int:
		return n == 1
	case int64:
		return n == 1
	case int32:
		return n == 1
	case uint:
		return n == 1
	case uint64:
		return n == 1
	}
	return false
}

// Render fills data into tmpl, a template of the subset the generator
// accepts: text, {{.Name}}, and {{if .Name}} ... [{{else}} ...] {{end}}
// (nested), where .Name is true unless missing, empty, zero or false. It
// returns false for a placeholder missing from data or a malformed
// template.
func Render(tmpl string, data map[string]any) (string, bool) {
	var b strings.Builder
	// One frame per open {{if}}: whether its condition held, and whether
	// its {{else}} has come. Text is written when every frame's branch is
	// the one taken.
	type frame struct{ cond, inElse bool }
	var stack []frame
	active := func() bool {
		for _, f := range stack {
			if f.cond == f.inElse {
				return false
			}
		}
		return true
	}
	for tmpl != "" {
		i := strings.Index(tmpl, "{{")
		if i < 0 {
			if active() {
				b.WriteString(tmpl)
			}
			break
		}
		if active() {
			b.WriteString(tmpl[:i])
		}
		j := strings.Index(tmpl[i:], "}}")
		if j < 0 {
			return "", false
		}
		action := strings.TrimSpace(tmpl[i+2 : i+j])
		tmpl = tmpl[i+j+2:]
		switch {
		case strings.HasPrefix(action, "if "):
			name, ok := field(strings.TrimSpace(action[3:]))
			if !ok {
				return "", false
			}
			v, present := data[name]
			stack = append(stack, frame{cond: present && truthy(v)})
		case action == "else":
			if len(stack) == 0 || stack[len(stack)-1].inElse {
				return "", false
			}
			stack[len(stack)-1].inElse = true
		case action == "end":
			if len(stack) == 0 {
				return "", false
			}
			stack = stack[:len(stack)-1]
		default:
			name, ok := field(action)
			if !ok {
				return "", false
			}
			if !active() {
				break
			}
			v, present := data[name]
			if !present {
				return "", false
			}
			s, ok := format(v)
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
	}
	if len(stack) != 0 {
		return "", false
	}
	return b.String(), true
}

// field returns Name of ".Name".
func field(s string) (string, bool) {
	if len(s) < 2 || s[0] != '.' {
		return "", false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 1 && '0' <= c && c <= '9') {
			return "", false
		}
	}
	return s[1:], true
}

// format writes v as text/template would for the kinds loket passes:
// strings, integers, whole float64s, booleans and Stringers.
func format(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int32:
		return strconv.FormatInt(int64(x), 10), true
	case uint:
		return strconv.FormatUint(uint64(x), 10), true
	case uint64:
		return strconv.FormatUint(x, 10), true
	case float64:
		// Whole numbers only (amounts are formatted by their packages):
		// strconv's float formatting would double what a browser loads.
		if x == float64(int64(x)) && x > -1<<53 && x < 1<<53 {
			return strconv.FormatInt(int64(x), 10), true
		}
		return "", false
	case bool:
		return strconv.FormatBool(x), true
	case interface{ String() string }:
		return x.String(), true
	}
	return "", false
}

// truthy reports whether v counts as true in {{if}}: as in text/template,
// not the zero value of its kind.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case string:
		return x != ""
	case bool:
		return x
	case int:
		return x != 0
	case int64:
		return x != 0
	case int32:
		return x != 0
	case uint:
		return x != 0
	case uint64:
		return x != 0
	case float64:
		return x != 0
	}
	return true
}

// Comment returns the comment of an opening_hours rule in language l when
// it is one the message files know in some language (comment.*: "by
// appointment" is "op afspraak" in Dutch, either way, ignoring case), and
// c unchanged otherwise: comments are free text, written in a centre's
// file in one language.
func Comment(l text.Lang, c string) string {
	key := strings.ToLower(strings.TrimSpace(c))
	lo, hi := 0, len(comments)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if comments[mid][0] < key {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(comments) && comments[lo][0] == key {
		return T(l, comments[lo][1], nil)
	}
	return c
}
