// Small deliberate bugs in core/lib, each the kind a reviewer would try: a wrong operator, a
// changed constant, an off-by-one, a dropped statement. run.mjs applies them one at a time; the
// native suite should fail on each. `from` must occur exactly once in `file`.
// A mutant the suite cannot kill because it changes no observable behaviour carries
// `equivalent: 'why'`; any other survivor is a missing test.
const D = 'core/lib/diagnostics.cpp';
const I = 'core/lib/initialisers.cpp';
const S = 'core/lib/dataset.cpp';
const O = 'core/lib/optimizer.cpp';
const M = 'core/lib/mlp.cpp';
const N = 'core/lib/network.cpp';
const A = 'core/lib/activations.cpp';
const K = 'core/lib/activation_kernels.hpp';
const C = 'core/lib/config.cpp';

export const mutants = [
  // ---- diagnostics: every figure of the why panel
  { id: 'diag-bin-clamp', file: D, from: 'std::clamp(b, 0, bins - 1)', to: 'std::clamp(b, 0, bins - 2)' },
  { id: 'diag-bin-scale', file: D, from: '* float(bins)', to: '* float(bins - 1)' },
  { id: 'diag-zeros-dropped', file: D, from: 't.zeros += zero;', to: '' },
  { id: 'diag-alive-inverted', file: D, from: 't.alive[j] |= !zero;', to: 't.alive[j] |= zero;' },
  { id: 'diag-flat-tail-ignored', file: D, from: 'z[k] < 0.0f ? act.props.saturates_low : act.props.saturates_high', to: 'true' },
  { id: 'diag-flat-tail-sides-swapped', file: D, from: 'z[k] < 0.0f ? act.props.saturates_low', to: 'z[k] > 0.0f ? act.props.saturates_low' },
  { id: 'diag-saturation-threshold', file: D, from: '< kSaturationThreshold', to: '< 2 * kSaturationThreshold' },
  { id: 'diag-saturated-counts-zeros', file: D, from: 't.saturated += !zero && in_flat_tail', to: 't.saturated += in_flat_tail' },
  { id: 'diag-mean-activation-doubled', file: D, from: 't.activation_sum += a[k];', to: 't.activation_sum += 2 * a[k];' },
  { id: 'diag-activation-histogram-bin0', file: D, from: '++t.histogram[bin_of(a[k], kActMin, kActMax, kActBins)];', to: '++t.histogram[0];' },
  { id: 'diag-values-per-unit', file: D, from: 't.values += size_t(layer.out) * n;', to: 't.values += n;' },
  { id: 'diag-sum-squares-abs', file: D, from: 's += double(v[i]) * v[i];', to: 's += std::fabs(double(v[i]));' },
  { id: 'diag-weight-norm-doubled', file: D, from: 'out.weight_norm = std::sqrt(', to: 'out.weight_norm = 2 * std::sqrt(' },
  { id: 'diag-weight-grad-norm-doubled', file: D, from: 'out.weight_grad_norm = std::sqrt(', to: 'out.weight_grad_norm = 2 * std::sqrt(' },
  { id: 'diag-bias-grad-norm-doubled', file: D, from: 'out.bias_grad_norm = std::sqrt(', to: 'out.bias_grad_norm = 2 * std::sqrt(' },
  { id: 'diag-bias-grad-reads-weights', file: D, from: 'mlp.grads().data() + layer.bias_offset', to: 'mlp.grads().data() + layer.weight_offset' },
  { id: 'diag-preact-last-chunk-only', file: D, from: 'preact_sq[l] += sum_squares', to: 'preact_sq[l] = sum_squares' },
  { id: 'diag-gradient-per-chunk-mean', file: D, from: 'mlp.backward(train.label.data() + begin, 1.0f / float(total));', to: 'mlp.backward(train.label.data() + begin, 1.0f / float(n));' },
  { id: 'diag-grad-histogram-bin0', file: D, from: '++out.grad_histogram[bin_of(std::log10(std::fabs(gw[i])), kGradLogMin, kGradLogMax, kGradBins)];', to: '++out.grad_histogram[0];' },
  { id: 'diag-grad-zeros-dropped', file: D, from: '++out.grad_zeros;', to: '' },
  { id: 'diag-zero-fraction-wrong-tally', file: D, from: 'out.zero_fraction = double(t.zeros) / values;', to: 'out.zero_fraction = double(t.saturated) / values;' },
  { id: 'diag-dead-fraction-over-inputs', file: D, from: 'double(out.dead_units) / double(layer.out)', to: 'double(out.dead_units) / double(layer.in)' },
  { id: 'diag-ratio-of-preact', file: D, from: 'd.layers.front().weight_grad_norm / last', to: 'd.layers.front().preact_grad_norm / last' },
  { id: 'diag-values-floor', file: D, from: 'std::max<double>(1.0, double(t.values))', to: 'std::max<double>(2.0, double(t.values))' },
  { id: 'diag-mean-not-divided', file: D, from: 'out.mean_activation = t.activation_sum / values;', to: 'out.mean_activation = t.activation_sum;' },

  // ---- initialisers: the five, and more
  { id: 'init-playground-bias', file: I, from: 'bias 0.1 (TensorFlow Playground)", 0.1f}', to: 'bias 0.1 (TensorFlow Playground)", 0.5f}' },
  { id: 'init-playground-range', file: I, from: 'uniform(0.5f)', to: 'uniform(0.6f)' },
  { id: 'init-normal-sd', file: I, from: 'normal(1.0f)', to: 'normal(1.25f)' },
  { id: 'init-xavier-fan-in-only', file: I, from: 'uniform(std::sqrt(6.0f / (fan_in + fan_out)))', to: 'uniform(std::sqrt(6.0f / fan_in))' },
  { id: 'init-xavier-normal-variance', file: I, from: 'normal(std::sqrt(2.0f / (fan_in + fan_out)))', to: 'normal(std::sqrt(3.0f / (fan_in + fan_out)))' },
  { id: 'init-he-variance', file: I, from: 'normal(std::sqrt(2.0f / fan_in))', to: 'normal(std::sqrt(1.0f / fan_in))' },
  { id: 'init-he-uniform-halved', file: I, from: 'uniform(std::sqrt(6.0f / fan_in))', to: 'uniform(0.5f * std::sqrt(6.0f / fan_in))' },
  { id: 'init-lecun-tripled', file: I, from: 'normal(std::sqrt(1.0f / fan_in))', to: 'normal(std::sqrt(3.0f / fan_in))' },
  { id: 'init-fans-swapped', file: I, from: 'fan_in = static_cast<float>(in), fan_out = static_cast<float>(out)', to: 'fan_in = static_cast<float>(out), fan_out = static_cast<float>(in)' },
  { id: 'init-uniform-one-sided', file: I, from: 'rng.uniform(-a, a)', to: 'rng.uniform(0.0f, a)' },
  { id: 'init-first-bias-skipped', file: I, from: 'for (int j = 0; j < out; ++j) biases[j]', to: 'for (int j = 1; j < out; ++j) biases[j]' },

  // ---- datasets: geometry and noise against each generator's definition
  { id: 'data-circle-ring-radius', file: S, from: 'rng.uniform(0.7f * R, R)', to: 'rng.uniform(0.75f * R, R)' },
  { id: 'data-circle-noise', file: S, from: 'const float amplitude = s.noise * (0.5f * R);', to: 'const float amplitude = s.noise * (0.6f * R);' },
  { id: 'data-xor-padding', file: S, from: 'kPad = 0.3f', to: 'kPad = 0.4f' },
  { id: 'data-xor-noise', file: S, from: 'const float amplitude = s.noise * 2.5f;', to: 'const float amplitude = s.noise * 2.0f;' },
  { id: 'data-gauss-ring', file: S, from: '2.82842712f : 4.0f', to: '2.82842712f : 4.5f' },
  { id: 'data-gauss-angle', file: S, from: 'const float a = kPi / 4.0f +', to: 'const float a = kPi / 3.0f +' },
  { id: 'data-gauss-spread', file: S, from: 'std::sqrt(0.5f + 3.5f * s.noise)', to: 'std::sqrt(0.5f + 3.0f * s.noise)' },
  { id: 'data-spiral-turns', file: S, from: '1.75f * kTwoPi * t', to: '1.5f * kTwoPi * t' },
  { id: 'data-spiral-noise', file: S, from: 'const float amplitude = s.noise * 0.5f;', to: 'const float amplitude = s.noise * 0.6f;' },
  { id: 'data-spiral-arm-size', file: S, from: '(s.points - label + k - 1) / k', to: '(s.points - label + k) / k' },
  { id: 'data-moons-spread', file: S, from: 's.noise * (0.3f * kScale)', to: 's.noise * (0.25f * kScale)' },
  { id: 'data-moons-lower-arc', file: S, from: '1.0f - cos_(t)', to: '1.2f - cos_(t)' },
  { id: 'data-checkerboard-noise', file: S, from: 'const float amplitude = s.noise * (0.5f * kCell);', to: 'const float amplitude = s.noise * kCell;' },
  { id: 'data-checkerboard-parity', file: S, from: '((column + label) & 1)', to: '((column + label + 1) & 1)' },
  { id: 'data-test-count', file: S, from: 'static_cast<float>(n) * test_fraction', to: 'static_cast<float>(n - 1) * test_fraction' },
  { id: 'data-check-int-upper', file: S, from: 'if (v < lo || v > hi) {', to: 'if (v < lo || v >= hi) {' },
  { id: 'data-shuffle-last-swap', file: S, from: 'for (size_t i = p.size(); i > 1; --i)', to: 'for (size_t i = p.size(); i > 2; --i)' },
  { id: 'data-label-range', file: S, from: 'labels[i], 0, classes - 1)', to: 'labels[i], 0, classes)' },

  // ---- optimizer
  { id: 'opt-clip-inverted', file: O, from: 'if (norm > s_.clip_norm)', to: 'if (norm < s_.clip_norm)' },
  { id: 'opt-l2-on-biases', file: O, from: 'g[i] += s_.l2 * mask[i] * w[i];', to: 'g[i] += s_.l2 * w[i];' },
  // Reads and writes one element past the gradient: the same numbers, so only the sanitizer build kills it.
  { id: 'opt-l1-past-end', file: O, from: 'if (s_.l1 > 0.0f)\n    for (size_t i = 0; i < n; ++i)', to: 'if (s_.l1 > 0.0f)\n    for (size_t i = 0; i <= n; ++i)' },
  { id: 'opt-l1-sign', file: O, from: '(w[i] > 0.0f) - (w[i] < 0.0f)', to: '(w[i] > 0.0f)' },
  { id: 'opt-momentum-sign', file: O, from: 'first_[i] = mu * first_[i] + g[i];', to: 'first_[i] = mu * first_[i] - g[i];' },
  { id: 'opt-nesterov-lookahead', file: O, from: 'g[i] + mu * first_[i]', to: 'g[i] + first_[i]' },
  { id: 'opt-adam-second-moment', file: O, from: '(1.0f - b2) * g[i] * g[i]', to: '(1.0f - b2) * g[i]' },
  { id: 'opt-adam-epsilon', file: O, from: '+ s_.epsilon);', to: '+ 2.0f * s_.epsilon);' },
  { id: 'opt-adam-no-bias-correction', file: O, from: 'beta1_power_ *= s_.beta1;', to: '' },

  // ---- the MLP
  { id: 'mlp-softmax-lse', file: M, from: 'lse[i] += fm::log(sum[i]);', to: '' },
  { id: 'mlp-onehot', file: M, from: "labels[i] == c ? 1.0f : 0.0f", to: "labels[i] == c ? 0.9f : 0.0f" },
  { id: 'mlp-prelu-grad-sign', file: M, from: 'gs[j] += sum;', to: 'gs[j] -= sum;' },
  { id: 'mlp-prelu-initial-slope', file: M, from: 'layer.out, activation_spec(layer.activation).param_default);', to: 'layer.out, 0.0f);' },
  { id: 'mlp-width-limit', file: M, from: 'layer.out, 1, kMaxWidth);', to: 'layer.out, 1, kMaxWidth + 1);' },
  { id: 'mlp-eval-slope', file: M, from: 'return l.is_output ? 0.0f : activation_spec(l.activation).param_default;', to: 'return 0.0f;',
    equivalent: 'slope() feeds only the saturation test, and the rows whose p matters (Leaky, RReLU; PReLU reads its own parameters) have no flat tail, so their saturation count is 0 for any p' },

  // ---- the network
  { id: 'net-rollback-dropped', file: N, from: 'std::copy(params_backup_.begin(), params_backup_.end(), mlp_.params().begin());', to: '' },
  { id: 'net-diverged-step', file: N, from: 'diverged_at_ = steps_;', to: 'diverged_at_ = steps_ - 1;' },
  { id: 'net-accuracy-inverted', file: N, from: 'correct += best == points.label[begin + i];', to: 'correct += best != points.label[begin + i];' },
  { id: 'net-mean-loss', file: N, from: 'return loss / double(total);', to: 'return loss / double(total + 1);' },
  { id: 'net-grid-x-centre', file: N, from: 'g.x_min + (float(col) + 0.5f) * dx', to: 'g.x_min + float(col) * dx' },
  { id: 'net-grid-y-centre', file: N, from: 'g.y_max - (float(row) + 0.5f) * dy', to: 'g.y_max - float(row) * dy' },
  { id: 'net-loss-not-averaged', file: N, from: 'out.loss /= double(total);', to: '' },
  { id: 'net-first-epoch-unshuffled', file: N, from: 'cursor_ = order_.size();  // the first batch', to: 'cursor_ = 0;  // the first batch' },

  // ---- activations: the table and its kernels
  { id: 'act-leaky-slope', file: A, from: '{ParamKind::fixed, 0.01f, 0.01f, 0.01f}', to: '{ParamKind::fixed, 0.02f, 0.01f, 0.01f}' },
  { id: 'act-rrelu-range', file: A, from: 'kRreluLo = 1.0f / 8.0f', to: 'kRreluLo = 1.0f / 6.0f' },
  { id: 'act-sigmoid-not-smooth', file: A, from: 'P{true, true, false, false, true, true, true, true, false, false, false}, 0.25f', to: 'P{true, true, false, false, true, true, true, false, false, false, false}, 0.25f' },
  { id: 'act-backward-drops-upstream', file: A, from: 'for (size_t i = 0; i < n; ++i) dz[i] = dy[i] * K::df(z[i], y[i], p);', to: 'for (size_t i = 0; i < n; ++i) dz[i] = K::df(z[i], y[i], p);' },
  { id: 'kernel-relu6-cap', file: K, from: 'return r < 6.0f ? r : 6.0f;', to: 'return r < 5.0f ? r : 5.0f;' },
  { id: 'kernel-hard-sigmoid-slope', file: K, from: "return (x > -3.0f && x < 3.0f) ? (1.0f / 6.0f) : 0.0f;", to: "return (x > -3.0f && x < 3.0f) ? (1.0f / 5.0f) : 0.0f;" },
  { id: 'kernel-prelu-dfdp-sign', file: K, from: 'static float dfdp(float x, float, float) { return x > 0.0f ? 0.0f : x; }', to: 'static float dfdp(float x, float, float) { return x > 0.0f ? 0.0f : -x; }' },

  // ---- config validation
  { id: 'config-upper-bound-excluded', file: C, from: 'v < spec.min || v > spec.max', to: 'v < spec.min || v >= spec.max' },
  { id: 'config-trailing-text-accepted', file: C, from: 'if (text.empty() || end != text.c_str() + text.size())', to: 'if (text.empty())' },
];
