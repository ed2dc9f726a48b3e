package centre

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/holidays"
	"github.com/expatcentre/loket/schedule/osm"
)

// Decoding walks the YAML syntax tree itself, rather than handing it to a
// struct decoder, so that it can go on after a problem and report every
// problem of the file at once, each with its line, column and field path.
// It checks the shape and the format of each value (fields, types, dates,
// URLs, ids); compile then checks what the values mean.

// config is a centre file as written, before compilation. Every value keeps
// the place where it was written, so that compile can point at it.
type config struct {
	doc                 at
	id                  val[string]
	name, description   val[schedule.Text]
	address             val[Address]
	coordinates         val[Coordinates]
	website, bookingURL val[string]
	timeZone            val[string]
	defaultLanguage     val[string]
	defaultDesk         val[string]
	holidays            holidayConfig
	desks               []deskConfig
	services            []serviceConfig
}

type holidayConfig struct {
	country, region val[string]
	kinds           []val[holidays.Kind]
	ids             []val[string]
	extra           []closureConfig
}

type closureConfig struct {
	days days
	name val[schedule.Text]
}

type deskConfig struct {
	at             at
	id             val[string]
	name, location val[schedule.Text]
	appointment    val[bool]
	bookingURL     val[string]
	hours          val[string]
	recurrences    []recurrenceConfig
	exceptions     []exceptionConfig
}

type recurrenceConfig struct {
	at     at
	rrule  val[string]
	start  val[date.Date]
	hours  val[string]
	closed val[bool]
	reason val[schedule.Text]
}

type exceptionConfig struct {
	days   days
	hours  val[string]
	reason val[schedule.Text]
}

// days is the date range of a closure or exception, written as one date or
// as from and to (both included).
type days struct {
	at       at // the closure or exception
	date     val[date.Date]
	from, to val[date.Date]
}

// at is the place of a value in the file.
type at struct {
	path      string
	node      ast.Node // anchors, aliases and tags resolved
	line, col int      // 0 for the whole file
}

// field returns the place of a field of the mapping at a, which is absent.
func (a at) field(name string) at {
	return at{path: join(a.path, name), line: a.line, col: a.col}
}

// val is a decoded value and where it was written. ok is false when the
// value is absent or malformed.
type val[T any] struct {
	v  T
	at at
	ok bool
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// maxSteps bounds the values visited in one file, so that aliases cannot
// make a small file expensive ("billion laughs"). A centre file has a few
// hundred.
const maxSteps = 1 << 16

// decoder decodes one file, collecting errors.
type decoder struct {
	file    string
	src     []byte
	lines   []string       // src split into lines, on first use
	runes   map[int][]rune // lines of src as characters, on first use
	errs    Errors
	seen    map[Error]bool
	anchors map[string][]anchorAt // by name, each sorted by place
	steps   int
}

// anchorAt is an anchor and its place in the file.
type anchorAt struct {
	line, col int
	node      *ast.AnchorNode
}

// add records an error at a place, once.
func (d *decoder) add(line, col int, path, msg string, err error) {
	e := Error{File: d.file, Line: line, Column: col, Path: path, Msg: msg}
	if d.seen[e] {
		return
	}
	if d.seen == nil {
		d.seen = map[Error]bool{}
	}
	d.seen[e] = true
	e.Err = err
	d.errs = append(d.errs, &e)
}

// errorf records an error at a.
func (d *decoder) errorf(a at, format string, args ...any) {
	d.add(a.line, a.col, a.path, fmt.Sprintf(format, args...), nil)
}

// parse parses the YAML text into the value of its one document. It returns
// false after recording an error when there is nothing to decode, or when
// the file nests deeper than MaxDepth or has a mapping of more than
// maxKeys keys.
func (d *decoder) parse() (doc at, ok bool) {
	var (
		file    *ast.File
		err     error
		refused bool
	)
	func() {
		defer func() {
			// The YAML parser is third-party code; a panic in it must not
			// take down a program that validates a file.
			if r := recover(); r != nil {
				err = fmt.Errorf("the YAML parser failed on this file: %s", excerpt.Text(fmt.Sprint(r)))
			}
		}()
		tokens := lexer.Tokenize(string(d.src))
		if refused = !d.checkLayout(measure(tokens)); refused {
			return
		}
		// Duplicate keys are reported with the other errors, not by the
		// parser, which would stop there.
		file, err = parser.Parse(tokens, 0, parser.AllowDuplicateMapKey())
	}()
	if refused {
		return at{}, false
	}
	if err != nil {
		// The parser's messages may quote the file: a tag, a header.
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
			p := ye.GetToken().Position
			d.add(max(p.Line, 1), max(p.Column, 1), "", "invalid YAML: "+excerpt.Text(ye.GetMessage()), err)
		} else {
			d.add(0, 0, "", "invalid YAML: "+excerpt.Text(err.Error()), err)
		}
		return at{}, false
	}
	var body ast.Node
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if body != nil {
			line, col := position(doc.Body)
			d.add(line, col, "", "a centre file holds one YAML document; this is a second one", nil)
			break
		}
		body = doc.Body
	}
	if _, null := body.(*ast.NullNode); null || body == nil {
		d.add(0, 0, "", "the file is empty: expected a centre with id, name and desks", nil)
		return at{}, false
	}
	ast.Walk(anchorCollector{d}, body)
	for _, as := range d.anchors {
		slices.SortStableFunc(as, func(a, b anchorAt) int {
			return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col))
		})
	}
	line, col := position(body)
	doc = at{node: body, line: line, col: col}
	doc.node = d.resolve(doc)
	return doc, doc.node != nil
}

