// Every snippet version's defaults, as the lab's URL-hash text (formatHash of that release's
// defaults). A snippet from "Embed this" carries `v=N` and only the settings that differ from
// version N's defaults; the embed reads the rest from here, so a pasted snippet keeps its meaning
// after the lab's defaults change. Never edit a version once released: add the next one (and
// point CURRENT_SNIPPET_VERSION at it) when a default changes. A table: data, not logic.
// `lang` (the iframe's #lang=, the element's lang attribute; issue 20) is not a setting and has
// no default here: a snippet without it, any version's, reads in its host page's language, else
// the reader's, as every snippet did before it existed.

export const SNIPPET_VERSIONS = Object.freeze({
  // Issue 15's release (December 2026).
  1: 'seed=1&dataset=spiral&points=500&noise=0.1&testFraction=0.3&classes=2&features=x,y&hidden=8,8,8,8,8' +
    '&init=xavier&optimizer=sgd&learningRate=0.03&momentum=0.9&nesterov=false&beta1=0.9&beta2=0.999&epsilon=1e-8' +
    '&l1=0&l2=0&batchSize=10&clipNorm=0&members=sigmoid,tanh,relu,leaky_relu&stepsPerFrame=10&playing=true' +
    '&preset=none&data=generated&added=&seeds=20&seedSteps=5000&seedWorkers=0',
  // The depth figure's init joined the settings (its default is what version 1 showed).
  2: 'seed=1&dataset=spiral&points=500&noise=0.1&testFraction=0.3&classes=2&features=x,y&hidden=8,8,8,8,8' +
    '&init=xavier&optimizer=sgd&learningRate=0.03&momentum=0.9&nesterov=false&beta1=0.9&beta2=0.999&epsilon=1e-8' +
    '&l1=0&l2=0&batchSize=10&clipNorm=0&members=sigmoid,tanh,relu,leaky_relu&stepsPerFrame=10&playing=true' +
    '&preset=none&data=generated&added=&seeds=20&seedSteps=5000&seedWorkers=0&depthInit=usual',
});

export const CURRENT_SNIPPET_VERSION = '2';
