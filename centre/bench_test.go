package centre_test

import (
	"os"
	"testing"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/examples/centres"
)

// BenchmarkLoadMaastricht measures decoding, checking and compiling the
// built-in centre file.
func BenchmarkLoadMaastricht(b *testing.B) {
	data := centres.Maastricht()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := centre.Load(centres.MaastrichtFile, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadInvalid measures a file with ten errors of different
// kinds, which compiles its desks more than once to find them all.
func BenchmarkLoadInvalid(b *testing.B) {
	data, err := os.ReadFile("testdata/invalid/several-errors.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := centre.Load("several-errors.yaml", data); err == nil {
			b.Fatal("no error")
		}
	}
}
