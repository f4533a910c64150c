// Each activation's usual initialiser: the pairings the claims and the depth figure rely on.
#include <catch2/catch.hpp>

#include "usual_init.hpp"

using namespace actlab;

TEST_CASE("the usual initialiser of the three racers of the question", "[usual_init]") {
  CHECK(usual_init(ActivationId::sigmoid) == InitScheme::xavier);
  CHECK(usual_init(ActivationId::tanh) == InitScheme::xavier);
  CHECK(usual_init(ActivationId::relu) == InitScheme::he);
  CHECK(usual_init(ActivationId::leaky_relu) == InitScheme::he);
  CHECK(usual_init(ActivationId::selu) == InitScheme::lecun);
}

TEST_CASE("every activation has a usual initialiser", "[usual_init]") {
  const auto& spec = GENERATE(from_range(activation_table().begin(), activation_table().end()));
  INFO(spec.name);
  CHECK(usual_init(spec.id) < InitScheme::count);
  // Unbounded activations with exact zeros (the ReLU family) lose half their units' variance: He.
  if (spec.props.exact_zeros && !spec.props.bounded_above) CHECK(usual_init(spec.id) == InitScheme::he);
}
