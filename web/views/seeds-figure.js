// The across-seeds figure: per group of results (the page's settings, or a loaded sweep file's
// settings), a strip plot per metric (seeds-plot.js), the live count, the per-seed numbers as a
// table, the file picker and drop target, and the CSV and PNG exports. It only draws and reports
// the reader's actions; web/session/seeds-controller.js owns the runs.
//
// Hooks: `.al-seeds[data-state][data-done][data-total][data-failed]`, `[data-field=count]`,
// `[data-field=problems] li[data-line]`, `.al-seeds-group[data-group][data-matches]`,
// `tr[data-seed][data-activation]` with data-train-accuracy, -test-accuracy, -steps-to-reach
// ("never" or the step), -ratio, -zero-fraction, -dead-units, -diverged, -failed (full precision).
import { el } from './dom.js';
import { fitCanvas } from './canvas-fit.js';
import { activationColor } from './palette.js';
import { drawSeedsPlot, seedsPlotHeight } from './seeds-plot.js';
import { resultsCsv } from '../session/seeds-results.js';

export const SEEDS_NOTE = 'Each seed draws a new data sample, new initial weights and a new batch order: what the ' +
  'lab\'s one seed fixes. Everything else is the same setting.';

/**
 * @param options {labelOf, headingLevel = 3, onRun(), onCancel(), onFile(file)}
 * @returns {update(model), toPng(): Promise<Blob>, destroy(), element}; model: {state, done, failed, total,
 *   steps, groups: [{title, differs, budget, members, seeds}], problems: [{line, message}], fileName}
 */
export function mountSeedsFigure(container, { labelOf = (n) => n, headingLevel = 3, onRun, onCancel, onFile }) {
  const root = el('div', 'al-seeds', { 'data-state': 'idle', 'data-done': '0', 'data-total': '0', 'data-failed': '0' });
  const heading = el(`h${headingLevel}`, 'al-seeds-title');
  heading.textContent = 'Across seeds';
  const note = el('p', 'al-seeds-note');
  note.textContent = SEEDS_NOTE;
  const bar = el('div', 'al-seeds-bar', { role: 'group', 'aria-label': 'Across seeds' });
  const button = (text, field, action) => {
    const b = el('button', null, { type: 'button', 'data-field': field });
    b.textContent = text;
    b.addEventListener('click', action);
    bar.append(b);
    return b;
  };
  const runButton = button('Run the seeds', 'run', () => onRun?.());
  const cancelButton = button('Cancel', 'cancel', () => onCancel?.());
  const fileLabel = el('label', 'al-seeds-file');
  fileLabel.textContent = 'Load a sweep file ';
  const fileInput = el('input', null, { type: 'file', accept: '.jsonl,.json,.csv,.txt', 'data-field': 'file' });
  fileInput.addEventListener('change', () => { if (fileInput.files[0]) onFile?.(fileInput.files[0]); fileInput.value = ''; });
  fileLabel.append(fileInput);
  bar.append(fileLabel);
  button('Save as CSV', 'export-csv', () => save(new Blob([resultsCsv(model.groups)], { type: 'text/csv' }), 'csv'));
  button('Save as PNG', 'export-png', () => toPng().then((blob) => save(blob, 'png')));
  const count = el('p', 'al-seeds-count', { 'data-field': 'count', 'aria-live': 'polite' });
  const problems = el('ul', 'al-seeds-problems', { 'data-field': 'problems' });
  const groupsBox = el('div', 'al-seeds-groups');
  root.append(heading, note, bar, count, problems, groupsBox);
  container.append(root);

  root.addEventListener('dragover', (event) => { event.preventDefault(); root.dataset.drop = 'over'; });
  root.addEventListener('dragleave', () => { delete root.dataset.drop; });
  root.addEventListener('drop', (event) => {
    event.preventDefault();
    delete root.dataset.drop;
    const file = event.dataTransfer?.files?.[0];
    if (file) onFile?.(file);
  });

  let model = { state: 'idle', done: 0, failed: 0, total: 0, groups: [], problems: [] };
  let plots = [];

  function update(next) {
    model = next;
    Object.assign(root.dataset, { state: next.state, done: String(next.done), total: String(next.total), failed: String(next.failed) });
    count.textContent = countText(next);
    runButton.disabled = next.state === 'running';
    cancelButton.disabled = next.state !== 'running';
    problems.replaceChildren(...next.problems.map(({ line, message }) => {
      const li = el('li', null, { 'data-line': String(line) });
      li.textContent = `line ${line}: ${message} (skipped)`;
      return li;
    }));
    if (plots.length !== next.groups.length) rebuildGroups(next.groups.length);
    next.groups.forEach((group, i) => plots[i].update(group));
  }

  function rebuildGroups(n) {
    for (const plot of plots) plot.destroy();
    plots = Array.from({ length: n }, (_, i) => mountGroup(groupsBox, i, { labelOf, headingLevel: headingLevel + 1 }));
  }

  /** The plots one under another, each under its title, as one PNG. */
  function toPng() {
    const pieces = plots.map((p) => p.canvas).filter((c) => c.width > 0);
    const width = Math.max(1, ...pieces.map((c) => c.width));
    const out = document.createElement('canvas');
    out.width = width;
    out.height = Math.max(1, pieces.reduce((h, c) => h + c.height + 24, 0));
    const ctx = out.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, out.width, out.height);
    let y = 0;
    pieces.forEach((canvas, i) => {
      ctx.fillStyle = '#222';
      ctx.font = '14px system-ui, sans-serif';
      ctx.fillText(model.groups[i]?.title ?? '', 4, y + 16);
      ctx.drawImage(canvas, 0, y + 24);
      y += canvas.height + 24;
    });
    return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
  }

  return {
    update,
    toPng,
    element: root,
    destroy() { for (const plot of plots) plot.destroy(); root.remove(); },
  };
}

