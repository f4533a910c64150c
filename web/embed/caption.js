// The one-line caption under an embedded figure, Distill-style: the settings a reader needs to
// reproduce what is drawn ("spiral, 5 x 8, SGD 0.03, seed 1"), written from the validated values
// (never the settings text), so it always names the run on screen.

const OPTIMIZER_LABELS = { sgd: 'SGD', momentum: 'momentum', adam: 'Adam' };

/** '5 x 8' for equal widths, '8, 4, 2' otherwise, 'no hidden layer' for none. */
export function shapeText(hidden) {
  if (!hidden.length) return 'no hidden layer';
  return hidden.every((w) => w === hidden[0]) ? `${hidden.length} x ${hidden[0]}` : hidden.join(', ');
}

/** Three significant digits at most: a float32 learning rate reads 0.03, not 0.029999999. */
const shortNumber = (v) => String(Number(Number(v).toPrecision(3)));

/**
 * @param values the figure's validated settings (param-table rows' values)
 * @param activationLabel for the card figure (one network), its activation's label; else null
 */
export function captionText(values, activationLabel = null) {
  const parts = [
    values.data === 'cleared' ? 'clicked points only' : values.dataset,
    shapeText(values.hidden),
    `${OPTIMIZER_LABELS[values.optimizer] ?? values.optimizer} ${shortNumber(values.learningRate)}`,
    `seed ${values.seed}`,
  ];
  return `${activationLabel ? `${activationLabel}: ` : ''}${parts.join(', ')}`;
}
