// The export bar's two buttons: the race as a PNG (its settings written out, in the reader's
// language, and the address) and the run's metrics as JSON (keys and values as the core names them,
// in every language: a file for programs).
import { raceToPng, settingsLines, saveBlob, jsonBlob, stampedName } from './export.js';
import { summarise } from './why-view.js';

/** @param page the LabPage (its state, labels, session's last frame, why and cost views, i18n) */
export function mountExports(page) {
  document.getElementById('export-png').addEventListener('click', () => exportPng(page));
  document.getElementById('export-json').addEventListener('click', () => exportJson(page));
}

function exportPng(page) {
  const { i18n } = page;
  const settings = settingsLines(page.state.values, page.labelOf, location.href, { i18n });
  raceToPng(document.getElementById('race-cards'), { title: 'Activation Lab', settings, classes: page.state.get('classes'), i18n })
    .then((blob) => saveBlob(blob, stampedName('png')))
    .catch((err) => page.notices.show('error', i18n.t('export.failed', { message: err.message })));
}

function exportJson(page) {
  const frame = page.lastFrame;
  const data = {
    url: location.href,
    settings: page.state.values,
    members: (frame?.members ?? []).map((m) => ({
      name: m.name, label: page.labels.get(m.name), step: m.step, metrics: m.metrics,
      diverged: m.diverged, divergedAt: m.divergedAt, stepsPerSecond: m.stepsPerSecond,
      lossHistory: { stride: m.lossStride, values: m.losses },
      why: page.why.latest.has(m.name) ? summarise(page.why.latest.get(m.name)) : null,
    })),
    costs: page.cost.costs,
  };
  saveBlob(jsonBlob(data), stampedName('json'));
}
