// Colours shared by every view: class colours for data and decision regions, one colour per
// activation for titles, lines and bars, and the 256-entry lookup tables the heatmap writes through.
//
// Class colours are Okabe & Ito's colour-blind-safe set (https://jfly.uni-koeln.de/color/), ordered so
// that the first two (the common 2-class case) are the pair that stays most distinct under every
// colour-vision deficiency (blue / orange). Okabe–Ito's black is replaced by Paul Tol's "wine"
// (#882255): a black class would shade to the same grey the heatmap uses for "no data".

const hex = (s) => [parseInt(s.slice(1, 3), 16), parseInt(s.slice(3, 5), 16), parseInt(s.slice(5, 7), 16)];

const CLASS_HEX = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#882255'];

/** 8 class colours: `rgb` as [r, g, b] (0-255) for pixel work, `css` as '#rrggbb' for canvas/DOM. */
export const classColors = Object.freeze(CLASS_HEX.map((css) => Object.freeze({ css, rgb: Object.freeze(hex(css)) })));

/** Grey for cells or points without a valid value (non-finite probability, unknown label). */
export const missingColor = Object.freeze({ css: '#9A9A9A', rgb: Object.freeze([154, 154, 154]) });

/** Colour of class `c` (any integer); out-of-range classes get `missingColor` rather than a wrong hue. */
export function classColor(c) {
  return Number.isInteger(c) && c >= 0 && c < classColors.length ? classColors[c] : missingColor;
}

// One fixed colour per activation of the core's table, so a network keeps its colour whatever else is
// racing. The four the page opens with (sigmoid, tanh, ReLU, Leaky ReLU) take the most separated hues
// of Paul Tol's colour-blind-safe "vibrant" scheme (orange, magenta, blue, teal); the rest come from his
// "vibrant"/"muted" schemes, relatives sharing a family (ReLU variants blue-green, saturating ones warm,
// smooth self-gated ones purple). All are dark enough for a 2-3 px line on white.
const ACTIVATION_HEX = {
  sigmoid: '#EE7733',
  tanh: '#EE3377',
  hard_sigmoid: '#CC3311',
  relu: '#0077BB',
  leaky_relu: '#009988',
  prelu: '#117733',
  rrelu: '#44AA99',
  relu6: '#33BBEE',
  elu: '#AA3377',
  selu: '#882255',
  gelu: '#332288',
  gelu_tanh: '#6655AA',
  swish: '#AA4499',
  hard_swish: '#CC6677',
  mish: '#999933',
  softplus: '#997700',
  identity: '#555555',
};

/**
 * A stable '#rrggbb' for an activation name. Unknown names (a new row added to the core's table)
 * still get a stable colour: a hue hashed from the name, so nothing breaks before this table learns it.
 */
export function activationColor(name) {
  const known = ACTIVATION_HEX[name];
  if (known) return known;
  let h = 2166136261;  // FNV-1a: tiny, deterministic across browsers
  for (const ch of String(name)) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
  return hslToHex(h % 360, 0.55, 0.42);
}

function hslToHex(hue, s, l) {
  const k = (n) => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return '#' + [f(0), f(8), f(4)].map((v) => v.toString(16).padStart(2, '0')).join('');
}

/** [r, g, b] of a '#rrggbb' string (for callers building their own tables). */
export const hexToRgb = hex;

/**
 * A 256-entry lookup table of packed RGBA pixels, entry i = `from` mixed towards `to` by t = i / 255,
 * then mapped into [lo, hi] (so `hi` < 1 keeps the most confident colour pale enough to show points).
 * Returned as a Uint32Array viewing bytes written r, g, b, a: writing its entries into a Uint32Array
 * view of ImageData.data gives the right colours on either byte order, with no per-pixel objects.
 */
export function buildLut(from, to, { lo = 0, hi = 1, alpha = 255 } = {}) {
  const bytes = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const t = lo + (hi - lo) * (i / 255);
    bytes[i * 4] = from[0] + (to[0] - from[0]) * t;
    bytes[i * 4 + 1] = from[1] + (to[1] - from[1]) * t;
    bytes[i * 4 + 2] = from[2] + (to[2] - from[2]) * t;
    bytes[i * 4 + 3] = alpha;
  }
  return new Uint32Array(bytes.buffer);
}

/** One packed RGBA pixel (same byte-order trick as buildLut). */
export function packRgba([r, g, b], a = 255) {
  return new Uint32Array(new Uint8ClampedArray([r, g, b, a]).buffer)[0];
}
