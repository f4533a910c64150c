// Counts the WebAssembly modules this worker compiles, so an embedding page can check that its
// figures share one compiled module (customElements.get('activation-lab').stats()). It wraps the
// four functions that compile bytes; instantiate(module) with an already compiled module does
// not count. Call it before anything loads the module.
export function countWasmCompiles() {
  const counter = { count: 0 };
  const W = globalThis.WebAssembly;
  if (!W || W.__actlabCounted) return W?.__actlabCounted ?? counter;
  for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
    const original = W[name];
    if (typeof original !== 'function') continue;
    W[name] = function counted(source, ...rest) {
      if (!(source instanceof W.Module)) counter.count += 1;
      return original.call(this, source, ...rest);
    };
  }
  Object.defineProperty(W, '__actlabCounted', { value: counter });
  return counter;
}
