// Every figure of the "why" panel on nets small enough to work out by hand (genann's way): weights
// set by hand, a few points, and each value of diagnose() checked against a number written down
// or against a plain double-precision forward/backward pass written out below, bin by bin.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <vector>

#include "diagnostics.hpp"
#include "lab_fixtures.hpp"
#include "unit_maps.hpp"

using namespace actlab;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

struct Sample {
  float x, y;
  int32_t label;
};

// A 2 -> hidden -> 2 network on exactly these training points (no test points), then `params`.
std::unique_ptr<Network> hand_set(ActivationId activation, int hidden, const std::vector<Sample>& samples,
                                  const std::vector<float>& params) {
  LabConfig c = test::config_for(activation, {hidden});
  auto data = std::make_shared<Dataset>();
  data->classes = 2;
  for (const Sample& s : samples) data->train.push(s.x, s.y, s.label);
  auto net = std::make_unique<Network>(c, data);
  REQUIRE(net->params().size() == params.size());
  net->set_params(params);
  return net;
}

// The documented binning, written independently: floor((v - lo) / width), clamped to the ends.
int expected_bin(double v, double lo, double width, int bins) {
  const double b = std::floor((v - lo) / width);
  return int(std::min<double>(std::max<double>(b, 0.0), bins - 1));
}

// What diagnose() must report for a 2 -> H -> 2 net, computed in double from the definitions in
// diagnostics.hpp. The activation comes from the table's own float kernels (the network uses
// them too), so exact zeros and saturation agree to the bit.
struct Expected {
  std::vector<double> w1, b1, w2, b2;          // parameters
  std::vector<double> gw1, gb1, gw2, gb2;      // gradients of the mean loss
  double preact_sq1 = 0, preact_sq2 = 0;       // sum of (dL/dz)^2
  std::vector<float> outputs;                  // hidden outputs, all units and points
  int zeros = 0, saturated = 0, dead = 0;
  double loss = 0;
};

Expected by_hand(ActivationId id, int h, const std::vector<Sample>& samples, const std::vector<float>& params) {
  const ActivationSpec& act = activation_spec(id);
  Expected e;
  size_t k = 0;
  const auto take = [&](size_t n) {
    std::vector<double> v(params.begin() + long(k), params.begin() + long(k + n));
    k += n;
    return v;
  };
  e.w1 = take(2 * h), e.b1 = take(h), e.w2 = take(2 * h), e.b2 = take(2);
  const float p = act.param_kind == ParamKind::learnable ? params[k] : act.param_default;
  e.gw1.assign(2 * h, 0), e.gb1.assign(h, 0), e.gw2.assign(2 * h, 0), e.gb2.assign(2, 0);
  std::vector<int> alive(h, 0);
  const double n = double(samples.size());
  for (const Sample& s : samples) {
    std::vector<double> z(h), a(h);
    for (int j = 0; j < h; ++j) {
      z[j] = e.w1[2 * j] * s.x + e.w1[2 * j + 1] * s.y + e.b1[j];
      const float af = act.f(float(z[j]), p);
      a[j] = af;
      e.outputs.push_back(af);
      const bool zero = af == 0.0f;
      e.zeros += zero;
      alive[j] |= !zero;
      const bool tail = z[j] < 0 ? act.props.saturates_low : act.props.saturates_high;
      e.saturated += !zero && tail && std::fabs(act.df(float(z[j]), af, p)) < 0.02f;
    }
    double logit[2];
    for (int c = 0; c < 2; ++c) {
      logit[c] = e.b2[c];
      for (int j = 0; j < h; ++j) logit[c] += e.w2[c * h + j] * a[j];
    }
    const double m = std::max(logit[0], logit[1]);
    const double lse = m + std::log(std::exp(logit[0] - m) + std::exp(logit[1] - m));
    e.loss += (lse - logit[s.label]) / n;
    double dz2[2];
    for (int c = 0; c < 2; ++c) {
      dz2[c] = (std::exp(logit[c] - lse) - (c == s.label ? 1.0 : 0.0)) / n;
      e.preact_sq2 += dz2[c] * dz2[c];
      e.gb2[c] += dz2[c];
      for (int j = 0; j < h; ++j) e.gw2[c * h + j] += dz2[c] * a[j];
    }
    for (int j = 0; j < h; ++j) {
      const double da = e.w2[j] * dz2[0] + e.w2[h + j] * dz2[1];
      const double dz = da * act.df(float(z[j]), float(a[j]), p);
      e.preact_sq1 += dz * dz;
      e.gb1[j] += dz;
      e.gw1[2 * j] += dz * s.x;
      e.gw1[2 * j + 1] += dz * s.y;
    }
  }
  e.dead = int(std::count(alive.begin(), alive.end(), 0));
  return e;
}

