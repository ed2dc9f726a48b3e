package main

import (
	goctx "context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/widget"
)

// setupWidget is "loket widget": the browser widget's files, written to
// a directory.
func setupWidget(fs *flagSet) func(c *context, args []string) int {
	out := new(string)
	fs.define("output", "cli.arg.dir", "cli.flag.output", false, stringValue{out})
	fs.define("o", "cli.arg.dir", "cli.flag.o", false, stringValue{out})
	flags := addWidgetFlags(fs)
	url := fs.String("url", "cli.arg.url", "cli.flag.url", true)
	return func(c *context, args []string) int {
		if pr := noArguments(args); pr != nil {
			return c.failUsage(pr)
		}
		if *out == "" {
			return c.failUsage(usageProblem("cli.widget.no_output", nil))
		}
		base, err := widget.BaseURL(*url)
		if err != nil {
			return c.failUsage(usageProblem("cli.flag.url_bad", map[string]any{"Value": quote(*url)}))
		}
		cs, ok := c.loadWidgetCentres(flags)
		if !ok {
			return 1
		}
		earlier, pr := checkOutputDir(*out)
		if pr != nil {
			return c.report(pr)
		}
		b, ok := c.buildBundle(goctx.Background(), widget.Options{Centres: cs, Now: time.Now(), URL: base})
		if !ok {
			return 1
		}
		n, pr := writeBundle(*out, b, earlier)
		if pr != nil {
			return c.report(pr)
		}
		return c.writeOutput(false, nil, func(w io.Writer) error {
			writeLine(w, c.p, "cli.widget.wrote", map[string]any{"Files": n, "Dir": *out})
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			for _, f := range b.Files {
				if f.Brotli != nil {
					writeLine(tw, c.p, "cli.widget.file", map[string]any{"Name": f.Name, "Bytes": len(f.Data), "Brotli": len(f.Brotli)})
				} else {
					writeLine(tw, c.p, "cli.widget.file_plain", map[string]any{"Name": f.Name, "Bytes": len(f.Data)})
				}
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			writeLine(w, c.p, "cli.widget.page", map[string]any{"Bytes": b.PageBytes(), "Budget": widget.Budget, "Centre": b.DefaultCentre})
			writeLine(w, c.p, "cli.widget.next", map[string]any{"Snippet": filepath.Join(*out, "snippet.html"), "URL": b.URL})
			return nil
		})
	}
}

// widgetFlags are the flags of the commands that build the widget:
// --centre (given once for each centre) and --max-size.
type widgetFlags struct {
	centres *[]string
	maxSize *byteSize
}

// listValue is a flag that may be given more than once: each value is
// added to the list.
type listValue struct{ p *[]string }

func (v listValue) set(s string) *problem { *v.p = append(*v.p, s); return nil }

// addWidgetFlags defines --centre, as a list, and --max-size on fs.
func addWidgetFlags(fs *flagSet) widgetFlags {
	f := widgetFlags{centres: new([]string)}
	fs.define("centre", "cli.arg.file", "cli.flag.centres", true, listValue{f.centres})
	f.maxSize = addMaxSizeFlag(fs)
	return f
}

// loadWidgetCentres loads the centres of --centre, or the built-in one,
// checks that the widget can show them (ids that differ, hours in
// Europe/Amsterdam), and applies the language of the first. On failure
// it writes the problem.
func (c *context) loadWidgetCentres(f widgetFlags) ([]*centre.Centre, bool) {
	if len(*f.centres) == 0 {
		ce := c.defaultCentre()
		c.useCentre(ce)
		return []*centre.Centre{ce}, true
	}
	var cs []*centre.Centre
	files := map[string]string{} // id -> file
	for _, file := range *f.centres {
		ce, ok := c.loadCentre(file, int(*f.maxSize))
		if !ok {
			return nil, false
		}
		if other, dup := files[ce.ID]; dup {
			c.fail(1, "cli.bundle.same_id", map[string]any{"File": other, "Other": file, "ID": ce.ID})
			return nil, false
		}
		if zone := ce.Location.String(); zone != "Europe/Amsterdam" {
			c.fail(1, "cli.bundle.zone", map[string]any{"File": file, "ID": ce.ID, "Zone": zone})
			return nil, false
		}
		files[ce.ID] = file
		cs = append(cs, ce)
	}
	c.useCentre(cs[0])
	return cs, true
}

// buildBundle builds the widget, saying so on standard error first, as
// it takes some seconds. On failure it writes the problem: the Go
// toolchain's in the output language.
func (c *context) buildBundle(ctx goctx.Context, opt widget.Options) (*widget.Bundle, bool) {
	writeLine(c.stderr, c.p, "cli.bundle.building", nil)
	build := c.buildWidget
	if build == nil {
		build = func(ctx goctx.Context, opt widget.Options) (*widget.Bundle, error) {
			return widget.Build(ctx, widget.Toolchain{}, opt)
		}
	}
	b, err := build(ctx, opt)
	if err == nil {
		return b, true
	}
	var te *widget.ToolchainError
	if errors.As(err, &te) {
		id := "cli.bundle.build_failed"
		switch {
		case errors.Is(err, widget.ErrNoGo):
			id = "cli.bundle.no_go"
		case errors.Is(err, widget.ErrNoSource):
			id = "cli.bundle.no_source"
		case errors.Is(err, widget.ErrNoWasmExec):
			id = "cli.bundle.no_wasm_exec"
		}
		c.fail(1, id, map[string]any{"Detail": te.Detail})
		return nil, false
	}
	c.fail(1, "cli.bundle.error", map[string]any{"Error": err.Error()})
	return nil, false
}

// checkOutputDir checks the directory of --output: it may be missing,
// empty, or hold an earlier bundle, whose integrity.json lists loket.js;
// it returns the files of that bundle.
func checkOutputDir(dir string) ([]string, *problem) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, readProblem(dir, err)
	case !info.IsDir():
		return nil, &problem{status: 1, id: "cli.widget.not_dir", data: map[string]any{"Dir": dir}}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, readProblem(dir, err)
	}
	if len(entries) == 0 {
		return nil, nil
	}
	notEmpty := &problem{status: 1, id: "cli.widget.not_empty", data: map[string]any{"Dir": dir}}
	data, err := readSmallFile(filepath.Join(dir, "integrity.json"))
	if err != nil {
		return nil, notEmpty
	}
	var list map[string]string
	if json.Unmarshal(data, &list) != nil || !strings.HasPrefix(list["loket.js"], "sha384-") {
		return nil, notEmpty
	}
	var files []string
	for name := range list {
		if bundleFileName(name) {
			files = append(files, name)
		}
	}
	return append(files, "integrity.json"), nil
}

