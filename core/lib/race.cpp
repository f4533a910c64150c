#include "race.hpp"

#include <stdexcept>

#include "field_error.hpp"
#include <string>

namespace actlab {

Race::Race(const LabConfig& shared, const std::vector<RaceMember>& members)
    : Race(shared, members, make_shared_dataset(shared)) {}

Race::Race(const LabConfig& shared, const std::vector<RaceMember>& members, std::shared_ptr<const Dataset> data)
    : data_(std::move(data)) {
  check_member_count(members.size());
  for (const auto& m : members) {
    LabConfig config = shared;
    config.activation = m.activation;
    config.layer_activations.clear();
    if (m.init) config.init = *m.init;
    networks_.push_back(std::make_unique<Network>(config, data_));
  }
}

void check_member_count(size_t n) {
  if (n < 1 || n > kMaxRaceMembers)
    throw_field_error(Problem::out_of_range, "members", std::to_string(n) + " members", range_text(1, double(kMaxRaceMembers)));
}

std::vector<std::vector<float>> Race::train(int steps) {
  std::vector<std::vector<float>> losses;
  for (auto& network : networks_) losses.push_back(network->train(steps));
  return losses;
}

Network& Race::member(size_t i) {
  if (i >= networks_.size())
    throw_out_of_range("index", double(i), 0, double(networks_.size() - 1));
  return *networks_[i];
}

}  // namespace actlab
