// The WebAssembly boundary, and the only file that includes <emscripten/bind.h>. It moves
// snapshots (plain values built by web/lab/actlab.js, which checks every JS type and reads every
// getter first) into the core and results out (convert.hpp); every rule lives in the core.
//
// Errors are returned, never thrown through JS frames: an entry that fails records the core's
// FieldError (field as JavaScript spells it, via js_key) and returns undefined (or null for a
// handle); actlab.js then calls takeError() and throws a JS Error with error.field set. C++
// unwinds only inside wasm, so destructors run and nothing leaks.
//
// A new entry point: a function below written as `return attempt([&] { ... })`, one line in
// EMSCRIPTEN_BINDINGS, and its wrapper in web/lab (actlab.js, network.js or race.js: snapshot the
// arguments, call, check).
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

#include "convert.hpp"
#include "field_error.hpp"
#include "peak_flops.hpp"

namespace actlab::wasm {
namespace {

// ---- errors as data -----------------------------------------------------------------------

// Records the exception being handled (called only from a catch block): one out-of-line copy of
// the handlers, so each entry's attempt() carries a single catch-all (a Lippincott function; the
// handlers inlined into ~30 entries cost ~1 KB of wasm each).
[[gnu::noinline]] void record_current_exception() {
  try {
    throw;
  } catch (const FieldError& e) {
    const std::string_view key = js_key(e.field);
    record_error(key, e.message_as(key), e.argument);
    record_error_details(e, key);
  } catch (const std::bad_alloc&) {
    record_error("", "out of memory: the module's heap is limited to 256 MB (-sMAXIMUM_MEMORY); delete networks no longer used");
    record_out_of_memory();
  } catch (const std::exception& e) {
    record_error("", e.what());
  } catch (...) {
    record_error("", "unknown C++ exception");
  }
}

// Runs body; on a C++ exception records it and returns an empty result (undefined, or a null
// handle). The exception never leaves wasm.
template <class Body>
auto attempt(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (...) {
    record_current_exception();
  }
  using Result = decltype(body());
  if constexpr (std::is_same_v<Result, val>) return val::undefined();
  else return Result{};
}

// ---- bound objects ------------------------------------------------------------------------

// A network the JS side owns (created alone), or shares with its race: the shared_ptr of a
// race member aliases the race, so a member handle can never outlive the networks it points to.
struct NetworkHandle {
  std::shared_ptr<Network> net;
  std::vector<float> grid;  // predictGrid's output, reused call after call; freed with the handle
};

struct RaceHandle {
  std::shared_ptr<Race> race;
};

// ---- entries: the module ---------------------------------------------------------------------

val activations() { return attempt([] { return activations_to_js(); }); }
val datasets() { return attempt([] { return datasets_to_js(); }); }
val initialisers() { return attempt([] { return initialisers_to_js(); }); }
val config_fields() { return attempt([] { return config_fields_to_js(); }); }
val error_kind_table() { return attempt([] { return error_kinds_to_js(); }); }
val default_config() { return attempt([] { return config_to_js(LabConfig{}); }); }
val constants() { return attempt([] { return constants_to_js(); }); }

std::unique_ptr<NetworkHandle> create_network(val config, val data) {
  return attempt([&] {
    const LabConfig lab = config_from(config);
    return std::make_unique<NetworkHandle>(NetworkHandle{std::make_shared<Network>(lab, data_from(data, lab)), {}});
  });
}

std::unique_ptr<RaceHandle> create_race(val config, val members, val data) {
  return attempt([&] {
    const LabConfig shared = config_from(config);
    const std::vector<RaceMember> list = members_from(members);
    return std::make_unique<RaceHandle>(RaceHandle{std::make_shared<Race>(shared, list, data_from(data, shared))});
  });
}

val activation_costs(val options) {
  return attempt([&] { return costs_to_js(measure_activation_costs(cost_settings_from(options), deadline_from(options))); });
}

// activationCurves({activations, xMin, xMax, points}): f and f' from the training kernels.
val activation_curves_of(val options) {
  return attempt([&] { return curves_to_js(activation_curves(curve_settings_from(options))); });
}

double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }
double heap_size() { return static_cast<double>(emscripten_get_heap_size()); }

// peakFlops(ms) -> GFLOP/s: the f32x4 multiply-add peak of core/lib/peak_flops.hpp over about ms
// milliseconds (windows of 5 ms, the fastest kept: on a busy machine the least disturbed), so a
// benchmark can say what fraction of the hardware a workload reaches (scripts/bench.mjs).
val peak_flops(val ms) {
  return attempt([&] {
    const double budget = ms.isNumber() ? ms.as<double>() : -1.0;
    if (!(budget >= 1 && budget <= 10000)) throw_out_of_range("ms", budget, 1, 10000);
    const int windows = budget < 10 ? 2 : (budget > 500 ? 100 : static_cast<int>(budget / 5));
    return val(peak_flops_f32x4(budget / windows, windows).gflops);
  });
}

// ---- entries: Network ------------------------------------------------------------------------

double param_count(const NetworkHandle& h) { return static_cast<double>(h.net->params().size()); }
int classes(const NetworkHandle& h) { return h.net->model().classes(); }
double steps(const NetworkHandle& h) { return static_cast<double>(h.net->steps()); }
bool diverged(const NetworkHandle& h) { return h.net->diverged(); }
val diverged_at(const NetworkHandle& h) {
  const auto at = h.net->diverged_at();
  return at ? val(static_cast<double>(*at)) : val::null();
}

val train(NetworkHandle& h, val steps, val options) {
  return attempt([&] {
    const int n = int_from(steps, "steps", 0, kMaxTrainSteps);
    return floats_to_js(h.net->train(n, deadline_from(options)));
  });
}

val evaluate(NetworkHandle& h) {
  return attempt([&] { return metrics_to_js(h.net->evaluate()); });
}

// Returns a view of the module's memory, not a copy: actlab.js copies it at once, into the
// caller's reused Float32Array or a fresh one (a view dies when the heap grows, quirk 8). The
// handle keeps its output buffer: no allocation per call, here or in JS when the caller passes
// its own array (a fresh 512 KB array per 256x256 grid was about a fifth of a ReLU grid's time).
val predict_grid(NetworkHandle& h, val grid) {
  return attempt([&] {
    const GridSpec spec = grid_from(grid);
    const size_t size = size_t(h.net->model().classes()) * size_t(spec.width) * size_t(spec.height);
    if (h.grid.size() != size) h.grid.assign(size, 0.0f);
    h.net->predict_grid(spec, h.grid);
    return val(emscripten::typed_memory_view(size, h.grid.data()));
  });
}

val diagnostics(NetworkHandle& h) {
  return attempt([&] { return diagnostics_to_js(diagnose(*h.net)); });
}

val get_params(NetworkHandle& h) {
  return attempt([&] { return floats_to_js(h.net->params()); });
}

val set_params(NetworkHandle& h, val params) {
  return attempt([&] {
    h.net->set_params(floats_from(params, "params", h.net->params().size()));
    return val(true);
  });
}

val loss_and_gradient(NetworkHandle& h, val points, val labels) {
  return attempt([&] {
    const std::vector<int32_t> l = labels_from(labels);
    return loss_and_gradient_to_js(h.net->loss_and_gradient(floats_from(points, "points", 2 * l.size()), l));
  });
}

val data(NetworkHandle& h) {
  return attempt([&] { return data_to_js(h.net->data()); });
}

val config(NetworkHandle& h) {
  return attempt([&] { return config_to_js(h.net->config()); });
}

// ---- entries: Race ---------------------------------------------------------------------------

double race_size(const RaceHandle& r) { return static_cast<double>(r.race->size()); }

std::unique_ptr<NetworkHandle> race_member(RaceHandle& r, val index) {
  return attempt([&] {
    Network& member = r.race->member(size_t(int_from(index, "index", 0, int(r.race->size()) - 1)));
    return std::make_unique<NetworkHandle>(NetworkHandle{std::shared_ptr<Network>(r.race, &member), {}});
  });
}

val race_train(RaceHandle& r, val steps, val options) {
  return attempt([&] {
    const int n = int_from(steps, "steps", 0, kMaxTrainSteps);
    return race_losses_to_js(r.race->train(n, deadline_from(options)));
  });
}

// ---- entries: unit maps, slices of an evaluation, points clicked into a running race ---------

val unit_maps(NetworkHandle& h, val grid) {
  return attempt([&] { return unit_maps_to_js(compute_unit_maps(*h.net, grid_from(grid))); });
}

val evaluate_part(NetworkHandle& h, val test_set, val begin, val count) {
  return attempt([&] {
    const auto b = size_t(int_from(begin, "begin", 0, kMaxPoints)), n = size_t(int_from(count, "count", 1, kMaxPoints));
    return partial_metrics_to_js(h.net->evaluate_part(test_set.as<bool>(), b, n));
  });
}

val race_add_point(RaceHandle& r, val x, val y, val label) {
  return attempt([&] {
    r.race->add_training_point(coordinate_from(x, "x"), coordinate_from(y, "y"), int_from(label, "label", 0, kMaxClasses - 1));
    return val(true);
  });
}

bool race_remove_added_point(RaceHandle& r) { return r.race->remove_added_point(); }
double race_added_points(const RaceHandle& r) { return static_cast<double>(r.race->added_points()); }

}  // namespace
}  // namespace actlab::wasm

