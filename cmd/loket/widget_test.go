package main

import (
	"bytes"
	goctx "context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/expatcentre/loket/examples/centres"
	"github.com/expatcentre/loket/widget"
)

// widgetSources are the bridge and wasm_exec.js, built once for the
// package's tests by the Go toolchain, as loket widget builds them.
var widgetSources = sync.OnceValues(func() (widget.Sources, error) {
	return widget.Toolchain{}.Sources(goctx.Background())
})

// testBuildWidget builds the widget as loket widget does, from the
// sources built once and with brotli at quality 1 (quality 11 takes
// seconds): the tests' invocation.buildWidget.
func testBuildWidget(_ goctx.Context, opt widget.Options) (*widget.Bundle, error) {
	src, err := widgetSources()
	if err != nil {
		return nil, err
	}
	opt.BrotliQuality = 1
	return widget.Assemble(src, opt)
}

// runBuild runs loket with args, no language in the environment, and
// build as the widget's builder.
func runBuild(build func(goctx.Context, widget.Options) (*widget.Bundle, error), args ...string) result {
	var out, errOut bytes.Buffer
	inv := &invocation{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		getenv:      func(string) string { return "" },
		buildInfo:   buildInfoFor(nil),
		builtin:     builtin(),
		buildWidget: build,
	}
	code := runWith(inv, args)
	return result{code, out.String(), errOut.String()}
}

// dirFiles returns the names of the files in dir, sorted.
func dirFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// variantFile writes the built-in centre file with replacements and
// returns its path.
func variantFile(t *testing.T, name string, pairs ...string) string {
	t.Helper()
	y := string(centres.Maastricht())
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(y, pairs[i]) {
			t.Fatalf("maastricht.yaml has no %q", pairs[i])
		}
		y = strings.Replace(y, pairs[i], pairs[i+1], 1)
	}
	return writeTemp(t, name, y)
}