type anchorCollector struct{ d *decoder }

func (v anchorCollector) Visit(n ast.Node) ast.Visitor {
	if a, ok := n.(*ast.AnchorNode); ok && a.Name != nil {
		if v.d.anchors == nil {
			v.d.anchors = map[string][]anchorAt{}
		}
		name := a.Name.String()
		line, col := position(a)
		v.d.anchors[name] = append(v.d.anchors[name], anchorAt{line, col, a})
	}
	return v
}

// position returns where a node starts: for a mapping, its first key or
// its opening brace.
func position(n ast.Node) (line, col int) {
	var tk *token.Token
	switch n := n.(type) {
	case nil:
		return 0, 0
	case *ast.MappingNode:
		if n.IsFlowStyle && n.Start != nil {
			tk = n.Start
		} else if len(n.Values) > 0 && n.Values[0].Key != nil {
			return position(n.Values[0].Key)
		} else {
			tk = n.GetToken()
		}
	case *ast.MappingValueNode:
		if n.Key != nil {
			return position(n.Key)
		}
		tk = n.GetToken()
	default:
		tk = n.GetToken()
	}
	if tk == nil || tk.Position == nil {
		return 0, 0
	}
	return max(tk.Position.Line, 1), max(tk.Position.Column, 1)
}

// resolve returns the node of the value at a with anchors, aliases and
// tags taken away: the node that says what the value is. It records an
// error and returns nil for an alias without an anchor, or when the file
// has too many values.
func (d *decoder) resolve(a at) ast.Node {
	n := a.node
	for range 64 {
		if d.steps++; d.steps == maxSteps {
			d.errorf(a, "the file has more than %d values (through aliases): a centre file has a few hundred", maxSteps)
		}
		if d.steps >= maxSteps {
			return nil
		}
		switch m := n.(type) {
		case *ast.AnchorNode:
			n = m.Value
		case *ast.TagNode:
			if tagName(m) == "!!str" {
				if s, ok := m.Value.(ast.ScalarNode); ok && m.Value.GetToken() != nil {
					if _, isString := s.(*ast.StringNode); !isString {
						return ast.String(m.Value.GetToken())
					}
				}
			}
			n = m.Value
		case *ast.AliasNode:
			target := d.anchor(m)
			if target == nil {
				d.errorf(a, "alias %s refers to no anchor defined before it", excerpt.Text(m.String()))
				return nil
			}
			n = target.Value
		default:
			return n
		}
	}
	d.errorf(a, "aliases refer to each other in a cycle")
	return nil
}

