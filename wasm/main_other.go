//go:build !js

package main

import (
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/expatcentre/loket/i18n"
)

// main says how to build the bridge: it runs only as WebAssembly.
func main() {
	p := i18n.NewPrinter(i18n.Match(language.Dutch, os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG")))
	fmt.Fprintln(os.Stderr, p.T("widget.bridge_native", nil))
	os.Exit(2)
}
