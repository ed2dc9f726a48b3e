package yamlfile

import (
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"pgregory.net/rapid"

	"github.com/expatcentre/loket/examples/centres"
)

// yamlPieces are what the random texts of TestLimitsBoundTheParser are
// made of: YAML's indicators in the places where they are, and are not,
// indicators, and the text around them.
var yamlPieces = []string{
	"[", "]", "{", "}", ", ", ",", ": ", ":", "- ", "-", "? ", "?", "\n", "\r\n", "\r", " ", "  ", "    ", "\t",
	"a", "b1", "Mo[1]", "09:00-12:00", "http://x", "'", "\"", "''", `\"`, "# c", " #", "#",
	"|", "|-", "|+", ">", "&a ", "&b", "*a", "*b ", "!t ", "!!str ", "!", "<<: ", "---\n", "...\n", "%YAML 1.2\n",
	"%", "@", "`", "\\", ".", "null", "~", "1", "1.5", "true",
}

// yamlText draws a text from yamlPieces, with runs of one piece to nest
// deeply.
var yamlText = rapid.Custom(func(t *rapid.T) string {
	var b strings.Builder
	for range rapid.IntRange(0, 40).Draw(t, "pieces") {
		piece := rapid.SampledFrom(yamlPieces).Draw(t, "piece")
		b.WriteString(strings.Repeat(piece, rapid.IntRange(1, 12).Draw(t, "repeat")))
	}
	return b.String()
})

// yamlTree draws a YAML text of nested block and flow collections in
// random styles and indentation, with anchors, tags and block scalars,
// and then a few random edits.
var yamlTree = rapid.Custom(func(t *rapid.T) string {
	var b strings.Builder
	var node func(indent int, depth int, inline bool)
	scalar := func() string {
		return rapid.SampledFrom([]string{"a", "'q'", `"d"`, "1", "Mo[1] 09:00", "~", "*a", "&a x", "!t y"}).Draw(t, "scalar")
	}
	node = func(indent, depth int, inline bool) {
		pad := strings.Repeat(" ", indent)
		kind := rapid.IntRange(0, 5).Draw(t, "kind")
		if depth > 12 {
			kind = 0
		}
		switch {
		case kind == 0:
			b.WriteString(scalar())
		case kind == 1 && !inline: // a block scalar
			b.WriteString(rapid.SampledFrom([]string{"|", ">", "|-", "|+"}).Draw(t, "header"))
			for range rapid.IntRange(0, 3).Draw(t, "lines") {
				b.WriteString("\n" + pad + strings.Repeat(" ", rapid.IntRange(0, 3).Draw(t, "more")) + scalar())
			}
		case kind == 2 || kind == 1: // a flow sequence or mapping
			seq := rapid.Bool().Draw(t, "seq")
			open, close := "{", "}"
			if seq {
				open, close = "[", "]"
			}
			b.WriteString(open)
			for i := range rapid.IntRange(0, 3).Draw(t, "items") {
				if i > 0 {
					b.WriteString(rapid.SampledFrom([]string{", ", ",\n" + pad + " "}).Draw(t, "comma"))
				}
				if !seq || rapid.Bool().Draw(t, "pair") {
					b.WriteString("k: ")
				}
				node(indent+1, depth+1, true)
			}
			b.WriteString(close)
		case kind == 3 && !inline, kind == 4 && !inline: // a block mapping or sequence
			step := rapid.IntRange(0, 3).Draw(t, "step")
			in := indent + step
			b.WriteString("\n")
			for range rapid.IntRange(1, 3).Draw(t, "entries") {
				b.WriteString(strings.Repeat(" ", in))
				b.WriteString(rapid.SampledFrom([]string{"- ", "k: ", "&x k: ", "? k\n" + strings.Repeat(" ", in) + ": ", "- k: ", "- - "}).Draw(t, "entry"))
				node(in+2, depth+1, false)
				b.WriteString("\n")
			}
		default:
			b.WriteString(scalar())
		}
	}
	node(0, 0, false)
	src := []rune(b.String())
	for range rapid.IntRange(0, 3).Draw(t, "edits") {
		i := rapid.IntRange(0, len(src)).Draw(t, "at")
		piece := []rune(rapid.SampledFrom(yamlPieces).Draw(t, "piece"))
		if rapid.Bool().Draw(t, "delete") && i < len(src) {
			src = append(src[:i], src[i+1:]...)
		} else {
			src = append(src[:i], append(piece, src[i:]...)...)
		}
	}
	return string(src)
})

// The limits hold the parser's cost: the tokens counted are at least the
// tokens of the lexer, and the depth is at least the depth of the syntax
// tree of every text the parser accepts.
func TestLimitsBoundTheParser(t *testing.T) {
	check := func(t interface {
		Helper()
		Fatalf(string, ...any)
	}, src string) {
		t.Helper()
		d := NewDecoder("t.yaml", []byte(src), Format{})
		estimate, _, _, ok := d.scanText(1 << 30)
		if !ok {
			return
		}
		tokens := lexer.Tokenize(src)
		if estimate < len(tokens) {
			t.Fatalf("%q: %d tokens counted, the lexer makes %d", src, estimate, len(tokens))
		}
		depth := measure(tokens).depth
		file, err := parser.Parse(tokens, 0, parser.AllowDuplicateMapKey())
		if err != nil {
			return
		}
		for _, doc := range file.Docs {
			if tree := treeDepth(doc.Body); tree > depth {
				t.Fatalf("%q: depth %d counted, the syntax tree is %d deep", src, depth, tree)
			}
		}
	}
	check(t, string(centres.Maastricht()))
	for _, src := range []string{
		"a:\n- b:\n  - c: [d, {e: f}]\n", "- - - - x\n", "[a: b, [c: d]]", "&x a:\n  &y b:\n    &z c: 1\n",
		"? a\n: b\n", "a: |\n  [x\nb: [\n  c]\n", "- [a,\n  - b]\n",
	} {
		check(t, src)
	}
	rapid.Check(t, func(t *rapid.T) { check(t, yamlText.Draw(t, "src")) })
	rapid.Check(t, func(t *rapid.T) { check(t, yamlTree.Draw(t, "src")) })
}

// treeDepth returns how deeply the lists and mappings of n nest.
func treeDepth(n ast.Node) int {
	v := &depthVisitor{}
	ast.Walk(v, n)
	return v.max
}

type depthVisitor struct {
	depth int
	max   int
	top   *depthVisitor
}

func (v *depthVisitor) Visit(n ast.Node) ast.Visitor {
	top := v.top
	if top == nil {
		top = v
	}
	switch n.(type) {
	case *ast.MappingNode, *ast.SequenceNode:
		top.max = max(top.max, v.depth+1)
		return &depthVisitor{depth: v.depth + 1, top: top}
	}
	return v
}

// A real centre file nests 6 or 7 deep, and has about one token in 11
// bytes: the limits leave room for files far larger and deeper.
func TestMaastrichtWithinLimits(t *testing.T) {
	src := centres.Maastricht()
	d := NewDecoder("maastricht.yaml", src, Format{})
	estimate, _, _, ok := d.scanText(1 << 30)
	if !ok {
		t.Fatal(d.errs)
	}
	depth := measure(lexer.Tokenize(string(src))).depth
	if depth > 8 || estimate > len(src)/10 {
		t.Errorf("maastricht.yaml: depth %d, %d tokens in %d bytes", depth, estimate, len(src))
	}
}
