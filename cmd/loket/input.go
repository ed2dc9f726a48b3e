package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/expatcentre/loket/centre"
)

// Input is read in bounded amounts: a centre file up to its -max-size
// (centre.DefaultMaxSize unless raised), the facts of loket check up to
// eligibility.MaxFactsSize. Reading stops one byte past the limit, so that
// the library refuses the input with its own message, and /dev/zero or a
// pipe that never ends cost no more than the limit.

// maxMaxSize is the largest -max-size: loading takes up to about 50 times
// the size in memory.
const maxMaxSize = 1 << 30

// byteSize is the value of the -max-size flag: a number of bytes, written
// as a whole number of bytes or of KiB or MiB (1048576, 512KiB, 4MiB).
type byteSize int

// String returns the size as Set reads it: 4MiB, 512KiB, 1000.
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

// Set reads a size: a whole number of bytes, or of KiB or MiB, from 1
// byte to 1GiB.
func (b *byteSize) Set(s string) error {
	digits, unit := s, 1
	for suffix, u := range map[string]int{"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30} {
		if d, ok := strings.CutSuffix(s, suffix); ok {
			digits, unit = d, u
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || strings.ContainsAny(digits, "+-") || n > maxMaxSize/unit {
		return errors.New("want a size from 1 to 1GiB: bytes, or a whole number of KiB or MiB such as 4MiB")
	}
	*b = byteSize(n * unit)
	return nil
}

// defaultMaxSize is the default of -max-size as the flag takes it: 1MiB.
func defaultMaxSize() string {
	b := byteSize(centre.DefaultMaxSize)
	return b.String()
}

// addMaxSizeFlag defines -max-size on fs: the largest centre file to
// read, centre.DefaultMaxSize unless given.
func addMaxSizeFlag(fs *flag.FlagSet) *byteSize {
	b := byteSize(centre.DefaultMaxSize)
	fs.Var(&b, "max-size", "the largest centre file to read: `size` in bytes, or with KiB or MiB such as 4MiB")
	return &b
}

// readCentreFile reads the centre file name, which must be a regular
// file, and at most limit+1 bytes of it.
func readCentreFile(name string, limit int) ([]byte, error) {
	// O_NONBLOCK: opening a named pipe that no one writes to returns at
	// once, and Stat refuses it.
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file but %s", name, fileKind(info.Mode()))
	}
	return readAtMost(f, limit)
}

// readAtMost reads r up to its end or limit+1 bytes, whichever comes
// first.
func readAtMost(r io.Reader, limit int) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, int64(limit)+1))
}

// fileKind names the kind of a file that is not a regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// centreError returns the error of loading a centre file for stderr: with
// a hint when the file is over the size limit.
func centreError(err error) string {
	if errors.Is(err, centre.ErrTooLarge) {
		return err.Error() + "; -max-size raises the limit"
	}
	return err.Error()
}
