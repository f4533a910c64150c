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
import { canvasFont } from './canvas-font.js';
import { formatPercent, isEnglish, missing } from './format.js';
import { englishTranslator } from '../i18n/i18n.js';

/**
 * @param options {labelOf, headingLevel = 3, onRun(), onCancel(), onFile(file), i18n = englishTranslator}
 * @returns {update(model), toPng(): Promise<Blob>, setLanguage(i18n), destroy(), element}; model: {state, done,
 *   failed, total, steps, groups: [{title, differs, budget, members, seeds}], problems: [{line, message, key?, params?}],
 *   fileName}; setLanguage rewrites every word and redraws the plots from the last model.
 */
export function mountSeedsFigure(container, { labelOf = (n) => n, headingLevel = 3, onRun, onCancel, onFile, i18n = englishTranslator }) {
  const words = { i18n };
  const t = (key, params) => words.i18n.t(key, params);
  const root = el('div', 'al-seeds', { 'data-state': 'idle', 'data-done': '0', 'data-total': '0', 'data-failed': '0' });
  const heading = el(`h${headingLevel}`, 'al-seeds-title');
  const note = el('p', 'al-seeds-note');
  const bar = el('div', 'al-seeds-bar', { role: 'group' });
  const buttons = [];
  const button = (key, field, action) => {
    const b = el('button', null, { type: 'button', 'data-field': field, 'data-key': key });
    b.addEventListener('click', action);
    bar.append(b);
    buttons.push(b);
    return b;
  };
  const runButton = button('seeds.run', 'run', () => onRun?.());
  const cancelButton = button('seeds.cancel', 'cancel', () => onCancel?.());
  const fileLabel = el('label', 'al-seeds-file');
  const fileName = document.createTextNode('');
  const fileInput = el('input', null, { type: 'file', accept: '.jsonl,.json,.csv,.txt', 'data-field': 'file' });
  fileInput.addEventListener('change', () => { if (fileInput.files[0]) onFile?.(fileInput.files[0]); fileInput.value = ''; });
  fileLabel.append(fileName, fileInput);
  bar.append(fileLabel);
  button('seeds.saveCsv', 'export-csv', () => save(new Blob([resultsCsv(model.groups)], { type: 'text/csv' }), 'csv'));
  button('seeds.savePng', 'export-png', () => toPng().then((blob) => save(blob, 'png')));
  const writeWords = () => {
    heading.textContent = t('seeds.title');
    note.textContent = t('seeds.note');
    bar.setAttribute('aria-label', t('seeds.title'));
    for (const b of buttons) b.textContent = t(b.dataset.key);
    fileName.textContent = t('seeds.file');
  };
  writeWords();
  const count = el('p', 'al-seeds-count', { 'data-field': 'count', 'aria-live': 'polite' });
  const problems = el('ul', 'al-seeds-problems', { 'data-field': 'problems' });
  const groupsBox = el('div', 'al-seeds-groups');
  root.append(heading, note, bar, count, problems, groupsBox);
  container.append(root);

  acceptDroppedFile(root, onFile);

  let model = { state: 'idle', done: 0, failed: 0, total: 0, groups: [], problems: [] };
  let plots = [];

  function update(next) {
    model = next;
    Object.assign(root.dataset, { state: next.state, done: String(next.done), total: String(next.total), failed: String(next.failed) });
    count.textContent = countText(next, words.i18n);
    runButton.disabled = next.state === 'running';
    cancelButton.disabled = next.state !== 'running';
    problems.replaceChildren(...next.problems.map((problem) => problemItem(problem, words.i18n)));
    if (plots.length !== next.groups.length) rebuildGroups(next.groups.length);
    next.groups.forEach((group, i) => plots[i].update(group));
  }

  function rebuildGroups(n) {
    for (const plot of plots) plot.destroy();
    plots = Array.from({ length: n }, (_, i) => mountGroup(groupsBox, i, { labelOf, headingLevel: headingLevel + 1, words }));
  }

  const toPng = () => plotsPng(plots.map((p) => p.canvas), model.groups, words.i18n);

  function setLanguage(next) {
    words.i18n = next;
    writeWords();
    update(model);
  }

  return {
    update,
    toPng,
    setLanguage,
    element: root,
    destroy() { for (const plot of plots) plot.destroy(); root.remove(); },
  };
}

// A file dropped on the figure goes to onFile, as one chosen with the picker; data-drop="over" while one hovers.
function acceptDroppedFile(root, onFile) {
  root.addEventListener('dragover', (event) => { event.preventDefault(); root.dataset.drop = 'over'; });
  root.addEventListener('dragleave', () => { delete root.dataset.drop; });
  root.addEventListener('drop', (event) => {
    event.preventDefault();
    delete root.dataset.drop;
    const file = event.dataTransfer?.files?.[0];
    if (file) onFile?.(file);
  });
}

// One problem of a loaded file, with its line: the catalog's words when it has a key, else its message.
function problemItem({ line, message, key, params }, i18n) {
  const li = el('li', null, { 'data-line': String(line) });
  li.textContent = i18n.t('seeds.problem', { line: String(line), message: key ? i18n.t(key, params) : message });
  return li;
}