func TestWidget(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site", "widget")
	r := runBuild(testBuildWidget, "widget", "-o", dir, "--lang", "en")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	want := []string{"integrity.json", "loket.js", "loket.js.br", "loket.js.gz", "loket.wasm", "loket.wasm.br", "loket.wasm.gz",
		"maastricht.loket", "maastricht.loket.br", "maastricht.loket.gz", "snippet.html"}
	if got := dirFiles(t, dir); !slices.Equal(got, want) {
		t.Fatalf("files %q, want %q", got, want)
	}
	for _, line := range []string{"Wrote 11 files to " + dir + ":", "A page with the widget downloads ", "Paste the lines of " + filepath.Join(dir, "snippet.html")} {
		if !strings.Contains(r.stdout, line) {
			t.Errorf("stdout lacks %q:\n%s", line, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "compiling the widget's WebAssembly") {
		t.Errorf("stderr: %q", r.stderr)
	}
	// The files are the bundle's: each has the hash integrity.json gives,
	// and the brotli copy decodes to the file.
	var list map[string]string
	data, err := os.ReadFile(filepath.Join(dir, "integrity.json"))
	if err != nil || json.Unmarshal(data, &list) != nil {
		t.Fatalf("integrity.json: %v\n%s", err, data)
	}
	for _, name := range want[1:] {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if list[name] != widget.Integrity(data) {
			t.Errorf("%s: integrity.json says %s, the file is %s", name, list[name], widget.Integrity(data))
		}
		if info, _ := os.Stat(filepath.Join(dir, name)); info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v", name, info.Mode())
		}
	}
	br, _ := os.ReadFile(filepath.Join(dir, "loket.js.br"))
	js, _ := os.ReadFile(filepath.Join(dir, "loket.js"))
	if got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); err != nil || !bytes.Equal(got, js) {
		t.Error("loket.js.br does not decode to loket.js")
	}

	// Again, into the earlier bundle with a file of its own, and with a
	// second centre; then with one: the second's files go, the file of
	// its own stays.
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	eindhoven := variantFile(t, "eindhoven.yaml", "id: maastricht", "id: eindhoven")
	r = runBuild(testBuildWidget, "widget", "--centre", eindhoven, "--output="+dir, "-centre", writeTemp(t, "m.yaml", string(centres.Maastricht())))
	if r.code != 0 {
		t.Fatalf("a second centre: exit %d\n%s", r.code, r.stderr)
	}
	if got := dirFiles(t, dir); len(got) != 15 || !slices.Contains(got, "eindhoven.loket.br") || !slices.Contains(got, "keep.txt") {
		t.Errorf("with two centres: %q", got)
	}
	snippet, _ := os.ReadFile(filepath.Join(dir, "snippet.html"))
	if !bytes.Contains(snippet, []byte(`centre="eindhoven"`)) || bytes.Index(snippet, []byte(`centre="maastricht"`)) > bytes.Index(snippet, []byte(`centre="eindhoven"`)) {
		t.Error("snippet.html lacks eindhoven, or does not show maastricht, the default, first")
	}
	if !strings.Contains(r.stdout, "14 bestanden geschreven in "+dir) {
		t.Errorf("stdout: %s", r.stdout)
	}
	r = runBuild(testBuildWidget, "widget", dir, "-o", dir) // an argument
	if r.code != 2 {
		t.Errorf("an argument: exit %d", r.code)
	}
	r = runBuild(testBuildWidget, "widget", "-o", dir, "--url", "https://centre.example/widget")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if got, want := dirFiles(t, dir), slices.Sorted(slices.Values(append(slices.Clone(want), "keep.txt"))); !slices.Equal(got, want) {
		t.Errorf("after the second centre is gone: %q", got)
	}
	snippet, _ = os.ReadFile(filepath.Join(dir, "snippet.html"))
	if !bytes.Contains(snippet, []byte(`src="https://centre.example/widget/loket.js"`)) {
		t.Error("snippet.html does not load loket.js from --url")
	}
}

