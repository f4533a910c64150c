// Datasets: every row of dataset_table() goes through the same checks (a new generator is
// tested by adding its row), then a geometric sanity check per well-known generator, the
// train/test split, custom points, and every validation message.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "dataset.hpp"
#include "lab_fixtures.hpp"

using actlab::DataSpec;
using actlab::Dataset;
using actlab::DatasetInfo;
using actlab::DatasetKind;
using actlab::Points;
using Catch::Contains;

namespace {

DataSpec spec_for(DatasetKind kind, int classes, float noise, int points = 600, uint64_t seed = 1) {
  return actlab::test::dataset_spec(kind, classes, noise, points, seed);
}

// Test points first, then train: the shuffled order before the split.
Points all_points(const Dataset& d) {
  Points p = d.test;
  for (size_t i = 0; i < d.train.size(); ++i) p.push(d.train.x[i], d.train.y[i], d.train.label[i]);
  return p;
}

bool bit_identical(const Points& a, const Points& b) {
  return a.size() == b.size() && a.label == b.label &&
         std::memcmp(a.x.data(), b.x.data(), a.size() * sizeof(float)) == 0 &&
         std::memcmp(a.y.data(), b.y.data(), a.size() * sizeof(float)) == 0;
}

std::vector<int> class_choices(const DatasetInfo& row) {
  std::set<int> k = {row.min_classes, (row.min_classes + row.max_classes) / 2, row.max_classes};
  return {k.begin(), k.end()};
}

std::vector<int> class_counts(const Points& p, int classes) {
  std::vector<int> count(static_cast<size_t>(classes), 0);
  for (int32_t l : p.label) ++count[static_cast<size_t>(l)];
  return count;
}

float radius(const Points& p, size_t i) { return std::sqrt(p.x[i] * p.x[i] + p.y[i] * p.y[i]); }

// Mean of the points with label l (or of its radius).
struct ClassMean {
  double x = 0, y = 0, r = 0;
  int n = 0;
};
ClassMean class_mean(const Points& p, int32_t l) {
  ClassMean m;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.label[i] != l) continue;
    m.x += p.x[i];
    m.y += p.y[i];
    m.r += radius(p, i);
    ++m.n;
  }
  m.x /= m.n;
  m.y /= m.n;
  m.r /= m.n;
  return m;
}

}  // namespace

TEST_CASE("every dataset: size, labels in range, balanced classes, finite points in the square", "[dataset]") {
  const DatasetInfo row = GENERATE(from_range(actlab::dataset_table()));
  const int classes = GENERATE_COPY(from_range(class_choices(row)));
  const float noise = GENERATE(0.0f, 0.3f, 1.0f);
  INFO(row.name << ", " << classes << " classes, noise " << noise);

  DataSpec spec = spec_for(row.kind, classes, noise, 601);
  spec.test_fraction = 0.25f;
  const Dataset d = actlab::make_dataset(spec);
  CHECK(d.classes == classes);
  CHECK(d.test.size() == 150);  // floor(601 * 0.25)
  CHECK(d.train.size() == 451);
  const Points p = all_points(d);
  REQUIRE(p.size() == 601);
  REQUIRE(p.x.size() == 601);
  REQUIRE(p.y.size() == 601);

  for (int32_t l : p.label) REQUIRE((l >= 0 && l < classes));
  for (int c : class_counts(p, classes)) {  // as equal as possible: 601 / K, rounded down or up
    CHECK(c >= 601 / classes);
    CHECK(c <= 601 / classes + 1);
  }
  int inside = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    REQUIRE(std::isfinite(p.x[i]));
    REQUIRE(std::isfinite(p.y[i]));
    inside += std::fabs(p.x[i]) <= actlab::kDomain && std::fabs(p.y[i]) <= actlab::kDomain ? 1 : 0;
  }
  const double inside_fraction = inside / 601.0;
  INFO("inside the square: " << inside_fraction);
  CHECK(inside_fraction >= (noise == 0.0f ? 0.99 : noise <= 0.3f ? 0.93 : 0.8));
}

TEST_CASE("every dataset: one seed gives bit-identical data, another seed other data", "[dataset]") {
  const DatasetInfo row = GENERATE(from_range(actlab::dataset_table()));
  INFO(row.name);
  DataSpec spec = spec_for(row.kind, row.max_classes, 0.2f, 500, 7);
  spec.test_fraction = 0.3f;
  const Dataset a = actlab::make_dataset(spec), b = actlab::make_dataset(spec);
  CHECK(bit_identical(a.train, b.train));
  CHECK(bit_identical(a.test, b.test));

  spec.seed = 8;
  const Points c = all_points(actlab::make_dataset(spec)), pa = all_points(a);
  int same = 0;
  for (size_t i = 0; i < pa.size(); ++i) same += pa.x[i] == c.x[i] && pa.y[i] == c.y[i] ? 1 : 0;
  CHECK(same < 5);
}

