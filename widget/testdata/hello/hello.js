// Starts a hello-world Go WebAssembly the usual way (the toolchain's
// wasm_exec.js, one global Go) when the browser tests call start with the
// module's URL. It resolves to how long that took from the request of the
// module to main running (ms), and to when, after the request, the module
// was compiled and instantiated (instantiated).
import './wasm_exec.js';

export function start(url) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let instantiated = null;
    globalThis.helloRunning = () => resolve({ ms: performance.now() - t0, instantiated });
    const go = new Go();
    WebAssembly.instantiateStreaming(fetch(url), go.importObject)
      .then(({ instance }) => {
        instantiated = performance.now() - t0;
        go.run(instance);
      })
      .catch(reject);
  });
}
