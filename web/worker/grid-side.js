// The side of the boundary grids a run draws: GRID_SIDE, shrunk for a network whose forward pass
// over that grid would hold the worker too long. Separate from run.js because it is one rule over
// the members' measured costs (it reads them and changes nothing), and the FRAME message
// (run-messages.js) states the default side to the page.

// The lab's chosen resolution (the core allows up to constants().maxGridSide): boundaries at 128 x 128.
export const GRID_SIDE = 128;
const MIN_GRID_SIDE = 32;
// Longest a boundary grid may hold the worker (estimated from the training time per point).
const GRID_BUDGET_MS = 60;

/**
 * The boundary grid's side: GRID_SIDE, unless one forward pass over it would hold the worker
 * longer than GRID_BUDGET_MS (a deep, wide network), where it shrinks (never below 32), so the
 * page keeps answering; a boundary at MIN_GRID_SIDE (32 x 32) still shows the shape.
 * members: the run's members ({msPerStep, msPerPoint}, as run.js measures them); batchSize: the run's.
 */
export function boundaryGridSide(members, batchSize) {
  let msPerPoint = 0;
  for (const m of members) {
    // A training step is a forward and a backward pass (about 3 forwards) over a batch.
    if (Number.isFinite(m.msPerStep)) msPerPoint = Math.max(msPerPoint, m.msPerStep / batchSize / 3);
  }
  for (const m of members) {
    // Before any step: a forward pass per point, from the last evaluation.
    if (!Number.isFinite(m.msPerStep) && m.msPerPoint > 0) msPerPoint = Math.max(msPerPoint, m.msPerPoint);
  }
  if (!(msPerPoint > 0)) return GRID_SIDE;
  const side = Math.floor(Math.sqrt(GRID_BUDGET_MS / msPerPoint) / 16) * 16;
  return Math.max(MIN_GRID_SIDE, Math.min(GRID_SIDE, side));
}
