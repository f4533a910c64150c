// The reports a run sends while it trains (FRAME, DIAGNOSTICS, UNIT_MAPS), as a queue of jobs of
// one core call each, which the slicing loop (training-loop.js) runs between reading its
// messages: a big race's frame (an evaluation and a grid per network) never holds the worker for
// longer than one call. The queue owns which reports are pending and when the periodic ones were
// last sent; the loop owns the frame pacing (interval, back-pressure) and asks for reports.
import { diagnosticsMessage, unitMapsMessage } from './run-messages.js';

const DIAGNOSTICS_INTERVAL_MS = 250;
const UNIT_MAPS_INTERVAL_MS = 600;

export class ReportQueue {
  /** @param options {send({message, transfer}), notice(level, text), sendFrame(buildMs)} */
  constructor({ send, notice, sendFrame }) {
    this.send = send;
    this.notice = notice;
    this.sendFrame = sendFrame;
    this.reset();
  }

  /** A new run (or none): nothing queued; its first diagnostics wait for its first drawn frame. */
  reset() {
    this.jobs = [];           // functions of one core call each, in order
    this.pending = { frame: false, diagnostics: false, unitMaps: false };
    this.firstDiagnosticsPending = true;
    this.diagnosticsSkipped = false;
    this.lastDiagnosticsAt = performance.now();
    this.lastUnitMapsAt = -Infinity;
  }

  get hasJobs() { return this.jobs.length > 0; }

  runNext() { this.jobs.shift()(); }

  /** The periodic reports due now, while the run trains. */
  due(now) {
    const ready = !this.firstDiagnosticsPending;
    return {
      diagnostics: ready && now - this.lastDiagnosticsAt >= DIAGNOSTICS_INTERVAL_MS,
      unitMaps: ready && now - this.lastUnitMapsAt >= UNIT_MAPS_INTERVAL_MS,
    };
  }

  /**
   * Queues the work of the reports asked for, one job per member and core call, then a job that
   * posts. A report already queued is not queued twice. gridSideCap: LIMIT_GRID_SIDE's cap.
   */
  queue(run, { frame = false, diagnostics = false, unitMaps = false }, gridSideCap = Infinity) {
    if (frame && !this.pending.frame) {
      this.pending.frame = true;
      const queuedAt = performance.now();
      // Metrics and grids are decided now, when the frame is asked for; their slices run in order.
      for (const m of run.members) this.jobs.push(() => { this.jobs.unshift(...run.refreshJobs(m, gridSideCap)); });
      this.jobs.push(() => {
        this.pending.frame = false;
        this.sendFrame(performance.now() - queuedAt);
      });
    }
    // One diagnostics call cannot be sliced: beyond its budget of work (a deep, wide network on many
    // points) the why view is not updated live, so the worker keeps answering; a notice says so once.
    if (diagnostics && run.hasData && !run.diagnosticsFit) {
      diagnostics = false;
      this.skipDiagnostics(run);
    }
    if (diagnostics && !this.pending.diagnostics && run.hasData) {
      this.firstDiagnosticsPending = false;
      this.queueMembers(run, 'diagnostics', (m) => run.diagnosticsOf(m), diagnosticsMessage, (at) => { this.lastDiagnosticsAt = at; });
    }
    if (unitMaps && !this.pending.unitMaps && run.hasData) {
      this.queueMembers(run, 'unitMaps', (m) => run.unitMapsOf(m), unitMapsMessage, (at) => { this.lastUnitMapsAt = at; });
    }
  }

  skipDiagnostics(run) {
    this.firstDiagnosticsPending = false;
    if (this.diagnosticsSkipped) return;
    this.diagnosticsSkipped = true;
    this.notice('info', `The why view is not updated for these settings: its figures need a pass over all ` +
      `${run.trainSize} training points by every network (about ${Math.round(run.diagnosticsEstimateMs() / 100) / 10} s ` +
      'each), during which the lab could not answer. Fewer points or a smaller network bring it back.');
  }

  /** One job per member (entryOf: one core call), then one that posts message(run, entries). */
  queueMembers(run, kind, entryOf, message, sentAt) {
    this.pending[kind] = true;
    const entries = [];
    for (const m of run.members) this.jobs.push(() => entries.push(entryOf(m)));
    this.jobs.push(() => {
      this.pending[kind] = false;
      this.send(message(run, entries));
      sentAt(performance.now());
    });
  }
}
