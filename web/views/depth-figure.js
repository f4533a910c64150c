// The depth figure: the first/last layer gradient ratio at initialisation against depth, one line
// per activation (the median over seeds) inside a band (their spread), on one log axis with
// decade ticks. Data: web/worker/depth-sweep.js's result(); it may be partial (filled cell by cell).
import { el } from './dom.js';
import { fitCanvas } from './canvas-fit.js';
import { decadeTicks, drawLinePlot } from './line-plot.js';
import { activationColor } from './palette.js';
import { formatRatio } from './ratio-text.js';
import { watchSchemeColors } from './scheme-colors.js';
import { isEnglish } from './format.js';
import { englishTranslator } from '../i18n/i18n.js';
import { DEPTH_INITS } from '../session/depth-inits.js';

// The selector's choices: a catalog key each (a caller's own choices may give a label instead).
export const DEFAULT_INIT_CHOICES = Object.freeze(DEPTH_INITS.map((value) => Object.freeze({ value, key: `depth.init.${value}` })));

/**
 * mountDepth(container, {labelOf, headingLevel = 3, inits = DEFAULT_INIT_CHOICES, init = 'usual', onInit(init), i18n = englishTranslator})
 *   -> {update(result), setInit(init), setLanguage(i18n), destroy(), element}; setLanguage rewrites the words from
 *   the last result; setInit shows a choice made elsewhere (the page's address) before its result arrives.
 * Changing the selector calls onInit(init) and dispatches 'depth-init' (bubbling, detail {init}) on container.
 * Hooks: root .al-depth[data-init][data-done][data-cells][data-total]; table cells
 *   td[data-activation][data-depth][data-value (median)][data-min][data-max][data-ratios (comma-separated)].
 */
export function mountDepth(container, { labelOf = (name) => name, headingLevel = 3, inits = DEFAULT_INIT_CHOICES,
  init = 'usual', onInit = () => {}, i18n = englishTranslator } = {}) {
  let words = i18n;
  const t = (key, params) => words.t(key, params);
  // An init as the table and key name it: its id in English (as the core writes it), the settings' word otherwise.
  const initName = (id) => (isEnglish(words) || !words.has(`choice.init.${id}`) ? id : t(`choice.init.${id}`));
  // A line as the key and the table name it: the activation and the init it was drawn with.
  const lineName = (it) => t('depth.line', { name: labelOf(it.name), init: initName(it.init) });
  const { root, title, select, options, selectName, key, canvas, status, summary, table } = depthSkeleton(headingLevel, inits, init);
  let result = null;
  container.append(root);
  const writeWords = () => {
    title.textContent = t('depth.title');
    options.forEach((option, i) => { option.textContent = inits[i].key ? t(inits[i].key) : inits[i].label; });
    selectName.textContent = t('depth.initLabel');
    summary.textContent = t('depth.table');
    // Before its first result the plot is named by the figure's title (an image needs a text alternative).
    if (!result) canvas.setAttribute('aria-label', t('depth.title'));
  };
  writeWords();

  const scheme = watchSchemeColors(root, () => draw());
  const fit = fitCanvas(canvas, () => draw());
  select.addEventListener('change', () => {
    root.dataset.init = select.value;
    onInit(select.value);
    container.dispatchEvent(new CustomEvent('depth-init', { bubbles: true, detail: { init: select.value } }));
  });

  function draw() {
    if (!result) return;
    drawDepthPlot(canvas, result, { ...scheme.colors(), pixelRatio: fit.pixelRatio() }, words);
  }

  // Every word and number from the last result, and the plot (its axis names are words too).
  function writeText() {
    const { cells, total } = result.progress;
    status.textContent = result.done ? '' : t('depth.measuring', { cells: String(cells), total: String(total) });
    canvas.setAttribute('aria-label', describeDepth(result, labelOf, initName, words));
    writeDepthKey(key, result, lineName, words);
    table.replaceChildren(...depthTableRows(result, lineName, words));
    draw();
  }

  return {
    element: root,
    update(next) {
      if (!next) return;
      result = next;
      Object.assign(root.dataset, { init: next.init, done: String(next.done), cells: String(next.progress.cells), total: String(next.progress.total) });
      if (select.value !== next.init) select.value = next.init;
      writeText();
    },
    setInit(next) {
      select.value = next;
      root.dataset.init = next;
    },
    setLanguage(next) {
      words = next;
      writeWords();
      if (result) writeText();
    },
    destroy() {
      scheme.dispose();
      fit.disconnect();
      root.remove();
    },
  };
}

