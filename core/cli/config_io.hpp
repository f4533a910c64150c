#pragma once
// The LabConfig at the command line's edge, driven entirely by the field table
// (config_fields()): flags in, JSON and text out, and the help listing of every field.
#include <ostream>
#include <string>

#include "cli_args.hpp"
#include "config.hpp"
#include "json_writer.hpp"
#include "network.hpp"

namespace actlab::cli {

// Sets every --<field> flag in command-line order via set_field_from_text (which throws
// std::invalid_argument naming the field, the value and the allowed range).
void apply_config_flags(LabConfig& config, const ParsedArgs& args);

// The config as a JSON object keyed by field name; float fields print as float32 ("0.03").
void write_config(JsonWriter& json, const LabConfig& config);
void write_metrics(JsonWriter& json, const Metrics& metrics);
// What `actlab train --json` says of a run, from "config" to "batch", in its order; a sweep row
// (core/cli/sweep_rows.cpp) is the same fields, so that its rows equal train's for the same run.
void write_run_fields(JsonWriter& json, const Network& network, int64_t requested, const Metrics& metrics,
                      float last_batch_loss);

// A value as the command line spells it: "0.03", "16,16", "relu,tanh", "true".
std::string field_text(const FieldSpec& field, const LabConfig& config);
// The flags that rebuild this config: "--seed 1 --dataset spiral ..." (every field but an
// empty list whose default is empty; other empty lists print as '', a shell's empty argument).
std::string config_as_flags(const LabConfig& config);

// One line per field: name, type and range or choices, default, help.
void print_config_field_help(std::ostream& out);

}  // namespace actlab::cli
