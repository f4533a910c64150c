// The protocol messages a run sends (FRAME, DIAGNOSTICS, UNIT_MAPS, POINTS), each {message,
// transfer}: built from what the run (run.js) holds, which they read and never change (a member's
// pending grid is handed over by run.takeGrid()). Typed arrays go in the transfer list.
import { FromWorker } from '../session/protocol.js';
import { GRID_SIDE } from './grid-side.js';

/**
 * FRAME: every member's step, metrics and histories; grids only for networks that moved since the
 * last frame. pace: {requested, members: [advanced steps/s]} from the loop.
 */
export function frameMessage(run, playing, pace = null) {
  const transfer = [];
  const members = run.members.map((m, i) => {
    const grid = run.takeGrid(m);
    if (grid) transfer.push(grid.probs.buffer);
    const losses = m.history.copyForTransfer();
    const history = m.metricsHistory.copyForTransfer();
    transfer.push(losses.buffer, ...Object.values(history).map((a) => a.buffer));
    return {
      name: m.name,
      step: m.net ? m.net.steps() : 0,
      metrics: m.metrics,
      history,
      advancedPerSecond: pace?.members?.[i] ?? NaN,
      losses,
      lossStride: m.history.stride,
      probs: grid?.probs ?? null,
      gridSide: grid?.side ?? null,  // probs is gridSide x gridSide (grid.width stays the default side)
      diverged: m.net ? m.net.diverged() : false,
      divergedAt: m.net ? m.net.divergedAt() : null,
      failed: m.failed,
      stepsPerSecond: m.speed.perSecond,
    };
  });
  const grid = { width: GRID_SIDE, height: GRID_SIDE, classes: run.classes, domain: run.domain };
  const requestedPerSecond = pace?.requested ?? NaN;
  return { message: { type: FromWorker.FRAME, runId: run.runId, playing, requestedPerSecond, grid, members }, transfer };
}

/** DIAGNOSTICS from run.diagnosticsOf() entries (null entries, members that failed, are left out). */
export function diagnosticsMessage(run, entries) {
  const members = entries.filter(Boolean);
  const transfer = [];
  for (const { diagnostics } of members) {
    for (const layer of diagnostics.layers) {
      transfer.push(layer.gradHistogram.buffer);
      if (layer.activationHistogram?.length) transfer.push(layer.activationHistogram.buffer);
    }
  }
  return { message: { type: FromWorker.DIAGNOSTICS, runId: run.runId, members }, transfer };
}

/** UNIT_MAPS from run.unitMapsOf() entries. */
export function unitMapsMessage(run, entries) {
  const members = entries.filter(Boolean);
  const transfer = members.flatMap(({ maps }) => [maps.values.buffer, maps.states.buffer, maps.layerUnits.buffer]);
  return { message: { type: FromWorker.UNIT_MAPS, runId: run.runId, members }, transfer };
}

/** POINTS: the run's data as the networks see it (empty sets for a run without data). */
export function pointsMessage(run) {
  if (!run.race) {
    const empty = () => ({ x: new Float32Array(0), y: new Float32Array(0), label: new Int32Array(0) });
    return { message: { type: FromWorker.POINTS, runId: run.runId, classes: run.classes, train: empty(), test: empty() }, transfer: [] };
  }
  const { train, test, classes } = run.race.member(0).data();
  const transfer = [train, test].flatMap((set) => [set.x.buffer, set.y.buffer, set.label.buffer]);
  return { message: { type: FromWorker.POINTS, runId: run.runId, classes, train, test }, transfer };
}