TEST_CASE("every dataset: noise moves points but keeps labels and order", "[dataset]") {
  const DatasetInfo row = GENERATE(from_range(actlab::dataset_table()));
  INFO(row.name);
  const Points clean = all_points(actlab::make_dataset(spec_for(row.kind, row.min_classes, 0.0f)));
  const Points noisy = all_points(actlab::make_dataset(spec_for(row.kind, row.min_classes, 1.0f)));
  CHECK(clean.label == noisy.label);
  double moved = 0.0;
  for (size_t i = 0; i < clean.size(); ++i) moved += std::hypot(clean.x[i] - noisy.x[i], clean.y[i] - noisy.y[i]);
  moved /= static_cast<double>(clean.size());
  INFO("mean displacement at noise 1: " << moved);
  CHECK(moved > 0.2);  // spiral, the least noisy at 1, moves 0.38 on average
  CHECK(moved < 3.0);
}

TEST_CASE("every dataset: shuffled, and the split cuts one shuffled order", "[dataset]") {
  const DatasetInfo row = GENERATE(from_range(actlab::dataset_table()));
  const int points = GENERATE(4, 10, 999);
  const float fraction = GENERATE(0.0f, 0.1f, 0.3f, 0.7f, 0.9f);
  INFO(row.name << ", " << points << " points, test_fraction " << fraction);
  DataSpec spec = spec_for(row.kind, row.min_classes, 0.1f, points, 3);
  const Dataset whole = actlab::make_dataset(spec);
  spec.test_fraction = fraction;
  const Dataset d = actlab::make_dataset(spec);

  const auto expected_test = static_cast<size_t>(std::floor(static_cast<float>(points) * fraction));
  CHECK(d.test.size() == expected_test);
  CHECK(d.train.size() == static_cast<size_t>(points) - expected_test);
  CHECK(d.train.size() >= 1);
  CHECK(whole.test.size() == 0);
  CHECK(bit_identical(all_points(d), whole.train));

  if (points == 999) {  // generators emit labels cyclically; after the shuffle about 1/2 still match
    int cyclic = 0;
    for (size_t i = 0; i < whole.train.size(); ++i) cyclic += whole.train.label[i] == static_cast<int>(i % 2) ? 1 : 0;
    CHECK(cyclic > 400);
    CHECK(cyclic < 600);
  }
}

TEST_CASE("the shuffle is uniform: every point is as likely to come first", "[dataset]") {
  // Custom points 0..9 in order; over 3000 seeds each should lead the shuffled order ~300 times
  // (a Fisher-Yates that skips its last swap leaves point 0 first twice as often).
  constexpr int kPoints = 10, kSeeds = 3000;
  std::vector<float> xy;
  std::vector<int32_t> labels;
  for (int i = 0; i < kPoints; ++i) xy.insert(xy.end(), {float(i), 0.0f}), labels.push_back(i % 2);
  std::vector<int> first(kPoints, 0);
  for (uint64_t seed = 0; seed < kSeeds; ++seed) ++first[size_t(actlab::make_custom_dataset(xy, labels, 2, 0.0f, seed).train.x[0])];
  for (int i = 0; i < kPoints; ++i) {
    INFO("point " << i << " came first " << first[size_t(i)] << " times");
    CHECK(std::abs(first[size_t(i)] - kSeeds / kPoints) < 5 * 16.4);  // 5 sd of a binomial(3000, 0.1)
  }
}

TEST_CASE("split sizes round like the user expects", "[dataset]") {
  DataSpec spec = spec_for(DatasetKind::gauss, 2, 0.1f, 10);
  spec.test_fraction = 0.7f;  // 0.7f is 0.69999999 as a double; float product rounds to 7
  CHECK(actlab::make_dataset(spec).test.size() == 7);
  spec.points = 4;
  spec.test_fraction = 0.9f;  // the smallest dataset at the largest fraction keeps one training point
  CHECK(actlab::make_dataset(spec).train.size() == 1);
}

