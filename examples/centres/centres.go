// Package centres holds the example centre files that ship with loket,
// embedded in the binary: maastricht.yaml, the Maastricht International
// Centre, is loket's default centre and the template for other centres.
//
// The files are data: package centre decodes and compiles them.
package centres

import (
	"embed"
	"io/fs"
)

// MaastrichtFile is the name of the Maastricht centre file in [FS].
const MaastrichtFile = "maastricht.yaml"

//go:embed *.yaml
var files embed.FS

// FS returns the embedded centre files, one YAML file per centre, at the
// root of the file system.
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
