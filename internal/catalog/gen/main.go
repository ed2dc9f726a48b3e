// Command gen writes internal/catalog/messages_gen.go from the message
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
	src, err := build.Source(msgs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("messages_gen.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
