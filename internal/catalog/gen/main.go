// Command gen writes internal/catalog/messages_gen.go (the query side's
// areas, see build.QueryAreas) and internal/catalog/more/messages_gen.go
// (the others) from the message
// files i18n/locales/*.toml: run it with go generate ./internal/catalog
// after editing them (a test fails until the tables are current).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/expatcentre/loket/internal/catalog/build"
)

func main() {
	// go generate runs in internal/catalog.
	root := filepath.Join("..", "..")
	msgs, err := build.Load(os.DirFS(root), "i18n/locales")
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	query, more := build.Split(msgs)
	for _, out := range []struct {
		pkg, file string
		msgs      []build.Message
	}{
		{"catalog", "messages_gen.go", query},
		{"more", filepath.Join("more", "messages_gen.go"), more},
	} {
		src, err := build.Source(out.pkg, out.msgs)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(out.file, src, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
