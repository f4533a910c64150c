// Evaluating one network over every training and test point in slices (Network.evaluatePart), so
// that the worker's loop can read its messages between them, summed into the figures evaluate()
// gives. Separate from run.js: this is the slicing and summing of one network's calls; the run
// decides when its members are evaluated and stores what comes out.

// Time one slice of an evaluation aims for (points per slice from the measured time per point).
const EVALUATE_SLICE_MS = 20;

/** Points per slice: about EVALUATE_SLICE_MS at the last measured time per point, within [256, maxPoints]; 2,048 before any. */
export function evaluationSlice(msPerPoint, maxPoints) {
  const perPoint = msPerPoint > 0 ? msPerPoint : 0;
  return perPoint > 0 ? Math.min(maxPoints, Math.max(256, Math.floor(EVALUATE_SLICE_MS / perPoint))) : 2048;
}

/**
 * The jobs of one evaluation, one core call each: evaluatePart(testSet, begin, slice) over the
 * training set (trainSize points) then the test set, and a last job that hands
 * done({trainLoss, testLoss, trainAccuracy, testAccuracy}, ms) the means of the parts and the time
 * they took. A part does nothing while skipPart() is true, the last job once stale() is true; a
 * part that throws goes to failed(err) and adds no points.
 */
export function evaluationJobs({ trainSize, testSize, slice, evaluatePart, skipPart, stale, failed, done }) {
  const sums = { false: { lossSum: 0, correct: 0, points: 0 }, true: { lossSum: 0, correct: 0, points: 0 } };
  let ms = 0;
  const jobs = [];
  for (const [testSet, n] of [[false, trainSize], [true, testSize]]) {
    for (let begin = 0; begin < n; begin += slice) {
      jobs.push(() => {
        if (skipPart()) return;
        const t0 = performance.now();
        try {
          const part = evaluatePart(testSet, begin, slice);
          sums[testSet].lossSum += part.lossSum;
          sums[testSet].correct += part.correct;
          sums[testSet].points += part.points;
        } catch (err) {
          failed(err);
        }
        ms += performance.now() - t0;
      });
    }
  }
  jobs.push(() => {
    if (stale()) return;
    const mean = (sum, key) => (sum.points > 0 ? sum[key] / sum.points : NaN);
    done({
      trainLoss: mean(sums.false, 'lossSum'), testLoss: mean(sums.true, 'lossSum'),
      trainAccuracy: mean(sums.false, 'correct'), testAccuracy: mean(sums.true, 'correct'),
    }, ms);
  });
  return jobs;
}
