// Builds the race of one run: the generated dataset, the reader's clicked points added to it, or
// the clicked points alone (after "clear points"). Everything follows from the message, so the
// same CONFIGURE (the same URL) always gives the same data, weights and batches.

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
  if (base === 'dataset' && added === 0) return lab.createRace({ ...config, members });
  if (base === 'none' && added === 0) return null;

  let xy = data.xy;
  let labels = data.labels;
  if (base === 'dataset') {
    const generated = generatedPoints(lab, config);
    xy = concatFloat32(generated.xy, data.xy);
    labels = concatInt32(generated.labels, data.labels);
  }
  // The core shuffles custom points with the seed and splits them with testFraction, so a
  // clicked point may land in the test set: it is then drawn as a test point.
  return lab.createRace({ ...config, members }, {
    points: xy, labels, classes: config.classes, testFraction: config.testFraction,
  });
}

/** The dataset the config describes, train then test, as interleaved xy and labels. */
function generatedPoints(lab, config) {
  const probe = lab.createNetwork(config);
  try {
    const { train, test } = probe.data();
    const n = train.label.length + test.label.length;
    const xy = new Float32Array(2 * n);
    const labels = new Int32Array(n);
    let i = 0;
    for (const set of [train, test]) {
      for (let j = 0; j < set.label.length; j++, i++) {
        xy[2 * i] = set.x[j];
        xy[2 * i + 1] = set.y[j];
        labels[i] = set.label[j];
      }
    }
    return { xy, labels };
  } finally {
    probe.delete();
  }
}

function concatFloat32(a, b) {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function concatInt32(a, b) {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