TEST_CASE("circle: class 0 in the inner disc, class 1 in the outer ring", "[dataset]") {
  const Points p = all_points(actlab::make_dataset(spec_for(DatasetKind::circle, 2, 0.0f)));
  for (size_t i = 0; i < p.size(); ++i) {
    INFO("point " << i << " radius " << radius(p, i));
    if (p.label[i] == 0) REQUIRE(radius(p, i) <= 2.5f + 1e-3f);
    if (p.label[i] == 1) REQUIRE((radius(p, i) >= 3.5f - 1e-3f && radius(p, i) <= 5.0f + 1e-3f));
  }
  const Points noisy = all_points(actlab::make_dataset(spec_for(DatasetKind::circle, 2, 0.5f)));
  CHECK(class_mean(noisy, 0).r + 1.5 < class_mean(noisy, 1).r);
}

TEST_CASE("xor: class 0 where x*y > 0, off the axes", "[dataset]") {
  const Points p = all_points(actlab::make_dataset(spec_for(DatasetKind::xor_, 2, 0.0f)));
  int quadrant[2][2] = {};
  for (size_t i = 0; i < p.size(); ++i) {
    INFO("point " << i << " (" << p.x[i] << ", " << p.y[i] << ")");
    REQUIRE(p.label[i] == (p.x[i] * p.y[i] > 0.0f ? 0 : 1));
    REQUIRE(std::fabs(p.x[i]) >= 0.3f);
    REQUIRE(std::fabs(p.y[i]) >= 0.3f);
    ++quadrant[p.x[i] > 0][p.y[i] > 0];
  }
  for (auto& row : quadrant) {
    for (int n : row) CHECK(n > 100);  // all four quadrants used, about 150 each
  }
}

TEST_CASE("gauss: two blobs at (2, 2) and (-2, -2), K blobs apart from each other", "[dataset]") {
  const Points two = all_points(actlab::make_dataset(spec_for(DatasetKind::gauss, 2, 0.0f, 2000)));
  const ClassMean a = class_mean(two, 0), b = class_mean(two, 1);
  CHECK_THAT(a.x, Catch::Matchers::WithinAbs(2.0, 0.1));  // standard error 0.71 / sqrt(1000)
  CHECK_THAT(a.y, Catch::Matchers::WithinAbs(2.0, 0.1));
  CHECK_THAT(b.x, Catch::Matchers::WithinAbs(-2.0, 0.1));
  CHECK_THAT(b.y, Catch::Matchers::WithinAbs(-2.0, 0.1));

  const int k = GENERATE(3, 5, 8);
  INFO(k << " blobs");
  const Points p = all_points(actlab::make_dataset(spec_for(DatasetKind::gauss, k, 0.0f, 400 * k)));
  for (int c = 0; c < k; ++c) {
    const ClassMean m = class_mean(p, c);
    CHECK_THAT(std::hypot(m.x, m.y), Catch::Matchers::WithinAbs(4.0, 0.2));  // centres on a circle of radius 4
    for (int other = 0; other < c; ++other) {
      const ClassMean n = class_mean(p, other);
      CHECK(std::hypot(m.x - n.x, m.y - n.y) > 2.5);  // 8 blobs: neighbours 3.06 apart
    }
  }
}

TEST_CASE("spiral: without noise every point lies on its arm", "[dataset]") {
  const int k = GENERATE(2, 3, 8);
  INFO(k << " arms");
  const Points p = all_points(actlab::make_dataset(spec_for(DatasetKind::spiral, k, 0.0f)));
  const double pi = 3.14159265358979323846;
  for (size_t i = 0; i < p.size(); ++i) {
    // Arm l at parameter t: radius 5t, angle 3.5 pi t + 2 pi l / K, x = r sin(angle), y = r cos(angle).
    const double r = radius(p, i), t = r / 5.0, a = 3.5 * pi * t + 2.0 * pi * p.label[i] / k;
    INFO("point " << i << " label " << p.label[i] << " radius " << r);
    REQUIRE(r < 5.0);
    REQUIRE(std::hypot(p.x[i] - r * std::sin(a), p.y[i] - r * std::cos(a)) < 1e-3);
  }
}

TEST_CASE("moons: without noise the points lie on two interleaving half circles", "[dataset]") {
  const Points p = all_points(actlab::make_dataset(spec_for(DatasetKind::moons, 2, 0.0f)));
  for (size_t i = 0; i < p.size(); ++i) {
    const double mx = p.x[i] / 3.5 + 0.5, my = p.y[i] / 3.5 + 0.25;  // back to moon units
    INFO("point " << i << " label " << p.label[i] << " moon units (" << mx << ", " << my << ")");
    if (p.label[i] == 0) {
      REQUIRE_THAT(std::hypot(mx, my), Catch::Matchers::WithinAbs(1.0, 1e-3));
      REQUIRE(my >= -1e-3);
    } else {
      REQUIRE_THAT(std::hypot(mx - 1.0, my - 0.5), Catch::Matchers::WithinAbs(1.0, 1e-3));
      REQUIRE(my <= 0.5 + 1e-3);
    }
  }
}

