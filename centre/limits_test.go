package centre_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/examples/centres"
)

// padded returns the Maastricht file with a comment at its end that makes
// it size bytes long.
func padded(size int) []byte {
	data := string(centres.Maastricht())
	return []byte(data + "# " + strings.Repeat("x", size-len(data)-3) + "\n")
}

// paddedPlace is the line and column, "313:1034685", of the first byte of
// padded(...) past limit: in the comment after the Maastricht file, so
// that the cases need no change when that file does.
func paddedPlace(limit int) string {
	data := centres.Maastricht()
	return fmt.Sprintf("%d:%d", bytes.Count(data, []byte("\n"))+1, limit+1-len(data))
}

// Load refuses input beyond its limits with one error at the place where
// it goes beyond them, having allocated less than 100 MB, however large
// the input (the cases too large for testdata/invalid).
func TestLimits(t *testing.T) {
	const deep = ": lists and mappings nested more than 100 deep: a centre file nests about 6 deep"
	tests := []struct {
		name  string
		data  string
		limit int    // MaxSize; 0 for the default
		want  string // the one error
		large bool   // ErrTooLarge
	}{
		{"a byte over 1 MiB", string(padded(1<<20 + 1)), 0,
			"f.yaml:" + paddedPlace(1<<20) + ": the file is larger than 1 MiB (1048576 bytes), the most a centre file may have", true},
		{"100 MB", strings.Repeat("a", 100<<20), 0,
			"f.yaml:1:1048577: the file is larger than 1 MiB (1048576 bytes), the most a centre file may have", true},
		{"a raised limit", string(padded(2<<20 + 1)), 2 << 20,
			"f.yaml:" + paddedPlace(2<<20) + ": the file is larger than 2 MiB (2097152 bytes), the most a centre file may have", true},
		{"1 MiB of zeros", strings.Repeat("\x00", 1<<20), 0,
			"f.yaml:1:1: the control character U+0000 is not allowed in YAML", false},
		{"[ x 100000", strings.Repeat("[", 100_000), 0, "f.yaml:1:101" + deep, false},
		{"{a:  x 100000", strings.Repeat("{a: ", 100_000), 0, "f.yaml:1:401" + deep, false},
		{"- x 100000", strings.Repeat("- ", 100_000), 0, "f.yaml:1:201" + deep, false},
		{"-\\nk:\\n x 100000", strings.Repeat("-\nk:\n", 100_000), 0, "f.yaml:101:1" + deep, false},
		{"1 MiB of [1,1,...]", "[" + strings.Repeat("1,", 1<<19-1), 0,
			"f.yaml:1:65537: the file has more than 65536 YAML tokens (keys, values, dashes, commas and the like), the most allowed with a size limit of 1 MiB (1048576 bytes)", true},
		{"1 MiB of keys", strings.Repeat("k: v\n", 210_000)[:1<<20], 0,
			"f.yaml:201:1: a mapping with more than 200 keys: the mappings of a centre file have at most 15", false},
		{"blank lines after a block scalar", "a: |\n  x" + strings.Repeat("\n", 1<<20-10), 0,
			"f.yaml:23:1: more than 20 blank lines in a row", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			data := []byte(tt.data)
			alloc := allocated(func() {
				_, err = centre.LoadWithLimits("f.yaml", data, centre.Limits{MaxSize: tt.limit})
			})
			var errs centre.Errors
			if !errors.As(err, &errs) || len(errs) != 1 || err.Error() != tt.want {
				t.Errorf("got %.500v\nwant %s", err, tt.want)
			}
			if errors.Is(err, centre.ErrTooLarge) != tt.large {
				t.Errorf("errors.Is(err, ErrTooLarge) = %v", !tt.large)
			}
			if alloc > 100<<20 {
				t.Errorf("%d MB allocated, want less than 100", alloc>>20)
			}
		})
	}
}

// A file within the limits loads, whatever its size: a file of 1 MiB, and
// one of 2 MiB with the limit raised.
func TestLimitsRaised(t *testing.T) {
	for _, tt := range []struct {
		size, limit int
	}{{1 << 20, 0}, {2 << 20, 2 << 20}, {100, 0}} {
		data := centres.Maastricht()
		if tt.size > len(data) {
			data = padded(tt.size)
		}
		c, err := centre.LoadWithLimits("f.yaml", data, centre.Limits{MaxSize: tt.limit})
		if err != nil || c.ID != "maastricht" {
			t.Errorf("%d bytes, limit %d: %v", len(data), tt.limit, err)
		}
	}
	// A limit below the file's size refuses it.
	_, err := centre.LoadWithLimits("f.yaml", centres.Maastricht(), centre.Limits{MaxSize: 1000})
	if !errors.Is(err, centre.ErrTooLarge) || err.Error() != "f.yaml:21:41: the file is larger than 1000 bytes, the most a centre file may have" {
		t.Errorf("limit 1000: %v", err)
	}
}