// The figure's DOM: title, the init selector (its options worded later), the key, the plot, the
// progress line and the numbers as a table behind a disclosure.
function depthSkeleton(headingLevel, inits, init) {
  const root = el('section', 'al-depth al-figure', { 'data-init': init });
  const title = el(`h${headingLevel}`, 'al-figure-title');
  const selectLabel = el('label', 'al-depth-init');
  const select = el('select');
  const options = inits.map((choice) => {
    const option = el('option', null, { value: choice.value });
    select.append(option);
    return option;
  });
  select.value = init;
  const selectName = document.createTextNode('');
  selectLabel.append(selectName, select);
  const key = el('ul', 'al-depth-key');
  const canvas = el('canvas', 'al-depth-canvas', { role: 'img' });
  const status = el('p', 'al-depth-status', { 'aria-live': 'polite' });
  const details = el('details', 'al-depth-details');
  const summary = el('summary');
  const table = el('table', 'al-depth-table');
  details.append(summary, table);
  root.append(title, selectLabel, key, canvas, status, details);
  return { root, title, select, options, selectName, key, canvas, status, summary, table };
}

// Median lines inside their min-max bands on a log axis of whole decades, depth 1 to at least 10.
function drawDepthPlot(canvas, result, colors, i18n) {
  const logs = result.items.flatMap((it) => it.points.flatMap((p) => [p.min, p.max]))
    .filter((v) => v > 0 && Number.isFinite(v)).map(Math.log10);
  const lo = Math.floor(Math.min(-1, ...logs)), hi = Math.ceil(Math.max(1, ...logs));
  const depths = Math.max(1, ...result.items.flatMap((it) => it.points.map((p) => p.depth)), 10);
  drawLinePlot(canvas.getContext('2d'), {
    x: { lo: 1, hi: depths, ticks: Array.from({ length: depths }, (_, i) => i + 1), label: i18n.t('depth.axis.depth') },
    y: { lo, hi, log: true, ticks: decadeTicks(lo, hi, 7), label: i18n.t('depth.axis.ratio') },
    hLines: [{ y: 1, color: colors.muted, dash: [2, 3] }],
    bands: result.items.map((it) => ({ color: activationColor(it.name),
      lower: it.points.map((p) => [p.depth, p.min]), upper: it.points.map((p) => [p.depth, p.max]) })),
    series: result.items.map((it) => ({ color: activationColor(it.name), values: it.points.map((p) => [p.depth, p.median]) })),
  }, colors);
}

// The table's rows: a head of depths, then one row per line with each depth's median (raw numbers in data-*).
function depthTableRows(result, lineName, i18n) {
  const depths = [...new Set(result.items.flatMap((it) => it.points.map((p) => p.depth)))].sort((a, b) => a - b);
  const head = el('tr');
  const corner = el('th', null, { scope: 'col' });
  corner.textContent = i18n.t('depth.axis.depth');
  head.append(corner, ...depths.map((d) => { const th = el('th', null, { scope: 'col' }); th.textContent = String(d); return th; }));
  const rows = result.items.map((it) => {
    const tr = el('tr');
    const th = el('th', null, { scope: 'row' });
    th.textContent = lineName(it);
    tr.append(th, ...depths.map((d) => {
      const p = it.points.find((q) => q.depth === d);
      const td = el('td', null, { 'data-activation': it.name, 'data-depth': String(d) });
      if (p) {
        Object.assign(td.dataset, { value: String(p.median), min: String(p.min), max: String(p.max), ratios: p.ratios.join(',') });
        td.textContent = formatRatio(p.median, { i18n });
      }
      return td;
    }));
    return tr;
  });
  return [head, ...rows];
}

// One entry per line: its colour, the activation and the init it was drawn with; left alone when
// its words are unchanged (the sweep updates cell by cell).
function writeDepthKey(key, result, lineName, i18n) {
  const band = i18n.t('depth.band', { seeds: String(result.seeds) });
  if ([...key.children].map((li) => li.textContent).join('|') === [...result.items.map(lineName), band].join('|')) return;
  key.replaceChildren(...result.items.map((it) => {
    const li = el('li', null, { 'data-activation': it.name, 'data-init': it.init });
    li.style.setProperty('--al-accent', activationColor(it.name));
    li.textContent = lineName(it);
    return li;
  }));
  const bandItem = el('li', 'al-depth-key-band');
  bandItem.textContent = band;
  key.append(bandItem);
}

// The plot's text alternative: each line's ratio at its deepest measured depth.
function describeDepth(result, labelOf, initName, i18n) {
  const deepest = (it) => it.points[it.points.length - 1];
  const parts = result.items.filter((it) => it.points.length).map((it) => i18n.t('depth.describeItem', {
    name: labelOf(it.name), init: initName(it.init), value: formatRatio(deepest(it).median, { i18n }), count: deepest(it).depth }));
  return i18n.t('depth.describe', { width: String(result.width), seeds: String(result.seeds), items: parts.join(i18n.t('views.separator')) });
}