func tagName(t *ast.TagNode) string {
	if t.Start == nil {
		return ""
	}
	return t.Start.Value
}

// anchor returns the anchor an alias refers to: the last one of its name
// before it in the file.
func (d *decoder) anchor(alias *ast.AliasNode) *ast.AnchorNode {
	if alias.Value == nil {
		return nil
	}
	as := d.anchors[alias.Value.String()]
	line, col := position(alias)
	// The anchors of a name are in the order of the file: a binary search
	// keeps a file of many aliases and anchors of one name cheap.
	i, _ := slices.BinarySearchFunc(as, anchorAt{line: line, col: col}, func(a, b anchorAt) int {
		return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col))
	})
	if i == 0 {
		return nil
	}
	return as[i-1].node
}

// locate returns the place of a value node reached from a.
func locate(path string, n ast.Node) at {
	line, col := position(n)
	return at{path: path, node: n, line: line, col: col}
}

// field describes a field of a mapping.
type field struct {
	name string
	// missing says what is missing when the field is required ("the
	// centre's id"); empty when the field is optional.
	missing string
	decode  func(a at)
}

// entry is one key and value of a mapping, possibly merged in with "<<".
type entry struct {
	key    ast.Node
	name   string
	value  ast.Node
	merged bool
}

// mapping decodes the mapping at a field by field. what describes the
// mapping for a type error ("a desk"). A null value counts as absent.
func (d *decoder) mapping(a at, what string, fields []field) bool {
	m, ok := a.node.(*ast.MappingNode)
	if !ok {
		d.typeError(a, what)
		return false
	}
	given := map[string]ast.Node{} // field name -> key
	decode := func(e entry) {
		path := join(a.path, e.name)
		f := lookupField(fields, e.name)
		if f == nil {
			line, col := position(e.key)
			d.add(line, col, join(a.path, shortName(e.name)), unknownField(e.name, fields), nil)
			return
		}
		if prev, dup := given[e.name]; dup {
			if e.merged {
				return // "<<" fills in only fields not given
			}
			pline, _ := position(prev)
			line, col := position(e.key)
			d.add(line, col, path, fmt.Sprintf("field %s is given twice (first on line %d)", e.name, pline), nil)
			return
		}
		given[e.name] = e.key
		v := d.resolve(locate(path, e.value))
		if _, null := v.(*ast.NullNode); null || v == nil {
			if v != nil && f.missing != "" {
				line, col := position(e.key)
				d.add(line, col, path, "missing "+f.missing+": the field has no value", nil)
			}
			return
		}
		f.decode(locate(path, v))
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
		if _, ok := given[f.name]; !ok && f.missing != "" {
			d.errorf(a.field(f.name), "missing %s", f.missing)
		}
	}
	return true
}

// entries returns the keys and values of m, with those of the mappings
// merged in by "<<" keys marked.
func (d *decoder) entries(a at, m *ast.MappingNode, depth int) []entry {
	var es []entry
	for _, mv := range m.Values {
		if mv == nil || mv.Key == nil {
			continue
		}
		if _, merge := mv.Key.(*ast.MergeKeyNode); merge {
			es = append(es, d.merge(a.path, mv.Value, depth)...)
			continue
		}
		key := d.resolve(locate(a.path, mv.Key))
		if mk, ok := key.(*ast.MappingKeyNode); ok { // "? key"
			key = d.resolve(locate(a.path, mk.Value))
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
			d.add(line, col, a.path, "expected a field name, found "+describe(key), nil)
			continue
		}
		es = append(es, entry{key: mv.Key, name: name, value: mv.Value})
	}
	return es
}