/** The plots one under another, each under its group's title, as one PNG. */
function plotsPng(canvases, groups, i18n) {
  const pieces = canvases.filter((c) => c.width > 0);
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
    ctx.font = canvasFont(14);
    ctx.fillText(groups[i] ? groupTitle(groups[i], i18n) : '', 4, y + 16);
    ctx.drawImage(canvas, 0, y + 24);
    y += canvas.height + 24;
  });
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
}

/** "14 of 20 seeds done (1 failed), 3,000 steps each": one template, its optional clauses templates too. */
export function countText({ state, done, failed, total, steps }, i18n = englishTranslator) {
  const { t } = i18n;
  if (total === 0) return state === 'idle' ? '' : t('seeds.none');
  return t('seeds.count', {
    count: total, done: String(done), total: String(total),
    failed: failed ? t('seeds.count.failed', { failed: String(failed) }) : '',
    budget: steps ? t('seeds.count.budget', { steps }) : '',
    cancelled: state === 'cancelled' ? t('seeds.count.cancelled') : '',
  });
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
function mountGroup(container, index, { labelOf, headingLevel, words }) {
  const t = (key, params) => words.i18n.t(key, params);
  const box = el('div', 'al-seeds-group', { 'data-group': String(index) });
  const title = el(`h${Math.min(headingLevel, 6)}`, 'al-seeds-group-title');
  const differs = el('p', 'al-seeds-differs');
  const canvas = el('canvas', 'al-seeds-canvas', { role: 'img' });
  const details = el('details', 'al-seeds-numbers');
  const summary = el('summary');
  summary.textContent = t('seeds.table');
  const table = el('table');
  // A wide table scrolls sideways in a narrow column (a blog at 360 px) rather than overflow it.
  const scroller = el('div', 'al-seeds-table', { tabindex: '0', role: 'region', 'aria-label': t('seeds.table') });
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
      ink: style.color || '#222', muted: '#888', i18n: words.i18n,
    });
  };
  const fit = fitCanvas(canvas, draw);
  return {
    canvas,
    update(next) {
      group = next;
      box.dataset.matches = String(next.differs.length === 0);
      const i18n = words.i18n;
      title.textContent = groupTitle(next, i18n);
      // A setting by its label in the reader's language; in English by its key, as the file writes it.
      const field = (key) => (isEnglish(i18n) || !i18n.has(`field.${key}.label`) ? key : t(`field.${key}.label`));
      differs.textContent = next.differs.length === 0 ? '' : t('seeds.differs', { items: next.differs
        .map((d) => t('seeds.differsItem', { key: field(d.key), file: d.file, page: d.page })).join(t('views.separator')) });
      canvas.style.height = `${seedsPlotHeight(next)}px`;
      canvas.setAttribute('aria-label', t('seeds.plotLabel', { title: groupTitle(next, i18n) }));
      summary.textContent = t('seeds.table');
      scroller.setAttribute('aria-label', t('seeds.table'));
      fillTable(table, next, labelOf, i18n);
      draw();
    },
    destroy() { fit.disconnect(); box.remove(); },
  };
}

// The table's columns, as catalog keys seeds.col.<column>.
const HEAD = ['seed', 'activation', 'trainAccuracy', 'testAccuracy', 'stepsToReach', 'ratio', 'zeroShare', 'deadUnits'];

function fillTable(table, group, labelOf, i18n) {
  const { t } = i18n;
  const pct = (v) => (typeof v === 'number' ? formatPercent(v, 1, { i18n }) : missing(i18n));
  const head = el('tr');
  for (const column of HEAD) { const th = el('th', null, { scope: 'col' }); th.textContent = t(`seeds.col.${column}`); head.append(th); }
  const rows = [head];
  for (const s of group.seeds) {
    for (const name of group.members) {
      const p = s.failed ? { failed: s.failed } : s.members[name] ?? { failed: 'missing' };
      const tr = el('tr', null, { 'data-seed': String(s.seed), 'data-activation': name });
      if (p.failed) {
        tr.dataset.failed = p.failed;
        cells(tr, [s.seed, labelOf(name), t('seeds.failed', { reason: p.failed })], i18n);
      } else {
        Object.assign(tr.dataset, {
          trainAccuracy: String(p.trainAccuracy), testAccuracy: String(p.testAccuracy),
          stepsToReach: p.stepsToReach === null ? 'never' : String(p.stepsToReach), ratio: String(p.firstLastGradRatio),
          zeroFraction: String(p.zeroFraction), deadUnits: String(p.deadUnits), diverged: String(Boolean(p.diverged)),
        });
        cells(tr, [s.seed, labelOf(name), pct(p.trainAccuracy), pct(p.testAccuracy), p.stepsToReach ?? t('seeds.never'),
          p.firstLastGradRatio?.toExponential(2), pct(p.zeroFraction), p.deadUnits], i18n);
      }
      rows.push(tr);
    }
  }
  table.replaceChildren(...rows);
}

function cells(tr, values, i18n) {
  for (const v of values) { const td = el('td'); td.textContent = String(v ?? missing(i18n)); tr.append(td); }
}

/** A group's title in the reader's language (titleWords: a catalog key and params), else as given. */
function groupTitle(group, i18n) {
  return group.titleWords ? i18n.t(group.titleWords.key, group.titleWords.params) : group.title ?? '';
}