double norm(const std::vector<double>& v) { return std::sqrt(std::inner_product(v.begin(), v.end(), v.begin(), 0.0)); }

std::vector<uint32_t> grad_bins(const std::vector<double>& g, uint32_t& zeros) {
  std::vector<uint32_t> bins(kGradBins, 0);
  zeros = 0;
  for (double v : g) {
    if (v == 0.0) {
      ++zeros;
      continue;
    }
    const double log = std::log10(std::fabs(v));
    // A value within float rounding of an edge could land either side: the nets below avoid them.
    const double edge = std::round(log * 2.0) / 2.0;
    REQUIRE(std::fabs(log - edge) > 1e-4);
    ++bins[expected_bin(log, -12.0, 0.5, kGradBins)];
  }
  return bins;
}

// hand_checked_bins: the caller checked the activation histogram itself (values on bin edges).
void check_against(const Diagnostics& d, const Expected& e, size_t points, bool hand_checked_bins = false) {
  REQUIRE(d.layers.size() == 2);
  const LayerDiagnostics& hidden = d.layers[0];
  const LayerDiagnostics& out = d.layers[1];
  CHECK_THAT(hidden.weight_norm, WithinRel(norm(e.w1), 1e-6));
  CHECK_THAT(out.weight_norm, WithinRel(norm(e.w2), 1e-6));
  CHECK_THAT(hidden.weight_grad_norm, WithinRel(norm(e.gw1), 1e-4));
  CHECK_THAT(out.weight_grad_norm, WithinRel(norm(e.gw2), 1e-4));
  CHECK_THAT(hidden.bias_grad_norm, WithinRel(norm(e.gb1), 1e-4));
  CHECK_THAT(out.bias_grad_norm, WithinRel(norm(e.gb2), 1e-4));
  CHECK_THAT(hidden.preact_grad_norm, WithinRel(std::sqrt(e.preact_sq1), 1e-4));
  CHECK_THAT(out.preact_grad_norm, WithinRel(std::sqrt(e.preact_sq2), 1e-4));
  CHECK_THAT(d.first_last_grad_ratio, WithinRel(norm(e.gw1) / norm(e.gw2), 1e-4));
  CHECK_THAT(d.metrics.train_loss, WithinRel(e.loss, 1e-5));

  uint32_t zeros1 = 0, zeros2 = 0;
  CHECK(hidden.grad_histogram == grad_bins(e.gw1, zeros1));
  CHECK(hidden.grad_zeros == zeros1);
  CHECK(out.grad_histogram == grad_bins(e.gw2, zeros2));
  CHECK(out.grad_zeros == zeros2);

  std::vector<uint32_t> act_bins(kActBins, 0);
  for (float a : e.outputs) {
    // Float arithmetic puts a value within ~1e-6 of a bin edge (a tiny sigmoid output next to
    // 0, say) exactly on it; further off, floor decides. Between the two, a value could land
    // either side: the nets below avoid that zone.
    const double position = (double(a) + 3.0) / 0.125, edge = std::round(position);
    const double off = std::fabs(position - edge);
    if (!hand_checked_bins) REQUIRE((off < 2e-6 || off > 1e-4));
    ++act_bins[off < 2e-6 ? expected_bin(edge * 0.125 - 3.0, -3.0, 0.125, kActBins)
                          : expected_bin(a, -3.0, 0.125, kActBins)];
  }
  CHECK(hidden.activation_histogram == act_bins);
  const double values = double(e.outputs.size());
  REQUIRE(values == double(hidden.units * points));
  CHECK_THAT(hidden.zero_fraction, WithinAbs(e.zeros / values, 1e-12));
  CHECK_THAT(hidden.saturated_fraction, WithinAbs(e.saturated / values, 1e-12));
  CHECK_THAT(hidden.mean_activation,
             WithinAbs(std::accumulate(e.outputs.begin(), e.outputs.end(), 0.0) / values, 1e-6));
  CHECK(hidden.dead_units == e.dead);
  CHECK_THAT(hidden.dead_fraction, WithinAbs(double(e.dead) / hidden.units, 1e-12));
  // The output layer has no activation figures.
  CHECK(out.activation_histogram.empty());
  CHECK(out.zero_fraction == 0.0);
  CHECK(out.mean_activation == 0.0);
}

