// Compiling the module's code (web/build/actlab.wasm), on its own so that a page can start the
// compile before anything else of the lab has loaded (web/worker/wasm-handoff.js), while the
// worker's code downloads; actlab.js's loadLab() uses it when it is given no compiled module.

/**
 * Compiles the .wasm at `url` once: streamed while it downloads where the server says
 * application/wasm, else from the whole file; read from disk in Node, whose fetch() cannot read
 * file: URLs. A compiled WebAssembly.Module can be instantiated any number of times, and posted
 * to workers.
 */
export async function compileWasmAt(url) {
  const where = new URL(url);
  if (where.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.compile(await readFile(where));
  }
  const response = await fetch(where);
  if (!response.ok) throw new Error(`${where.href}: HTTP ${response.status} ${response.statusText}`);
  // Streaming needs Content-Type application/wasm; a static host that sends another type still works.
  const streamable = (response.headers.get('Content-Type') ?? '').startsWith('application/wasm');
  if (streamable && typeof WebAssembly.compileStreaming === 'function') return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}
