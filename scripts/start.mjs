// npm start: build what is missing or stale (scripts/build.sh), then serve web/ and print where.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, startServer } from './serve.mjs';

const run = (script, ...args) =>
  spawnSync('bash', [path.join(REPO_ROOT, 'scripts', script), ...args], { stdio: 'inherit', cwd: REPO_ROOT }).status;

// build.sh installs what is missing, rebuilds the module only if a source changed, and bundles.
if (run('build.sh') !== 0) {
  console.error('\nnpm start: the build failed (see above); not serving a page without its module.');
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
