#include "usual_init.hpp"

#include <array>

namespace actlab {
namespace {

constexpr std::array<InitScheme, kActivationCount> kUsual = [] {
  std::array<InitScheme, kActivationCount> t{};
  t.fill(InitScheme::he);  // the ReLU family and its smooth cousins (ELU, GELU, Swish, Mish, Softplus...)
  for (ActivationId id : {ActivationId::identity, ActivationId::sigmoid, ActivationId::tanh, ActivationId::hard_sigmoid})
    t[static_cast<size_t>(id)] = InitScheme::xavier;
  t[static_cast<size_t>(ActivationId::selu)] = InitScheme::lecun;
  return t;
}();

}  // namespace

InitScheme usual_init(ActivationId id) { return kUsual.at(static_cast<size_t>(id)); }

}  // namespace actlab
