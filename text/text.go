// Package text holds loket's one bilingual text: a name or sentence in
// Dutch and in English, as written in a centre file or a holiday rule, and
// the two languages loket speaks.
//
// It is a leaf: it imports nothing of loket and nothing heavy, so that any
// package, down to the query side that runs in a browser, can hold texts.
package text

// Lang is one of the two languages loket speaks. The zero value is Dutch,
// the language of the first centre.
type Lang uint8

const (
	// Dutch (nl).
	Dutch Lang = iota
	// English (en, written as in en-GB).
	English
)

// Langs returns the languages loket speaks, Dutch first: a new slice on each
// call.
func Langs() []Lang { return []Lang{Dutch, English} }

// String returns the BCP 47 code: "nl" or "en".
func (l Lang) String() string {
	if l == English {
		return "en"
	}
	return "nl"
}

// ParseLang returns the language of a BCP 47 code whose primary subtag is
// nl or en, in any case ("nl", "nl-BE", "EN-gb"), and false for anything
// else.
func ParseLang(code string) (Lang, bool) {
	if len(code) < 2 || len(code) > 2 && code[2] != '-' && code[2] != '_' {
		return Dutch, false
	}
	switch lower(code[0]) + lower(code[1]) {
	case "nl":
		return Dutch, true
	case "en":
		return English, true
	}
	return Dutch, false
}

func lower(c byte) string {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return string(rune(c))
}

// Text is a name or sentence in Dutch and English. Either may be empty
// when a source gives only one; In then falls back on the other.
type Text struct {
	NL string `json:"nl"`
	EN string `json:"en"`
}

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t.NL == "" && t.EN == "" }

// In returns the text in language l, or in the other language when that
// one is empty.
func (t Text) In(l Lang) string {
	first, second := t.NL, t.EN
	if l == English {
		first, second = second, first
	}
	if first != "" {
		return first
	}
	return second
}
