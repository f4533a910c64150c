#pragma once
// A network being trained: the model, its optimizer, the data it learns from and the batch
// order. This is the unit the page shows as one card, and that a race steps side by side.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "config.hpp"
#include "dataset.hpp"
#include "deadline.hpp"
#include "mlp.hpp"
#include "optimizer.hpp"

namespace actlab {

struct Metrics {
  double train_loss = 0, test_loss = 0;          // mean cross-entropy
  double train_accuracy = 0, test_accuracy = 0;  // in [0, 1]; test values are NaN without test points
};

// A W x H grid over [x_min, x_max] x [y_min, y_max]. Cell (row, col) is centred at
// x = x_min + (col + 0.5) (x_max - x_min) / W, y = y_max - (row + 0.5) (y_max - y_min) / H:
// row 0 is the top, as on a canvas.
struct GridSpec {
  float x_min = -kDomain, x_max = kDomain, y_min = -kDomain, y_max = kDomain;
  int width = 128, height = 128;
};
inline constexpr int kMaxGridSide = 1024;
inline constexpr int kMaxTrainSteps = 1000000;  // per train() call

// Points per forward pass when a whole set is evaluated (metrics, grids, diagnostics): small enough
// that a layer's rows (64 units x 256 points x 4 bytes at most) stay in L1/L2, and rows 1 KB apart
// do not all fall in the same cache sets (2048-point rows, 8 KB apart, thrashed L1 and halved the
// grid's speed).
inline constexpr size_t kPassChunk = 256;

struct LossAndGradient {
  double loss = 0;             // mean cross-entropy over the given points
  std::vector<float> gradient; // same order and size as the parameters
};

class Network {
 public:
  // Validates config (throws std::invalid_argument naming field, value and range), then draws the
  // initial weights from Pcg32(seed, init). data must have config.classes classes.
  Network(const LabConfig& config, std::shared_ptr<const Dataset> data);

  // Takes up to `steps` optimizer steps and returns the batch loss of each one taken. Stops at the
  // first non-finite loss or parameter: the network is then marked diverged at that step and
  // keeps its last finite parameters; later calls take no steps. Stops too, after at least one
  // step, once `deadline` has passed (checked before each step, so it overruns by one step at most).
  std::vector<float> train(int steps, const Deadline& deadline = {});
  int64_t steps() const { return steps_; }
  bool diverged() const { return diverged_at_.has_value(); }
  std::optional<int64_t> diverged_at() const { return diverged_at_; }  // the step that failed (1-based)

  Metrics evaluate();
  // One slice of evaluate(): the summed loss and the correct count over points [begin, begin +
  // count) of the training (or test) set, clamped to its size. Summing the slices of a whole set
  // and dividing by its size gives evaluate()'s figures, so a caller that must stay responsive
  // (the page's worker) can evaluate 20,000 points in pieces.
  struct PartialMetrics {
    double loss_sum = 0;
    size_t correct = 0, points = 0;
  };
  PartialMetrics evaluate_part(bool test_set, size_t begin, size_t count);
  // Class probabilities for every cell, planar: out[c * W * H + row * W + col]; out must hold
  // classes * W * H floats.
  void predict_grid(const GridSpec& grid, std::span<float> out);
  // The first layer's inputs for cells [begin, begin + n) of a grid (n <= kPassChunk, cells in
  // row-major order from the top-left, each at its centre), neuron-major with stride n. The
  // pointer is into a scratch buffer, valid until the next call.
  const float* grid_features(const GridSpec& grid, size_t begin, size_t n);
  // Mean loss and gradient on the given points (xy interleaved), without updating anything.
  LossAndGradient loss_and_gradient(std::span<const float> xy, std::span<const int32_t> labels);

  std::span<const float> params() const { return mlp_.params(); }
  void set_params(std::span<const float> values);  // validates size and finiteness
  void check_param_count(size_t n) const;          // throws a FieldError unless n == params().size()
  const LabConfig& config() const { return config_; }
  const Dataset& data() const { return *data_; }
  const Mlp& model() const { return mlp_; }
  Mlp& model() { return mlp_; }
  // Neuron-major features of the training and test sets, computed once.
  const std::vector<float>& train_features() const { return train_features_; }

  // The race appended a training point to the shared data (or removed the last one it appended):
  // recomputes the training features and keeps the batch order going. An appended point joins the
  // current epoch at its end; a removed one leaves it. No reshuffle, no change to the test set.
  void training_point_appended();
  void training_point_removed();

 private:
  void next_batch(size_t batch);
  int train_steps(float* losses, int steps, const Deadline& deadline);  // returns the number of steps taken
  double pass_over(const std::vector<float>& features, const Points& points, double& accuracy);
  PartialMetrics pass_range(const std::vector<float>& features, const Points& points, size_t begin, size_t end);

  LabConfig config_;
  std::shared_ptr<const Dataset> data_;
  Mlp mlp_;
  Optimizer optimizer_;
  std::vector<float> staged_params_;  // the next step's parameters, swapped in when all are finite
  Pcg32 batch_rng_, rrelu_rng_;
  std::vector<uint32_t> order_;  // the current epoch's shuffled training indices
  size_t cursor_ = 0;
  void predict_cells(const GridSpec& grid, std::span<float> out);
  std::vector<float> train_features_, test_features_, batch_features_, scratch_x_, scratch_y_, scratch_features_;
  std::vector<int32_t> batch_labels_;
  int64_t steps_ = 0;
  std::optional<int64_t> diverged_at_;
};

// Draws the dataset the config describes (validating it).
std::shared_ptr<const Dataset> make_shared_dataset(const LabConfig& config);

}  // namespace actlab
