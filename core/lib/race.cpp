#include "race.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace actlab {

Race::Race(const LabConfig& shared, const std::vector<RaceMember>& members)
    : Race(shared, members, make_shared_dataset(shared)) {}

Race::Race(const LabConfig& shared, const std::vector<RaceMember>& members, std::shared_ptr<const Dataset> data)
    // A private copy: the race appends clicked points to it, and the caller's data must not change.
    : data_(data ? std::make_shared<Dataset>(*data) : nullptr) {
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

void Race::add_training_point(float x, float y, int32_t label) {
  for (auto [name, v] : {std::pair{"x", x}, {"y", y}})
    if (!std::isfinite(v) || std::fabs(v) > kMaxAbsCoordinate)
      throw std::invalid_argument(std::string(name) + ": " + format_number(v) + " is out of range [-1e6, 1e6]");
  if (label < 0 || label >= data_->classes)
    throw std::invalid_argument("label: " + std::to_string(label) + " is out of range [0, " +
                                std::to_string(data_->classes - 1) + "]");
  if (added_ >= kMaxAddedPoints || data_->train.size() >= size_t(kMaxPoints))
    throw std::invalid_argument("points: " + std::to_string(added_ + 1) + " added points is out of range [0, " +
                                std::to_string(kMaxAddedPoints) + "] (at most " + std::to_string(kMaxPoints) +
                                " training points)");
  data_->train.push(x, y, label);
  ++added_;
  for (auto& network : networks_) network->training_point_appended();
}

bool Race::remove_added_point() {
  if (added_ == 0) return false;
  data_->train.x.pop_back();
  data_->train.y.pop_back();
  data_->train.label.pop_back();
  --added_;
  for (auto& network : networks_) network->training_point_removed();
  return true;
}

}  // namespace actlab
