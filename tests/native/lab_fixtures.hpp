#pragma once
// Small builders shared by the network-level tests.
#include <memory>
#include <vector>

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

inline std::unique_ptr<Network> network_for(const LabConfig& c) {
  return std::make_unique<Network>(c, make_shared_dataset(c));
}

}  // namespace actlab::test