// allocated returns the bytes that f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// atTheLimits are files of 1 MiB that Load parses, each as costly as the
// limits allow: nested 99 deep with as many tokens as a file may hold, a
// scalar of 1 MiB, or mappings of 200 keys, as many as fit.
func atTheLimits() map[string][]byte {
	deepFlow := strings.Repeat("[", centre.MaxDepth-1)
	deepFlow += strings.Repeat("1,", (65536-2*len(deepFlow))/2-2) + "1" + strings.Repeat("]", centre.MaxDepth-1)
	var deepBlock strings.Builder
	for i := range centre.MaxDepth - 1 {
		deepBlock.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	for deepBlock.Len() < 1<<20-200 && strings.Count(deepBlock.String(), "-") < 65536/2-200 {
		deepBlock.WriteString(strings.Repeat(" ", centre.MaxDepth-1) + "- 1\n")
	}
	var keys strings.Builder
	for keys.Len() < 1<<20-12_000 {
		keys.WriteString("- ")
		for k := range 200 {
			if k > 0 {
				keys.WriteString("  ")
			}
			keys.WriteString(strings.Repeat("k", 50) + ": 1\n")
		}
	}
	return map[string][]byte{
		"deep-flow":  []byte(deepFlow),
		"deep-block": []byte(deepBlock.String()),
		"scalar":     []byte("id: " + strings.Repeat("x", 1<<20-5) + "\n"),
		"keys":       []byte(keys.String()),
	}
}

// Files at the limits are parsed in bounded memory: less than 100 MB
// allocated for any of them.
func TestAtTheLimits(t *testing.T) {
	for name, data := range atTheLimits() {
		var err error
		alloc := allocated(func() { _, err = centre.Load(name, data) })
		if err == nil {
			t.Errorf("%s: no error", name)
		}
		if strings.Contains(err.Error(), "nested more than") || strings.Contains(err.Error(), "YAML tokens") || strings.Contains(err.Error(), "larger than") {
			t.Errorf("%s: %d bytes refused before parsing: %.200v", name, len(data), err)
		}
		if alloc > 100<<20 {
			t.Errorf("%s: %d MB allocated, want less than 100", name, alloc>>20)
		}
	}
}

// BenchmarkLoadAtTheLimits measures files of 1 MiB that are as costly to
// parse as the limits allow (see atTheLimits): the bytes per op are the
// memory a file can make Load allocate.
func BenchmarkLoadAtTheLimits(b *testing.B) {
	for name, data := range atTheLimits() {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := centre.Load(name, data); err == nil {
					b.Fatal("no error")
				}
			}
		})
	}
}

// BenchmarkLoadRefused measures files that Load refuses before parsing.
func BenchmarkLoadRefused(b *testing.B) {
	for _, tt := range []struct{ name, data string }{
		{"oversized", strings.Repeat("a", 100<<20)},
		{"deep", strings.Repeat("[", 100_000)},
		{"tokens", "[" + strings.Repeat("1,", 1<<19-1)},
	} {
		b.Run(tt.name, func(b *testing.B) {
			data := []byte(tt.data)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := centre.Load(tt.name, data); err == nil {
					b.Fatal("no error")
				}
			}
		})
	}
}

// Errors on one long line cost what the line costs once, not once per
// error: each error's column is found in the line's characters.
func TestErrorsOnOneLongLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: x\nname: {nl: a, en: b}\ndesks: [{id: d, name: {nl: a, en: b}, hours: Mo 09:00-12:00}]\nservices: [")
	for i := range 1000 {
		fmt.Fprintf(&b, `{id: s%d, name: {nl: %s, en: b}, desk: d, hours: "Mo 25:00-26:00"}, `, i, strings.Repeat("a", 900))
	}
	b.WriteString("]\n")
	data := []byte(b.String())
	var err error
	alloc := allocated(func() { _, err = centre.Load("line.yaml", data) })
	var errs centre.Errors
	if !errors.As(err, &errs) || len(errs) != 1000 || errs[999].Line != 4 {
		t.Fatalf("%d errors: %.300v", len(errs), err)
	}
	if alloc > 100<<20 {
		t.Errorf("%d bytes of 1000 errors on one line of %d bytes: %d MB allocated, want less than 100", len(data), len(data), alloc>>20)
	}
}

// BenchmarkLoadManyAliases measures a file of 3000 anchors and 3000
// aliases of one name: each alias finds its anchor by a binary search, not
// by a look at every anchor.
func BenchmarkLoadManyAliases(b *testing.B) {
	data := []byte("id: x\nname: {nl: a, en: b}\ndesks: [{id: d, name: {nl: a, en: b}, hours: Mo 09:00-12:00}]\n" +
		"services:\n  - id: s\n    name: {nl: a, en: b}\n    desk: d\n    documents:\n" +
		strings.Repeat("      - &a {nl: a, en: b}\n      - *a\n", 3000))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := centre.Load("aliases.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
