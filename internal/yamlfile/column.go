package yamlfile

import (
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// CharPos returns the line and column in the file of character i (from 0)
// of the text at a, or of the place just after the text when i is its
// length. It follows plain and quoted scalars on one line and literal
// blocks ("|"); for anything else (folded or multi-line scalars) it returns
// false, and the caller points at the text as a whole instead.
func (d *Decoder) CharPos(a At, i int) (line, col int, ok bool) {
	if i < 0 {
		return 0, 0, false
	}
	var places [][2]int
	switch n := a.node.(type) {
	case *ast.StringNode:
		places = d.scalarPlaces(n.GetToken(), n.Value)
	case *ast.LiteralNode:
		if n.Start != nil && n.Start.Type == token.LiteralType && n.Value != nil {
			places = d.literalPlaces(n.Start, n.Value.Value)
		}
	}
	if i >= len(places) {
		return 0, 0, false
	}
	return places[i][0], places[i][1], true
}

// line returns line l of the source (from 1) as characters. It keeps the
// lines it has converted: a file may have thousands of errors on one long
// line.
func (d *Decoder) line(l int) []rune {
	if d.lines == nil {
		d.lines = strings.Split(string(d.src), "\n")
		d.runes = map[int][]rune{}
	}
	if l < 1 || l > len(d.lines) {
		return nil
	}
	if r, ok := d.runes[l]; ok {
		return r
	}
	r := []rune(strings.TrimSuffix(d.lines[l-1], "\r"))
	d.runes[l] = r
	return r
}

// scalarPlaces maps each character of a one-line plain or quoted scalar,
// and the place after it, to its line and column. It returns nil when the
// source does not spell the value on one line.
func (d *Decoder) scalarPlaces(tk *token.Token, value string) [][2]int {
	if tk == nil || tk.Position == nil {
		return nil
	}
	l, c := tk.Position.Line, tk.Position.Column
	src := d.line(l)
	v := []rune(value)
	places := make([][2]int, 0, len(v)+1)
	j := c - 1 // index into src
	switch tk.Type {
	case token.StringType:
	case token.SingleQuoteType, token.DoubleQuoteType:
		j++ // the opening quote
	default:
		return nil
	}
	for k := 0; k < len(v); k++ {
		if j >= len(src) {
			return nil
		}
		switch {
		case tk.Type == token.SingleQuoteType && src[j] == '\'':
			if j+1 >= len(src) || src[j+1] != '\'' || v[k] != '\'' {
				return nil
			}
			places = append(places, [2]int{l, j + 1})
			j += 2
			continue
		case tk.Type == token.DoubleQuoteType && src[j] == '\\':
			if j+1 >= len(src) {
				return nil
			}
			width := 2
			switch src[j+1] {
			case 'x':
				width = 4
			case 'u':
				width = 6
			case 'U':
				width = 10
			}
			places = append(places, [2]int{l, j + 1})
			j += width
			continue
		case src[j] != v[k]:
			return nil
		}
		places = append(places, [2]int{l, j + 1})
		j++
	}
	return append(places, [2]int{l, j + 1})
}

// literalPlaces maps each character of a literal block scalar ("|", "|-"
// or "|+", without an indentation indicator) whose header is tk, and the
// place after it, to its line and column.
func (d *Decoder) literalPlaces(tk *token.Token, value string) [][2]int {
	if tk == nil || tk.Position == nil || strings.ContainsAny(tk.Value, "123456789") {
		return nil
	}
	// The content starts on the line after the header, indented as its
	// first line that is not blank.
	first := tk.Position.Line + 1
	indent := 0
	for l := first; l <= first+len(value); l++ {
		src := d.line(l)
		if strings.TrimSpace(string(src)) != "" {
			for indent < len(src) && src[indent] == ' ' {
				indent++
			}
			break
		}
	}
	if indent == 0 {
		return nil
	}
	l, c := first, indent+1
	src := d.line(l)
	places := make([][2]int, 0, len(value)+1)
	for _, r := range value {
		places = append(places, [2]int{l, c})
		if r == '\n' {
			l++
			src, c = d.line(l), indent+1
			continue
		}
		if c-1 >= len(src) || src[c-1] != r {
			return nil
		}
		c++
	}
	if strings.HasSuffix(value, "\n") {
		// Just after the value is the end of its last line.
		return append(places, places[len(places)-1])
	}
	return append(places, [2]int{l, c})
}
