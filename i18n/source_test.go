package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// The rules that TestStdoutGoesThroughTheBundle enforces: what a program
// writes for people to read, on standard output and on standard error,
// usage, help and errors included, comes from the message files, so it
// exists in Dutch and in English. The test parses every non-test Go file
// of the module and reports each string literal that looks like text (it
// has a letter and a space, once fmt verbs such as %s and %-28s are taken
// out) and that
//
//   - is anywhere in a command, a package main (cmd/loket; not the browser
//     bridge, wasm/, whose errors are for the widget's code): in a function,
//     or the value of a package-level variable or constant. A command's
//     text is its output, whatever the way it takes there (an error built
//     with fmt.Errorf, a usage string, a flag's help); or
//   - in any other package, is passed, directly or inside an expression,
//     to fmt.Fprint, fmt.Fprintf, fmt.Fprintln or io.WriteString with a
//     writer that is standard output or standard error, or to fmt.Print,
//     fmt.Printf or fmt.Println.
//
// A writer is standard output or standard error when it is os.Stdout or
// os.Stderr, a parameter or variable named stdout or stderr, a parameter
// of a function of the same package that is called with one of those in
// that place (writeOSMText(stdout, ...) makes its w standard output), or a
// variable made by a NewWriter call on one (tabwriter.NewWriter(w, ...)).
//
// Allowed: a literal marked with a comment "i18n:ignore" on its line or
// the line before (for a call, any line of it), with the reason: "//
// i18n:ignore: an expression, not text". Layouts passed to a Format method
// (t.Format("15:04 MST")) are not text. In other packages, the test does
// not follow text built elsewhere and printed later (s :=
// fmt.Sprintf("Week %d", n); fmt.Fprintln(stdout, s)): build such text
// with a Printer instead. The errors that library packages return are
// English for now, and are not checked.

// pkgFiles is one package directory's parsed non-test files.
type pkgFiles struct {
	dir   string
	fset  *token.FileSet
	files []*ast.File
}

// moduleRoot returns the directory holding go.mod, above the package.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the package")
		}
		dir = parent
	}
}

