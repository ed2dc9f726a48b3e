package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/expatcentre/loket/centre"
)

// built holds the bridge built once for the package's tests: the build
// takes seconds, and TestBridgeSize, TestBridgeUnderNode use the same.
var built struct {
	once      sync.Once
	dir, file string
	err       error
}

// TestMain removes the built bridge after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// buildBridge builds the bridge as WebAssembly, as `loket widget` builds
// it (stripped of symbols), once, and returns the file's path.
func buildBridge(t testing.TB) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "loket-bridge-"); built.err != nil {
			return
		}
		built.file = filepath.Join(built.dir, "loket.wasm")
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s", "-o", built.file, ".")
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
		if b, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("building the bridge: %v\n%s", err, b)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.file
}

// needNode skips the test without node (and fails it under CI).
func needNode(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is needed to run the bridge under CI")
		}
		t.Skip("node is not on PATH")
	}
}

// TestBridgeUnderNode runs the WebAssembly bridge under Node.js with the
// toolchain's wasm_exec.js, for every example centre and desk, at
// instants across every year loket answers for, and compares every
// answer (state, next change, the week's intervals and every sentence, in
// Dutch and English) with the native library's: equal, all of them. The
// default asks about 400 instants a centre; LOKET_ORACLE=full, as in CI,
// about 2000 (6000 over the three example centres).
func TestBridgeUnderNode(t *testing.T) {
	needNode(t)
	dir := t.TempDir()
	wasmFile := buildBridge(t)
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	args := []string{filepath.Join("testdata", "driver.js"), filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"), wasmFile}
	natives := map[string]*centre.Centre{}
	for id, data := range exampleCentres(t) {
		file := filepath.Join(dir, id+".loket")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, file)
		c, err := centre.Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		natives[id] = c
	}
	n := 400
	switch {
	case os.Getenv("LOKET_ORACLE") == "full":
		n = 2000
	case testing.Short():
		n = 60
	}
	var qs []query
	for _, c := range natives {
		qs = append(qs, queries(c, n, 2)...)
	}
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, q := range qs {
		if err := enc.Encode(q); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("node", args...)
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 16<<20)
	i := 0
	for ; sc.Scan(); i++ {
		if i >= len(qs) {
			t.Fatal("more answers than questions")
		}
		var got any
		if err := json.Unmarshal(sc.Bytes(), &got); err != nil {
			t.Fatalf("answer %d: %v", i, err)
		}
		if m, ok := got.(map[string]any); ok && m["error"] != nil {
			t.Fatalf("%+v: the bridge says %v", qs[i], m["error"])
		}
		if g, w := canonical(t, got), canonical(t, nativeAnswer(natives[qs[i].Centre], qs[i])); g != w {
			t.Fatalf("%+v:\nwasm:   %s\nnative: %s", qs[i], g, w)
		}
	}
	if i != len(qs) {
		t.Fatalf("%d answers to %d questions\n%s", i, len(qs), strings.TrimSpace(stderr.String()))
	}
	t.Logf("%d answers of the WebAssembly bridge equal the native library's", i)
}
