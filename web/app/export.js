// Exports: the race view as one PNG (every card's boundary and points, composed with its name,
// step and accuracy) and the run's metrics as JSON. Both are Blobs saved through a same-origin
// object URL: nothing leaves the page.
import { activationColor, classColors } from '../views/palette.js';
import { englishTranslator } from '../i18n/i18n.js';

const CELL = 320;       // px per card in the PNG
const LABEL_H = 44;     // text under each card
const MARGIN = 16;

const LINE_H = 18;      // a line of the settings under the title
const KEY_H = 30;       // the colour key under the cards

/**
 * Composes the cards' canvases (boundary below, points above) into one PNG Blob, with the title,
 * the run's settings (one line each: the picture can be reproduced from it) and the colour key.
 *   {title, settings: string[], classes: number of classes, i18n: the translator of its words}
 */
export function raceToPng(cardsContainer, { title, settings = [], classes = 2, i18n = englishTranslator }) {
  const slots = [...cardsContainer.querySelectorAll('.race-slot')];
  const cols = Math.min(slots.length, 4) || 1;
  const rows = Math.ceil(slots.length / cols) || 1;
  const head = 40 + settings.length * LINE_H;
  const canvas = document.createElement('canvas');
  canvas.width = MARGIN + cols * (CELL + MARGIN);
  canvas.height = head + rows * (CELL + LABEL_H + MARGIN) + KEY_H;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1b1b1b';
  ctx.font = '600 16px system-ui, sans-serif';
  ctx.fillText(title, MARGIN, 26);
  ctx.font = '13px system-ui, sans-serif';
  settings.forEach((line, i) => ctx.fillText(line, MARGIN, 40 + 10 + i * LINE_H));
  drawKey(ctx, classes, MARGIN, canvas.height - KEY_H / 2, i18n);

  slots.forEach((slot, i) => {
    const x = MARGIN + (i % cols) * (CELL + MARGIN);
    const y = head + Math.floor(i / cols) * (CELL + LABEL_H + MARGIN);
    for (const layer of slot.querySelectorAll('.al-card-plot canvas')) {
      if (layer.width > 0 && layer.height > 0) ctx.drawImage(layer, x, y, CELL, CELL);
    }
    ctx.strokeStyle = '#d6d6d6';
    ctx.strokeRect(x + 0.5, y + 0.5, CELL - 1, CELL - 1);
    const read = (field) => slot.querySelector(`[data-field="${field}"]`)?.textContent ?? '';
    const name = slot.querySelector('.al-card-title')?.textContent ?? slot.dataset.member;
    ctx.fillStyle = activationColor(slot.dataset.member);
    ctx.font = '600 15px system-ui, sans-serif';
    ctx.fillText(name, x, y + CELL + 18);
    ctx.fillStyle = '#1b1b1b';
    ctx.font = '13px system-ui, sans-serif';
    const diverged = slot.querySelector('[data-field="diverged"]');
    const status = diverged && !diverged.hidden ? diverged.textContent
      : i18n.t('export.pngStatus', { step: read('step'), testAccuracy: read('test-accuracy'), trainLoss: read('train-loss') });
    ctx.fillText(status, x, y + CELL + 36);
  });
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(i18n.t('export.pngFailed')))), 'image/png');
  });
}

// The colour key: one swatch per class (the shading is the predicted class, paler where unsure),
// and which dots are training and which test points.
function drawKey(ctx, classes, x, y, i18n) {
  ctx.font = '13px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (let c = 0; c < classes; c += 1) {
    ctx.fillStyle = classColors[c].css;
    ctx.beginPath();
    ctx.arc(x + 6, y, 6, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#1b1b1b';
    const text = i18n.t('legend.class', { index: String(c) });
    ctx.fillText(text, x + 16, y);
    x += 28 + ctx.measureText(text).width;
  }
  ctx.fillText(i18n.t('export.pngKey'), x + 8, y);
  ctx.textBaseline = 'alphabetic';
}

/** The run's settings in a few lines for the PNG: enough to reproduce the picture, and its address. */
export function settingsLines(v, labelOf, href, { i18n = englishTranslator } = {}) {
  return [
    i18n.t('export.pngData', { members: v.members.map(labelOf).join(', '), dataset: v.dataset, points: String(v.points),
      noise: String(v.noise), hidden: v.hidden.join('-') || i18n.t('export.pngHiddenNone'), seed: String(v.seed) }),
    i18n.t('export.pngTraining', { optimizer: v.optimizer, learningRate: String(v.learningRate),
      batchSize: String(v.batchSize), init: v.init }),
    href,
  ];
}

/** Saves a Blob under a file name through a temporary link. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function jsonBlob(data) {
  // NaN and Infinity are not JSON: write them as null rather than fail.
  const text = JSON.stringify(data, (key, value) => {
    if (typeof value === 'number' && !Number.isFinite(value)) return null;
    if (ArrayBuffer.isView(value)) return Array.from(value);
    return value;
  }, 2);
  return new Blob([text], { type: 'application/json' });
}

/** A file name stamped with the time: activation-lab-2025-01-31T12-00-00.png */
export function stampedName(ext) {
  return `activation-lab-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.${ext}`;
}
