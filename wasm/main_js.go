// Command wasm is loket's query side for the browser, compiled with
// GOOS=js GOARCH=wasm: it loads compiled centre data handed to it from
// JavaScript and answers, in Dutch or English, whether a desk is open, its
// week, and when each service can next be used, with loket's own engine.
// It does no DOM work and adds no global: the page's loader puts an
// object at globalThis[Symbol.for("github.com/expatcentre/loket")] before
// it runs the module; the bridge takes it, puts its functions on it, and
// removes it from globalThis again. The functions (each returns a plain
// object, or {error: "..."}):
//
//	load(bytes: Uint8Array)                        -> the centre's outline and the widget's fixed words
//	status(centre, desk, atMs, lang)               -> state, next change, sentence
//	week(centre, desk, atMs, lang)                 -> the seven days of that week
//	services(centre, atMs, lang)                   -> each service's next time
//	text(lang, id, data)                           -> {text}: a message in lang
//
// desk "" is the centre's default desk and lang "" its default language.
package main

import (
	"syscall/js"
)

// key names the property through which the page hands over the object.
const key = "github.com/expatcentre/loket"

func main() {
	global := js.Global()
	reflect := global.Get("Reflect")
	sym := global.Get("Symbol").Call("for", key)
	ns := reflect.Call("get", global, sym)
	if ns.Type() != js.TypeObject {
		global.Get("console").Call("error", "loket: no object at globalThis[Symbol.for(\""+key+"\")]: load the bridge with loket.js")
		return
	}
	reflect.Call("deleteProperty", global, sym)
	b, err := newBridge()
	if err != nil {
		ns.Set("error", err.Error())
		return
	}
	ns.Set("load", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeObject {
			return errorValue("load wants the centre's data as a Uint8Array")
		}
		data := make([]byte, args[0].Get("length").Int())
		js.CopyBytesToGo(data, args[0])
		return result(b.load(data))
	}))
	ns.Set("status", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 4 {
			return errorValue("status wants (centre, desk, atMs, lang)")
		}
		return result(b.status(args[0].String(), args[1].String(), args[2].Float(), args[3].String()))
	}))
	ns.Set("week", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 4 {
			return errorValue("week wants (centre, desk, atMs, lang)")
		}
		return result(b.week(args[0].String(), args[1].String(), args[2].Float(), args[3].String()))
	}))
	ns.Set("services", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 3 {
			return errorValue("services wants (centre, atMs, lang)")
		}
		return result(b.services(args[0].String(), args[1].Float(), args[2].String()))
	}))
	ns.Set("text", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 3 {
			return errorValue("text wants (lang, id, data)")
		}
		data := map[string]any{}
		if args[2].Type() == js.TypeObject {
			keys := global.Get("Object").Call("keys", args[2])
			for i := range keys.Length() {
				k := keys.Index(i).String()
				switch v := args[2].Get(k); v.Type() {
				case js.TypeNumber:
					data[k] = int(v.Float())
				default:
					data[k] = v.String()
				}
			}
		}
		return result(b.text(args[0].String(), args[1].String(), data))
	}))
	ns.Set("ready", true)
	select {}
}

func errorValue(msg string) any { return js.ValueOf(map[string]any{"error": msg}) }

func result(v map[string]any, err error) any {
	if err != nil {
		return errorValue(err.Error())
	}
	return js.ValueOf(v)
}
