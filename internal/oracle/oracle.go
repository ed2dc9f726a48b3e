// Package oracle runs the npm reference implementations (opening_hours.js,
// date-holidays) that loket's differential tests compare against.
//
// The packages are installed by .ci/run into .cache/npm at the repository
// root (or the folder named by LOKET_NODE_MODULES). When they are missing, a
// test that needs them is skipped on a developer machine and fails under CI
// (CI=true), so a broken install can never pass silently.
package oracle

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// NodeModules returns the node_modules folder that holds the reference
// packages, or skips (fails under CI) the test when it is not there.
func NodeModules(tb testing.TB, packages ...string) string {
	tb.Helper()
	dir := os.Getenv("LOKET_NODE_MODULES")
	if dir == "" {
		root, err := repoRoot()
		if err != nil {
			missing(tb, err.Error())
			return ""
		}
		dir = filepath.Join(root, ".cache", "npm", "node_modules")
	}
	if _, err := exec.LookPath("node"); err != nil {
		missing(tb, "node is not on PATH")
		return ""
	}
	for _, p := range packages {
		if _, err := os.Stat(filepath.Join(dir, p, "package.json")); err != nil {
			missing(tb, fmt.Sprintf("npm package %s not installed in %s (run .ci/run)", p, dir))
			return ""
		}
	}
	return dir
}

func missing(tb testing.TB, why string) {
	tb.Helper()
	if os.Getenv("CI") != "" {
		tb.Fatalf("reference oracle unavailable under CI: %s", why)
	}
	tb.Skipf("reference oracle unavailable: %s", why)
}

// Script returns the path of a script in internal/oracle/js.
func Script(tb testing.TB, name string) string {
	tb.Helper()
	root, err := repoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	return filepath.Join(root, "internal", "oracle", "js", name)
}

// Run runs node on script with stdin as input, in the time zone tz
// (empty for the machine's), and returns standard output. NODE_PATH points at
// the reference packages.
func Run(tb testing.TB, nodeModules, tz, script string, stdin []byte, args ...string) []byte {
	tb.Helper()
	out, err := run(nodeModules, tz, script, stdin, args)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// RunEach is Run for several inputs at once: one node process per input, all
// running concurrently, and the standard output of each in the order of the
// inputs. Scripts that answer requests independently use it to spread a long
// run over the machine's cores.
func RunEach(tb testing.TB, nodeModules, tz, script string, stdins [][]byte, args ...string) [][]byte {
	tb.Helper()
	outs := make([][]byte, len(stdins))
	errs := make([]error, len(stdins))
	var wg sync.WaitGroup
	for i, in := range stdins {
		wg.Go(func() { outs[i], errs[i] = run(nodeModules, tz, script, in, args) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		tb.Fatal(err)
	}
	return outs
}

func run(nodeModules, tz, script string, stdin []byte, args []string) ([]byte, error) {
	cmd := exec.Command("node", append([]string{script}, args...)...)
	cmd.Env = append(os.Environ(), "NODE_PATH="+nodeModules)
	if tz != "" {
		cmd.Env = append(cmd.Env, "TZ="+tz)
	}
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("node %s: %w\n%s", filepath.Base(script), err, stderr.String())
	}
	return out, nil
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
