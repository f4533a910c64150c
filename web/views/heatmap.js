// The decision boundary as a confidence-shaded heatmap, and the data points drawn over it.
//
// drawBoundary turns the module's planar class probabilities into pixels with one integer lookup per
// cell: arg-max class and quantised confidence index a precomputed table of packed RGBA values, written
// into a reused ImageData through a Uint32Array view. No colour strings or objects per pixel, no
// allocation per frame: a 256x256 grid is one tight loop (STYLE.md point 6). The small image is then
// scaled to the canvas with smoothing on, which reads as a smooth boundary at any display size.
//
// Conventions shared by every drawing function in web/views: they draw over the whole canvas bitmap in
// device pixels (the transform is reset for the call and restored after), and take `pixelRatio` to
// size lines, dots and text, so a caller sizes its canvas once for the display and nothing else.

import { classColor, classColors, buildLut, packRgba, missingColor } from './palette.js';

const WHITE = [255, 255, 255];
// One colour per class the palette has (the core's limit on classes is checked where grids are made).
const MAX_CLASSES = classColors.length;
const GREY = packRgba(missingColor.rgb);
/** Most points drawn of one set (training or test) on one board; larger sets are thinned. */
export const MAX_DRAWN_POINTS = 2000;

// Class LUTs depend only on background and strength, so a page with eight cards builds them once.
const lutCache = new Map();

function classLuts(background, strength) {
  const key = `${background.join(',')}|${strength}`;
  let luts = lutCache.get(key);
  if (!luts) {
    // Entry (c << 8) | q: class c at quantised confidence q/255, where q = 0 is chance level (the cell
    // could be any class, so it shows the background) and q = 255 is certainty. `strength` < 1 keeps
    // even certain regions light enough for the class-coloured points to stand out.
    luts = new Uint32Array(MAX_CLASSES * 256);
    for (let c = 0; c < MAX_CLASSES; c++) {
      luts.set(buildLut(background, classColor(c).rgb, { hi: strength }), c * 256);
    }
    lutCache.set(key, luts);
  }
  return luts;
}

// Per-canvas scratch (ImageData + a grid-sized surface to scale from) for callers that pass none;
// keyed weakly so a removed canvas takes its scratch with it.
const defaultScratch = new WeakMap();

/**
 * A holder for the reusable buffers of one boundary: pass the same object as `options.scratch` on
 * every call for one canvas. It also keeps the last image drawn, so it can be re-scaled after a
 * resize (blitBoundary) or frozen in grey (muteBoundary) without the probabilities.
 */
export function createBoundaryScratch() {
  return { image: null, pixels: null, surface: null, surfaceCtx: null, muted: false };
}

function ensureSurface(scratch, width, height) {
  if (scratch.image && scratch.image.width === width && scratch.image.height === height) return;
  scratch.image = new ImageData(width, height);
  scratch.pixels = new Uint32Array(scratch.image.data.buffer);
  scratch.surface = typeof OffscreenCanvas === 'function'
    ? new OffscreenCanvas(width, height)
    : Object.assign(document.createElement('canvas'), { width, height });
  scratch.surfaceCtx = scratch.surface.getContext('2d');
}

/**
 * Draws the confidence-shaded decision boundary over the whole canvas.
 *   grid: {probs: Float32Array planar [classes][height*width] (probs[c*W*H + row*W + col], row 0 at
 *         the top = yMax), width, height, classes (2-8)}
 *   options: {background = [255,255,255], strength = 0.62 (colour share of a certain cell),
 *             smooth = true, scratch = per-canvas default, discretize = false (every cell in its
 *             predicted class's full colour, as Playground's "discretize output"; exact ties stay
 *             background)}
 * A cell with any non-finite probability is drawn neutral grey; so is the whole canvas when the grid's
 * shape is unusable (e.g. a transferred-away buffer), so a broken run never draws garbage.
 */
export function drawBoundary(ctx, grid, options = {}) {
  const { background = WHITE, strength = 0.62, smooth = true, discretize = false } = options;
  const scratch = options.scratch ?? scratchFor(ctx);
  const { probs, width, height } = grid ?? {};
  const classes = grid?.classes | 0;
  const valid = Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 &&
    classes >= 1 && classes <= MAX_CLASSES &&
    probs && probs.length >= classes * width * height;
  if (!valid) {
    fillCanvas(ctx, missingColor.css);
    scratch.image = null;  // nothing meaningful to re-scale or freeze
    return;
  }

  ensureSurface(scratch, width, height);
  const px = scratch.pixels;
  const luts = classLuts(background, strength);
  const n = width * height;
  const chance = classes > 1 ? 1 / classes : 0;
  const scale = 255 / (1 - chance);

  if (classes === 2) {
    fillTwoClasses(probs, n, luts, px, discretize);
  } else {
    for (let i = 0; i < n; i++) {
      let best = probs[i], arg = 0, sum = best, tie = false;
      for (let c = 1, j = i + n; c < classes; c++, j += n) {
        const v = probs[j];
        sum += v;
        if (v > best) { best = v; arg = c; tie = false; } else if (v === best) tie = true;
      }
      // sum - sum is 0 only when every term is finite (NaN and +-Infinity both give NaN).
      if (sum - sum !== 0) { px[i] = GREY; continue; }
      let q = (best - chance) * scale + 0.5;
      q = q < 0 ? 0 : q > 255 ? 255 : q | 0;
      // Discretized, only an exact tie stays background, as in the two-class path: a cell a hair
      // above chance still has a predicted class.
      if (discretize) q = tie ? 0 : 255;
      px[i] = luts[(arg << 8) | q];
    }
  }
  scratch.muted = false;
  scratch.surfaceCtx.putImageData(scratch.image, 0, 0);
  blitBoundary(ctx, scratch, { smooth });
}

