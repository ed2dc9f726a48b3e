package yamlfile

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"

	"github.com/expatcentre/loket/internal/excerpt"
)

// At is the place of a value in the file: its field path ("desks[1].hours"),
// line and column (from 1), and the value itself, with anchors, aliases
// and tags resolved. The zero At is no place: a value that was not given.
type At struct {
	Path      string
	Line, Col int // 0 for the whole file
	node      ast.Node
}

// Field returns the place of a field of the mapping at a that is absent:
// the mapping's place, with the field's path.
func (a At) Field(name string) At {
	return At{Path: join(a.Path, name), Line: a.Line, Col: a.Col}
}

// Given reports whether a holds a value of the file: false for the zero At
// and for the place of an absent field.
func (a At) Given() bool { return a.node != nil }

// Null reports whether the value at a is null (null, ~ or nothing), as a
// [Field] with Null set may see it.
func (a At) Null() bool {
	_, null := a.node.(*ast.NullNode)
	return null
}

// Val is a decoded value and where it was written. OK is false when the
// value is absent or malformed; V is then the zero value or whatever could
// be made of it.
type Val[T any] struct {
	V  T
	At At
	OK bool
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// locate returns the place of a value node reached from a.
func locate(path string, n ast.Node) At {
	line, col := position(n)
	return At{Path: path, node: n, Line: line, Col: col}
}

// Field describes a field of a mapping.
type Field struct {
	Name string
	// Missing says what is missing when the field is required ("the
	// centre's id"); empty when the field is optional.
	Missing string
	// Decode decodes the field's value. It is not called for a field that
	// is absent, nor for one whose value is null unless Null is set.
	Decode func(a At)
	// Null lets the value be null: Decode is called with it (see
	// [At.Null]), and a required field that is null is not missing.
	Null bool
}

// entry is one key and value of a mapping, possibly merged in with "<<".
type entry struct {
	key    ast.Node
	name   string
	value  ast.Node
	merged bool
}

// Mapping decodes the mapping at a field by field, calling each field's
// Decode with its value. what describes the mapping for a type error ("a
// desk"). It records an error for an unknown field (with the field
// probably meant), a field given twice and a required field that is
// missing. A null value counts as absent, unless the field takes Null.
// "<<" merge keys fill in the fields not given. Mapping returns false when
// the value is not a mapping.
func (d *Decoder) Mapping(a At, what string, fields []Field) bool {
	return d.mapping(a, what, "field", fields)
}

// Keys is Mapping for a mapping whose keys are names of noun ("parameter")
// rather than fields: the errors say "unknown parameter" and "parameter x
// is given twice".
func (d *Decoder) Keys(a At, what, noun string, fields []Field) bool {
	return d.mapping(a, what, noun, fields)
}

func (d *Decoder) mapping(a At, what, noun string, fields []Field) bool {
	m, ok := a.node.(*ast.MappingNode)
	if !ok {
		d.TypeError(a, what)
		return false
	}
	given := map[string]ast.Node{} // field name -> key
	decode := func(e entry) {
		path := join(a.Path, e.name)
		f := lookupField(fields, e.name)
		if f == nil {
			line, col := position(e.key)
			d.Add(line, col, join(a.Path, shortName(e.name)), unknownField(noun, e.name, fields), nil)
			return
		}
		if prev, dup := given[e.name]; dup {
			if e.merged {
				return // "<<" fills in only fields not given
			}
			pline, _ := position(prev)
			line, col := position(e.key)
			d.Add(line, col, path, fmt.Sprintf("%s %s is given twice (first on line %d)", noun, e.name, pline), nil)
			return
		}
		given[e.name] = e.key
		v := d.resolve(locate(path, e.value))
		if _, null := v.(*ast.NullNode); null && f.Null {
			f.Decode(locate(path, v))
			return
		}
		if _, null := v.(*ast.NullNode); null || v == nil {
			if v != nil && f.Missing != "" {
				line, col := position(e.key)
				d.Add(line, col, path, "missing "+f.Missing+": the field has no value", nil)
			}
			return
		}
		f.Decode(locate(path, v))
	}
	entries := d.entries(a, m, 0)
	for _, e := range entries {
		if !e.merged {
			decode(e)
		}
	}
	for _, e := range entries {
		if e.merged {
			decode(e)
		}
	}
	for _, f := range fields {
		if _, ok := given[f.Name]; !ok && f.Missing != "" {
			d.Errorf(a.Field(f.Name), "missing %s", f.Missing)
		}
	}
	return true
}

// entries returns the keys and values of m, with those of the mappings
// merged in by "<<" keys marked.
func (d *Decoder) entries(a At, m *ast.MappingNode, depth int) []entry {
	var es []entry
	for _, mv := range m.Values {
		if mv == nil || mv.Key == nil {
			continue
		}
		if _, merge := mv.Key.(*ast.MergeKeyNode); merge {
			es = append(es, d.merge(a.Path, mv.Value, depth)...)
			continue
		}
		key := d.resolve(locate(a.Path, mv.Key))
		if mk, ok := key.(*ast.MappingKeyNode); ok { // "? key"
			key = d.resolve(locate(a.Path, mk.Value))
		}
		name := ""
		switch k := key.(type) {
		case nil:
			continue
		case *ast.StringNode:
			name = k.Value
		case ast.ScalarNode:
			if tk := k.GetToken(); tk != nil {
				name = tk.Value
			}
		default:
			line, col := position(mv.Key)
			d.Add(line, col, a.Path, "expected a field name, found "+describe(key), nil)
			continue
		}
		es = append(es, entry{key: mv.Key, name: name, value: mv.Value})
	}
	return es
}

// merge returns the entries of the mappings that a "<<" key of the
// mapping at path merges in.
func (d *Decoder) merge(path string, value ast.Node, depth int) []entry {
	a := locate(join(path, "<<"), value)
	if depth >= 8 {
		d.Errorf(a, "merge keys nested more than 8 deep (a cycle?)")
		return nil
	}
	n := d.resolve(a)
	var es []entry
	switch n := n.(type) {
	case nil:
	case *ast.MappingNode:
		es = d.entries(locate(path, n), n, depth+1)
	case *ast.SequenceNode:
		for _, el := range n.Values {
			el := locate(a.Path, el)
			if m, ok := d.resolve(el).(*ast.MappingNode); ok {
				es = append(es, d.entries(locate(path, m), m, depth+1)...)
			} else {
				d.Errorf(el, "expected a mapping to merge, found %s", describe(d.resolve(el)))
			}
		}
	default:
		d.Errorf(a, "expected a mapping or a list of mappings to merge, found %s", describe(n))
	}
	for i := range es {
		es[i].merged = true
	}
	return es
}

// shortName returns the name of an unknown field for its path in a
// message: cut to its first 40 characters.
func shortName(name string) string {
	end := 0
	for range 40 {
		if end == len(name) {
			return name
		}
		_, n := utf8.DecodeRuneInString(name[end:])
		end += n
	}
	if end == len(name) {
		return name
	}
	return name[:end] + "…"
}

func lookupField(fields []Field, name string) *Field {
	for i := range fields {
		if fields[i].Name == name {
			return &fields[i]
		}
	}
	return nil
}

// unknownField says that name is not a field (or a name of noun), and
// which one was meant.
func unknownField(noun, name string, fields []Field) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	return WithSuggestion("unknown "+noun+" "+excerpt.Quote(name), name, names, "expected one of")
}

