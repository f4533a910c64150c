#include "race.hpp"

#include <cmath>
#include <stdexcept>

#include "field_error.hpp"
#include <string>

namespace actlab {

Race::Race(const LabConfig& shared, const std::vector<RaceMember>& members)
    : Race(shared, members, make_shared_dataset(shared)) {}

Race::Race(const LabConfig& shared, const std::vector<RaceMember>& members, std::shared_ptr<const Dataset> data)
    // A private copy: the race appends clicked points to it, and the caller's data must not change.
    : data_(data ? std::make_shared<Dataset>(*data) : nullptr) {
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
    throw_count_out_of_range("members", double(n), "members", 1, double(kMaxRaceMembers));
}

std::vector<std::vector<float>> Race::train(int steps, const Deadline& deadline) {
  std::vector<std::vector<float>> losses;
  if (!deadline.set()) {
    for (auto& network : networks_) losses.push_back(network->train(steps));
    return losses;
  }
  if (steps < 0 || steps > kMaxTrainSteps) throw_out_of_range("steps", steps, 0, kMaxTrainSteps);
  losses.resize(networks_.size());
  for (int s = 0; s < steps && !(s > 0 && deadline.passed()); ++s) {
    for (size_t m = 0; m < networks_.size(); ++m) {
      const std::vector<float> step = networks_[m]->train(1);
      losses[m].insert(losses[m].end(), step.begin(), step.end());
    }
  }
  return losses;
}

Network& Race::member(size_t i) {
  if (i >= networks_.size())
    throw_out_of_range("index", double(i), 0, double(networks_.size() - 1));
  return *networks_[i];
}

void Race::add_training_point(float x, float y, int32_t label) {
  for (auto [name, v] : {std::pair{"x", x}, {"y", y}})
    if (!std::isfinite(v) || std::fabs(v) > kMaxAbsCoordinate)
      throw_out_of_range(name, v, -kMaxAbsCoordinate, kMaxAbsCoordinate);
  if (label < 0 || label >= data_->classes) throw_out_of_range("label", label, 0, data_->classes - 1);
  // Two limits, each named as the one sentence that says which was reached.
  if (added_ >= kMaxAddedPoints)
    throw_field_error(ErrorKind::too_many_added, "points", std::to_string(added_ + 1),
                      "cannot add point " + std::to_string(added_ + 1) + ": a race takes at most " +
                          std::to_string(kMaxAddedPoints) + " added points",
                      {{"count", double(added_ + 1)}, {"max", double(kMaxAddedPoints)}});
  if (data_->train.size() >= size_t(kMaxPoints))
    throw_field_error(ErrorKind::training_set_full, "points", std::to_string(data_->train.size() + 1),
                      "cannot add a point: the training set already has " + std::to_string(kMaxPoints) +
                          " points, the most it can hold",
                      {{"max", double(kMaxPoints)}});
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