// goPackages parses the non-test Go files under root, by directory,
// leaving out testdata, hidden folders and node_modules.
func goPackages(t *testing.T, root string) []pkgFiles {
	t.Helper()
	byDir := map[string]*pkgFiles{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "testdata" || name == "node_modules" || name == "vendor" ||
				strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		dir := filepath.Dir(p)
		pf := byDir[dir]
		if pf == nil {
			pf = &pkgFiles{dir: dir, fset: token.NewFileSet()}
			byDir[dir] = pf
		}
		f, err := parser.ParseFile(pf.fset, p, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		pf.files = append(pf.files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []pkgFiles
	for _, dir := range slices.Sorted(maps.Keys(byDir)) {
		out = append(out, *byDir[dir])
	}
	return out
}

func TestStdoutGoesThroughTheBundle(t *testing.T) {
	root := moduleRoot(t)
	pkgs := goPackages(t, root)
	var seen bool
	for _, pkg := range pkgs {
		if filepath.Base(pkg.dir) == "loket" && filepath.Base(filepath.Dir(pkg.dir)) == "cmd" {
			seen = true
		}
		check := stdoutText
		if isMain(pkg.files) && !isBridge(root, pkg.dir) {
			check = commandText
		}
		for _, v := range check(pkg.fset, pkg.files) {
			rel, _ := filepath.Rel(root, v.pos.Filename)
			t.Errorf("%s:%d:%d: %s reaches the output without the bundle: use an i18n.Printer and a message id (or mark it // i18n:ignore: why)",
				rel, v.pos.Line, v.pos.Column, v.lit)
		}
	}
	if !seen {
		t.Error("cmd/loket was not scanned")
	}
}

// isBridge reports whether dir is the browser bridge (wasm/): a package
// main that prints nothing for people; the errors it returns are for the
// widget's code, as a library's are, and the widget words what people see.
func isBridge(root, dir string) bool {
	rel, err := filepath.Rel(root, dir)
	return err == nil && rel == "wasm"
}

// isMain reports whether files are a package main: a command.
func isMain(files []*ast.File) bool {
	return len(files) > 0 && files[0].Name.Name == "main"
}

// ignoredLines returns the lines of f marked i18n:ignore.
func ignoredLines(fset *token.FileSet, f *ast.File) map[int]bool {
	ignored := map[int]bool{}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.Contains(c.Text, "i18n:ignore") {
				ignored[fset.Position(c.Pos()).Line] = true
			}
		}
	}
	return ignored
}

// commandText returns the text literals of a package main (see the rule
// above): in its functions and in the values of its package-level
// variables and constants, but not in import paths or struct tags.
func commandText(fset *token.FileSet, files []*ast.File) []violation {
	var out []violation
	for _, f := range files {
		ignored := ignoredLines(fset, f)
		var nodes []ast.Node
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body != nil {
					nodes = append(nodes, d.Body)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					if vs, ok := spec.(*ast.ValueSpec); ok {
						for _, v := range vs.Values {
							nodes = append(nodes, v)
						}
					}
				}
			}
		}
		for _, n := range nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.StructType:
					return false // tags
				case *ast.CallExpr:
					// t.Format("15:04 MST"): a layout, not text.
					if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Format" || sel.Sel.Name == "AppendFormat") {
						return false
					}
				case *ast.BasicLit:
					line := fset.Position(n.Pos()).Line
					if n.Kind != token.STRING || ignored[line] || ignored[line-1] {
						return true
					}
					if s, err := strconv.Unquote(n.Value); err == nil && looksLikeText(s) {
						out = append(out, violation{fset.Position(n.Pos()), n.Value})
					}
				}
				return true
			})
		}
	}
	return out
}

// violation is a text literal that reaches the output.
type violation struct {
	pos token.Position
	lit string
}

// stdoutText returns the text literals of one package other than a
// command that reach standard output or standard error (see the rule
// above).
func stdoutText(fset *token.FileSet, files []*ast.File) []violation {
	funcs := map[string]*ast.FuncDecl{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Body != nil {
				funcs[fd.Name.Name] = fd
			}
		}
	}
	// stdoutParams[f][i]: f's parameter i receives standard output or
	// standard error.
	stdoutParams := map[string]map[int]bool{}
	writers := func(fd *ast.FuncDecl) map[string]bool {
		w := map[string]bool{"stdout": true, "stderr": true}
		i := 0
		for _, field := range fd.Type.Params.List {
			if len(field.Names) == 0 {
				i++
				continue
			}
			for _, name := range field.Names {
				if stdoutParams[fd.Name.Name][i] {
					w[name.Name] = true
				}
				i++
			}
		}
		// Writers wrapping standard output, in order of assignment.
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for k, rhs := range as.Rhs {
				call, ok := rhs.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					continue
				}
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "NewWriter" && isStdout(call.Args[0], w) {
					if id, ok := as.Lhs[k].(*ast.Ident); ok {
						w[id.Name] = true
					}
				}
			}
			return true
		})
		return w
	}
	// Propagate standard output through calls until nothing changes.
	for changed := true; changed; {
		changed = false
		for _, fd := range funcs {
			w := writers(fd)
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				id, ok := call.Fun.(*ast.Ident)
				if !ok || funcs[id.Name] == nil {
					return true
				}
				for i, a := range call.Args {
					if isStdout(a, w) && !stdoutParams[id.Name][i] {
						if stdoutParams[id.Name] == nil {
							stdoutParams[id.Name] = map[int]bool{}
						}
						stdoutParams[id.Name][i] = true
						changed = true
					}
				}
				return true
			})
		}
	}

	var out []violation
	for _, f := range files {
		ignored := ignoredLines(fset, f)
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			w := map[string]bool{"stdout": true, "stderr": true}
			if fd.Recv == nil {
				w = writers(fd)
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var texts []ast.Expr
				switch fn := funcName(call.Fun); fn {
				case "fmt.Print", "fmt.Printf", "fmt.Println":
					texts = call.Args
				case "fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln", "io.WriteString":
					if len(call.Args) > 0 && isStdout(call.Args[0], w) {
						texts = call.Args[1:]
					}
				}
				if len(texts) == 0 {
					return true
				}
				first, last := fset.Position(call.Pos()).Line, fset.Position(call.End()).Line
				for l := first - 1; l <= last; l++ {
					if ignored[l] {
						return true
					}
				}
				for _, e := range texts {
					ast.Inspect(e, func(n ast.Node) bool {
						switch n := n.(type) {
						case *ast.FuncLit:
							return false
						case *ast.CallExpr:
							// t.Format("15:04 MST"): a layout, not text.
							if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Format" || sel.Sel.Name == "AppendFormat") {
								return false
							}
						}
						if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							if s, err := strconv.Unquote(lit.Value); err == nil && looksLikeText(s) {
								out = append(out, violation{fset.Position(lit.Pos()), lit.Value})
							}
						}
						return true
					})
				}
				return true
			})
		}
	}
	return out
}

