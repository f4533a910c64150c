#pragma once
// Several networks racing on the same data, from the same initial weights, in the same batch
// order, differing only in their activation (and optionally their initialiser). Each member is a
// full Network built from the shared config with its own overrides, so "same weights, same
// batches" follows from sharing the seed: the weights are drawn from Pcg32(seed, init) in the same
// order whatever the activation, and the batches from Pcg32(seed, batches). One member may diverge
// and stop; the others go on.
#include <memory>
#include <optional>
#include <vector>

#include "network.hpp"

namespace actlab {

struct RaceMember {
  ActivationId activation = ActivationId::relu;
  std::optional<InitScheme> init;  // default: the shared config's
};

inline constexpr size_t kMaxRaceMembers = 8;
// Throws a FieldError ("members: 9 members is out of range [1, 8]") unless 1 <= n <= kMaxRaceMembers.
void check_member_count(size_t n);
inline constexpr size_t kMaxAddedPoints = 500;

class Race {
 public:
  // 1 to kMaxRaceMembers members. Per-layer overrides in the shared config are ignored: each
  // member uses its own activation on every hidden layer.
  Race(const LabConfig& shared, const std::vector<RaceMember>& members);
  Race(const LabConfig& shared, const std::vector<RaceMember>& members, std::shared_ptr<const Dataset> data);

  // Steps every member that has not diverged; returns each member's losses. With a deadline the
  // members step together, one step each per round, and stop after the round in which it passed
  // (at least one round): every member that has not diverged has taken the same number of steps.
  std::vector<std::vector<float>> train(int steps, const Deadline& deadline = {});
  size_t size() const { return networks_.size(); }
  Network& member(size_t i);
  const Dataset& data() const { return *data_; }

  // A point the reader clicked joins the training set of every member, without restarting the race
  // or touching the train/test split. Throws std::invalid_argument naming "x", "y" or "label".
  // At most kMaxAddedPoints, and the training set at most kMaxPoints.
  void add_training_point(float x, float y, int32_t label);
  // Undo: removes the last point add_training_point appended; returns false when there is none.
  bool remove_added_point();
  size_t added_points() const { return added_; }

 private:
  std::shared_ptr<Dataset> data_;  // the race's own copy, shared with every member; added points go in here
  size_t added_ = 0;
  std::vector<std::unique_ptr<Network>> networks_;
};

}  // namespace actlab
