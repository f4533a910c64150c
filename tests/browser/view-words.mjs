// What a reader of the figures sees as words, for the tests that check a language (issue 20): the text
// nodes and aria-labels inside the views' roots, and the text the views draw on their canvases
// (recorded by wrapping fillText before any script runs), each with the stray English strayLatin finds.
import { strayLatin } from '../allowed-latin.mjs';

/** An init script: every fillText and strokeText records its text and its canvas. */
export function recordCanvasText() {
  window.__canvasTexts = [];
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fillText', 'strokeText']) {
    const draw = proto[name];
    proto[name] = function record(text, ...rest) {
      window.__canvasTexts.push({ text: String(text), canvas: this.canvas });
      return draw.call(this, text, ...rest);
    };
  }
}

/**
 * The words inside `rootSelector` (text nodes, aria-labels, <option>s), the canvas texts recorded since
 * the last call (those drawn inside such a root), and their stray English. The canvas record is emptied.
 */
export async function readViewWords(page, rootSelector) {
  const words = await page.evaluate((selector) => {
    const roots = [...document.querySelectorAll(selector)];
    const texts = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent.trim()) texts.push(node.textContent.trim());
      for (const el of [root, ...root.querySelectorAll('[aria-label]')]) {
        if (el.getAttribute('aria-label')) texts.push(`aria-label: ${el.getAttribute('aria-label')}`);
      }
    }
    const inRoot = (entry) => roots.some((r) => r.contains(entry.canvas));
    const canvas = window.__canvasTexts.filter(inRoot).map((e) => e.text);
    window.__canvasTexts = [];
    return { roots: roots.length, texts, canvas };
  }, rootSelector);
  const stray = (list) => list.map((text) => [text, strayLatin(text.replace(/^aria-label: /, ''))]).filter(([, s]) => s.length)
    .map(([text, s]) => `${s.join(', ')} in "${text}"`);
  return { ...words, strayText: stray(words.texts), strayCanvas: stray(words.canvas) };
}