EMSCRIPTEN_BINDINGS(actlab) {
  using namespace actlab::wasm;
  namespace em = emscripten;
  em::function("takeError", &take_error);
  em::function("activations", &activations);
  em::function("datasets", &datasets);
  em::function("initialisers", &initialisers);
  em::function("configFields", &config_fields);
  em::function("errorKinds", &error_kind_table);
  em::function("defaultConfig", &default_config);
  em::function("constants", &constants);
  em::function("createNetwork", &create_network);
  em::function("createRace", &create_race);
  em::function("activationCosts", &activation_costs);
  em::function("activationCurves", &activation_curves_of);
  em::function("heapBytesInUse", &heap_bytes_in_use);
  em::function("heapSize", &heap_size);
  em::function("peakFlops", &peak_flops);

  em::class_<NetworkHandle>("Network")
      .function("paramCount", &param_count)
      .function("classes", &classes)
      .function("steps", &steps)
      .function("diverged", &diverged)
      .function("divergedAt", &diverged_at)
      .function("train", &train)
      .function("evaluate", &evaluate)
      .function("predictGrid", &predict_grid)
      .function("diagnostics", &diagnostics)
      .function("getParams", &get_params)
      .function("setParams", &set_params)
      .function("lossAndGradient", &loss_and_gradient)
      .function("data", &data)
      .function("config", &config)
      .function("unitMaps", &unit_maps)
      .function("evaluatePart", &evaluate_part);

  em::class_<RaceHandle>("Race")
      .function("size", &race_size)
      .function("member", &race_member)
      .function("train", &race_train)
      .function("addPoint", &race_add_point)
      .function("removeAddedPoint", &race_remove_added_point)
      .function("addedPoints", &race_added_points);
}
