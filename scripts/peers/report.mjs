// Node side of the peer benchmark: turns the timed windows into figures (medians, spreads, the lab's
// paired ratios) and prints them as the table the README quotes. No I/O besides the returned text.

export function quantile(values, q) {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b), pos = (s.length - 1) * q, lo = Math.floor(pos), hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export function spread(values) {
  return { median: quantile(values, 0.5), q1: quantile(values, 0.25), q3: quantile(values, 0.75),
    min: values.length ? Math.min(...values) : NaN, max: values.length ? Math.max(...values) : NaN, count: values.length };
}

// A window's figure: training samples per second, or milliseconds per grid.
export const figureOf = (kind, w) => (kind === 'train' ? w.samples / (w.ms / 1000) : w.ms / w.units);

// pairs: [{peer, kind, rep, lab: window, other: window}]. The lab's ratio to a peer is taken per
// pair (adjacent windows, so both saw the same load), then summarised: "how many times the lab".
export function summarise(engines, pairs) {
  const labId = engines[0].id;
  const rows = engines.map((engine) => {
    const row = { ...engine };
    for (const kind of ['train', 'grid']) {
      const mine = pairs.filter((p) => p.kind === kind && (engine.id === labId || p.peer === engine.id));
      const windows = mine.map((p) => (engine.id === labId ? p.lab : p.other));
      const figures = windows.map((w) => figureOf(kind, w));
      const ratios = engine.id === labId ? [] : mine.map((p) => (kind === 'train'
        ? figureOf(kind, p.lab) / figureOf(kind, p.other)
        : figureOf(kind, p.other) / figureOf(kind, p.lab)));
      row[kind] = { unit: kind === 'train' ? 'samples/s' : 'ms per grid', ...spread(figures),
        labTimes: engine.id === labId ? null : spread(ratios) };
    }
    return row;
  });
  return rows;
}

const significant = (v, digits = 3) => (Number.isFinite(v) ? Number(v.toPrecision(digits)).toString() : 'n/a');
export function rate(v) {
  if (!Number.isFinite(v)) return 'n/a';
  if (v >= 1e6) return `${significant(v / 1e6)} M`;
  if (v >= 1e3) return `${significant(v / 1e3)} k`;
  return significant(v);
}
// Spreads are interquartile ranges: on a shared machine min and max mostly show other work's bursts
// (both are in the JSON).
const times = (s) => (s ? `${significant(s.median, s.median >= 100 ? 3 : 2)}x (${significant(s.q1, 2)}-${significant(s.q3, 2)})` : '-');
const range = (s, f) => `${f(s.median)} (${f(s.q1)}-${f(s.q3)})`;

export function formatReport(r) {
  const out = [];
  out.push(`Peers in one headless Chromium page: ${r.date}`);
  out.push(`command: ${r.command}`);
  out.push(`browser: Chromium ${r.browserVersion}; TF.js ${r.tfjs?.version ?? 'n/a'} (wasm simd: ${r.tfjs?.wasmSimd}, ` +
    `threads: ${r.tfjs?.wasmThreads}); ConvNetJS ${r.versions.convnetjs}; cross-origin isolated: ${r.crossOriginIsolated}`);
  out.push(`machine: ${r.machine.cpus} x ${r.machine.cpuModel}; load average ${r.machine.loadBefore.toFixed(2)} before, ` +
    `${r.machine.loadAfter.toFixed(2)} after; ${r.options.reps} repetitions of paired ${r.options.windowMs} ms windows, ` +
    `${r.seconds.toFixed(0)} s in all`);
  const side = `${r.options.gridSide}x${r.options.gridSide}`;
  out.push(`workload: MLP 2-16-16-2 tanh, softmax cross-entropy, SGD lr 0.03, batch 10, the lab's 500-point two-arm ` +
    `spiral and initial weights for every engine; grid: forward pass over ${side} points of [-6, 6]^2`);
  if (r.options.quick) out.push('QUICK MODE: one-unit windows, one repetition, a small grid; the figures are rough, not for quoting');
  out.push('');
  out.push(`| engine | training, samples/s: median (IQR) | lab is | ${side} grid, ms: median (IQR) | lab is |`);
  out.push('| --- | --- | --- | --- | --- |');
  for (const e of r.engines) {
    out.push(`| ${e.label} | ${range(e.train, rate)} | ${times(e.train.labTimes)} | ` +
      `${range(e.grid, (v) => significant(v))} | ${times(e.grid.labTimes)} |`);
  }
  out.push('');
  out.push('"lab is": the median over repetitions of the ratio within each pair of adjacent windows (lab, peer);');
  out.push('above 1, the lab is faster. Every range in brackets is the interquartile range (min and max: --json).');
  out.push('');
  out.push('how each engine is called (training unit / grid):');
  for (const e of r.engines) out.push(`  ${e.label.padEnd(22)} ${e.how}`);
  out.push('');
  out.push('same function before training (every engine holds the lab\'s initial weights):');
  for (const a of r.agreement) {
    out.push(`  ${label(r, a.id).padEnd(22)} grid max |p - p_lab| ${a.gridMaxAbsDiff.toExponential(1).padStart(7)}   ` +
      `train loss ${a.initialTrainLoss.toFixed(5)}`);
  }
  out.push('after the timed windows (each engine trained as many samples as its speed allowed):');
  for (const l of r.losses) {
    out.push(`  ${label(r, l.id).padEnd(22)} train loss ${l.trainLoss.toFixed(4)} after ${rate(l.samplesTrained)} samples`);
  }
  if (r.tfjsTensors) out.push(`TF.js live tensors: ${r.tfjsTensors.afterSetup} after setup, ${r.tfjsTensors.atEnd} at the end`);
  out.push('');
  out.push('differences, honestly:');
  for (const note of r.notes) out.push(`  - ${note}`);
  if (r.pageErrors.length) out.push(`\npage errors: ${r.pageErrors.join(' | ')}`);
  return out.join('\n');
}

const label = (r, id) => r.engines.find((e) => e.id === id)?.label ?? id;