// merge returns the entries of the mappings that a "<<" key of the
// mapping at path merges in.
func (d *decoder) merge(path string, value ast.Node, depth int) []entry {
	a := locate(join(path, "<<"), value)
	if depth >= 8 {
		d.errorf(a, "merge keys nested more than 8 deep (a cycle?)")
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
			el := locate(a.path, el)
			if m, ok := d.resolve(el).(*ast.MappingNode); ok {
				es = append(es, d.entries(locate(path, m), m, depth+1)...)
			} else {
				d.errorf(el, "expected a mapping to merge, found %s", describe(d.resolve(el)))
			}
		}
	default:
		d.errorf(a, "expected a mapping or a list of mappings to merge, found %s", describe(n))
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

func lookupField(fields []field, name string) *field {
	for i := range fields {
		if fields[i].name == name {
			return &fields[i]
		}
	}
	return nil
}

// unknownField says that name is not a field, and which one was meant.
func unknownField(name string, fields []field) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return withSuggestion("unknown field "+quote(name), name, names, "expected one of")
}

// withSuggestion completes msg, which says that name is not one of names:
// it adds the name probably meant, or else lists names after listed.
func withSuggestion(msg, name string, names []string, listed string) string {
	if s := suggest(name, names); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	return msg + "; " + listed + " " + strings.Join(names, ", ")
}

// suggest returns the candidate closest to s when it is close enough to be
// a likely typo, or "".
func suggest(s string, candidates []string) string {
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
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 64
	}
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