// WithSuggestion completes msg, which says that name is not one of names:
// it adds the name probably meant (`; did you mean "desks"?`), or else
// lists names after listed (`; expected one of a, b, c`).
func WithSuggestion(msg, name string, names []string, listed string) string {
	if s := Suggest(name, names); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	return msg + "; " + listed + " " + strings.Join(names, ", ")
}

// Suggest returns the candidate closest to s when it is close enough to be
// a likely typo, or "".
func Suggest(s string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := distance(strings.ToLower(s), c); d < bestDist && d <= max(1, utf8.RuneCountInString(c)/3) {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	// A name over 64 characters is no near miss; counting before
	// converting keeps a huge key from being copied for every field.
	if utf8.RuneCountInString(a) > 64 || utf8.RuneCountInString(b) > 64 {
		return 64
	}
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// TypeError records that the value at a is not what was expected:
// "expected what, found ...".
func (d *Decoder) TypeError(a At, what string) {
	msg := "expected " + what + ", found " + describe(a.node)
	switch a.node.(type) {
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		if strings.HasPrefix(what, "text") {
			msg += " (put it in quotes to make it text)"
		}
	}
	d.Errorf(a, "%s", msg)
}

// describe says what a node is, for "found ..." in messages.
func describe(n ast.Node) string {
	switch n := n.(type) {
	case nil, *ast.NullNode:
		return "nothing"
	case *ast.MappingNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.StringNode:
		return "text " + excerpt.Quote(n.Value)
	case *ast.LiteralNode:
		if n.Value != nil {
			return "text " + excerpt.Quote(n.Value.Value)
		}
		return "text"
	case *ast.BoolNode:
		return strconv.FormatBool(n.Value)
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		if tk := n.GetToken(); tk != nil {
			return "the number " + excerpt.Text(tk.Value)
		}
		return "a number"
	}
	return "a " + strings.ToLower(n.Type().String())
}

// List decodes each element of the list at a, calling each with its
// place. what describes the list for a type error. It returns false when
// the value is not a list.
func (d *Decoder) List(a At, what string, each func(a At)) bool {
	return d.LimitedList(a, what, 0, "", each)
}

// LimitedList is List for a list of at most limit (unless 0) elements,
// called items in the error for a longer list; the elements after the
// limit are not decoded.
func (d *Decoder) LimitedList(a At, what string, limit int, items string, each func(a At)) bool {
	s, ok := a.node.(*ast.SequenceNode)
	if !ok {
		d.TypeError(a, what)
		return false
	}
	values := s.Values
	if limit > 0 && len(values) > limit {
		d.Errorf(a, "expected at most %d %s, found %d", limit, items, len(values))
		values = values[:limit]
	}
	for i, el := range values {
		el := locate(fmt.Sprintf("%s[%d]", a.Path, i), el)
		if el.node = d.resolve(el); el.node == nil {
			continue
		}
		each(el)
	}
	return true
}

// Len returns the number of elements of the list at a, and 0 when it is
// not a list.
func Len(a At) int {
	if s, ok := a.node.(*ast.SequenceNode); ok {
		return len(s.Values)
	}
	return 0
}
