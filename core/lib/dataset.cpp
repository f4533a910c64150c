#include "dataset.hpp"

#include <array>
#include <cmath>  // std::sqrt (correctly rounded by IEEE) and std::isfinite only: no transcendentals
#include <stdexcept>

#include "field_error.hpp"
#include <string>

#include "fast_math.hpp"
#include "number_text.hpp"

// Bit parity between native and wasm rests on three habits here: every random draw is its own
// statement (the order of evaluation of function arguments is unspecified, and GCC and clang
// differ), trigonometry goes through fm::sin, and all arithmetic is float + - * / sqrt.
// Noise is in [0, 1]; 1 is the Playground's maximum (its slider stops at 0.5), so each
// generator's comment says what that maximum is in units of the square.

namespace actlab {
namespace {

constexpr float kPi = 3.14159265f;
constexpr float kTwoPi = 6.28318531f;
constexpr float kHalfPi = 1.57079633f;

// One portable kernel, shifted, rather than a second approximation with its own error.
float cos_(float a) { return fm::sin(a + kHalfPi); }

// Point i belongs to class i % classes: the counts differ by at most one, and the shuffle that
// follows generation removes the order.
int32_t class_of(int i, int classes) { return i % classes; }

// Uniform jitter in [-amplitude, amplitude]. It draws even when amplitude is 0, so the noise
// setting never changes which random numbers the rest of a generator sees.
float jitter(Pcg32& rng, float amplitude) { return rng.uniform(-amplitude, amplitude); }

// Class 0 in the disc r <= R/2, class 1 in the ring 0.7R <= r <= R, R = 5, the radius (not
// the area) uniform as in the Playground. Noise 1 moves each coordinate by up to R/2.
void gen_circle(const DataSpec& s, Pcg32& rng, Points& out) {
  constexpr float R = 5.0f;
  const float amplitude = s.noise * (0.5f * R);
  for (int i = 0; i < s.points; ++i) {
    const int32_t label = class_of(i, s.classes);
    const float r = label == 0 ? rng.uniform(0.0f, 0.5f * R) : rng.uniform(0.7f * R, R);
    const float a = rng.uniform(0.0f, kTwoPi);
    const float dx = jitter(rng, amplitude);
    const float dy = jitter(rng, amplitude);
    out.push(r * fm::sin(a) + dx, r * cos_(a) + dy, label);
  }
}

// Class 0 where x*y > 0 (the Playground's positive class), class 1 where x*y < 0. Each
// |coordinate| is uniform in [0.3, 5.3] as in the Playground: the 0.3 padding keeps noise-free
// points off the axes. The class is chosen first and the quadrant follows, to keep balance.
// Noise 1 moves each coordinate by up to 2.5.
void gen_xor(const DataSpec& s, Pcg32& rng, Points& out) {
  constexpr float kPad = 0.3f, kSpan = 5.0f;
  const float amplitude = s.noise * 2.5f;
  for (int i = 0; i < s.points; ++i) {
    const int32_t label = class_of(i, s.classes);
    const float ax = kPad + kSpan * rng.uniform01();
    const float ay = kPad + kSpan * rng.uniform01();
    const bool x_negative = rng.below(2) == 1;
    const bool y_negative = label == 0 ? x_negative : !x_negative;
    const float dx = jitter(rng, amplitude);
    const float dy = jitter(rng, amplitude);
    out.push((x_negative ? -ax : ax) + dx, (y_negative ? -ay : ay) + dy, label);
  }
}

// K Gaussian blobs centred on a circle at angles pi/4 + 2*pi*k/K: K = 2 gives the Playground's
// (2, 2) and (-2, -2); more blobs sit on a wider circle (radius 4) so neighbours stay apart.
// Variance per coordinate is 0.5 + 3.5 * noise, the Playground's 0.5..4 (sd 0.71..2).
void gen_gauss(const DataSpec& s, Pcg32& rng, Points& out) {
  const int k = s.classes;
  const float ring = k == 2 ? 2.82842712f : 4.0f;
  std::array<float, kMaxClasses> cx{}, cy{};
  for (int c = 0; c < k; ++c) {
    const float a = kPi / 4.0f + kTwoPi * static_cast<float>(c) / static_cast<float>(k);
    cx[c] = ring * cos_(a);
    cy[c] = ring * fm::sin(a);
  }
  const float sd = std::sqrt(0.5f + 3.5f * s.noise);
  for (int i = 0; i < s.points; ++i) {
    const int32_t label = class_of(i, k);
    const float x = rng.normal(cx[label], sd);
    const float y = rng.normal(cy[label], sd);
    out.push(x, y, label);
  }
}

// K interleaved arms, arm k turned by 2*pi*k/K, each winding 1.75 turns from the centre out to
// radius 5 with its points evenly spaced along it, as the Playground's two-arm spiral.
// Noise 1 moves each coordinate by up to 0.5 (arms are 5 / (1.75 K) apart radially).
void gen_spiral(const DataSpec& s, Pcg32& rng, Points& out) {
  const int k = s.classes;
  const float amplitude = s.noise * 0.5f;
  for (int i = 0; i < s.points; ++i) {
    const int32_t label = class_of(i, k);
    const int arm_size = (s.points - label + k - 1) / k;  // points with this label
    const float t = static_cast<float>(i / k) / static_cast<float>(arm_size);  // [0, 1)
    const float r = 5.0f * t;
    const float a = 1.75f * kTwoPi * t + kTwoPi * static_cast<float>(label) / static_cast<float>(k);
    const float dx = jitter(rng, amplitude);
    const float dy = jitter(rng, amplitude);
    out.push(r * fm::sin(a) + dx, r * cos_(a) + dy, label);
  }
}

// scikit-learn's make_moons: class 0 on the upper arc (cos t, sin t), class 1 on the lower arc
// (1 - cos t, 1/2 - sin t), t uniform in [0, pi]; centred and scaled by 3.5, so x spans
// [-5.25, 5.25] and y [-2.6, 2.6]. Noise 1 is Gaussian jitter of sd 0.3 moon units (1.05 here);
// scikit-learn's usual noise is 0.1, our 0.33.
void gen_moons(const DataSpec& s, Pcg32& rng, Points& out) {
  constexpr float kScale = 3.5f;
  const float sd = s.noise * (0.3f * kScale);
  for (int i = 0; i < s.points; ++i) {
    const int32_t label = class_of(i, s.classes);
    const float t = rng.uniform(0.0f, kPi);
    const float mx = label == 0 ? cos_(t) : 1.0f - cos_(t);
    const float my = label == 0 ? fm::sin(t) : 0.5f - fm::sin(t);
    const float x = rng.normal((mx - 0.5f) * kScale, sd);
    const float y = rng.normal((my - 0.25f) * kScale, sd);
    out.push(x, y, label);
  }
}

// A 4 x 4 board of 3 x 3 cells covering the square; class = parity of column + row. The class
// is chosen first, then a cell of that colour, then a uniform point in it, to keep balance.
// Noise 1 moves each coordinate by up to half a cell (1.5).
void gen_checkerboard(const DataSpec& s, Pcg32& rng, Points& out) {
  constexpr int kCells = 4;
  constexpr float kCell = 2.0f * kDomain / kCells;
  const float amplitude = s.noise * (0.5f * kCell);
  for (int i = 0; i < s.points; ++i) {
    const int32_t label = class_of(i, s.classes);
    const auto column = static_cast<int>(rng.below(kCells));
    const int row = 2 * static_cast<int>(rng.below(kCells / 2)) + ((column + label) & 1);
    const float u = rng.uniform01();
    const float v = rng.uniform01();
    const float dx = jitter(rng, amplitude);
    const float dy = jitter(rng, amplitude);
    const float x = -kDomain + kCell * (static_cast<float>(column) + u);
    const float y = -kDomain + kCell * (static_cast<float>(row) + v);
    out.push(x + dx, y + dy, label);
  }
}

constexpr std::array<DatasetInfo, static_cast<size_t>(DatasetKind::count)> kTable{{
    {DatasetKind::circle, "circle", "Circle",
     "Class 0 in a disc of radius 2.5, class 1 in a ring of radii 3.5-5; noise 1 moves a coordinate up to 2.5.",
     2, 2, gen_circle},
    {DatasetKind::xor_, "xor", "Exclusive or",
     "Class 0 where x*y > 0, class 1 where x*y < 0, 0.3 off the axes; noise 1 moves a coordinate up to 2.5.",
     2, 2, gen_xor},
    {DatasetKind::gauss, "gauss", "Gaussian blobs",
     "A Gaussian blob per class, on a circle (two: at (2, 2), (-2, -2)); sd 0.71 at noise 0, 2 at noise 1.",
     2, 8, gen_gauss},
    {DatasetKind::spiral, "spiral", "Spiral",
     "An interleaved spiral arm per class, 1.75 turns out to radius 5; noise 1 moves a coordinate up to 0.5.",
     2, 8, gen_spiral},
    {DatasetKind::moons, "moons", "Two moons",
     "Two interleaving half circles of radius 3.5; noise 1 adds Gaussian jitter of sd 1.05.",
     2, 2, gen_moons},
    {DatasetKind::checkerboard, "checkerboard", "Checkerboard",
     "A 4 x 4 board over the square, class = colour of the cell; noise 1 moves a coordinate up to 1.5.",
     2, 2, gen_checkerboard},
}};

constexpr bool table_in_enum_order() {
  for (size_t i = 0; i < kTable.size(); ++i) {
    if (static_cast<size_t>(kTable[i].kind) != i) return false;
    if (kTable[i].min_classes < kMinClasses || kTable[i].max_classes > kMaxClasses) return false;
  }
  return true;
}
static_assert(table_in_enum_order(), "dataset rows must follow DatasetKind, classes within [2, 8]");

void check_int(const std::string& field, int v, int lo, int hi, const std::string& context = {}) {
  if (v < lo || v > hi) throw_out_of_range(field, v, lo, hi, context);
}

// Written as !(inside) so that NaN fails too.
void check_float(const std::string& field, float v, float lo, float hi) {
  if (!(v >= lo && v <= hi)) throw_out_of_range(field, v, lo, hi);
}

[[noreturn]] void unknown_dataset(const std::string& value) {
  std::string names;
  for (const DatasetInfo& row : kTable) names.append(names.empty() ? "" : ", ").append(row.name);
  throw_not_one_of("dataset", value, names);
}

// Computed in float, as the header states it: 10 points at 0.7 give 7 test points, where the
// double value of 0.7f (0.69999999) would give 6.
size_t test_count(size_t n, float test_fraction) {
  return static_cast<size_t>(static_cast<float>(n) * test_fraction);
}

void check_split(size_t n, float test_fraction) {
  check_float("test_fraction", test_fraction, 0.0f, kMaxTestFraction);
  // Cannot happen for n >= 1 and a fraction <= 0.9, but training on nothing must never be reached.
  if (test_count(n, test_fraction) >= n) {
    throw_field_error(ErrorKind::no_training_points, "test_fraction", format_number(test_fraction),
                      "leaves no training points out of " + std::to_string(n), {{"points", double(n)}});
  }
}

void validate(const DataSpec& s) {
  const DatasetInfo& info = dataset_info(s.kind);  // throws for a kind outside the table
  check_int("points", s.points, kMinPoints, kMaxPoints);
  check_float("noise", s.noise, 0.0f, 1.0f);
  check_int("classes", s.classes, info.min_classes, info.max_classes,
            " for dataset '" + std::string(info.name) + "'");
  check_split(static_cast<size_t>(s.points), s.test_fraction);
}

// Fisher-Yates from the back; below() is unbiased, so every order is equally likely.
void shuffle(Points& p, Pcg32& rng) {
  for (size_t i = p.size(); i > 1; --i) {
    const size_t j = rng.below(static_cast<uint32_t>(i));
    std::swap(p.x[i - 1], p.x[j]);
    std::swap(p.y[i - 1], p.y[j]);
    std::swap(p.label[i - 1], p.label[j]);
  }
}

// The first floor(n * test_fraction) shuffled points are the test set, the rest train.
Dataset split(const Points& all, float test_fraction, int classes) {
  const size_t n_test = test_count(all.size(), test_fraction);
  Dataset d;
  d.classes = classes;
  for (size_t i = 0; i < all.size(); ++i) {
    (i < n_test ? d.test : d.train).push(all.x[i], all.y[i], all.label[i]);
  }
  return d;
}

}  // namespace

std::span<const DatasetInfo> dataset_table() { return kTable; }

const DatasetInfo& dataset_info(DatasetKind kind) {
  const auto index = static_cast<size_t>(kind);
  if (index >= kTable.size()) unknown_dataset(std::to_string(index));
  return kTable[index];
}

DatasetKind parse_dataset(std::string_view name) {
  for (const DatasetInfo& row : kTable) {
    if (name == row.name) return row.kind;
  }
  unknown_dataset(std::string(name));
}

Dataset make_dataset(const DataSpec& spec) {
  validate(spec);
  Pcg32 rng(spec.seed, RngStream::data);
  Points all;
  dataset_info(spec.kind).generate(spec, rng, all);
  shuffle(all, rng);
  return split(all, spec.test_fraction, spec.classes);
}

void validate_labelled_points(std::span<const float> xy, std::span<const int32_t> labels, int classes) {
  check_int("classes", classes, kMinClasses, kMaxClasses);
  if (labels.empty())
    throw_field_error(ErrorKind::count_out_of_range, "labels", "0", "0 given, at least 1 point is required",
                      {{"count", 0.0}, {"unit", std::string("points")}, {"min", 1.0}, {"max", double(kMaxPoints)}});
  if (xy.size() != 2 * labels.size()) {
    throw_field_error(ErrorKind::length_mismatch, "points", std::to_string(xy.size()),
                      std::to_string(xy.size()) + " values for " + std::to_string(labels.size()) +
                          " labels, expected 2 per label (x0, y0, x1, y1, ...)",
                      {{"length", double(xy.size())}, {"expected", 2.0 * double(labels.size())}});
  }
  for (size_t i = 0; i < xy.size(); ++i) {
    check_float("points[" + std::to_string(i) + "]", xy[i], -kMaxAbsCoordinate, kMaxAbsCoordinate);
  }
  for (size_t i = 0; i < labels.size(); ++i) {
    check_int("labels[" + std::to_string(i) + "]", labels[i], 0, classes - 1);
  }
}

Dataset make_custom_dataset(std::span<const float> xy, std::span<const int32_t> labels,
                            int classes, float test_fraction, uint64_t seed) {
  validate_labelled_points(xy, labels, classes);
  check_split(labels.size(), test_fraction);

  Points all;
  for (size_t i = 0; i < labels.size(); ++i) all.push(xy[2 * i], xy[2 * i + 1], labels[i]);
  Pcg32 rng(seed, RngStream::data);
  shuffle(all, rng);
  return split(all, test_fraction, classes);
}

}  // namespace actlab
