#include "unit_maps.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "field_error.hpp"

namespace actlab {
namespace {

void check_side(const char* field, int v) {
  if (v < kMinUnitMapSide || v > kMaxUnitMapSide) throw_out_of_range(field, v, kMinUnitMapSide, kMaxUnitMapSide);
}

// Per unit, over the training set: did it ever output non-zero, and on how many points was it saturated.
struct UnitTally {
  std::vector<uint8_t> alive;
  std::vector<uint32_t> saturated;
};

void tally_states(Network& network, size_t units, UnitTally& t) {
  Mlp& mlp = network.model();
  const auto layers = mlp.layers();
  const auto& features = network.train_features();
  const size_t stride = network.data().train.size(), total = stride;
  t.alive.assign(units, 0);
  t.saturated.assign(units, 0);
  for (size_t begin = 0; begin < total; begin += kPassChunk) {
    const size_t n = std::min(kPassChunk, total - begin);
    mlp.forward(features.data() + begin, n, PassMode::evaluate, nullptr, stride,
                begin == 0 ? Weights::changed : Weights::as_last_pass);
    size_t u = 0;
    for (size_t l = 0; l + 1 < layers.size(); ++l) {
      const ActivationSpec& act = activation_spec(layers[l].activation);
      const float* z = mlp.pre_activation(l);
      const float* a = mlp.output(l);
      for (int j = 0; j < layers[l].out; ++j, ++u) {
        const float p = mlp.slope(l, j);
        for (size_t i = 0; i < n; ++i) {
          const size_t k = size_t(j) * mlp.stride() + i;
          const bool zero = a[k] == 0.0f;
          t.alive[u] |= !zero;
          const bool in_flat_tail = z[k] < 0.0f ? act.props.saturates_low : act.props.saturates_high;
          t.saturated[u] += !zero && in_flat_tail && std::fabs(act.df(z[k], a[k], p)) < kSaturationThreshold;
        }
      }
    }
  }
}

}  // namespace

UnitMaps compute_unit_maps(Network& network, const GridSpec& g) {
  check_side("width", g.width);
  check_side("height", g.height);
  Mlp& mlp = network.model();
  const auto layers = mlp.layers();
  UnitMaps out;
  out.width = g.width;
  out.height = g.height;
  size_t units = 0;
  for (size_t l = 0; l + 1 < layers.size(); ++l) {
    out.layer_units.push_back(layers[l].out);
    units += size_t(layers[l].out);
  }
  const size_t cells = size_t(g.width) * size_t(g.height);
  out.values.resize(units * cells);

  // The grid's cells, as predict_grid places them, in chunks of kPassChunk points.
  for (size_t begin = 0; begin < cells; begin += kPassChunk) {
    const size_t n = std::min(kPassChunk, cells - begin);
    mlp.forward(network.grid_features(g, begin, n), n, PassMode::predict, nullptr, 0,
                begin == 0 ? Weights::changed : Weights::as_last_pass);
    size_t u = 0;
    for (size_t l = 0; l + 1 < layers.size(); ++l) {
      const float* a = mlp.output(l);
      for (int j = 0; j < layers[l].out; ++j, ++u)
        std::copy_n(a + size_t(j) * mlp.stride(), n, out.values.data() + u * cells + begin);
    }
  }

  UnitTally tally;
  tally_states(network, units, tally);
  const double points = double(network.data().train.size());
  out.states.resize(units, UnitState::live);
  for (size_t u = 0; u < units; ++u) {
    if (!tally.alive[u]) out.states[u] = UnitState::dead;
    else if (double(tally.saturated[u]) >= kSaturatedUnitShare * points) out.states[u] = UnitState::saturated;
  }
  return out;
}

}  // namespace actlab