// funcName returns "pkg.Name" for a call of a package-qualified function.
func funcName(e ast.Expr) string {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return ""
	}
	return pkg.Name + "." + sel.Sel.Name
}

// isStdout reports whether e is os.Stdout, os.Stderr or one of the
// writers.
func isStdout(e ast.Expr, writers map[string]bool) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return writers[e.Name]
	case *ast.SelectorExpr:
		return funcName(e) == "os.Stdout" || funcName(e) == "os.Stderr"
	case *ast.ParenExpr:
		return isStdout(e.X, writers)
	}
	return false
}

// verb matches an fmt verb with its flags, width, precision and argument
// index.
var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*(\d+|\*)?(\.(\d+|\*)?)?(\[\d+\])?[a-zA-Z%]`)

// looksLikeText reports whether s, without its fmt verbs, has a letter and
// a space: more than a format or a single code word.
func looksLikeText(s string) bool {
	s = verb.ReplaceAllString(s, "")
	return strings.ContainsRune(s, ' ') && strings.IndexFunc(s, unicode.IsLetter) >= 0
}

func TestStdoutRule(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []int // lines with a violation
	}{
		{`func run(stdout, stderr io.Writer) { fmt.Fprintf(stdout, "Open now, closes at %s\n", x) }`, []int{1}},
		{`func run(stdout, stderr io.Writer) { fmt.Fprintf(stderr, "loket: bad flag %q\n", x) }`, []int{1}},
		{`func run() { fmt.Fprintln(os.Stderr, "bad flag") }`, []int{1}},
		{`func run() error { return fmt.Errorf("bad flag %q", x) }`, nil}, // a library's error
		{`func run(stdout io.Writer) { fmt.Fprintf(stdout, "%s  %-28s %s\n", a, b, c) }`, nil},
		{`func run(stdout io.Writer) { fmt.Fprintln(stdout, "closed") }`, nil},
		{`func run() { fmt.Println("Hello world") }`, []int{1}},
		{`func run() { fmt.Fprintln(os.Stdout, "Hello " + name) }`, []int{1}},
		{`func run() { io.WriteString(os.Stdout, "Hello world") }`, []int{1}},
		{`func run(stdout io.Writer) { fmt.Fprintln(stdout, p.T("status.open", nil)) }`, nil},
		{"func run(stdout io.Writer) {\n\twrite(stdout, 1)\n}\nfunc write(w io.Writer, n int) {\n\tfmt.Fprintf(w, \"%d days left\\n\", n)\n}", []int{5}},
		{"func run(stdout, stderr io.Writer) {\n\twrite(stderr, 1)\n}\nfunc write(w io.Writer, n int) {\n\tfmt.Fprintf(w, \"%d days left\\n\", n)\n}", []int{5}},
		{"func run(stdout, stderr io.Writer) {\n\twrite(&buf, 1)\n}\nfunc write(w io.Writer, n int) {\n\tfmt.Fprintf(w, \"%d days left\\n\", n)\n}", nil},
		{"func run(stdout io.Writer) {\n\ttw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)\n\tfmt.Fprintf(tw, \"Week of %s\\n\", d)\n}", []int{3}},
		{"func run(stdout io.Writer) {\n\t// i18n:ignore: an expression, not text\n\tfmt.Fprintf(stdout, \"Mo-Fr 09:00-17:00\\n\")\n}", nil},
		{"func run(stdout io.Writer) {\n\tfmt.Fprintf(stdout, \"a b\\n\") // i18n:ignore: test\n}", nil},
		{"func run(stdout io.Writer) {\n\tfs.Usage = func() {\n\t\tfmt.Fprintf(stdout, \"Usage: loket osm\\n\")\n\t}\n}", []int{3}},
		{"func usage(w io.Writer) { fmt.Fprint(w, \"loket is a tool\") }\nfunc run(stdout io.Writer) { usage(stdout) }", []int{1}},
		{"func run(stdout io.Writer) { fmt.Fprintf(stdout, \"%s\\n\", fmt.Sprintf(\"Week %d of %d\", a, b)) }", []int{1}},
		{"func run(stdout io.Writer) { fmt.Fprintf(stdout, \"%s\\n\", at.Format(\"15:04 MST\")) }", nil},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "x.go", "package main\n"+c.src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%v\n%s", err, c.src)
		}
		var got []int
		for _, v := range stdoutText(fset, []*ast.File{f}) {
			got = append(got, v.pos.Line-1)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("violations on lines %v, want %v in\n%s", got, c.want, c.src)
		}
	}
}

// The rule for a command: every text literal is a violation, wherever it
// is, unless marked.
func TestCommandRule(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []int // lines with a violation
	}{
		{`func run() error { return fmt.Errorf("bad flag %q", x) }`, []int{1}},
		{`func run(w io.Writer) { fmt.Fprintf(w, "Usage: loket %s\n", name) }`, []int{1}},
		{`func run(w io.Writer) { fmt.Fprintf(w, "\t%-*s  %s\n", n, a, b) }`, nil},
		{`func run(p *i18n.Printer) string { return p.T("cli.usage.about", nil) }`, nil},
		{"var usage = \"loket is a tool\"", []int{1}},
		{"const example = `an expression such as \"Mo 09:00-12:00\"`", []int{1}},
		{"func run() {\n\tfs.String(\"at\", \"\", \"the instant to show\")\n}", []int{2}},
		{"import \"golang.org/x/text language\"", nil},
		{"type x struct {\n\tA string `json:\"a,omitempty\" yaml:\"a b\"`\n}", nil},
		{"func run() {\n\t// i18n:ignore: an expression, not text\n\tparse(\"Mo-Fr 09:00-17:00\")\n}", nil},
		{"func run() { _ = t.Format(\"15:04 MST\") }", nil},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "x.go", "package main\n"+c.src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%v\n%s", err, c.src)
		}
		var got []int
		for _, v := range commandText(fset, []*ast.File{f}) {
			got = append(got, v.pos.Line-1)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("violations on lines %v, want %v in\n%s", got, c.want, c.src)
		}
	}
}

func TestLooksLikeText(t *testing.T) {
	for s, want := range map[string]bool{
		"Open now":         true,
		"%s %s\n":          false,
		"  %-28s %s\n":     false,
		"%[1]s: %-5.2f %v": false,
		"closed":           false,
		" (%q)":            false,
		"%d days":          true,
		"09:00 – 12:30":    false,
	} {
		if got := looksLikeText(s); got != want {
			t.Errorf("looksLikeText(%q) = %v, want %v", s, got, want)
		}
	}
}
