// en, the embed part: keys added while moving the embeds' (web/embed, web/embed.html, oEmbed) strings into the catalog (see ../en.js
// for the conventions). The same keys and placeholders in every language's embed.js.
export default {
  // ---- web/embed/figures.js: the figures' names (aria-label "Activation Lab: {figure}") and their own words
  'embed.figure.seeds': 'the race across seeds',
  'embed.figure.curves': 'the activations and their slopes',
  'embed.figure.depth': 'the gradient by depth',
  'embed.why.ratios': 'First layer gradient over last layer gradient',
  'embed.why.more': 'Histograms, dead and saturated units, per racer',
  'embed.cost.coarseTimer': 'Steps per second are not shown: this page\u2019s timer is coarse (it is not cross-origin isolated).',
  'embed.unknown.version': 'Unknown snippet version "{value}": reading its settings with today\'s defaults (versions: {allowed}).',

  // ---- web/embed/caption.js: the one-line caption under a figure, from the validated settings ----
  // {shape}: "5 x 8" (five layers of eight) or "8, 4, 2"; {learningRate} and {seed} as the URL writes them.
  'embed.caption': '{dataset}, {shape}, {optimizer} {learningRate}, seed {seed}',
  'embed.caption.card': '{activation}: {settings}',
  'embed.caption.cleared': 'clicked points only',
  'embed.caption.noHidden': 'no hidden layer',
  'embed.caption.dataset.circle': 'circle',
  'embed.caption.dataset.xor': 'xor',
  'embed.caption.dataset.gauss': 'gauss',
  'embed.caption.dataset.spiral': 'spiral',
  'embed.caption.dataset.moons': 'moons',
  'embed.caption.dataset.checkerboard': 'checkerboard',
  'embed.caption.optimizer.sgd': 'SGD',
  'embed.caption.optimizer.momentum': 'momentum',
  'embed.caption.optimizer.adam': 'Adam',

  // ---- scripts/oembed.mjs: the title of an oEmbed answer, per figure ----------------------------
  'embed.oembed.title.race': 'Activation Lab: activations racing side by side',
  'embed.oembed.title.card': 'Activation Lab: one network training',
  'embed.oembed.title.why': 'Activation Lab: gradients and units, layer by layer',
  'embed.oembed.title.cost': 'Activation Lab: what each activation costs',
  'embed.oembed.title.claims': 'Activation Lab: the claims, measured',
  'embed.oembed.title.curves': 'Activation Lab: the activations and their slopes',
  'embed.oembed.title.depth': 'Activation Lab: how much gradient reaches the first layer, by depth',
  'embed.oembed.title.seeds': 'Activation Lab: the same race over many seeds',

  // ---- web/app/embed-dialog.js: "Embed this" (its other words: embedDialog.* in ../en.js) -------
  'embedDialog.figure.curves': 'The activations and their slopes',
  'embedDialog.figure.depth': 'The gradient by depth',
  'embedDialog.figure.seeds': 'The race across seeds',
  'embedDialog.link': 'Link (platforms that take neither: it unfurls into a card in this language)',
  'embedDialog.fallbackAlt': 'Activation Lab: small networks racing, differing only in their activation. Open the live figure.',
};