// readSmallFile reads a file of at most 1 MiB (and the first MiB of a
// larger one).
func readSmallFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, 1<<20))
}

// bundleFileName reports whether name, from an earlier integrity.json,
// is a file that loket widget writes, to remove when the new bundle
// lacks it: a plain name in the directory, of a kind the bundle has.
func bundleFileName(name string) bool {
	if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") || strings.ContainsAny(name, `/\`) {
		return false
	}
	for _, ext := range []string{".loket", ".loket.br", ".loket.gz", ".js", ".js.br", ".js.gz", ".wasm", ".wasm.br", ".wasm.gz", ".html", ".json"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// writeBundle writes the files of b, and the brotli and gzip copies,
// into dir (made when missing), each to a temporary file first and then
// renamed, so that a server that serves dir meanwhile never sends half a
// file; integrity.json comes last. It then removes the files of the
// earlier bundle that b lacks. It returns how many files it wrote.
func writeBundle(dir string, b *widget.Bundle, earlier []string) (int, *problem) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, &problem{status: 1, id: "cli.widget.write", data: map[string]any{"File": dir, "Error": pathError(err)}}
	}
	written := map[string]bool{}
	write := func(name string, data []byte) *problem {
		written[name] = true
		if err := writeFileAtomic(filepath.Join(dir, name), data); err != nil {
			return &problem{status: 1, id: "cli.widget.write", data: map[string]any{"File": filepath.Join(dir, name), "Error": pathError(err)}}
		}
		return nil
	}
	for _, f := range b.Files {
		if f.Brotli != nil {
			if pr := cmpProblem(write(f.Name+".br", f.Brotli), write(f.Name+".gz", f.Gzip)); pr != nil {
				return 0, pr
			}
		}
		if pr := write(f.Name, f.Data); pr != nil {
			return 0, pr
		}
	}
	for _, name := range earlier {
		if !written[name] {
			if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return 0, &problem{status: 1, id: "cli.widget.write", data: map[string]any{"File": filepath.Join(dir, name), "Error": pathError(err)}}
			}
		}
	}
	return len(written), nil
}

// writeFileAtomic writes data to a new temporary file beside name and
// renames it to name.
func writeFileAtomic(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".loket-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// pathError returns why a file could not be written: in the output
// language for a missing directory or a permission denied, else the
// system's message without the path, which the message that frames it
// names.
func pathError(err error) any {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return message{"cli.file.not_exist", nil}
	case errors.Is(err, fs.ErrPermission):
		return message{"cli.file.permission", nil}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}
