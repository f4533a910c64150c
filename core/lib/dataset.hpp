#pragma once
// Labelled 2-D toy data: seeded generators (one table row each) and caller-supplied points.
// Every generator draws from Pcg32(seed, RngStream::data) only, so one seed fixes the data.
// Points live in the Playground's square [-6, 6] x [-6, 6] (noise may push a few outside).
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "rng.hpp"

namespace actlab {

// A structure of arrays: x[i], y[i], label[i] describe point i.
struct Points {
  std::vector<float> x, y;
  std::vector<int32_t> label;
  size_t size() const { return label.size(); }
  void push(float px, float py, int32_t l) { x.push_back(px); y.push_back(py); label.push_back(l); }
};

struct Dataset {
  Points train, test;
  int classes = 2;
};

enum class DatasetKind : uint8_t { circle, xor_, gauss, spiral, moons, checkerboard, count };

struct DataSpec {
  DatasetKind kind = DatasetKind::spiral;
  int points = 500;            // total, before the split; [kMinPoints, kMaxPoints]
  float noise = 0.1f;          // [0, 1]; each generator documents what 1 means for it
  float test_fraction = 0.3f;  // [0, kMaxTestFraction]; the test set gets floor(points * test_fraction) points
  int classes = 2;             // in the generator's [min_classes, max_classes]
  uint64_t seed = 1;
};

inline constexpr int kMinPoints = 4;
inline constexpr int kMaxPoints = 20000;
inline constexpr float kDomain = 6.0f;  // data square half-width
inline constexpr float kMaxTestFraction = 0.9f;
inline constexpr int kMinClasses = 2, kMaxClasses = 8;  // every generator's range lies inside
inline constexpr float kMaxAbsCoordinate = 1e6f;       // custom points only

// One row per generator: the page menus, the CLI and the tests all read this table.
struct DatasetInfo {
  DatasetKind kind;
  const char* name;         // stable identifier used in URLs, the CLI and JS ("spiral")
  const char* label;        // human label ("Spiral")
  const char* description;  // one sentence for tooltips
  int min_classes, max_classes;
  // Appends spec.points points, labels in [0, classes), drawn from rng. It draws the same
  // random numbers whatever spec.noise is, so changing the noise moves points but keeps their
  // labels and order (the tests check this for every row).
  void (*generate)(const DataSpec& spec, Pcg32& rng, Points& out);
};

std::span<const DatasetInfo> dataset_table();
const DatasetInfo& dataset_info(DatasetKind kind);
// Throws std::invalid_argument naming the field ("dataset"), the value and the allowed names.
DatasetKind parse_dataset(std::string_view name);

// Validates spec (throws std::invalid_argument naming field, value and range), generates the
// points, shuffles them with the same stream and splits train/test.
Dataset make_dataset(const DataSpec& spec);

// Checks caller-supplied points: 2 coordinates per label, finite within kMaxAbsCoordinate, labels
// in [0, classes), at least one point. Messages name "points[i]" or "labels[i]".
void validate_labelled_points(std::span<const float> xy_interleaved, std::span<const int32_t> labels, int classes);

// Caller-supplied points: validates sizes, finiteness (|coordinate| <= 1e6) and labels in
// [0, classes), then splits with test_fraction after a seeded shuffle. test_fraction 0 keeps all
// points for training.
Dataset make_custom_dataset(std::span<const float> xy_interleaved, std::span<const int32_t> labels,
                            int classes, float test_fraction, uint64_t seed);

}  // namespace actlab
