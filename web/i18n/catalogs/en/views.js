// en, the views part: keys added while moving the figures' (web/views) strings into the catalog (see ../en.js
// for the conventions). The same keys and placeholders in every language's views.js.
export default {
  // ---- shared by several views: how the parts of a composed text are joined --------------------
  'views.separator': '; ',
  'views.enumeration': ', ',

  // ---- web/views/race-card.js: the board's aria-label, then how to add a point -----------------
  'card.board.withHint': '{text} {hint}',
  // The note under an Identity card (web/views/race-card.js CARD_NOTES), wherever it races.
  'card.note.identity': 'Identity is no activation at all: the whole network is one linear function of its inputs, so its boundary is a straight line. On data no line separates (a circle, a spiral) its accuracy stays near chance, and on the test points it can fall below it.',

  // ---- web/views/loss-chart.js: the canvas's axis names ------------------------------------------
  'loss.axis.step': 'step',
  'loss.axis.loss': 'loss (log scale)',
  'loss.axis.accuracy': 'accuracy',

  // ---- web/views/why-panel.js, why-compare.js, histogram.js: canvas labels ----------------------
  'why.chart.out': 'out',
  'histogram.count': 'count',
  // Follows why.compare.sentence; {count}: the hidden layers of the net with the largest ratio.
  'why.compare.sentence.orderSaturated': {
    one: 'The first layer of {least} hears least from the loss, {most}\'s most, under this run\'s condition: this init, {count} hidden layer, {saturated} of its units saturated.',
    other: 'The first layer of {least} hears least from the loss, {most}\'s most, under this run\'s condition: this init, {count} hidden layers, {saturated} of its units saturated.',
  },
  'why.compare.sentences': '{first} {second}',

  // ---- web/views/sparsity-work.js ----------------------------------------------------------------
  'sparsity.title': 'Exact zeros, and the work they could save',
  'sparsity.col.activation': 'activation',
  'sparsity.col.zeros': 'hidden outputs exactly 0',
  'sparsity.col.multiplyAdds': 'multiply-adds by an exact 0',
  'sparsity.col.dead': 'dead units',
  'sparsity.deadOf': '{dead} of {units}',
  'sparsity.note': 'Dense kernels (this lab\u2019s and most libraries\u2019) do not skip them: a multiply by 0 costs as much as any other. Dead units, whose output is 0 for every point, are the price: they no longer learn.',

  // ---- web/views/curves-figure.js ------------------------------------------------------------------
  'curves.title': 'The activations and their slopes',
  'curves.slopeCaption': 'slope f\u2032(x), dashed: its bound max|f\u2032|',
  'curves.layersInput': 'n layers ',
  'curves.productCaption': 'best case across n layers: max|f\u2032|\u207F (log axis)',
  'curves.axis.layers': 'layers n',
  'curves.axis.product': 'max|f\u2032|\u207F',
  'curves.product': '{name}: {bound}^{n} = {value}',
  'curves.productLabel': {
    one: 'Best case of the product of slopes across {count} layer: {items}.',
    other: 'Best case of the product of slopes across {count} layers: {items}.',
  },
  'curves.productItem': '{name} {value}',
  'curves.readout': 'at x = {x}: {items}',
  'curves.readoutItem': '{name} f = {f}, f\u2032 = {df}',
  'curves.bound': '{name}: slope at most {bound}',
  'curves.slopeItem': '{name}\'s slope is at most {bound}',
  'curves.fLabel': 'Curves of {names} over x from {from} to {to}. Arrow keys move the read-out.',
  'curves.dfLabel': 'Slopes: {items}. Arrow keys move the read-out.',

  // ---- web/views/depth-figure.js -------------------------------------------------------------------
  'depth.title': 'How much gradient reaches the first layer, by depth',
  'depth.initLabel': 'Initialisation ',
  'depth.init.usual': 'each one\u2019s usual init',
  'depth.init.xavier': 'Xavier for all',
  'depth.init.he': 'He for all',
  'depth.init.normal': 'N(0, 1) for all',
  'depth.table': 'The numbers (median over seeds, with the range)',
  'depth.axis.depth': 'hidden layers',
  'depth.axis.ratio': 'first / last |dL/dW|',
  'depth.line': '{name} ({init})',
  'depth.band': 'line: median of {seeds} seeds, band: their range',
  'depth.describe': 'First/last gradient ratio at initialisation, width {width}, median of {seeds} seeds: {items}.',
  'depth.describeItem': { one: '{name} ({init}) {value} at {count} layer', other: '{name} ({init}) {value} at {count} layers' },
  'depth.measuring': 'measuring: {cells} of {total} nets',

  // ---- web/views/network-diagram.js ----------------------------------------------------------------
  'diagram.title': '{name}: the network',
  'diagram.summary': {
    one: 'Mean |dL/dW| per layer, input side first: {means} (edges on one log scale from 1e{lo} to 1e{hi}); {count} dead unit.',
    other: 'Mean |dL/dW| per layer, input side first: {means} (edges on one log scale from 1e{lo} to 1e{hi}); {count} dead units.',
  },
  'diagram.unit': 'Layer {layer}, unit {unit}: {state}; mean |dL/dW| of its inputs {mean}',
  'diagram.state.live': 'live',
  'diagram.state.dead': 'dead',
  'diagram.state.saturated': 'saturated',

  // ---- web/views/seeds-figure.js, seeds-plot.js: the across-seeds figure ---------------------------
  'seeds.title': 'Across seeds',
  'seeds.note': 'Each seed draws a new data sample, new initial weights and a new batch order: what the lab\'s one seed fixes. Everything else is the same setting.',
  'seeds.run': 'Run the seeds',
  'seeds.cancel': 'Cancel',
  'seeds.file': 'Load a sweep file ',
  'seeds.saveCsv': 'Save as CSV',
  'seeds.savePng': 'Save as PNG',
  'seeds.none': 'No seeds.',
  // {failed}, {budget}, {cancelled}: seeds.count.failed, .budget, .cancelled, or empty.
  'seeds.count': {
    one: '{done} of {total} seed done{failed}{budget}{cancelled}',
    other: '{done} of {total} seeds done{failed}{budget}{cancelled}',
  },
  'seeds.count.failed': ' ({failed} failed)',
  'seeds.count.budget': ', {steps} steps each',
  'seeds.count.cancelled': ': cancelled',
  'seeds.problem': 'line {line}: {message} (skipped)',
  'seeds.differs': 'Not this page\'s settings: {items}.',
  'seeds.differsItem': '{key} {file} (page: {page})',
  'seeds.plotLabel': '{title}: one dot per seed, the median as a bar, the 10-90% band shaded',
  'seeds.table': 'The numbers, seed by seed',
  'seeds.col.seed': 'Seed',
  'seeds.col.activation': 'Activation',
  'seeds.col.trainAccuracy': 'Train acc.',
  'seeds.col.testAccuracy': 'Test acc.',
  'seeds.col.stepsToReach': 'Steps to 90%',
  'seeds.col.ratio': 'First/last ratio',
  'seeds.col.zeroShare': 'Zero share',
  'seeds.col.deadUnits': 'Dead units',
  'seeds.failed': 'failed: {reason}',
  'seeds.never': 'never',
  'seeds.metric.trainAccuracy': 'Train accuracy',
  'seeds.metric.testAccuracy': 'Test accuracy',
  'seeds.metric.stepsToReach': 'Steps to 90% train accuracy',
  'seeds.metric.firstLastGradRatio': 'First/last gradient ratio',
  'seeds.metric.zeroFraction': 'Exact-zero share (hidden)',
  'seeds.metric.deadUnits': 'Dead units (hidden)',

  // ---- web/session/sweep-file.js: a sweep file's line-numbered problems ({field}: the file's own name
  // for it, {value}: as the file wrote it) ----------------------------------------------------------
  'sweep.empty': 'the file is empty',
  'sweep.notJson': 'not JSON ({detail})',
  'sweep.notObject': 'not a JSON object',
  'sweep.badHeader': 'not an {command} header (expected {row},<config fields>,{first},...)',
  'sweep.unclosedQuote': 'an unclosed quote, expected {expected}',
  'sweep.cellCount': { one: '{count} cell, expected {expected}', other: '{count} cells, expected {expected}' },
  'sweep.missing': '{field}: missing',
  'sweep.notSeed': '{field}: {value} is not a seed',
  'sweep.notStepCount': '{field}: {value} is not a step count',
  'sweep.notBoolean': '{field}: {value} is not true or false',
  'sweep.notFraction': '{field}: {value} is not in [0, 1]',
  'sweep.notRatio': '{field}: {value} is not a ratio',
  'sweep.notCount': '{field}: {value} is not a count',
  // the figure's groups (web/session/seeds-controller.js titleWords)
  'seeds.group.page': "This page's settings",
  'seeds.group.filePage': "{file}: this page's settings",
  'seeds.group.fileOther': "{file}: other settings",
  'seeds.group.unnamedPage': "sweep file: this page's settings",
  'seeds.group.unnamedOther': "sweep file: other settings",
};
