// The worker's message log: the first LOG_LIMIT messages it received and posted, and the moments it
// began a deferred measurement (deferred-work.js) or finished loading the module, in order, each
// with the worker's performance.now(). Tests read it for ordering checks (no clock: "no
// measurement before the first FRAME_DRAWN"), the page bench for the worker's side of the first
// frame. It lives on the worker's global, self.actlabMessageLog (DevTools and playwright's
// worker.evaluate reach it). Capped, so a long session costs nothing after the start.
export const LOG_LIMIT = 2000;

/**
 * Starts the log on `scope`; returns log(dir, {type, figure?, runId?}) (a message or a note of that
 * shape), dir: 'in' | 'out' (messages), 'work' (a deferred measurement began), 'load' (the module).
 */
export function startMessageLog(scope = globalThis) {
  const entries = [];
  scope.actlabMessageLog = entries;
  return (dir, { type, figure, runId } = {}) => {
    if (entries.length < LOG_LIMIT) entries.push({ dir, type: String(type), figure, runId, at: performance.now() });
  };
}
