// Activation Lab's JavaScript API: the C++ core through WebAssembly.
// import { loadLab } from './lab/actlab.js'; const lab = await loadLab();
//
// Ownership: every Network and Race owns wasm memory that JS's garbage collector never frees:
// call delete() exactly once. Networks returned by Race.member() are borrowed (the race owns them).
// Calls on a deleted Network or Race throw an Error ("Network.train: this network can no longer be
// used: it was deleted"); delete() twice, or on a borrowed race member, throws too.
// Returned typed arrays are copies (safe to keep and to transfer to another thread).
// Errors: every invalid argument throws a LabError: error.field is the JS key at fault
// ('learningRate', 'hidden', 'points', 'steps', 'width'...), the message names it, the value and
// the allowed range, e.g. "learningRate: nan is out of range [1e-06, 10]"; the module stays usable.
// Arguments are read once, at the call: plain objects (of any realm), plain arrays, typed arrays of
// the exact type (of any realm; a subclass is read by what it is, not by its getters). A getter
// that throws gives a LabError naming its key. While a call runs, its Network or Race is busy: a
// getter that calls it again (train, delete...) gets "Network.delete: called while
// Network.predictGrid is running".
// Memory: the module's heap grows on demand up to 256 MB; past that, calls throw
// "out of memory: ..." (an Error, never an abort) until objects are deleted.

export interface ActivationInfo {
  name: string;            // 'relu', 'leaky_relu', ...: the stable identifier
  label: string;           // 'Leaky ReLU'
  formula: string;
  boundedBelow: boolean; boundedAbove: boolean; bounded: boolean;
  zeroCentred: boolean; negativeOutputs: boolean;
  saturatesLow: boolean; saturatesHigh: boolean; saturating: boolean;
  monotonic: boolean; smooth: boolean; exactZeros: boolean;
  learnable: boolean; randomised: boolean;
  maxDerivative: number;   // sup |f'|: 0.25 for sigmoid
  paramKind: 'none' | 'fixed' | 'learnable' | 'randomised';
  paramDefault: number;
}

export interface LabError extends Error {
  field?: string;     // the JS key at fault; absent for calls on deleted or busy objects and for out of memory
  argument?: 'data';  // set when the error is about custom data (its points/classes, not the config's)
  // What went wrong as data, for a page that words errors in its reader's language: a kind of the
  // core's table (Lab.errorKinds()) and its parameters; `message` stays the English text.
  //   learningRate 20 -> kind 'out_of_range', params {field: 'learningRate', value: 20, min: 1e-6, max: 10}
  kind?: ErrorKindName;
  params?: { field?: string; path?: string; [name: string]: unknown };  // path: '[2]' inside a list
}

export type ErrorKindName =
  | 'out_of_range' | 'not_whole' | 'not_one_of' | 'count_out_of_range' | 'length_mismatch' | 'wrong_type'
  | 'not_a_number' | 'not_boolean' | 'not_finite' | 'unknown_name' | 'no_training_points' | 'layer_count_mismatch'
  | 'too_many_added' | 'training_set_full' | 'read_failed' | 'deleted' | 'busy' | 'borrowed' | 'out_of_memory';
// One row of the core's table: the parameters every error of that kind carries (besides field and path).
export interface ErrorKindInfo { name: ErrorKindName; params: string[]; }

// deadlineMs: the long calls are synchronous (nothing can stop them from outside), so the caller
// says how long it can wait: in [0.1, 3600000] ms. The call then stops at the first boundary
// (a step; a round of the race; a timing window) after it passes, having done at least one step
// or round, and returns what it finished. The clock never changes what a step computes: a run cut
// by deadlines and continued has the same bits as one uninterrupted run of the same steps.
export interface DeadlineOptions { deadlineMs?: number; }

export interface DatasetInfo { name: string; label: string; description: string; minClasses: number; maxClasses: number; }
export interface InitialiserInfo { name: string; description: string; }

// One row per config key, from the core's field table: the page's URL state and forms derive from it.
export interface FieldInfo {
  name: string;   // camelCase key of Config ('learningRate')
  type: 'integer' | 'number' | 'boolean' | 'choice' | 'integerList' | 'choiceList';
  min: number; max: number;          // value range (or element range for integerList)
  minItems: number; maxItems: number; // list lengths
  choices: string[];                  // for choice / choiceList
  default: number | boolean | string | number[] | string[];
  help: string;
}

