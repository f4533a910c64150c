#pragma once
// Every setting of a lab run, and one table of fields that describes them: name, type, range,
// choices, default and help. Validation, error messages, the CLI flags, the JS config objects
// and the page's URL state are all driven by this one table (config_fields()), so a new
// setting is one struct member plus one row.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "activations.hpp"
#include "dataset.hpp"
#include "number_text.hpp"

namespace actlab {

enum class InitScheme : uint8_t {
  playground,     // U(-0.5, 0.5), bias 0.1: TensorFlow Playground's choice
  normal,         // N(0, 1): the "too large" init of the deeplearning.ai notes
  xavier,         // Glorot & Bengio (2010) uniform: U(-a, a), a = sqrt(6 / (fan_in + fan_out))
  xavier_normal,  // N(0, 2 / (fan_in + fan_out))
  he,             // He et al. (2015) normal: N(0, 2 / fan_in)
  he_uniform,     // U(-a, a), a = sqrt(6 / fan_in)
  lecun,          // LeCun normal: N(0, 1 / fan_in), SELU's companion
  count
};

enum class OptimizerKind : uint8_t { sgd, momentum, adam, count };

// Everything an optimizer needs to know (core/lib/optimizer.hpp says how each is used); one member
// of LabConfig, handed to the optimizer as it is.
struct OptimizerSettings {
  // Plain SGD by default: Adam rescales each weight's step, which masks vanishing gradients (with
  // Adam the default race showed sigmoid learning and its ratio above ReLU's, under text saying the
  // opposite). With SGD at 0.03 on the 5 x 8 spiral (seeds 1-3, checked in wasm): ReLU and Leaky
  // ReLU reach 90-100% test accuracy by ~6,000 steps (10 s at the page's pace), tanh 70-80%,
  // sigmoid stays near 50% with a first/last ratio of ~1e-2 against ReLU's 0.4-2.4 at step 3,000.
  OptimizerKind kind = OptimizerKind::sgd;
  float learning_rate = 0.03f;
  float momentum = 0.9f;
  bool nesterov = false;
  float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
  float l1 = 0.0f, l2 = 0.0f;  // penalties on weights (not biases or slopes)
  float clip_norm = 0.0f;      // 0: off
};

// Derived input features, as TensorFlow Playground offers them.
enum class Feature : uint8_t { x, y, x_squared, y_squared, x_times_y, sin_x, sin_y, count };

struct LabConfig {
  // Randomness: one seed fixes the data, the initial weights, the batch order and RReLU's slopes.
  uint32_t seed = 1;
  // Data.
  DatasetKind dataset = DatasetKind::spiral;
  int points = 500;
  float noise = 0.1f;
  float test_fraction = 0.3f;
  int classes = 2;
  // Model.
  std::vector<Feature> features = {Feature::x, Feature::y};
  // Five layers of 8: deep enough that sigmoid's gradient visibly fades on its way to the first
  // layer (first/last ratio ~1e-2 against ReLU's ~1 after 3,000 steps), small enough to train fast.
  std::vector<int> hidden = {8, 8, 8, 8, 8};
  ActivationId activation = ActivationId::relu;
  std::vector<ActivationId> layer_activations;  // empty, or one per hidden layer (overrides)
  InitScheme init = InitScheme::xavier;
  // Training.
  OptimizerSettings optimizer;  // which optimizer and all its settings, as one value
  int batch_size = 10;

  DataSpec data_spec() const;
  ActivationId layer_activation(size_t hidden_layer) const {
    return layer_activations.empty() ? activation : layer_activations[hidden_layer];
  }
};

inline constexpr int kMaxHiddenLayers = 10;
inline constexpr int kMaxWidth = 64;
inline constexpr int kMaxBatch = 1024;

// ---- The field table ----
enum class FieldType : uint8_t { integer, number, boolean, choice, integer_list, choice_list };

// A value as it crosses a boundary (CLI text, JS object, JSON): numbers as double.
using FieldValue = std::variant<double, bool, std::string, std::vector<double>, std::vector<std::string>>;

struct FieldSpec {
  const char* name;                   // core spelling: CLI flag, URL... ("learning_rate")
  const char* js_key;                 // JavaScript spelling: config keys, error.field ("learningRate")
  FieldType type;
  double min, max;                    // value range (numbers) or element range (integer lists)
  int min_items, max_items;           // list length range
  std::vector<std::string> choices;   // for choice and choice_list
  const char* help;
  void (*set)(LabConfig&, const FieldValue&);  // called after validation
  FieldValue (*get)(const LabConfig&);
};

std::span<const FieldSpec> config_fields();
const FieldSpec* find_field(std::string_view name);

// A list's length against the field's [min_items, max_items]; throws a FieldError. Callers that
// receive a list from outside check it before reading the items.
void check_list_length(const FieldSpec& spec, size_t n);

// Validates and sets one field; throws FieldError (field_error.hpp) naming the field, the value and the
// allowed range, e.g. "hidden[2]: 100 is out of range [1, 64]".
void set_field(LabConfig& config, std::string_view name, const FieldValue& value);
// Parses command-line text ("0.03", "16,16", "relu", "true") for the field's type, then set_field.
void set_field_from_text(LabConfig& config, std::string_view name, std::string_view text);
// Every field's range, and layer_activations' length against hidden. Whether `classes` suits the
// dataset generator is checked where data is generated (make_dataset): with caller-supplied
// points the dataset fields do not apply.
void validate(const LabConfig& config);

std::string_view init_name(InitScheme scheme);
std::string_view optimizer_name(OptimizerKind kind);
std::string_view feature_name(Feature feature);
InitScheme parse_init(std::string_view name, std::string_view field = "init");


}  // namespace actlab
