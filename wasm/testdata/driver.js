// driver.js runs loket's WebAssembly bridge under Node.js for the Go test
// wasm/node_test.go: it loads the toolchain's wasm_exec.js, hands the
// bridge its namespace object as the widget's loader does, loads the
// compiled centres named on the command line, then answers questions read
// from standard input, one JSON object a line ({"op": "status", "centre":
// ..., "desk": ..., "at": ms, "lang": ...}), with one JSON line each.
//
// Usage: node driver.js WASM_EXEC_JS BRIDGE_WASM CENTRE.loket...
'use strict';

const fs = require('fs');
const readline = require('readline');

const [wasmExec, bridge, ...centres] = process.argv.slice(2);
globalThis.require = require;
globalThis.fs = fs;
require(wasmExec);

const key = Symbol.for('github.com/expatcentre/loket');
const ns = {};
globalThis[key] = ns;

(async () => {
    const go = new Go();
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(bridge), go.importObject);
    go.run(instance);
    if (!ns.ready || key in globalThis) {
        throw new Error('the bridge did not set up its namespace, or left it on globalThis');
    }
    for (const file of centres) {
        const r = ns.load(new Uint8Array(fs.readFileSync(file)));
        if (r.error) throw new Error(file + ': ' + r.error);
    }
    const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    const out = [];
    for await (const line of rl) {
        if (line.trim() === '') continue;
        const q = JSON.parse(line);
        let a;
        switch (q.op) {
        case 'status': a = ns.status(q.centre, q.desk, q.at, q.lang); break;
        case 'week': a = ns.week(q.centre, q.desk, q.at, q.lang); break;
        case 'services': a = ns.services(q.centre, q.at, q.lang); break;
        default: a = { error: 'unknown op ' + q.op };
        }
        out.push(JSON.stringify(a));
        if (out.length >= 256) {
            process.stdout.write(out.join('\n') + '\n');
            out.length = 0;
        }
    }
    // Exit once standard output is flushed: a pipe writes asynchronously.
    process.stdout.write(out.length ? out.join('\n') + '\n' : '', () => process.exit(0));
})().catch((e) => {
    console.error(e);
    process.exit(1);
});
