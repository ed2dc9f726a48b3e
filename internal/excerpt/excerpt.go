// Package excerpt shortens user input for error messages: a message
// quotes at most [Max] characters of an offending value, however long the
// value is, so that a 100 MB value is not echoed back on standard error.
package excerpt

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Max is the most characters of a value that a message quotes.
const Max = 80

// Quote returns s quoted as by strconv.Quote. When s is longer than Max
// characters, it quotes the first Max and says how long s is:
// "aaa…"… (1048576 characters).
func Quote(s string) string {
	head, cut := cutAt(s)
	if !cut {
		return strconv.Quote(s)
	}
	return strconv.Quote(head) + more(s)
}

// Text returns s on one line, for a message that shows a value as
// written (a JSON number or array): control characters, line breaks
// included, become spaces. When s is longer than Max characters, it keeps
// the first Max and says how long s is: [1,1,1,… (1048576 characters).
func Text(s string) string {
	head, cut := cutAt(s)
	head = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, head)
	if !cut {
		return head
	}
	return head + more(s)
}

// cutAt returns the first Max characters of s, and whether that is not
// all of s.
func cutAt(s string) (string, bool) {
	end := 0
	for n := 0; n < Max; n++ {
		if end == len(s) {
			return s, false
		}
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return s[:end], end < len(s)
}

// more says how long the cut string s is.
func more(s string) string {
	return fmt.Sprintf("… (%d characters)", utf8.RuneCountInString(s))
}
