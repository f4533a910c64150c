// libFuzzer target over the core's two doors for outside input: config fields given as text
// (the field table: set_field_from_text, then validate and data generation) and caller-supplied
// points (make_custom_dataset, then a network trained on them). Built and run by
// scripts/fuzz.sh with ASan and UBSan.
//
// The contract checked: bad input raises std::invalid_argument (whose message names a field)
// and nothing else; good input gives data and a network that keep their invariants. Any other
// exception escapes and libFuzzer reports it; a broken invariant traps.
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "dataset.hpp"
#include "network.hpp"

using namespace actlab;

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

// A message must start with the name of what was wrong: "<field>: ..." (or "<field>[i]: ...").
// For a field given by name, that is the name as the input spelled it (it may itself hold ": ");
// a name with a NUL byte cuts what() short (a C string), so only a non-crash is asked then.
void require_named(const std::invalid_argument& e) {
  const std::string_view message = e.what();
  const size_t colon = message.find(": ");
  require(colon != std::string_view::npos && colon > 0);
}
void require_named(const std::invalid_argument& e, std::string_view given) {
  if (given.find('\0') != std::string_view::npos) return;
  const std::string_view message = e.what();
  require(message.substr(0, given.size()) == given);
  const std::string_view rest = message.substr(given.size());
  require(rest.substr(0, 2) == ": " || rest.substr(0, 1) == "[");
}

// Reads typed values off the front of the input; zeros once it runs out.
struct Reader {
  const uint8_t* data;
  size_t size;
  template <class T>
  T take() {
    T v{};
    const size_t n = size < sizeof(T) ? size : sizeof(T);
    std::memcpy(&v, data, n);
    data += n, size -= n;
    return v;
  }
};

// Lines "name=value": each applied with set_field_from_text, as the CLI does with --name value.
void fuzz_config_text(std::string_view text) {
  LabConfig config;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const size_t equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view name = line.substr(0, equals);
    try {
      set_field_from_text(config, name, line.substr(equals + 1));
    } catch (const std::invalid_argument& e) {
      require_named(e, name);
    }
  }
  try {
    validate(config);
  } catch (const std::invalid_argument& e) {
    require_named(e);
    return;
  }
  // Every field reads back as a value the table accepts.
  for (const FieldSpec& field : config_fields()) {
    LabConfig copy = config;
    set_field(copy, field.name, field.get(config));
  }
  if (config.points > 2000) return;  // keep each run fast
  try {
    const Dataset d = make_dataset(config.data_spec());
    require(d.train.size() + d.test.size() == size_t(config.points));
    require(d.train.size() >= 1);
    for (int32_t label : d.train.label) require(label >= 0 && label < config.classes);
  } catch (const std::invalid_argument& e) {  // classes outside the generator's range
    require_named(e);
  }
}

// Raw points and labels (any float bits, any int32), a class count, a test fraction and a seed.
void fuzz_custom_data(Reader in) {
  const int classes = in.take<uint8_t>() % 10;
  const float test_fraction = in.take<float>();
  const auto seed = in.take<uint64_t>();
  const size_t count = in.take<uint8_t>() % 65;
  std::vector<float> xy;
  std::vector<int32_t> labels;
  const size_t values = in.take<uint8_t>() % 2 ? 2 * count : 2 * count + in.take<uint8_t>() % 3;  // sometimes mismatched
  for (size_t i = 0; i < values; ++i) xy.push_back(in.take<float>());
  for (size_t i = 0; i < count; ++i) labels.push_back(in.take<uint8_t>() % 2 ? in.take<int32_t>() : in.take<uint8_t>() % 8);
  std::shared_ptr<const Dataset> data;
  try {
    data = std::make_shared<const Dataset>(make_custom_dataset(xy, labels, classes, test_fraction, seed));
  } catch (const std::invalid_argument& e) {
    require_named(e);
    return;
  }
  require(data->train.size() + data->test.size() == labels.size());
  require(data->train.size() >= 1);
  require(data->classes == classes);
  LabConfig config;
  config.hidden = {3};
  config.activation = static_cast<ActivationId>(seed % kActivationCount);
  config.batch_size = 4;
  Network network(config, data);
  network.train(3);
  const Metrics m = network.evaluate();
  require(m.train_accuracy >= 0.0 && m.train_accuracy <= 1.0);
  const auto result = network.loss_and_gradient(xy, labels);
  require(result.gradient.size() == network.params().size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the door; the rest is its input.
  if (data[0] % 2 == 0) {
    fuzz_config_text(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  } else {
    fuzz_custom_data(Reader{data + 1, size - 1});
  }
  return 0;
}
