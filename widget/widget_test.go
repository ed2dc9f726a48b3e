package widget

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/andybalholm/brotli"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/examples/centres"
)

// now is when the tests' bundles are made: the snippet's week is
// Tuesday 22 to Monday 28 December 2026, with Christmas.
var now = time.Date(2026, 12, 22, 10, 0, 0, 0, time.FixedZone("CET", 3600))

// built holds what the package's tests share, made once: the toolchain's
// sources (a build of the bridge) and the bundle of the built-in centre,
// with brotli at quality 11 as `loket widget` makes it (which takes some
// seconds), or at quality 5 with -short.
var built struct {
	once   sync.Once
	src    Sources
	bundle *Bundle
	err    error
}

func testSources(t testing.TB) Sources {
	t.Helper()
	testBundle(t)
	return built.src
}

func testBundle(t testing.TB) *Bundle {
	t.Helper()
	built.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		if built.src, built.err = (Toolchain{}).Sources(ctx); built.err != nil {
			return
		}
		q := 0
		if testing.Short() {
			q = 5
		}
		built.bundle, built.err = Assemble(built.src, Options{Now: now, BrotliQuality: q})
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bundle
}

// fakeSources are sources that build no bridge: a tiny WebAssembly
// header for it, and wasm_exec.js as a comment.
func fakeSources(element string) Sources {
	return Sources{
		Bridge:   []byte("\x00asm\x01\x00\x00\x00"),
		WasmExec: []byte("// wasm_exec.js, with /*@CENTRES@*/ in it, left as it is\n"),
		Element:  []byte(element),
	}
}

const fakeElement = "const CENTRES = /*@CENTRES@*/;\nconst DEFAULT_CENTRE = /*@DEFAULT_CENTRE@*/;\nconst WASM_INTEGRITY = /*@WASM_INTEGRITY@*/;\nconst WASM_CHUNKS = /*@WASM_CHUNKS@*/;\n(function (globalThis) {\n/*@WASM_EXEC@*/\n})({});\n"

