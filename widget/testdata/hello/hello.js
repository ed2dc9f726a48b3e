// Starts a hello-world Go WebAssembly the usual way (the toolchain's
// wasm_exec.js, one global Go) when the browser tests call start with the
// module's URL. It resolves to how long that took from the request of the
// module to main running, in milliseconds.
import './wasm_exec.js';

export function start(url) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    globalThis.helloRunning = () => resolve(performance.now() - t0);
    const go = new Go();
    WebAssembly.instantiateStreaming(fetch(url), go.importObject)
      .then(({ instance }) => go.run(instance))
      .catch(reject);
  });
}