TEST_CASE("checkerboard: label is the parity of the cell", "[dataset]") {
  const Points p = all_points(actlab::make_dataset(spec_for(DatasetKind::checkerboard, 2, 0.0f, 3200)));
  int cells[4][4] = {};
  for (size_t i = 0; i < p.size(); ++i) {
    const int column = static_cast<int>(std::floor((p.x[i] + 6.0f) / 3.0f));
    const int row = static_cast<int>(std::floor((p.y[i] + 6.0f) / 3.0f));
    INFO("point " << i << " (" << p.x[i] << ", " << p.y[i] << ")");
    REQUIRE((column >= 0 && column < 4 && row >= 0 && row < 4));
    REQUIRE(p.label[i] == (column + row) % 2);
    ++cells[column][row];
  }
  for (auto& column : cells) {
    for (int n : column) CHECK(n > 150);  // every cell used, about 200 each
  }
}

TEST_CASE("dataset table: names parse back, rows are well formed", "[dataset]") {
  const auto table = actlab::dataset_table();
  REQUIRE(table.size() == static_cast<size_t>(DatasetKind::count));
  std::set<std::string> names;
  for (const DatasetInfo& row : table) {
    INFO(row.name);
    CHECK(actlab::parse_dataset(row.name) == row.kind);
    CHECK(&actlab::dataset_info(row.kind) == &row);
    CHECK(names.insert(row.name).second);
    CHECK(std::string(row.label).size() > 0);
    CHECK_THAT(row.description, Contains("noise"));  // each says what noise means for it
    CHECK(row.min_classes >= actlab::kMinClasses);
    CHECK(row.max_classes <= actlab::kMaxClasses);
    CHECK(row.min_classes <= row.max_classes);
    CHECK(row.generate != nullptr);
  }
  CHECK(actlab::parse_dataset("xor") == DatasetKind::xor_);
}

TEST_CASE("make_dataset and parse_dataset reject bad input, naming the field", "[dataset]") {
  const DataSpec good = spec_for(DatasetKind::spiral, 3, 0.1f, 100);
  REQUIRE_NOTHROW(actlab::make_dataset(good));
  DataSpec s = good;
  const float nan = std::numeric_limits<float>::quiet_NaN();

  SECTION("points") {
    s.points = 3;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), "points: 3 is out of range [4, 20000]");
    s.points = 20001;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), Contains("points: 20001"));
    s.points = -5;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), Contains("points: -5"));
  }
  SECTION("noise") {
    s.noise = nan;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), "noise: nan is out of range [0, 1]");
    s.noise = 1.5f;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), "noise: 1.5 is out of range [0, 1]");
    s.noise = -0.01f;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), Contains("noise: -0.01"));
    s.noise = std::numeric_limits<float>::infinity();
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), Contains("noise: inf"));
  }
  SECTION("test_fraction") {
    s.test_fraction = 0.95f;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), "test_fraction: 0.95 is out of range [0, 0.9]");
    s.test_fraction = -0.1f;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), Contains("test_fraction: -0.1"));
    s.test_fraction = nan;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), Contains("test_fraction: nan"));
  }
  SECTION("classes, against each generator's own range") {
    s.kind = DatasetKind::xor_;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), "classes: 3 is out of range [2, 2] for dataset 'xor'");
    const DatasetInfo row = GENERATE(from_range(actlab::dataset_table()));
    INFO(row.name);
    s.kind = row.kind;
    s.classes = row.max_classes + 1;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), Contains("classes: ") && Contains(row.name));
    s.classes = row.min_classes - 1;
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), Contains("classes: ") && Contains(row.name));
  }
  SECTION("dataset") {
    s.kind = static_cast<DatasetKind>(99);
    REQUIRE_THROWS_WITH(actlab::make_dataset(s), Contains("dataset: '99' is not one of circle"));
    s.kind = DatasetKind::count;
    REQUIRE_THROWS_AS(actlab::make_dataset(s), std::invalid_argument);
    REQUIRE_THROWS_WITH(actlab::parse_dataset("foo"),
                        "dataset: 'foo' is not one of circle, xor, gauss, spiral, moons, checkerboard");
    REQUIRE_THROWS_WITH(actlab::parse_dataset("xor_"), Contains("dataset: 'xor_'"));
    REQUIRE_THROWS_WITH(actlab::parse_dataset(""), Contains("dataset: ''"));
  }
}

