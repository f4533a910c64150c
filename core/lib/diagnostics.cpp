#include "diagnostics.hpp"

#include <algorithm>
#include <cmath>

namespace actlab {
namespace {

int bin_of(float v, float lo, float hi, int bins) {
  const int b = static_cast<int>(std::floor((v - lo) / (hi - lo) * float(bins)));
  return std::clamp(b, 0, bins - 1);
}

// Per hidden layer, what accumulates over chunks of training points.
struct HiddenTally {
  std::vector<uint8_t> alive;  // unit produced a non-zero output for some point
  uint64_t zeros = 0, saturated = 0, values = 0;
  double preact_grad_sq = 0, activation_sum = 0;
  std::vector<uint32_t> histogram = std::vector<uint32_t>(kActBins, 0);
};

void tally_hidden(const Mlp& mlp, size_t l, size_t n, HiddenTally& t) {
  const LayerLayout& layer = mlp.layers()[l];
  const ActivationSpec& act = activation_spec(layer.activation);
  const float* z = mlp.pre_activation(l);
  const float* a = mlp.output(l);
  for (int j = 0; j < layer.out; ++j) {
    const float p = mlp.slope(l, j);
    for (size_t i = 0; i < n; ++i) {
      const size_t k = size_t(j) * mlp.stride() + i;
      const bool zero = a[k] == 0.0f;
      t.zeros += zero;
      t.alive[j] |= !zero;
      const bool in_flat_tail = z[k] < 0.0f ? act.props.saturates_low : act.props.saturates_high;
      t.saturated += !zero && in_flat_tail && std::fabs(act.df(z[k], a[k], p)) < kSaturationThreshold;
      t.activation_sum += a[k];
      ++t.histogram[bin_of(a[k], kActMin, kActMax, kActBins)];
    }
  }
  t.values += size_t(layer.out) * n;
}

uint64_t count_zeros(const float* v, size_t n) {
  uint64_t zeros = 0;
  for (size_t i = 0; i < n; ++i) zeros += v[i] == 0.0f;
  return zeros;
}

// zero_input_fraction of every layer and the network's zero_multiply_add_fraction. A layer's input
// zeros are the previous hidden layer's (tallied over the same points) or the features' zeros.
void tally_zero_inputs(Diagnostics& d, std::span<const LayerLayout> layers, const std::vector<HiddenTally>& tallies,
                       uint64_t feature_zeros, size_t points) {
  double zero_macs = 0, macs = 0;
  for (size_t l = 0; l < layers.size(); ++l) {
    const double zeros = l == 0 ? double(feature_zeros) : double(tallies[l - 1].zeros);
    const double inputs = double(layers[l].in) * double(points);
    d.layers[l].zero_input_fraction = inputs > 0 ? zeros / inputs : 0.0;
    zero_macs += zeros * layers[l].out;
    macs += inputs * layers[l].out;
  }
  d.zero_multiply_add_fraction = macs > 0 ? zero_macs / macs : 0.0;
}

double sum_squares(const float* v, size_t n) {
  double s = 0.0;
  for (size_t i = 0; i < n; ++i) s += double(v[i]) * v[i];
  return s;
}

}  // namespace

Diagnostics diagnose(Network& network) {
  Mlp& mlp = network.model();
  const Points& train = network.data().train;
  const size_t total = train.size();
  const auto layers = mlp.layers();
  std::vector<HiddenTally> tallies(layers.size());
  std::vector<double> preact_sq(layers.size(), 0.0);
  for (size_t l = 0; l + 1 < layers.size(); ++l) tallies[l].alive.assign(layers[l].out, 0);

  mlp.zero_grads();
  const auto& features = network.train_features();
  for (size_t begin = 0; begin < total; begin += kPassChunk) {
    const size_t n = std::min(kPassChunk, total - begin);
    mlp.forward(features.data() + begin, n, PassMode::evaluate, nullptr, total,
                begin == 0 ? Weights::changed : Weights::as_last_pass);
    mlp.backward(train.label.data() + begin, 1.0f / float(total));
    for (size_t l = 0; l < layers.size(); ++l) {
      // Padding lanes carry zero gradient, so whole padded rows can be summed.
      preact_sq[l] += sum_squares(mlp.pre_activation_grad(l), size_t(layers[l].out) * mlp.stride());
      if (!layers[l].is_output) tally_hidden(mlp, l, n, tallies[l]);
    }
  }

  Diagnostics d;
  d.step = network.steps();
  d.diverged = network.diverged();
  for (size_t l = 0; l < layers.size(); ++l) {
    const LayerLayout& layer = layers[l];
    const size_t weights = size_t(layer.in) * layer.out;
    const float* gw = mlp.grads().data() + layer.weight_offset;
    LayerDiagnostics out;
    out.units = layer.out;
    out.activation = layer.is_output ? "softmax" : activation_spec(layer.activation).name;
    out.weight_norm = std::sqrt(sum_squares(mlp.params().data() + layer.weight_offset, weights));
    out.weight_grad_norm = std::sqrt(sum_squares(gw, weights));
    out.bias_grad_norm = std::sqrt(sum_squares(mlp.grads().data() + layer.bias_offset, size_t(layer.out)));
    out.preact_grad_norm = std::sqrt(preact_sq[l]);
    out.grad_histogram.assign(kGradBins, 0);
    for (size_t i = 0; i < weights; ++i) {
      if (gw[i] == 0.0f) {
        ++out.grad_zeros;
        continue;
      }
      ++out.grad_histogram[bin_of(std::log10(std::fabs(gw[i])), kGradLogMin, kGradLogMax, kGradBins)];
    }
    if (!layer.is_output) {
      const HiddenTally& t = tallies[l];
      const double values = std::max<double>(1.0, double(t.values));
      out.activation_histogram = t.histogram;
      out.zero_fraction = double(t.zeros) / values;
      out.saturated_fraction = double(t.saturated) / values;
      out.mean_activation = t.activation_sum / values;
      out.dead_units = int(std::count(t.alive.begin(), t.alive.end(), uint8_t{0}));
      out.dead_fraction = double(out.dead_units) / double(layer.out);
    }
    d.layers.push_back(std::move(out));
  }
  uint64_t hidden_zeros = 0, hidden_saturated = 0, hidden_values = 0;
  for (size_t l = 0; l + 1 < layers.size(); ++l) {
    d.hidden.units += layers[l].out;
    d.hidden.dead_units += d.layers[l].dead_units;
    hidden_zeros += tallies[l].zeros;
    hidden_saturated += tallies[l].saturated;
    hidden_values += tallies[l].values;
  }
  if (hidden_values > 0) {
    d.hidden.zero_fraction = double(hidden_zeros) / double(hidden_values);
    d.hidden.saturated_fraction = double(hidden_saturated) / double(hidden_values);
  }
  tally_zero_inputs(d, layers, tallies, count_zeros(features.data(), size_t(layers[0].in) * total), total);
  mlp.zero_grads();
  const double last = d.layers.back().weight_grad_norm;
  d.first_last_grad_ratio = last > 0 ? d.layers.front().weight_grad_norm / last : 0.0;
  d.metrics = network.evaluate();
  return d;
}

}  // namespace actlab
