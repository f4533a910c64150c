// en, the app part: keys added while moving the page's (web/app, web/index.html, web/session) strings into the catalog (see ../en.js
// for the conventions). The same keys and placeholders in every language's app.js.
export default {
  // ---- web/index.html: the header, the view list, the views' own headings and ledes -------------
  'page.answerSummary': 'The answer in plain words',
  'nav.curves': 'Curves',
  'nav.depth': 'Depth',
  'page.curves.title': 'The curves: each activation and its slope',
  'page.curves.lede': 'A gradient flowing back through a layer is multiplied by the activation\'s slope there. Sigmoid\'s slope is at most 0.25, tanh\'s is 1 only at 0 and falls to 0 in its tails, ReLU\'s is exactly 1 wherever the unit is on. Below, the best case over n layers: the largest slope to the power n. Values come from the core\'s own kernels.',
  'page.depth.title': 'Depth: when the gradient vanishes',
  'page.depth.lede': 'Fresh nets of 1 to 10 hidden layers of 16, one line per racer, on this run\'s data: how much of the last layer\'s gradient reaches the first, at initialisation (median over seeds, band: their range). Try the initialisations: tanh holds up with Xavier at moderate depth; with N(0, 1) many of its units saturate, yet its ratio grows with depth: its large weights make the gradient explode, not vanish; sigmoid vanishes with every one.',
  'page.network.title': 'The networks, edge by edge',
  'page.network.lede': 'Each line is one weight, coloured and sized by how much gradient it gets now, on one log scale shared by every racer: a vanishing gradient shows as edges fading toward the input. Dead units are greyed. Hover or focus a unit to see its map large.',
  // {seeds}, {seedSteps}, {command}: the settings' URL keys and the command, set as code.
  'page.seeds.title': 'Is it luck? The same race over many seeds',
  'page.seeds.help.summary': 'How to read the seeds figure',
  'page.seeds.help.runs': 'The race on this page is one seed. Here the same settings run again over many seeds (the {seeds} setting, 20 unless the address says otherwise), each for the same number of steps ({seedSteps}), in background workers beside the live race. Each dot is one seed; the bar is the median, the shaded box the middle 80% (10th to 90th percentile). Every activation of a row shares its axis.',
  'page.seeds.help.sweep': 'A sweep from the command line ({command}, JSON lines or CSV) can be dropped here or picked with the file button: its rows are grouped by their settings, and groups that are not this page\'s settings say how they differ.',
  'run.play.title': 'Play or pause (Space)',
  'points.empty': 'Empty the plane (remove the dataset too)',

  // ---- web/app/control-widgets.js: a list's limits ---------------------------------------------
  'settings.limits.exact': 'Choose {min}.',
  'settings.limits.range': 'Choose {min} to {max}.',

  // ---- web/app/export.js: the PNG's lines --------------------------------------------------------
  'export.pngKey': 'shading: the class predicted, paler where less sure; filled dots: training points, rings: test points',
  'export.pngData': '{members} on {dataset} ({points} points, noise {noise}), hidden {hidden}, seed {seed}',
  'export.pngTraining': '{optimizer}, learning rate {learningRate}, batch {batchSize}, init {init}',

  // ---- web/app/preset-record.js: what a preset states, held over 20 seeds ------------------------
  'presetRecord.lead': 'What this preset states, held in at least 18 of 20 seeds by the lab\u2019s tests, after {steps} steps: ',
  'presetRecord.compare': '{name}\u2019s {metric} {op} {value}',
  'presetRecord.equals': '{name}: {value} {metric}',
  'presetRecord.op.below': 'below',
  'presetRecord.op.atMost': 'at most',
  'presetRecord.op.above': 'above',
  'presetRecord.op.atLeast': 'at least',
  'presetRecord.metric.trainAccuracy': 'training accuracy',
  'presetRecord.metric.testAccuracy': 'test accuracy',
  'presetRecord.metric.trainLoss': 'training loss',
  'presetRecord.metric.testLoss': 'test loss',
  'presetRecord.metric.firstLastGradRatio': 'first/last gradient ratio',
  'presetRecord.metric.deadUnits': 'dead units',
  'presetRecord.metric.zeroFraction': 'share of exact zeros',
  'presetRecord.metric.saturatedFraction': 'saturated share',

  // ---- web/session/param-table.js, config-fallback.js: refusals and fallbacks ---------------------
  'parse.tooLong': '{length} characters long, at most {max}',
  'config.outOfMemory': '{message}. This figure does not fit in the memory the figures on this page share; the others keep running. Fewer points, narrower layers or fewer racers would fit.',
  'config.pointsKept': '{message}. The clicked points are kept; {field} is back to its default.',
  // The core's error kinds (lab.errorKinds()) the base catalog has no key for; {field} is the label.
  'error.not_whole': '{field}: {value} is not a whole number in [{min}, {max}]',
  'error.not_one_of': '{field}: "{value}" is not one of {allowed}',
  'error.count_out_of_range': '{field}: {count} {unit} is out of range [{min}, {max}]',
  'error.unit.items': 'items',
  'error.length_mismatch': '{field}: {length} values, expected {expected}',
  'error.layer_count_mismatch': '{field}: {count} values for {layers} layers',
  'error.too_many_added': '{field}: {count} added points, at most {max}',
  'error.training_set_full': '{field}: the training set holds at most {max} points',
  'error.out_of_memory': '{field}: the run needs more than the {maxBytes} bytes of memory the figures share',
};