// jsConst returns the value of `const NAME = ...;` in loket.js.
func jsConst(t *testing.T, js []byte, name string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^const ` + name + ` = (.*);$`).FindSubmatch(js)
	if m == nil {
		t.Fatalf("loket.js has no const %s", name)
	}
	return string(m[1])
}

func TestBundleFiles(t *testing.T) {
	b := testBundle(t)
	src := testSources(t)
	var names []string
	for _, f := range b.Files {
		names = append(names, f.Name)
	}
	if got, want := strings.Join(names, " "), "loket.js loket.wasm maastricht.loket snippet.html integrity.json"; got != want {
		t.Fatalf("files %s, want %s", got, want)
	}
	if b.DefaultCentre != "maastricht" || b.URL != DefaultURL || len(b.Centres) != 1 {
		t.Errorf("default centre %q, URL %q, centres %q", b.DefaultCentre, b.URL, b.Centres)
	}

	js := b.Script().Data
	// V8 reads its compile hint only in the comments before the file's
	// first code (see the header of element.js); it stays the first line.
	if !bytes.HasPrefix(js, []byte("//# allFunctionsCalledOnLoad\n")) {
		t.Errorf("loket.js starts with %q, not with the compile hint", js[:min(len(js), 40)])
	}
	if !bytes.Contains(js, src.WasmExec) {
		t.Error("loket.js does not hold wasm_exec.js as it is")
	}
	if m := markerRE.Find(js[:bytes.Index(js, src.WasmExec)]); m != nil {
		t.Errorf("loket.js keeps the marker %s", m)
	}
	wasm := b.File("loket.wasm")
	if !bytes.Equal(wasm.Data, src.Bridge) {
		t.Error("loket.wasm is not the bridge")
	}
	if got, want := jsConst(t, js, "WASM_INTEGRITY"), `"`+Integrity(src.Bridge)+`"`; got != want {
		t.Errorf("WASM_INTEGRITY = %s, want %s", got, want)
	}
	var chunks struct {
		Size   int      `json:"size"`
		SHA256 []string `json:"sha256"`
	}
	if err := json.Unmarshal([]byte(jsConst(t, js, "WASM_CHUNKS")), &chunks); err != nil {
		t.Fatal(err)
	}
	if chunks.Size != WasmChunkSize || len(chunks.SHA256) != (len(src.Bridge)+WasmChunkSize-1)/WasmChunkSize {
		t.Errorf("WASM_CHUNKS: size %d, %d hashes for %d bytes", chunks.Size, len(chunks.SHA256), len(src.Bridge))
	}
	for i, h := range chunks.SHA256 {
		piece := src.Bridge[i*WasmChunkSize : min(len(src.Bridge), (i+1)*WasmChunkSize)]
		if want := pieceHash(piece); h != want {
			t.Errorf("WASM_CHUNKS: hash %d is %s, want %s", i, h, want)
		}
	}
	if got := jsConst(t, js, "DEFAULT_CENTRE"); got != `"maastricht"` {
		t.Errorf("DEFAULT_CENTRE = %s", got)
	}
	var cs map[string]centreEntry
	if err := json.Unmarshal([]byte(jsConst(t, js, "CENTRES")), &cs); err != nil {
		t.Fatal(err)
	}
	data := b.File("maastricht.loket")
	want := centreEntry{File: "maastricht.loket", Integrity: Integrity(data.Data),
		Name: langText{"Maastricht International Centre", "Maastricht International Centre"}, DefaultLanguage: "nl"}
	if len(cs) != 1 || cs["maastricht"] != want {
		t.Errorf("CENTRES = %+v, want maastricht: %+v", cs, want)
	}
	if !bytes.Equal(data.Data, centres.MaastrichtCompiled()) {
		t.Error("maastricht.loket is not examples/centres/maastricht.loket")
	}
	if _, err := centre.Decode(data.Data); err != nil {
		t.Errorf("maastricht.loket does not decode: %v", err)
	}

	var list map[string]string
	if err := json.Unmarshal(b.File("integrity.json").Data, &list); err != nil {
		t.Fatal(err)
	}
	for _, f := range b.Files {
		if f.Integrity != Integrity(f.Data) {
			t.Errorf("%s: integrity %s, want %s", f.Name, f.Integrity, Integrity(f.Data))
		}
		if f.Name != "integrity.json" && list[f.Name] != f.Integrity {
			t.Errorf("integrity.json: %s is %q, want %s", f.Name, list[f.Name], f.Integrity)
		}
		compressed := strings.HasSuffix(f.Name, ".js") || strings.HasSuffix(f.Name, ".wasm") || strings.HasSuffix(f.Name, ".loket")
		if compressed != (f.Brotli != nil) || compressed != (f.Gzip != nil) {
			t.Errorf("%s: brotli %v, gzip %v, want %v", f.Name, f.Brotli != nil, f.Gzip != nil, compressed)
		}
		if !compressed {
			continue
		}
		if list[f.Name+".br"] != Integrity(f.Brotli) || list[f.Name+".gz"] != Integrity(f.Gzip) {
			t.Errorf("integrity.json lacks the copies of %s", f.Name)
		}
		br, err := io.ReadAll(brotli.NewReader(bytes.NewReader(f.Brotli)))
		if err != nil || !bytes.Equal(br, f.Data) {
			t.Errorf("%s.br does not decode to %s: %v", f.Name, f.Name, err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(f.Gzip))
		if err != nil {
			t.Fatal(err)
		}
		gz, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(gz, f.Data) {
			t.Errorf("%s.gz does not decode to %s: %v", f.Name, f.Name, err)
		}
		if len(f.Brotli) >= len(f.Data) && len(f.Data) > 1000 {
			t.Errorf("%s: %d bytes with brotli, %d without", f.Name, len(f.Brotli), len(f.Data))
		}
	}
}

// TestElementMarkers holds the embedded element.js to the contract: each
// marker once, and no other.
func TestElementMarkers(t *testing.T) {
	src := Element()
	for _, m := range []string{MarkerWasmExec, MarkerWasmIntegrity, MarkerWasmChunks, MarkerCentres, MarkerDefaultCentre} {
		if n := bytes.Count(src, []byte(m)); n != 1 {
			t.Errorf("element.js has %s %d times", m, n)
		}
	}
	if n := len(markerRE.FindAll(src, -1)); n != 5 {
		t.Errorf("element.js has %d markers", n)
	}
}

func TestFill(t *testing.T) {
	b, err := Assemble(fakeSources(fakeElement), Options{Now: now, BrotliQuality: 1})
	if err != nil {
		t.Fatal(err)
	}
	js := string(b.Script().Data)
	if !strings.Contains(js, "with /*@CENTRES@*/ in it, left as it is") {
		t.Error("a marker inside wasm_exec.js was replaced")
	}
	if strings.Count(js, `"maastricht"`) != 2 { // a key of CENTRES, and DEFAULT_CENTRE
		t.Errorf("loket.js:\n%s", js)
	}
	for _, c := range []struct{ name, element, err string }{
		{"missing", strings.Replace(fakeElement, MarkerWasmExec, "", 1), "lacks the marker /*@WASM_EXEC@*/"},
		{"twice", fakeElement + "/*@CENTRES@*/", "has the marker /*@CENTRES@*/ 2 times"},
		{"unknown", fakeElement + "/*@WASM_INTEGRTY@*/", "unknown marker /*@WASM_INTEGRTY@*/"},
		{"empty", "", "lacks the marker"},
	} {
		_, err := Assemble(fakeSources(c.element), Options{Now: now, BrotliQuality: 1})
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.err)
		}
	}
}

// loadVariant loads the built-in centre's file with replacements.
func loadVariant(t *testing.T, pairs ...string) *centre.Centre {
	t.Helper()
	y := string(centres.Maastricht())
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(y, pairs[i]) {
			t.Fatalf("maastricht.yaml has no %q", pairs[i])
		}
		y = strings.Replace(y, pairs[i], pairs[i+1], 1)
	}
	c, err := centre.Load("variant.yaml", []byte(y))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAssembleErrors(t *testing.T) {
	other := loadVariant(t, "id: maastricht", "id: eindhoven")
	tokyo := loadVariant(t, "id: maastricht", "id: tokyo", "time_zone: Europe/Amsterdam", "time_zone: Asia/Tokyo")
	src := fakeSources(fakeElement)
	for _, c := range []struct {
		name string
		src  Sources
		opt  Options
		err  string
	}{
		{"zero now", src, Options{}, "the snippet's week must lie in"},
		{"now after 2199", src, Options{Now: time.Date(2199, 12, 30, 0, 0, 0, 0, time.UTC)}, "the snippet's week must lie in"},
		{"two centres with one id", src, Options{Now: now, Centres: []*centre.Centre{other, other}}, "two centres have the id eindhoven"},
		{"another zone", src, Options{Now: now, Centres: []*centre.Centre{tokyo}}, "keeps its hours in Asia/Tokyo"},
		{"bad URL", src, Options{Now: now, URL: "javascript:alert(1)"}, "want an absolute http(s) URL"},
		{"URL with a quote", src, Options{Now: now, URL: `https://x.example/"onload=`}, "want an absolute http(s) URL"},
		{"protocol-relative URL", src, Options{Now: now, URL: "//x.example/widget/"}, "want an absolute http(s) URL"},
		{"quality", src, Options{Now: now, BrotliQuality: 12}, "brotli quality 12"},
		{"no bridge", Sources{WasmExec: src.WasmExec}, Options{Now: now}, "not a WebAssembly module"},
		{"no wasm_exec.js", Sources{Bridge: src.Bridge}, Options{Now: now}, "wasm_exec.js is empty"},
	} {
		_, err := Assemble(c.src, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.err)
		}
	}
}

