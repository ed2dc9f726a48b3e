//go:build js && wasm

// Command hello is the hello-world Go WebAssembly program that the browser
// tests time the widget's start against: it prints a line and tells the
// page it runs.
package main

import (
	"fmt"
	"syscall/js"
)

func main() {
	fmt.Println("hello, world")
	js.Global().Call("helloRunning")
}
