// Leaks: Embind objects are never freed by the garbage collector, so every network and race
// must give back exactly what it took when deleted. Measured with the allocator's own count of
// bytes in use (mallinfo().uordblks via heapBytesInUse), not the heap size, which only grows.
// Also checked: Embind's table of JS value handles and the wasm stack pointer return to where
// they were (errors thrown from C++ must leak neither), and the heap does not grow at all.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail, interleave } from './lab-fixture.mjs';

const CYCLES = 10_000;
const CHECKPOINT = 1_000;

let lab;
let activations = [];
before(async () => {
  lab = await loadLabOrFail();
  activations = lab.activations().map((a) => a.name);
});

const expectError = (f) => assert.throws(f, Error);

// One create/use/delete cycle; `i` varies the config and which calls are made, so that over the
// run every entry point, every activation and the error paths are exercised.
function cycle(i) {
  const activation = activations[i % activations.length];
  if (i % 10 === 9) {
    const race = lab.createRace({ members: [activation, { activation: 'tanh', init: 'he' }], hidden: [4], points: 60, seed: i });
    race.train(5);
    race.member(1).evaluate();
    race.delete();
    return;
  }
  const net = lab.createNetwork({ activation, hidden: [8, 8], points: 100, seed: i, optimizer: i % 3 === 0 ? 'adam' : 'sgd' });
  net.train(20);
  switch (i % 7) {
    case 0: net.predictGrid({ width: 16, height: 16 }); break;
    case 1: net.diagnostics(); break;
    case 2: net.setParams(net.getParams()); break;
    case 3: {
      const { xy, labels } = interleave(net.data().train, 10);
      net.lossAndGradient(xy, labels);
      break;
    }
    case 4: net.config(); net.evaluate(); break;
    case 5:
      expectError(() => net.train(-1));
      expectError(() => net.setParams(new Float32Array(3)));
      expectError(() => lab.createNetwork({ activation, hidden: [8, 100] }));
      expectError(() => lab.createNetwork({ nope: 1 }));
      break;
    default: expectError(() => net.predictGrid({ width: 'wide' }));
  }
  net.delete();
}

test(`${CYCLES} create/train/delete cycles return the heap to its baseline`, () => {
  for (let i = 0; i < 20; i++) cycle(i);  // warm-up: first-use allocations (tables) happen here
  const baseline = lab.memoryStats();

  // Not vacuous: a live network shows up in the figure.
  const probe = lab.createNetwork({ hidden: [8, 8], points: 100 });
  assert.ok(lab.heapBytesInUse() > baseline.heapBytesInUse, 'a live network is counted');
  probe.delete();
  assert.equal(lab.heapBytesInUse(), baseline.heapBytesInUse);

  const series = [];
  for (let i = 0; i < CYCLES; i++) {
    cycle(i);
    if ((i + 1) % CHECKPOINT === 0) series.push(lab.heapBytesInUse());
  }
  const after = lab.memoryStats();
  assert.deepEqual(series, series.map(() => baseline.heapBytesInUse), 'bytes in use at every checkpoint');
  assert.equal(after.heapBytesInUse, baseline.heapBytesInUse, 'bytes in use');
  assert.equal(after.heapSize, baseline.heapSize, 'the heap did not grow');
  assert.equal(after.emvalHandles, baseline.emvalHandles, 'Embind value handles');
  assert.equal(after.stackPointer, baseline.stackPointer, 'wasm stack pointer');
});

test('objects not deleted stay counted until deleted', () => {
  const before = lab.heapBytesInUse();
  const nets = Array.from({ length: 50 }, (_, i) => lab.createNetwork({ seed: i }));
  const race = lab.createRace({ members: activations.slice(0, 8) });
  race.member(3);  // a borrowed member handle, released with the race
  assert.ok(lab.heapBytesInUse() > before + 50 * 1000);
  for (const net of nets) net.delete();
  race.delete();
  assert.equal(lab.heapBytesInUse(), before);
});

test('running out of memory throws an Error and leaves the module usable', () => {
  const before = lab.memoryStats();
  // About 1 MB each (20,000 points, all seven features): the 256 MB maximum is reached after ~240.
  const big = { points: 20000, testFraction: 0, hidden: [], features: ['x', 'y', 'x_squared', 'y_squared', 'x_times_y', 'sin_x', 'sin_y'] };
  const nets = [];
  let error = null;
  try {
    for (let i = 0; i < 1000 && error === null; i++) {
      try {
        nets.push(lab.createNetwork(big));
      } catch (e) {
        error = e;
      }
    }
  } finally {
    for (const net of nets) net.delete();
  }
  assert.ok(error instanceof Error, `an Error was thrown (after ${nets.length} networks)`);
  assert.match(error.message, /out of memory/);
  assert.equal(lab.heapBytesInUse(), before.heapBytesInUse, 'everything was given back');
  assert.equal(lab.memoryStats().emvalHandles, before.emvalHandles, 'Embind value handles');
  assert.equal(lab.memoryStats().stackPointer, before.stackPointer, 'wasm stack pointer');
  const net = lab.createNetwork();
  assert.equal(net.train(10).length, 10, 'the module still works');
  net.delete();
});
