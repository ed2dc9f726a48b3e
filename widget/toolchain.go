package widget

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// BridgePackage is the import path of the bridge: the package main that
// the toolchain compiles to loket.wasm.
const BridgePackage = "github.com/expatcentre/loket/wasm"

// What can go wrong with the toolchain, as the Kind of a
// [ToolchainError]: errors.Is(err, ErrNoGo) tells one from another.
var (
	// ErrNoGo: the go command is not there.
	ErrNoGo = errors.New("the go command is not found")
	// ErrNoSource: go list does not find the bridge's source, because
	// the go command does not run inside the loket module (or a module
	// that requires it).
	ErrNoSource = errors.New("the source of " + BridgePackage + " is not found")
	// ErrNoWasmExec: the toolchain has no lib/wasm/wasm_exec.js.
	ErrNoWasmExec = errors.New("the toolchain has no wasm_exec.js")
	// ErrBuild: compiling the bridge failed.
	ErrBuild = errors.New("compiling " + BridgePackage + " failed")
)

// ToolchainError is an error of the Go toolchain while it makes the
// bundle's sources.
type ToolchainError struct {
	// Kind is ErrNoGo, ErrNoSource, ErrNoWasmExec or ErrBuild.
	Kind error
	// Detail is what the go command or the system said, trimmed to its
	// first lines.
	Detail string
}

func (e *ToolchainError) Error() string {
	if e.Detail == "" {
		return "widget: " + e.Kind.Error()
	}
	return "widget: " + e.Kind.Error() + ": " + e.Detail
}

// Unwrap returns Kind.
func (e *ToolchainError) Unwrap() error { return e.Kind }

// Toolchain compiles the bridge with the go command. The zero value
// runs "go" from PATH in the current directory.
type Toolchain struct {
	// Go is the go command; "" finds "go" on PATH.
	Go string
	// Dir is the directory to run it in: inside the loket module, or a
	// module that requires it, so that go list finds BridgePackage; ""
	// is the current directory.
	Dir string
}

// Sources compiles the bridge and reads wasm_exec.js. The build is
// `GOOS=js GOARCH=wasm go build -trimpath -buildvcs=false -ldflags=-s`:
// without file paths, version control stamps or symbols, so that the
// same source and toolchain give the same bytes. The go command's own
// environment (GOFLAGS, GOTOOLCHAIN, GOCACHE) applies. Errors are
// *ToolchainError.
func (tc Toolchain) Sources(ctx context.Context) (Sources, error) {
	goCmd := tc.Go
	if goCmd == "" {
		goCmd = "go"
	}
	path, err := exec.LookPath(goCmd)
	if err != nil {
		return Sources{}, &ToolchainError{Kind: ErrNoGo, Detail: goCmd}
	}
	run := func(dir string, args ...string) ([]byte, error) {
		cmd := exec.CommandContext(ctx, path, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return nil, errors.New(firstLines(msg, 12))
		}
		return out, nil
	}

	out, err := run(tc.Dir, "list", "-f", "{{.Dir}}", BridgePackage)
	if err != nil {
		if ctx.Err() != nil {
			return Sources{}, err
		}
		return Sources{}, &ToolchainError{Kind: ErrNoSource, Detail: err.Error()}
	}
	if strings.TrimSpace(string(out)) == "" {
		return Sources{}, &ToolchainError{Kind: ErrNoSource}
	}

	// GOROOT of the toolchain that builds (GOTOOLCHAIN may pick another
	// than the one on PATH).
	out, err = run(tc.Dir, "env", "GOROOT")
	if err != nil {
		if ctx.Err() != nil {
			return Sources{}, err
		}
		return Sources{}, &ToolchainError{Kind: ErrNoWasmExec, Detail: err.Error()}
	}
	goroot := strings.TrimSpace(string(out))
	var wasmExec []byte
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} { // Go 1.24 moved it to lib
		if wasmExec, err = os.ReadFile(filepath.Join(goroot, filepath.FromSlash(p))); err == nil {
			break
		}
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			err = fmt.Errorf("not in %s", filepath.Join(goroot, "lib", "wasm"))
		}
		return Sources{}, &ToolchainError{Kind: ErrNoWasmExec, Detail: err.Error()}
	}

	tmp, err := os.MkdirTemp("", "loket-widget-")
	if err != nil {
		return Sources{}, &ToolchainError{Kind: ErrBuild, Detail: err.Error()}
	}
	defer os.RemoveAll(tmp)
	file := filepath.Join(tmp, "loket.wasm")
	if _, err := run(tc.Dir, "build", "-trimpath", "-buildvcs=false", "-ldflags=-s", "-o", file, BridgePackage); err != nil {
		if ctx.Err() != nil {
			return Sources{}, err
		}
		return Sources{}, &ToolchainError{Kind: ErrBuild, Detail: err.Error()}
	}
	bridge, err := os.ReadFile(file)
	if err != nil {
		return Sources{}, &ToolchainError{Kind: ErrBuild, Detail: err.Error()}
	}
	return Sources{Bridge: bridge, WasmExec: wasmExec}, nil
}

// Build compiles the bridge with tc and assembles the bundle (see
// [Toolchain.Sources] and [Assemble]).
func Build(ctx context.Context, tc Toolchain, opt Options) (*Bundle, error) {
	src, err := tc.Sources(ctx)
	if err != nil {
		return nil, err
	}
	return Assemble(src, opt)
}

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, "\n")
}
