// npm start: build what is missing or stale (scripts/build.sh), then serve web/ and print where.
//   npm start [-- --public-origin https://lab.example]   (or PUBLIC_ORIGIN=https://lab.example npm start)
// A public origin is what og:url and oEmbed answers name, instead of the request's Host header:
// set it when a proxy or shared cache stands in front, so no visitor's Host reaches other readers.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, publicOriginFrom, startServer } from './serve.mjs';

/** The public origin from --public-origin (wins) or PUBLIC_ORIGIN; null when neither is set. */
function publicOriginSetting(argv, env) {
  const at = argv.indexOf('--public-origin');
  const unknown = argv.find((a, i) => i !== at && !(at >= 0 && i === at + 1));
  if (unknown !== undefined) throw new Error(`npm start: unknown argument ${unknown} (use --public-origin URL)`);
  if (at >= 0) return publicOriginFrom(argv[at + 1] ?? '', '--public-origin');
  return env.PUBLIC_ORIGIN ? publicOriginFrom(env.PUBLIC_ORIGIN, 'PUBLIC_ORIGIN') : null;
}

let publicOrigin;
try {
  publicOrigin = publicOriginSetting(process.argv.slice(2), process.env);
} catch (err) {
  console.error(err.message);
  process.exit(2);
}

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
  started = await startServer({ port: wanted, publicOrigin });
} catch (err) {
  if (err.code !== 'EADDRINUSE') throw err;
  // Shared machines often hold 8080: take any free port rather than fail.
  console.log(`Port ${wanted} is busy; using a free port instead (set PORT to choose one).`);
  started = await startServer({ port: 0, publicOrigin });
}
const named = publicOrigin ? `\n  Links and oEmbed answers name ${publicOrigin}` : '';
console.log(`\n  Activation Lab is running at  ${started.url}${named}\n  (Ctrl+C to stop)\n`);
