// Wires figures-demo.html: the figures of issue 16 over the real module. What the page's session
// will do in its worker (web/worker/depth-sweep.js, edge-gradients.js) runs here on the main thread,
// the depth sweep one net per task, so the gallery stays responsive while it fills.
// Settings (for tests): FIGURE_SETTINGS, exported on window.__figureSettings. ?lang=zh-CN mounts the
// figures in that language; window.__setLanguage(lang) switches them at once (the tests use both).
import { loadLab } from '../lab/actlab.js';
import { mountCurves } from './curves-figure.js';
import { mountDepth } from './depth-figure.js';
import { mountVerdict } from './verdict-panel.js';
import { composeVerdict } from './verdict.js';
import { mountNetworkDiagram, sharedGradientRange } from './network-diagram.js';
import { mountSparsityWork } from './sparsity-work.js';
import { DepthSweepCache } from '../worker/depth-sweep.js';
import { edgeGradients } from '../worker/edge-gradients.js';
import { galleryTranslator, exposeLanguageSwitch } from './gallery-language.js';

export const FIGURE_SETTINGS = Object.freeze({
  curves: ['sigmoid', 'tanh', 'relu', 'leaky_relu'],
  depth: { activations: ['sigmoid', 'tanh', 'relu'], config: { dataset: 'spiral', points: 200, seed: 1 }, seeds: 3 },
  diagram: { config: { dataset: 'xor', points: 120, seed: 4, hidden: [4, 3] }, racers: ['sigmoid', 'relu'], steps: 40 },
});
window.__figureSettings = FIGURE_SETTINGS;

const byId = (id) => document.getElementById(id);
const LABELS = { sigmoid: 'Sigmoid', tanh: 'Tanh', relu: 'ReLU', leaky_relu: 'Leaky ReLU' };
const labelOf = (name) => LABELS[name] ?? name;

// Typed in for the gallery, shaped as the claims strip's CLAIMS and the run's numbers.
const TYPED_CLAIMS = {
  vanishing: { depth: 8, width: 16, items: [{ name: 'sigmoid', init: 'xavier', ratio: 4.5e-6 },
    { name: 'tanh', init: 'xavier', ratio: 0.9 }, { name: 'relu', init: 'he', ratio: 0.38 }] },
  cost: { items: [{ name: 'sigmoid', ratio: 6.1 }, { name: 'tanh', ratio: 4.7 }] },
  sparsity: { items: [{ name: 'relu', zeroShare: 0.48, zeroMultiplyAddShare: 0.41 }] },
};
const TYPED_RUN = { learningRate: 0.03, racers: [{ name: 'tanh', testAccuracy: 0.95, saturatedShare: 0.07 },
  { name: 'relu', testAccuracy: 0.97, deadShare: 0.05 }] };

const i18n = await galleryTranslator();
const views = [];

const lab = await loadLab();
const curves = lab.activationCurves({ activations: FIGURE_SETTINGS.curves, xMin: -6, xMax: 6, points: 241 });
const bounds = Object.fromEntries(curves.map((c) => [c.name, c.maxDerivative]));
const curvesView = mountCurves(byId('curves'), { labelOf, i18n });
curvesView.update({ items: curves });
views.push(curvesView);

const verdict = mountVerdict(byId('verdict'), { headingLevel: 3 });
const writeVerdict = (depth) => verdict.update(composeVerdict({ claims: TYPED_CLAIMS, bounds, stepCost: { sigmoid: 1.3 }, run: TYPED_RUN, depth }, { labelOf }));
writeVerdict(undefined);

// The depth sweep, one net per task; a new init cancels the pending one (its cells stay cached).
const sweeps = new DepthSweepCache(lab);
let current = null;
const depth = mountDepth(byId('depth'), { labelOf, onInit: (init) => startSweep(init), i18n });
views.push(depth);
function startSweep(init) {
  const sweep = sweeps.sweepFor({ ...FIGURE_SETTINGS.depth, init });
  current = sweep;
  const slice = () => {
    if (current !== sweep) return;  // cancelled: another setting took over
    const more = sweep.step();
    depth.update(sweep.result());
    if (more) setTimeout(slice, 0); else writeVerdict(sweep.result());
  };
  depth.update(sweep.result());
  if (sweep.done) writeVerdict(sweep.result()); else setTimeout(slice, 0);
}
startSweep('usual');

// Network diagrams and the sparsity table: small trained nets, one log scale for all diagrams.
const { config, racers, steps } = FIGURE_SETTINGS.diagram;
const nets = racers.map((name) => {
  const net = lab.createNetwork({ ...config, activation: name });
  net.train(steps);
  return { name, net };
});
const gradients = nets.map(({ net }) => edgeGradients(net));
const range = sharedGradientRange(gradients);
nets.forEach(({ name, net }, i) => {
  const maps = net.unitMaps({ xMin: -6, xMax: 6, yMin: -6, yMax: 6, width: 16, height: 16 });
  const diagram = mountNetworkDiagram(byId('diagrams'), { name, label: labelOf(name), i18n });
  diagram.update({ gradients: gradients[i], maps, range });
  views.push(diagram);
});
const sparsity = mountSparsityWork(byId('sparsity'), { labelOf, i18n });
sparsity.update(nets.map(({ name, net }) => ({ name, diagnostics: net.diagnostics() })));
views.push(sparsity);
exposeLanguageSwitch(views);
for (const { net } of nets) net.delete();
byId('status').textContent = 'Module loaded; the depth figure fills one net at a time.';
document.documentElement.dataset.ready = 'true';
