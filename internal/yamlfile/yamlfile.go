// Package yamlfile decodes loket's YAML files strictly: the centre file
// and eligibility's parameter files. It walks the YAML syntax tree itself,
// rather than handing it to a struct decoder, so that it can go on after a
// problem and report every problem of a file at once, each with its line,
// column (in characters) and field path, and a suggestion for a misspelt
// name ("did you mean ...?").
//
// A caller describes its schema in code: a [Decoder] has a method for each
// shape of value (a mapping of known fields, a list, text, a date, a URL,
// a Dutch and English text, a list of dated values), each of which checks
// the value, records an error at its place when it is not what was
// expected, and returns the value with its place ([Val]) so that later
// checks of what the values mean can point at them too.
//
// Before a file is parsed, its bytes and tokens are checked against
// limits (size, depth, keys of a mapping, encoding, blank lines), so that
// no file can make the parser (github.com/goccy/go-yaml) slow or take
// much memory; a file beyond them is refused with one error at the place
// where it goes wrong. Error messages quote at most 80 characters of a
// value (package excerpt).
//
// # Messages in Dutch and English
//
// Every error is a message of the tables (package message, ids
// errors.yaml.*, worded in i18n/locales/errors.*.toml): [Error.Msg] is
// its English wording, [Error.In] words it in either language. A schema
// describes its values with messages too ([Format], the what of each
// method, [Field.Missing]), each a [message.Localized]: a message of the
// tables, or a text.Text in both languages. The walker puts them into its
// own messages ("expected a list of desks, found text "x""), and a caller
// adds its own with [Decoder.Fail] and [Decoder.Report], which may wrap
// an error of another package that words itself (an opening_hours syntax
// error). What the file holds (values, keys, field paths) is quoted as
// written, in either language.
package yamlfile

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/text"
)

// DefaultMaxSize is the largest file, in bytes, that a [Format] without a
// MaxSize accepts: 1 MiB.
const DefaultMaxSize = 1 << 20

// MaxDepth is how deeply lists and mappings may nest in a file; a file
// nested deeper is refused before it is parsed, because the cost of
// parsing YAML grows with the square of the depth.
const MaxDepth = 100

// tokensPerByte is how many bytes of the size limit each YAML token may
// take at least: a file may hold MaxSize/tokensPerByte tokens. Parsing
// costs up to about 1 KB of memory per token, a real centre file has one
// token per 14 bytes or so.
const tokensPerByte = 16

// maxBlankLines is the most blank lines in a row a file may have: the YAML
// parser takes time that grows with the square of the number of blank
// lines that end a block scalar ("|" or ">").
const maxBlankLines = 20

// maxKeys is the most keys a block mapping may have: the YAML parser
// takes time that grows with their square.
const maxKeys = 200

// maxSteps bounds the values visited in one file, so that aliases cannot
// make a small file expensive ("billion laughs").
const maxSteps = 1 << 16

// ErrTooLarge is the underlying error (the Err of the [Error]) when a file
// is larger than the size limit, or holds more YAML tokens than a file of
// that size may.
var ErrTooLarge = errors.New("file too large")

// Format describes a kind of file, for the messages about the file as a
// whole and for its limits.
type Format struct {
	// Name names a file of the kind in messages: "a centre file".
	Name message.Localized
	// Expected says what an empty file should have held: "a centre with
	// id, name and desks".
	Expected message.Localized
	// Depth and Keys say how deeply a real file of the kind nests and how
	// many keys its mappings have at most, and Values how many values it
	// has ("a few hundred"), for the messages of a file beyond the limits.
	Depth, Keys int
	Values      message.Localized
	// MaxSize is the largest file in bytes; 0 (or less) means
	// DefaultMaxSize. Decoding a file allocates up to about 50 times
	// MaxSize.
	MaxSize int
	// FirstYear and LastYear bound the years of the dates the file may
	// hold; both 0 allows every year.
	FirstYear, LastYear int
}

// maxSize returns the size limit in bytes.
func (f Format) maxSize() int {
	if f.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return f.MaxSize
}

// maxTokens returns the most YAML tokens a file may hold.
func (f Format) maxTokens() int {
	return max(f.maxSize()/tokensPerByte, 1)
}

// Decoder decodes one file, collecting errors. It is not safe for
// concurrent use.
type Decoder struct {
	file    string
	src     []byte
	format  Format
	lines   []string       // src split into lines, on first use
	runes   map[int][]rune // lines of src as characters, on first use
	errs    Errors
	seen    map[errorKey]bool
	anchors map[string][]anchorAt // by name, each sorted by place
	steps   int
	onMap   func(path string, names []string)
}

// NewDecoder returns a decoder of the file named file (in errors) whose
// contents are src.
func NewDecoder(file string, src []byte, f Format) *Decoder {
	return &Decoder{file: file, src: src, format: f}
}

