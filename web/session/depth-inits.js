// The initialisations the depth figure compares (web/views/depth-figure.js words them; the worker's
// depth sweep, web/worker/depth-sweep.js, runs them): one list, also the choices of the page's
// depthInit setting (web/session/param-table.js), so a link keeps the figure's choice.
export const DEPTH_INITS = Object.freeze(['usual', 'xavier', 'he', 'normal']);
