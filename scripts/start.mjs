// npm start: make sure Emscripten is there, rebuild the wasm module if any source changed,
// then serve web/ and print where.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, startServer } from './serve.mjs';

const run = (script, ...args) =>
  spawnSync('bash', [path.join(REPO_ROOT, 'scripts', script), ...args], { stdio: 'inherit', cwd: REPO_ROOT }).status;

if (run('ensure-deps.sh', 'wasm') !== 0) process.exit(1);
// wasm-stale.sh exits 0 when a rebuild is needed.
if (run('wasm-stale.sh') === 0 && run('build-wasm.sh') !== 0) {
  console.error('\nnpm start: the wasm build failed (see above); not serving a page without its module.');
  process.exit(1);
}

const wanted = Number(process.env.PORT ?? 8080);
let started;
try {
  started = await startServer({ port: wanted });
} catch (err) {
  if (err.code !== 'EADDRINUSE') throw err;
  // Shared machines often hold 8080: take any free port rather than fail.
  console.log(`Port ${wanted} is busy; using a free port instead (set PORT to choose one).`);
  started = await startServer({ port: 0 });
}
console.log(`\n  Activation Lab is running at  ${started.url}\n  (Ctrl+C to stop)\n`);
