//go:build unix

package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeStopsOnSignal runs loket serve as a user does, on a free port,
// in Dutch and in English: it serves the demo page and the widget, and a
// SIGTERM or SIGINT stops it with status 0; every line it writes is in
// the output language.
func TestServeStopsOnSignal(t *testing.T) {
	lw := newLangWords(t)
	for _, c := range []struct {
		lang string
		sig  syscall.Signal
	}{{"nl", syscall.SIGTERM}, {"en", syscall.SIGINT}} {
		stdoutR, stdoutW := io.Pipe()
		stderrR, stderrW := io.Pipe()
		inv := &invocation{
			stdin: strings.NewReader(""), stdout: stdoutW, stderr: stderrW,
			getenv: func(string) string { return "" }, buildInfo: debug.ReadBuildInfo,
			builtin: builtin(), buildWidget: testBuildWidget,
		}
		done := make(chan int, 1)
		go func() {
			code := runWith(inv, []string{"serve", "--addr", "127.0.0.1:0", "--lang", c.lang})
			stdoutW.Close()
			stderrW.Close()
			done <- code
		}()
		errLines := make(chan []string, 1)
		go func() {
			b, _ := io.ReadAll(stderrR)
			errLines <- strings.Split(strings.TrimSpace(string(b)), "\n")
		}()
		out := bufio.NewReader(stdoutR)
		line, err := out.ReadString('\n')
		if err != nil {
			t.Fatalf("%s: no line on stdout: %v (exit %d?)", c.lang, err, <-done)
		}
		url := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(line)
		if url == "" {
			t.Fatalf("%s: no address in %q", c.lang, line)
		}
		for _, path := range []string{"", "widget/loket.js", "widget/loket.wasm", "widget/maastricht.loket"} {
			res, err := http.Get(url + path)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 {
				t.Errorf("GET %s: %d", url+path, res.StatusCode)
			}
		}
		if err := syscall.Kill(os.Getpid(), c.sig); err != nil {
			t.Fatal(err)
		}
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("%s: exit %d after %v", c.lang, code, c.sig)
			}
		case <-time.After(15 * time.Second):
			t.Fatalf("%s: loket serve did not stop on %v", c.lang, c.sig)
		}
		rest, _ := io.ReadAll(out)
		lines := append([]string{line}, strings.Split(strings.TrimSpace(string(rest)), "\n")...)
		stderr := <-errLines
		if len(stderr) != 3 { // building, stopping, stopped
			t.Errorf("%s: stderr %q", c.lang, stderr)
		}
		for _, l := range append(lines, stderr...) {
			nl, en := lw.markers(l, nil)
			wrong, right := en, nl
			if c.lang == "en" {
				wrong, right = nl, en
			}
			if len(wrong) > 0 || len(right) == 0 && strings.TrimSpace(l) != "" {
				t.Errorf("%s: a line not in %s (%q): %s", c.lang, c.lang, wrong, l)
			}
		}
		if _, err := http.Get(url); err == nil {
			t.Errorf("%s: the server answers after the stop", c.lang)
		}
	}
}
