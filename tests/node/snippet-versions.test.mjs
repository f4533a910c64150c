// A snippet's `v=N` keeps its meaning when the lab's defaults change (issue 15, item 4): settings
// it leaves out take version N's defaults, not today's. Today's dialog writes v= and only what differs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';
import { buildParamTable, defaultValues } from '../../web/session/param-table.js';
import { formatHash } from '../../web/session/url-state.js';
import { PRESETS } from '../../web/session/presets.js';
import { readEmbedSettings } from '../../web/embed/embed-settings.js';
import { englishTranslator } from '../../web/i18n/i18n.js';
import { SNIPPET_VERSIONS, CURRENT_SNIPPET_VERSION } from '../../web/embed/snippet-versions.js';
import { embedSnippets, changedSettings } from '../../web/app/embed-dialog.js';

let table;
before(async () => {
  const lab = await loadLabOrFail();
  table = buildParamTable({ fields: lab.configFields(), activations: lab.activations(), constants: lab.constants() },
    { presetNames: PRESETS.map((p) => p.name) });
});

/** The table as a later release with other defaults would build it. */
function withDefaults(changes) {
  const rows = table.rows.map((row) => (row.key in changes ? { ...row, default: changes[row.key] } : row));
  return { ...table, rows, byKey: new Map(rows.map((r) => [r.key, r])) };
}

test('the current version\'s defaults are today\'s defaults (add a version when a default changes)', () => {
  assert.equal(`#${SNIPPET_VERSIONS[CURRENT_SNIPPET_VERSION]}`, formatHash(table, defaultValues(table)));
});

test('v=1 fills what a snippet leaves out with version 1\'s defaults, after the defaults change', () => {
  const later = withDefaults({ seed: 9, hidden: [16, 16], learningRate: 0.1 });
  const versioned = readEmbedSettings(later, 'v=1&dataset=xor');
  assert.deepEqual([versioned.values.seed, versioned.values.hidden, versioned.values.learningRate, versioned.values.dataset], [1, [8, 8, 8, 8, 8], 0.03, 'xor']);
  assert.deepEqual(versioned.notices, []);
  const bare = readEmbedSettings(later, 'dataset=xor');
  assert.deepEqual([bare.values.seed, bare.values.hidden], [9, [16, 16]], 'without v=, today\'s defaults');
  // A preset still lays its values over the version's defaults; the snippet's own values win.
  const preset = readEmbedSettings(later, 'v=1&preset=vanishing&seed=4');
  assert.equal(preset.values.preset, 'vanishing');
  assert.equal(preset.values.seed, 4);
  assert.equal(preset.values.learningRate, PRESETS.find((p) => p.name === 'vanishing').values.learningRate ?? 0.03);
});

test('an unknown version says so and reads with today\'s defaults', () => {
  for (const v of ['99', '__proto__', 'constructor']) {
    const read = readEmbedSettings(table, `v=${v}&dataset=xor`);
    assert.equal(read.values.dataset, 'xor');
    assert.equal(read.notices[0].key, 'embed.unknown.version');
    assert.match(englishTranslator.t(read.notices[0].key, read.notices[0].params),
      /^Unknown snippet version ".+": reading its settings with today's defaults \(versions: 1, 2\)\.$/);
  }
});

test('the dialog writes v= and only the settings that differ from that version\'s defaults', () => {
  const values = { ...defaultValues(table), dataset: 'xor', seed: 7 };
  assert.deepEqual(changedSettings(formatHash(table, values)), ['seed=7', 'dataset=xor']);
  const { settings, element, iframe } = embedSnippets('https://lab.example/', formatHash(table, values), { figure: 'why' });
  assert.equal(settings, 'v=2&seed=7&dataset=xor');
  assert.match(element, /<activation-lab figure="why" settings="v=2&amp;seed=7&amp;dataset=xor"><a href="https:\/\/lab\.example\/index\.html#seed=7&amp;dataset=xor"><img src="https:\/\/lab\.example\/embed\/card\.png"/);
  assert.match(iframe, /^<div class="activation-lab-embed"><iframe src="https:\/\/lab\.example\/embed\.html#figure=why&amp;v=2&amp;seed=7&amp;dataset=xor"/);
  assert.match(iframe, /<\/iframe><a href="[^"]+"><img [^>]+><\/a><\/div>\n<script src="https:\/\/lab\.example\/embed\/frame-resize\.js" async><\/script>$/);
});
