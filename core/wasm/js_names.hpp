#pragma once
// How the core's names read in JavaScript: config keys in camelCase (learning_rate ->
// learningRate), and the core's error messages with their field names spelled the same way.
// Plain C++ (no Emscripten header), used by bindings.cpp.
#include <cstddef>
#include <string>
#include <string_view>

namespace actlab::wasm {

// "learning_rate" -> "learningRate", "layer_activations" -> "layerActivations".
std::string camel_case(std::string_view snake);

// Writes `message` into out[0, size) as JS should read it: field names in camelCase wherever
// they appear as whole, unquoted words ("learning_rate: ..." -> "learningRate: ...",
// "layer_activations[1]" -> "layerActivations[1]", "greater than x_min" -> "greater than xMin").
// Quoted words are values the caller gave ('leaky_relu', an unknown key) and stay as they are.
// Allocates nothing; truncates to fit.
void js_message(const char* message, char* out, size_t size) noexcept;

}  // namespace actlab::wasm
