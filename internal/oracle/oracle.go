// Package oracle runs the npm reference implementations (opening_hours.js,
// date-holidays) that loket's differential tests compare against.
//
// The packages are installed by scripts/test (the README's test command,
// which .ci/run runs) into .cache/npm at the repository
// root (or the folder named by LOKET_NODE_MODULES). When they are missing, a
// test that needs them is skipped on a developer machine and fails under CI
// (CI=true), so a broken install can never pass silently.
//
// The differential tests have two budgets: a default one that keeps go test
// fast enough to run often, and the full one that CI runs, chosen with the
// environment variable LOKET_ORACLE=full (see Full).
package oracle

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// BudgetVar is the environment variable that chooses the budget of the
// differential tests: unset or empty for the default budget, "full" for the
// full one.
const BudgetVar = "LOKET_ORACLE"

// Full reports whether the differential tests run their full budget
// (LOKET_ORACLE=full): every expression, probe and year that CI compares.
// Without it they compare a part of the same inputs (the first of the same
// random expressions, with the same probes), enough to fail on a fault in
// any construct but fast enough for every go test. Any other value of
// LOKET_ORACLE fails the test, so that a misspelt budget cannot pass for
// the full one.
func Full(tb testing.TB) bool {
	tb.Helper()
	switch v := os.Getenv(BudgetVar); v {
	case "":
		return false
	case "full":
		return true
	default:
		tb.Fatalf("%s=%q: want full, or unset for the default budget", BudgetVar, v)
		return false
	}
}

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
			missing(tb, fmt.Sprintf("npm package %s not installed in %s (run scripts/test -race ./..., which installs it)", p, dir))
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

// RunArgs runs node on script once per argument list, all concurrently,
// each with no input, and returns the standard output of each in the order
// of the lists. Scripts that work on a range given in their arguments use
// it to spread a long run over the machine's cores.
func RunArgs(tb testing.TB, nodeModules, tz, script string, argLists [][]string) [][]byte {
	tb.Helper()
	outs := make([][]byte, len(argLists))
	errs := make([]error, len(argLists))
	var wg sync.WaitGroup
	for i, args := range argLists {
		wg.Go(func() { outs[i], errs[i] = run(nodeModules, tz, script, nil, args) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		tb.Fatal(err)
	}
	return outs
}

// A Pool is a set of node processes that run one script and answer
// requests line by line: each line of input gives one line of output. The
// processes live until the test that started them ends, so the test pays
// for starting node and loading the reference package once per process, and
// Do hands each request to the first process that is free: the time a
// request takes differs a lot between requests, so dealing them out in
// advance leaves cores idle. A Pool is for one goroutine at a time.
type Pool struct {
	script  string
	workers []*worker
}

type worker struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	w      *bufio.Writer
	out    *bufio.Reader
	stderr bytes.Buffer
	err    error // the first error; the process is not used after it
	done   bool  // stopped
}

// StartPool starts n node processes (at least one) running script, in the
// time zone tz (empty for the machine's), with NODE_PATH pointing at the
// reference packages. They are stopped when tb ends, which fails tb if a
// process then reports an error.
func StartPool(tb testing.TB, nodeModules, tz, script string, n int) *Pool {
	tb.Helper()
	p := &Pool{script: filepath.Base(script)}
	tb.Cleanup(func() {
		if err := p.close(); err != nil {
			tb.Error(err)
		}
	})
	for range max(n, 1) {
		w := &worker{cmd: command(nodeModules, tz, script, nil)}
		w.cmd.Stderr = &w.stderr
		in, err := w.cmd.StdinPipe()
		if err != nil {
			tb.Fatal(err)
		}
		out, err := w.cmd.StdoutPipe()
		if err != nil {
			tb.Fatal(err)
		}
		if err := w.cmd.Start(); err != nil {
			tb.Fatalf("node %s: %v", p.script, err)
		}
		w.in, w.w, w.out = in, bufio.NewWriter(in), bufio.NewReaderSize(out, 1<<16)
		p.workers = append(p.workers, w)
	}
	return p
}

// Do sends each request (one line, without its newline) to a process of
// the pool and returns the answers (one line each, without the newline) in
// the order of the requests.
func (p *Pool) Do(tb testing.TB, reqs [][]byte) [][]byte {
	tb.Helper()
	answers := make([][]byte, len(reqs))
	next := make(chan int, len(reqs))
	for i := range reqs {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for _, w := range p.workers {
		if w.err != nil {
			continue
		}
		wg.Go(func() {
			for i := range next {
				if answers[i], w.err = w.do(reqs[i]); w.err != nil {
					w.err = fmt.Errorf("node %s, request %d: %w", p.script, i+1, w.err)
					return
				}
			}
		})
	}
	wg.Wait()
	var errs []error
	for _, w := range p.workers {
		if w.err != nil {
			errs = append(errs, w.stop())
		}
	}
	if err := errors.Join(errs...); err != nil {
		tb.Fatal(err)
	}
	for i, a := range answers {
		if a == nil {
			tb.Fatalf("node %s: no process left to answer request %d", p.script, i+1)
		}
	}
	return answers
}

// do sends one request and reads its answer.
func (w *worker) do(req []byte) ([]byte, error) {
	if bytes.IndexByte(req, '\n') >= 0 {
		return nil, errors.New("a request must be one line")
	}
	w.w.Write(req)
	w.w.WriteByte('\n')
	if err := w.w.Flush(); err != nil {
		return nil, err
	}
	line, err := w.out.ReadBytes('\n')
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return line[:len(line)-1], nil
}

// stop ends the process and returns its error joined with the process's
// own, with what it wrote to standard error.
func (w *worker) stop() error {
	if w.done {
		return nil
	}
	w.done = true
	w.in.Close()
	err := w.cmd.Wait()
	if err != nil || w.err != nil {
		return fmt.Errorf("%w\n%s", errors.Join(w.err, err), w.stderr.String())
	}
	return nil
}

func (p *Pool) close() error {
	var errs []error
	for _, w := range p.workers {
		if err := w.stop(); err != nil {
			errs = append(errs, fmt.Errorf("node %s: %w", p.script, err))
		}
	}
	return errors.Join(errs...)
}

func command(nodeModules, tz, script string, args []string) *exec.Cmd {
	cmd := exec.Command("node", append([]string{script}, args...)...)
	cmd.Env = append(os.Environ(), "NODE_PATH="+nodeModules)
	if tz != "" {
		cmd.Env = append(cmd.Env, "TZ="+tz)
	}
	dieWithParent(cmd)
	return cmd
}

func run(nodeModules, tz, script string, stdin []byte, args []string) ([]byte, error) {
	cmd := command(nodeModules, tz, script, args)
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