func TestAssembleCentres(t *testing.T) {
	eindhoven := loadVariant(t, "id: maastricht", "id: eindhoven", "default_language: nl", "default_language: en")
	b, err := Assemble(fakeSources(fakeElement), Options{Now: now, BrotliQuality: 1, URL: "https://centre.example/widget",
		Centres: []*centre.Centre{eindhoven, centre.Default()}})
	if err != nil {
		t.Fatal(err)
	}
	if b.DefaultCentre != "maastricht" || strings.Join(b.Centres, " ") != "eindhoven maastricht" || b.URL != "https://centre.example/widget/" {
		t.Errorf("default %q, centres %q, URL %q", b.DefaultCentre, b.Centres, b.URL)
	}
	if b.File("eindhoven.loket") == nil || b.File("maastricht.loket") == nil {
		t.Error("a centre's data is missing")
	}
	// The parts: the default centre first, each centre's default
	// language first.
	var order []string
	for _, p := range b.parts {
		order = append(order, p.Centre+"/"+p.Lang)
	}
	if got := strings.Join(order, " "); got != "maastricht/nl maastricht/en eindhoven/en eindhoven/nl" {
		t.Errorf("parts %s", got)
	}
	b, err = Assemble(fakeSources(fakeElement), Options{Now: now, BrotliQuality: 1, Centres: []*centre.Centre{eindhoven}})
	if err != nil {
		t.Fatal(err)
	}
	if b.DefaultCentre != "eindhoven" {
		t.Errorf("without maastricht, the default centre is %q", b.DefaultCentre)
	}
}

