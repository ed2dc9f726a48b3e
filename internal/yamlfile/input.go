package yamlfile

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/token"

	"github.com/expatcentre/loket/internal/message"
)

// The checks here run before the YAML parser (github.com/goccy/go-yaml)
// sees a file, so that no file can make it slow or take much memory: its
// memory grows with the number of tokens times the depth of nesting (a
// file of 100,000 "[" made it run out of memory), its time with the
// square of the keys of a block mapping and of the blank lines that end a
// block scalar. checkInput reads the bytes; checkLayout reads the tokens
// of the parser's lexer, whose cost is linear in the number of tokens
// checkInput has bounded. Each refuses the file with one error at the
// place where it goes wrong.

// checkInput checks the file's bytes against the limits: its size, its
// encoding (UTF-8 without a byte-order mark or control characters), its
// blank lines and its number of YAML tokens. It records an error and
// returns false at the first problem.
func (d *Decoder) checkInput() bool {
	src := d.src
	if maxSize := d.format.maxSize(); len(src) > maxSize {
		line, col := lineCol(src, maxSize)
		d.Add(line, col, "", message.New("errors.yaml.too_large", map[string]any{"Size": size(maxSize), "Format": d.format.Name}), ErrTooLarge)
		return false
	}
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		d.Add(1, 1, "", message.New("errors.yaml.bom", nil), nil)
		return false
	}
	maxTokens := d.format.maxTokens()
	tokens, off, probe, ok := d.scanText(maxTokens)
	if !ok {
		return false
	}
	if tokens > maxTokens {
		// A file nested too deep goes over the limit on tokens too; say
		// what went wrong first, when it goes wrong in the first
		// probeTokens tokens, which are few enough to lex.
		if l := measure(lexer.Tokenize(string(src[:probe]))); l.at != nil {
			d.checkLayout(l)
			return false
		}
		line, col := lineCol(src, off)
		d.Add(line, col, "", message.New("errors.yaml.too_many_tokens", map[string]any{"Max": maxTokens, "Size": size(d.format.maxSize())}), ErrTooLarge)
		return false
	}
	return true
}

// probeTokens is how many tokens at the start of a file with too many
// tokens checkInput lexes, to tell a file nested too deep.
const probeTokens = DefaultMaxSize / tokensPerByte

// scanText reads the file's characters up to the place (the byte offset
// off) where it has more than maxTokens tokens, and returns an upper bound
// on the tokens that goccy/go-yaml's lexer makes of them, and the place
// (probe) where it has more than probeTokens, or off. It records an error
// and returns false for a character that is not UTF-8 or not allowed in
// YAML, and for too many blank lines in a row.
func (d *Decoder) scanText(maxTokens int) (tokens, off, probe int, ok bool) {
	src := d.src
	var (
		line, col = 1, 1
		lineStart = true  // nothing but blanks since the start of the line
		blank     = 0     // blank lines in a row before this one
		run       = false // in a run of characters that may be one scalar
		directive = false // in a line that holds a "%"
	)
	tokens = 1 // for the last run, or a token the lexer makes of nothing
	probe = -1
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			d.Add(line, col, "", message.New("errors.yaml.utf8", map[string]any{"Byte": fmt.Sprintf("0x%02X", src[i])}), nil)
			return tokens, i, i, false
		case r == '\uFEFF':
			d.Add(line, col, "", message.New("errors.yaml.bom_inside", nil), nil)
			return tokens, i, i, false
		case !printable(r):
			d.Add(line, col, "", message.New("errors.yaml.control", map[string]any{"Char": fmt.Sprintf("%U", r)}), nil)
			return tokens, i, i, false
		}
		// Every character that may be (or start) a token of its own
		// counts, and so does every run of other characters, which may
		// be one scalar. See tokenWeight.
		w := tokenWeight(src, i, r, col)
		if directive && r == ' ' {
			w = 1 // a directive's parameters are tokens
		}
		directive = directive || r == '%'
		if w > 0 || r == '\n' || r == '\r' {
			if run {
				tokens++
			}
			run = false
			tokens += w
		} else if r != ' ' {
			run = true
		}
		if tokens > probeTokens && probe < 0 {
			probe = i
		}
		if tokens > maxTokens {
			if probe < 0 {
				probe = i
			}
			return tokens, i, probe, true
		}
		i += n
		switch {
		case r == '\r' && i < len(src) && src[i] == '\n':
			col++ // the line ends at the \n
		case r == '\n' || r == '\r':
			if !lineStart {
				blank = 0
			} else if blank++; blank > maxBlankLines {
				d.Add(line, 1, "", message.New("errors.yaml.blank_lines", map[string]any{"Max": maxBlankLines}), nil)
				return tokens, i, i, false
			}
			line, col, lineStart, directive = line+1, 1, true, false
		default:
			col++
			lineStart = lineStart && (r == ' ' || r == '\t')
		}
	}
	return tokens, len(src), len(src), true
}

