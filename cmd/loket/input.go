package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/expatcentre/loket/centre"
)

// Input is read in bounded amounts: a centre file up to its --max-size
// (centre.DefaultMaxSize unless raised), the facts of loket check up to
// eligibility.MaxFactsSize. Reading stops one byte past the limit, so that
// the library refuses the input with its own message, and /dev/zero or a
// pipe that never ends cost no more than the limit.

// maxMaxSize is the largest --max-size: loading takes up to about 50 times
// the size in memory.
const maxMaxSize = 1 << 30

// byteSize is the value of the --max-size flag: a number of bytes, written
// as a whole number of bytes or of KiB or MiB (1048576, 512KiB, 4MiB).
type byteSize int

// String returns the size as set reads it: 4MiB, 512KiB, 1000.
func (b *byteSize) String() string {
	switch n := int(*b); {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + "MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + "KiB"
	default:
		return strconv.Itoa(n)
	}
}

// set reads a size: a whole number of bytes, or of KiB or MiB, from 1
// byte to 1GiB.
func (b *byteSize) set(s string) *problem {
	digits, unit := s, 1
	for suffix, u := range map[string]int{"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30} {
		if d, ok := strings.CutSuffix(s, suffix); ok {
			digits, unit = d, u
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || strings.ContainsAny(digits, "+-") || n > maxMaxSize/unit {
		return usageProblem("cli.flag.size_bad", map[string]any{"Value": quote(s)})
	}
	*b = byteSize(n * unit)
	return nil
}

// defaultMaxSize is the default of --max-size as the flag takes it: 1MiB.
func defaultMaxSize() string {
	b := byteSize(centre.DefaultMaxSize)
	return b.String()
}

// addMaxSizeFlag defines --max-size on fs: the largest centre file to
// read, centre.DefaultMaxSize unless given.
func addMaxSizeFlag(fs *flagSet) *byteSize {
	b := byteSize(centre.DefaultMaxSize)
	fs.define("max-size", "cli.arg.size", "cli.flag.max_size", true, &b)
	return &b
}

// readCentreFile reads the centre file name, which must be a regular
// file, and at most limit+1 bytes of it. The problem names the file as
// given.
func readCentreFile(name string, limit int) ([]byte, *problem) {
	// O_NONBLOCK: opening a named pipe that no one writes to returns at
	// once, and Stat refuses it.
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, readProblem(name, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, readProblem(name, err)
	}
	if !info.Mode().IsRegular() {
		return nil, &problem{status: 1, id: "cli.file.not_regular", data: map[string]any{"File": name, "Kind": message{fileKind(info.Mode()), nil}}}
	}
	data, err := readAtMost(f, limit)
	if err != nil {
		return nil, readProblem(name, err)
	}
	return data, nil
}

// readProblem is the problem of a file that cannot be read (exit status
// 1): the file as given, and why, in the output language for a file that
// does not exist or may not be read, else as the system says it.
func readProblem(name string, err error) *problem {
	data := map[string]any{"File": name}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		data["Reason"] = message{"cli.file.not_exist", nil}
	case errors.Is(err, fs.ErrPermission):
		data["Reason"] = message{"cli.file.permission", nil}
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is in the message already
		}
		data["Reason"] = err.Error()
	}
	return &problem{status: 1, id: "cli.file.unreadable", data: data}
}

// readAtMost reads r up to its end or limit+1 bytes, whichever comes
// first.
func readAtMost(r io.Reader, limit int) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, int64(limit)+1))
}

// fileKind returns the message id that names the kind of a file that is
// not a regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "cli.file.kind.directory"
	case m&fs.ModeNamedPipe != 0:
		return "cli.file.kind.pipe"
	case m&fs.ModeSocket != 0:
		return "cli.file.kind.socket"
	case m&fs.ModeCharDevice != 0:
		return "cli.file.kind.char_device"
	case m&fs.ModeDevice != 0:
		return "cli.file.kind.device"
	}
	return "cli.file.kind.special"
}

// centreFlags are the flags of the commands that show a centre: --centre,
// --max-size and --format.
type centreFlags struct {
	centre, format *string
	maxSize        *byteSize
}

// addCentreFlags defines --centre, --max-size and --format on fs.
func addCentreFlags(fs *flagSet) centreFlags {
	return centreFlags{
		centre:  fs.String("centre", "cli.arg.file", "cli.flag.centre", true),
		maxSize: addMaxSizeFlag(fs),
		format:  addFormatFlag(fs),
	}
}

// addFormatFlag defines --format on fs: text (the default) or json.
func addFormatFlag(fs *flagSet) *string {
	p := fs.String("format", "cli.arg.format", "cli.flag.format", true)
	*p = "text"
	return p
}

// checkFormat checks the value of --format.
func checkFormat(format string) *problem {
	if format != "text" && format != "json" {
		return usageProblem("cli.flag.format_bad", map[string]any{"Value": quote(format)})
	}
	return nil
}

// noArguments is the problem of a command that takes only flags and was
// given an argument.
func noArguments(args []string) *problem {
	if len(args) == 0 {
		return nil
	}
	return usageProblem("cli.error.no_arguments", map[string]any{"Arg": quote(args[0])})
}

// centreCommand checks what the commands that show a centre share: no
// arguments, a valid --format, and a centre that loads (the built-in one
// without --centre), whose default language it then applies. When it
// returns false, the problem has been written and code is the exit status.
func (c *context) centreCommand(f centreFlags, args []string) (ce *centre.Centre, code int, ok bool) {
	if pr := cmpProblem(noArguments(args), checkFormat(*f.format)); pr != nil {
		return nil, c.failUsage(pr), false
	}
	if ce, ok = c.loadCentre(*f.centre, int(*f.maxSize)); !ok {
		return nil, 1, false
	}
	return ce, 0, true
}

// cmpProblem returns the first problem that is not nil.
func cmpProblem(prs ...*problem) *problem {
	for _, pr := range prs {
		if pr != nil {
			return pr
		}
	}
	return nil
}

// loadCentre loads the centre of --centre, the built-in centre when file
// is empty, and makes its default language the output language unless
// --lang or the environment chose one. On failure it writes the problem:
// the file cannot be read, or every error of the file.
func (c *context) loadCentre(file string, maxSize int) (*centre.Centre, bool) {
	if file == "" {
		ce := c.defaultCentre()
		c.useCentre(ce)
		return ce, true
	}
	data, pr := readCentreFile(file, maxSize)
	if pr != nil {
		c.report(pr)
		return nil, false
	}
	ce, err := centre.LoadWithLimits(file, data, centre.Limits{MaxSize: maxSize})
	if err != nil {
		c.centreErrors(file, err)
		return nil, false
	}
	c.useCentre(ce)
	return ce, true
}

// centreErrors writes the errors of a centre file that does not load: a
// line that says so, then each error as package centre words it
// (file:line:column: field: message), all in the output language, then,
// for a file over the size limit, how to raise it.
func (c *context) centreErrors(file string, err error) {
	var errs centre.Errors
	if !errors.As(err, &errs) {
		c.fail(1, "cli.centre.error", map[string]any{"File": file, "Error": c.p.Err(err)})
		return
	}
	c.fail(1, "cli.centre.errors", map[string]any{"File": file, "Count": len(errs)})
	for _, e := range errs {
		io.WriteString(c.stderr, e.In(c.p.Language())+"\n")
	}
	if errors.Is(err, centre.ErrTooLarge) {
		c.fail(1, "cli.centre.max_size_hint", nil)
	}
}
