// Shared by the Node suites (not a test file itself: node --test runs only *.test.mjs here).
// Finds the built module and the native CLI, failing with a message that says how to build them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const modulePath = path.join(repoRoot, 'web/build/actlab.mjs');
export const wasmPath = path.join(repoRoot, 'web/build/actlab.wasm');
export const workerBundlePath = path.join(repoRoot, 'web/build/lab-worker.js');
export const cliPath = path.join(repoRoot, 'build-native/actlab');

/** The Lab from web/lab/actlab.js, over web/build/actlab.mjs and actlab.wasm. */
export async function loadLabOrFail() {
  for (const file of [modulePath, wasmPath]) {
    if (!existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: build it with 'npm run build'`);
  }
  const { loadLab } = await import('../../web/lab/actlab.js');
  return loadLab();
}

/** Runs the native CLI (build-native/actlab) and parses its --json output. */
export function runCli(args) {
  if (!existsSync(cliPath)) {
    throw new Error(`${path.relative(repoRoot, cliPath)} is missing: build the native side with 'bash scripts/build-native.sh' ` +
                    '(the parity test compares the wasm module against it)');
  }
  const text = execFileSync(cliPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(text);
}

/** 'learningRate' -> 'learning_rate': JS config keys to the core's (and the CLI's) field names. */
export const snakeCase = (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A JS config as CLI flags: --<field> <value>, lists comma-separated. */
export function configFlags(config) {
  const flags = [];
  for (const [key, value] of Object.entries(config)) {
    flags.push(`--${snakeCase(key)}`, Array.isArray(value) ? value.join(',') : String(value));
  }
  return flags;
}

/** The float32 bit patterns of numbers (Math.fround of each). */
export const float32Bits = (values) => new Uint32Array(Float32Array.from(values).buffer);

/** Interleaved x, y of the first n points of a PointSet, for lossAndGradient. */
export function interleave(points, n = points.label.length) {
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    xy[2 * i] = points.x[i];
    xy[2 * i + 1] = points.y[i];
  }
  return { xy, labels: points.label.slice(0, n) };
}