// Three points; unit 0 passes x, unit 1 passes y, unit 2 has bias -10 and never fires.
const std::vector<Sample> kThree = {{1.0f, 2.0f, 0}, {-1.0f, 1.0f, 1}, {2.0f, -1.0f, 1}};
const std::vector<float> kThreeParams = {
    1, 0, 0, 1, 1, 1,   // W1 [3][2]
    0, 0, -10,          // b1
    1, 0, 0, 0, 1, 0,   // W2 [2][3]: class 0 reads unit 0, class 1 reads unit 1
    0, 0};              // b2

}  // namespace

TEST_CASE("diagnostics of a hand-set ReLU net, every figure written down", "[diagnostics]") {
  auto net = hand_set(ActivationId::relu, 3, kThree, kThreeParams);
  const Diagnostics d = diagnose(*net);
  const LayerDiagnostics& hidden = d.layers[0];
  // Hidden outputs: (1, 2, 0), (0, 1, 0), (2, 0, 0): five exact zeros out of nine, sum 6.
  CHECK(hidden.activation == "relu");
  CHECK(hidden.units == 3);
  CHECK_THAT(hidden.zero_fraction, WithinAbs(5.0 / 9.0, 1e-12));
  CHECK_THAT(hidden.mean_activation, WithinAbs(6.0 / 9.0, 1e-12));
  CHECK(hidden.dead_units == 1);
  CHECK_THAT(hidden.dead_fraction, WithinAbs(1.0 / 3.0, 1e-12));
  CHECK(hidden.saturated_fraction == 0.0);  // ReLU has no flat tail that passes a value
  // Bins of 0.125 from -3: 0 -> bin 24 (five), 1 -> bin 32 (two), 2 -> bin 40 (two).
  std::vector<uint32_t> act(kActBins, 0);
  act[24] = 5, act[32] = 2, act[40] = 2;
  CHECK(hidden.activation_histogram == act);
  CHECK_THAT(hidden.weight_norm, WithinAbs(2.0, 1e-12));  // sqrt(1 + 1 + 1 + 1)
  CHECK_THAT(d.layers[1].weight_norm, WithinAbs(std::sqrt(2.0), 1e-12));
  // The dead unit's two weights and the output weights reading it get exactly zero gradient.
  CHECK(hidden.grad_zeros >= 2);
  CHECK(d.layers[1].grad_zeros == 2);
  CHECK(d.layers[1].activation == "softmax");
  // Output logits (1, 2), (0, 1), (2, 0): probabilities from e, so the output bias gradient is
  // the mean of p - onehot: class 0 gets (s(-1) - 1 + s(-1) + s(2)) / 3, s the logistic function.
  const double s1 = 1.0 / (1.0 + std::exp(1.0)), s2 = 1.0 / (1.0 + std::exp(-2.0));
  const double gb0 = (s1 - 1.0 + s1 + s2) / 3.0;
  CHECK_THAT(d.layers[1].bias_grad_norm, WithinRel(std::sqrt(2.0) * std::fabs(gb0), 1e-5));
  check_against(d, by_hand(ActivationId::relu, 3, kThree, kThreeParams), kThree.size(), true);
  CHECK(d.step == 0);
  CHECK_FALSE(d.diverged);
}