function countText({ state, done, failed, total, steps }) {
  if (total === 0) return state === 'idle' ? '' : 'No seeds.';
  const failedText = failed ? ` (${failed} failed)` : '';
  const budget = steps ? `, ${steps.toLocaleString('en-US')} steps each` : '';
  const tail = state === 'cancelled' ? ': cancelled' : '';
  return `${done} of ${total} seeds done${failedText}${budget}${tail}`;
}

function save(blob, ext) {
  const url = URL.createObjectURL(blob);
  const link = el('a', null, { href: url, download: `activation-lab-seeds.${ext}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One group: title, what differs from the page, the plot, and its numbers as a table. */
function mountGroup(container, index, { labelOf, headingLevel }) {
  const box = el('div', 'al-seeds-group', { 'data-group': String(index) });
  const title = el(`h${Math.min(headingLevel, 6)}`, 'al-seeds-group-title');
  const differs = el('p', 'al-seeds-differs');
  const canvas = el('canvas', 'al-seeds-canvas', { role: 'img' });
  const details = el('details', 'al-seeds-numbers');
  const summary = el('summary');
  summary.textContent = 'The numbers, seed by seed';
  const table = el('table');
  // A wide table scrolls sideways in a narrow column (a blog at 360 px) rather than overflow it.
  const scroller = el('div', 'al-seeds-table', { tabindex: '0', role: 'region', 'aria-label': 'The numbers, seed by seed' });
  scroller.append(table);
  details.append(summary, scroller);
  box.append(title, differs, canvas, details);
  container.append(box);
  let group = null;
  const draw = () => {
    if (!group || canvas.width <= 1) return;
    const style = getComputedStyle(box);
    drawSeedsPlot(canvas.getContext('2d'), group, {
      width: canvas.clientWidth, ratio: fit.pixelRatio(), labelOf, colorOf: activationColor,
      ink: style.color || '#222', muted: '#888',
    });
  };
  const fit = fitCanvas(canvas, draw);
  return {
    canvas,
    update(next) {
      group = next;
      box.dataset.matches = String(next.differs.length === 0);
      title.textContent = next.title;
      differs.textContent = next.differs.length === 0 ? '' : `Not this page's settings: ${next.differs
        .map((d) => `${d.key} ${d.file} (page: ${d.page})`).join('; ')}.`;
      canvas.style.height = `${seedsPlotHeight(next)}px`;
      canvas.setAttribute('aria-label', `${next.title}: one dot per seed, the median as a bar, the 10-90% band shaded`);
      fillTable(table, next, labelOf);
      draw();
    },
    destroy() { fit.disconnect(); box.remove(); },
  };
}

const HEAD = ['Seed', 'Activation', 'Train acc.', 'Test acc.', 'Steps to 90%', 'First/last ratio', 'Zero share', 'Dead units'];

function fillTable(table, group, labelOf) {
  const head = el('tr');
  for (const text of HEAD) { const th = el('th', null, { scope: 'col' }); th.textContent = text; head.append(th); }
  const rows = [head];
  for (const s of group.seeds) {
    for (const name of group.members) {
      const p = s.failed ? { failed: s.failed } : s.members[name] ?? { failed: 'missing' };
      const tr = el('tr', null, { 'data-seed': String(s.seed), 'data-activation': name });
      if (p.failed) {
        tr.dataset.failed = p.failed;
        cells(tr, [s.seed, labelOf(name), `failed: ${p.failed}`]);
      } else {
        Object.assign(tr.dataset, {
          trainAccuracy: String(p.trainAccuracy), testAccuracy: String(p.testAccuracy),
          stepsToReach: p.stepsToReach === null ? 'never' : String(p.stepsToReach), ratio: String(p.firstLastGradRatio),
          zeroFraction: String(p.zeroFraction), deadUnits: String(p.deadUnits), diverged: String(Boolean(p.diverged)),
        });
        cells(tr, [s.seed, labelOf(name), pct(p.trainAccuracy), pct(p.testAccuracy), p.stepsToReach ?? 'never',
          p.firstLastGradRatio?.toExponential(2), pct(p.zeroFraction), p.deadUnits]);
      }
      rows.push(tr);
    }
  }
  table.replaceChildren(...rows);
}

const pct = (v) => (typeof v === 'number' && Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '–');

function cells(tr, values) {
  for (const v of values) { const td = el('td'); td.textContent = String(v ?? '–'); tr.append(td); }
}
