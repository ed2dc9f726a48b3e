// Package wasmsize weighs a WebAssembly module built by Go, by package:
// the size of each function's code, summed by the Go package it belongs
// to, from the module's name section (a build without -ldflags=-s keeps
// it) and the list of the packages it was built from. The tests of the bridge and of the widget's budget log it, so that
// a change that adds weight says where the weight went.
package wasmsize

import (
	"encoding/binary"
	"errors"
	"regexp"
	"slices"
	"strings"
)

// Package is the code of one Go package in a module.
type Package struct {
	// Path is the package's import path
	// ("github.com/expatcentre/loket/internal/timetable", "runtime"), as
	// given to Of; "type:" for the type functions that the compiler
	// makes, and "?" for functions of no package.
	Path string
	// Bytes is the size of its functions' code, before compression.
	Bytes int
}

// Weight is what a module holds.
type Weight struct {
	// Packages are the packages with code, largest first (and by path
	// for equal sizes).
	Packages []Package
	// Code is the size of the code section's function bodies, Data the
	// size of the data section (strings, tables, type information).
	Code, Data int
	// Named reports whether the module has a name section: without it
	// (a build with -ldflags=-s), every function counts for "?".
	Named bool
}

// Of weighs the WebAssembly module b, built from the packages pkgs (their
// import paths, as go list -deps lists them): each function counts for
// the package whose path, as the linker writes it (see [Mangle]), starts
// its name, the longest such path when several do. A function of none of
// them, such as the runtime's assembly, counts for "?"; the functions of
// the package main count for "main", whatever its path. A module that Of
// cannot read (not WebAssembly, truncated) gives an error, never a panic.
func Of(b []byte, pkgs []string) (Weight, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return Weight{}, errors.New("wasmsize: not a WebAssembly module")
	}
	r := reader{b: b}
	var w Weight
	var imports int
	var bodies []int
	names := map[int]string{}
	for i := 8; i < len(b); {
		id := b[i]
		size, j := r.uleb(i + 1)
		start, end := j, j+int(size)
		if r.bad || end > len(b) || end < start {
			return Weight{}, errors.New("wasmsize: a section runs past the end of the module")
		}
		switch id {
		case 2: // imports: Go's are all functions
			n, k := r.uleb(start)
			for range n {
				if r.bad {
					break
				}
				l, k2 := r.uleb(k)
				l2, k3 := r.uleb(k2 + int(l))
				k = k3 + int(l2)
				if k >= end {
					r.bad = true
					break
				}
				if b[k] != 0 {
					return Weight{}, errors.New("wasmsize: an import that is not a function")
				}
				_, k = r.uleb(k + 1)
				imports++
			}
		case 10: // code
			n, k := r.uleb(start)
			for range n {
				if r.bad {
					break
				}
				l, k2 := r.uleb(k)
				bodies = append(bodies, int(l))
				w.Code += int(l)
				k = k2 + int(l)
			}
		case 11: // data
			w.Data = int(size)
		case 0: // custom: the name section's function names
			l, k := r.uleb(start)
			if k+int(l) <= end && string(b[k:k+int(l)]) == "name" {
				w.Named = true
				for k += int(l); k < end && !r.bad; {
					sub := b[k]
					sl, k2 := r.uleb(k + 1)
					if sub == 1 {
						n, m := r.uleb(k2)
						for range n {
							if r.bad {
								break
							}
							idx, m2 := r.uleb(m)
							nl, m3 := r.uleb(m2)
							if m3+int(nl) > end {
								r.bad = true
								break
							}
							names[int(idx)] = string(b[m3 : m3+int(nl)])
							m = m3 + int(nl)
						}
					}
					k = k2 + int(sl)
				}
			}
		}
		if r.bad {
			return Weight{}, errors.New("wasmsize: a malformed section")
		}
		i = end
	}
	ms := []mangled{{"main", "main"}} // a package main's functions are main.*
	for _, p := range pkgs {
		ms = append(ms, mangled{Mangle(p), p})
	}
	slices.SortFunc(ms, func(a, b mangled) int { return len(b.name) - len(a.name) })
	sums := map[string]int{}
	for k, size := range bodies {
		p := "?"
		if name, ok := names[imports+k]; ok {
			p = packageOf(name, ms)
		}
		sums[p] += size
	}
	for p, s := range sums {
		w.Packages = append(w.Packages, Package{p, s})
	}
	slices.SortFunc(w.Packages, func(a, b Package) int {
		if a.Bytes != b.Bytes {
			return b.Bytes - a.Bytes
		}
		return strings.Compare(a.Path, b.Path)
	})
	return w, nil
}

// reader reads unsigned LEB128 numbers from b, and remembers a read past
// its end.
type reader struct {
	b   []byte
	bad bool
}

func (r *reader) uleb(i int) (uint64, int) {
	if i < 0 || i >= len(r.b) {
		r.bad = true
		return 0, len(r.b)
	}
	v, n := binary.Uvarint(r.b[i:])
	if n <= 0 || v > uint64(len(r.b)) {
		r.bad = true
		return 0, len(r.b)
	}
	return v, i + n
}

// Mangle returns an import path as the linker writes it in the name
// section: every character other than a letter, a digit, "_" and "."
// as "_" ("internal/runtime/maps" is "internal_runtime_maps").
func Mangle(path string) string { return nameRE.ReplaceAllString(path, "_") }

// nameRE is the linker's nameRegexp (cmd/link/internal/wasm).
var nameRE = regexp.MustCompile(`[^\w.]`)

// packageOf returns the package of a function's name among pkgs, mangled
// paths sorted longest first: the first that, with a dot, starts the
// name. A function of none is "type:" when it is a type's function
// (type:.eq.X), else "?".
func packageOf(name string, pkgs []mangled) string {
	for _, p := range pkgs {
		if strings.HasPrefix(name, p.name) && len(name) > len(p.name) && name[len(p.name)] == '.' {
			return p.path
		}
	}
	if strings.HasPrefix(name, "type_.") {
		return "type:"
	}
	return "?"
}

type mangled struct{ name, path string }