TEST_CASE("diagnostics match the definitions for every activation", "[diagnostics]") {
  const ActivationSpec& act = activation_table()[GENERATE(range(size_t{0}, kActivationCount))];
  INFO(act.name);
  // Pre-activations +-10 (deep in any tail), +-0.7 and 0.3 + 2 x: every regime of every row.
  const std::vector<Sample> samples = {{10.0f, 0.3f, 0}, {-10.0f, -0.7f, 1}, {0.7f, 1.3f, 1}, {-0.4f, 5.0f, 0}};
  std::vector<float> params = {
      1, 0, -1, 0, 0, 1, 2, 0.5f,  // W1 [4][2]
      0, 0, 0.1f, 0.3f,            // b1
      0.5f, -1, 0.25f, 1,          // W2 row 0
      -0.75f, 0.5f, 1, -0.5f,      // W2 row 1
      0.2f, -0.1f};                // b2
  if (act.param_kind == ParamKind::learnable) params.insert(params.end(), 4, act.param_default);
  auto net = hand_set(act.id, 4, samples, params);
  check_against(diagnose(*net), by_hand(act.id, 4, samples, params), samples.size());
}

TEST_CASE("diagnostics over several chunks of points equal the definitions over the whole set", "[diagnostics]") {
  // 700 points: diagnose() runs them in chunks of kPassChunk (256), and must sum every figure
  // over all chunks, with gradients of the mean over all 700.
  REQUIRE(kPassChunk < 350);
  std::vector<Sample> samples;
  // Inputs and weights are multiples of powers of two, so pre-activations are exact in float
  // and in double alike, and both sides agree on every exact zero.
  for (int i = 0; i < 700; ++i) samples.push_back({float(i % 37) / 8.0f - 2.25f, float(i % 23) / 4.0f - 2.75f, (i % 3) % 2});
  std::vector<float> params = {0.75f, -0.25f, -0.5f, 0.875f, 0.375f, 0.375f, 0.125f, -0.1875f, 0.0625f,
                               0.625f, -0.75f, 0.25f, -0.375f, 0.5f, 0.1875f, 0.125f, -0.125f};
  for (ActivationId id : {ActivationId::relu, ActivationId::tanh}) {
    INFO(activation_spec(id).name);
    auto net = hand_set(id, 3, samples, params);
    const Diagnostics d = diagnose(*net);
    const Expected e = by_hand(id, 3, samples, params);
    const LayerDiagnostics& hidden = d.layers[0];
    CHECK_THAT(hidden.weight_grad_norm, WithinRel(norm(e.gw1), 1e-4));
    CHECK_THAT(d.layers[1].weight_grad_norm, WithinRel(norm(e.gw2), 1e-4));
    CHECK_THAT(hidden.bias_grad_norm, WithinRel(norm(e.gb1), 1e-4));
    CHECK_THAT(hidden.preact_grad_norm, WithinRel(std::sqrt(e.preact_sq1), 1e-4));
    CHECK_THAT(d.layers[1].preact_grad_norm, WithinRel(std::sqrt(e.preact_sq2), 1e-4));
    CHECK_THAT(hidden.zero_fraction, WithinAbs(e.zeros / 2100.0, 1e-12));
    CHECK_THAT(hidden.mean_activation,
               WithinRel(std::accumulate(e.outputs.begin(), e.outputs.end(), 0.0) / 2100.0, 1e-5));
    CHECK(std::accumulate(hidden.activation_histogram.begin(), hidden.activation_histogram.end(), 0u) == 2100u);
    CHECK_THAT(d.metrics.train_loss, WithinRel(e.loss, 1e-5));
  }
}