export interface Config {
  seed: number;            // one seed: data, initial weights, batch order, RReLU
  dataset: string;         // 'circle' | 'xor' | 'gauss' | 'spiral' | 'moons' | 'checkerboard'
  points: number; noise: number; testFraction: number; classes: number;
  features: string[];      // subset of 'x','y','x_squared','y_squared','x_times_y','sin_x','sin_y'
  hidden: number[];        // widths, input side first; 0-10 layers of 1-64
  activation: string;
  layerActivations: string[];  // [] or one per hidden layer
  init: string;            // 'playground','normal','xavier','xavier_normal','he','he_uniform','lecun'
  optimizer: 'sgd' | 'momentum' | 'adam';
  learningRate: number; momentum: number; nesterov: boolean;
  beta1: number; beta2: number; epsilon: number;
  l1: number; l2: number; batchSize: number; clipNorm: number;
}

// Points supplied by the caller instead of a generated dataset.
export interface CustomData {
  points: Float32Array;   // x0, y0, x1, y1, ... (length 2n)
  labels: Int32Array;     // n labels in [0, classes)
  classes: number;
  testFraction?: number;  // default 0
}

export interface PointSet { x: Float32Array; y: Float32Array; label: Int32Array; }
export interface Metrics { trainLoss: number; testLoss: number; trainAccuracy: number; testAccuracy: number; } // test*: NaN without test points

export interface Grid { xMin?: number; xMax?: number; yMin?: number; yMax?: number; width?: number; height?: number; } // defaults: [-6,6]^2, 128x128; width, height 1-1024; |coordinates| <= 1e6

export interface LayerDiagnostics {
  units: number; activation: string;  // 'softmax' for the output layer
  weightNorm: number; weightGradNorm: number; biasGradNorm: number; preactGradNorm: number;
  gradHistogram: Uint32Array;  // log10|dL/dW|, bins over [gradLogMin, gradLogMax]
  gradZeros: number;
  activationHistogram: Uint32Array; // hidden layers; bins over [actMin, actMax]; empty for the output layer
  zeroFraction: number; saturatedFraction: number; deadFraction: number; deadUnits: number; meanActivation: number;
  zeroInputFraction: number;         // share of this layer's multiply-adds whose input is exactly 0
}
export interface Diagnostics {
  step: number; diverged: boolean; metrics: Metrics;
  layers: LayerDiagnostics[];        // input side first, output (softmax) layer last
  firstLastGradRatio: number;        // weightGradNorm of the first layer / of the last
  zeroMultiplyAddFraction: number;   // share of all the forward pass's multiply-adds by an exact 0
  // The hidden layers together, from the core's counts: shares over every (hidden unit, point)
  // output (each layer weighted by its units); dead units judged on every training point.
  hidden: { units: number; deadUnits: number; zeroFraction: number; saturatedFraction: number };
  histogramEdges: { gradLogMin: number; gradLogMax: number; gradBins: number; actMin: number; actMax: number; actBins: number; saturationThreshold: number };
}

// Medians over interleaved rounds (ns per element); *Spread: (max - min) / median of the rounds.
export interface ActivationCost { name: string; forwardNs: number; forwardBackwardNs: number; libmForwardNs: number; libmForwardBackwardNs: number;
  forwardSpread: number; forwardBackwardSpread: number; libmForwardSpread: number; libmForwardBackwardSpread: number;
  rounds: number; }  // the complete rounds the figures are over: `repeats`, or fewer when deadlineMs cut it

export interface Network {
  readonly paramCount: number;
  readonly classes: number;
  steps(): number;
  diverged(): boolean;
  divergedAt(): number | null;       // the 1-based step whose update was non-finite
  // The batch loss of each step taken: fewer than `steps` if it diverged (diverged()) or the
  // deadline passed (then at least one); steps 0-1000000.
  train(steps: number, options?: DeadlineOptions): Float32Array;
  evaluate(): Metrics;
  // Planar probabilities: out[c*W*H + row*W + col], row 0 at yMax (top). With `into` (a Float32Array of
  // exactly classes*W*H), written there and returned: a caller that reuses it allocates nothing per grid.
  predictGrid(grid?: Grid, into?: Float32Array): Float32Array;
  diagnostics(): Diagnostics;
  getParams(): Float32Array;          // PyTorch nn.Linear order: per layer weight [out][in] row-major, bias [out]; then PReLU slopes per PReLU layer
  setParams(params: Float32Array): void;
  lossAndGradient(points: Float32Array, labels: Int32Array): { loss: number; gradient: Float32Array }; // 1-20000 points, xy interleaved
  data(): { train: PointSet; test: PointSet; classes: number };
  config(): Config;
  // Every hidden unit's output over a coarse grid (sides 2-64, required), in one call; states over
  // the training set: 0 live, 1 dead (0 on every point), 2 saturated (in a flat tail on >= 90%).
  unitMaps(grid: Grid & { width: number; height: number }): UnitMaps;
  // One slice of evaluate(): summed loss and correct count over points [begin, begin+count) of the
  // training (testSet false) or test set, clamped; the slices of a set add up to evaluate()'s figures.
  evaluatePart(testSet: boolean, begin: number, count: number): { lossSum: number; correct: number; points: number };
  delete(): void;
}

