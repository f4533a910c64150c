// The settings form: one widget per parameter-table row, grouped (race, data, network,
// training, advanced). It is generated from the table, so a field the core adds shows up here
// with no page change; the run's own buttons live in run-bar.js.
import { createWidget } from './control-widgets.js';
import { englishTranslator } from '../i18n/i18n.js';

// Their titles: settings.group.<group>.
const GROUPS = ['race', 'data', 'network', 'training', 'advanced'];

/**
 * @param form the <form> to fill
 * @param table the parameter table; ready: the worker's READY message (labels)
 * @param options {commit(key, value), swatch(name) -> colour, i18n}
 * @returns {sync(values), setLanguage(i18n)}: a new language rebuilds the form (the values stay)
 */
export function mountControls(form, table, ready, { commit, swatch, i18n = englishTranslator }) {
  const widgets = new Map();
  let values = null;
  const build = (language) => {
    widgets.clear();
    form.replaceChildren();
    buildForm(form, table, ready, { commit, swatch, i18n: language }, widgets);
    if (values) for (const [key, widget] of widgets) widget.set(values[key]);
  };
  build(i18n);
  // Enter in a text field must not submit (and reload) the page.
  form.addEventListener('submit', (event) => event.preventDefault());

  return {
    sync(next) {
      values = next;
      for (const [key, widget] of widgets) widget.set(next[key]);
    },
    setLanguage: build,
  };
}

/**
 * A choice as the reader reads it: the core's labels for activations, datasets (English) and the
 * catalog's (choice.<row>.<choice>, dataset.<name>.label) in another language.
 */
function optionLabeller(ready, i18n) {
  const activationLabel = new Map(ready.activations.map((a) => [a.name, a.label]));
  const datasetLabel = new Map(ready.datasets.map((d) => [d.name, d.label]));
  const catalog = (key, fallback) => (i18n.has(key) ? i18n.t(key) : fallback);
  return (row, choice) => {
    if (row.key === 'members') {
      const label = activationLabel.get(choice) ?? choice;
      return i18n.lang === 'en' ? label : catalog(`activation.${choice}`, label);
    }
    if (row.key === 'dataset') {
      const label = datasetLabel.get(choice) ?? choice;
      return i18n.lang === 'en' ? label : catalog(`dataset.${choice}.label`, label);
    }
    if (row.key === 'optimizer') return catalog(`choice.optimizer.${choice}`, choice);
    const plain = choice.replace(/_/g, ' ');
    const family = row.key === 'features' ? 'feature' : row.key;  // choice.feature.x_squared
    return i18n.lang === 'en' ? plain : catalog(`choice.${family}.${choice}`, plain);
  };
}

function buildForm(form, table, ready, { commit, swatch, i18n }, widgets) {
  const optionLabel = optionLabeller(ready, i18n);
  const swatchOf = (row, choice) => (row.key === 'members' ? swatch(choice) : null);
  for (const group of GROUPS) {
    const rows = table.rows.filter((r) => r.group === group);
    const built = rows.map((row) => [row, createWidget(row, {
      optionLabel, swatch: swatchOf, commit: (value) => commit(row.key, value), i18n,
    })]).filter(([, w]) => w);
    if (built.length === 0) continue;
    const section = group === 'advanced' ? document.createElement('details') : document.createElement('section');
    section.className = `control-group control-group-${group}`;
    const heading = document.createElement(group === 'advanced' ? 'summary' : 'h3');
    heading.textContent = i18n.t(`settings.group.${group}`);
    section.append(heading);
    for (const [row, widget] of built) {
      section.append(widget.element);
      widgets.set(row.key, widget);
    }
    form.append(section);
  }
}