// OnMapping makes the decoder call f for each mapping it decodes (see
// [Decoder.Mapping] and [Decoder.Keys]), before it looks at the value,
// with the mapping's field path and the names of the fields the schema
// gives it, in the order of the schema. A test uses it to list the fields
// a schema written in code knows, and compare them with another
// description of the file, such as a JSON Schema.
func (d *Decoder) OnMapping(f func(path string, names []string)) { d.onMap = f }

// Errors returns the errors recorded so far, sorted by line and column
// (problems of the whole file first), or nil when there are none.
func (d *Decoder) Errors() Errors {
	if len(d.errs) == 0 {
		return nil
	}
	d.errs.sort()
	return d.errs
}

// anchorAt is an anchor and its place in the file.
type anchorAt struct {
	line, col int
	node      *ast.AnchorNode
}

// errorKey is what makes an error the same as another.
type errorKey struct {
	line, col int
	path, msg string
}

// Add records an error at a place (line and column from 1, or 0 and 0
// for the whole file), once: a second error with the same place, path
// and message is dropped. msg says what is wrong, in either language (a
// message, or an error of another package that words itself); err is the
// underlying error, if any.
func (d *Decoder) Add(line, col int, path string, msg message.Localized, err error) {
	k := errorKey{line, col, path, msg.In(text.English)}
	if d.seen[k] {
		return
	}
	if d.seen == nil {
		d.seen = map[errorKey]bool{}
	}
	d.seen[k] = true
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Column: col, Path: path, Msg: k.msg, Message: msg, Err: err})
}

// Report records the error msg at a.
func (d *Decoder) Report(a At, msg message.Localized) {
	d.Add(a.Line, a.Col, a.Path, msg, nil)
}

// Fail records at a the error of the message id with data.
func (d *Decoder) Fail(a At, id string, data map[string]any) {
	d.Report(a, message.New(id, data))
}

// Parse checks the file against the limits of its format and parses it
// into the value of its one document. It returns false after recording an
// error when there is nothing to decode: the file is beyond the limits,
// is not YAML, or is empty.
func (d *Decoder) Parse() (doc At, ok bool) {
	if !d.checkInput() {
		return At{}, false
	}
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
				err = message.NewError("errors.yaml.parser_failed", map[string]any{"Panic": excerpt.Text(fmt.Sprint(r))})
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
		return At{}, false
	}
	if err != nil {
		// The parser's messages may quote the file: a tag, a header.
		// They are the parser's, in English: they go into the message
		// as it gives them.
		var ye yaml.Error
		var me *message.Error
		switch {
		case errors.As(err, &me): // the parser panicked
			d.Add(0, 0, "", message.New("errors.yaml.invalid", map[string]any{"Error": me}), err)
		case errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil:
			p := ye.GetToken().Position
			d.Add(max(p.Line, 1), max(p.Column, 1), "", message.New("errors.yaml.invalid", map[string]any{"Error": excerpt.Text(ye.GetMessage())}), err)
		default:
			d.Add(0, 0, "", message.New("errors.yaml.invalid", map[string]any{"Error": excerpt.Text(err.Error())}), err)
		}
		return At{}, false
	}
	var body ast.Node
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if body != nil {
			line, col := position(doc.Body)
			d.Add(line, col, "", message.New("errors.yaml.second_document", map[string]any{"Format": d.format.Name}), nil)
			break
		}
		body = doc.Body
	}
	if _, null := body.(*ast.NullNode); null || body == nil {
		d.Add(0, 0, "", message.New("errors.yaml.empty", map[string]any{"Expected": d.format.Expected}), nil)
		return At{}, false
	}
	ast.Walk(anchorCollector{d}, body)
	for _, as := range d.anchors {
		slices.SortStableFunc(as, func(a, b anchorAt) int {
			return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col))
		})
	}
	line, col := position(body)
	doc = At{node: body, Line: line, Col: col}
	doc.node = d.resolve(doc)
	return doc, doc.node != nil
}

type anchorCollector struct{ d *Decoder }

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
func (d *Decoder) resolve(a At) ast.Node {
	n := a.node
	for range 64 {
		if d.steps++; d.steps == maxSteps {
			d.Fail(a, "errors.yaml.too_many_values", map[string]any{"Max": maxSteps, "Format": d.format.Name, "Values": d.format.Values})
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
				d.Fail(a, "errors.yaml.alias", map[string]any{"Alias": excerpt.Text(m.String())})
				return nil
			}
			n = target.Value
		default:
			return n
		}
	}
	d.Fail(a, "errors.yaml.alias_cycle", nil)
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
func (d *Decoder) anchor(alias *ast.AliasNode) *ast.AnchorNode {
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

// size says n bytes for a message: "1 MiB (1048576 bytes)", "1000 bytes".
func size(n int) message.Message {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return message.New("errors.yaml.size.mib", map[string]any{"MiB": n >> 20, "Bytes": n})
	case n >= 1<<10 && n%(1<<10) == 0:
		return message.New("errors.yaml.size.kib", map[string]any{"KiB": n >> 10, "Bytes": n})
	}
	return message.New("errors.yaml.size.bytes", map[string]any{"Count": n})
}