TEST_CASE("make_custom_dataset keeps the caller's points, shuffled and split", "[dataset]") {
  std::vector<float> xy;
  std::vector<int32_t> labels;
  for (int i = 0; i < 10; ++i) {
    xy.push_back(static_cast<float>(i));
    xy.push_back(static_cast<float>(-i) * 0.5f);
    labels.push_back(i % 3);
  }
  const Dataset d = actlab::make_custom_dataset(xy, labels, 3, 0.3f, 11);
  CHECK(d.classes == 3);
  CHECK(d.test.size() == 3);
  CHECK(d.train.size() == 7);

  // The same points and labels, in another order.
  using Row = std::tuple<float, float, int32_t>;
  std::vector<Row> given, got;
  for (size_t i = 0; i < labels.size(); ++i) given.emplace_back(xy[2 * i], xy[2 * i + 1], labels[i]);
  const Points p = all_points(d);
  for (size_t i = 0; i < p.size(); ++i) got.emplace_back(p.x[i], p.y[i], p.label[i]);
  CHECK(got != given);
  std::sort(got.begin(), got.end());
  std::sort(given.begin(), given.end());
  CHECK(got == given);

  CHECK(bit_identical(all_points(actlab::make_custom_dataset(xy, labels, 3, 0.3f, 11)), p));
  const Dataset all_train = actlab::make_custom_dataset(xy, labels, 3, 0.0f, 11);
  CHECK(all_train.test.size() == 0);
  CHECK(bit_identical(all_train.train, p));
  const std::vector<float> one_xy = {0.5f, 0.5f};
  const std::vector<int32_t> one_label = {1};
  CHECK(actlab::make_custom_dataset(one_xy, one_label, 2, 0.9f, 1).train.size() == 1);
}

TEST_CASE("make_custom_dataset rejects bad input, naming the field and index", "[dataset]") {
  std::vector<float> xy = {0, 0, 1, 1, -1, 2, 3, -3};
  std::vector<int32_t> labels = {0, 1, 1, 0};
  REQUIRE_NOTHROW(actlab::make_custom_dataset(xy, labels, 2, 0.25f, 1));

  SECTION("lengths") {
    xy.pop_back();
    REQUIRE_THROWS_WITH(actlab::make_custom_dataset(xy, labels, 2, 0.25f, 1), Contains("points: 7 values for 4 labels"));
    REQUIRE_THROWS_WITH(actlab::make_custom_dataset({}, {}, 2, 0.25f, 1), Contains("labels: 0 given"));
  }
  SECTION("coordinates") {
    xy[5] = std::numeric_limits<float>::quiet_NaN();
    REQUIRE_THROWS_WITH(actlab::make_custom_dataset(xy, labels, 2, 0.25f, 1),
                        "points[5]: nan is out of range [-1000000, 1000000]");
    xy[5] = 0.0f;
    xy[2] = -std::numeric_limits<float>::infinity();
    REQUIRE_THROWS_WITH(actlab::make_custom_dataset(xy, labels, 2, 0.25f, 1), Contains("points[2]: -inf"));
    xy[2] = 2e6f;
    REQUIRE_THROWS_WITH(actlab::make_custom_dataset(xy, labels, 2, 0.25f, 1), Contains("points[2]: 2000000"));
    xy[2] = 1e6f;  // the bound itself is allowed
    REQUIRE_NOTHROW(actlab::make_custom_dataset(xy, labels, 2, 0.25f, 1));
  }
  SECTION("labels") {
    labels[3] = 9;
    REQUIRE_THROWS_WITH(actlab::make_custom_dataset(xy, labels, 2, 0.25f, 1), "labels[3]: 9 is out of range [0, 1]");
    labels[3] = -1;
    REQUIRE_THROWS_WITH(actlab::make_custom_dataset(xy, labels, 2, 0.25f, 1), Contains("labels[3]: -1"));
  }
  SECTION("classes and test_fraction") {
    REQUIRE_THROWS_WITH(actlab::make_custom_dataset(xy, labels, 1, 0.25f, 1), "classes: 1 is out of range [2, 8]");
    REQUIRE_THROWS_WITH(actlab::make_custom_dataset(xy, labels, 9, 0.25f, 1), Contains("classes: 9"));
    REQUIRE_THROWS_WITH(actlab::make_custom_dataset(xy, labels, 2, 0.95f, 1), Contains("test_fraction: 0.95"));
    REQUIRE_THROWS_WITH(actlab::make_custom_dataset(xy, labels, 2, -1.0f, 1), Contains("test_fraction: -1"));
  }
}
