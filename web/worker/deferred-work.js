// Work that can wait: measurements nobody needs before the first picture (the claims strip, the
// cost table, and whatever joins them: the depth sweep, the across-seeds runs). The worker keeps
// ONE queue for all its figures, and the queue holds back while any run in the worker still
// awaits its first drawn frame (a new run's first boundary always comes first, whatever order the
// page's messages came in); then it runs its jobs one per turn of the event loop, so the training
// loops' slices and the page's messages interleave with them.
//
// How a new measurement joins: on its message, turn the work into jobs of about one core call each
// (a function that measures, and a last one that posts), and hand them over:
//   deferred.add(owner, 'depth-sweep', jobs)
// owner: the TrainingLoop of the figure asking (its jobs are dropped when the figure goes away);
// the kind names the work in the worker's message log (message-log.js), where the ordering tests
// look for it. A job that throws ends its batch: the batch's onError(err) says why.
import { EventLoopTurns } from './event-loop-turns.js';

const JOB_SLICE_MS = 8;  // several short jobs may share a turn; a long one (a cost round, ~40 ms) runs alone

export class DeferredWork {
  /**
   * @param options {blocked(): true while some run awaits its first drawn frame,
   *   log(dir, note): the worker's message log (message-log.js)}
   */
  constructor({ blocked, log = () => {} }) {
    this.blocked = blocked;
    this.log = log;
    this.batches = [];   // {owner, kind, jobs: function[], onError, started}
    this.turns = new EventLoopTurns(() => this.turn());  // a turn without setTimeout's 4 ms clamp
  }

  /** Queues one measurement's jobs (run in order, after every batch queued before). */
  add(owner, kind, jobs, onError = () => {}) {
    this.batches.push({ owner, kind, jobs: jobs.slice(), onError, started: false });
    this.kick();
  }

  /** The figure went away: its measurements are not wanted any more. */
  drop(owner) {
    this.batches = this.batches.filter((b) => b.owner !== owner);
  }

  get pending() { return this.batches.length > 0; }

  /** Something changed (a first frame was drawn, a figure left): run if the gate is open. */
  kick() {
    if (this.turns.queued || !this.pending || this.blocked()) return;
    this.turns.queue();
  }

  turn() {
    const deadline = performance.now() + JOB_SLICE_MS;
    while (this.pending && !this.blocked() && performance.now() < deadline) this.runNext();
    this.kick();
  }

  runNext() {
    const batch = this.batches[0];
    if (!batch.started) {
      batch.started = true;
      this.log('work', { type: `measure:${batch.kind}` });
    }
    try {
      batch.jobs.shift()();
    } catch (err) {
      batch.jobs.length = 0;
      batch.onError(err);
    }
    if (batch.jobs.length === 0 && this.batches[0] === batch) this.batches.shift();
  }

  close() {
    this.batches = [];
    this.turns.close();
  }
}