TEST_CASE("saturation counts flat tails only: Leaky ReLU never, sigmoid and tanh both sides", "[diagnostics]") {
  // One point, four units with pre-activations 10, -10, 0.5, -0.5.
  const std::vector<Sample> one = {{10.0f, 0.5f, 0}};
  const std::vector<float> params = {1, 0, -1, 0, 0, 1, 0, -1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
  struct Case {
    ActivationId id;
    double saturated, zeros;
  };
  const Case c = GENERATE(Case{ActivationId::sigmoid, 0.5, 0}, Case{ActivationId::tanh, 0.5, 0},
                          Case{ActivationId::relu, 0, 0.5}, Case{ActivationId::relu6, 0.25, 0.5},
                          Case{ActivationId::leaky_relu, 0, 0}, Case{ActivationId::elu, 0.25, 0},
                          Case{ActivationId::hard_sigmoid, 0.25, 0.25}, Case{ActivationId::identity, 0, 0});
  INFO(activation_spec(c.id).name);
  auto net = hand_set(c.id, 4, one, params);
  const LayerDiagnostics hidden = diagnose(*net).layers[0];
  CHECK(hidden.saturated_fraction == c.saturated);
  CHECK(hidden.zero_fraction == c.zeros);
}

TEST_CASE("one unit and one point: the fractions are whole", "[diagnostics]") {
  // z = x - 1 at the point (0.5, 0): ReLU outputs an exact zero, so the unit is dead too.
  auto net = hand_set(ActivationId::relu, 1, {{0.5f, 0.0f, 0}}, {1, 0, -1, 1, -1, 0, 0});
  const LayerDiagnostics hidden = diagnose(*net).layers[0];
  CHECK(hidden.zero_fraction == 1.0);
  CHECK(hidden.dead_fraction == 1.0);
  CHECK(hidden.dead_units == 1);
  CHECK(hidden.mean_activation == 0.0);
  std::vector<uint32_t> act(kActBins, 0);
  act[24] = 1;
  CHECK(hidden.activation_histogram == act);
  // Sigmoid at z = -0.5: one value, not zero, not saturated, mean s(-0.5).
  auto smooth = hand_set(ActivationId::sigmoid, 1, {{0.5f, 0.0f, 0}}, {1, 0, -1, 1, -1, 0, 0});
  const LayerDiagnostics s = diagnose(*smooth).layers[0];
  CHECK(s.zero_fraction == 0.0);
  CHECK(s.saturated_fraction == 0.0);
  CHECK_THAT(s.mean_activation, WithinAbs(1.0 / (1.0 + std::exp(0.5)), 1e-6));
}

TEST_CASE("gradients beyond the histogram's range land in its end bins", "[diagnostics]") {
  // No hidden layer, all parameters 0, so p = (1/2, 1/2) and dW[c] = (p_c - onehot_c) (x, y):
  // x = 500 gives +-250 (above 10^2: the last bin), x = 1e-14 gives +-5e-15 (below 10^-12: bin 0).
  auto big_net = [](float x, float y, int32_t label, std::vector<float> params) {
    LabConfig c = test::config_for(ActivationId::relu, {});
    auto data = std::make_shared<Dataset>();
    data->train.push(x, y, label);
    auto net = std::make_unique<Network>(c, data);
    net->set_params(params);
    return diagnose(*net);
  };
  // W = 0: p = (1/2, 1/2); dW[c][0] = +-0.5 x 500 = +-250, dW[c][1] = 0.
  const Diagnostics large = big_net(500.0f, 0.0f, 0, {0, 0, 0, 0, 0, 0});
  std::vector<uint32_t> last(kGradBins, 0);
  last[kGradBins - 1] = 2;
  CHECK(large.layers[0].grad_histogram == last);
  CHECK(large.layers[0].grad_zeros == 2);
  CHECK_THAT(large.layers[0].weight_grad_norm, WithinRel(250.0 * std::sqrt(2.0), 1e-6));
  // Point (1e-14, 0), W = 0: dW[c][0] = +-0.5e-14, below 10^-12.
  const Diagnostics tiny = big_net(1e-14f, 0.0f, 0, {0, 0, 0, 0, 0, 0});
  std::vector<uint32_t> first(kGradBins, 0);
  first[0] = 2;
  CHECK(tiny.layers[0].grad_histogram == first);
  CHECK(tiny.layers[0].grad_zeros == 2);
}

TEST_CASE("hidden totals weight each layer by its units and count dead units over all layers", "[diagnostics]") {
  // 2 -> 3 -> 1 -> 2 ReLU on kThree's points. Layer 0 as kThreeParams (five zeros of nine, one
  // dead unit); layer 1's single unit is relu(-1) = 0 on every point (three zeros of three, dead).
  LabConfig c = test::config_for(ActivationId::relu, {3, 1});
  auto data = std::make_shared<Dataset>();
  data->classes = 2;
  for (const Sample& s : kThree) data->train.push(s.x, s.y, s.label);
  Network net(c, data);
  const std::vector<float> params = {
      1, 0, 0, 1, 1, 1, 0, 0, -10,  // W1 [3][2], b1
      0, 0, 0, -1,                  // W2 [1][3], b2
      1, -1, 0, 0};                 // W3 [2][1], b3
  REQUIRE(net.params().size() == params.size());
  net.set_params(params);
  const Diagnostics d = diagnose(net);
  CHECK(d.hidden.units == 4);
  CHECK(d.hidden.dead_units == 2);
  // Unit-weighted: (5 + 3) zeros of (9 + 3) outputs, not the mean of 5/9 and 3/3.
  CHECK_THAT(d.hidden.zero_fraction, WithinAbs(8.0 / 12.0, 1e-12));
  CHECK(d.hidden.saturated_fraction == 0.0);

  // Sigmoid on one hidden layer: the totals equal that layer's own figures.
  auto sig = hand_set(ActivationId::sigmoid, 3, kThree, {0, 0, 0, 0, 0, 0, 20, 0, -20, 1, 0, 0, 0, 1, 0, 0, 0});
  const Diagnostics s = diagnose(*sig);
  CHECK(s.hidden.units == 3);
  CHECK(s.hidden.dead_units == 0);
  CHECK_THAT(s.hidden.saturated_fraction, WithinAbs(s.layers[0].saturated_fraction, 1e-15));
  CHECK_THAT(s.hidden.saturated_fraction, WithinAbs(6.0 / 9.0, 1e-12));  // sigmoid(+-20) on every point
}

TEST_CASE("unit maps and diagnostics judge dead units on the same points beyond the first 2048", "[diagnostics][unit_maps]") {
  // 3,000 training points; unit 0 = relu(x) is 0 on the first 2,500 (x < 0) and alive on the last
  // 500: alive for both. Unit 1 = relu(-x - 100) is 0 everywhere: dead for both.
  std::vector<Sample> samples;
  for (int i = 0; i < 3000; ++i) samples.push_back({i < 2500 ? -1.0f - float(i % 5) : 1.0f + float(i % 3), 0.5f, i % 2});
  auto net = hand_set(ActivationId::relu, 2, samples, {1, 0, -1, 0, 0, -100, 1, 0, 0, 1, 0, 0});
  const Diagnostics d = diagnose(*net);
  const UnitMaps maps = compute_unit_maps(*net, GridSpec{-6, 6, -6, 6, 4, 4});
  REQUIRE(maps.states.size() == 2);
  CHECK(d.layers[0].dead_units == 1);
  CHECK(maps.states[0] == UnitState::live);
  CHECK(maps.states[1] == UnitState::dead);
  const int dead_in_maps = int(std::count(maps.states.begin(), maps.states.end(), UnitState::dead));
  CHECK(dead_in_maps == d.hidden.dead_units);
}
