// lab.constants() and Diagnostics.hidden: the core's limits and totals as data, so the page keeps
// no copy. Each constant is checked against the limit the core actually enforces (one past it is
// refused, naming the field), and the hidden totals against the per-layer figures they come from.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';

let lab;
before(async () => { lab = await loadLabOrFail(); });

function refuses(call, field) {
  assert.throws(call, (e) => e.field === field, `refused, naming ${field}`);
}

test('constants are the limits the core enforces', () => {
  const c = lab.constants();
  assert.deepEqual(c.domain, { xMin: -6, xMax: 6, yMin: -6, yMax: 6 });
  const points = lab.configFields().find((f) => f.name === 'points');
  assert.equal(c.maxPoints, points.max, 'the points field and the constant agree');
  const classes = lab.configFields().find((f) => f.name === 'classes');
  assert.deepEqual([c.minClasses, c.maxClasses], [classes.min, classes.max]);

  const net = lab.createNetwork({ hidden: [3], points: 40 });
  try {
    assert.equal(net.predictGrid({ width: c.maxGridSide, height: 1 }).length, 2 * c.maxGridSide);
    refuses(() => net.predictGrid({ width: c.maxGridSide + 1, height: 1 }), 'width');
    assert.equal(net.unitMaps({ width: c.maxUnitMapSide, height: c.minUnitMapSide }).width, c.maxUnitMapSide);
    refuses(() => net.unitMaps({ width: c.maxUnitMapSide + 1, height: 4 }), 'width');
    refuses(() => net.unitMaps({ width: c.minUnitMapSide - 1, height: 4 }), 'width');
    const d = net.diagnostics();
    assert.deepEqual(c.histogramEdges, d.histogramEdges);
    assert.equal(d.layers[0].gradHistogram.length, c.histogramEdges.gradBins);
  } finally {
    net.delete();
  }

  const race = lab.createRace({ members: ['relu', 'tanh'], hidden: [3], points: 40 });
  try {
    for (let i = 0; i < c.maxAddedPoints; i++) race.addPoint(0, 0, 0);
    refuses(() => race.addPoint(0, 0, 0), 'points');  // 'points: 501 added points is out of range [0, 500]'
  } finally {
    race.delete();
  }
});

test('Diagnostics.hidden totals the hidden layers, each weighted by its units', () => {
  const net = lab.createNetwork({ hidden: [8, 3, 5], points: 200, seed: 4 });
  try {
    net.train(300);
    const d = net.diagnostics();
    const hidden = d.layers.slice(0, -1);
    const units = hidden.reduce((s, l) => s + l.units, 0);
    assert.equal(d.hidden.units, 16);
    assert.equal(d.hidden.units, units);
    assert.equal(d.hidden.deadUnits, hidden.reduce((s, l) => s + l.deadUnits, 0));
    const weighted = (key) => hidden.reduce((s, l) => s + l[key] * l.units, 0) / units;
    assert.ok(Math.abs(d.hidden.zeroFraction - weighted('zeroFraction')) < 1e-12);
    assert.ok(Math.abs(d.hidden.saturatedFraction - weighted('saturatedFraction')) < 1e-12);
    assert.ok(d.hidden.zeroFraction > 0, 'ReLU (the default) outputs exact zeros: the check is not vacuous');
  } finally {
    net.delete();
  }
});
