// The settings form: one widget per parameter-table row, grouped (race, data, network,
// training, advanced). It is generated from the table, so a field the core adds shows up here
// with no page change; the run's own buttons live in run-bar.js.
import { createWidget } from './control-widgets.js';

const GROUPS = [
  ['race', 'Race'],
  ['data', 'Data'],
  ['network', 'Network'],
  ['training', 'Training'],
  ['advanced', 'Advanced'],
];

const OPTIMIZER_LABELS = { sgd: 'SGD', momentum: 'SGD with momentum', adam: 'Adam' };

/**
 * @param form the <form> to fill
 * @param table the parameter table; ready: the worker's READY message (labels)
 * @param options {commit(key, value), swatch(name) -> colour}
 * @returns {sync(values)}
 */
export function mountControls(form, table, ready, { commit, swatch }) {
  const activationLabel = new Map(ready.activations.map((a) => [a.name, a.label]));
  const datasetLabel = new Map(ready.datasets.map((d) => [d.name, d.label]));
  const optionLabel = (row, choice) => {
    if (row.key === 'members') return activationLabel.get(choice) ?? choice;
    if (row.key === 'dataset') return datasetLabel.get(choice) ?? choice;
    if (row.key === 'optimizer') return OPTIMIZER_LABELS[choice] ?? choice;
    return choice.replace(/_/g, ' ');
  };
  const swatchOf = (row, choice) => (row.key === 'members' ? swatch(choice) : null);

  const widgets = new Map();
  for (const [group, title] of GROUPS) {
    const rows = table.rows.filter((r) => r.group === group);
    const built = rows.map((row) => [row, createWidget(row, {
      optionLabel, swatch: swatchOf, commit: (value) => commit(row.key, value),
    })]).filter(([, w]) => w);
    if (built.length === 0) continue;
    const section = group === 'advanced' ? document.createElement('details') : document.createElement('section');
    section.className = `control-group control-group-${group}`;
    const heading = document.createElement(group === 'advanced' ? 'summary' : 'h3');
    heading.textContent = title;
    section.append(heading);
    for (const [row, widget] of built) {
      section.append(widget.element);
      widgets.set(row.key, widget);
    }
    form.append(section);
  }
  // Enter in a text field must not submit (and reload) the page.
  form.addEventListener('submit', (event) => event.preventDefault());

  return {
    sync(values) {
      for (const [key, widget] of widgets) widget.set(values[key]);
    },
  };
}
