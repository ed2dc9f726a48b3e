package main

import (
	"bytes"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/expatcentre/loket/centre"
)

// builtin is the built-in centre, compiled once for all the tests (it is
// immutable).
var builtin = sync.OnceValue(centre.Default)

// result is what one run of loket gave.
type result struct {
	code           int
	stdout, stderr string
}

// loketEnv runs loket with args, stdin as standard input and env as the
// whole environment, and the build information of a checkout.
func loketEnv(env map[string]string, stdin io.Reader, args ...string) result {
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errOut bytes.Buffer
	inv := &invocation{
		stdin: stdin, stdout: &out, stderr: &errOut,
		getenv:    func(name string) string { return env[name] },
		buildInfo: buildInfoFor(&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/expatcentre/loket", Version: "(devel)"}}),
		builtin:   builtin(),
		// The widget from a bridge built once, with quick compression.
		buildWidget: testBuildWidget,
	}
	code := runWith(inv, args)
	return result{code, out.String(), errOut.String()}
}

// runLoket runs loket with args in an environment that states no
// language, so that the centre's default language (Dutch) applies unless
// --lang is given, with empty standard input.
func runLoket(args ...string) (code int, stdout, stderr string) {
	r := loketEnv(nil, nil, args...)
	return r.code, r.stdout, r.stderr
}

// check runs loket check with args and standard input stdin.
func check(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	inv := &invocation{stdin: stdin, stdout: stdout, stderr: stderr, getenv: func(string) string { return "" }, buildInfo: debug.ReadBuildInfo}
	return runWith(inv, append([]string{"check"}, args...))
}

// buildInfoFor returns a buildInfo function that gives info, or nothing
// for nil.
func buildInfoFor(info *debug.BuildInfo) func() (*debug.BuildInfo, bool) {
	return func() (*debug.BuildInfo, bool) { return info, info != nil }
}

// writeTemp writes data to a file name in a new temporary directory and
// returns its path.
func writeTemp(t *testing.T, name, data string) string {
	t.Helper()
	path := t.TempDir() + string(os.PathSeparator) + name
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// usageError is what a command writes on standard error for bad usage, in
// English: its message and where the usage is.
func usageError(cmd, msg string) string {
	return "loket " + cmd + ": " + msg + "\nRun \"loket help " + cmd + "\" for its usage.\n"
}
