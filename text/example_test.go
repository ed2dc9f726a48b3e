package text_test

import (
	"fmt"

	"github.com/expatcentre/loket/text"
)

func ExampleText_In() {
	closed := text.Text{NL: "personeelsdag", EN: "staff day"}
	for _, l := range text.Langs() {
		fmt.Printf("%s: %s\n", l, closed.In(l))
	}
	// Output:
	// nl: personeelsdag
	// en: staff day
}
