package osm

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/expatcentre/loket/internal/excerpt"
	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/text"
)

// SyntaxError reports a malformed opening_hours expression. Column counts
// characters (not bytes) from 1, so a caret can be printed under it.
type SyntaxError struct {
	Expr   string // the whole expression
	Column int    // 1-based column of the offending character; len+1 at the end
	Msg    string // what was expected and what was found, in English

	msg message.Message // Msg in either language; zero: Msg in both
}

// syntaxError returns the error msg at column col of expr.
func syntaxError(expr string, col int, msg message.Message) *SyntaxError {
	return &SyntaxError{Expr: expr, Column: col, Msg: msg.In(text.English), msg: msg}
}

// Error implements error: "column 7: expected a time like 09:00, found "9h"".
func (e *SyntaxError) Error() string { return e.In(text.English) }

// In returns the error in language l: "kolom 7: verwacht een tijd zoals
// 09:00, gevonden: "9h"". What the expression holds is quoted as written.
// A SyntaxError made without Parse has its Msg in every language.
func (e *SyntaxError) In(l text.Lang) string {
	var msg any = e.Msg
	if !e.msg.IsZero() {
		msg = e.msg
	}
	return message.New("errors.osm.column", map[string]any{"Column": e.Column, "Message": msg}).In(l)
}

// quoted is text quoted from an expression or a rule, the same in every
// language.
type quoted string

func (q quoted) In(text.Lang) string { return string(q) }

type tokKind uint8

const (
	tEOF     tokKind = iota
	tWord            // letters: Mo, Dec, week, easter, open, PH, day(s)
	tNum             // digits
	tPunct           // one of : - , ; [ ] / +
	tOr              // ||
	tComment         // "text" (text without the quotes)
	t247             // 24/7
)

type token struct {
	kind tokKind
	text string // for tWord: as written; tNum: digits; tPunct: the character; tComment: the text
	num  int    // value of tNum
	col  int    // 1-based column of the first character
	end  int    // 1-based column just after the token
}

// describe renders a token for "found ..." in messages.
func (t token) describe() message.Localized {
	if t.kind == tEOF {
		return m("errors.osm.end")
	}
	return quoted(excerpt.Quote(t.text))
}

// MaxExpressionLength is the length in bytes of the longest expression
// ParseOSM accepts (and of the hours of an exception or recurrence), so
// that no input can make compiling or evaluating a schedule expensive.
// OpenStreetMap itself limits a tag value to 255 characters.
const MaxExpressionLength = 4096

// lex splits expr into tokens. It fails on characters that never occur in
// the supported syntax, with the column of the first such character, and
// on an expression longer than MaxExpressionLength.
func lex(expr string) ([]token, error) {
	if len(expr) > MaxExpressionLength {
		end := MaxExpressionLength // the start of the character that passes the limit
		for end > 0 && !utf8.RuneStart(expr[end]) {
			end--
		}
		return nil, syntaxError(expr, utf8.RuneCountInString(expr[:end])+1,
			message.New("errors.osm.too_long", map[string]any{"Length": len(expr), "Max": MaxExpressionLength}))
	}
	var toks []token
	col := 1
	for i := 0; i < len(expr); {
		r, size := utf8.DecodeRuneInString(expr[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return nil, syntaxError(expr, col, m("errors.osm.utf8"))
		case unicode.IsSpace(r): // spaces; also tabs and the newline a YAML block scalar leaves
			i += size
			col++
		case strings.HasPrefix(expr[i:], "24/7"):
			toks = append(toks, token{kind: t247, text: "24/7", col: col, end: col + 4})
			i += 4
			col += 4
		case r >= '0' && r <= '9':
			j := i
			for j < len(expr) && expr[j] >= '0' && expr[j] <= '9' {
				j++
			}
			digits := expr[i:j]
			n, err := strconv.Atoi(digits)
			if err != nil || len(digits) > 6 {
				return nil, syntaxError(expr, col, message.New("errors.osm.number", map[string]any{"Number": strconv.Quote(digits)}))
			}
			toks = append(toks, token{kind: tNum, text: digits, num: n, col: col, end: col + (j - i)})
			col += j - i
			i = j
		case unicode.IsLetter(r):
			j := i
			n := 0
			for j < len(expr) {
				r2, s2 := utf8.DecodeRuneInString(expr[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += s2
				n++
			}
			toks = append(toks, token{kind: tWord, text: expr[i:j], col: col, end: col + n})
			col += n
			i = j
		case r == '"':
			j := strings.IndexByte(expr[i+1:], '"')
			if j < 0 {
				return nil, syntaxError(expr, col, m("errors.osm.comment_open"))
			}
			text := expr[i+1 : i+1+j]
			if text == "" {
				return nil, syntaxError(expr, col, m("errors.osm.comment_empty"))
			}
			n := utf8.RuneCountInString(text) + 2
			toks = append(toks, token{kind: tComment, text: text, col: col, end: col + n})
			col += n
			i += j + 2
		case r == '|':
			if strings.HasPrefix(expr[i:], "||") {
				toks = append(toks, token{kind: tOr, text: "||", col: col, end: col + 2})
				i += 2
				col += 2
				continue
			}
			return nil, syntaxError(expr, col, m("errors.osm.single_bar"))
		case strings.ContainsRune(":-,;[]/+", r):
			toks = append(toks, token{kind: tPunct, text: string(r), col: col, end: col + 1})
			i += size
			col++
		default:
			return nil, syntaxError(expr, col, message.New("errors.osm.character", map[string]any{"Char": fmt.Sprintf("%q", r)}))
		}
	}
	toks = append(toks, token{kind: tEOF, col: col, end: col})
	return toks, nil
}