export interface UnitMaps {
  width: number; height: number;
  layerUnits: Int32Array;   // units per hidden layer, input side first
  values: Float32Array;     // unit u at cell (row, col): values[u*width*height + row*width + col], row 0 at yMax
  states: Uint8Array;       // per unit: 0 live, 1 dead, 2 saturated
}

export interface Race {
  readonly size: number;
  member(i: number): Network;       // borrowed: do not delete
  // Each member's losses. With deadlineMs the members step together, one step each per round, and
  // stop after the round in which it passed: every member not diverged has the same length.
  train(steps: number, options?: DeadlineOptions): Float32Array[];
  // A clicked point joins every member's training set (no restart, no reshuffle, test set kept);
  // x, y within [-1e6, 1e6], label in [0, classes); at most 500 added points.
  addPoint(x: number, y: number, label: number): void;
  removeAddedPoint(): boolean;      // undo the last addPoint; false when none is left
  addedPoints(): number;
  delete(): void;
}

// The core's shared limits and bins, so no JS file keeps a copy (lab.constants()).
export interface Constants {
  domain: { xMin: number; xMax: number; yMin: number; yMax: number };  // the data square; grids cover it
  maxGridSide: number; minUnitMapSide: number; maxUnitMapSide: number;
  maxPoints: number; maxAddedPoints: number; minClasses: number; maxClasses: number;
  histogramEdges: Diagnostics['histogramEdges'];  // the diagnostics histograms' bins, as every Diagnostics carries them
  saturatedUnitShare: number;  // a unit map state is saturated when saturated on at least this share of the points
}

export interface Lab {
  activations(): ActivationInfo[];
  datasets(): DatasetInfo[];
  initialisers(): InitialiserInfo[];
  configFields(): FieldInfo[];
  errorKinds(): ErrorKindInfo[];     // the core's table of error kinds (LabError.kind)
  defaultConfig(): Config;
  constants(): Constants;
  // Unknown keys throw ("unknown config key 'lr'; known keys are ..."); missing keys, and keys whose
  // value is undefined, take defaults. With CustomData the network has data.classes classes
  // (Network.classes); config.classes only applies to generated datasets, and config() returns it
  // as given, so createNetwork(net.config(), data) and createNetwork(net.config()) both work.
  createNetwork(config?: Partial<Config>, data?: CustomData): Network;
  // members (1-8): activation names, or {activation, init}; same data, weights and batch order for all.
  createRace(config: Partial<Config> & { members: (string | { activation: string; init?: string })[] }, data?: CustomData): Race;
  // After a warm-up, `repeats` (default 5) rounds each time one window of at least windowMs (default 2)
  // per figure and activation, activations in a rotated order; each figure is the median of its
  // rounds (browsers round timers to 0.1 ms, so single passes cannot be timed). activations: names
  // to measure (default: all), returned in table order. With deadlineMs: only the activations with
  // at least one complete round (possibly none), each with its `rounds`.
  /** f and f' over evenly spaced x from the training kernels; defaults: every activation, [-6, 6], 241 points. */
  activationCurves(options?: { activations?: string[]; xMin?: number; xMax?: number; points?: number }): {
    name: string; label: string; maxDerivative: number; x: Float32Array; f: Float32Array; df: Float32Array;
  }[];
  activationCosts(options?: { elements?: number; repeats?: number; windowMs?: number; activations?: string[] } & DeadlineOptions): ActivationCost[];
  peakFlops(ms?: number): number;   // f32x4 multiply-add peak over about ms (1-10000) ms, GFLOP/s
  heapBytesInUse(): number;          // allocator bytes in use (mallinfo), for leak tests
  // heapBytesInUse; heapSize: the wasm memory (grows, never shrinks); emvalHandles: live Embind
  // handles to JS values; stackPointer: the wasm stack pointer. For leak tests and a memory readout.
  memoryStats(): { heapBytesInUse: number; heapSize: number; emvalHandles: number; stackPointer: number };
}

// Loads web/build/actlab.mjs once; later calls resolve to the same Lab.
export function loadLab(): Promise<Lab>;
