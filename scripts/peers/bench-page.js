// The in-page half of the peer benchmark (driven by scripts/bench-peers.mjs through playwright):
// window.peerBench.setup() builds every engine on the same data and initial weights, checks that
// they compute the same function, and runWindow() times one engine on one task for a window.
// Timing is in the page (performance.now()), so the driver's round trips never count.
import { createLabDriver } from './lab-driver.js';
import { createTfjsDrivers, describeTfjs } from './tfjs-driver.js';
import { createConvnetDriver } from './convnetjs-driver.js';
import { PEER_IDS, WORKLOAD, gridSpec } from './workload.js';

const drivers = new Map();
const trained = new Map();  // id -> samples trained so far
let lab = null;
let grid = null;

const settle = async (value) => (value && typeof value.then === 'function' ? await value : value);

async function setup({ peers = PEER_IDS, gridSide = WORKLOAD.gridSide } = {}) {
  const unknown = peers.filter((id) => !PEER_IDS.includes(id));
  if (unknown.length) throw new Error(`unknown peer ${unknown.join(', ')}; known: ${PEER_IDS.join(', ')}`);
  grid = gridSpec(gridSide);
  lab = await createLabDriver(grid);
  drivers.set(lab.id, lab);
  for (const backend of ['cpu', 'wasm']) {
    if (!peers.some((id) => id.startsWith(`tfjs-${backend}-`))) continue;
    for (const d of await createTfjsDrivers(backend, lab.data, lab.initialParams, grid)) if (peers.includes(d.id)) drivers.set(d.id, d);
  }
  if (peers.includes('convnetjs')) {
    const d = createConvnetDriver(lab.data, lab.initialParams, grid);
    drivers.set(d.id, d);
  }
  for (const id of drivers.keys()) trained.set(id, 0);
  const agreement = await checkAgreement();
  return {
    engines: [...drivers.values()].map(({ id, engine, label, backend, how }) => ({ id, engine, label, backend: backend ?? null, how })),
    tfjs: drivers.size > 1 && globalThis.tf ? await describeTfjs() : null,
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    agreement,
    tfjsTensors: globalThis.tf ? globalThis.tf.memory().numTensors : null,
  };
}

// Before any training every engine holds the lab's weights, so each should give the lab's grid
// probabilities and training loss up to float rounding: proof that the heads, the weights and the
// grid points are the same, and not just similar-sized work. (It also warms each grid path up.)
async function checkAgreement() {
  const labels = lab.data.label;
  const labGrid = lab.gridUnit(), labP = lab.gridProbability(labGrid);
  const cells = grid.width * grid.height;
  const rows = [];
  for (const d of drivers.values()) {
    await d.activate?.();
    const p = d.gridProbability(await settle(d.gridUnit()));
    let maxDiff = 0;
    for (let i = 0; i < cells; i++) for (let c = 0; c < WORKLOAD.classes; c++) maxDiff = Math.max(maxDiff, Math.abs(p(i, c) - labP(i, c)));
    rows.push({ id: d.id, gridMaxAbsDiff: maxDiff, initialTrainLoss: d.trainLoss(labels) });
  }
  return rows;
}

// Runs `kind` ('train' or 'grid') of engine `id` back to back until `ms` have passed (at least once).
async function runWindow(id, kind, ms) {
  const d = drivers.get(id);
  if (!d) throw new Error(`no engine '${id}'`);
  if (kind !== 'train' && kind !== 'grid') throw new Error(`kind must be 'train' or 'grid', not '${kind}'`);
  await d.activate?.();
  let units = 0, samples = 0, now;
  const start = performance.now();
  do {
    const result = await settle(kind === 'train' ? d.trainUnit() : d.gridUnit());
    if (kind === 'train') samples += result;
    units++;
    now = performance.now();
  } while (now - start < ms);
  trained.set(id, trained.get(id) + samples);
  return { ms: now - start, units, samples };
}

// After the timed windows: each engine's loss over the 500 training points and how much it trained
// (they train at different speeds, so they have seen different numbers of samples); and TF.js's
// live tensor count (the same as after setup if nothing leaked).
async function finish() {
  const labels = lab.data.label;
  const rows = [];
  for (const d of drivers.values()) {
    await d.activate?.();
    rows.push({ id: d.id, trainLoss: d.trainLoss(labels), samplesTrained: trained.get(d.id) });
  }
  return { losses: rows, tfjsTensors: globalThis.tf ? globalThis.tf.memory().numTensors : null };
}

window.peerBench = { setup, runWindow, finish };
document.getElementById('status').textContent = 'ready';
