#pragma once
// Conversions between the snapshots web/lab/actlab.js sends (plain objects of numbers, strings,
// booleans and plain arrays, keyed as JavaScript spells them; fresh Float32Array/Int32Array
// copies) and the core's types. actlab.js has already checked every JS type and read every
// getter, so nothing here can run user code; the few type tests left keep the raw module from
// misreading a value if someone calls it directly. Ranges and names are the core's to check
// (they throw FieldError). Only bindings.cpp includes <emscripten/bind.h>; these files need val.h.
#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "activation_curves.hpp"
#include "config.hpp"
#include "cost_benchmark.hpp"
#include "dataset.hpp"
#include "field_error.hpp"
#include "diagnostics.hpp"
#include "network.hpp"
#include "race.hpp"
#include "unit_maps.hpp"

namespace actlab::wasm {

using emscripten::val;

// ---- JS snapshot -> core (from_js.cpp) ----
LabConfig config_from(const val& config);                    // undefined: the defaults
std::vector<RaceMember> members_from(const val& members);    // ['relu', {activation, init}]
std::shared_ptr<const Dataset> data_from(const val& data, const LabConfig& config);  // undefined: generated
GridSpec grid_from(const val& grid);
CostSettings cost_settings_from(const val& options);
CurveSettings curve_settings_from(const val& options);
Deadline deadline_from(const val& options);  // options.deadlineMs (train's, activationCosts'); none if absent
int int_from(const val& number, const char* field, int lo, int hi);
// A coordinate of a clicked point, checked in double (a huge value would round to a float infinity).
float coordinate_from(const val& number, const char* field);
// A Float32Array / Int32Array, checked for length before anything is allocated.
std::vector<float> floats_from(const val& typed, const char* field, size_t expected_length);
std::vector<int32_t> labels_from(const val& typed);

// A float as JS should see it (number_text.cpp): the shortest decimal that reads back as the same
// float, so a field stored as 0.1f shows as 0.1, not 0.10000000149011612.
double js_float(double v);

// ---- core -> JS (to_js.cpp): new JS objects, typed arrays copied out of the wasm heap ----
val activations_to_js();
val datasets_to_js();
val initialisers_to_js();
val config_fields_to_js();
val config_to_js(const LabConfig& config);
val constants_to_js();  // the core's shared limits and bins (plane domain, grid and map sides, points)
val metrics_to_js(const Metrics& metrics);
val diagnostics_to_js(const Diagnostics& diagnostics);
val costs_to_js(const std::vector<ActivationCost>& costs);
val curves_to_js(const std::vector<ActivationCurve>& curves);  // [{name, label, maxDerivative, x, f, df}]
val data_to_js(const Dataset& data);
val floats_to_js(std::span<const float> values);
val race_losses_to_js(const std::vector<std::vector<float>>& losses);
val loss_and_gradient_to_js(const LossAndGradient& result);
val unit_maps_to_js(const UnitMaps& maps);
val partial_metrics_to_js(const Network::PartialMetrics& part);

// ---- errors as data (to_js.cpp): entries record a failure and return an empty result; actlab.js
// then calls takeError() and throws. Static buffers: reporting allocates nothing. ----
void record_error(std::string_view field, std::string_view message, std::string_view argument = {});
val take_error();  // {field, argument, message, kind?, params?} of the last failed call, then forgets it; null if none

// ---- the kind and parameters of a failed call's error (error_details.cpp) ----
void record_error_details(const FieldError& error, std::string_view js_field);
void record_out_of_memory();  // allocates nothing
void forget_error_details();  // record_error() calls it: a failure without details has none
void add_error_details(val& error);  // sets error.kind and error.params, then forgets them
val error_kinds_to_js();             // [{name, params: [...]}], the core's table

}  // namespace actlab::wasm
