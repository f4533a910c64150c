// Builds the race of one run: the generated dataset with the reader's clicked points appended to
// its training set, or the clicked points alone (after "clear points"). Everything follows from the
// message, so the same CONFIGURE (the same URL) always gives the same data, weights and batches.

/**
 * @param lab the loaded module (actlab.d.ts Lab)
 * @param config Partial<Config>
 * @param members activation names
 * @param data {base: 'dataset'|'none', xy: Float32Array, labels: Int32Array}
 * @returns an Race, or null when there is no point to learn from (base 'none', nothing clicked)
 * @throws Error from the core naming the bad field
 */
export function createRunRace(lab, config, members, data) {
  const added = data?.labels?.length ?? 0;
  const base = data?.base ?? 'dataset';
  if (base === 'none' && added === 0) return null;
  if (base === 'none') {
    // Only the clicked points: the core shuffles them with the seed and splits them with
    // testFraction, so a clicked point may land in the test set (it is then drawn as a ring).
    return lab.createRace({ ...config, members }, {
      points: data.xy, labels: data.labels, classes: config.classes, testFraction: config.testFraction,
    });
  }
  // The generated dataset, its split untouched, and the clicked points appended to its training
  // set: the same thing a click does to a running race (Race.addPoint), done at step 0.
  const race = lab.createRace({ ...config, members });
  try {
    for (let i = 0; i < added; i++) race.addPoint(data.xy[2 * i], data.xy[2 * i + 1], data.labels[i]);
  } catch (err) {
    race.delete();
    // Whatever the core named (x, y, label), the setting to reset is the clicked points.
    const wrapped = new Error(`added: ${err?.message ?? err}`);
    wrapped.field = 'added';
    wrapped.kind = err?.kind ?? '';  // training_set_full: the session keeps the points (config-fallback.js)
    throw wrapped;
  }
  return race;
}

// The untimed warm-up batch (run.js trainMember()): this many training points.
const WARM_UP_POINTS = 8;

/** The first WARM_UP_POINTS training points of `net`, interleaved for lossAndGradient, or null. */
export function warmUpBatch(net) {
  const { train } = net.data();
  const n = Math.min(WARM_UP_POINTS, train.label.length);
  if (n === 0) return null;
  const points = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    points[2 * i] = train.x[i];
    points[2 * i + 1] = train.y[i];
    labels[i] = train.label[i];
  }
  return { points, labels };
}
