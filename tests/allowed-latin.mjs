// Which Latin words a Chinese reader may be shown: the one rule behind the zh-CN catalog's test
// (tests/node/i18n.test.mjs) and the browser tests that walk the zh-CN page's and embeds' text nodes
// and aria-labels. Add a word here only when a Chinese text writes it in Latin letters too.

// Latin words a Chinese reader is shown on purpose. Activation, optimizer and initialiser names
// keep their usual forms; units; the product name; names of technologies, formats and peers a
// Chinese text writes in Latin letters too; code (URL keys, file names, commands). Single letters
// are maths (x, y, f, z, e, L, W) and pass.
export const ALLOWED_LATIN = new Set([
  // activations
  'ReLU', 'Leaky', 'PReLU', 'RReLU', 'ELU', 'SELU', 'GELU', 'Swish', 'SiLU', 'Mish', 'Softplus', 'Hard', 'Sigmoid',
  'sigmoid', 'tanh', 'Tanh', 'softmax',
  // optimizers and initialisers
  'SGD', 'Adam', 'Nesterov', 'Xavier', 'He', 'LeCun', 'Playground',
  // units and maths
  'ns', 'ms', 'µs', 'px', 'sin', 'log', 'dL', 'dW',
  // the product, its peers, technologies and formats
  'Activation', 'Lab', 'TensorFlow', 'WebAssembly', 'Web', 'Worker', 'JavaScript', 'CPU', 'COOP', 'COEP', 'PNG',
  'JSON', 'CSV', 'iframe', 'HTML', 'WordPress', 'Ghost', 'Hugo', 'libm', 'English',
  // code: commands, attribute values, file names
  'npm', 'start', 'true', 'false', 'views', 'claims', 'strip', 'js',
]);

// Phrases allowed whole (a word of them alone is not): the English name the Chinese term glosses
// (神经元死亡（Dead ReLU）, as Chinese answers write it) and formulas written as code.
export const ALLOWED_PHRASES = ['Dead ReLU', 'max(0, x)'];

/** The Latin words of a text that are not allowed (placeholders and allowed phrases removed first). */
export function strayLatin(text) {
  const cleaned = ALLOWED_PHRASES.reduce((t, phrase) => t.split(phrase).join(' '), String(text).replace(/\{\w+\}/g, ' '));
  const words = cleaned.match(/[A-Za-zµ]+/g) ?? [];
  return words.filter((w) => w.length > 1 && !ALLOWED_LATIN.has(w));
}

