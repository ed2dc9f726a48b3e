package widget

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/expatcentre/loket/internal/wasmsize"
)

// TestBudget fails when what a page with the widget downloads from the
// widget's origin, compressed as Handler sends it to a browser (brotli at
// quality 11), weighs more than Budget (issue 10): loket.js (the element,
// its styles and wasm_exec.js), loket.wasm and the default centre's data, and logs each file's weight and the
// wasm's code by package (from a build that keeps the functions' names).
// With -short, the bundle's brotli is of a lower quality than served and
// the test only logs.
func TestBudget(t *testing.T) {
	b := testBundle(t)
	var lines []string
	total := 0
	for _, name := range []string{"loket.js", "loket.wasm", b.DefaultCentre + ".loket"} {
		f := b.File(name)
		total += len(f.Brotli)
		lines = append(lines, fmt.Sprintf("%-18s %9d %9d %9d", name, len(f.Data), len(f.Gzip), len(f.Brotli)))
	}
	lines = append(lines, fmt.Sprintf("%-18s %9s %9s %9d  (budget %d)", "total", "", "", total, Budget))
	t.Logf("what a page with the widget downloads (bytes):\n%-18s %9s %9s %9s\n%s", "file", "raw", "gzip", "brotli", strings.Join(lines, "\n"))
	if testing.Short() {
		t.Skip("with -short, brotli is not at quality 11")
	}
	if total != b.PageBytes() {
		t.Errorf("PageBytes() = %d, the files weigh %d", b.PageBytes(), total)
	}
	if total > Budget {
		t.Errorf("a page with the widget downloads %d bytes with brotli, more than %d", total, Budget)
	}

	// The breakdown of the wasm by package, from a build with the names.
	named := filepath.Join(t.TempDir(), "named.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-o", named, BridgePackage)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	data, err := os.ReadFile(named)
	if err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command("go", "list", "-deps", BridgePackage)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	list, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	w, err := wasmsize.Of(data, strings.Fields(string(list)))
	if err != nil {
		t.Fatal(err)
	}
	lines = lines[:0]
	own := 0
	for i, p := range w.Packages {
		path, ok := strings.CutPrefix(p.Path, "github.com/expatcentre/")
		if ok || p.Path == "main" {
			own += p.Bytes // loket/..., and the bridge (main)
		}
		if i < 30 {
			lines = append(lines, fmt.Sprintf("%9d %s", p.Bytes, path))
		}
	}
	t.Logf("loket.wasm: %d bytes of code (%d of it loket's own packages) and %d of data, before compression; code by package, largest first:\n%s",
		w.Code, own, w.Data, strings.Join(lines, "\n"))
}
