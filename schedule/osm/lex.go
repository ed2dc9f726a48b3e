package osm

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/expatcentre/loket/internal/excerpt"
)

// SyntaxError reports a malformed opening_hours expression. Column counts
// characters (not bytes) from 1, so a caret can be printed under it.
type SyntaxError struct {
	Expr   string // the whole expression
	Column int    // 1-based column of the offending character; len+1 at the end
	Msg    string // what was expected and what was found
}

// Error implements error: "column 7: expected a time like 09:00, found "9h"".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("column %d: %s", e.Column, e.Msg)
}

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
func (t token) describe() string {
	if t.kind == tEOF {
		return "the end of the expression"
	}
	return excerpt.Quote(t.text)
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
		return nil, &SyntaxError{Expr: expr, Column: utf8.RuneCountInString(expr[:end]) + 1,
			Msg: fmt.Sprintf("the expression is %d bytes long: at most %d are accepted", len(expr), MaxExpressionLength)}
	}
	var toks []token
	col := 1
	for i := 0; i < len(expr); {
		r, size := utf8.DecodeRuneInString(expr[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return nil, &SyntaxError{Expr: expr, Column: col, Msg: "the expression is not valid UTF-8"}
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
				return nil, &SyntaxError{Expr: expr, Column: col, Msg: fmt.Sprintf("number %q is too large", digits)}
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
				return nil, &SyntaxError{Expr: expr, Column: col, Msg: "comment is not closed: expected a closing \" (double quote)"}
			}
			text := expr[i+1 : i+1+j]
			if text == "" {
				return nil, &SyntaxError{Expr: expr, Column: col, Msg: "comment is empty: expected text between the double quotes"}
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
			return nil, &SyntaxError{Expr: expr, Column: col, Msg: `found a single "|": the fallback separator is "||"`}
		case strings.ContainsRune(":-,;[]/+", r):
			toks = append(toks, token{kind: tPunct, text: string(r), col: col, end: col + 1})
			i += size
			col++
		default:
			return nil, &SyntaxError{Expr: expr, Column: col, Msg: fmt.Sprintf("unexpected character %q", r)}
		}
	}
	toks = append(toks, token{kind: tEOF, col: col, end: col})
	return toks, nil
}