// TestReproducible: the same sources and options give the same bytes.
func TestReproducible(t *testing.T) {
	a, err := Assemble(fakeSources(fakeElement), Options{Now: now, BrotliQuality: 4})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Assemble(fakeSources(fakeElement), Options{Now: now, BrotliQuality: 4})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range a.Files {
		g := b.Files[i]
		if !bytes.Equal(f.Data, g.Data) || !bytes.Equal(f.Brotli, g.Brotli) || !bytes.Equal(f.Gzip, g.Gzip) {
			t.Errorf("%s differs between two builds", f.Name)
		}
	}
}

// TestToolchain builds the bridge a second time (reproducibly) and
// provokes each kind of error.
func TestToolchain(t *testing.T) {
	src := testSources(t)
	again, err := (Toolchain{}).Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bridge, src.Bridge) || !bytes.Equal(again.WasmExec, src.WasmExec) {
		t.Error("two builds of the bridge differ")
	}
	if !bytes.Contains(src.WasmExec, []byte("globalThis.Go = class")) {
		t.Error("wasm_exec.js is not the toolchain's")
	}

	check := func(name string, tc Toolchain, kind error) {
		t.Helper()
		_, err := tc.Sources(context.Background())
		var te *ToolchainError
		if !errors.Is(err, kind) || !errors.As(err, &te) {
			t.Errorf("%s: error %v, want %v", name, err, kind)
		}
	}
	check("no go", Toolchain{Go: filepath.Join(t.TempDir(), "go")}, ErrNoGo)
	check("outside the module", Toolchain{Dir: t.TempDir()}, ErrNoSource)
	if runtime.GOOS == "windows" {
		return
	}
	// A go command that finds the source but whose toolchain lacks
	// wasm_exec.js, and one whose build fails.
	fake := func(script string) string {
		dir := t.TempDir()
		file := filepath.Join(dir, "go")
		if err := os.WriteFile(file, []byte("#!/bin/sh\n"+script), 0o755); err != nil {
			t.Fatal(err)
		}
		return file
	}
	root := t.TempDir()
	check("no wasm_exec.js", Toolchain{Go: fake(`case "$1" in list) echo /src/wasm;; env) echo ` + root + `;; esac`)}, ErrNoWasmExec)
	if err := os.MkdirAll(filepath.Join(root, "lib", "wasm"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "lib", "wasm", "wasm_exec.js"), []byte("//"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("build fails", Toolchain{Go: fake(`case "$1" in list) echo /src/wasm;; env) echo ` + root + `;; build) echo "syntax error" >&2; exit 1;; esac`)}, ErrBuild)
}

// The pieces of loket.wasm whose hashes the element checks: a file of a
// whole number of pieces has no empty last one, and an empty file none.
func TestWasmChunks(t *testing.T) {
	for _, n := range []int{0, 1, WasmChunkSize - 1, WasmChunkSize, WasmChunkSize + 1, 3*WasmChunkSize + 7} {
		data := bytes.Repeat([]byte{0xa5}, n)
		js, err := wasmChunks(data)
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Size   int      `json:"size"`
			SHA256 []string `json:"sha256"`
		}
		if err := json.Unmarshal(js, &v); err != nil {
			t.Fatal(err)
		}
		if want := (n + WasmChunkSize - 1) / WasmChunkSize; len(v.SHA256) != want || v.Size != WasmChunkSize {
			t.Errorf("%d bytes: %d hashes of size %d, want %d", n, len(v.SHA256), v.Size, want)
			continue
		}
		if n > 0 {
			last := data[(len(v.SHA256)-1)*WasmChunkSize:]
			if want := pieceHash(last); v.SHA256[len(v.SHA256)-1] != want {
				t.Errorf("%d bytes: the last hash is %s, want %s", n, v.SHA256[len(v.SHA256)-1], want)
			}
		}
	}
}

// pieceHash is the hash loket.js holds for a piece of loket.wasm: the
// base64 of its SHA-256.
func pieceHash(piece []byte) string {
	sum := sha256.Sum256(piece)
	return base64.StdEncoding.EncodeToString(sum[:])
}
