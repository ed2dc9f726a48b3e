package wasmsize

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestPackageOf(t *testing.T) {
	var ms []mangled
	for _, p := range []string{"runtime", "internal/runtime/maps", "internal/runtime", "syscall/js", "sync/atomic", "sync",
		"main", "github.com/expatcentre/loket/internal/answer", "github.com/expatcentre/loket/internal/centredata"} {
		ms = append(ms, mangled{Mangle(p), p})
	}
	slices.SortFunc(ms, func(a, b mangled) int { return len(b.name) - len(a.name) })
	for _, c := range []struct{ name, want string }{
		{"github.com_expatcentre_loket_internal_centredata.__versionError_.Error", "github.com/expatcentre/loket/internal/centredata"},
		{"github.com_expatcentre_loket_internal_answer.DayOf", "github.com/expatcentre/loket/internal/answer"},
		{"internal_runtime_maps.__Map_.getWithKey", "internal/runtime/maps"},
		{"runtime.mapassign_faststr", "runtime"},
		{"runtime.__mheap_.alloc", "runtime"},
		{"syscall_js.setEventHandler", "syscall/js"},
		{"sync_atomic.__Pointer_go.shape.struct_.Load", "sync/atomic"},
		{"sync.__Mutex_.Lock", "sync"},
		{"type_.eq.internal_abi.ITab", "type:"},
		{"main.main.func1", "main"},
		{"memchr", "?"},
		{"wasm_pc_f_loop", "?"},
		{"runtimex.f", "?"},
	} {
		if got := packageOf(c.name, ms); got != c.want {
			t.Errorf("packageOf(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestOf weighs a small Go program built for js/wasm with its names, and
// every prefix of it (which must give an error or a weight, never a
// panic).
func TestOf(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a WebAssembly module")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\n\nimport \"syscall/js\"\n\nfunc main() { js.Global().Get(\"console\").Call(\"log\", \"hello\") }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module hello\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "hello.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=-mod=mod")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command("go", "list", "-deps", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	list, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	pkgs := strings.Fields(string(list))
	w, err := Of(b, pkgs)
	if err != nil {
		t.Fatal(err)
	}
	if !w.Named || w.Code == 0 || w.Data == 0 || len(w.Packages) < 5 || w.Packages[0].Path != "runtime" {
		t.Fatalf("a hello world weighs %+v", w)
	}
	paths := map[string]bool{}
	for _, p := range w.Packages {
		paths[p.Path] = true
	}
	for _, p := range []string{"main", "runtime", "internal/runtime/atomic", "syscall/js"} {
		if !paths[p] {
			t.Errorf("no code of %s in %v", p, w.Packages)
		}
	}
	sum := 0
	for _, p := range w.Packages {
		sum += p.Bytes
		if p.Path == "?" && p.Bytes > 10000 {
			t.Errorf("%d bytes of code of no package", p.Bytes)
		}
	}
	if sum != w.Code {
		t.Errorf("the packages sum to %d bytes, the code is %d", sum, w.Code)
	}
	for n := 0; n < len(b); n += 1 + n/64 {
		Of(b[:n], pkgs)
	}
	if _, err := Of([]byte("\x00asm\x01\x00\x00\x00\x0a\xff"), nil); err == nil {
		t.Error("a section past the end gives no error")
	}
}
