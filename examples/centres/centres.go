// Package centres holds the example centre files that ship with loket,
// embedded in the binary: maastricht.yaml, the Maastricht International
// Centre, is loket's default centre and the template for other centres;
// den-haag.yaml (The Hague International Centre) and eindhoven.yaml
// (Holland Expat Center South) are the others.
//
// The files are data: package centre decodes and compiles them. Each is
// also here compiled (<id>.loket, loket's compiled centre form, written by
// go generate ./examples/centres), so that loading a built-in centre costs
// a decode, not a YAML compile; a test fails when a compiled file is not
// what its YAML gives.
//
// centre.schema.json is the JSON Schema (draft 2020-12) of a centre file,
// for editors: each example names it on its first line
// ("# yaml-language-server: $schema=centre.schema.json"). A test of package
// centre holds it to the fields the decoder knows and to the files it
// accepts and refuses.
package centres

//go:generate go run ./gen

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
)

// MaastrichtFile is the name of the Maastricht centre file in [FS].
const MaastrichtFile = "maastricht.yaml"

// MaastrichtCompiledFile is the name of the compiled Maastricht centre in
// [FS].
const MaastrichtCompiledFile = "maastricht.loket"

//go:embed *.yaml *.loket
var files embed.FS

// FS returns the embedded centre files at the root of the file system:
// for each centre, its YAML file and its compiled form.
func FS() fs.FS { return files }

// Maastricht returns the contents of maastricht.yaml. Each call returns a
// new copy, which the caller may modify.
func Maastricht() []byte {
	data, err := files.ReadFile(MaastrichtFile)
	if err != nil {
		// The file is embedded at build time, so this cannot happen.
		panic("centres: " + err.Error())
	}
	return data
}

// MaastrichtCompiled returns the contents of maastricht.loket, the compiled
// form of maastricht.yaml. Each call returns a new copy.
func MaastrichtCompiled() []byte {
	data, err := files.ReadFile(MaastrichtCompiledFile)
	if err != nil {
		panic("centres: " + err.Error())
	}
	return data
}

// Files returns the names of the example centre files in [FS]
// (maastricht.yaml first, then the others in the order of their names).
func Files() []string {
	names, err := fs.Glob(files, "*.yaml")
	if err != nil {
		panic("centres: " + err.Error())
	}
	slices.SortStableFunc(names, func(a, b string) int {
		switch {
		case a == MaastrichtFile:
			return -1
		case b == MaastrichtFile:
			return 1
		}
		return strings.Compare(a, b)
	})
	return names
}

// Compiled returns the compiled form of the example centre file name (a
// name that Files returns, such as "den-haag.yaml"), and false when there
// is none. Each call returns a new copy.
func Compiled(name string) ([]byte, bool) {
	data, err := files.ReadFile(strings.TrimSuffix(name, ".yaml") + ".loket")
	return data, err == nil
}

// File returns the contents of the example centre file name, and false
// when there is none. Each call returns a new copy.
func File(name string) ([]byte, bool) {
	data, err := files.ReadFile(name)
	return data, err == nil
}
