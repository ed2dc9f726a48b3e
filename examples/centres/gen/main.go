// Command gen compiles the example centre files (*.yaml) into loket's
// compiled centre form (<id>.loket): run it with go generate
// ./examples/centres after editing them.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	_ "time/tzdata" // the same zone data on every machine

	"github.com/expatcentre/loket/centre"
)

func main() {
	// go generate runs in examples/centres.
	names, err := filepath.Glob("*.yaml")
	if err != nil || len(names) == 0 {
		fmt.Fprintln(os.Stderr, "gen: no centre files", err) // i18n:ignore: a build tool's message to loket's developers
		os.Exit(1)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		c, err := centre.Load(name, data)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		bin, err := c.MarshalBinary()
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		out := strings.TrimSuffix(name, ".yaml") + ".loket"
		if err := os.WriteFile(out, bin, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
