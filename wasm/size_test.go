package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// maxBrotli is the most the bridge may weigh, compressed as a server
// sends it (brotli, quality 11): the budget of issue 9.
const maxBrotli = 600_000

// TestBridgeSize builds the bridge as `loket widget` does and fails when,
// compressed with brotli at quality 11, it weighs more than maxBrotli
// bytes. It logs the weight of each package's code, from a build that
// keeps the names of the functions.
func TestBridgeSize(t *testing.T) {
	dir := t.TempDir()
	wasm, err := os.ReadFile(buildBridge(t))
	if err != nil {
		t.Fatal(err)
	}
	var br bytes.Buffer
	w := brotli.NewWriterLevel(&br, brotli.BestCompression)
	if _, err := w.Write(wasm); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("loket.wasm: %d bytes, %d with brotli (budget %d)", len(wasm), br.Len(), maxBrotli)
	if br.Len() > maxBrotli {
		t.Errorf("the bridge weighs %d bytes with brotli, more than %d", br.Len(), maxBrotli)
	}
	if testing.Short() {
		return
	}
	// The breakdown, from a build with the function names.
	named := filepath.Join(dir, "named.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-o", named, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	data, err := os.ReadFile(named)
	if err != nil {
		t.Fatal(err)
	}
	sizes, dataBytes, err := codeByPackage(data)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range sizes {
		lines = append(lines, fmt.Sprintf("%8d %s", p.bytes, p.pkg))
	}
	t.Logf("code by package (bytes, before compression), and %d bytes of data:\n%s", dataBytes, strings.Join(lines[:min(25, len(lines))], "\n"))
}

// TestBridgeDeps checks that the bridge links none of the compilers and
// none of the heavy libraries the native packages use.
func TestBridgeDeps(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	deps := strings.Fields(string(out))
	for _, bad := range []string{
		"github.com/teambition/rrule-go", "github.com/goccy/go-yaml", "github.com/nicksnyder/go-i18n",
		"github.com/BurntSushi/toml", "text/template", "golang.org/x/text", "time/tzdata",
		"github.com/rickb777/date", "fmt", "encoding/json", "github.com/expatcentre/loket/schedule/osm",
		"github.com/expatcentre/loket/centre", "github.com/expatcentre/loket/i18n",
	} {
		for _, d := range deps {
			if d == bad || strings.HasPrefix(d, bad+"/") {
				t.Errorf("the bridge links %s", d)
			}
		}
	}
}

type pkgSize struct {
	pkg   string
	bytes int
}

// codeByPackage sums the code of a WebAssembly module by the package of
// each function, from the module's name section, largest first, and
// returns the size of its data section.
func codeByPackage(b []byte) ([]pkgSize, int, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, 0, fmt.Errorf("not a WebAssembly module")
	}
	uleb := func(i int) (uint64, int) {
		v, n := binary.Uvarint(b[i:])
		return v, i + n
	}
	var imports int
	var bodies []int
	names := map[int]string{}
	dataBytes := 0
	for i := 8; i < len(b); {
		id := b[i]
		size, j := uleb(i + 1)
		start, end := j, j+int(size)
		switch id {
		case 2: // imports: functions only
			n, k := uleb(start)
			for range n {
				l, k2 := uleb(k)
				l2, k3 := uleb(k2 + int(l))
				k = k3 + int(l2)
				if b[k] != 0 {
					return nil, 0, fmt.Errorf("an import that is not a function")
				}
				_, k = uleb(k + 1)
				imports++
			}
		case 10: // code
			n, k := uleb(start)
			for range n {
				l, k2 := uleb(k)
				bodies = append(bodies, int(l))
				k = k2 + int(l)
			}
		case 11:
			dataBytes = int(size)
		case 0: // custom: the name section's function names
			l, k := uleb(start)
			if string(b[k:k+int(l)]) == "name" {
				for k += int(l); k < end; {
					sub := b[k]
					sl, k2 := uleb(k + 1)
					if sub == 1 {
						n, m := uleb(k2)
						for range n {
							idx, m2 := uleb(m)
							nl, m3 := uleb(m2)
							names[int(idx)] = string(b[m3 : m3+int(nl)])
							m = m3 + int(nl)
						}
					}
					k = k2 + int(sl)
				}
			}
		}
		i = end
	}
	sums := map[string]int{}
	for k, size := range bodies {
		sums[packageOf(names[imports+k])] += size
	}
	var out []pkgSize
	for p, s := range sums {
		out = append(out, pkgSize{p, s})
	}
	slices.SortFunc(out, func(a, b pkgSize) int { return b.bytes - a.bytes })
	return out, dataBytes, nil
}

// packageOf returns the package of a function's name in the name section
// ("github.com_expatcentre_loket_internal_timetable.(*Timetable).walk").
func packageOf(name string) string {
	name = strings.TrimPrefix(name, "github.com_expatcentre_loket_")
	if i := strings.LastIndex(name, "/"); i >= 0 {
		return name[:i] + strings.SplitN(name[i:], ".", 2)[0]
	}
	return strings.SplitN(name, ".", 2)[0]
}