func TestWidgetProblems(t *testing.T) {
	tmp := t.TempDir()
	file := writeTemp(t, "file", "x")
	foreign := filepath.Join(tmp, "foreign")
	if err := os.MkdirAll(foreign, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(foreign, "integrity.json"), []byte(`{"index.html": "sha384-x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tokyo := variantFile(t, "tokyo.yaml", "id: maastricht", "id: tokyo", "time_zone: Europe/Amsterdam", "time_zone: Asia/Tokyo")
	m1 := writeTemp(t, "m1.yaml", string(centres.Maastricht()))
	m2 := writeTemp(t, "m2.yaml", string(centres.Maastricht()))
	out := filepath.Join(tmp, "out")
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no output", []string{"widget"}, 2, usageError("widget", "--output is missing: give the directory to write the widget's files to")},
		{"empty output", []string{"widget", "-o="}, 2, ""},
		{"a file", []string{"widget", "-o", file}, 1, "loket widget: " + file + ": not a directory\n"},
		{"a foreign directory", []string{"widget", "-o", foreign}, 1,
			"loket widget: " + foreign + " is not empty and holds no earlier bundle of loket widget: give a new or empty directory\n"},
		{"bad url", []string{"widget", "-o", out, "--url", "javascript:alert(1)"}, 2,
			usageError("widget", `--url "javascript:alert(1)": want an absolute http or https URL such as https://centre.example/widget/, or a path that starts with /`)},
		{"one id twice", []string{"widget", "-o", out, "--centre", m1, "--centre", m2}, 1,
			"loket widget: " + m1 + " and " + m2 + " are both centre maastricht: each centre of the widget needs its own id\n"},
		{"another zone", []string{"widget", "-o", out, "--centre", tokyo}, 1,
			"loket widget: " + tokyo + ": centre tokyo keeps its hours in Asia/Tokyo, and the widget knows Europe/Amsterdam only\n"},
		{"missing centre", []string{"widget", "-o", out, "--centre", filepath.Join(tmp, "missing.yaml")}, 1,
			"loket widget: " + filepath.Join(tmp, "missing.yaml") + ": cannot be read: no such file\n"},
	} {
		r := runBuild(testBuildWidget, append(c.args, "--lang", "en")...)
		if r.code != c.code || c.stderr != "" && r.stderr != c.stderr {
			t.Errorf("%s: exit %d, stderr\n%s\nwant %d and\n%s", c.name, r.code, r.stderr, c.code, c.stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: wrote %s", c.name, out)
		}
	}

	// The toolchain's errors, in the output language.
	for _, c := range []struct {
		err    error
		nl, en string
	}{
		{&widget.ToolchainError{Kind: widget.ErrNoGo, Detail: "go"},
			"loket widget: de widget wordt gecompileerd met de Go-toolchain, en het commando go is niet gevonden (go): installeer Go 1.26 of nieuwer\n",
			"loket widget: the widget is compiled with the Go toolchain, and the go command is not found (go): install Go 1.26 or later\n"},
		{&widget.ToolchainError{Kind: widget.ErrNoSource, Detail: "go: go.mod file not found"},
			"loket widget: de widget wordt gecompileerd uit de broncode van loket, die het commando go hier niet vindt: start loket in een checkout van github.com/expatcentre/loket. Het commando go zei:\ngo: go.mod file not found\n",
			"loket widget: the widget is compiled from loket's source, which the go command does not find here: run loket inside a checkout of github.com/expatcentre/loket. The go command said:\ngo: go.mod file not found\n"},
		{&widget.ToolchainError{Kind: widget.ErrNoWasmExec, Detail: "not in /go/lib/wasm"},
			"loket widget: de Go-toolchain heeft geen wasm_exec.js, die de widget nodig heeft: not in /go/lib/wasm\n",
			"loket widget: the Go toolchain has no wasm_exec.js, which the widget needs: not in /go/lib/wasm\n"},
		{&widget.ToolchainError{Kind: widget.ErrBuild, Detail: "wasm/bridge.go:1:1: syntax error"},
			"loket widget: het compileren van de WebAssembly van de widget is mislukt:\nwasm/bridge.go:1:1: syntax error\n",
			"loket widget: compiling the widget's WebAssembly failed:\nwasm/bridge.go:1:1: syntax error\n"},
		{errors.New("widget: something else"),
			"loket widget: de widget kan niet worden gebouwd: widget: something else\n",
			"loket widget: the widget cannot be built: widget: something else\n"},
	} {
		fail := func(goctx.Context, widget.Options) (*widget.Bundle, error) { return nil, c.err }
		for lang, want := range map[string]string{"nl": c.nl, "en": c.en} {
			r := runBuild(fail, "widget", "-o", out, "--lang", lang)
			_, msg, _ := strings.Cut(r.stderr, "\n") // after the line that says it builds
			if r.code != 1 || msg != want {
				t.Errorf("%v, --lang %s: exit %d, stderr\n%s\nwant\n%s", c.err, lang, r.code, msg, want)
			}
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("wrote %s", out)
	}
}

// TestWidgetWithTheGoCommand runs loket widget as a user does, with
// invocation.buildWidget unset: the go command builds the bridge.
func TestWidgetWithTheGoCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("brotli at quality 11 takes seconds")
	}
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	inv := &invocation{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		getenv: func(string) string { return "" }, buildInfo: debug.ReadBuildInfo, builtin: builtin()}
	if code := runWith(inv, []string{"widget", "-o", dir}); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut.String())
	}
	wasm, err := os.ReadFile(filepath.Join(dir, "loket.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := widgetSources()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(wasm, src.Bridge) {
		t.Error("loket.wasm is not the bridge as the toolchain builds it")
	}
}
