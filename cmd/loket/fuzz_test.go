package main

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzCommandLine runs loket with fuzzed arguments (NUL separates them):
// whatever the arguments, it must not panic, must end with status 0, 1 or
// 2, must say why on stderr when it fails, and must not echo a long
// argument back whole. check reads an empty standard input.
func FuzzCommandLine(f *testing.F) {
	for _, seed := range []string{
		"hours\x00--at\x002040-12-31T10:00:00+01:00",
		"hours\x00--at\x00",
		"hours\x00--lang\x00xx\x00--desk\x00nope",
		"osm\x00Mo-Fr 09:00-17:00; PH off\x00--at\x002196-12-31T23:59:59+01:00\x00--format\x00json",
		"osm\x0024/7\x00--week\x002199-12-30",
		"services\x00--at\x002200-12-25T10:00:00+01:00",
		"estimate\x00--service\x00ind-hsm-decision\x00--submitted\x002199-12-20",
		"holidays\x00--year\x00-1",
		"validate\x00/dev/zero",
		"check\x00--lang\x00nl",
		"help\x00osm",
		"hours\x00--max-size\x000",
		"osm\x00" + strings.Repeat("Mo 09:00-10:00; ", 300),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Split(line, "\x00")
		if len(args) > 16 {
			args = args[:16]
		}
		if args[0] == "serve" || args[0] == "widget" {
			// A server that runs until a signal, and files written where
			// the arguments say: not for a fuzzer.
			return
		}
		var stdout, stderr bytes.Buffer
		var code int
		if args[0] == "check" {
			code = check(args[1:], strings.NewReader(""), &stdout, &stderr)
		} else {
			code = run(args, &stdout, &stderr)
		}
		if code < 0 || code > 2 {
			t.Fatalf("loket %q: exit status %d", args, code)
		}
		if code != 0 && stderr.Len() == 0 {
			t.Fatalf("loket %q: exit status %d and nothing on stderr", args, code)
		}
		if stderr.Len() > 16<<10 {
			t.Fatalf("loket %q: %d bytes on stderr", args, stderr.Len())
		}
	})
}
