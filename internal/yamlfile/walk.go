package yamlfile

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/message"
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
	// centre's id"); nil when the field is optional.
	Missing message.Localized
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
func (d *Decoder) Mapping(a At, what message.Localized, fields []Field) bool {
	return d.mapping(a, what, "field", fields)
}

// The nouns of [Decoder.Keys]: what the keys of a mapping are.
const (
	Parameter = "parameter" // of eligibility's parameter files
	Route     = "route"     // a residence route
	Outcome   = "outcome"   // an outcome of an eligibility check
)

// Keys is Mapping for a mapping whose keys are names of noun ([Parameter],
// [Route], [Outcome]) rather than fields: the errors say "unknown
// parameter" and "parameter x is given twice" (the messages
// errors.yaml.unknown.NOUN and errors.yaml.twice.NOUN).
func (d *Decoder) Keys(a At, what message.Localized, noun string, fields []Field) bool {
	return d.mapping(a, what, noun, fields)
}

func (d *Decoder) mapping(a At, what message.Localized, noun string, fields []Field) bool {
	if d.onMap != nil {
		names := make([]string, len(fields))
		for i, f := range fields {
			names[i] = f.Name
		}
		d.onMap(a.Path, names)
	}
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
			d.Add(line, col, path, message.New("errors.yaml.twice."+noun, map[string]any{"Name": e.name, "Line": pline}), nil)
			return
		}
		given[e.name] = e.key
		v := d.resolve(locate(path, e.value))
		if _, null := v.(*ast.NullNode); null && f.Null {
			f.Decode(locate(path, v))
			return
		}
		if _, null := v.(*ast.NullNode); null || v == nil {
			if v != nil && f.Missing != nil {
				line, col := position(e.key)
				d.Add(line, col, path, message.New("errors.yaml.missing_value", map[string]any{"What": f.Missing}), nil)
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
		if _, ok := given[f.Name]; !ok && f.Missing != nil {
			d.Fail(a.Field(f.Name), "errors.yaml.missing", map[string]any{"What": f.Missing})
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
			d.Add(line, col, a.Path, message.New("errors.yaml.field_name", map[string]any{"Found": describe(key)}), nil)
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
		d.Fail(a, "errors.yaml.merge_depth", map[string]any{"Max": 8})
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
				d.Fail(el, "errors.yaml.merge_element", map[string]any{"Found": describe(d.resolve(el))})
			}
		}
	default:
		d.Fail(a, "errors.yaml.merge_value", map[string]any{"Found": describe(n)})
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
func unknownField(noun, name string, fields []Field) message.Message {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	return WithSuggestion(message.New("errors.yaml.unknown."+noun, map[string]any{"Name": excerpt.Quote(name)}), name, names, "errors.yaml.one_of")
}

// WithSuggestion completes msg, which says that name is not one of names:
// it adds the name probably meant (`; did you mean "desks"?`), or else
// lists the names with the message listed, whose placeholder Names takes
// them (errors.yaml.one_of: `; expected one of a, b, c`).
func WithSuggestion(msg message.Localized, name string, names []string, listed string) message.Message {
	if s := Suggest(name, names); s != "" {
		return message.New("errors.yaml.suggest", map[string]any{"Message": msg, "Suggestion": strconv.Quote(s)})
	}
	return message.New("errors.yaml.listed", map[string]any{"Message": msg,
		"List": message.New(listed, map[string]any{"Names": strings.Join(names, ", ")})})
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

// Expected returns the message "expected what, found found".
func Expected(what, found message.Localized) message.Message {
	return message.New("errors.yaml.expected", map[string]any{"What": what, "Found": found})
}

// ExpectedText returns the message "expected what, found value", value
// quoted (and cut to its first 80 characters).
func ExpectedText(what message.Localized, value string) message.Message {
	return Expected(what, message.New("errors.yaml.found.quoted", map[string]any{"Value": excerpt.Quote(value)}))
}

// ExpectedNumber returns the message "expected what, found n".
func ExpectedNumber(what message.Localized, n float64) message.Message {
	return Expected(what, message.New("errors.yaml.found.quoted", map[string]any{"Value": strconv.FormatFloat(n, 'g', -1, 64)}))
}

// TypeError records that the value at a is not what was expected:
// "expected what, found ...". When what is text ([TextOf], or a text in
// Dutch or English) and a number or a boolean was found, the message
// says to quote it.
func (d *Decoder) TypeError(a At, what message.Localized) {
	msg := Expected(what, describe(a.node))
	switch a.node.(type) {
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		if isText(what) {
			msg = message.New("errors.yaml.quote_it", map[string]any{"Message": msg})
		}
	}
	d.Report(a, msg)
}

// TextOf returns the message "text: what", for a value that is text of
// some kind: "text: the street and number".
func TextOf(what message.Localized) message.Message {
	return message.New("errors.yaml.text", map[string]any{"What": what})
}

// isText reports whether what is the description of text: TextOf's, or
// a text in Dutch or English.
func isText(what message.Localized) bool {
	m, ok := what.(message.Message)
	return ok && (m.ID == "errors.yaml.text" || m.ID == "errors.yaml.text_nl" || m.ID == "errors.yaml.text_en")
}

// describe says what a node is, for "found ..." in messages.
func describe(n ast.Node) message.Message {
	found := message.New
	switch n := n.(type) {
	case nil, *ast.NullNode:
		return found("errors.yaml.found.nothing", nil)
	case *ast.MappingNode:
		return found("errors.yaml.found.mapping", nil)
	case *ast.SequenceNode:
		return found("errors.yaml.found.list", nil)
	case *ast.StringNode:
		return found("errors.yaml.found.text", map[string]any{"Value": excerpt.Quote(n.Value)})
	case *ast.LiteralNode:
		if n.Value != nil {
			return found("errors.yaml.found.text", map[string]any{"Value": excerpt.Quote(n.Value.Value)})
		}
		return found("errors.yaml.found.some_text", nil)
	case *ast.BoolNode:
		return found("errors.yaml.found.quoted", map[string]any{"Value": strconv.FormatBool(n.Value)})
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		if tk := n.GetToken(); tk != nil {
			return found("errors.yaml.found.number", map[string]any{"Value": excerpt.Text(tk.Value)})
		}
		return found("errors.yaml.found.a_number", nil)
	}
	return found("errors.yaml.found.node", map[string]any{"Type": strings.ToLower(n.Type().String())})
}

// List decodes each element of the list at a, calling each with its
// place. what describes the list for a type error. It returns false when
// the value is not a list.
func (d *Decoder) List(a At, what message.Localized, each func(a At)) bool {
	return d.LimitedList(a, what, 0, nil, each)
}

// LimitedList is List for a list of at most limit (unless 0) elements,
// called items in the error for a longer list ("desks"); the elements
// after the limit are not decoded.
func (d *Decoder) LimitedList(a At, what message.Localized, limit int, items message.Localized, each func(a At)) bool {
	s, ok := a.node.(*ast.SequenceNode)
	if !ok {
		d.TypeError(a, what)
		return false
	}
	values := s.Values
	if limit > 0 && len(values) > limit {
		d.Fail(a, "errors.yaml.too_many_items", map[string]any{"Max": limit, "Items": items, "Count": len(values)})
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
