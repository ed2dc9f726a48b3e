package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/expatcentre/loket/examples/centres"
)

// centreErrors is what a command writes on standard error, in English,
// for a centre file that does not load with one error: a line that says
// so, the error as package centre words it, and the hint for a file over
// the size limit.
func centreErrors(cmd, file, err string, tooLarge bool) string {
	s := "loket " + cmd + ": the centre file " + file + " has 1 error:\n" + file + err + "\n"
	if tooLarge {
		s += "loket " + cmd + ": --max-size raises the limit\n"
	}
	return s
}

// maxInputAlloc bounds the memory a command may allocate for input it
// refuses.
const maxInputAlloc = 100 << 20

// TestBadInput holds one case per kind of hostile or broken input: each is
// refused with one message that names the place, the exit status of the
// command's conventions (validate: 1 for a file with errors or that cannot
// be read, 2 for bad usage; check: 2 for facts that are not valid), and
// less than 100 MB allocated, however large the input.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	// A valid centre file that is 1 byte over 1 MiB for a comment at its end.
	oversized := string(centres.Maastricht())
	oversized += "# " + strings.Repeat("x", 1<<20-len(oversized)-2) + "\n"
	huge := strings.Repeat("x", 900_000)
	hugeArray := "[" + strings.Repeat("1,", 30_000) + "1]"
	var deepBlock strings.Builder
	for i := range 110 {
		deepBlock.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	fifo := filepath.Join(dir, "fifo.yaml")
	haveFIFO := mkfifo(fifo) == nil
	devZero := "/dev/zero"
	if _, err := os.Stat(devZero); err != nil {
		devZero = ""
	}
	const deep = ": lists and mappings nested more than 100 deep: a centre file nests about 6 deep"
	tests := []struct {
		name   string
		args   []string
		stdin  string // for check; "/dev/zero" reads it
		code   int
		stderr string // exactly, or a prefix for exit status 2 with a usage text
	}{
		{
			name: "oversized file",
			args: []string{"validate", write("oversized.yaml", oversized)},
			code: 1,
			stderr: centreErrors("validate", filepath.Join(dir, "oversized.yaml"), fmt.Sprintf(":%d:%d", strings.Count(oversized, "\n"), 1<<20+1-len(centres.Maastricht()))+
				": the file is larger than 1 MiB (1048576 bytes), the most a centre file may have", true),
		},
		{
			name: "non-regular file: /dev/zero",
			args: []string{"validate", devZero},
			code: 1, stderr: "loket validate: /dev/zero: not a regular file but a character device\n",
		},
		{
			name: "non-regular file: a named pipe",
			args: []string{"validate", fifo},
			code: 1, stderr: "loket validate: " + fifo + ": not a regular file but a named pipe\n",
		},
		{
			name: "a directory",
			args: []string{"validate", dir},
			code: 1, stderr: "loket validate: " + dir + ": not a regular file but a directory\n",
		},
		{
			name: "a directory as the centre of hours",
			args: []string{"hours", "-centre", dir},
			code: 1, stderr: "loket hours: " + dir + ": not a regular file but a directory\n",
		},
		{
			name: "deep flow nesting: [ x 100000",
			args: []string{"validate", write("brackets.yaml", strings.Repeat("[", 100_000))},
			code: 1, stderr: centreErrors("validate", filepath.Join(dir, "brackets.yaml"), ":1:101"+deep, false),
		},
		{
			name: "deep flow nesting: {a:  x 100000",
			args: []string{"validate", write("braces.yaml", strings.Repeat("{a: ", 100_000))},
			code: 1, stderr: centreErrors("validate", filepath.Join(dir, "braces.yaml"), ":1:401"+deep, false),
		},
		{
			name: "deep block nesting by indentation",
			args: []string{"validate", write("indented.yaml", deepBlock.String())},
			code: 1, stderr: centreErrors("validate", filepath.Join(dir, "indented.yaml"), ":101:101"+deep, false),
		},
		{
			name: "deep block nesting: - x 100000",
			args: []string{"validate", write("dashes.yaml", strings.Repeat("- ", 100_000))},
			code: 1, stderr: centreErrors("validate", filepath.Join(dir, "dashes.yaml"), ":1:201"+deep, false),
		},
		{
			name: "too many tokens",
			args: []string{"validate", write("ones.yaml", "desks: "+strings.Repeat("[1,1,1,1]\n", 110_000)[:1<<20-8])},
			code: 1,
			stderr: centreErrors("validate", filepath.Join(dir, "ones.yaml"), ":7282:5: the file has more than 65536 YAML tokens (keys, values, dashes, commas and the like), "+
				"the most allowed with a size limit of 1 MiB (1048576 bytes)", true),
		},
		{
			name: "invalid UTF-8",
			args: []string{"validate", write("latin1.yaml", "id: x\nname: {nl: Caf\xe9, en: Cafe}\n")},
			code: 1, stderr: centreErrors("validate", filepath.Join(dir, "latin1.yaml"), ":2:15: invalid UTF-8: the byte 0xE9 starts no character; save the file as UTF-8", false),
		},
		{
			name: "byte-order mark",
			args: []string{"validate", write("bom.yaml", "\uFEFF"+oneDesk)},
			code: 1, stderr: centreErrors("validate", filepath.Join(dir, "bom.yaml"), ":1:1: the file starts with a byte-order mark (U+FEFF): save it as UTF-8 without one", false),
		},
		{
			name: "a huge scalar, quoted in part",
			args: []string{"validate", write("huge.yaml", "id: "+huge+"\n"+oneDesk[len("id: small\n"):])},
			code: 1,
			stderr: centreErrors("validate", filepath.Join(dir, "huge.yaml"), `:1:5: id: expected an id of lower-case letters, digits and hyphens, such as maastricht, found "`+
				huge[:80]+`"… (900000 characters)`, false),
		},
		{
			name: "a huge unknown field, quoted in part",
			args: []string{"validate", write("key.yaml", oneDesk+huge+": 1\n")},
			code: 1,
			stderr: centreErrors("validate", filepath.Join(dir, "key.yaml"), `:8:1: `+huge[:40]+`…: unknown field "`+huge[:80]+`"… (900000 characters); `+
				"expected one of id, name, description, address, coordinates, website, booking_url, time_zone, default_language, default_desk, holidays, desks, services, book_next, service_area", false),
		},
		{
			name:  "check: a huge array, quoted in part",
			args:  []string{"check"},
			stdin: `{"date": "2026-03-01", "nationality": "IN", "age": ` + hugeArray + `}`,
			code:  2, stderr: "loket check: the facts in <stdin> are not valid: 1:52: age: want a whole number of years, got " + hugeArray[:80] + "… (60003 characters)\n",
		},
		{
			name:  "check: input over 64 KiB",
			args:  []string{"check"},
			stdin: `{"date": "2026-03-01", "nationality": "IN"}` + strings.Repeat(" ", 1<<20),
			code:  2, stderr: "loket check: the facts in <stdin> are not valid: 1:65537: longer than 64 KiB (65536 bytes): the facts of a person take a few hundred bytes\n",
		},
		{
			name:  "check: /dev/zero on standard input",
			args:  []string{"check"},
			stdin: devZero,
			code:  2, stderr: "loket check: the facts in <stdin> are not valid: 1:65537: longer than 64 KiB (65536 bytes): the facts of a person take a few hundred bytes\n",
		},
		{
			name: "check: /dev/zero as the file of facts",
			args: []string{"check", devZero},
			code: 2, stderr: "loket check: the facts in /dev/zero are not valid: 1:65537: longer than 64 KiB (65536 bytes): the facts of a person take a few hundred bytes\n",
		},
		{
			name: "a long flag value, quoted in part",
			args: []string{"validate", "-format", huge[:1000], "x.yaml"},
			code: 2, stderr: `loket validate: unknown flag -format` + "\n",
		},
		{
			name: "a long flag value, quoted in part",
			args: []string{"hours", "-format", huge[:1000]},
			code: 2, stderr: `loket hours: --format "` + huge[:80] + `"… (1000 characters): want text or json` + "\n",
		},
		{
			name: "check: many arguments, shown in part",
			args: []string{"check", huge[:500], huge[:500]},
			code: 2, stderr: "loket check: want at most one FILE, got 2 arguments: " + huge[:80] + "… (1001 characters)\n",
		},
		{
			name: "osm: a 2.3 MB expression, shown in part",
			args: []string{"osm", strings.Repeat("Mo-Fr 09:00-17:00; ", 121_000)},
			code: 2,
			stderr: "loket osm: not a valid opening_hours expression: column 4097: the expression is 2299000 bytes long: at most 4096 are accepted\n" +
				"  …" + strings.Repeat("Mo-Fr 09:00-17:00; ", 300)[4096-40:4096+40] + "…\n" + // 80 characters around column 4097
				strings.Repeat(" ", 43) + "^\n",
		},
		{
			name: "osm: more rules than MaxRules",
			args: []string{"osm", strings.Repeat("off;", 300)},
			code: 2, stderr: "loket osm: not a valid opening_hours expression: column 1024: more than 256 rules: a schedule takes at most 256\n",
		},
		{
			name: "osm: a year before 1901",
			args: []string{"osm", "0001 Mo 09:00-12:00"},
			code: 2, stderr: `loket osm: not a valid opening_hours expression: column 1: found "0001": a year is 1901 or later (as in opening_hours.js), and a time is written like 09:00` + "\n",
		},
		{
			name: "a recurrence with COUNT=0",
			args: []string{"hours", "-centre", write("count0.yaml", rruleCentre("FREQ=WEEKLY;COUNT=0;BYDAY=SA")), "-at", "2026-12-22T10:00:00+01:00"},
			code: 1, stderr: centreErrors("hours", filepath.Join(dir, "count0.yaml"), ":9:16: desks[0].recurrences[0].rrule: COUNT=0: expected the number of occurrences, 1 or more", false),
		},
		{
			name: "a recurrence with INTERVAL=0",
			args: []string{"validate", write("interval0.yaml", rruleCentre("FREQ=WEEKLY;INTERVAL=0;BYDAY=SA"))},
			code: 1, stderr: centreErrors("validate", filepath.Join(dir, "interval0.yaml"), ":9:16: desks[0].recurrences[0].rrule: INTERVAL=0: expected the number of periods between occurrences (1: every one), 1 or more", false),
		},
		{
			name: "a recurrence on 30 February",
			args: []string{"validate", write("feb30.yaml", rruleCentre("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"))},
			code: 1, stderr: centreErrors("validate", filepath.Join(dir, "feb30.yaml"), ":9:16: desks[0].recurrences[0].rrule: BYMONTHDAY=30 never occurs in February", false),
		},
		{
			name: "a recurrence that ends before it starts",
			args: []string{"validate", write("until.yaml", rruleCentre("FREQ=WEEKLY;UNTIL=20251231;BYDAY=SA"))},
			code: 1, stderr: centreErrors("validate", filepath.Join(dir, "until.yaml"), ":9:16: desks[0].recurrences[0].rrule: UNTIL 2025-12-31 is before the start 2026-01-03: the rule would never occur", false),
		},
		{
			name:  "check: the zero date",
			args:  []string{"check"},
			stdin: `{"date": "0001-01-01", "nationality": "IN"}`,
			code:  2, stderr: "loket check: the facts in <stdin> are not valid: 1:10: date: 0001-01-01 is outside the days loket answers for, 1900-01-01 to 2199-12-31\n",
		},
		{
			name: "hours on Christmas Day 2200",
			args: []string{"hours", "-at", "2200-12-25T10:00:00+01:00"},
			code: 2, stderr: "loket hours: --at \"2200-12-25T10:00:00+01:00\": loket answers for 1900-01-01 to 2199-12-31, the years of its holiday calendar\n",
		},
		{
			name: "a desk that does not exist",
			args: []string{"hours", "-desk", "="},
			code: 2, stderr: "loket hours: --desk \"=\": centre maastricht has no such desk; its desks: ind, municipality\n",
		},
		{
			name: "bad -max-size",
			args: []string{"validate", "-max-size", "4MB", "x.yaml"},
			code: 2, stderr: `loket validate: --max-size "4MB": want a size from 1 byte to 1GiB: bytes, or a whole number of KiB or MiB such as 4MiB` + "\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if slices.Contains(tt.args, "") || tt.stdin == "" && slices.Contains(tt.args, "/dev/zero") && devZero == "" ||
				strings.Contains(tt.name, "named pipe") && !haveFIFO {
				t.Skip("not on this system")
			}
			var stdin io.Reader = strings.NewReader(tt.stdin)
			if tt.stdin == "/dev/zero" {
				if devZero == "" {
					t.Skip("no /dev/zero")
				}
				f, err := os.Open(devZero)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				stdin = f
			}
			var stdout, stderr bytes.Buffer
			var code int
			alloc := allocated(func() {
				code = runWith(&invocation{stdin: stdin, stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }},
					append(tt.args, "--lang", "en"))
			})
			got := stderr.String()
			if code != tt.code || tt.code == 2 && !strings.HasPrefix(got, tt.stderr) || tt.code != 2 && got != tt.stderr {
				t.Errorf("loket %.80s: exit %d, want %d\nstderr: %.600s\n  want: %.600s", strings.Join(tt.args, " "), code, tt.code, got, tt.stderr)
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout: %.200s", stdout.String())
			}
			if alloc > maxInputAlloc {
				t.Errorf("allocated %d MB, want less than %d MB", alloc>>20, maxInputAlloc>>20)
			}
		})
	}
}