// typeError records that the value at a is not what was expected.
func (d *decoder) typeError(a at, what string) {
	msg := "expected " + what + ", found " + describe(a.node)
	switch a.node.(type) {
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		if strings.HasPrefix(what, "text") {
			msg += " (put it in quotes to make it text)"
		}
	}
	d.errorf(a, "%s", msg)
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
		return "text " + quote(n.Value)
	case *ast.LiteralNode:
		if n.Value != nil {
			return "text " + quote(n.Value.Value)
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

// quote quotes s for a message, cut to its first 80 characters.
func quote(s string) string { return excerpt.Quote(s) }

// str decodes text.
func (d *decoder) str(a at, what string) val[string] {
	switch n := a.node.(type) {
	case *ast.StringNode:
		return val[string]{n.Value, a, true}
	case *ast.LiteralNode:
		if n.Value != nil {
			return val[string]{n.Value.Value, a, true}
		}
	}
	d.typeError(a, what)
	return val[string]{at: a}
}

// nonEmpty decodes text that is not blank.
func (d *decoder) nonEmpty(a at, what string) val[string] {
	v := d.str(a, what)
	if v.ok && strings.TrimSpace(v.v) == "" {
		d.errorf(a, "expected %s, found empty text", what)
		v.ok = false
	}
	return v
}

// hours decodes opening hours: text, with trailing white space (the line
// break that ends a "|" block) removed.
func (d *decoder) hours(a at, example string) val[string] {
	v := d.str(a, "text: "+example)
	v.v = strings.TrimRight(v.v, " \t\r\n")
	return v
}

// id decodes an id: lower-case letters, digits and single hyphens.
func (d *decoder) id(a at) val[string] {
	const what = "an id of lower-case letters, digits and hyphens, such as maastricht"
	v := d.str(a, "text: "+what)
	if v.ok && !isID(v.v) {
		d.errorf(a, "expected %s, found %s", what, quote(v.v))
		v.ok = false
	}
	return v
}

func isID(s string) bool {
	if s == "" || len(s) > 64 || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// text decodes a sentence in Dutch and English.
func (d *decoder) text(a at) val[schedule.Text] {
	var t schedule.Text
	ok := true
	nl := func(a at) {
		v := d.nonEmpty(a, "text in Dutch")
		t.NL, ok = v.v, ok && v.ok
	}
	en := func(a at) {
		v := d.nonEmpty(a, "text in English")
		t.EN, ok = v.v, ok && v.ok
	}
	if !d.mapping(a, "nl and en texts (nl: ..., en: ...)", []field{
		{"nl", "the text in Dutch", nl},
		{"en", "the text in English", en},
	}) {
		return val[schedule.Text]{at: a}
	}
	return val[schedule.Text]{t, a, ok && t.NL != "" && t.EN != ""}
}

// boolean decodes true or false.
func (d *decoder) boolean(a at) val[bool] {
	if b, ok := a.node.(*ast.BoolNode); ok {
		return val[bool]{b.Value, a, true}
	}
	d.typeError(a, "true or false")
	return val[bool]{at: a}
}

// number decodes a number.
func (d *decoder) number(a at) val[float64] {
	switch n := a.node.(type) {
	case *ast.IntegerNode:
		switch v := n.Value.(type) {
		case int64:
			return val[float64]{float64(v), a, true}
		case uint64:
			return val[float64]{float64(v), a, true}
		}
	case *ast.FloatNode:
		return val[float64]{n.Value, a, true}
	}
	d.typeError(a, "a number")
	return val[float64]{at: a}
}

// date decodes a date written YYYY-MM-DD, in the years the holiday
// calendar covers.
func (d *decoder) date(a at) val[date.Date] {
	const what = "a date like 2026-12-24"
	v := d.str(a, what)
	if !v.ok {
		return val[date.Date]{at: a}
	}
	t, err := time.Parse("2006-01-02", v.v)
	if err != nil {
		var pe *time.ParseError
		if errors.As(err, &pe) && pe.Message != "" {
			d.errorf(a, "expected %s, found %s: %s", what, quote(v.v), strings.TrimPrefix(pe.Message, ": "))
		} else {
			d.errorf(a, "expected %s, found %s", what, quote(v.v))
		}
		return val[date.Date]{at: a}
	}
	if y := t.Year(); y < holidays.FirstYear || y > holidays.LastYear {
		d.errorf(a, "the year %d is outside %d-%d", y, holidays.FirstYear, holidays.LastYear)
		return val[date.Date]{at: a}
	}
	return val[date.Date]{date.NewAt(t), a, true}
}

// url decodes an absolute http or https URL.
func (d *decoder) url(a at) val[string] {
	const what = "an absolute http or https URL such as https://example.org/"
	v := d.str(a, "text: "+what)
	if !v.ok {
		return v
	}
	u, err := url.Parse(v.v)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		d.errorf(a, "expected %s, found %s", what, quote(v.v))
		v.ok = false
	}
	return v
}

// oneOf decodes one of a few words.
func (d *decoder) oneOf(a at, words ...string) val[string] {
	what := strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
	v := d.str(a, what)
	if v.ok && !slices.Contains(words, v.v) {
		msg := fmt.Sprintf("expected %s, found %s", what, quote(v.v))
		if s := suggest(v.v, words); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		d.errorf(a, "%s", msg)
		v.ok = false
	}
	return v
}

// The most items of the lists that make compiling a centre expensive:
// every desk's schedule holds the extra closures of the centre; a desk
// is compiled once, reporting every error at once; a recurrence is
// expanded over the whole range. A centre has a few desks, tens of
// closures and a few recurrences; the recurrences of all desks together
// may be as many as one schedule takes.
const (
	maxDesks       = 100
	maxClosures    = 1000 // extra closures of the centre, exceptions of a desk
	maxRecurrences = osm.MaxRecurrences
	maxServices    = 1000
)

// list decodes each element of the list at a.
func (d *decoder) list(a at, what string, each func(a at)) bool {
	return d.limitedList(a, what, 0, "", each)
}

// limitedList decodes each element of the list at a, which may have at
// most limit (unless 0) elements, called items in the error.
func (d *decoder) limitedList(a at, what string, limit int, items string, each func(a at)) bool {
	s, ok := a.node.(*ast.SequenceNode)
	if !ok {
		d.typeError(a, what)
		return false
	}
	values := s.Values
	if limit > 0 && len(values) > limit {
		d.errorf(a, "expected at most %d %s, found %d", limit, items, len(values))
		values = values[:limit]
	}
	for i, el := range values {
		el := locate(fmt.Sprintf("%s[%d]", a.path, i), el)
		if el.node = d.resolve(el); el.node == nil {
			continue
		}
		each(el)
	}
	return true
}

// centre decodes the whole file.
func (d *decoder) centre(doc at) *config {
	c := &config{doc: doc}
	const hoursExample = `an opening_hours expression such as "Tu,Th 09:00-12:30"`
	d.mapping(doc, "a centre: a mapping with id, name, desks and more", []field{
		{"id", "the centre's id, such as maastricht", func(a at) { c.id = d.id(a) }},
		{"name", "the centre's name in nl and en", func(a at) { c.name = d.text(a) }},
		{"description", "", func(a at) { c.description = d.text(a) }},
		{"address", "", func(a at) { c.address = d.address(a) }},
		{"coordinates", "", func(a at) { c.coordinates = d.coordinates(a) }},
		{"website", "", func(a at) { c.website = d.url(a) }},
		{"booking_url", "", func(a at) { c.bookingURL = d.url(a) }},
		{"time_zone", "", func(a at) { c.timeZone = d.nonEmpty(a, "a time zone such as Europe/Amsterdam") }},
		{"default_language", "", func(a at) { c.defaultLanguage = d.oneOf(a, "nl", "en") }},
		{"default_desk", "", func(a at) { c.defaultDesk = d.id(a) }},
		{"holidays", "", func(a at) { c.holidays = d.holidays(a) }},
		{"desks", "the desks: a list with at least one desk", func(a at) {
			if d.limitedList(a, "a list of desks (- id: ...)", maxDesks, "desks", func(a at) { c.desks = append(c.desks, d.desk(a, hoursExample)) }) &&
				len(a.node.(*ast.SequenceNode).Values) == 0 {
				d.errorf(a, "expected at least one desk, found an empty list")
			}
		}},
		{"services", "", func(a at) {
			d.limitedList(a, "a list of services (- id: ...)", maxServices, "services", func(a at) { c.services = append(c.services, d.service(a)) })
		}},
	})
	// Each recurrence is expanded over the whole range when its desk's
	// schedule is compiled: the desks share one schedule's allowance.
	n := 0
	for i := range c.desks {
		k := &c.desks[i]
		if keep := maxRecurrences - n; len(k.recurrences) > keep {
			if keep >= 0 {
				d.errorf(k.recurrences[keep].at, "more than %d recurrences in the centre's desks: they have at most %d in all", maxRecurrences, maxRecurrences)
			}
			k.recurrences = k.recurrences[:max(keep, 0)]
			n = maxRecurrences + 1
			continue
		}
		n += len(k.recurrences)
	}
	return c
}

func (d *decoder) address(a at) val[Address] {
	var ad Address
	ok := d.mapping(a, "an address (street, postal_code, city)", []field{
		{"street", "the street and number", func(a at) { ad.Street = d.nonEmpty(a, "text: the street and number").v }},
		{"postal_code", "", func(a at) { ad.PostalCode = d.nonEmpty(a, "text: the postal code").v }},
		{"city", "the city", func(a at) { ad.City = d.nonEmpty(a, "text: the city").v }},
		{"country", "", func(a at) {
			v := d.str(a, "text: a country code such as NL")
			if v.ok && !isCountry(v.v) {
				d.errorf(a, "expected a two-letter ISO 3166 country code such as NL, found %s", quote(v.v))
			}
			ad.Country = v.v
		}},
	})
	return val[Address]{ad, a, ok}
}

func isCountry(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}

func (d *decoder) coordinates(a at) val[Coordinates] {
	var co Coordinates
	ok := d.mapping(a, "coordinates (lat, lon)", []field{
		{"lat", "the latitude in degrees", func(a at) {
			v := d.number(a)
			if v.ok && (v.v < -90 || v.v > 90) {
				d.errorf(a, "expected a latitude from -90 to 90 degrees, found %v", v.v)
			}
			co.Lat = v.v
		}},
		{"lon", "the longitude in degrees", func(a at) {
			v := d.number(a)
			if v.ok && (v.v < -180 || v.v > 180) {
				d.errorf(a, "expected a longitude from -180 to 180 degrees, found %v", v.v)
			}
			co.Lon = v.v
		}},
	})
	return val[Coordinates]{co, a, ok}
}

func (d *decoder) holidays(a at) holidayConfig {
	var h holidayConfig
	d.mapping(a, "a holiday policy (country, region, closed_on, extra_closures)", []field{
		{"country", "", func(a at) { h.country = d.str(a, "text: a country code") }},
		{"region", "", func(a at) { h.region = d.str(a, "text: a region code such as NL-LI") }},
		{"closed_on", "", func(a at) {
			d.mapping(a, "the holidays the centre is closed on (kinds, ids)", []field{
				{"kinds", "", func(a at) {
					d.list(a, "a list of holiday kinds such as [public]", func(a at) {
						v := d.oneOf(a, string(holidays.Public), string(holidays.Observance), string(holidays.Regional))
						h.kinds = append(h.kinds, val[holidays.Kind]{holidays.Kind(v.v), a, v.ok})
					})
				}},
				{"ids", "", func(a at) {
					d.list(a, "a list of holiday ids such as [carnival-monday]", func(a at) {
						h.ids = append(h.ids, d.str(a, "text: a holiday id such as carnival-monday"))
					})
				}},
			})
		}},
		{"extra_closures", "", func(a at) {
			d.limitedList(a, "a list of closures (- date: ...)", maxClosures, "closures", func(a at) {
				var cl closureConfig
				cl.days.at = a
				d.mapping(a, "a closure (date or from and to, name)", append(cl.days.fields(d),
					field{"name", "the closure's name in nl and en", func(a at) { cl.name = d.text(a) }}))
				h.extra = append(h.extra, cl)
			})
		}},
	})
	return h
}

// fields returns the fields of a date range: date, or from and to.
func (ds *days) fields(d *decoder) []field {
	return []field{
		{"date", "", func(a at) { ds.date = d.date(a) }},
		{"from", "", func(a at) { ds.from = d.date(a) }},
		{"to", "", func(a at) { ds.to = d.date(a) }},
	}
}

func (d *decoder) desk(a at, hoursExample string) deskConfig {
	k := deskConfig{at: a}
	d.mapping(a, "a desk: a mapping with id, name, hours and more", []field{
		{"id", "the desk's id, such as ind", func(a at) { k.id = d.id(a) }},
		{"name", "the desk's name in nl and en", func(a at) { k.name = d.text(a) }},
		{"location", "", func(a at) { k.location = d.text(a) }},
		{"appointment", "", func(a at) { k.appointment = d.boolean(a) }},
		{"booking_url", "", func(a at) { k.bookingURL = d.url(a) }},
		{"hours", "the desk's hours: " + hoursExample, func(a at) { k.hours = d.hours(a, hoursExample) }},
		{"recurrences", "", func(a at) {
			d.limitedList(a, "a list of recurrences (- rrule: ...)", maxRecurrences, "recurrences", func(a at) {
				r := recurrenceConfig{at: a}
				d.mapping(a, "a recurrence (rrule, start, hours, closed, reason)", []field{
					{"rrule", "the RFC 5545 rule, such as FREQ=MONTHLY;BYDAY=1MO", func(a at) {
						r.rrule = d.nonEmpty(a, "text: an RFC 5545 rule such as FREQ=MONTHLY;BYDAY=1MO")
					}},
					{"start", "", func(a at) { r.start = d.date(a) }},
					{"hours", "", func(a at) { r.hours = d.hours(a, `times such as "10:00-12:00"`) }},
					{"closed", "", func(a at) { r.closed = d.boolean(a) }},
					{"reason", "", func(a at) { r.reason = d.text(a) }},
				})
				k.recurrences = append(k.recurrences, r)
			})
		}},
		{"exceptions", "", func(a at) {
			d.limitedList(a, "a list of exceptions (- date: ...)", maxClosures, "exceptions", func(a at) {
				var ex exceptionConfig
				ex.days.at = a
				d.mapping(a, "an exception (date or from and to, hours, reason)", append(ex.days.fields(d),
					field{"hours", "", func(a at) { ex.hours = d.hours(a, `times such as "10:00-12:00"`) }},
					field{"reason", "", func(a at) { ex.reason = d.text(a) }}))
				k.exceptions = append(k.exceptions, ex)
			})
		}},
	})
	return k
}