// tokenWeight returns how many tokens the character r at src[i], in
// column col, may start in goccy/go-yaml's lexer, reading every character
// in the way that gives the most: a flow indicator or a quote is always
// counted, a colon unless it is in a URL, a dash when a space or the end
// of the line follows it. Anchors, aliases and block scalar headers count
// twice: for the token that follows them without an indicator.
func tokenWeight(src []byte, i int, r rune, col int) int {
	next := byte(0)
	if i+1 < len(src) {
		next = src[i+1]
	}
	switch r {
	case '[', ']', '{', '}', ',', '?', '!', '#', '\'', '"', '@', '`', '<', '%', '\t':
		return 1 // a tab may be an error, which the lexer makes a token of
	case '&', '*', '|', '>':
		return 2
	case ':':
		if next != '/' {
			return 1
		}
	case '-':
		if next == 0 || next == ' ' || next == '\t' || next == '\n' || next == '\r' {
			return 1
		}
	case '.':
		if col == 1 && bytes.HasPrefix(src[i:], []byte("...")) {
			return 1
		}
	}
	return 0
}

// printable reports whether YAML allows the character r in a file (the
// production c-printable of YAML 1.2): tabs and line breaks, but no other
// control characters.
func printable(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20 || r == 0x7F:
		return false
	case r >= 0x80 && r < 0xA0:
		return r == 0x85
	case r == 0xFFFE || r == 0xFFFF:
		return false
	}
	return true
}

// lineCol returns the line and column (in characters, from 1) of byte
// off of src, counting a line break as goccy/go-yaml does: \n, \r\n or
// a lone \r.
func lineCol(src []byte, off int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < off && i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		i += n
		switch {
		case r == '\r' && i < len(src) && src[i] == '\n':
		case r == '\n' || r == '\r':
			line, col = line+1, 1
			continue
		}
		col++
	}
	return line, col
}

// layout is how the lists and mappings of a file's tokens nest.
type layout struct {
	depth int // how deeply they nest
	keys  int // the most keys of one block mapping
	// at is the first token that goes deeper than MaxDepth or has more
	// than maxKeys keys before it in its mapping; nil when there is none.
	at *token.Position
}

// checkLayout records an error and returns false when l goes beyond
// MaxDepth or maxKeys.
func (d *Decoder) checkLayout(l layout) bool {
	if l.at == nil {
		return true
	}
	msg := message.New("errors.yaml.too_deep", map[string]any{"Max": MaxDepth, "Format": d.format.Name, "Depth": d.format.Depth})
	if l.depth <= MaxDepth {
		msg = message.New("errors.yaml.too_many_keys", map[string]any{"Max": maxKeys, "Format": d.format.Name, "Keys": d.format.Keys})
	}
	d.Add(max(l.at.Line, 1), max(l.at.Column, 1), "", msg, nil)
	return false
}

