// One seed of the across-seeds figure: the page's race (same settings, this seed) trained for a
// step budget, with each member's train accuracy checked every SEED_CHECK_EVERY steps (for "steps
// to reach 90% train accuracy"), then each member's final numbers. Pure over the `lab` API, no
// messaging: the seed worker (seed-worker.js) drives it, and Node tests and benchmarks can too.
//
// The checkpoints are the ones `actlab sweep --steps N --every 100` writes, so a row of the figure
// equals the CLI's rows for the same config and seed: race members are independent networks on the
// same data and seed (core/lib/race.hpp), so a member is the CLI's one network of that activation.
import { outcomeMetrics } from '../session/preset-outcome.js';

export const SEED_CHECK_EVERY = 100;
export const REACH_ACCURACY = 0.9;
// Each race.train call stops soon after this (deadlineMs): a slice never holds the worker long, and
// cut and continued training has the same bits as uninterrupted training.
export const SLICE_DEADLINE_MS = 50;

/** The checkpoints of a budget: every SEED_CHECK_EVERY steps, and the budget itself. */
export function seedCheckpoints(steps, every = SEED_CHECK_EVERY) {
  const out = [];
  for (let step = every; step < steps; step += every) out.push(step);
  out.push(steps);
  return out;
}

export class SeedRun {
  #race;
  #members;
  #checkpoints;
  #next = 0;          // index of the next checkpoint
  #reached;           // name -> first checkpoint with train accuracy >= REACH_ACCURACY, or null

  /**
   * @param lab the loaded module
   * @param job {config (the core's config, any seed), members: activation names, steps, seed}
   */
  constructor(lab, { config, members, steps, seed }) {
    this.seed = seed;
    this.steps = steps;
    this.#members = [...members];
    this.#race = lab.createRace({ ...config, seed, members: this.#members });
    this.#checkpoints = seedCheckpoints(steps);
    this.#reached = new Map(this.#members.map((name) => [name, null]));
  }

  get done() { return this.#next >= this.#checkpoints.length; }

  /** Steps done so far: the members not diverged are in step (race.train keeps them so). */
  get step() { return Math.max(...this.#members.map((_, i) => this.#race.member(i).steps())); }

  /** Trains one slice (up to the next checkpoint, cut by the deadline); returns false once done. */
  slice() {
    if (this.done) return false;
    const target = this.#checkpoints[this.#next];
    const losses = this.#race.train(target - this.step, { deadlineMs: SLICE_DEADLINE_MS });
    // All members diverged: no step can be taken any more; every later checkpoint is where it stands.
    const stuck = losses.every((l) => l.length === 0);
    if (this.step >= target || stuck) this.#checkpoint(target);
    return !this.done;
  }

  #checkpoint(target) {
    this.#members.forEach((name, i) => {
      if (this.#reached.get(name) !== null) return;
      if (this.#race.member(i).evaluate().trainAccuracy >= REACH_ACCURACY) this.#reached.set(name, target);
    });
    this.#next += 1;
  }

  /** {seed, steps, members: [{name, ...outcomeMetrics, units, stepsToReach, diverged, divergedAt}]}. */
  result() {
    return {
      seed: this.seed,
      steps: this.steps,
      members: this.#members.map((name, i) => {
        const network = this.#race.member(i);
        const diagnostics = network.diagnostics();
        return {
          name,
          ...outcomeMetrics(diagnostics),
          units: diagnostics.hidden.units,
          stepsToReach: this.#reached.get(name),
          diverged: network.diverged(),
          divergedAt: network.divergedAt(),
        };
      }),
    };
  }

  delete() { this.#race.delete(); }
}

/** Trains one seed to the end and returns its result (the race is freed either way). */
export function runSeed(lab, job) {
  const run = new SeedRun(lab, job);
  try {
    while (run.slice());
    return run.result();
  } finally {
    run.delete();
  }
}
