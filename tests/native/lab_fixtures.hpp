#pragma once
// Small builders shared by the tests.
#include <memory>
#include <vector>

#include "dataset.hpp"
#include "network.hpp"

namespace actlab::test {

inline LabConfig config_for(ActivationId activation, std::vector<int> hidden, DatasetKind dataset = DatasetKind::spiral,
                            int points = 200, uint32_t seed = 7) {
  LabConfig c;
  c.activation = activation;
  c.hidden = std::move(hidden);
  c.dataset = dataset;
  c.points = points;
  c.seed = seed;
  return c;
}

// A generated dataset with every point in the training set.
inline DataSpec dataset_spec(DatasetKind kind, int classes, float noise, int points, uint64_t seed) {
  DataSpec s;
  s.kind = kind;
  s.classes = classes;
  s.noise = noise;
  s.points = points;
  s.test_fraction = 0.0f;
  s.seed = seed;
  return s;
}

inline std::unique_ptr<Network> network_for(const LabConfig& c) {
  return std::make_unique<Network>(c, make_shared_dataset(c));
}

}  // namespace actlab::test