// measure returns the layout of the tokens, up to the first token that
// goes beyond MaxDepth or maxKeys.
//
// The depth counted is at least the depth of the syntax tree the parser
// would build (TestLimitsBoundTheParser checks it). Flow collections
// ([...] and {...}) nest by their brackets; a flow sequence that holds
// "key: value" pairs or "- " entries holds a mapping or a sequence, one
// level more. Block collections nest by the column of their indicators (a
// "- " entry, or the key before a ":"): a block collection is nested in
// those before it in smaller columns; in the same column, a sequence may
// be the value of a key, and a mapping the value of a "- " with nothing
// after it on its line (goccy/go-yaml nests "-\nk:\n-\nk:" ever deeper).
func measure(tokens token.Tokens) (l layout) {
	type flowLevel struct {
		seq   bool // a flow sequence, else a flow mapping
		inner int  // the collections nested in its current item
		pair  bool // the current item of a sequence is a key and value
		colon bool // the current item has a ":"
	}
	type blockLevel struct {
		col  int
		seq  bool
		open bool // its last "- " or "? " has nothing after it on its line
		line int  // the line of its last "- " or "? "
		keys int  // of a mapping
	}
	var (
		flow      []flowLevel
		flowDepth int // the levels of flow, counting inner collections
		block     []blockLevel
		// segment is the smallest column of the tokens outside flow
		// collections since the last indicator: a key that ends with a
		// ":" starts there or after (it may be an anchor and a text of
		// several lines).
		segment = 0
		key     *token.Position // the last token in that column
		newSeg  = true          // the next token starts a segment
		prev    token.Type
		// An anchor or a tag that ends its line, outside flow
		// collections, nests the next line whatever its column.
		propLine  int  // the line of the last anchor or tag
		propOpen  bool // nothing after it on its line yet
		forceLine int  // the line after it
	)
	top := func() *blockLevel { return &block[len(block)-1] }
	// nest records a block collection whose indicator is in column col.
	nest := func(col, line int, seq, opens bool) {
		level := blockLevel{col: col, seq: seq, open: opens, line: line, keys: 1}
		if line == forceLine {
			// The value of an anchor or tag that ends its line: goccy/go-yaml
			// nests it whatever its column.
			block = append(block, level)
			return
		}
		for len(block) > 0 && top().col > col {
			block = block[:len(block)-1]
		}
		if len(block) == 0 || top().col < col {
			block = append(block, level)
			return
		}
		switch t := top(); {
		case t.open:
			// The value of a "- " or "? " with nothing after it on its
			// line.
			t.open = false
			block = append(block, level)
		case t.seq == seq:
			t.open, t.line = opens, line // the next entry or key
			if !seq {
				t.keys++
				l.keys = max(l.keys, t.keys)
			}
		case !seq:
			// A key in the column of a sequence ends the sequence, which
			// was the value of a key before it.
			block = block[:len(block)-1]
			if len(block) == 0 || top().col != col || top().seq {
				block = append(block, level)
			} else {
				top().open, top().line = opens, line
				top().keys++
				l.keys = max(l.keys, top().keys)
			}
		default: // a sequence as the value of a key
			block = append(block, level)
		}
	}
	// inner records the collections that the token typ nests in the
	// current item of the innermost flow collection: a block sequence for
	// each "- " ("- - a" nests two), a mapping for the first key of an
	// item of a sequence, and a mapping for every ":" after the first one
	// of an item ("{a:\n b: c}" holds {b: c}).
	inner := func(typ token.Type) {
		t := &flow[len(flow)-1]
		n := 0
		switch typ {
		case token.SequenceEntryType:
			n = 1
		case token.MappingKeyType:
			if t.seq && !t.pair {
				n, t.pair = 1, true
			}
		case token.MappingValueType:
			if t.seq && !t.pair {
				n, t.pair = 1, true
			} else if t.colon {
				n = 1
			}
			t.colon = true
		}
		t.inner += n
		flowDepth += n
	}
	for _, tk := range tokens {
		if tk.Position == nil || tk.Type == token.CommentType {
			continue
		}
		p := tk.Position
		// An anchor or a tag is not the value of the entry it follows.
		property := tk.Type == token.AnchorType || tk.Type == token.TagType || prev == token.AnchorType
		if len(block) > 0 && top().open && p.Line == top().line && !property {
			top().open = false // the entry has a value on its line
		}
		switch {
		case propOpen && p.Line > propLine:
			forceLine, propOpen = p.Line, false
		case propOpen && !property:
			propOpen = false
		}
		if property && len(flow) == 0 {
			propLine, propOpen = p.Line, true
		}
		// The text of a block scalar ("|" or ">") is where its lines
		// are, not in a column.
		text := prev == token.LiteralType || prev == token.FoldedType
		prev = tk.Type
		if len(flow) == 0 && !text && tk.Type != token.MappingValueType {
			if newSeg {
				segment, newSeg = p.Column, false
			}
			if p.Column <= segment {
				segment, key = p.Column, p
			}
		}
		switch tk.Type {
		case token.DocumentHeaderType, token.DocumentEndType:
			flow, flowDepth, block, newSeg = nil, 0, nil, true
		case token.SequenceStartType, token.MappingStartType:
			flow = append(flow, flowLevel{seq: tk.Type == token.SequenceStartType})
			flowDepth++
		case token.SequenceEndType, token.MappingEndType:
			if n := len(flow); n > 0 && flow[n-1].seq == (tk.Type == token.SequenceEndType) {
				flowDepth -= 1 + flow[n-1].inner
				flow = flow[:n-1]
			}
		case token.CollectEntryType:
			if n := len(flow); n > 0 {
				flowDepth -= flow[n-1].inner
				flow[n-1].inner, flow[n-1].pair, flow[n-1].colon = 0, false, false
			}
		case token.SequenceEntryType:
			if len(flow) > 0 {
				inner(tk.Type)
			} else {
				nest(p.Column, p.Line, true, true)
				newSeg = true
			}
		case token.MappingKeyType, token.MappingValueType:
			switch {
			case len(flow) > 0:
				inner(tk.Type)
			case tk.Type == token.MappingKeyType:
				nest(p.Column, p.Line, false, true)
				newSeg = true
			case newSeg: // no key: a ":" after an indicator
				nest(p.Column, p.Line, false, false)
			default:
				nest(segment, p.Line, false, false)
				newSeg = true
			}
		}
		l.depth = max(l.depth, flowDepth+len(block))
		if l.depth > MaxDepth || l.keys > maxKeys {
			l.at = p
			if tk.Type == token.MappingValueType && len(flow) == 0 && key != nil {
				l.at = key // the key, rather than its colon
			}
			return l
		}
	}
	return l
}
