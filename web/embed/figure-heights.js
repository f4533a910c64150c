// Each figure's height in px in the embed page at 720 px wide (the snippets' width), with the
// figure's usual settings, in English. One table for both places that must guess it before the
// figure has drawn:
//   - the iframe's first height in the "Embed this" snippets (web/app/embed-dialog.js), until the
//     frame's first height message resizes it: too short shows a scroll bar, too tall a gap;
//   - what oEmbed promises a consumer (scripts/oembed.mjs): the least maxheight it fits in.
// tests/browser/embed-fit.test.mjs checks each figure, drawn at 720 px, against it: never taller
// than its entry, and not much shorter. Measured 2026-12-08: race 508, card 671, why 519, cost 603,
// claims 546, curves 727, depth 572, seeds 1002 (each entry ~5% above).
export const FIGURE_HEIGHTS = Object.freeze({
  race: 540, card: 700, why: 560, cost: 640, claims: 580, curves: 760, depth: 600, seeds: 1040,
});