// The common case (two classes, the page's default) without the inner class loop: about twice as fast.
function fillTwoClasses(probs, n, luts, px, discretize) {
  for (let i = 0; i < n; i++) {
    const a = probs[i], b = probs[i + n];
    if ((a - a) + (b - b) !== 0) { px[i] = GREY; continue; }
    const arg = b > a ? 1 : 0;
    let q = ((arg ? b : a) - 0.5) * 510 + 0.5;
    q = q < 0 ? 0 : q > 255 ? 255 : q | 0;
    if (discretize && a !== b) q = 255;
    px[i] = luts[(arg << 8) | q];
  }
}

/** Scales the last boundary drawn through `scratch` onto the canvas again (after a canvas resize). */
export function blitBoundary(ctx, scratch, { smooth = true } = {}) {
  if (!scratch?.image) return;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.imageSmoothingEnabled = smooth;
  ctx.imageSmoothingQuality = 'low';  // bilinear is enough for a smooth look, and cheapest
  ctx.drawImage(scratch.surface, 0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
}

/**
 * Freezes the last boundary in grey (a diverged run): the image keeps its shape, loses its colour, and
 * is lightened, so it reads as "stopped here" rather than as a live answer. Works on the stored pixels,
 * so it needs none of the (non-finite) probabilities a diverged network produces. Idempotent.
 */
export function muteBoundary(ctx, scratch, { smooth = true } = {}) {
  if (!scratch?.image) { fillCanvas(ctx, missingColor.css); return; }
  if (!scratch.muted) {
    const d = scratch.image.data;
    for (let i = 0; i < d.length; i += 4) {
      const luma = 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
      d[i] = d[i + 1] = d[i + 2] = 150 + luma * 0.4;  // narrow, light grey range
    }
    scratch.muted = true;
    scratch.surfaceCtx.putImageData(scratch.image, 0, 0);
  }
  blitBoundary(ctx, scratch, { smooth });
}

function scratchFor(ctx) {
  let s = defaultScratch.get(ctx);
  if (!s) defaultScratch.set(ctx, (s = createBoundaryScratch()));
  return s;
}

function fillCanvas(ctx, css) {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = css;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
}

/**
 * Draws data points over the whole canvas: training points as filled discs, test points as rings, both
 * in their class colour with a thin dark outline so they read on any region colour.
 *   points: {train?: {x: Float32Array, y: Float32Array, label: Int32Array}, test?: same}
 *   domain: {xMin, xMax, yMin, yMax} (the boundary's domain; yMax at the top)
 *   options: {pixelRatio = 1, radius (CSS px; default 2.25-4 by canvas size), outline = 'rgba(17,17,17,0.85)', clear = false}
 * Points with a non-finite coordinate are skipped; unknown labels are drawn grey. A set larger than
 * MAX_DRAWN_POINTS is thinned to every k-th point (the same ones every time): 20,000 discs on a
 * 150 px board read no better than 2,000, and drawing them on 100 cards blocked the page for
 * seconds (issue 18). Returns {drawn}: the discs and rings drawn.
 */
export function drawPoints(ctx, points, domain, options = {}) {
  const { pixelRatio = 1, outline = 'rgba(17,17,17,0.85)', clear = false } = options;
  const { width, height } = ctx.canvas;
  // Default radius follows the plot's CSS size: dense data stays readable on a phone-sized card and
  // does not look sparse on a large one.
  const radius = options.radius ?? Math.min(4, Math.max(2.25, width / pixelRatio / 90));
  const { xMin, xMax, yMin, yMax } = domain;
  const sx = width / (xMax - xMin), sy = height / (yMax - yMin);
  if (!Number.isFinite(sx) || !Number.isFinite(sy)) return { drawn: 0 };
  const r = radius * pixelRatio;
  let drawn = 0;

  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (clear) ctx.clearRect(0, 0, width, height);
  ctx.lineJoin = 'round';
  // One path per class and kind, so a few hundred points cost a handful of fill/stroke calls.
  const pass = (set, c, unknown) => {
    ctx.beginPath();
    let any = false;
    const { x, y, label } = set;
    const n = Math.min(x.length, y.length, label.length);
    const stride = Math.ceil(n / MAX_DRAWN_POINTS);
    for (let i = 0; i < n; i += stride) {
      const l = label[i];
      if (unknown ? (l >= 0 && l < MAX_CLASSES) : l !== c) continue;
      const px = (x[i] - xMin) * sx, py = (yMax - y[i]) * sy;
      if (!(Number.isFinite(px) && Number.isFinite(py))) continue;
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      drawn += 1;
      any = true;
    }
    return any;
  };
  const eachClass = (set, draw) => {
    if (!set?.x || !set.y || !set.label) return;
    for (let c = 0; c < MAX_CLASSES; c++) if (pass(set, c, false)) draw(classColor(c).css);
    if (pass(set, -1, true)) draw(missingColor.css);
  };

  eachClass(points?.train, (css) => {
    ctx.fillStyle = css;
    ctx.fill();
    ctx.lineWidth = pixelRatio;
    ctx.strokeStyle = outline;
    ctx.stroke();
  });
  // Rings: a wide dark stroke under a narrower coloured one leaves a dark edge on both sides.
  eachClass(points?.test, (css) => {
    ctx.lineWidth = 3.2 * pixelRatio;
    ctx.strokeStyle = outline;
    ctx.stroke();
    ctx.lineWidth = 1.6 * pixelRatio;
    ctx.strokeStyle = css;
    ctx.stroke();
  });
  ctx.restore();
  return { drawn };
}