// --max-size raises the limit for validate and for the commands with
// --centre; a file within the limit loads.
func TestMaxSize(t *testing.T) {
	dir := t.TempDir()
	data := string(centres.Maastricht())
	data += "# " + strings.Repeat("x", 1<<20-len(data)-2) + "\n"
	path := filepath.Join(dir, "padded.yaml")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"validate", "-max-size", "2MiB", path},
		{"validate", "--max-size", "1048577", path},
		{"hours", "-centre", path, "-max-size", "1025KiB", "-at", "2026-12-22T10:00:00+01:00"},
		{"services", "-centre", path, "--max-size", "2MiB", "-at", "2026-12-22T10:00:00+01:00"},
		{"estimate", "-centre", path, "--max-size", "2MiB", "-service", "ind-hsm-decision", "-submitted", "2026-12-22"},
	} {
		code, stdout, stderr := runLoket(args...)
		if code != 0 || stderr != "" || stdout == "" {
			t.Errorf("loket %s: exit %d\n%.300s%.300s", strings.Join(args, " "), code, stdout, stderr)
		}
	}
	code, _, stderr := runLoket("services", "-centre", path, "--lang", "en")
	if code != 1 || !strings.HasSuffix(stderr, "the most a centre file may have\nloket services: --max-size raises the limit\n") {
		t.Errorf("loket services -centre (1 MiB + 1 byte): exit %d\n%s", code, stderr)
	}
	for _, bad := range []string{"0", "-1", "1.5MiB", "1MB", "2GiB", "MiB", "1 MiB", "", "0x10"} {
		code, _, stderr := runLoket("validate", "-max-size", bad, path, "--lang", "en")
		if code != 2 || !strings.Contains(stderr, "want a size from 1 byte to 1GiB") && !(bad == "" && strings.Contains(stderr, "--max-size is empty")) {
			t.Errorf("loket validate -max-size %q: exit %d\n%.300s", bad, code, stderr)
		}
	}
}

// allocated returns the bytes that f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// rruleCentre is a centre file whose one desk has one recurrence with the
// rule given, from Saturday 3 January 2026.
func rruleCentre(rule string) string {
	return `id: test
name: {nl: Test, en: Test}
desks:
  - id: desk
    name: {nl: Balie, en: Desk}
    hours: Mo-Fr 09:00-17:00
    recurrences:
      - start: 2026-01-03
        rrule: ` + rule + `
`
}
