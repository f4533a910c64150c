#pragma once
// Each activation's usual initialiser, the one its literature pairs it with: Glorot (Xavier) for
// the zero-centred and sigmoid-shaped ones, He for the ReLU family (half the units silent, so twice
// the variance), LeCun for SELU (its self-normalising fixed point assumes it). The depth figure's
// "usual init" setting and the claims' fresh nets read this, so the pairing lives in one place.
#include "activations.hpp"
#include "config.hpp"

namespace actlab {

InitScheme usual_init(ActivationId id);

}  // namespace actlab
