// The cards' steps/s (web/worker/speed-meter.js): steps over training time, in windows of ~1 s of
// wall time, a window far off the median left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { SpeedMeter } from '../../web/worker/speed-meter.js';

test('steps per second of training time, unknown until a window closes', () => {
  const meter = new SpeedMeter(0);
  for (let t = 1; t < 1000; t++) meter.add(10, 0.02, t);  // 10 steps in 20 us, every ms
  assert.ok(Number.isNaN(meter.perSecond), 'no window closed yet');
  for (let t = 1000; t <= 3000; t++) meter.add(10, 0.02, t);
  assert.ok(Math.abs(meter.perSecond - 500_000) < 1e-6 * 500_000, String(meter.perSecond));
});

test('a window slowed more than 2x (a preemption, a GC pause) does not move the figure', () => {
  const meter = new SpeedMeter(0);
  let t = 0;
  const window = (msPerCall) => { for (let k = 0; k < 1000; k++) meter.add(10, msPerCall, ++t); };
  for (let w = 0; w < 4; w++) window(0.02);
  window(0.1);  // 5x slower for one second
  assert.ok(Math.abs(meter.perSecond - 500_000) < 1e-6 * 500_000, String(meter.perSecond));
  for (let w = 0; w < 8; w++) window(0.04);  // the machine got slower for good: the figure follows
  assert.ok(Math.abs(meter.perSecond - 250_000) < 1e-6 * 250_000, String(meter.perSecond));
});
