// Starts hello.wasm the usual way (the toolchain's wasm_exec.js, one global
// Go) and records, as the browser tests read it, how long it took from the
// request of the module to main running.
import './wasm_exec.js';

const t0 = performance.now();
globalThis.helloRunning = () => {
  globalThis.helloStart = performance.now() - t0;
};
const go = new Go();
const { instance } = await WebAssembly.instantiateStreaming(fetch(new URL('hello.wasm', import.meta.url)), go.importObject);
go.run(instance);
