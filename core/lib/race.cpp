#include "race.hpp"

#include <stdexcept>
#include <string>

namespace actlab {

Race::Race(const LabConfig& shared, const std::vector<RaceMember>& members)
    : Race(shared, members, make_shared_dataset(shared)) {}

Race::Race(const LabConfig& shared, const std::vector<RaceMember>& members, std::shared_ptr<const Dataset> data)
    : data_(std::move(data)) {
  if (members.empty() || members.size() > kMaxRaceMembers)
    throw std::invalid_argument("activations: " + std::to_string(members.size()) + " members is out of range [1, " +
                                std::to_string(kMaxRaceMembers) + "]");
  for (const auto& m : members) {
    LabConfig config = shared;
    config.activation = m.activation;
    config.layer_activations.clear();
    if (m.init) config.init = *m.init;
    networks_.push_back(std::make_unique<Network>(config, data_));
  }
}

std::vector<std::vector<float>> Race::train(int steps) {
  std::vector<std::vector<float>> losses;
  for (auto& network : networks_) losses.push_back(network->train(steps));
  return losses;
}

Network& Race::member(size_t i) {
  if (i >= networks_.size())
    throw std::invalid_argument("member: " + std::to_string(i) + " is out of range [0, " +
                                std::to_string(networks_.size() - 1) + "]");
  return *networks_[i];
}

}  // namespace actlab
