package centre_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/examples/centres"
)

// FuzzLoad checks that Load never panics, and returns either a centre or
// errors that each name a place in the file (or the whole file) with a
// message that quotes at most 80 characters of a value.
func FuzzLoad(f *testing.F) {
	f.Add(centres.Maastricht())
	files, _ := filepath.Glob("testdata/*/*.yaml")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	// Hostile input: deep nesting (which ran the parser out of memory),
	// long scalars, aliases that multiply ("billion laughs"), long lists,
	// a mapping of many keys, many blank lines, a byte-order mark, invalid
	// UTF-8 and control characters, each just over a limit or long enough
	// to be cut in a message, and small enough to keep the fuzzer fast.
	for _, seed := range []string{
		strings.Repeat("[", 200),
		strings.Repeat("{a: ", 200),
		strings.Repeat("- ", 200) + "x\n",
		deepBlock(110),
		"id: " + strings.Repeat("x", 2000) + "\n",
		"id: \"" + strings.Repeat("\\u00e9", 500) + "\"\n",
		"desks: [" + strings.Repeat("1,", 200) + "1]\n",
		billionLaughs,
		strings.Repeat("k: v\n", 1001),
		"a: |\n  x" + strings.Repeat("\n", 30) + "b: 1\n",
		"\uFEFFid: x\n",
		"id: x\nname: {nl: \"a\xff\", en: b}\n",
		"id: x\x00\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := centre.Load("fuzz.yaml", data)
		if err == nil {
			if c == nil || len(c.Desks) == 0 || c.Location == nil {
				t.Fatalf("Load returned %+v and no error", c)
			}
			return
		}
		if c != nil {
			t.Fatalf("Load returned a centre with the error %v", err)
		}
		var errs centre.Errors
		if !errors.As(err, &errs) || len(errs) == 0 {
			t.Fatalf("error %v (%T), want centre.Errors", err, err)
		}
		for _, e := range errs {
			fileLevel := e.Line == 0 && e.Column == 0 && (e.Path == "" || e.Path == "time_zone")
			if !fileLevel && (e.Line <= 0 || e.Column <= 0) || e.Msg == "" || e.File != "fuzz.yaml" {
				t.Fatalf("error without a place: %#v", e)
			}
			if n := len(e.Path) + len(e.Msg); n > 2000 {
				t.Fatalf("an error of %d bytes: %.300s", n, e)
			}
		}
	})
}

// deepBlock returns a mapping nested n deep by indentation.
func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	return b.String()
}

// billionLaughs is a file whose aliases multiply: ten levels of ten
// aliases each stand for 10^10 values.
var billionLaughs = func() string {
	var b strings.Builder
	b.WriteString("id: x\nname: {nl: a, en: b}\nl0: &l0 [lol]\n")
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 10), ", "))
	}
	b.WriteString("desks: *l10\n")
	return b.String()
}()
